"""A ticket's thread (replies, internal notes, the customer's messages) and its customers.

Append-only: a message is never changed or removed. On PostgreSQL the database sets who wrote it
and when (storage/team_sql); on SQLite this service does, with the OS login and the injected clock.
A customer's message to a ticket waiting on them (pending) moves it back to open; an agent's first
reply stops the first-response clock (services/sla.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select

from ticketflow_desktop.domain import Status, TicketChanges
from ticketflow_desktop.domain.attachments import AttachmentInfo
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.conversation import (
    Customer,
    Message,
    MessageKind,
    Requester,
    ThreadMovedOn,
    validate_body,
)
from ticketflow_desktop.domain.errors import FieldError, NotFound, ValidationError
from ticketflow_desktop.domain.validation import check_number
from ticketflow_desktop.services import sla
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.attachments import attachments_of_ticket
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.mail_store import queue_reply, requeue_failed
from ticketflow_desktop.storage.people import (
    customer_by_email,
    customer_of,
    customers_matching,
    find_or_create_customer,
)
from ticketflow_desktop.storage.tables import agent_table, customer_table, mail_out_table, message_table, ticket_table
from ticketflow_desktop.storage.team import agent_login, local_login

THREAD_MAX = 1000  # messages read at once; a longer thread is read on in pages (after_id)


def message_from_row(
    row: Row[Any], author_name: str | None = None, mail_state: str | None = None, mail_error: str | None = None
) -> Message:
    return message_from_columns(
        row.id,
        row.ticket_id,
        row.kind,
        row.author,
        row.at,
        row.body,
        row.customer_id,
        row.written_at,
        author_name,
        mail_state,
        mail_error,
    )


def message_from_columns(
    number: int,
    ticket_id: int,
    kind: str,
    author: str,
    at: datetime,
    body: str,
    customer_id: int | None,
    written_at: datetime | None,
    author_name: str | None = None,
    mail_state: str | None = None,
    mail_error: str | None = None,
) -> Message:
    """A message from its stored columns, in the order `_thread_in` selects them (a plain row unpacks
    into it)."""
    return Message(
        id=number,
        ticket_id=ticket_id,
        kind=MessageKind(kind),
        author=author,
        at=at,
        body=body,
        customer_id=customer_id,
        written_at=written_at,
        author_name=author_name,
        mail_state=mail_state,
        mail_error=mail_error,
    )


@dataclass(frozen=True)
class Conversation:
    """A read of a ticket's conversation: its messages (oldest first), customers' names by id, and every
    file of the ticket."""

    messages: list[Message]
    customer_names: dict[int, str]
    files: list[AttachmentInfo]


@dataclass(frozen=True)
class ConversationService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def thread(self, ticket_id: int, after_id: int = 0, limit: int = THREAD_MAX) -> list[Message]:
        """The messages oldest first (those after `after_id`: what arrived since it was read)."""
        check_number("ticket", ticket_id)
        return self.database.read(lambda session: self._thread_in(session, ticket_id, after_id, limit)[0])

    def conversation(
        self, ticket_id: int, after_id: int = 0, names_for: Iterable[int] = (), limit: int = THREAD_MAX
    ) -> Conversation:
        """What the conversation panel shows, in one read: the messages after `after_id`, the
        names of the customers among them and in `names_for` (those the panel has no name for yet) and
        every file of the ticket."""
        check_number("ticket", ticket_id)

        def read(session: Connection) -> Conversation:
            messages, files = self._thread_in(session, ticket_id, after_id, limit, every_file=True)
            wanted = sorted({m.customer_id for m in messages if m.customer_id is not None} | set(names_for))
            rows = session.execute(
                select(customer_table.c.id, customer_table.c.name).where(customer_table.c.id.in_(wanted))
            )
            return Conversation(messages, {customer_id: name for customer_id, name in rows}, files)

        return self.database.read(read)

    def _thread_in(
        self, session: Connection, ticket_id: int, after_id: int, limit: int, every_file: bool = False
    ) -> tuple[list[Message], list[AttachmentInfo]]:
        """The messages after `after_id` with their files, and the ticket's files (read when a customer's
        message is among them, or `every_file`)."""
        if session.execute(select(ticket_table.c.id).where(ticket_table.c.id == ticket_id)).first() is None:
            raise NotFound(ticket_id)
        m, agents, mail = message_table.c, agent_table, mail_out_table
        rows = session.execute(
            select(m.id, m.ticket_id, m.kind, m.author, m.at, m.body, m.customer_id, m.written_at)
            .add_columns(agents.c.name, mail.c.state, mail.c.last_error)
            .select_from(
                message_table.outerjoin(agents, agents.c.login == m.author).outerjoin(mail, mail.c.message_ref == m.id)
            )
            .where(m.ticket_id == ticket_id, m.id > after_id)
            .order_by(m.id)
            .limit(limit)
        )
        messages = [message_from_columns(*row) for row in rows]
        files: list[AttachmentInfo] = []
        if every_file or any(m.kind is MessageKind.CUSTOMER for m in messages):
            files = attachments_of_ticket(session, ticket_id)
        by_message: dict[int | None, list[AttachmentInfo]] = {}
        for info in files:
            by_message.setdefault(info.message_id, []).append(info)
        messages = [replace(m, attachments=tuple(by_message[m.id])) if m.id in by_message else m for m in messages]
        return messages, files

    def add(
        self,
        ticket_id: int,
        kind: MessageKind,
        body: str,
        *,
        customer: Requester | None = None,
        written_at: datetime | None = None,
        seen_up_to: int | None = None,
        idempotency_key: str | None = None,
    ) -> Message:
        """Add a reply, a note or (`customer`, default the ticket's requester) a customer's message.

        `seen_up_to`: the newest message the agent had on screen. A reply is then refused with
        ThreadMovedOn when someone else (a colleague, the customer) wrote since; send it again without
        `seen_up_to` once they have read the news. Notes are never held back.
        `idempotency_key`: a message already stored with this key is returned as it is (the outbox
        sending again a message whose answer was lost).
        """
        with self.database.writing() as session:
            if idempotency_key is not None:
                stored = session.execute(
                    select(message_table).where(message_table.c.idempotency_key == idempotency_key)
                ).one_or_none()
                if stored is not None:
                    return message_from_row(stored)
            if seen_up_to is not None and kind is MessageKind.REPLY:
                self.check_nothing_new(session, ticket_id, seen_up_to)
            return self.add_in(
                session,
                ticket_id,
                kind,
                body,
                customer=customer,
                written_at=written_at,
                idempotency_key=idempotency_key,
            )

    def check_nothing_new(self, session: Connection, ticket_id: int, seen_up_to: int) -> None:
        """Raise ThreadMovedOn when someone else (a colleague, the customer) wrote after `seen_up_to`."""
        me = agent_login(session)
        rows = session.execute(
            select(message_table)
            .where(message_table.c.ticket_id == ticket_id, message_table.c.id > seen_up_to)
            .order_by(message_table.c.id)
            .limit(THREAD_MAX)
        )
        new = tuple(m for m in map(message_from_row, rows) if m.author != me or m.kind is MessageKind.CUSTOMER)
        if new:
            raise ThreadMovedOn(ticket_id, new)

    def add_in(
        self,
        session: Connection,
        ticket_id: int,
        kind: MessageKind,
        body: str,
        *,
        customer: Requester | None = None,
        written_at: datetime | None = None,
        idempotency_key: str | None = None,
    ) -> Message:
        """`add` inside a transaction the caller holds (a saved reply that also changes the ticket)."""
        check_number("ticket", ticket_id)
        body = validate_body(body)
        messages = message_table
        t = ticket_table.c
        ticket = session.execute(
            select(t.requester_id, t.status, t.first_responded_at, t.resolution_due).where(t.id == ticket_id)
        ).first()
        if ticket is None:
            raise NotFound(ticket_id)
        customer_id = None
        if kind is MessageKind.CUSTOMER:
            customer_id = find_or_create_customer(session, customer).id if customer else ticket.requester_id
        values: dict[str, object] = {
            "ticket_id": ticket_id,
            "kind": kind.value,
            "body": body,
            "customer_id": customer_id,
            "written_at": written_at,
            "idempotency_key": idempotency_key,
        }
        if not self.database.enforces_team_rules:  # PostgreSQL stamps these itself
            values |= {"author": local_login(), "at": self.clock.now()}
        row = session.execute(
            insert(messages).values(values).returning(messages.c.id, messages.c.author, messages.c.at)
        ).one()
        awaiting_first_reply = ticket.first_responded_at is None and ticket.resolution_due is not None
        if sla.after_message(session, ticket_id, kind, row.at, Status(ticket.status), awaiting_first_reply):
            # the customer answered: back to open
            TicketService(self.database, self.clock).update_in(
                session, ticket_id, TicketChanges(status=Status.OPEN), None
            )
        # A reply is mailed to the requester by the mail channel (services/mail.py).
        queued = kind is MessageKind.REPLY and ticket.requester_id is not None
        if queued:
            queue_reply(session, ticket_id, row.id)
        announce(session, [ticket_id])
        return Message(
            row.id,
            ticket_id,
            kind,
            row.author,
            row.at,
            body,
            customer_id,
            written_at,
            mail_state="queued" if queued else None,
        )

    def mail_again(self, message_id: int) -> Message:
        """Queue a reply whose mail failed to be mailed again (the elected fetcher sends it in its next round);
        the reply as the thread shows it now. ValidationError when its mail had not failed."""
        check_number("message", message_id)
        with self.database.writing() as session:
            ticket_id = requeue_failed(session, message_id)
            if ticket_id is None:
                words = "Only a reply whose mail failed can be sent again; this one has not failed."
                raise ValidationError([FieldError("message", words)])
            announce(session, [ticket_id])
            row = session.execute(
                select(message_table, agent_table.c.name, mail_out_table.c.state, mail_out_table.c.last_error)
                .outerjoin(agent_table, agent_table.c.login == message_table.c.author)
                .join(mail_out_table, mail_out_table.c.message_ref == message_table.c.id)
                .where(message_table.c.id == message_id)
            ).one()
            return message_from_row(row, row.name, row.state, row.last_error)

    def customers(self, prefix: str) -> list[Customer]:
        with self.database.reading() as session:
            return customers_matching(session, prefix)

    def customer(self, customer_id: int) -> Customer | None:
        with self.database.reading() as session:
            return customer_of(session, customer_id)

    def customer_by_email(self, email: str) -> Customer | None:
        with self.database.reading() as session:
            return customer_by_email(session, email)
