"""Time the dashboard's numbers on a database: `python bench/dashboard.py URL [runs]`.

Prints the median and worst wall time of AnalyticsService.dashboard per range (warm: after one
untimed call), and of the older TicketService.stats for comparison.
"""

from __future__ import annotations

import statistics
import sys
import time

from ticketflow_desktop.domain.analytics import RANGES, range_label
from ticketflow_desktop.services.analytics import AnalyticsService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database


def timed(fn, runs: int) -> tuple[float, float]:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    url = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    database = open_database(url)
    analytics = AnalyticsService(database)
    total = analytics.dashboard(7).total
    print(f"{database.masked_url}: {total:,} tickets, {runs} runs each")
    print(f"{'what':<32}{'median ms':>10}{'max ms':>10}")
    for days in RANGES:
        median, worst = timed(lambda d=days: analytics.dashboard(d), runs)
        print(f"{'dashboard, ' + range_label(days).lower():<32}{median:>10.1f}{worst:>10.1f}")
    median, worst = timed(lambda: TicketService(database).stats(), max(3, runs // 5))
    print(f"{'TicketService.stats (events)':<32}{median:>10.1f}{worst:>10.1f}")
    database.dispose()


if __name__ == "__main__":
    main()
