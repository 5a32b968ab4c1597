"""Words for times and history events, as the Tickets tab shows them (no Qt)."""

from __future__ import annotations

from datetime import datetime

from ticketflow_desktop.domain import Category, Priority, Status, TicketEvent

_ENUMS = {"category": Category, "priority": Priority, "status": Status}
_QUOTE_MAX = 60


def relative_time(when: datetime, now: datetime) -> str:
    """ "just now", "5m ago", "3h ago", "4d ago", then the local date."""
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h ago"
    if seconds < 30 * 86400:
        return f"{int(seconds // 86400)}d ago"
    return when.astimezone().strftime("%d %b %Y")


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
    """ "Status changed from Open to In progress · 5m ago · by user"."""
    if event.field == "created":
        what = "Created"
    elif event.field == "description":
        what = "Description edited"
    else:
        what = (
            f"{event.field.capitalize()} changed from {value_label(event.field, event.old_value)}"
            f" to {value_label(event.field, event.new_value)}"
        )
    return f"{what} · {relative_time(event.at, now)} · by {event.source.value}"


def count_text(count: object) -> str:
    text = str(count)
    return "1 ticket" if text == "1" else f"{text} tickets"
