"""Time the dashboard's numbers on a database: `python bench/dashboard.py URL [runs] [--summaries N]`.

Prints the median and worst wall time (and the CPU time of this process) of
AnalyticsService.dashboard per range, warm (after one untimed call), and of TicketService.stats.

The dashboard reads only its summary tables, never the tickets or their events. `--summaries N`
fills an empty database's summaries exactly as bulk-loading N synthetic tickets would (the same
code: analytics.LoadedHistory), without storing the tickets themselves,
so that the dashboard can be timed "at N tickets" in minutes instead of hours on a small machine.
"""

from __future__ import annotations

import statistics
import sys
import time

from ticketflow_desktop.domain.analytics import RANGES, range_label
from ticketflow_desktop.services.analytics import AnalyticsService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database


def timed(fn, runs: int) -> tuple[float, float, float]:
    fn()
    samples = []
    cpu = time.process_time()
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples), (time.process_time() - cpu) * 1000 / runs


def fill_summaries(database, count: int) -> None:
    from ticketflow_desktop.services.seed import synthetic_tickets
    from ticketflow_desktop.storage.analytics import LoadedHistory

    with database.writing() as session:
        LoadedHistory().add(synthetic_tickets(count)).write(session)


def main() -> None:
    args = sys.argv[1:]
    fill = 0
    if "--summaries" in args:
        at = args.index("--summaries")
        fill = int(args[at + 1])
        del args[at : at + 2]
    url = args[0]
    runs = int(args[1]) if len(args) > 1 else 20
    database = open_database(url)
    if fill:
        start = time.perf_counter()
        fill_summaries(database, fill)
        print(f"filled the summaries for {fill:,} tickets in {time.perf_counter() - start:.0f} s")
    analytics = AnalyticsService(database)
    total = analytics.dashboard(7).total
    print(f"{database.masked_url}: {total:,} tickets, {runs} runs each")
    print(f"{'what':<32}{'median ms':>10}{'max ms':>10}{'cpu ms':>10}")
    for days in RANGES:
        median, worst, cpu = timed(lambda d=days: analytics.dashboard(d), runs)
        print(f"{'dashboard, ' + range_label(days).lower():<32}{median:>10.1f}{worst:>10.1f}{cpu:>10.1f}")
    if not fill:
        median, worst, cpu = timed(lambda: TicketService(database).stats(), max(3, runs // 5))
        print(f"{'TicketService.stats (events)':<32}{median:>10.1f}{worst:>10.1f}{cpu:>10.1f}")
    database.dispose()


if __name__ == "__main__":
    main()
