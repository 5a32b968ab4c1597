"""The per-day summary tables, kept in the same transaction as each write."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ticketflow_desktop.storage.analytics import add_count_deltas
from ticketflow_desktop.storage.tables import (
    ResolutionCountRow,
    SuggestionCountRow,
    TicketCountRow,
    TicketEventRow,
    TicketRow,
)

CountKey = tuple[date, str, str, str]  # created day, category, priority, status
RESOLVING = ("resolved", "closed")
RESOLUTION_STEPS_PER_DOUBLING = 64  # the migration 0002_perf buckets its backfill the same way


def _upsert(session: Session, table: type, keys: list[str], rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
    core = table.__table__  # Core, not ORM: the ORM bulk path inspects every row in Python
    statement = insert_fn(core)
    summed = [c for c in ("n", "seconds") if c in core.c]
    statement = statement.on_conflict_do_update(
        index_elements=keys, set_={c: core.c[c] + statement.excluded[c] for c in summed}
    )
    # executemany of one compiled statement: a multi-VALUES statement of thousands of rows costs
    # seconds to compile, and a bulk load adds up to a row per day × category × priority × status.
    session.execute(statement, rows)


def add_ticket_counts(session: Session, deltas: Counter[CountKey]) -> None:
    # A fixed order of keys keeps concurrent writers from deadlocking on the summary rows: rows are
    # touched in key order, whether decremented or incremented (runs of increments in one statement).
    keys = ["day", "category", "priority", "status"]
    batch: list[dict[str, object]] = []
    for (day, c, p, s), n in sorted(deltas.items()):
        if n > 0:
            batch.append({"day": day, "category": c, "priority": p, "status": s, "n": n})
        elif n < 0:  # the row exists: the ticket being moved was counted in it
            _upsert(session, TicketCountRow, keys, batch)
            batch = []
            session.execute(
                update(TicketCountRow)
                .where(
                    TicketCountRow.day == day,
                    TicketCountRow.category == c,
                    TicketCountRow.priority == p,
                    TicketCountRow.status == s,
                )
                .values(n=TicketCountRow.n + n)
            )
    _upsert(session, TicketCountRow, keys, batch)
    add_count_deltas(session, deltas)  # the dashboard's own summaries, in the same transaction


def add_suggestion_counts(session: Session, deltas: Counter[tuple[str, bool]]) -> None:
    rows = [{"source": s, "accepted": a, "n": n} for (s, a), n in sorted(deltas.items()) if n]
    _upsert(session, SuggestionCountRow, ["source", "accepted"], rows)


def day_expression(dialect: str):
    if dialect == "postgresql":
        return func.date(func.timezone("UTC", TicketRow.created_at))
    return func.substr(TicketRow.created_at, 1, 10)


def recount(session: Session) -> dict[CountKey, int]:
    """A full recount from the tickets themselves, to check the summary against."""
    dialect = session.get_bind().dialect.name
    day = day_expression(dialect).label("day")
    query = select(day, TicketRow.category, TicketRow.priority, TicketRow.status, func.count()).group_by(
        day, TicketRow.category, TicketRow.priority, TicketRow.status
    )
    result: dict[CountKey, int] = {}
    for d, c, p, s, n in session.execute(query):
        key_day = d if isinstance(d, date) else date.fromisoformat(d)
        result[(key_day, c, p, s)] = n
    return result


def stored_counts(session: Session) -> dict[CountKey, int]:
    rows = session.execute(select(TicketCountRow).where(TicketCountRow.n > 0)).scalars()
    return {(r.day, r.category, r.priority, r.status): r.n for r in rows}


def rebuild(session: Session, keys: Iterable[CountKey] | None = None) -> None:
    """Replace the summary with a full recount (after bulk loads, or to repair)."""
    session.execute(delete(TicketCountRow))
    rows = [
        {"day": k[0], "category": k[1], "priority": k[2], "status": k[3], "n": n} for k, n in recount(session).items()
    ]
    for start in range(0, len(rows), 1000):
        session.execute(insert(TicketCountRow), rows[start : start + 1000])


# --- time to first resolution -------------------------------------------------------------------


class Resolutions:
    """Histogram deltas: bucket -> [tickets, seconds]."""

    def __init__(self) -> None:
        self.buckets: dict[int, list[float]] = {}

    def add(self, created: datetime, resolved: datetime) -> None:
        seconds = (resolved - created).total_seconds()
        entry = self.buckets.setdefault(resolution_bucket(seconds), [0, 0.0])
        entry[0] += 1
        entry[1] += seconds


def resolution_bucket(seconds: float) -> int:
    return 0 if seconds < 1 else 1 + int(math.log2(seconds) * RESOLUTION_STEPS_PER_DOUBLING)


def add_resolutions(session: Session, resolutions: Resolutions) -> None:
    rows = [{"bucket": b, "n": int(n), "seconds": s} for b, (n, s) in sorted(resolutions.buckets.items())]
    _upsert(session, ResolutionCountRow, ["bucket"], rows)


def record_resolution(session: Session, ticket_id: int, created: datetime, at: datetime, status: str) -> None:
    """Count a ticket's first resolution; call before the change's own event is stored."""
    if status not in RESOLVING:
        return
    earlier = session.execute(
        select(TicketEventRow.id)
        .where(
            TicketEventRow.ticket_id == ticket_id,
            TicketEventRow.field == "status",
            TicketEventRow.new_value.in_(RESOLVING),
        )
        .limit(1)
    ).first()
    if earlier is None:
        resolutions = Resolutions()
        resolutions.add(created, at)
        add_resolutions(session, resolutions)


def recount_resolutions(session: Session) -> dict[int, int]:
    """Tickets per bucket from the full history, to check the histogram against."""
    return {b: int(n) for b, (n, _s) in _recount_resolutions(session).buckets.items()}


def _recount_resolutions(session: Session) -> Resolutions:
    first = (
        select(TicketEventRow.ticket_id, func.min(TicketEventRow.at).label("at"))
        .where(TicketEventRow.field == "status", TicketEventRow.new_value.in_(RESOLVING))
        .group_by(TicketEventRow.ticket_id)
        .subquery()
    )
    rows = session.execute(select(TicketRow.created_at, first.c.at).join(first, first.c.ticket_id == TicketRow.id))
    resolutions = Resolutions()
    for created, at in rows:
        resolutions.add(created, at)
    return resolutions


def rebuild_resolutions(session: Session) -> None:
    session.execute(delete(ResolutionCountRow))
    add_resolutions(session, _recount_resolutions(session))


def stored_resolutions(session: Session) -> dict[int, int]:
    rows = session.execute(select(ResolutionCountRow.bucket, ResolutionCountRow.n).where(ResolutionCountRow.n > 0))
    return {b: int(n) for b, n in rows}
