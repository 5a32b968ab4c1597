"""Saved replies: kept per team (shared) or per agent, applied as one change: the reply (or note) with
its placeholders filled in, and the ticket's field changes, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, delete, insert, select

from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.conversation import Message, MessageKind
from ticketflow_desktop.domain.enums import Category, Priority, Status
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.macros import Macro, check_macro, render
from ticketflow_desktop.domain.models import Ticket
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.people import customer_of
from ticketflow_desktop.storage.tables import macro_table
from ticketflow_desktop.storage.team import agent_name, local_login


def _macro(row: Row[Any]) -> Macro:
    return Macro(
        row.id,
        row.name,
        row.body,
        Status(row.status) if row.status else None,
        Priority(row.priority) if row.priority else None,
        Category(row.category) if row.category else None,
        row.owner,
        bool(row.shared),
    )


@dataclass(frozen=True)
class MacroService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def add(
        self,
        name: str,
        body: str,
        *,
        status: Status | None = None,
        priority: Priority | None = None,
        category: Category | None = None,
        shared: bool = True,
    ) -> Macro:
        name, body = check_macro(name, body)
        values: dict[str, object] = {
            "name": name,
            "body": body,
            "status": status.value if status else None,
            "priority": priority.value if priority else None,
            "category": category.value if category else None,
            "shared": shared,
        }
        if not self.database.enforces_team_rules:  # PostgreSQL sets the owner itself
            values["owner"] = local_login()
        with self.database.writing() as session:
            if session.execute(select(macro_table.c.id).where(macro_table.c.name == name)).first() is not None:
                raise ValidationError([FieldError("name", f"A saved reply called {name!r} exists already.")])
            row = session.execute(
                insert(macro_table).values(values).returning(macro_table.c.id, macro_table.c.owner)
            ).one()
        return Macro(row.id, name, body, status, priority, category, row.owner, shared)

    def available(self) -> list[Macro]:
        """The saved replies this agent may use (shared ones and their own), by name."""
        with self.database.reading() as session:
            return [_macro(r) for r in session.execute(select(macro_table).order_by(macro_table.c.name))]

    def remove(self, name: str) -> None:
        with self.database.writing() as session:
            gone = session.execute(select(macro_table.c.id).where(macro_table.c.name == name)).first()
            session.execute(delete(macro_table).where(macro_table.c.name == name))
        if not gone:
            raise ValidationError([FieldError("name", f"There is no saved reply called {name!r} that you may remove.")])

    def apply(
        self, name: str, ticket_id: int, *, internal: bool = False, seen_up_to: int | None = None
    ) -> tuple[Message, Ticket]:
        """Write the saved reply on the ticket (as a note if `internal`) and make its field changes.
        With `seen_up_to`, a reply is held back (ThreadMovedOn) as the composer's would be."""
        tickets = TicketService(self.database, self.clock)
        conversation = ConversationService(self.database, self.clock)
        with self.database.writing() as session:
            row = session.execute(select(macro_table).where(macro_table.c.name == name)).one_or_none()
            if row is None:
                raise ValidationError([FieldError("name", f"There is no saved reply called {name!r}.")])
            macro = _macro(row)
            ticket = tickets.get_in(session, ticket_id)
            requester = customer_of(session, ticket.requester_id)
            values = {
                "requester.name": requester.name if requester else "",
                "requester.email": requester.email if requester else "",
                "ticket.id": str(ticket.id),
                "ticket.title": ticket.title,
                "agent.name": agent_name(session),
            }
            kind = MessageKind.NOTE if internal else MessageKind.REPLY
            if seen_up_to is not None and kind is MessageKind.REPLY:
                conversation.check_nothing_new(session, ticket_id, seen_up_to)
            message = conversation.add_in(session, ticket_id, kind, render(macro.body, values))
            if not macro.changes.is_empty():
                ticket = tickets.update_in(session, ticket_id, macro.changes, ticket.version)
        return message, ticket
