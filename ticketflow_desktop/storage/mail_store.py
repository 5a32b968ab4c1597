"""The mail channel's rows: mails seen in the team mailbox (dedupe) and replies waiting to be mailed.

Functions on a Connection the caller holds, so each runs in the same transaction as the ticket or
message it belongs to.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, insert, select, update

from ticketflow_desktop.storage.tables import (
    customer_table,
    mail_out_table,
    mail_seen_table,
    message_table,
    ticket_table,
)

TOKEN_PREFIX = "ticketflow."  # our Message-IDs' local part starts so (mail/parse.py's OWN_ID_PREFIX)


@dataclass(frozen=True)
class SeenMail:
    outcome: str
    ticket_id: int | None
    reason: str | None


@dataclass(frozen=True)
class OutgoingMail:
    message_ref: int
    ticket_id: int
    token: str
    state: str  # queued, or sending: an earlier attempt ended without a recorded answer
    attempts: int
    title: str
    body: str
    to_name: str
    to_email: str
    references: tuple[str, ...]  # the thread's Message-IDs oldest first: the customer's and ours


@dataclass(frozen=True)
class MailState:
    state: str  # queued, sending, sent, failed
    attempts: int
    last_error: str | None


def message_key(message_id: str) -> str:
    return hashlib.sha256(message_id.encode("utf-8", "surrogateescape")).hexdigest()


def seen(session: Connection, message_id: str) -> SeenMail | None:
    row = session.execute(
        select(mail_seen_table.c.outcome, mail_seen_table.c.ticket_id, mail_seen_table.c.reason).where(
            mail_seen_table.c.message_key == message_key(message_id)
        )
    ).first()
    return SeenMail(row.outcome, row.ticket_id, row.reason) if row is not None else None


def record_seen(
    session: Connection,
    message_id: str,
    outcome: str,
    at: datetime,
    *,
    ticket_id: int | None = None,
    message_ref: int | None = None,
    reason: str | None = None,
) -> None:
    session.execute(
        insert(mail_seen_table).values(
            message_key=message_key(message_id),
            message_id=message_id,
            ticket_id=ticket_id,
            message_ref=message_ref,
            outcome=outcome,
            reason=reason,
            at=at,
        )
    )


def token_of(message_id: str) -> str | None:
    """`<ticketflow.…@domain>` → its token (the part we stored), else None."""
    local = message_id.strip("<>").split("@", 1)[0]
    return local if local.startswith(TOKEN_PREFIX) else None


def ticket_for_references(session: Connection, references: tuple[str, ...]) -> int | None:
    """The ticket a reply belongs to, by the Message-IDs it answers: a customer's mail or one of ours."""
    for reference in references:
        token = token_of(reference)
        if token is not None:
            found = session.execute(select(mail_out_table.c.ticket_id).where(mail_out_table.c.token == token)).scalar()
        else:
            found = session.execute(
                select(mail_seen_table.c.ticket_id).where(
                    mail_seen_table.c.message_key == message_key(reference), mail_seen_table.c.ticket_id.is_not(None)
                )
            ).scalar()
        if found is not None:
            return int(found)
    return None


def ticket_by_key(session: Connection, idempotency_key: str) -> int | None:
    """The ticket stored with this idempotency key (a mail's, by an earlier round), or None."""
    found = session.execute(select(ticket_table.c.id).where(ticket_table.c.idempotency_key == idempotency_key)).scalar()
    return int(found) if found is not None else None


def ticket_exists(session: Connection, ticket_id: int) -> bool:
    return session.execute(select(ticket_table.c.id).where(ticket_table.c.id == ticket_id)).first() is not None


def queue_reply(session: Connection, ticket_id: int, message_ref: int) -> None:
    """Queue a reply's mail (to the ticket's requester: the caller checked it has one; every customer has
    an address)."""
    token = f"{TOKEN_PREFIX}{ticket_id}.{message_ref}.{secrets.token_hex(8)}"
    session.execute(insert(mail_out_table).values(message_ref=message_ref, ticket_id=ticket_id, token=token))


