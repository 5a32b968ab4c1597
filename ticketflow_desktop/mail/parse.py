"""One mail's bytes → what the helpdesk needs from it (pure: no network, no database).

Requester from `From`, title from `Subject`, text from the text part (HTML-only mail turned into
text), attachments listed with their size, the keys that thread it to a ticket (Message-ID,
In-Reply-To, References, `[#1234]` in the subject), and whether it is a machine's mail (an
auto-reply, a bounce, a list, our own) that must never make a ticket.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr

from ticketflow_desktop.domain.attachments import ATTACHMENT_CAP, MAIL_ATTACHMENTS_CAP, human_size, safe_filename
from ticketflow_desktop.domain.conversation import parse_requester
from ticketflow_desktop.domain.errors import ValidationError
from ticketflow_desktop.domain.models import Requester
from ticketflow_desktop.domain.validation import DESCRIPTION_MAX, TITLE_MAX
from ticketflow_desktop.mail.html_text import html_to_text

__all__ = ["ATTACHMENT_CAP", "Attachment", "MalformedMail", "ParsedMail", "human_size", "parse_mail"]

NO_SUBJECT = "(no subject)"
NO_TEXT = "(the mail has no text)"
# Our own Message-IDs start with this; a mail carrying one as its own id came back to us (a loop).
OWN_ID_PREFIX = "<ticketflow."
_TAG = re.compile(r"\[#(\d{1,19})\]")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|tr|rif)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
# Lines that start the quoted earlier mail in a reply: everything from there on is history.
_QUOTE_START = re.compile(
    r"^(On .{0,300} wrote:|Am .{0,300} schrieb .{0,200}:|-----\s*Original Message\s*-----|From: .+)$",
    re.IGNORECASE,
)
_BOUNCE_SENDERS = frozenset({"mailer-daemon", "postmaster"})
_BULK_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})


class MalformedMail(ValueError):
    """The mail cannot become a ticket (no sender address, unreadable structure): kept aside with `reason`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Attachment:
    filename: str  # made safe to save (domain/attachments.safe_filename)
    content_type: str
    size: int  # bytes, decoded
    content: bytes = field(default=b"", repr=False, compare=False)  # empty when left out
    left_out: str | None = None  # why it is not kept ("over the 10 MB limit"), else None: it is stored

    @property
    def over_cap(self) -> bool:
        return self.size > ATTACHMENT_CAP


@dataclass(frozen=True)
class ParsedMail:
    message_id: str  # its own, or one made from its bytes' hash (stable: the same mail, the same id)
    requester: Requester
    subject: str
    text: str  # the text part, decoded (quoted history removed from replies)
    attachments: tuple[Attachment, ...]
    references: tuple[str, ...]  # In-Reply-To first, then References newest first
    ticket_tag: int | None  # `[#1234]` in the subject
    machine_reason: str | None  # why it is an auto-reply, bounce or loop (never a ticket), else None

    @property
    def title(self) -> str:
        """The subject as a ticket title: reply prefixes and our tag removed, trimmed to the title limit."""
        subject = " ".join(_TAG.sub(" ", _REPLY_PREFIX.sub("", self.subject)).split())
        return shorten(subject or NO_SUBJECT, TITLE_MAX)

    def body_with_attachments(self) -> str:
        """The text, then one line per attachment left out (the kept ones are stored beside the message),
        within the description limit: nothing is dropped without a word."""
        lines = [left_out_line(a) for a in self.attachments if a.left_out]
        footer = ("\n\n" + "\n".join(lines)) if lines else ""
        room = DESCRIPTION_MAX - len(footer)
        return shorten(self.text or NO_TEXT, room) + footer

    @property
    def kept_attachments(self) -> tuple[Attachment, ...]:
        return tuple(a for a in self.attachments if a.left_out is None)


def left_out_line(attachment: Attachment) -> str:
    return (
        f"[Left out: {attachment.filename} ({human_size(attachment.size)}) {attachment.left_out}; "
        "it stays with the mail in the mailbox's Processed folder]"
    )


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def decode_header_text(value: str | None) -> str:
    """An RFC 2047 header (`=?iso-8859-1?q?...?=`) as text, folded lines joined; never raises."""
    if not value:
        return ""
    try:
        text = str(make_header(decode_header(value)))
    except (LookupError, ValueError, UnicodeDecodeError):
        text = value
    return " ".join(text.replace("\x00", "").split())


def ticket_tag(subject: str) -> int | None:
    """The ticket number of a `[#1234]` in the subject (the first one), or None."""
    match = _TAG.search(subject)
    if match is None:
        return None
    number = int(match.group(1))
    return number if 0 < number < 2**63 else None


def tagged_subject(subject: str, ticket_id: int) -> str:
    """`Re: <subject> [#ID]` for our replies: the customer's answer threads back even without headers."""
    plain = " ".join(_TAG.sub(" ", _REPLY_PREFIX.sub("", subject)).split()) or NO_SUBJECT
    return f"Re: {plain} [#{ticket_id}]"


