"""Words for times and history events, as the Tickets tab shows them (no Qt)."""

from __future__ import annotations

from datetime import datetime
from html import escape

from ticketflow_desktop.domain import Category, Priority, Status, TicketEvent

_ENUMS = {"category": Category, "priority": Priority, "status": Status}
_QUOTE_MAX = 60
# Up to a week a time reads best as an age ("4d ago"); beyond, "31d ago" says less than a date.
RELATIVE_DAYS = 7


def relative_time(when: datetime, now: datetime) -> str:
    """ "just now", "5m ago", "3h ago", "4d ago" up to a week, then the local date ("02 Jun 2026")."""
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h ago"
    if seconds < RELATIVE_DAYS * 86400:
        return f"{int(seconds // 86400)}d ago"
    return when.astimezone().strftime("%d %b %Y")


def plain_tooltip(title: str, description: str, quote: int) -> str:
    """The full title and the description's first `quote` characters, for a tooltip.

    Qt renders a tooltip that merely looks like HTML as rich text, so user text is escaped into a
    paragraph that keeps its spaces and line breaks: what shows is exactly what was typed."""
    start = description.strip()
    if len(start) > quote:
        start = start[:quote].rstrip() + "…"
    body = f"\n\n{escape(start, quote=False)}" if start else ""
    return f"<p style='white-space:pre-wrap'><b>{escape(title, quote=False)}</b>{body}</p>"


def exact_time(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def value_label(field: str, value: str | None) -> str:
    if value is None:
        return "—"
    enum = _ENUMS.get(field)
    if enum is not None:
        try:
            return enum(value).label
        except ValueError:
            return value
    short = value if len(value) <= _QUOTE_MAX else value[: _QUOTE_MAX - 1] + "…"
    return f"“{short}”"


def event_text(event: TicketEvent, now: datetime) -> str:
    """ "Status changed from Open to In progress · 5m ago · by alice", and when a change that waited in
    the outbox was written: "· written offline 2h ago"."""
    if event.field == "created":
        what = "Created"
    elif event.field == "description":
        what = "Description edited"
    else:
        what = (
            f"{event.field.capitalize()} changed from {value_label(event.field, event.old_value)}"
            f" to {value_label(event.field, event.new_value)}"
        )
    who = event.actor or "someone"  # history from before the team model has no name
    via = "" if event.source.value == "user" else f" ({event.source.value})"
    written = f" · written offline {relative_time(event.written_at, now)}" if event.written_at else ""
    return f"{what} · {relative_time(event.at, now)} · by {who}{via}{written}"


def count_text(count: object) -> str:
    text = str(count)
    return "1 ticket" if text == "1" else f"{text} tickets"
