"""The limits of a ticket and the checks that enforce them, in words a user understands."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from ticketflow_desktop.domain.enums import ALLOWED_TRANSITIONS, Status
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.models import TicketChanges, TicketDraft

TITLE_MAX = 200
# Ticket numbers and versions are 32-bit on PostgreSQL (INTEGER); one range on both backends.
NUMBER_MAX = 2_147_483_647
DESCRIPTION_MAX = 100_000
SEARCH_MAX = 500


# Every character str.splitlines() breaks at: Unicode's line and paragraph separators, VT, FF, NEL,
# the file/group/record separators (a title containing one would show as two lines somewhere).
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Format, control, separator and combining characters draw nothing on their own; these letters and
# symbols are blank by design (Hangul fillers, the blank Braille pattern, Mongolian vowel separator).
_NOT_DRAWN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"))
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u17b4\u17b5")


def has_visible_character(text: str) -> bool:
    """True if `text` draws something: not only spaces, zero-width, filler or direction marks."""
    return any(c not in _BLANK_LOOKING and unicodedata.category(c) not in _NOT_DRAWN for c in text)


def _broken_unicode(text: str) -> bool:
    """Lone surrogates (from a broken paste or file) cannot be stored as UTF-8 by either database."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def title_error(title: str) -> str | None:
    text = title.strip()
    if not text:
        return "Title is required."
    if len(text) > TITLE_MAX:
        return f"Title is {len(text):,} characters; the limit is {TITLE_MAX}."
    if "\x00" in text:
        return "Title contains a NUL character, which cannot be stored."
    if _broken_unicode(text):
        return "Title contains broken characters (invalid Unicode), which cannot be stored."
    if any(c in LINE_BREAKS for c in text):
        return "Title must be a single line."
    if not has_visible_character(text):
        return "Title needs a visible character (it holds only blank or invisible ones)."
    return None


def description_error(description: str) -> str | None:
    text = description.strip()
    if not text:
        return "Description is required."
    if len(text) > DESCRIPTION_MAX:
        return f"Description is {len(text):,} characters; the limit is {DESCRIPTION_MAX:,}."
    if "\x00" in text:
        return "Description contains a NUL character, which cannot be stored."
    if _broken_unicode(text):
        return "Description contains broken characters (invalid Unicode), which cannot be stored."
    return None


def search_error(search: str) -> str | None:
    if "\x00" in search:
        return "Search contains a NUL character."
    if _broken_unicode(search):
        return "Search contains broken characters (invalid Unicode)."
    if len(search) > SEARCH_MAX:
        return f"Search is limited to {SEARCH_MAX} characters."
    return None


def _collect(checks: list[tuple[str, str | None]]) -> None:
    errors = [FieldError(name, message) for name, message in checks if message]
    if errors:
        raise ValidationError(errors)


def validate_draft(draft: TicketDraft) -> TicketDraft:
    """Return the draft as it will be stored (trimmed) or raise ValidationError naming each field."""
    _collect([("title", title_error(draft.title)), ("description", description_error(draft.description))])
    return replace(draft, title=draft.title.strip(), description=draft.description.strip())


def validate_changes(changes: TicketChanges, current_status: Status | None = None) -> TicketChanges:
    checks: list[tuple[str, str | None]] = []
    if changes.title is not None:
        checks.append(("title", title_error(changes.title)))
    if changes.description is not None:
        checks.append(("description", description_error(changes.description)))
    if current_status is not None and changes.status is not None:
        checks.append(("status", transition_error(current_status, changes.status)))
    _collect(checks)
    return replace(
        changes,
        title=changes.title.strip() if changes.title is not None else None,
        description=changes.description.strip() if changes.description is not None else None,
    )


def transition_error(current: Status, new: Status) -> str | None:
    if new == current or new in ALLOWED_TRANSITIONS[current]:
        return None
    return f"A {current.label.lower()} ticket cannot become {new.label.lower()}; reopen it first."


def number_error(name: str, value: int) -> str | None:
    """A ticket number or version outside 1..NUMBER_MAX names no ticket and no version."""
    if 1 <= value <= NUMBER_MAX:
        return None
    return f"{name.capitalize()} {value} is out of range: it runs from 1 to {NUMBER_MAX:,}."


def check_number(name: str, value: int) -> None:
    _collect([(name, number_error(name, value))])
