"""The ticket numbers (`Stats`), read from the summary tables that every write keeps (storage.analytics).

A handful of small queries whose cost does not grow with the number of tickets: at most 64 rows of
totals, a row per day, a few thousand histogram buckets.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select

from ticketflow_desktop.domain import Category, DailyCount, Priority, Stats, Status, SuggestionSource
from ticketflow_desktop.storage import analytics
from ticketflow_desktop.storage.analytics import as_date
from ticketflow_desktop.storage.tables import daily_flow_table


def created_per_day(executor: Connection, start: date | None = None, end: date | None = None) -> tuple[DailyCount, ...]:
    """Tickets created per day, days without any left out."""
    f = daily_flow_table.c
    query = select(f.day, f.created).where(f.created > 0).order_by(f.day)
    if start is not None:
        query = query.where(f.day >= start)
    if end is not None:
        query = query.where(f.day <= end)
    return tuple(DailyCount(as_date(d), int(n)) for d, n in executor.execute(query))


def compute_stats(executor: Connection, today: date) -> Stats:
    counts = analytics.breakdown(executor)
    # Every key, in the enum's order, zeros included (the web app dropped them).
    by_status = {s: sum(n for _c, _p, st, n in counts if st == s.value) for s in Status}
    by_priority = {p: sum(n for _c, pr, _s, n in counts if pr == p.value) for p in Priority}
    by_category = {c: sum(n for ca, _p, _s, n in counts if ca == c.value) for c in Category}
    total = sum(by_status.values())
    per_day = created_per_day(executor)
    # Over the calendar span, first ticket's day to today (or the last day a ticket is dated), idle days
    # included: the web app divided by active days only.
    avg = total / ((max(today, per_day[-1].day) - per_day[0].day).days + 1) if per_day else 0.0
    rows = analytics.suggestion_counts(executor)
    suggestions = {
        source: (
            sum(n for s, a, n in rows if s == source.value and a),
            sum(n for s, _a, n in rows if s == source.value),
        )
        for source in SuggestionSource
    }
    return Stats(
        total=total,
        by_status=by_status,
        by_priority=by_priority,
        by_category=by_category,
        created_per_day=per_day,
        avg_per_day=avg,
        median_resolution_seconds=analytics.median_resolution(executor),
        suggestions=suggestions,
    )
