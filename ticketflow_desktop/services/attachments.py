"""A ticket's attachments: listed (without their bytes) and saved to a file the agent chose.

On PostgreSQL the rows are under the tickets' row-level security: an attachment of a ticket the agent
may not see is "not found", the same as one that does not exist.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ticketflow_desktop.domain.attachments import AttachmentInfo, AttachmentNotFound
from ticketflow_desktop.domain.validation import check_number
from ticketflow_desktop.storage.attachments import attachment_content, attachments_of_ticket
from ticketflow_desktop.storage.engine import Database


@dataclass(frozen=True)
class AttachmentService:
    database: Database

    def of_ticket(self, ticket_id: int) -> list[AttachmentInfo]:
        check_number("ticket", ticket_id)
        with self.database.reading() as session:
            return attachments_of_ticket(session, ticket_id)

    def content(self, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
        check_number("attachment", attachment_id)
        with self.database.reading() as session:
            found = attachment_content(session, attachment_id)
        if found is None:
            raise AttachmentNotFound(attachment_id)
        return found

    def save(self, attachment_id: int, path: Path) -> AttachmentInfo:
        """Write the attachment's bytes to `path` whole or not at all (a temporary file beside it, renamed)."""
        info, data = self.content(attachment_id)
        path = Path(path)
        handle, temporary = tempfile.mkstemp(prefix=".ticketflow-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return info
