"""Plain frozen dataclasses that cross every layer (and threads): never live ORM objects."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TypeAlias, TypeVar

from ticketflow_desktop.domain.enums import (
    Category,
    EventField,
    EventSource,
    Priority,
    Status,
    SuggestionSource,
)
from ticketflow_desktop.domain.sla_state import SlaState, TicketSla


@dataclass(frozen=True)
class Suggestion:
    category: Category
    priority: Priority
    source: SuggestionSource
    model: str | None = None
    confidence: float | None = None  # the pair's: what is stored, and what decides fill-in or offer
    # Each field's own, where the model gives them (the local model does, a language model does not).
    # Shown beside each field, never stored with a ticket: a stored suggestion equals the one it was made from.
    category_confidence: float | None = field(default=None, compare=False)
    priority_confidence: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Requester:
    """A customer as typed: found by email (case-insensitively) or created (domain/conversation.py
    parses one; it lives here because a TicketDraft carries one)."""

    name: str
    email: str
    organisation: str | None = None

    @property
    def email_key(self) -> str:
        return self.email.casefold()


@dataclass(frozen=True)
class TicketDraft:
    """What an agent submits. Validate with `domain.validation.validate_draft`."""

    title: str
    description: str
    category: Category
    priority: Priority
    suggestion: Suggestion | None = None
    # Set by the outbox so that a submit retried after a lost answer is not stored twice.
    idempotency_key: str | None = None
    # The customer who asked (found by email or created when stored); part of the draft so that a
    # ticket waiting in the outbox keeps it.
    requester: Requester | None = None


@dataclass(frozen=True)
class NewTicket:
    """A fully specified ticket with its history, as seed and import produce it
    and `storage.bulk` loads it."""

    title: str
    description: str
    category: Category
    priority: Priority
    created_at: datetime
    initial_status: Status = Status.OPEN
    # (when, new status): each becomes an event and bumps the version.
    status_changes: tuple[tuple[datetime, Status], ...] = ()
    source: EventSource = EventSource.IMPORT
    external_id: str | None = None

    @property
    def final_status(self) -> Status:
        return self.status_changes[-1][1] if self.status_changes else self.initial_status

    @property
    def updated_at(self) -> datetime:
        return self.status_changes[-1][0] if self.status_changes else self.created_at


@dataclass(frozen=True)
class Ticket:
    id: int
    title: str
    description: str
    category: Category
    priority: Priority
    status: Status
    created_at: datetime
    updated_at: datetime
    version: int
    suggestion: Suggestion | None = None
    external_id: str | None = None  # its id in the system it was imported from
    group_id: int | None = None  # the agents' group it belongs to (row-level security on PostgreSQL)
    requester_id: int | None = None  # the customer who asked
    assignee: str | None = None  # the agent (login) who owns it, or nobody
    tags: tuple[str, ...] = ()  # normalised (domain/tags.py), sorted
    sla: TicketSla = field(default_factory=TicketSla)  # its dues, and the state when read (domain/sla.py)

    @property
    def suggestion_accepted(self) -> bool | None:
        if self.suggestion is None:
            return None
        return (self.suggestion.category, self.suggestion.priority) == (self.category, self.priority)


@dataclass(frozen=True)
class TicketChanges:
    """A partial update: None means "leave as it is"."""

    title: str | None = None
    description: str | None = None
    category: Category | None = None
    priority: Priority | None = None
    status: Status | None = None

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def is_empty(self) -> bool:
        return not self.as_dict()


UNASSIGNED = ""  # TicketFilter.assignee for tickets nobody owns

E = TypeVar("E", bound=StrEnum)
# A filter on an enumerated field: one value, several (any of them), or None (any).
OneOrMore: TypeAlias = E | tuple[E, ...] | None


def _canonical(value: OneOrMore[E]) -> OneOrMore[E]:
    """One form per meaning, so equal filters compare equal: several values in their declared order
    without repeats, a single one as itself, none as None."""
    if value is None or not isinstance(value, tuple):
        return value
    members = sorted(set(value), key=list(type(value[0])).index) if value else []
    if not members:
        return None
    return members[0] if len(members) == 1 else tuple(members)


def values_of(value: OneOrMore[E]) -> tuple[E, ...] | None:
    """The values a filter field accepts (any of them), or None for "any value"."""
    if value is None:
        return None
    return value if isinstance(value, tuple) else (value,)


@dataclass(frozen=True)
class TicketFilter:
    """What a list shows. Several values of one field mean any of them (OR); fields combine with AND."""

    category: Category | tuple[Category, ...] | None = None
    priority: Priority | tuple[Priority, ...] | None = None
    status: Status | tuple[Status, ...] | None = None
    search: str = ""
    # An agent's login, or UNASSIGNED for tickets nobody owns; None: anyone's.
    assignee: str | None = None
    requester_id: int | None = None
    # The requester's organisation (every customer of it), and the agents' groups by name ("My groups").
    organisation: str | None = None
    groups: tuple[str, ...] | None = None
    # Tickets carrying any of these tags (normalised: domain/tags.py); empty: tags do not matter.
    tags: tuple[str, ...] = ()
    # Tickets in one of these SLA states (read from the clock), None: any.
    sla_states: frozenset[SlaState] | None = None

    def __post_init__(self) -> None:
        for name in ("category", "priority", "status"):
            object.__setattr__(self, name, _canonical(getattr(self, name)))
        if self.tags:
            object.__setattr__(self, "tags", tuple(sorted(set(self.tags))))

    @property
    def categories(self) -> tuple[Category, ...] | None:
        return values_of(self.category)

    @property
    def priorities(self) -> tuple[Priority, ...] | None:
        return values_of(self.priority)

    @property
    def statuses(self) -> tuple[Status, ...] | None:
        return values_of(self.status)

    @property
    def search_term(self) -> str:
        """The search as matched: surrounding white space is not part of what the user meant."""
        return self.search.strip()

    def is_empty(self) -> bool:
        return not (
            self.category
            or self.priority
            or self.status
            or self.search_term
            or self.assignee is not None
            or self.requester_id is not None
            or self.organisation is not None
            or self.groups is not None
            or self.tags
            or self.sla_states is not None
        )

    def fields_match(self, ticket: Ticket) -> bool:
        """Whether `ticket` fits the fields asked for (the search aside; an organisation or groups by name
        cannot be told from the ticket alone, so they count as fitting until the list is read again)."""
        categories, priorities, statuses = self.categories, self.priorities, self.statuses
        return (
            (categories is None or ticket.category in categories)
            and (priorities is None or ticket.priority in priorities)
            and (statuses is None or ticket.status in statuses)
            and (self.assignee is None or (ticket.assignee or UNASSIGNED) == self.assignee)
            and (self.requester_id is None or ticket.requester_id == self.requester_id)
            and (not self.tags or not set(self.tags).isdisjoint(ticket.tags))
            and (self.sla_states is None or ticket.sla.state is None or ticket.sla.state in self.sla_states)
        )


class SortKey(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    PRIORITY = "priority"
    STATUS = "status"
    TITLE = "title"
    DUE = "due"  # the running SLA target's due, soonest first (no due: last)


@dataclass(frozen=True)
class Sort:
    key: SortKey = SortKey.CREATED
    descending: bool = True

    @classmethod
    def parse(cls, text: str) -> Sort:
        """`created`, `-created` (descending) or `created:desc` / `created:asc`."""
        text = text.strip().lower()
        descending = text.startswith("-") or text.endswith(":desc")
        key = text.lstrip("-+").split(":")[0]
        try:
            return cls(SortKey(key), descending)
        except ValueError:
            keys = ", ".join(k.value for k in SortKey)
            raise ValueError(f"cannot sort by '{key}'; choose one of {keys}") from None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last row's sort value and id (keyset, never OFFSET)."""

    value: str | int
    id: int

    def encode(self) -> str:
        raw = json.dumps([self.value, self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode()

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            value, ticket_id = json.loads(base64.urlsafe_b64decode(token.encode()))
        except (ValueError, TypeError) as exc:
            raise ValueError("not a page cursor") from exc
        if not isinstance(ticket_id, int) or not isinstance(value, str | int):
            raise ValueError("not a page cursor")
        return cls(value, ticket_id)


@dataclass(frozen=True)
class Page:
    tickets: tuple[Ticket, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class Count:
    """A count that may be capped: `capped` means "at least `value`" (shown as "1,000+")."""

    value: int
    capped: bool = False

    def __str__(self) -> str:
        return f"{self.value:,}+" if self.capped else f"{self.value:,}"


@dataclass(frozen=True)
class TicketEvent:
    id: int
    ticket_id: int
    at: datetime
    field: EventField
    old_value: str | None
    new_value: str | None
    source: EventSource
    # Who made the change (a database login; the OS login on SQLite), None for history from before.
    actor: str | None = None
    # When a change that waited in the outbox was written, if it differs from `at` (its arrival).
    written_at: datetime | None = None


@dataclass(frozen=True)
class DailyCount:
    day: date
    count: int


@dataclass(frozen=True)
class Stats:
    total: int
    by_status: dict[Status, int]
    by_priority: dict[Priority, int]
    by_category: dict[Category, int]
    created_per_day: tuple[DailyCount, ...]
    avg_per_day: float
    median_resolution_seconds: float | None
    # Accepted share of stored suggestions per source: (accepted, total).
    suggestions: dict[SuggestionSource, tuple[int, int]] = field(default_factory=dict)

    @property
    def open(self) -> int:
        return self.by_status[Status.OPEN]
