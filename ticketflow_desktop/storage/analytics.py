"""Dashboard summaries (status flow per day, resolution-time histogram) and the queries that read them.

The summaries are kept in the same transaction as every write (`record_status_change` from
TicketService.update, `add_loaded` from bulk loads); `recount_*` derive them from the event history,
to check against and to fill them for an existing database (migration 0002_dashboard).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Protocol

from sqlalchemy import Connection, Float, Integer, and_, case, cast, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ticketflow_desktop.domain import Status
from ticketflow_desktop.storage.tables import (
    ResolutionTimeRow,
    StatusFlowRow,
    SuggestionCountRow,
    TicketCountRow,
    TicketEventRow,
    TicketRow,
)

DONE = frozenset({Status.RESOLVED.value, Status.CLOSED.value})
_DONE = tuple(sorted(DONE))
# Resolution-time buckets: 0 holds [0, 1 s); bucket b >= 1 holds [BASE**(b-1), BASE**b) seconds.
BASE = 1.01

Executor = Session | Connection


class _NewTicket(Protocol):  # storage.bulk.NewTicket, without importing it (bulk imports us)
    created_at: datetime
    initial_status: Status
    status_changes: tuple[tuple[datetime, Status], ...]


def _dialect(executor: Executor) -> str:
    bind = executor.get_bind() if isinstance(executor, Session) else executor
    return bind.dialect.name


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _epoch(value: datetime) -> int:
    return math.floor(value.astimezone(UTC).timestamp())


def bucket_of(seconds: int) -> int:
    return 0 if seconds < 1 else 1 + math.floor(math.log(seconds) / math.log(BASE))


def bucket_value(bucket: int) -> float:
    """A bucket's representative: its geometric middle (within 0.5 % of any value in it)."""
    return 0.0 if bucket == 0 else BASE ** (bucket - 0.5)


# --- keeping the summaries ------------------------------------------------------------------------


def _add_flow(executor: Executor, deltas: Counter[tuple[date, str]]) -> None:
    per_day: dict[date, dict[str, int]] = {}
    for (day, kind), n in deltas.items():
        per_day.setdefault(day, {"resolved": 0, "reopened": 0})[kind] += n
    rows = [{"day": d, **per_day[d]} for d in sorted(per_day)]
    if not rows:
        return
    insert_fn = postgresql.insert if _dialect(executor) == "postgresql" else sqlite.insert
    statement = insert_fn(StatusFlowRow).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["day"],
        set_={
            "resolved": StatusFlowRow.resolved + statement.excluded.resolved,
            "reopened": StatusFlowRow.reopened + statement.excluded.reopened,
        },
    )
    executor.execute(statement)


def _add_resolution_times(executor: Executor, deltas: Counter[int]) -> None:
    rows = [{"bucket": b, "n": n} for b, n in sorted(deltas.items()) if n]
    if not rows:
        return
    insert_fn = postgresql.insert if _dialect(executor) == "postgresql" else sqlite.insert
    statement = insert_fn(ResolutionTimeRow).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["bucket"], set_={"n": ResolutionTimeRow.n + statement.excluded.n}
    )
    executor.execute(statement)


def record_status_change(
    session: Session, ticket_id: int, created_at: datetime, old: str, new: str, at: datetime, version: int
) -> None:
    """Count one status change made by `version` (call before its event row is flushed or after: the
    first-resolution check only looks at older versions)."""
    flow: Counter[tuple[date, str]] = Counter()
    if new in DONE and old not in DONE:
        flow[(at.astimezone(UTC).date(), "resolved")] += 1
    elif old in DONE and new not in DONE:
        flow[(at.astimezone(UTC).date(), "reopened")] += 1
    _add_flow(session, flow)
    if new in DONE:
        earlier = session.execute(
            select(TicketEventRow.id)
            .where(
                TicketEventRow.ticket_id == ticket_id,
                TicketEventRow.field == "status",
                TicketEventRow.new_value.in_(_DONE),
                TicketEventRow.version < version,
            )
            .limit(1)
        ).first()
        if earlier is None:
            _add_resolution_times(session, Counter({bucket_of(_epoch(at) - _epoch(created_at)): 1}))


def add_loaded(session: Session, tickets: Iterable[_NewTicket]) -> None:
    """Count the history of freshly bulk-loaded tickets (the same rules as the recount)."""
    flow: Counter[tuple[date, str]] = Counter()
    times: Counter[int] = Counter()
    for t in tickets:
        previous = t.initial_status.value
        if previous in DONE:
            flow[(t.created_at.astimezone(UTC).date(), "resolved")] += 1
        first_done: datetime | None = None
        for at, status in t.status_changes:
            new = status.value
            if new in DONE and previous not in DONE:
                flow[(at.astimezone(UTC).date(), "resolved")] += 1
            elif previous in DONE and new not in DONE:
                flow[(at.astimezone(UTC).date(), "reopened")] += 1
            if new in DONE and (first_done is None or at < first_done):
                first_done = at
            previous = new
        if first_done is not None:
            times[bucket_of(_epoch(first_done) - _epoch(t.created_at))] += 1
    _add_flow(session, flow)
    _add_resolution_times(session, times)


# --- recounting from the event history ------------------------------------------------------------


def _event_day(dialect: str):
    if dialect == "postgresql":
        return func.date(func.timezone("UTC", TicketEventRow.at))
    return func.substr(TicketEventRow.at, 1, 10)


