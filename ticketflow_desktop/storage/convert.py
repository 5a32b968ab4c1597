"""Rows to domain dataclasses, and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias, cast

from sqlalchemy import Row

from ticketflow_desktop.domain import (
    Category,
    EventField,
    EventSource,
    Priority,
    Status,
    Suggestion,
    SuggestionSource,
    Ticket,
    TicketEvent,
)
from ticketflow_desktop.domain.sla import SlaState, TicketSla

# A stored value's enum member by dictionary: calling the enum (`Category("billing")`) costs a page of
# fifty tickets 250 calls through EnumType.__call__.
_CATEGORIES = {m.value: m for m in Category}
_PRIORITIES = {m.value: m for m in Priority}
_STATUSES = {m.value: m for m in Status}
_SOURCES = {m.value: m for m in SuggestionSource}
_SLA_STATES = {m.value: m for m in SlaState}

StoredTicket: TypeAlias = "Row[Any] | Mapping[str, Any]"


def row_values(row: StoredTicket) -> Mapping[str, Any]:
    """A stored ticket's values by column name: a Core row's mapping (reading a `Row` by attribute costs
    five times as much, and a page reads 1,500 values)."""
    mapping = getattr(row, "_mapping", None)  # a Row (cheaper than isinstance: Row is an ABC)
    return cast("Mapping[str, Any]", mapping) if mapping is not None else cast("Mapping[str, Any]", row)


def ticket_from_row(row: StoredTicket, tags: tuple[str, ...] = (), sla: TicketSla | None = None) -> Ticket:
    """From a row of the tickets table or its mapping, with its tags and its SLA
    read at some instant (default: as stored, no state)."""
    return ticket_from_values(row_values(row), tags, sla)


def ticket_from_values(values: Mapping[str, Any], tags: tuple[str, ...] = (), sla: TicketSla | None = None) -> Ticket:
    """`ticket_from_row` for a row already read as a mapping (`row_values`)."""
    suggestion = None
    source, category, priority = (
        values["suggestion_source"],
        values["suggested_category"],
        values["suggested_priority"],
    )
    if source and category and priority:
        suggestion = Suggestion(
            category=_CATEGORIES[category],
            priority=_PRIORITIES[priority],
            source=_SOURCES[source],
            model=values["suggestion_model"],
            confidence=values["suggestion_confidence"],
        )
    return Ticket(
        id=values["id"],
        title=values["title"],
        description=values["description"],
        category=_CATEGORIES[values["category"]],
        priority=_PRIORITIES[values["priority"]],
        status=_STATUSES[values["status"]],
        created_at=values["created_at"],
        updated_at=values["updated_at"],
        version=values["version"],
        suggestion=suggestion,
        external_id=values["external_id"],
        group_id=values["group_id"],
        requester_id=values["requester_id"],
        assignee=values["assignee"],
        tags=tags,
        sla=sla_from_values(values) if sla is None else sla,
    )


def sla_from_row(row: StoredTicket) -> TicketSla:
    """The stored SLA (a transient row from a create has none yet: its columns read None)."""
    return sla_from_values(row_values(row))


def sla_from_values(values: Mapping[str, Any]) -> TicketSla:
    """`sla_from_row` for a row already read as a mapping (`row_values`)."""
    outcome = values["sla_outcome"]
    return TicketSla(
        first_response_due=values["first_response_due"],
        resolution_due=values["resolution_due"],
        first_responded_at=values["first_responded_at"],
        paused_at=values["sla_paused_at"],
        paused_minutes=values["sla_paused_minutes"] or 0,
        outcome=_SLA_STATES[outcome] if outcome else None,
        settled_at=values["sla_settled_at"],
    )


def sla_columns(sla: TicketSla) -> dict[str, object]:
    """What `sla` stores (the sort key included)."""
    return {
        "first_response_due": sla.first_response_due,
        "resolution_due": sla.resolution_due,
        "first_responded_at": sla.first_responded_at,
        "sla_paused_at": sla.paused_at,
        "sla_paused_minutes": sla.paused_minutes,
        "sla_outcome": sla.outcome.value if sla.outcome else None,
        "sla_settled_at": sla.settled_at,
        "sla_due": sla.sort_due,
    }


def event_from_row(row: Row[Any]) -> TicketEvent:
    return TicketEvent(
        id=row.id,
        ticket_id=row.ticket_id,
        at=row.at,
        field=EventField(row.field),
        old_value=row.old_value,
        new_value=row.new_value,
        source=EventSource(row.source),
        actor=row.actor,
        written_at=row.written_at,
    )


def suggestion_columns(suggestion: Suggestion | None) -> dict[str, object]:
    if suggestion is None:
        return {}
    return {
        "suggested_category": suggestion.category.value,
        "suggested_priority": suggestion.priority.value,
        "suggestion_source": suggestion.source.value,
        "suggestion_model": suggestion.model,
        "suggestion_confidence": suggestion.confidence,
    }
