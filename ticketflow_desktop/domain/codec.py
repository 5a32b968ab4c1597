"""Suggestions, drafts and changes as JSON-able dicts, and back: the one format of the outbox's payloads,
the Submit form's saved draft and `ticketflow classify --json`.

Enums are written as their values. Reading is tolerant of what older versions wrote and of what newer
ones may add: unknown keys are ignored and a missing optional field is None. Anything else that is not
what this module writes (a wrong type, a value outside an enum) raises ValueError, never another error.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from ticketflow_desktop.domain.enums import Category, Priority, Status, SuggestionSource
from ticketflow_desktop.domain.models import Requester, Suggestion, TicketChanges, TicketDraft

E = TypeVar("E", bound=StrEnum)


def suggestion_to_dict(suggestion: Suggestion) -> dict[str, object]:
    return {
        "category": suggestion.category.value,
        "priority": suggestion.priority.value,
        "source": suggestion.source.value,
        "model": suggestion.model,
        "confidence": suggestion.confidence,
        "category_confidence": suggestion.category_confidence,
        "priority_confidence": suggestion.priority_confidence,
    }


def suggestion_from_dict(data: object) -> Suggestion:
    fields = _mapping(data, "suggestion")
    return Suggestion(
        _enum(fields, "category", Category),
        _enum(fields, "priority", Priority),
        _enum(fields, "source", SuggestionSource),
        _optional_text(fields, "model"),
        _optional_number(fields, "confidence"),
        _optional_number(fields, "category_confidence"),
        _optional_number(fields, "priority_confidence"),
    )


def draft_to_dict(draft: TicketDraft) -> dict[str, object]:
    return {
        "title": draft.title,
        "description": draft.description,
        "category": draft.category.value,
        "priority": draft.priority.value,
        "suggestion": None if draft.suggestion is None else suggestion_to_dict(draft.suggestion),
        "idempotency_key": draft.idempotency_key,
        "requester": None if draft.requester is None else requester_to_dict(draft.requester),
    }


def requester_to_dict(requester: Requester) -> dict[str, object]:
    return {"name": requester.name, "email": requester.email, "organisation": requester.organisation}


def requester_from_dict(data: object) -> Requester:
    fields = _mapping(data, "requester")
    return Requester(_text(fields, "name"), _text(fields, "email"), _optional_text(fields, "organisation"))


def draft_from_dict(data: object) -> TicketDraft:
    fields = _mapping(data, "draft")
    suggestion, requester = fields.get("suggestion"), fields.get("requester")  # both absent before 0.3
    return TicketDraft(
        _text(fields, "title"),
        _text(fields, "description"),
        _enum(fields, "category", Category),
        _enum(fields, "priority", Priority),
        None if suggestion is None else suggestion_from_dict(suggestion),
        _optional_text(fields, "idempotency_key"),
        None if requester is None else requester_from_dict(requester),
    )


def changes_to_dict(changes: TicketChanges) -> dict[str, object]:
    """Only the fields that change: an absent key means "leave as it is", so two edits' dicts merge
    with `{**first, **second}`."""
    return {name: value.value if isinstance(value, StrEnum) else value for name, value in changes.as_dict().items()}


def changes_from_dict(data: object) -> TicketChanges:
    fields = _mapping(data, "changes")
    return TicketChanges(
        title=_optional_text(fields, "title"),
        description=_optional_text(fields, "description"),
        category=_optional_enum(fields, "category", Category),
        priority=_optional_enum(fields, "priority", Priority),
        status=_optional_enum(fields, "status", Status),
    )


# --- reading one field ----------------------------------------------------------------------------


def _mapping(data: object, what: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise ValueError(f"a {what} is a JSON object, not {type(data).__name__}")
    return data


def _text(fields: Mapping[str, object], name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {type(value).__name__}")
    return value


def _optional_text(fields: Mapping[str, object], name: str) -> str | None:
    return None if fields.get(name) is None else _text(fields, name)


def _optional_number(fields: Mapping[str, object], name: str) -> float | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, not {type(value).__name__}")
    return value


def _enum(fields: Mapping[str, object], name: str, enum: type[E]) -> E:
    return enum(_text(fields, name))  # ValueError for a value outside the enum


def _optional_enum(fields: Mapping[str, object], name: str, enum: type[E]) -> E | None:
    # An empty value was "no change" to the outbox of earlier versions, as None is.
    return _enum(fields, name, enum) if fields.get(name) else None
