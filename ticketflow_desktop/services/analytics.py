"""AnalyticsService: the dashboard's numbers, from its summary tables in a few small queries.

The cards are `TicketService.stats`' numbers (storage.stats); the series add the days of the range.
Nothing here reads the tickets or the event history, so the cost does not grow with the number of
tickets (only with the number of days shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ticketflow_desktop.domain import Status
from ticketflow_desktop.domain.analytics import Dashboard
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.storage import analytics as queries
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.stats import compute_stats


@dataclass(frozen=True)
class AnalyticsService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)  # decides "today" when none is given

    def dashboard(self, range_days: int | None = 30, today: date | None = None) -> Dashboard:
        if range_days is not None and range_days < 1:
            raise ValueError("a range holds at least one day")
        today = today or self.clock.now().date()
        with self.database.reading() as session:
            # Core, not the ORM: plain rows, without the per-row cost of ORM result processing.
            connection = session.connection()
            stats = compute_stats(connection, today)
            first = stats.created_per_day[0].day if stats.created_per_day else None
            start = (first or today) if range_days is None else today - timedelta(days=range_days - 1)
            flow = queries.flow_since(connection, start)

        # Tickets dated after `today` (clock skew, imports) still belong in the series' last day.
        last = max([today, *flow])
        days = tuple(start + timedelta(days=i) for i in range((last - start).days + 1))
        zero = (0, 0, 0)
        created_series = tuple(flow.get(d, zero)[0] for d in days)
        resolved_series = tuple(flow.get(d, zero)[1] for d in days)
        # The backlog at the end of the last day is what is active now; walk back day by day.
        backlog: list[int] = []
        level = stats.by_status[Status.OPEN] + stats.by_status[Status.IN_PROGRESS]
        for d in reversed(days):
            backlog.append(level)
            created, resolved, reopened = flow.get(d, zero)
            level = level - created + resolved - reopened
        backlog.reverse()
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
            created=created_series,
            resolved=resolved_series,
            backlog=tuple(backlog),
        )
