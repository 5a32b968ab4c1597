"""The summary tables behind the stats, the dashboard and the filter counts, and the queries that read them.

- `ticket_totals`: current counts by category/priority/status (at most 64 rows);
- `daily_flow`: per day, tickets created, become done (resolved/closed), reopened;
- `resolution_times`: a histogram of the time from creation to first resolution;
- `suggestion_counts`: stored suggestions per source, and whether the agent kept them;
- `sla_settled`: settled tickets per (week, assignee, SLA outcome, group), for the SLA attainment.

They are kept in the same transaction as every write: `add_count_deltas` (create, update, bulk),
`record_status_change` (TicketService.update), `LoadedHistory` (bulk loads) and `add_suggestion_counts`.
`sla_settled` is the exception: triggers keep it on both backends (storage/sla_settled_sql.py).
`recount_*` derive them from the tickets and their event history, to check against and to fill them
for an existing database (migration 0002_dashboard). Reading them costs the same at ten tickets as at
a million: nothing here reads the tickets on the way to a number.

Lock order for writers (PostgreSQL): ticket_totals, daily_flow, resolution_times, suggestion_counts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ColumnExpressionArgument,
    Connection,
    Date,
    Float,
    Integer,
    Subquery,
    Table,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from ticketflow_desktop.domain import EventField, NewTicket, Status
from ticketflow_desktop.domain.sla import week_of
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.sla_settled_sql import fill_sql
from ticketflow_desktop.storage.tables import (
    daily_flow_table,
    resolution_time_table,
    sla_settled_table,
    suggestion_count_table,
    ticket_event_table,
    ticket_table,
    ticket_total_table,
)

DONE = frozenset({Status.RESOLVED.value, Status.CLOSED.value})
_DONE = tuple(sorted(DONE))
# Resolution-time buckets: 0 holds [0, 1 s); bucket b >= 1 holds [BASE**(b-1), BASE**b) seconds.
BASE = 1.01

CountKey = tuple[date, str, str, str]  # created day, category, priority, status


def as_date(value: date | str) -> date:
    """A day as the backend returns it: a date (PostgreSQL) or ISO text (SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _epoch(value: datetime) -> int:
    return math.floor(value.astimezone(UTC).timestamp())


def bucket_of(seconds: int) -> int:
    return 0 if seconds < 1 else 1 + math.floor(math.log(seconds) / math.log(BASE))


def bucket_value(bucket: int) -> float:
    """A bucket's representative: its geometric middle (within 0.5 % of any value in it)."""
    return 0.0 if bucket == 0 else BASE ** (bucket - 0.5)


# --- keeping the summaries ------------------------------------------------------------------------


class FlowKind(StrEnum):
    """A day's counts in daily_flow (its columns): tickets created, become done, reopened."""

    CREATED = "created"
    RESOLVED = "resolved"
    REOPENED = "reopened"


def _add(executor: Connection, table: Table, keys: tuple[str, ...], rows: Sequence[Mapping[str, object]]) -> None:
    """Add each row's counts to the stored ones (an upsert), in the rows' order.

    The rows go as parameters of one statement, not as a multi-row VALUES: SQLAlchemy cannot cache
    the compiled form of the latter, and compiling it took about 1 ms of every create and update.
    """
    if not rows:
        return
    dialect_insert = postgresql.insert if dialect_of(executor) is Dialect.POSTGRESQL else sqlite.insert
    columns = table.c
    statement = dialect_insert(table)
    counted = [name for name in rows[0] if name not in keys]
    statement = statement.on_conflict_do_update(
        index_elements=list(keys), set_={name: columns[name] + statement.excluded[name] for name in counted}
    )
    executor.execute(statement, rows)


def _add_flow(executor: Connection, deltas: Counter[tuple[date, FlowKind]]) -> None:
    per_day: dict[date, dict[str, int]] = {}
    for (day, kind), n in deltas.items():
        per_day.setdefault(day, {k.value: 0 for k in FlowKind})[kind.value] += n
    rows = [{"day": d, **per_day[d]} for d in sorted(per_day) if any(per_day[d].values())]
    _add(executor, daily_flow_table, ("day",), rows)


def _add_totals(executor: Connection, rows: list[dict[str, object]]) -> None:
    _add(executor, ticket_total_table, ("category", "priority", "status"), rows)


def add_count_deltas(executor: Connection, deltas: Counter[CountKey]) -> None:
    """Count tickets arriving at (+1) or leaving (-1) a (created day, category, priority, status):
    the totals by category/priority/status and the tickets created per day."""
    totals: Counter[tuple[str, str, str]] = Counter()
    created: Counter[tuple[date, FlowKind]] = Counter()
    for (day, category, priority, status), n in deltas.items():
        totals[(category, priority, status)] += n
        created[(day, FlowKind.CREATED)] += n  # a move between keys of one day adds up to nothing
    # Rows are touched in key order, decremented or incremented, so concurrent writers cannot
    # deadlock on them.
    t = ticket_total_table.c
    batch: list[dict[str, object]] = []
    for (c, p, s), n in sorted(totals.items()):
        if n > 0:
            batch.append({"category": c, "priority": p, "status": s, "n": n})
        elif n < 0:  # the row exists (the moved ticket was counted in it); an upsert's CHECK would refuse -1
            _add_totals(executor, batch)
            batch = []
            executor.execute(
                update(ticket_total_table).where(t.category == c, t.priority == p, t.status == s).values(n=t.n + n)
            )
    _add_totals(executor, batch)
    _add_flow(executor, created)


def add_suggestion_counts(executor: Connection, deltas: Counter[tuple[str, bool]]) -> None:
    """Count stored suggestions by (source, accepted)."""
    rows = [{"source": s, "accepted": a, "n": n} for (s, a), n in sorted(deltas.items()) if n]
    _add(executor, suggestion_count_table, ("source", "accepted"), rows)


def _add_resolution_times(executor: Connection, deltas: Counter[int]) -> None:
    rows = [{"bucket": b, "n": n} for b, n in sorted(deltas.items()) if n]
    _add(executor, resolution_time_table, ("bucket",), rows)


def record_status_change(
    session: Connection, ticket_id: int, created_at: datetime, old: str, new: str, at: datetime, version: int
) -> None:
    """Count one status change made by `version` (call before its event row is flushed or after: the
    first-resolution check only looks at older versions)."""
    flow: Counter[tuple[date, FlowKind]] = Counter()
    if new in DONE and old not in DONE:
        flow[(at.astimezone(UTC).date(), FlowKind.RESOLVED)] += 1
    elif old in DONE and new not in DONE:
        flow[(at.astimezone(UTC).date(), FlowKind.REOPENED)] += 1
    _add_flow(session, flow)
    if new in DONE:
        earlier = session.execute(
            select(ticket_event_table.c.id)
            .where(
                ticket_event_table.c.ticket_id == ticket_id,
                ticket_event_table.c.field == EventField.STATUS.value,
                ticket_event_table.c.new_value.in_(_DONE),
                ticket_event_table.c.version < version,
            )
            .limit(1)
        ).first()
        if earlier is None:
            _add_resolution_times(session, Counter({bucket_of(_epoch(at) - _epoch(created_at)): 1}))


class LoadedHistory:
    """What bulk-loaded tickets add to the summaries (the same rules as the recount), summed over a
    whole load and written once: one upsert per summary, not one per batch (1 s of a 100k import)."""

    def __init__(self) -> None:
        self.counts: Counter[CountKey] = Counter()
        self.flow: Counter[tuple[date, FlowKind]] = Counter()
        self.times: Counter[int] = Counter()

    def add(self, tickets: Iterable[NewTicket]) -> LoadedHistory:
        for t in tickets:
            created = t.created_at.astimezone(UTC).date()
            self.counts[(created, t.category.value, t.priority.value, t.final_status.value)] += 1
            previous = t.initial_status.value
            if previous in DONE:
                self.flow[(created, FlowKind.RESOLVED)] += 1
            first_done: datetime | None = None
            for at, status in t.status_changes:
                new = status.value
                if new in DONE and previous not in DONE:
                    self.flow[(at.astimezone(UTC).date(), FlowKind.RESOLVED)] += 1
                elif previous in DONE and new not in DONE:
                    self.flow[(at.astimezone(UTC).date(), FlowKind.REOPENED)] += 1
                if new in DONE and (first_done is None or at < first_done):
                    first_done = at
                previous = new
            if first_done is not None:
                self.times[bucket_of(_epoch(first_done) - _epoch(t.created_at))] += 1
        return self

    def write(self, executor: Connection) -> None:
        add_count_deltas(executor, self.counts)
        _add_flow(executor, self.flow)
        _add_resolution_times(executor, self.times)


# --- recounting from the tickets and their history ------------------------------------------------------------


def _utc_day(dialect: Dialect, column: ColumnExpressionArgument[datetime]) -> ColumnElement[Any]:
    if dialect is Dialect.POSTGRESQL:
        return func.date(func.timezone("UTC", column))
    return func.substr(column, 1, 10)


def _epoch_sql(dialect: Dialect, column: ColumnExpressionArgument[datetime]) -> ColumnElement[int]:
    if dialect is Dialect.POSTGRESQL:
        return cast(func.floor(func.extract("epoch", column)), Integer)
    return cast(func.strftime("%s", column), Integer)


Flow = dict[date, tuple[int, int, int]]  # day -> (created, resolved, reopened)
SettledKey = tuple[date, str, str, int]  # week settled (its Monday, UTC), assignee or "", outcome, group or 0


def recount_flow(executor: Connection) -> Flow:
    """Created per day from the tickets; resolved and reopened per day from every status event."""
    dialect = dialect_of(executor)
    e = ticket_event_table.c
    became_done = and_(e.new_value.in_(_DONE), or_(e.field == EventField.CREATED.value, e.old_value.notin_(_DONE)))
    reopened = and_(e.field == EventField.STATUS.value, e.old_value.in_(_DONE), e.new_value.notin_(_DONE))
    day = _utc_day(dialect, e.at).label("day")
    query = (
        select(day, func.sum(case((became_done, 1), else_=0)), func.sum(case((reopened, 1), else_=0)))
        .where(e.field.in_((EventField.CREATED.value, EventField.STATUS.value)))
        .group_by(day)
    )
    changes = {as_date(d): (int(r), int(o)) for d, r, o in executor.execute(query)}
    created_day = _utc_day(dialect, ticket_table.c.created_at).label("day")
    created = {as_date(d): int(n) for d, n in executor.execute(select(created_day, func.count()).group_by(created_day))}
    flow = {d: (created.get(d, 0), *changes.get(d, (0, 0))) for d in created.keys() | changes.keys()}
    return {d: v for d, v in flow.items() if any(v)}


def recount_totals(executor: Connection) -> dict[tuple[str, str, str], int]:
    t = ticket_table.c
    query = select(t.category, t.priority, t.status, func.count()).group_by(t.category, t.priority, t.status)
    return {(c, p, s): int(n) for c, p, s, n in executor.execute(query)}


def first_resolutions() -> Subquery:
    """Each ticket's first move to resolved or closed, from the event history: (ticket_id, at)."""
    e = ticket_event_table.c
    return (
        select(e.ticket_id, func.min(e.at).label("at"))
        .where(e.field == EventField.STATUS.value, e.new_value.in_(_DONE))
        .group_by(e.ticket_id)
        .subquery()
    )


def recount_resolution_times(executor: Connection) -> dict[int, int]:
    dialect = dialect_of(executor)
    first = first_resolutions()
    seconds = (_epoch_sql(dialect, first.c.at) - _epoch_sql(dialect, ticket_table.c.created_at)).label("s")
    durations = select(seconds).select_from(first.join(ticket_table, ticket_table.c.id == first.c.ticket_id)).subquery()
    s = cast(durations.c.s, Float)
    bucket = case((durations.c.s < 1, 0), else_=1 + cast(func.floor(func.ln(s) / math.log(BASE)), Integer)).label(
        "bucket"
    )
    query = select(bucket, func.count()).group_by(bucket)
    return {int(b): int(n) for b, n in executor.execute(query)}


def stored_flow(executor: Connection) -> Flow:
    f = daily_flow_table.c
    rows = executor.execute(select(f.day, f.created, f.resolved, f.reopened))
    return {as_date(d): (int(c), int(r), int(o)) for d, c, r, o in rows if c or r or o}


def stored_totals(executor: Connection) -> dict[tuple[str, str, str], int]:
    t = ticket_total_table.c
    return {(c, p, s): int(n) for c, p, s, n in executor.execute(select(t.category, t.priority, t.status, t.n)) if n}


def stored_resolution_times(executor: Connection) -> dict[int, int]:
    rows = executor.execute(select(resolution_time_table.c.bucket, resolution_time_table.c.n))
    return {int(b): int(n) for b, n in rows if n}


def recount_sla_settled(executor: Connection) -> dict[SettledKey, int]:
    """The SLA attainment's counts from the tickets (what the triggers keep in sla_settled): counted per UTC
    day here and folded into weeks in Python, a second way to the same figures."""
    t = ticket_table.c
    settled = t.sla_settled_at
    dialect = dialect_of(executor)
    day = func.date(settled) if dialect is Dialect.SQLITE else cast(func.timezone("UTC", settled), Date)
    key = (day, func.coalesce(t.assignee, ""), t.sla_outcome, func.coalesce(t.group_id, 0))
    query = select(*key, func.count()).where(t.sla_outcome.is_not(None), settled.is_not(None)).group_by(*key)
    counts: Counter[SettledKey] = Counter()
    for d, a, o, g, n in executor.execute(query):
        counts[(week_of(as_date(d)), a, o, int(g))] += int(n)
    return dict(counts)


def stored_sla_settled(executor: Connection) -> dict[SettledKey, int]:
    s = sla_settled_table.c
    rows = executor.execute(select(s.week, s.assignee, s.outcome, s.group_id, s.n))
    return {(as_date(d), a, o, int(g)): int(n) for d, a, o, g, n in rows if n}


def rebuild_sla_settled(executor: Connection) -> None:
    """Count sla_settled again from the tickets: after a load that stood the triggers aside, or to repair."""
    executor.execute(delete(sla_settled_table))
    executor.execute(text(fill_sql(dialect_of(executor))))


def rebuild_summaries(executor: Connection) -> None:
    """Replace the dashboard summaries with a full recount (migration, repair)."""
    flow = recount_flow(executor)
    totals = recount_totals(executor)
    times = recount_resolution_times(executor)
    for table in (daily_flow_table, ticket_total_table, resolution_time_table):
        executor.execute(delete(table))
    flow_rows = [{"day": d, "created": c, "resolved": r, "reopened": o} for d, (c, r, o) in sorted(flow.items())]
    for start in range(0, len(flow_rows), 1000):
        executor.execute(insert(daily_flow_table), flow_rows[start : start + 1000])
    if totals:
        rows = [{"category": c, "priority": p, "status": s, "n": n} for (c, p, s), n in sorted(totals.items())]
        executor.execute(insert(ticket_total_table), rows)
    if times:
        executor.execute(insert(resolution_time_table), [{"bucket": b, "n": n} for b, n in sorted(times.items())])


# --- reading for the dashboard --------------------------------------------------------------------


def breakdown(executor: Connection) -> list[tuple[str, str, str, int]]:
    """Current ticket counts by (category, priority, status): at most 64 rows."""
    t = ticket_total_table.c
    return [(c, p, s, int(n)) for c, p, s, n in executor.execute(select(t.category, t.priority, t.status, t.n))]


def flow_since(executor: Connection, start: date) -> Flow:
    f = daily_flow_table.c
    query = select(f.day, f.created, f.resolved, f.reopened).where(f.day >= start)
    return {as_date(d): (int(c), int(r), int(o)) for d, c, r, o in executor.execute(query)}


def median_resolution(executor: Connection) -> float | None:
    """The median of the histogram, found by the database (a running sum over at most a few thousand rows)."""
    r = resolution_time_table.c
    total = int(executor.execute(select(func.coalesce(func.sum(r.n), 0))).scalar_one())
    if total == 0:
        return None
    # 1-based ranks of the middle value(s): the same one twice when the count is odd.
    low, high = (total + 1) // 2, total // 2 + 1
    running = select(r.bucket, func.sum(r.n).over(order_by=r.bucket).label("cum")).where(r.n > 0).subquery()
    query = select(
        func.min(case((running.c.cum >= low, running.c.bucket))),
        func.min(case((running.c.cum >= high, running.c.bucket))),
    )
    first, second = executor.execute(query).one()
    return (bucket_value(int(first)) + bucket_value(int(second))) / 2


def suggestion_counts(executor: Connection) -> list[tuple[str, bool, int]]:
    rows = executor.execute(
        select(suggestion_count_table.c.source, suggestion_count_table.c.accepted, suggestion_count_table.c.n)
    )
    return [(s, bool(a), int(n)) for s, a, n in rows]
