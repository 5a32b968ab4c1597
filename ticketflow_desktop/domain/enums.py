"""The enumerations every layer shares. Values are what is stored and what the CLI accepts."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def rank(self) -> int:
        """Position in declaration order; the order users see and sort by."""
        return list(type(self)).index(self)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept the stored value or the label, case-insensitively ("In progress", "in-progress")."""
        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(key)
        except ValueError:
            pass
        for member in cls:  # a label that is not its value ("Waiting on customer")
            if member.label.lower().replace(" ", "_") == key:
                return member
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f"'{text}' is not a {cls.__name__.lower()}; choose one of {allowed}")


class Category(_Labelled):
    BILLING = "billing"
    TECHNICAL = "technical"
    ACCOUNT = "account"
    GENERAL = "general"


class Priority(_Labelled):
    """Ordered from least to most urgent; `rank` is that order."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Status(_Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    # Waiting on the customer: SLA clocks stand still; the customer's next message reopens the ticket.
    PENDING = "pending"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return "Waiting on customer" if self is Status.PENDING else super().label


class SuggestionSource(StrEnum):
    LLM = "llm"
    LOCAL = "local"


class EventSource(StrEnum):
    USER = "user"
    IMPORT = "import"
    CLASSIFIER = "classifier"


class EventField(StrEnum):
    """What a history event records: the ticket's creation, or a change of one of its fields."""

    CREATED = "created"
    TITLE = "title"
    DESCRIPTION = "description"
    CATEGORY = "category"
    PRIORITY = "priority"
    STATUS = "status"
    GROUP = "group"
    ASSIGNEE = "assignee"
    REQUESTER = "requester"
    TAGS = "tags"  # a tag added (new value) or removed (old value)


class OutboxKind(StrEnum):
    """A write waiting in the outbox: a new ticket, an edit of one, a message on one (reply or note),
    or its assignment."""

    CREATE = "create"
    UPDATE = "update"
    MESSAGE = "message"
    ASSIGN = "assign"


class OutboxState(StrEnum):
    """PENDING waits for the database; CONFLICT and FAILED wait for the user to retry or discard."""

    PENDING = "pending"
    CONFLICT = "conflict"
    FAILED = "failed"


# Which status may follow which. A ticket is never created closed, and a closed ticket can only be
# reopened: the web app let any status jump to any other, which made its history meaningless.
ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.OPEN: frozenset({Status.IN_PROGRESS, Status.PENDING, Status.RESOLVED, Status.CLOSED}),
    Status.IN_PROGRESS: frozenset({Status.OPEN, Status.PENDING, Status.RESOLVED, Status.CLOSED}),
    Status.PENDING: frozenset({Status.OPEN, Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED}),
    Status.RESOLVED: frozenset({Status.OPEN, Status.IN_PROGRESS, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.OPEN}),
}
