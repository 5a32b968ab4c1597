"""Dashboard numbers, computed by the database from the summary tables and the event history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Float, cast, func, select
from sqlalchemy.orm import Session

from ticketflow_desktop.domain import Category, DailyCount, Priority, Stats, Status, SuggestionSource
from ticketflow_desktop.storage.tables import (
    ResolutionCountRow,
    SuggestionCountRow,
    TicketCountRow,
    TicketEventRow,
    TicketRow,
)

RESOLVING = (Status.RESOLVED.value, Status.CLOSED.value)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _breakdown(session: Session, column, enum: type) -> dict:
    counts = dict(session.execute(select(column, func.sum(TicketCountRow.n)).group_by(column)).all())
    # Every key, in the enum's order, zeros included (the web app dropped them).
    return {member: int(counts.get(member.value) or 0) for member in enum}


def created_per_day(session: Session, start: date | None = None, end: date | None = None) -> tuple[DailyCount, ...]:
    query = select(TicketCountRow.day, func.sum(TicketCountRow.n)).group_by(TicketCountRow.day)
    if start is not None:
        query = query.where(TicketCountRow.day >= start)
    if end is not None:
        query = query.where(TicketCountRow.day <= end)
    query = query.having(func.sum(TicketCountRow.n) > 0).order_by(TicketCountRow.day)
    return tuple(DailyCount(_as_date(d), int(n)) for d, n in session.execute(query))


def median_resolution_seconds(session: Session) -> float | None:
    """Median time from creation to the first time a ticket was resolved or closed.

    From the histogram kept on write: each middle value is its bucket's mean, so the result is exact
    when a bucket holds one value and otherwise within the bucket's width (~1%).
    """
    rows = session.execute(
        select(ResolutionCountRow.n, ResolutionCountRow.seconds)
        .where(ResolutionCountRow.n > 0)
        .order_by(ResolutionCountRow.bucket)
    ).all()
    total = sum(int(n) for n, _ in rows)
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]  # 0-based ranks of the middle value(s)
    values: list[float] = []
    seen = 0
    for n, seconds in rows:
        while wanted and wanted[0] < seen + n:
            values.append(seconds / n)
            wanted.pop(0)
        seen += n
    return float(sum(values) / len(values))


def exact_median_resolution_seconds(session: Session) -> float | None:
    """The same median from the full history (a scan of every status event; for checks only)."""
    dialect = session.get_bind().dialect.name
    first = (
        select(TicketEventRow.ticket_id, func.min(TicketEventRow.at).label("at"))
        .where(TicketEventRow.field == "status", TicketEventRow.new_value.in_(RESOLVING))
        .group_by(TicketEventRow.ticket_id)
        .subquery()
    )
    if dialect == "postgresql":
        seconds = func.extract("epoch", first.c.at - TicketRow.created_at)
        query = select(func.percentile_cont(0.5).within_group(seconds)).select_from(
            first.join(TicketRow, TicketRow.id == first.c.ticket_id)
        )
        value = session.execute(query).scalar_one()
        return None if value is None else float(value)
    seconds = (func.julianday(first.c.at) - func.julianday(TicketRow.created_at)) * 86400.0
    durations = (
        select(cast(seconds, Float).label("s"))
        .select_from(first.join(TicketRow, TicketRow.id == first.c.ticket_id))
        .subquery()
    )
    n = session.execute(select(func.count()).select_from(durations)).scalar_one()
    if n == 0:
        return None
    ordered = select(durations.c.s).order_by(durations.c.s)
    middle = session.execute(ordered.limit(2 - n % 2).offset((n - 1) // 2)).scalars().all()
    return float(sum(middle) / len(middle))


def compute_stats(session: Session, today: date) -> Stats:
    by_status = _breakdown(session, TicketCountRow.status, Status)
    by_priority = _breakdown(session, TicketCountRow.priority, Priority)
    by_category = _breakdown(session, TicketCountRow.category, Category)
    total = sum(by_status.values())
    per_day = created_per_day(session)
    if per_day:
        # Over the calendar span, first ticket's day to today, idle days included.
        span_days = (max(today, per_day[-1].day) - per_day[0].day).days + 1
        avg = total / span_days
    else:
        avg = 0.0
    suggestions: dict[SuggestionSource, tuple[int, int]] = {}
    rows = session.execute(select(SuggestionCountRow.source, SuggestionCountRow.accepted, SuggestionCountRow.n)).all()
    for source in SuggestionSource:
        accepted = sum(n for s, a, n in rows if s == source.value and a)
        offered = sum(n for s, _a, n in rows if s == source.value)
        suggestions[source] = (int(accepted), int(offered))
    return Stats(
        total=total,
        by_status=by_status,
        by_priority=by_priority,
        by_category=by_category,
        created_per_day=per_day,
        avg_per_day=avg,
        median_resolution_seconds=median_resolution_seconds(session),
        suggestions=suggestions,
    )
