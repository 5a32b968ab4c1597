"""Launch-to-window time: the frozen build and the source tree, median of several runs.

    python bench/launch.py                      # both, 7 runs each (+1 warm-up), offscreen
    python bench/launch.py --frozen-only --runs 9
    python bench/launch.py --budget 1.5         # exit 1 when the frozen median is over budget

Each run starts the app with TICKETFLOW_EXIT_AFTER_SHOW=1 in a throwaway home folder (no user data is
touched); the app prints a line when its main window is first painted and quits. "launch" is the wall
time from just before the process is spawned to that paint, as the app stamps it; "in-app" is the
app's own reading from its process start (Linux only); "cpu" is the CPU time the process used until
then, close to what the launch costs an idle machine when other work shares the cores. A benchmark,
never a test: the machine's load moves the figures.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOWN = re.compile(r"TICKETFLOW_SHOWN epoch=(?P<epoch>[\d.]+) elapsed=(?P<elapsed>[\d.]+|unknown) cpu=(?P<cpu>[\d.]+)")
TIMEOUT_S = 60


def frozen_executable() -> Path:
    dist = ROOT / "dist"
    if sys.platform == "win32":  # the windowed .exe has no stdout; its console twin starts the same way
        return dist / "TicketFlow" / "ticketflow-cli.exe"
    if sys.platform == "darwin" and (dist / "TicketFlow.app").is_dir():
        return dist / "TicketFlow.app" / "Contents" / "MacOS" / "TicketFlow"
    return dist / "TicketFlow" / "TicketFlow"


def one_launch(command: list[str], home: Path) -> tuple[float, float | None, float]:
    env = dict(
        os.environ,
        TICKETFLOW_EXIT_AFTER_SHOW="1",
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData"),
        LOCALAPPDATA=str(home / "LocalAppData"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("DATABASE_URL", None)
    start = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    match = SHOWN.search(result.stdout)
    if result.returncode != 0 or match is None:
        raise RuntimeError(f"{command[0]} exited {result.returncode} without a window:\n{result.stderr[-2000:]}")
    elapsed = None if match["elapsed"] == "unknown" else float(match["elapsed"])
    return float(match["epoch"]) - start, elapsed, float(match["cpu"])


def measure(label: str, command: list[str], runs: int) -> float:
    with tempfile.TemporaryDirectory(prefix="ticketflow-launch-") as tmp:
        one_launch(command, Path(tmp))  # warm-up: first start writes caches and the database
        samples = [one_launch(command, Path(tmp)) for _ in range(runs)]
    launch = [s[0] for s in samples]
    in_app = [s[1] for s in samples if s[1] is not None]
    median = statistics.median(launch)
    in_app_text = f"{statistics.median(in_app):6.3f}" if in_app else "     -"
    cpu = statistics.median(s[2] for s in samples)
    print(f"{label:8} {runs:4} {median:8.3f} {min(launch):8.3f} {max(launch):8.3f} {in_app_text} {cpu:6.3f}")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", type=Path, default=None, help="the frozen executable (default: dist/...)")
    parser.add_argument("--frozen-only", action="store_true")
    parser.add_argument("--source-only", action="store_true")
    parser.add_argument("--budget", type=float, default=None, help="seconds; exit 1 if the frozen median exceeds it")
    args = parser.parse_args()

    header = f"{'build':8} {'runs':>4} {'median':>8} {'min':>8} {'max':>8} {'in-app':>6} {'cpu':>6}"
    print(f"{header}   (seconds, launch to window)")
    frozen_median = None
    if not args.source_only:
        executable = args.frozen or frozen_executable()
        if not executable.is_file():
            print(f"no frozen build at {executable}: run `pyinstaller --noconfirm build.spec` first", file=sys.stderr)
            return 2
        frozen_median = measure("frozen", [str(executable)], args.runs)
    if not args.frozen_only:
        measure("source", [sys.executable, "-m", "ticketflow_desktop"], args.runs)
    if args.budget is not None and frozen_median is not None and frozen_median > args.budget:
        print(f"frozen median {frozen_median:.3f} s is over the {args.budget} s budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
