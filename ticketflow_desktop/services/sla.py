"""SLAs: the team calendar and a policy per priority (set by a lead or an administrator), and the
bookkeeping every ticket write does for them (`after_create`, `after_update`, `after_message`).

Changing a policy or the calendar recomputes the dues of every ticket not yet done, in the same
transaction (domain/sla.py says how); done tickets keep the outcome they had. On PostgreSQL only
leads and administrators may write the calendar and the policies (storage/team_sql.py's grants).

On PostgreSQL the database computes every ticket's SLA figures itself (storage/sla_sql.py's triggers,
the same rules in PL/pgSQL) and no client may write them: there the bookkeeping below only reads what
the database did. On SQLite it is the client's, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import partial

from sqlalchemy import ColumnElement, Connection, select

from ticketflow_desktop.domain import Priority, Status, Ticket
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.sla import (
    Attainment,
    SlaPolicy,
    SlaState,
    TicketSla,
    apply_policy,
    on_first_reply,
    on_status_change,
    validate_policy,
    week_of,
)
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import ticket_table


@dataclass(frozen=True)
class CalendarSettings:
    hours: str
    zone: str
    holidays: tuple[date, ...]


@dataclass(frozen=True)
class SlaService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def calendar(self) -> CalendarSettings:
        with self.database.reading() as session:
            return CalendarSettings(*sla_store.calendar_text(session))

    def set_calendar(self, hours: str, zone: str, holidays: Sequence[date] = ()) -> int:
        """Store the team calendar (validated first); returns how many open tickets' dues moved."""
        Calendar.parse(hours, zone, tuple(holidays))  # a clear message before anything is stored
        with self.database.writing() as session:
            sla_store.write_calendar(session, hours, zone, holidays)
            return self._recompute(session, None)

    def policies(self) -> dict[Priority, SlaPolicy]:
        with self.database.reading() as session:
            return sla_store.read_policies(session)

    def set_policy(self, policy: SlaPolicy) -> int:
        """Store the priority's policy; returns how many open tickets of that priority got new dues."""
        policy = validate_policy(policy)
        with self.database.writing() as session:
            sla_store.write_policy(session, policy)
            return self._recompute(session, [policy.priority])

    def configure(self, calendar: CalendarSettings, policies: Mapping[Priority, SlaPolicy | None]) -> int | None:
        """Store the calendar and every priority's policy (None: no policy) at once, all or nothing, as the
        settings dialog does; only what differs from the stored settings is written. Returns how many open
        tickets' dues moved, or None on PostgreSQL when several changes were recomputed one after another
        by its triggers (each counts its own, and a ticket may be among several)."""
        Calendar.parse(calendar.hours, calendar.zone, calendar.holidays)  # clear messages before anything
        checked = {priority: None if p is None else validate_policy(p) for priority, p in policies.items()}
        with self.database.writing() as session:
            stored = sla_store.read_policies(session)
            changes: list[Callable[[], object]] = [
                partial(sla_store.remove_policy, session, priority)
                if policy is None
                else partial(sla_store.write_policy, session, policy)
                for priority, policy in checked.items()
                if stored.get(priority) != policy
            ]
            hours, zone, holidays = calendar.hours.strip(), calendar.zone, tuple(sorted(set(calendar.holidays)))
            if (hours, zone, holidays) != sla_store.calendar_text(session):
                changes.append(partial(sla_store.write_calendar, session, hours, zone, holidays))
            if not self.database.enforces_team_rules:
                for change in changes:
                    change()
                return sla_store.recompute(session) if changes else 0
            counted = []
            for change in changes:  # each write's trigger recomputes what it touched (storage/sla_sql.py)
                change()
                counted.append(sla_store.recomputed_by_database(session))
            return counted[0] if len(counted) == 1 else (0 if not counted else None)

    def attainment(self, days: int | None, today: date, weeks_for_all_time: int = 26) -> Attainment:
        """SLA attainment per week and per agent, of tickets settled in the last `days` days (None: the last
        `weeks_for_all_time` weeks), counted by the UTC day each became done."""
        first = week_of(today - timedelta(days=(days or weeks_for_all_time * 7) - 1))
        weeks = tuple(first + timedelta(weeks=i) for i in range((week_of(today) - first).days // 7 + 1))
        with self.database.reading() as session:
            per_week = sla_store.settled_per_week(session, first, weeks[-1])
            by_agent = sla_store.settled_per_agent(session, first, weeks[-1])
        met = dict.fromkeys(weeks, 0)
        settled = dict.fromkeys(weeks, 0)
        for week, kept, n in per_week:
            met[week], settled[week] = kept, n
        per_agent = tuple(sorted(by_agent, key=lambda row: (row[0] == "", row[0])))
        return Attainment(weeks, tuple(met[w] for w in weeks), tuple(settled[w] for w in weeks), per_agent)

    def remove_policy(self, priority: Priority) -> int:
        with self.database.writing() as session:
            sla_store.remove_policy(session, priority)
            return self._recompute(session, [priority])

    def _recompute(self, session: Connection, priorities: list[Priority] | None) -> int:
        """How many open tickets got new dues: counted by the database's trigger on PostgreSQL (which did
        the work when the calendar or policy row changed), done here on SQLite."""
        if self.database.enforces_team_rules:
            return sla_store.recomputed_by_database(session)
        return sla_store.recompute(session, priorities)


# --- the bookkeeping of every write (inside its transaction) ------------------------------------------


@dataclass(frozen=True)
class BreachesSoon:
    """The notifications' "my ticket is about to breach" question (services/notifications.BreachSource):
    tickets assigned to `login` whose running target (first response, then resolution) is not missed
    yet and falls due by `until`; a ticket waiting on the customer is paused, so never about to breach."""

    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def __call__(self, session: Connection, login: str, until: datetime) -> list[tuple[int, str, datetime]]:
        t = ticket_table.c
        rows = session.execute(
            select(t.id, t.title, t.sla_due)
            .where(t.assignee == login, sla_store.running_in_time(self.clock.now()), t.sla_due <= until)
            .order_by(t.sla_due, t.id)
            .limit(BREACHES_LISTED)
        )
        return [(row.id, row.title, row.sla_due) for row in rows]


BREACHES_LISTED = 200


def after_create(session: Connection, ticket: Ticket) -> Ticket:
    """Set a new ticket's dues from its priority's policy (counted from its stored creation time).
    SQLite only: on PostgreSQL the insert's trigger did it."""
    policies = sla_store.read_policies(session)
    policy = policies.get(ticket.priority)
    if policy is None:
        return ticket
    sla = apply_policy(ticket.sla, ticket.created_at, ticket.status, policy, sla_store.read_calendar(session))
    sla_store.store(session, ticket.id, sla)
    return _with(ticket, sla)


def after_update(session: Connection, before: Ticket, after: Ticket) -> Ticket:
    """A changed priority takes its policy's dues; a changed status pauses, resumes or settles the clock.
    `after.updated_at` is the change's time. SQLite only: on PostgreSQL the update's trigger did it."""
    if before.priority == after.priority and before.status == after.status:
        return after
    calendar = sla_store.read_calendar(session)
    sla = before.sla
    if before.status != after.status:
        sla = on_status_change(sla, before.status, after.status, after.updated_at, calendar)
    if before.priority != after.priority:
        policy = sla_store.read_policies(session).get(after.priority)
        sla = apply_policy(sla, after.created_at, after.status, policy, calendar)
    if sla != before.sla:
        sla_store.store(session, after.id, sla)
    return _with(after, sla)


def after_message(
    session: Connection, ticket_id: int, kind: MessageKind, at: datetime, status: Status, awaiting_first_reply: bool
) -> bool:
    """An agent's first reply stops the first-response clock; a customer writing to a ticket that waits
    on them reopens it (True: the caller moves it to open, and the clock resumes with that change).
    `status` and `awaiting_first_reply` are the ticket's before the message. On PostgreSQL the message's
    trigger stopped the clock (and set `first_responded_at` to `at`)."""
    database_keeps = dialect_of(session) is Dialect.POSTGRESQL
    if kind is MessageKind.REPLY and awaiting_first_reply and not database_keeps:
        sla_store.store(session, ticket_id, on_first_reply(sla_store.stored(session, ticket_id), at))
    return kind is MessageKind.CUSTOMER and status is Status.PENDING


def sla_state_filter(states: frozenset[SlaState], database: Database, now: datetime) -> ColumnElement[bool]:
    """A TicketFilter's SLA states as a condition on the tickets (read against the current policies)."""
    with database.reading() as session:
        return sla_store.state_conditions(session, states, now)


def _with(ticket: Ticket, sla: TicketSla) -> Ticket:
    return replace(ticket, sla=sla)