def message_ids(value: str | None) -> list[str]:
    return _MESSAGE_ID.findall(value or "")


def parse_mail(raw: bytes, *, team_address: str | None = None) -> ParsedMail:
    """Raises MalformedMail when it cannot be a ticket at all (e.g. no sender address)."""
    try:
        message = BytesParser(policy=policy.compat32).parsebytes(raw)
    except Exception as error:  # noqa: BLE001 - the parser's failures are the mail's, whatever their type
        raise MalformedMail(f"the mail cannot be read: {error}") from None
    own = message_ids(message.get("Message-ID"))
    message_id = own[0] if own else f"<{hashlib.sha256(raw).hexdigest()}@ticketflow.invalid>"
    from_text = decode_header_text(message.get("From"))
    if not from_text:
        raise MalformedMail("the mail has no From address")
    try:
        requester = parse_requester(from_text)
    except ValidationError:
        raise MalformedMail(f"the From header {from_text[:200]!r} is not an email address") from None
    subject = decode_header_text(message.get("Subject"))
    references = message_ids(message.get("In-Reply-To")) + list(reversed(message_ids(message.get("References"))))
    references = list(dict.fromkeys(r for r in references if r != message_id))
    text, attachments = _content(message)
    if references or ticket_tag(subject) is not None:
        text = without_quoted_history(text)
    return ParsedMail(
        message_id=message_id,
        requester=requester,
        subject=subject,
        text=text,
        attachments=attachments,
        references=tuple(references),
        ticket_tag=ticket_tag(subject),
        machine_reason=machine_reason(message, message_id, requester.email, team_address),
    )


def machine_reason(message: Message, message_id: str, sender: str, team_address: str | None) -> str | None:
    """Why no ticket may come of this mail (RFC 3834 and the usual signs), or None for a person's mail."""
    auto = (message.get("Auto-Submitted") or "").strip().lower()
    if auto and auto != "no":
        return f"an automatic mail (Auto-Submitted: {auto})"
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return "an automatic reply (X-Autoreply)"
    precedence = (message.get("Precedence") or "").strip().lower()
    if precedence in _BULK_PRECEDENCE:
        return f"a bulk or list mail (Precedence: {precedence})"
    if message.get_content_type() == "multipart/report":
        return "a delivery report (bounce)"
    if sender.split("@", 1)[0].lower() in _BOUNCE_SENDERS:
        return f"a delivery report (bounce) from {sender}"
    if (message.get("Return-Path") or "").strip() == "<>":
        return "a delivery report (bounce): its return path is empty"
    if message_id.startswith(OWN_ID_PREFIX):
        return "our own reply (the team mailbox's copy, or a loop)"
    if team_address and parseaddr(team_address)[1].casefold() == sender.casefold():
        return "mail from the team's own address"
    return None


def without_quoted_history(text: str) -> str:
    """A reply's new text: the quoted earlier mail ("On … wrote:", "> " lines) removed, if anything is left."""
    kept: list[str] = []
    for line in text.splitlines():
        if _QUOTE_START.match(line.strip()) and any(k.strip() for k in kept):
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    new = "\n".join(kept).strip()
    return new or text


def _content(message: Message) -> tuple[str, tuple[Attachment, ...]]:
    plain: str | None = None
    html: str | None = None
    attachments: list[Attachment] = []
    kept = 0  # bytes of this mail's attachments kept so far
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = (part.get("Content-Disposition") or "").split(";", 1)[0].strip().lower()
        filename = part.get_filename()  # RFC 2231 parameters already joined and decoded
        content_type = part.get_content_type()
        if disposition == "attachment" or filename or not content_type.startswith("text/"):
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            name = safe_filename(decode_header_text(filename), content_type)  # RFC 2047 words too
            if len(data) > ATTACHMENT_CAP:
                left_out: str | None = f"over the {human_size(ATTACHMENT_CAP)} limit"
            elif kept + len(data) > MAIL_ATTACHMENTS_CAP:
                left_out = f"over the {human_size(MAIL_ATTACHMENTS_CAP)} a mail's attachments may take"
            else:
                left_out = None
                kept += len(data)
            attachments.append(Attachment(name, content_type, len(data), b"" if left_out else data, left_out))
        elif content_type == "text/plain" and plain is None:
            plain = decode_part(part)
        elif content_type == "text/html" and html is None:
            html = decode_part(part)
    if plain and plain.strip():
        text = plain
    elif html:
        text = html_to_text(html)
    else:
        text = plain or ""
    return _clean(text), tuple(attachments)


def decode_part(part: Message) -> str:
    """A text part's content: transfer encoding (base64, quoted-printable) and charset undone.

    ISO-8859-1 is read as Windows-1252 (its superset, what mail programs mean by it, as browsers do);
    an unknown charset as UTF-8 with replacement characters rather than a refusal."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    charset = (part.get_content_charset() or "utf-8").lower()
    if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        charset = "cp1252"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _clean(text: str) -> str:
    # PostgreSQL text cannot hold NUL; line ends made uniform; trailing blanks dropped.
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