def _epoch_sql(dialect: str, column):
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", column)), Integer)
    return cast(func.strftime("%s", column), Integer)


def recount_flow(executor: Executor) -> dict[date, tuple[int, int]]:
    """(resolved, reopened) per day, counted from every status event."""
    e = TicketEventRow
    became_done = and_(e.new_value.in_(_DONE), or_(e.field == "created", e.old_value.notin_(_DONE)))
    reopened = and_(e.field == "status", e.old_value.in_(_DONE), e.new_value.notin_(_DONE))
    day = _event_day(_dialect(executor)).label("day")
    query = (
        select(
            day,
            func.sum(case((became_done, 1), else_=0)),
            func.sum(case((reopened, 1), else_=0)),
        )
        .where(e.field.in_(("created", "status")))
        .group_by(day)
    )
    return {_as_date(d): (int(r), int(o)) for d, r, o in executor.execute(query) if r or o}


def recount_resolution_times(executor: Executor) -> dict[int, int]:
    dialect = _dialect(executor)
    e = TicketEventRow
    first = (
        select(e.ticket_id, func.min(e.at).label("at"))
        .where(e.field == "status", e.new_value.in_(_DONE))
        .group_by(e.ticket_id)
        .subquery()
    )
    seconds = (_epoch_sql(dialect, first.c.at) - _epoch_sql(dialect, TicketRow.created_at)).label("s")
    durations = select(seconds).select_from(first.join(TicketRow, TicketRow.id == first.c.ticket_id)).subquery()
    s = cast(durations.c.s, Float)
    bucket = case((durations.c.s < 1, 0), else_=1 + cast(func.floor(func.ln(s) / math.log(BASE)), Integer))
    bucket = bucket.label("bucket")
    query = select(bucket, func.count()).group_by(bucket)
    return {int(b): int(n) for b, n in executor.execute(query)}


def stored_flow(executor: Executor) -> dict[date, tuple[int, int]]:
    rows = executor.execute(select(StatusFlowRow.day, StatusFlowRow.resolved, StatusFlowRow.reopened))
    return {_as_date(d): (int(r), int(o)) for d, r, o in rows if r or o}


def stored_resolution_times(executor: Executor) -> dict[int, int]:
    rows = executor.execute(select(ResolutionTimeRow.bucket, ResolutionTimeRow.n))
    return {int(b): int(n) for b, n in rows if n}


def rebuild_summaries(executor: Executor) -> None:
    """Replace the dashboard summaries with a full recount (migration, repair)."""
    flow = recount_flow(executor)
    times = recount_resolution_times(executor)
    executor.execute(delete(StatusFlowRow))
    executor.execute(delete(ResolutionTimeRow))
    flow_rows = [{"day": d, "resolved": r, "reopened": o} for d, (r, o) in sorted(flow.items())]
    for start in range(0, len(flow_rows), 1000):
        executor.execute(insert(StatusFlowRow), flow_rows[start : start + 1000])
    if times:
        executor.execute(insert(ResolutionTimeRow), [{"bucket": b, "n": n} for b, n in sorted(times.items())])


# --- reading for the dashboard --------------------------------------------------------------------


def breakdown(executor: Executor) -> list[tuple[str, str, str, int]]:
    """Current ticket counts by (category, priority, status): at most 64 rows."""
    c = TicketCountRow
    query = select(c.category, c.priority, c.status, func.sum(c.n)).group_by(c.category, c.priority, c.status)
    return [(cat, pri, st, int(n or 0)) for cat, pri, st, n in executor.execute(query)]


def first_day(executor: Executor) -> date | None:
    value = executor.execute(select(func.min(TicketCountRow.day)).where(TicketCountRow.n > 0)).scalar_one()
    return None if value is None else _as_date(value)


def created_since(executor: Executor, start: date) -> dict[date, int]:
    c = TicketCountRow
    query = select(c.day, func.sum(c.n)).where(c.day >= start).group_by(c.day)
    return {_as_date(d): int(n) for d, n in executor.execute(query)}


def flow_since(executor: Executor, start: date) -> dict[date, tuple[int, int]]:
    f = StatusFlowRow
    query = select(f.day, f.resolved, f.reopened).where(f.day >= start)
    return {_as_date(d): (int(r), int(o)) for d, r, o in executor.execute(query)}


def resolution_histogram(executor: Executor) -> list[tuple[int, int]]:
    query = select(ResolutionTimeRow.bucket, ResolutionTimeRow.n).where(ResolutionTimeRow.n > 0)
    return sorted((int(b), int(n)) for b, n in executor.execute(query))


def suggestion_counts(executor: Executor) -> list[tuple[str, bool, int]]:
    rows = executor.execute(select(SuggestionCountRow.source, SuggestionCountRow.accepted, SuggestionCountRow.n))
    return [(s, bool(a), int(n)) for s, a, n in rows]


def median_from_histogram(histogram: list[tuple[int, int]]) -> float | None:
    """The median of the durations the (sorted) histogram holds, each at its bucket's middle."""
    total = sum(n for _b, n in histogram)
    if total == 0:
        return None
    # 1-based ranks of the middle value(s).
    ranks = {(total + 1) // 2, total // 2 + 1}
    values: list[float] = []
    seen = 0
    for bucket, n in histogram:
        for rank in sorted(ranks):
            if seen < rank <= seen + n:
                values.append(bucket_value(bucket))
        seen += n
    return sum(values) / len(values)
