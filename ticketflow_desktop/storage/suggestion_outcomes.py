"""What became of the classifier's suggestions: each suggested ticket since a time, with its source and
whether the agent kept it (the values submitted equal the suggestion's).

The ticket keeps its suggestion beside the agent's choice; a later edit changes the choice, so the value
submitted is the first category (priority) change's old value when there is one, the current value
otherwise. Reads the tickets of the period and their first changes (an index on ticket_events.ticket_id).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from ticketflow_desktop.domain import EventField
from ticketflow_desktop.storage.tables import ticket_event_table, ticket_table


def _submitted(field: EventField, current: ColumnElement[str]) -> ColumnElement[str]:
    """The value a ticket was submitted with: the old value of its first change of `field`, if any."""
    first_change = (
        select(ticket_event_table.c.old_value)
        .where(and_(ticket_event_table.c.ticket_id == ticket_table.c.id, ticket_event_table.c.field == field.value))
        .order_by(ticket_event_table.c.id)
        .limit(1)
        .correlate(ticket_table)
        .scalar_subquery()
    )
    submitted: ColumnElement[str] = func.coalesce(first_change, current)
    return submitted


def outcomes_since(connection: Connection, since: datetime) -> list[tuple[datetime, str, bool]]:
    """(created_at, suggestion source, kept) for every ticket created at or after `since` with a suggestion."""
    category = _submitted(EventField.CATEGORY, ticket_table.c.category)
    priority = _submitted(EventField.PRIORITY, ticket_table.c.priority)
    rows = connection.execute(
        select(
            ticket_table.c.created_at,
            ticket_table.c.suggestion_source,
            ticket_table.c.suggested_category,
            ticket_table.c.suggested_priority,
            category,
            priority,
        ).where(ticket_table.c.created_at >= since, ticket_table.c.suggestion_source.is_not(None))
    )
    return [(at, str(source), (sc, sp) == (c, p)) for at, source, sc, sp, c, p in rows]
