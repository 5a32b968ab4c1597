"""Attachment rows: stored in the caller's transaction (with the ticket or message they came with),
listed without their bytes, and read one at a time to be saved."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Connection, insert, select

from ticketflow_desktop.domain.attachments import AttachmentInfo
from ticketflow_desktop.storage.tables import attachment_table


class NewAttachment(Protocol):
    """What a parsed mail's attachment gives (mail/parse.Attachment), without this layer importing mail/."""

    @property
    def filename(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def content(self) -> bytes: ...


_INFO = (
    attachment_table.c.id,
    attachment_table.c.ticket_id,
    attachment_table.c.message_id,
    attachment_table.c.filename,
    attachment_table.c.content_type,
    attachment_table.c.size,
    attachment_table.c.created_at,
)


def add_attachments(
    session: Connection,
    ticket_id: int,
    message_id: int | None,
    files: Iterable[NewAttachment],
    at: datetime,
    *,
    stamps_time: bool,
) -> int:
    """Store `files` for the ticket (and message); how many. `stamps_time`: the database sets created_at."""
    rows: list[dict[str, object]] = []
    for file in files:
        row: dict[str, object] = {
            "ticket_id": ticket_id,
            "message_id": message_id,
            "filename": file.filename,
            "content_type": file.content_type[:255],
            "size": len(file.content),
            "content": file.content,
        }
        if not stamps_time:
            row["created_at"] = at
        rows.append(row)
    for row in rows:  # one statement each: a multi-row insert would hold every file's bytes twice
        session.execute(insert(attachment_table).values(row))
    return len(rows)


def _info(r: Any) -> AttachmentInfo:  # a Row with the _INFO columns (and perhaps more)
    return AttachmentInfo(r.id, r.ticket_id, r.message_id, r.filename, r.content_type, r.size, r.created_at)


def attachments_of_ticket(session: Connection, ticket_id: int) -> list[AttachmentInfo]:
    rows = session.execute(
        select(*_INFO).where(attachment_table.c.ticket_id == ticket_id).order_by(attachment_table.c.id)
    )
    return [_info(r) for r in rows]


def attachment_content(session: Connection, attachment_id: int) -> tuple[AttachmentInfo, bytes] | None:
    row = session.execute(
        select(*_INFO, attachment_table.c.content).where(attachment_table.c.id == attachment_id)
    ).first()
    if row is None:
        return None
    return _info(row), bytes(row.content)
