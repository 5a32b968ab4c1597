"""Files that came with a customer's mail: what is kept of them, and their names made safe to save.

Pure: the caps, the sizes as people read them, and the filename a mail claims turned into one that
cannot reach outside the folder it is saved in (no path parts, no control characters, no device names).
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from ticketflow_desktop.domain.errors import NotFound, TicketFlowError

__all__ = [
    "ATTACHMENT_CAP",
    "MAIL_ATTACHMENTS_CAP",
    "AttachmentInfo",
    "AttachmentNotFound",
    "human_size",
    "safe_filename",
]

ATTACHMENT_CAP = 10 * 1024 * 1024  # bytes: a bigger file is left out (it stays with the mail in the mailbox)
MAIL_ATTACHMENTS_CAP = 25 * 1024 * 1024  # bytes kept of one mail's files together
FILENAME_MAX = 200  # characters: every file system takes 255 bytes; room for " (2)" and a multi-byte name
UNNAMED = "attachment"
# Characters no common file system takes in a name (Windows' list covers the others').
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)


class AttachmentNotFound(NotFound):
    """No such attachment, or (PostgreSQL's row-level security) one on a ticket the agent may not see."""

    def __init__(self, attachment_id: int) -> None:
        TicketFlowError.__init__(self, f"Attachment {attachment_id} does not exist, or is on a ticket you may not see")
        self.ticket_id = 0
        self.attachment_id = attachment_id


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its bytes (those are read only to save it)."""

    id: int
    ticket_id: int
    message_id: int | None  # None: it came with the mail that opened the ticket
    filename: str
    content_type: str
    size: int  # bytes
    created_at: datetime | None = None

    @property
    def label(self) -> str:
        return f"{self.filename} ({human_size(self.size)})"


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def safe_filename(name: str | None, content_type: str = "application/octet-stream") -> str:
    """The last path part of `name`, without control or reserved characters, at most FILENAME_MAX long;
    a name left empty becomes "attachment" with the extension its content type suggests."""
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]  # "../../etc/passwd", "C:\\x\\y.txt" -> the last part
    text = _FORBIDDEN.sub("_", text)
    # Control, format, private and unassigned characters go; every kind of space becomes a plain one.
    text = "".join(" " if unicodedata.category(c)[0] == "Z" else c for c in text if unicodedata.category(c)[0] != "C")
    text = " ".join(text.split()).strip(" .")  # Windows drops trailing dots and blanks; a leading dot hides it
    if text.split(".", 1)[0].lower() in _WINDOWS_DEVICES:
        text = f"_{text}"
    if not text:
        text = UNNAMED + (mimetypes.guess_extension(content_type) or "")
    if len(text) > FILENAME_MAX:
        stem, dot, extension = text.rpartition(".")
        if dot and 0 < len(extension) <= 16:
            text = stem[: FILENAME_MAX - len(extension) - 1].rstrip() + "." + extension
        else:
            text = text[:FILENAME_MAX].rstrip()
    return text
