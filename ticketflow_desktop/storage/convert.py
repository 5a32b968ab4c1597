"""Rows to domain dataclasses, and back. Nothing above storage sees an ORM object."""

from __future__ import annotations

from typing import Any

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
from ticketflow_desktop.storage.tables import TicketEventRow, TicketRow


def ticket_from_row(row: TicketRow | Row[Any], tags: tuple[str, ...] = (), sla: TicketSla | None = None) -> Ticket:
    """From an ORM object or a Core row of the tickets table (same attribute names), with its tags and
    its SLA read at some instant (default: as stored, no state)."""
    suggestion = None
    if row.suggestion_source and row.suggested_category and row.suggested_priority:
        suggestion = Suggestion(
            category=Category(row.suggested_category),
            priority=Priority(row.suggested_priority),
            source=SuggestionSource(row.suggestion_source),
            model=row.suggestion_model,
            confidence=row.suggestion_confidence,
        )
    return Ticket(
        id=row.id,
        title=row.title,
        description=row.description,
        category=Category(row.category),
        priority=Priority(row.priority),
        status=Status(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        suggestion=suggestion,
        external_id=row.external_id,
        group_id=row.group_id,
        requester_id=row.requester_id,
        assignee=row.assignee,
        tags=tags,
        sla=sla_from_row(row) if sla is None else sla,
    )


def sla_from_row(row: TicketRow | Row[Any]) -> TicketSla:
    """The stored SLA (a transient row from a create has none yet)."""
    outcome = getattr(row, "sla_outcome", None)
    return TicketSla(
        first_response_due=getattr(row, "first_response_due", None),
        resolution_due=getattr(row, "resolution_due", None),
        first_responded_at=getattr(row, "first_responded_at", None),
        paused_at=getattr(row, "sla_paused_at", None),
        paused_minutes=getattr(row, "sla_paused_minutes", None) or 0,
        outcome=SlaState(outcome) if outcome else None,
        settled_at=getattr(row, "sla_settled_at", None),
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


def event_from_row(row: TicketEventRow) -> TicketEvent:
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
