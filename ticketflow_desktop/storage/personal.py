"""An agent's own rows: how far they have read each ticket, and their presence on the ones they have open.

On PostgreSQL the database stamps the login and the time (storage/personal_sql.py) and each agent sees
and writes only their own marks; on SQLite the OS login and the injected clock do.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from ticketflow_desktop.domain.notifications import PresentAgent
from ticketflow_desktop.storage.changes import announce_presence
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.tables import message_table, presence_table, ticket_event_table, ticket_read_table
from ticketflow_desktop.storage.team import agent_login


def mark_read(session: Connection, ticket_id: int, now: datetime) -> None:
    """The agent has read the ticket as it is now: its newest event and message are seen."""
    postgres = dialect_of(session) is Dialect.POSTGRESQL
    values: dict[str, object] = {
        "ticket_id": ticket_id,
        "seen_event_id": select(func.coalesce(func.max(ticket_event_table.c.id), 0))
        .where(ticket_event_table.c.ticket_id == ticket_id)
        .scalar_subquery(),
        "seen_message_id": select(func.coalesce(func.max(message_table.c.id), 0))
        .where(message_table.c.ticket_id == ticket_id)
        .scalar_subquery(),
    }
    if not postgres:  # PostgreSQL stamps login and time itself
        values |= {"login": agent_login(session), "seen_at": now}
    statement = (postgresql.insert if postgres else sqlite.insert)(ticket_read_table).values(values)
    changed: dict[str, Any] = {name: statement.excluded[name] for name in ("seen_event_id", "seen_message_id")}
    changed["seen_at"] = statement.excluded["seen_at"] if not postgres else func.now()
    session.execute(statement.on_conflict_do_update(index_elements=["login", "ticket_id"], set_=changed))


# Unread: a ticket assigned to me, or one I have opened before, on which someone else acted (an event
# whose actor is not me: an import's has none) or wrote (a message whose author is not me) since I last
# opened it. Tickets I never opened and that are not mine are not marked: a team's whole list in bold
# would say nothing.
_UNREAD = text(
    """
SELECT t.id FROM tickets t
LEFT JOIN ticket_reads r ON r.ticket_id = t.id AND r.login = :me
WHERE t.id IN :ids AND (t.assignee = :me OR r.login IS NOT NULL) AND (
  EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.id > coalesce(r.seen_event_id, 0)
          AND (e.actor IS NULL OR e.actor <> :me))
  OR EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.id > coalesce(r.seen_message_id, 0)
             AND m.author <> :me))
"""
).bindparams(bindparam("ids", expanding=True))


def unread_among(session: Connection, ids: Collection[int]) -> frozenset[int]:
    if not ids:
        return frozenset()
    rows = session.execute(_UNREAD, {"me": agent_login(session), "ids": list(ids)}).scalars()
    return frozenset(int(i) for i in rows)


# --- presence (PostgreSQL only) ----------------------------------------------------------------------

STALE_ROWS = timedelta(hours=1)  # one's own rows older than this are swept away on leaving a ticket


def beat(session: Connection, ticket_id: int, typing: bool) -> None:
    """I have the ticket open (and am typing, or not): a row the server stamps with its login and time."""
    statement = postgresql.insert(presence_table).values(ticket_id=ticket_id, typing=typing)
    statement = statement.on_conflict_do_update(
        index_elements=["login", "ticket_id"], set_={"typing": statement.excluded.typing, "seen_at": func.now()}
    )
    session.execute(statement)
    announce_presence(session, ticket_id)


def leave(session: Connection, ticket_id: int) -> None:
    """I closed the ticket: my row goes (and any of mine a crash or a sleep left behind long ago)."""
    me = agent_login(session)
    session.execute(delete(presence_table).where(presence_table.c.login == me, presence_table.c.ticket_id == ticket_id))
    session.execute(
        delete(presence_table).where(
            presence_table.c.login == me,
            presence_table.c.seen_at < func.now() - func.make_interval(0, 0, 0, 0, 0, 0, STALE_ROWS.total_seconds()),
        )
    )
    announce_presence(session, ticket_id)


_HERE = text(
    """
SELECT p.login, coalesce(a.name, p.login) AS name, p.typing FROM presence p
LEFT JOIN agents a ON a.login = p.login
WHERE p.ticket_id = :ticket AND p.login <> session_user AND p.seen_at > now() - make_interval(secs => :fresh)
ORDER BY 2
"""
)


def others_here(session: Connection, ticket_id: int, fresh: timedelta) -> tuple[PresentAgent, ...]:
    """Who else has the ticket open: rows whose heartbeat is younger than `fresh` by the server's clock,
    so a laptop that went to sleep drops out on its own."""
    rows = session.execute(_HERE, {"ticket": ticket_id, "fresh": fresh.total_seconds()})
    return tuple(PresentAgent(r.login, r.name, bool(r.typing)) for r in rows)