def due_mails(session: Connection, now: datetime, limit: int = 50) -> list[OutgoingMail]:
    """Queued replies whose time has come, oldest first, with what the mail needs."""
    rows = session.execute(
        select(
            mail_out_table, message_table.c.body, ticket_table.c.title, customer_table.c.name, customer_table.c.email
        )
        .join(message_table, message_table.c.id == mail_out_table.c.message_ref)
        .join(ticket_table, ticket_table.c.id == mail_out_table.c.ticket_id)
        .join(customer_table, customer_table.c.id == ticket_table.c.requester_id)
        .where(
            mail_out_table.c.state.in_(("queued", "sending")),
            (mail_out_table.c.next_try_at.is_(None)) | (mail_out_table.c.next_try_at <= now),
        )
        .order_by(mail_out_table.c.message_ref)
        .limit(limit)
    ).all()
    return [
        OutgoingMail(
            row.message_ref,
            row.ticket_id,
            row.token,
            row.state,
            row.attempts,
            row.title,
            row.body,
            row.name,
            row.email,
            thread_references(session, row.ticket_id, row.message_ref),
        )
        for row in rows
    ]


def thread_references(session: Connection, ticket_id: int, before_message: int) -> tuple[str, ...]:
    """The Message-IDs of the ticket's mails before this reply, oldest first: the customer's, then ours
    as tokens (`<token>`, the caller adds the domain)."""
    customer = session.execute(
        select(mail_seen_table.c.id, mail_seen_table.c.message_id).where(
            mail_seen_table.c.ticket_id == ticket_id, mail_seen_table.c.outcome.in_(("ticket", "message"))
        )
    ).all()
    ours = session.execute(
        select(mail_out_table.c.message_ref, mail_out_table.c.token).where(
            mail_out_table.c.ticket_id == ticket_id,
            mail_out_table.c.message_ref < before_message,
            mail_out_table.c.state == "sent",
        )
    ).all()
    # Order by when each arrived or was written: mail_seen ids and message ids are separate sequences,
    # so the customer's mails come first, then ours; a client threads by any one of them.
    return tuple([m for _, m in sorted(customer)] + [f"<{t}>" for _, t in sorted(ours)])


def mark_sending(session: Connection, message_ref: int) -> None:
    """Claimed before the SMTP conversation: attempts counts tries that may have reached the server."""
    session.execute(
        update(mail_out_table)
        .where(mail_out_table.c.message_ref == message_ref)
        .values(state="sending", attempts=mail_out_table.c.attempts + 1)
    )


def mark_sent(session: Connection, message_ref: int, at: datetime) -> None:
    session.execute(
        update(mail_out_table)
        .where(mail_out_table.c.message_ref == message_ref)
        .values(state="sent", sent_at=at, last_error=None, next_try_at=None)
    )


def mark_retry(session: Connection, message_ref: int, error: str, next_try_at: datetime) -> None:
    session.execute(
        update(mail_out_table)
        .where(mail_out_table.c.message_ref == message_ref)
        .values(state="queued", last_error=error, next_try_at=next_try_at)
    )


def mark_failed(session: Connection, message_ref: int, error: str) -> None:
    session.execute(
        update(mail_out_table)
        .where(mail_out_table.c.message_ref == message_ref)
        .values(state="failed", last_error=error, next_try_at=None)
    )


def requeue_failed(session: Connection, message_ref: int) -> int | None:
    """A failed reply's mail queued again at once (its attempts kept); its ticket, or None when the reply's
    mail had not failed (sent meanwhile, queued, or no mail at all)."""
    found = session.execute(
        update(mail_out_table)
        .where(mail_out_table.c.message_ref == message_ref, mail_out_table.c.state == "failed")
        .values(state="queued", next_try_at=None)
        .returning(mail_out_table.c.ticket_id)
    ).scalar()
    return int(found) if found is not None else None


def mail_states(session: Connection, message_refs: list[int]) -> dict[int, MailState]:
    if not message_refs:
        return {}
    rows = session.execute(
        select(
            mail_out_table.c.message_ref, mail_out_table.c.state, mail_out_table.c.attempts, mail_out_table.c.last_error
        ).where(mail_out_table.c.message_ref.in_(message_refs))
    )
    return {r.message_ref: MailState(r.state, r.attempts, r.last_error) for r in rows}


def shared_now(session: Connection, fallback: datetime) -> datetime:
    """The database's now() on PostgreSQL (shared by the team); `fallback` (the app's clock) on SQLite."""
    if session.engine.dialect.name != "postgresql":
        return fallback
    value = session.execute(select(func.now())).scalar_one()
    assert isinstance(value, datetime)
    return value


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, … capped at an hour: a server away for a while is not hammered."""
    return timedelta(seconds=min(3600, 30 * 2 ** max(0, attempts - 1)))


def outbox_counts(session: Connection) -> dict[str, int]:
    rows = session.execute(select(mail_out_table.c.state, func.count()).group_by(mail_out_table.c.state))
    return {state: int(n) for state, n in rows}
