"""AnalyticsService: the dashboard's numbers, from its summary tables in a few small queries.

The cards are `TicketService.stats`' numbers (storage.stats); the series add the days of the range.
Nothing here reads the tickets or the event history, so the cost does not grow with the number of
tickets (only with the number of days shown).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import ceil

from ticketflow_desktop.domain import Status
from ticketflow_desktop.domain.analytics import Dashboard
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.storage import analytics as queries
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.stats import compute_stats

MAX_POINTS = 1_000


@dataclass(frozen=True)
class AnalyticsService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)  # decides "today" when none is given

    def dashboard(self, range_days: int | None = 30, today: date | None = None) -> Dashboard:
        if range_days is not None and range_days < 1:
            raise ValueError("a range holds at least one day")
        today = today or self.clock.now().date()
        with self.database.reading() as connection:
            stats = compute_stats(connection, today)
            first = stats.created_per_day[0].day if stats.created_per_day else None
            start = (first or today) if range_days is None else today - timedelta(days=range_days - 1)
            flow = queries.flow_since(connection, start)

        # Tickets dated after `today` (clock skew, imports) still belong in the series' last day.
        last = max([today, *flow])
        bucket, starts = buckets(start, last)
        created_series, resolved_series, net = [0] * len(starts), [0] * len(starts), [0] * len(starts)
        for day, (created, resolved, reopened) in flow.items():
            i = bisect_right(starts, day) - 1
            created_series[i] += created
            resolved_series[i] += resolved
            net[i] += created - resolved + reopened
        # The backlog at the end of the last bucket is what is active now; walk back bucket by bucket.
        backlog: list[int] = []
        level = sum(n for status, n in stats.by_status.items() if status not in (Status.RESOLVED, Status.CLOSED))
        for change in reversed(net):
            backlog.append(level)
            level -= change
        backlog.reverse()
        days = tuple(starts)
        return Dashboard(
            today=today,
            range_days=range_days,
            total=stats.total,
            by_status=stats.by_status,
            by_priority=stats.by_priority,
            by_category=stats.by_category,
            avg_created_per_day=stats.avg_per_day,
            median_resolution_seconds=stats.median_resolution_seconds,
            suggestions=stats.suggestions,
            days=days,
            created=tuple(created_series),
            resolved=tuple(resolved_series),
            backlog=tuple(backlog),
            bucket=bucket,
        )


def buckets(start: date, last: date) -> tuple[str, list[date]]:
    """The series' unit and the first day of each point from `start` to `last`: days, or for long spans
    weeks, months, years or runs of years, so that a chart never has more than MAX_POINTS points (a
    ticket dated year 1 once made an all-time chart of 740,000 days)."""
    days = (last - start).days + 1
    if days <= MAX_POINTS:
        return "day", [start + timedelta(days=i) for i in range(days)]
    monday = start - timedelta(days=start.weekday())
    if (last - monday).days // 7 + 1 <= MAX_POINTS:
        return "week", [monday + timedelta(weeks=i) for i in range((last - monday).days // 7 + 1)]
    months = (last.year - start.year) * 12 + last.month - start.month + 1
    if months <= MAX_POINTS:
        return "month", [_month(start.year, start.month + i) for i in range(months)]
    step = ceil((last.year - start.year + 1) / MAX_POINTS)
    first = start.year - (start.year - 1) % step  # runs of years from year 1: 1, 1+step, ...
    return ("year" if step == 1 else f"{step} years"), [date(y, 1, 1) for y in range(first, last.year + 1, step)]


def _month(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
