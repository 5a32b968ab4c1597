"""A saved view narrowed by more filters (`list --view NAME --status open`, the filter bar over a view).

A field the view leaves open takes the extra value. A field both give with several values (statuses,
tags, groups) keeps the values in both: the view's "open or in progress" narrowed by "open" is "open".
Otherwise the extra value replaces the view's. Generic over TicketFilter's fields, so fields added later
narrow too.
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import Any, TypeVar

from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.models import TicketFilter

E = TypeVar("E", bound=StrEnum)


def _members(value: Any) -> tuple[Any, ...] | None:
    if isinstance(value, tuple):
        return value
    if isinstance(value, StrEnum):
        return (value,)
    return None


def narrowed(view: TicketFilter, extra: TicketFilter) -> TicketFilter:
    """`view` narrowed by what `extra` asks for; ValidationError when a field's values share none."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(TicketFilter):
        mine, more = getattr(view, f.name), getattr(extra, f.name)
        if more == f.default:
            continue
        if mine == f.default:
            values[f.name] = more
            continue
        a, b = _members(mine), _members(more)
        if a is None or b is None:
            values[f.name] = more
            continue
        both = tuple(v for v in a if v in b)
        if not both:
            shown = ", ".join(str(getattr(v, "value", v)) for v in a)
            raise ValidationError(
                [FieldError(f.name, f"The view already limits {f.name} to {shown}; nothing could match both.")]
            )
        values[f.name] = both
    return dataclasses.replace(view, **values)
