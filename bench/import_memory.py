"""Peak memory of `ticketflow import` against the size of the CSV file: the import streams its file.

    python bench/import_memory.py                          # a 1 GB file into SQLite
    python bench/import_memory.py --mb 200 --postgresql postgresql://postgres@127.0.0.1/postgres

Writes a CSV of about the size asked for (descriptions of --description-chars characters, in random
time order so the import's oldest-first ordering is exercised), imports it with the real CLI in a
child process into a fresh database, and prints the child's peak resident memory (ru_maxrss) and its
time. The target: under 200 MB for a 1 GB file. A benchmark, never a test.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.databases import drop_database, recreate_database

ROOT = Path(__file__).resolve().parents[1]


def write_csv(path: Path, megabytes: int, description_chars: int) -> int:
    rng = random.Random(7)
    words = ["printer", "invoice", "login", "refund", "crash", "timeout", "password", "export", "report", "sync"]
    target = megabytes * 1_000_000
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "description", "category", "priority", "created_at"])
        while out.tell() < target:
            body = " ".join(rng.choice(words) for _ in range(description_chars // 7))[:description_chars]
            day, second = rng.randrange(1, 365), rng.randrange(86_400)
            created = (
                "2025-01-01T00:00:00Z"
                if rows == 0
                else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1_735_689_600 + day * 86_400 + second))
            )
            writer.writerow([f"Ticket {rows} {rng.choice(words)}", body, "technical", "medium", created])
            rows += 1
    return rows


def run_import(url: str, path: Path, home: Path) -> tuple[int, float, float]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "ticketflow_desktop", "--database-url", url, "import", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"import failed: {result.stderr.strip()}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return result.returncode, elapsed, peak_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=1000, help="size of the CSV file in MB (default 1000)")
    parser.add_argument("--description-chars", type=int, default=2000)
    parser.add_argument("--postgresql", metavar="ADMIN_URL", help="import into a fresh database on this server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tf-import-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "tickets.csv"
        started = time.perf_counter()
        rows = write_csv(path, args.mb, args.description_chars)
        print(f"wrote {path.stat().st_size / 1e6:,.0f} MB, {rows:,} rows in {time.perf_counter() - started:.0f} s")
        name = f"tf_import_bench_{uuid.uuid4().hex[:8]}"
        url = recreate_database(args.postgresql, name) if args.postgresql else f"sqlite:///{folder / 'tickets.sqlite3'}"
        try:
            _, elapsed, peak_mb = run_import(url, path, folder / "home")
        finally:
            if args.postgresql:
                drop_database(args.postgresql, name)
        backend = "PostgreSQL" if args.postgresql else "SQLite"
        print()
        print("| backend | file | rows | import time | peak RSS (target < 200 MB) |")
        print("|---|---|---|---|---|")
        print(f"| {backend} | {path.stat().st_size / 1e6:,.0f} MB | {rows:,} | {elapsed:.0f} s | {peak_mb:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
