"""The CLI as a whole process (issue 21: `show`, `list --json`, `stats --json` <= 300 ms each), and where
its start-up goes.

    python -m bench.cli --backend postgresql [--tickets 1000000] [--runs 15]

Each call is a new `python -m ticketflow_desktop` process on the team data set (bench/team_data.py), as the
benchmark agent under row-level security on PostgreSQL, in a throwaway home folder; the time is from just
before the process is spawned to its exit. Bytecode is cached (as after an install), so the figures are
what a user's second call costs. Then one more call under `python -X importtime`, summed per top-level
package: what the imports cost of the whole. Run from a checkout other than the app's with
PYTHONPATH=<checkout> to compare.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.team import as_agent
from bench.team_data import data_set_arguments, prepare
from ticketflow_desktop.services.tickets import TicketService

TARGET_MS = 300


def call_ms(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def import_costs(args: list[str], env: dict[str, str]) -> tuple[Counter[str], float]:
    """Self time of every import, summed per top-level package (ms), and the total."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args[1:]], env=env, check=True, capture_output=True, text=True
    )
    per_package: Counter[str] = Counter()
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \| (\s*)(\S+)", line)
        if match:
            per_package[match.group(3).split(".")[0]] += int(match.group(1)) / 1000
    return per_package, sum(per_package.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cli", description=__doc__.split("\n\n")[0])
    data_set_arguments(parser)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args(argv)
    owner, _steps = prepare(options.backend, options.tickets, options.pg_url)
    agent = as_agent(owner)  # the benchmark agent under row-level security (SQLite: the owner)
    url = agent.url
    shown = TicketService(agent).page(limit=1).tickets[0].id  # one the agent may see
    commands = (("show", str(shown)), ("list", "--json"), ("stats", "--json"))
    if agent is not owner:
        agent.dispose()
    owner.dispose()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config")
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install has its bytecode cached
        base = [sys.executable, "-m", "ticketflow_desktop", "--database-url", url]
        cwd = Path(home)  # not the checkout: `-m` puts the working folder first on the import path
        os.chdir(cwd)
        print(f"\n== {options.backend}, {options.tickets:,} tickets, {options.runs} calls each (ms, whole process)")
        print(f"{'command':<22} {'p50':>7} {'p95':>7} {'max':>7} {'target':>8} {'met':>5}")
        for command in commands:
            call_ms([*base, *command], env)  # writes the bytecode cache, warms the server
            times = [call_ms([*base, *command], env) for _ in range(options.runs)]
            p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 20 else max(times)
            met = "yes" if p95 <= TARGET_MS else "no"
            print(
                f"{' '.join(command):<22} {statistics.median(times):7.0f} {p95:7.0f} {max(times):7.0f} "
                f"{TARGET_MS:>8} {met:>5}",
                flush=True,
            )
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare = (time.perf_counter() - started) * 1000
        per_package, total = import_costs([*base, *commands[0]], env)
        print(f"\nwhere `show` goes (one call under -X importtime; an empty Python start: {bare:.0f} ms)")
        print(f"{'imports, all':<22} {total:7.0f}")
        for package, ms in per_package.most_common(6):
            print(f"  {package:<20} {ms:7.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
