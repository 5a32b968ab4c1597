"""Saved replies: text with placeholders, and optional field changes applied with it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ticketflow_desktop.domain.enums import Category, Priority, Status
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.models import TicketChanges

PLACEHOLDERS = ("requester.name", "requester.email", "ticket.id", "ticket.title", "agent.name")
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")
NAME_MAX = 100


@dataclass(frozen=True)
class Macro:
    id: int
    name: str
    body: str
    status: Status | None = None
    priority: Priority | None = None
    category: Category | None = None
    owner: str | None = None  # who made it
    shared: bool = True  # with the team; otherwise only its owner sees it

    @property
    def changes(self) -> TicketChanges:
        return TicketChanges(status=self.status, priority=self.priority, category=self.category)


def check_macro(name: str, body: str) -> tuple[str, str]:
    name, body = " ".join(name.split()), body.strip()
    errors = []
    if not 1 <= len(name) <= NAME_MAX:
        errors.append(FieldError("name", f"A saved reply's name has 1 to {NAME_MAX} characters."))
    if not body:
        errors.append(FieldError("body", "A saved reply needs its text."))
    unknown = sorted({m.group(1) for m in _PLACEHOLDER.finditer(body)} - set(PLACEHOLDERS))
    if unknown:
        known = ", ".join("{{" + p + "}}" for p in PLACEHOLDERS)
        errors.append(FieldError("body", f"Unknown placeholder {{{{{unknown[0]}}}}}; use {known}."))
    if errors:
        raise ValidationError(errors)
    return name, body


def render(body: str, values: Mapping[str, str]) -> str:
    """The text with each placeholder filled in (an empty value leaves nothing, never the braces)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), body)
