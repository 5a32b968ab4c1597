"""Announcing changes to other clients: PostgreSQL NOTIFY, sent inside the writing transaction.

NOTIFY is delivered only when the transaction commits, so listeners never hear of a change that was
rolled back. SQLite has no NOTIFY: its listeners poll `ticket_events` instead (see `live/`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

from ticketflow_desktop.domain.validation import NUMBER_MAX
from ticketflow_desktop.storage.dialect import Dialect, dialect_of

CHANNEL = "ticketflow_changes"
# NOTIFY payloads must stay under 8000 bytes; beyond this many ids we say "unknown" (empty payload).
MAX_PAYLOAD_IDS = 500


def announce(session: Connection, ids: Iterable[int] | None) -> None:
    """Queue a notification naming `ids` (None: "something changed, ids unknown")."""
    if dialect_of(session) is not Dialect.POSTGRESQL:
        return
    id_list = sorted(set(ids)) if ids is not None else []
    payload = "" if ids is None or len(id_list) > MAX_PAYLOAD_IDS else ",".join(map(str, id_list))
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})


def parse_payload(payload: str) -> frozenset[int] | None:
    """The ids a notification names; None for our "unknown" (empty) payload.

    Anyone who can connect may NOTIFY this channel: a payload that is not what `announce` sends
    (not numbers, numbers out of range, more ids than it ever names) raises ValueError.
    """
    if not payload:
        return None
    parts = payload.split(",")
    if len(parts) > MAX_PAYLOAD_IDS:
        raise ValueError("more ids than announce sends")
    ids = frozenset(int(part) for part in parts)  # ValueError for anything but integers
    if not all(1 <= i <= NUMBER_MAX for i in ids):
        raise ValueError("a ticket number out of range")
    return ids


# Presence hints share the channel under a prefix of their own: an older client's parse_payload refuses
# them (not numbers) and ignores them, as it should.
PRESENCE_PREFIX = "presence:"


def announce_presence(session: Connection, ticket_id: int) -> None:
    """Queue a hint that who is on ticket `ticket_id` (or typing there) changed."""
    if dialect_of(session) is Dialect.POSTGRESQL:
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": f"{PRESENCE_PREFIX}{ticket_id}"},
        )


def parse_presence(payload: str) -> int | None:
    """The ticket a presence hint names; None when the payload is not a presence hint. A malformed one
    raises ValueError (anyone may NOTIFY the channel)."""
    if not payload.startswith(PRESENCE_PREFIX):
        return None
    ticket_id = int(payload.removeprefix(PRESENCE_PREFIX))
    if not 1 <= ticket_id <= NUMBER_MAX:
        raise ValueError("a ticket number out of range")
    return ticket_id
