"""AnalyticsService: the dashboard's numbers, from its summary tables in a few small queries.

Nothing here reads the tickets or the event history, so the cost does not grow with the number of
tickets (only with the number of days shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ticketflow_desktop.domain import Category, Priority, Status, SuggestionSource
from ticketflow_desktop.domain.analytics import Dashboard
from ticketflow_desktop.storage import analytics as queries
from ticketflow_desktop.storage.engine import Database


@dataclass(frozen=True)
class AnalyticsService:
    database: Database

    def dashboard(self, range_days: int | None = 30, today: date | None = None) -> Dashboard:
        if range_days is not None and range_days < 1:
            raise ValueError("a range holds at least one day")
        today = today or datetime.now(UTC).date()
        with self.database.reading() as session:
            # Core, not the ORM: plain rows, without the per-row cost of ORM result processing.
            connection = session.connection()
            counts = queries.breakdown(connection)
            first = queries.first_day(connection)
            start = (first or today) if range_days is None else today - timedelta(days=range_days - 1)
            flow = queries.flow_since(connection, start)
            median = queries.median_resolution(connection)
            suggestion_rows = queries.suggestion_counts(connection)

        by_status = {s: sum(n for _c, _p, st, n in counts if st == s.value) for s in Status}
        by_priority = {p: sum(n for _c, pr, _s, n in counts if pr == p.value) for p in Priority}
        by_category = {c: sum(n for ca, _p, _s, n in counts if ca == c.value) for c in Category}
        total = sum(by_status.values())

        # Tickets dated after `today` (clock skew, imports) still belong in the series' last day.
        last = max([today, *flow])
        days = tuple(start + timedelta(days=i) for i in range((last - start).days + 1))
        zero = (0, 0, 0)
        created_series = tuple(flow.get(d, zero)[0] for d in days)
        resolved_series = tuple(flow.get(d, zero)[1] for d in days)
        # The backlog at the end of the last day is what is active now; walk back day by day.
        backlog: list[int] = []
        level = by_status[Status.OPEN] + by_status[Status.IN_PROGRESS]
        for d in reversed(days):
            backlog.append(level)
            created, resolved, reopened = flow.get(d, zero)
            level = level - created + resolved - reopened
        backlog.reverse()

        # Over the calendar span (first ticket's day to today), idle days included.
        avg = 0.0 if first is None else total / ((max(today, last) - first).days + 1)
        suggestions = {
            source: (
                sum(n for s, a, n in suggestion_rows if s == source.value and a),
                sum(n for s, _a, n in suggestion_rows if s == source.value),
            )
            for source in SuggestionSource
        }
        return Dashboard(
            today=today,
            range_days=range_days,
            total=total,
            by_status=by_status,
            by_priority=by_priority,
            by_category=by_category,
            avg_created_per_day=avg,
            median_resolution_seconds=median,
            suggestions=suggestions,
            days=days,
            created=created_series,
            resolved=resolved_series,
            backlog=tuple(backlog),
        )
