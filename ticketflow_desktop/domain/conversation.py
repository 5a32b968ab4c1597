"""The people on a ticket and what is written on it: the requester (a customer), the assignee (an
agent) and the thread of messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from enum import StrEnum

from ticketflow_desktop.domain.attachments import AttachmentInfo
from ticketflow_desktop.domain.errors import FieldError, TicketFlowError, ValidationError
from ticketflow_desktop.domain.models import Requester  # lives there: a TicketDraft carries one
from ticketflow_desktop.domain.validation import DESCRIPTION_MAX

__all__ = ["Customer", "Message", "MessageKind", "Requester", "ThreadMovedOn", "parse_requester", "validate_body"]

NAME_MAX = 200
EMAIL_MAX = 320
# Good enough to catch typos; deliverability is the mail server's to judge.
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class MessageKind(StrEnum):
    REPLY = "reply"  # to the customer
    NOTE = "note"  # internal: never sent
    CUSTOMER = "customer"  # from the customer


@dataclass(frozen=True)
class Customer:
    id: int
    name: str
    email: str
    organisation: str | None = None


@dataclass(frozen=True)
class Message:
    id: int
    ticket_id: int
    kind: MessageKind
    author: str  # the agent's login who wrote or recorded it
    at: datetime  # when the database received it
    body: str
    customer_id: int | None = None
    written_at: datetime | None = None  # when it was written, if it waited in the outbox
    author_name: str | None = None  # the agent's name, where the team has one for `author`
    # A reply mailed to the requester (services/mail.py): queued, sending, sent or failed, and the
    # mail server's last words when it refused or was away. None: not a mail (a note, no requester).
    mail_state: str | None = None
    mail_error: str | None = None
    attachments: tuple[AttachmentInfo, ...] = ()  # files that came with the customer's mail

    @property
    def shown_author(self) -> str:
        return self.author_name or self.author

    @property
    def mail_words(self) -> str | None:
        """The reply's mail as the agent reads it, e.g. "Mail failed: 550 No such user"."""
        if self.mail_state is None:
            return None
        if self.mail_state == "sent":
            return "Mailed to the customer"
        if self.mail_state == "failed":
            return f"Mail failed: {self.mail_error or 'the server refused it'}"
        if self.mail_error:
            return f"Mail waiting to be sent again: {self.mail_error}"
        return "Mail queued"


class ThreadMovedOn(TicketFlowError):
    """Someone else wrote on the ticket since the agent last read its thread (the "traffic cop"): the
    reply was not sent, so the agent can read the new messages first and then send it anyway."""

    def __init__(self, ticket_id: int, new: tuple[Message, ...]) -> None:
        self.ticket_id, self.new = ticket_id, new
        who = sorted({m.author if m.kind is not MessageKind.CUSTOMER else "the customer" for m in new})
        what = "a new message" if len(new) == 1 else f"{len(new)} new messages"
        super().__init__(f"{', '.join(who)} wrote {what} on ticket #{ticket_id} since you opened it; read it first.")


def parse_requester(text: str, organisation: str | None = None) -> Requester:
    """`Ann Lee <ann@example.com>` or a bare address; refused with words when it is not one."""
    name, email = parseaddr(text.strip())
    email = email.strip()
    if not email or not _EMAIL.match(email) or len(email) > EMAIL_MAX:
        raise ValidationError([FieldError("requester", f"{text.strip()!r} is not an email address.")])
    name = " ".join(name.split()) or email.split("@", 1)[0]
    if len(name) > NAME_MAX:
        raise ValidationError([FieldError("requester", f"A name has at most {NAME_MAX} characters.")])
    return Requester(name, email, organisation.strip() if organisation and organisation.strip() else None)


def validate_body(body: str) -> str:
    text = body.strip()
    if not text:
        raise ValidationError([FieldError("body", "Write something first.")])
    if len(text) > DESCRIPTION_MAX:
        raise ValidationError([FieldError("body", f"A message has at most {DESCRIPTION_MAX:,} characters.")])
    return text
