"""The team calendar, the SLA policies and each ticket's SLA columns, inside the caller's transaction.

The rules are domain/sla.py's; this module reads and writes what they need, and turns an SLA-state
filter into conditions on the stored dues (so it combines with keyset pages and every other filter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    and_,
    bindparam,
    case,
    delete,
    false,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    union_all,
    update,
)

from ticketflow_desktop.domain import Priority, Status, Ticket
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.sla import (
    DONE,
    SlaPolicy,
    SlaState,
    TicketSla,
    apply_policy,
    as_loaded,
    due_soon_minutes,
    read,
)
from ticketflow_desktop.storage.analytics import as_date
from ticketflow_desktop.storage.convert import sla_columns, sla_from_row
from ticketflow_desktop.storage.tables import (
    message_table,
    sla_calendar_table,
    sla_policy_table,
    sla_settled_table,
    ticket_table,
)

DEFAULT_HOURS = "Mon-Fri 09:00-17:00"
DEFAULT_ZONE = "UTC"
RECOMPUTE_BATCH = 500


# --- calendar and policies ---------------------------------------------------------------------------


def calendar_text(session: Connection) -> tuple[str, str, tuple[date, ...]]:
    """(hours as written, time zone, holidays); the default calendar until one is set."""
    row = _calendar_row(session)
    if row is None:
        return DEFAULT_HOURS, DEFAULT_ZONE, ()
    return row.hours, row.zone, _holidays(row.holidays)


def _calendar_row(session: Connection) -> Row[Any] | None:
    return session.execute(select(sla_calendar_table).where(sla_calendar_table.c.id == 1)).one_or_none()


def _holidays(stored: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in stored.split(",") if d)


def read_calendar(session: Connection) -> Calendar:
    return read_settings(session)[0]


def read_settings(session: Connection) -> tuple[Calendar, Mapping[Priority, SlaPolicy]]:
    """The calendar and the policies in one round trip (every page of tickets needs both to tell each
    ticket's SLA state), parsed once per distinct content: an unchanged calendar costs no parsing."""
    rows: Iterable[tuple[str, str, str, str, int, int]] = session.execute(_settings_statement())
    return _parsed_settings(tuple(sorted(tuple(row) for row in rows)))


@cache
def _settings_statement() -> CompoundSelect[Any]:
    """Built once: constructing the union on every page cost more than running it (0.3 ms a page)."""
    c, p = sla_calendar_table.c, sla_policy_table.c
    return union_all(
        select(literal_column("''"), c.hours, c.zone, c.holidays, literal_column("0"), literal_column("0")).where(
            c.id == 1
        ),
        select(
            p.priority,
            literal_column("''"),
            literal_column("''"),
            literal_column("''"),
            p.first_response_minutes,
            p.resolution_minutes,
        ),
    )


@lru_cache(maxsize=16)
def _parsed_settings(
    rows: tuple[tuple[str, str, str, str, int, int], ...],
) -> tuple[Calendar, Mapping[Priority, SlaPolicy]]:
    """(priority or "" for the calendar, hours, zone, holidays, first response, resolution) rows."""
    calendar = next(
        (
            Calendar.parse(hours, zone, _holidays(holidays))
            for priority, hours, zone, holidays, _, _ in rows
            if not priority
        ),
        None,
    )
    policies = {
        Priority(priority): SlaPolicy(Priority(priority), first, resolution)
        for priority, _, _, _, first, resolution in rows
        if priority
    }
    return calendar or Calendar.parse(DEFAULT_HOURS, DEFAULT_ZONE), MappingProxyType(policies)


def ensure_defaults(session: Connection, calendar: tuple[str, str], policies: Iterable[SlaPolicy]) -> None:
    """A calendar and policies for a database that has none yet (a team's own are never replaced)."""
    if _calendar_row(session) is None:
        write_calendar(session, calendar[0], calendar[1], ())
    if not read_policies(session):
        for policy in policies:
            write_policy(session, policy)


def write_calendar(session: Connection, hours: str, zone: str, holidays: Sequence[date]) -> None:
    values = {"hours": hours.strip(), "zone": zone, "holidays": ",".join(d.isoformat() for d in sorted(set(holidays)))}
    if _calendar_row(session) is None:
        session.execute(insert(sla_calendar_table).values(id=1, **values))
    else:
        session.execute(update(sla_calendar_table).where(sla_calendar_table.c.id == 1).values(values))


def read_policies(session: Connection) -> dict[Priority, SlaPolicy]:
    return dict(read_settings(session)[1])


def write_policy(session: Connection, policy: SlaPolicy) -> None:
    values = {
        "first_response_minutes": policy.first_response_minutes,
        "resolution_minutes": policy.resolution_minutes,
    }
    p = sla_policy_table.c
    if session.execute(select(p.priority).where(p.priority == policy.priority.value)).first() is None:
        session.execute(insert(sla_policy_table).values(priority=policy.priority.value, **values))
    else:
        session.execute(update(sla_policy_table).where(p.priority == policy.priority.value).values(values))


def remove_policy(session: Connection, priority: Priority) -> None:
    session.execute(delete(sla_policy_table).where(sla_policy_table.c.priority == priority.value))


# --- per ticket --------------------------------------------------------------------------------------


def store(session: Connection, ticket_id: int, sla: TicketSla) -> None:
    tickets = ticket_table
    session.execute(update(tickets).where(tickets.c.id == ticket_id).values(sla_columns(sla)))


def stored(session: Connection, ticket_id: int) -> TicketSla:
    tickets = ticket_table
    row = session.execute(select(tickets).where(tickets.c.id == ticket_id)).one()
    return sla_from_row(row)


def recompute(session: Connection, priorities: Iterable[Priority] | None = None) -> int:
    """Apply the current calendar and policies to the tickets not done (of `priorities`); how many changed."""
    calendar, policies = read_calendar(session), read_policies(session)
    tickets = ticket_table
    query = select(tickets).where(tickets.c.status.not_in([s.value for s in DONE]))
    if priorities is not None:
        query = query.where(tickets.c.priority.in_([p.value for p in priorities]))
    changed = 0
    after = 0
    while True:
        rows = session.execute(query.where(tickets.c.id > after).order_by(tickets.c.id).limit(RECOMPUTE_BATCH)).all()
        if not rows:
            return changed
        for row in rows:
            before = sla_from_row(row)
            policy = policies.get(Priority(row.priority))
            sla = apply_policy(before, row.created_at, Status(row.status), policy, calendar)
            if sla != before or sla.sort_due != row.sla_due:
                store(session, row.id, sla)
                changed += 1
        after = rows[-1].id


def recomputed_by_database(session: Connection) -> int:
    """How many tickets' figures the last calendar or policy change of this transaction moved, as
    PostgreSQL's trigger counted them (storage/sla_sql.py: tf_sla_recompute)."""
    value = session.execute(text("SELECT current_setting('ticketflow.sla_recomputed', true)")).scalar()
    return int(value) if value else 0


def states_of(session: Connection, tickets: Sequence[Ticket], now: datetime) -> list[TicketSla]:
    """Each ticket's SLA with its state at `now` (one read of the calendar and policies, if any has one)."""
    return states_at(session, [(t.sla, t.status, t.priority) for t in tickets], now)


def states_at(
    session: Connection, stored: Sequence[tuple[TicketSla, Status, Priority]], now: datetime
) -> list[TicketSla]:
    """Each stored SLA (with its ticket's status and priority) with its state at `now`."""
    if not any(sla.has_policy for sla, _, _ in stored):
        return [sla for sla, _, _ in stored]
    calendar, policies = read_settings(session)
    return [read(sla, status, policies.get(priority), now, calendar) for sla, status, priority in stored]


# --- the SLA-state filter ----------------------------------------------------------------------------


def state_conditions(session: Connection, states: frozenset[SlaState], now: datetime) -> ColumnElement[bool]:
    """Tickets in one of `states` at `now`, as conditions on the stored columns (domain/sla.read's rules).

    Due soon is "due before the instant at which the threshold's business minutes have passed", one
    instant per priority and target, so the filter stays a range condition on the dues.
    """
    t = ticket_table.c
    has_policy = t.resolution_due.is_not(None)
    running = t.sla_outcome.is_(None)
    first_late = and_(t.first_responded_at.is_not(None), t.first_responded_at > t.first_response_due)
    pending = t.status == Status.PENDING.value
    # A pending ticket's resolution clock stands at the start of its wait.
    waiting_on_resolution = and_(pending, t.first_responded_at.is_not(None), t.sla_paused_at.is_not(None))
    passed = or_(
        and_(waiting_on_resolution, t.sla_due <= t.sla_paused_at),
        and_(~waiting_on_resolution, t.sla_due <= now),
    )
    breached_running = and_(has_policy, running, or_(first_late, passed))
    clean_running = and_(has_policy, running, ~first_late, ~passed)
    options: list[ColumnElement[bool]] = []
    if SlaState.MET in states:
        options.append(t.sla_outcome == SlaState.MET.value)
    if SlaState.BREACHED in states:
        options.append(or_(t.sla_outcome == SlaState.BREACHED.value, breached_running))
    if SlaState.PAUSED in states:
        options.append(and_(clean_running, pending))
    soon = _due_soon(session, now)
    if SlaState.DUE_SOON in states:
        options.append(and_(running_in_time(now), soon))
    if SlaState.OK in states:
        options.append(and_(running_in_time(now), ~soon))
    return or_(*options) if options else false()


def running_in_time(now: datetime) -> ColumnElement[bool]:
    """Tickets whose clock runs at `now` (a policy, not settled, not waiting on the customer) and whose
    running target (first response, then resolution) is not missed yet: due soon, or still fine."""
    t = ticket_table.c
    answered_in_time = or_(t.first_responded_at.is_(None), t.first_responded_at <= t.first_response_due)
    return and_(
        t.resolution_due.is_not(None),
        t.sla_outcome.is_(None),
        t.status != Status.PENDING.value,
        answered_in_time,
        t.sla_due > now,
    )


def _due_soon(session: Connection, now: datetime) -> ColumnElement[bool]:
    calendar, policies = read_calendar(session), read_policies(session)
    t = ticket_table.c
    parts: list[ColumnElement[bool]] = []
    for priority, policy in sorted(policies.items()):
        for responded, target in ((False, policy.first_response_minutes), (True, policy.resolution_minutes)):
            threshold = calendar.add(now, due_soon_minutes(target))
            phase = t.first_responded_at.is_not(None) if responded else t.first_responded_at.is_(None)
            parts.append(and_(t.priority == priority.value, phase, t.sla_due < threshold))
    return or_(*parts) if parts else false()


# --- attainment ---------------------------------------------------------------------------------------


def _settled_between(first_week: date, last_week: date) -> tuple[ColumnElement[int], ColumnElement[bool]]:
    s = sla_settled_table.c
    met = func.sum(case((s.outcome == SlaState.MET.value, s.n), else_=0))
    return met, and_(s.week >= first_week, s.week <= last_week)


def settled_per_week(session: Connection, first_week: date, last_week: date) -> list[tuple[date, int, int]]:
    """(week: its Monday, met, settled) for tickets settled (UTC) in the weeks from `first_week` to `last_week`.

    Read from the summary the database keeps (storage/sla_settled_sql.py), at most a few thousand rows a week
    whatever the number of tickets, and summed there: the weeks and the agents come back, not the rows. On
    PostgreSQL its row-level security counts only the tickets the reader sees."""
    s = sla_settled_table.c
    met, within = _settled_between(first_week, last_week)
    rows = session.execute(select(s.week, met, func.sum(s.n)).where(within).group_by(s.week).having(func.sum(s.n) > 0))
    return [(as_date(w), int(m), int(n)) for w, m, n in rows]


def settled_per_agent(session: Connection, first_week: date, last_week: date) -> list[tuple[str, int, int]]:
    """(assignee or "", met, settled) over the same weeks, for the agents with any."""
    s = sla_settled_table.c
    met, within = _settled_between(first_week, last_week)
    rows = session.execute(
        select(s.assignee, met, func.sum(s.n)).where(within).group_by(s.assignee).having(func.sum(s.n) > 0)
    )
    return [(who, int(m), int(n)) for who, m, n in rows]


def settle_loaded(session: Connection, first_id: int, last_id: int) -> int:
    """Dues, first replies and outcomes for tickets a bulk load brought (seed, import): the first reply is
    the thread's first agent reply, and a done ticket settled when it was last changed. Returns how many
    tickets have a policy."""
    calendar, policies = read_calendar(session), read_policies(session)
    if not policies:
        return 0
    t = ticket_table
    messages = message_table
    first_reply = (
        select(func.min(messages.c.at))
        .where(messages.c.ticket_id == t.c.id, messages.c.kind == "reply")
        .scalar_subquery()
    )
    counted = 0
    after = first_id - 1
    while True:
        rows = session.execute(
            select(t, first_reply.label("first_reply"))
            .where(t.c.id > after, t.c.id <= last_id)
            .order_by(t.c.id)
            .limit(RECOMPUTE_BATCH)
        ).all()
        if not rows:
            return counted
        changes = []
        for row in rows:
            policy = policies.get(Priority(row.priority))
            if policy is None:
                continue
            sla = replace(sla_from_row(row), first_responded_at=row.first_reply)
            sla = as_loaded(sla, row.created_at, row.updated_at, Status(row.status), policy, calendar)
            changes.append({"ticket_id": row.id, **sla_columns(sla)})
        if changes:
            session.execute(
                update(t).where(t.c.id == bindparam("ticket_id")),
                changes,
            )
            counted += len(changes)
        after = rows[-1].id
