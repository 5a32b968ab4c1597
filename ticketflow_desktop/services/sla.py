"""SLAs: the team calendar and a policy per priority (set by a lead or an administrator), and the
bookkeeping every ticket write does for them (`after_create`, `after_update`, `after_message`).

Changing a policy or the calendar recomputes the dues of every ticket not yet done, in the same
transaction (domain/sla.py says how); done tickets keep the outcome they had. On PostgreSQL only
leads and administrators may write the calendar and the policies (storage/team_sql.py's grants).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ticketflow_desktop.domain import Priority, Status, Ticket
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.sla import (
    SlaPolicy,
    SlaState,
    TicketSla,
    apply_policy,
    on_first_reply,
    on_status_change,
    validate_policy,
)
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import TicketRow


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
            return sla_store.recompute(session)

    def policies(self) -> dict[Priority, SlaPolicy]:
        with self.database.reading() as session:
            return sla_store.read_policies(session)

    def set_policy(self, policy: SlaPolicy) -> int:
        """Store the priority's policy; returns how many open tickets of that priority got new dues."""
        policy = validate_policy(policy)
        with self.database.writing() as session:
            sla_store.write_policy(session, policy)
            return sla_store.recompute(session, [policy.priority])

    def remove_policy(self, priority: Priority) -> int:
        with self.database.writing() as session:
            sla_store.remove_policy(session, priority)
            return sla_store.recompute(session, [priority])


# --- the bookkeeping of every write (inside its transaction) ------------------------------------------


def after_create(session: Session, ticket: Ticket) -> Ticket:
    """Set a new ticket's dues from its priority's policy (counted from its stored creation time)."""
    policies = sla_store.read_policies(session)
    policy = policies.get(ticket.priority)
    if policy is None:
        return ticket
    sla = apply_policy(ticket.sla, ticket.created_at, ticket.status, policy, sla_store.read_calendar(session))
    sla_store.store(session, ticket.id, sla)
    return _with(ticket, sla)


def after_update(session: Session, before: Ticket, after: Ticket) -> Ticket:
    """A changed priority takes its policy's dues; a changed status pauses, resumes or settles the clock.
    `after.updated_at` is the change's time (the database's on PostgreSQL)."""
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


def after_message(session: Session, ticket_id: int, kind: MessageKind, at: datetime) -> bool:
    """An agent's first reply stops the first-response clock; a customer writing to a ticket that waits
    on them reopens it (True: the caller moves it to open)."""
    row = session.execute(
        select(TicketRow.status, TicketRow.first_responded_at, TicketRow.resolution_due).where(
            TicketRow.id == ticket_id
        )
    ).one()
    if kind is MessageKind.REPLY and row.first_responded_at is None and row.resolution_due is not None:
        sla_store.store(session, ticket_id, on_first_reply(sla_store.stored(session, ticket_id), at))
    return kind is MessageKind.CUSTOMER and row.status == Status.PENDING.value


def sla_state_filter(states: frozenset[SlaState], database: Database, now: datetime) -> ColumnElement[bool]:
    """A TicketFilter's SLA states as a condition on the tickets (read against the current policies)."""
    with database.reading() as session:
        return sla_store.state_conditions(session, states, now)


def _with(ticket: Ticket, sla: TicketSla) -> Ticket:
    return replace(ticket, sla=sla)
