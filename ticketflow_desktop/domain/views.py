"""Saved views: a name for a filter, a sort and the columns shown, personal or shared with the team.

The filter, sort and columns are stored as one versioned JSON text (`encode_view` / `decode_view`). The
codec walks TicketFilter's fields by their type hints, so a field added to the filter later (an SLA
state, say) is saved and restored without touching this module. Reading ignores keys it does not know
(written by a newer version) and leaves out a field whose value it cannot read, saying which in
`DecodedView.skipped`; a view therefore never fails to open, it only shows less narrowly.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ticketflow_desktop.domain.models import Sort, SortKey, TicketFilter
from ticketflow_desktop.domain.validation import has_visible_character

VIEW_FORMAT = 1
VIEW_NAME_MAX = 100
MAX_COLUMNS = 32


@dataclass(frozen=True)
class ViewSpec:
    """What a view shows: the filter, the order, and the table's columns (ids; empty: the default)."""

    filter: TicketFilter = TicketFilter()  # noqa: RUF009 (frozen: one shared default is safe)
    sort: Sort = Sort()  # noqa: RUF009
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class SavedView:
    id: int
    name: str
    owner: str  # the login who saved it
    shared: bool  # with the whole team; otherwise only the owner sees it
    spec: ViewSpec
    position: int = 0  # its place in the sidebar
    skipped: tuple[str, ...] = ()  # fields of the stored spec this version could not read


@dataclass(frozen=True)
class DecodedView:
    spec: ViewSpec
    skipped: tuple[str, ...] = ()


def view_name_error(name: str) -> str | None:
    text = name.strip()
    if not text:
        return "A view needs a name."
    if len(text) > VIEW_NAME_MAX:
        return f"A view's name is at most {VIEW_NAME_MAX} characters (this one has {len(text)})."
    if any(c in "\x00\n\r\t" for c in text) or not has_visible_character(text):
        return "A view's name is one line of visible text."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "A view's name contains broken characters (invalid Unicode)."
    return None


# --- the codec --------------------------------------------------------------------------------------


def encode_view(spec: ViewSpec) -> str:
    # Only what differs from "any": a view saved before a field existed reads back the same.
    fields = {
        f.name: _plain(getattr(spec.filter, f.name))
        for f in dataclasses.fields(TicketFilter)
        if getattr(spec.filter, f.name) != f.default
    }
    data = {
        "format": VIEW_FORMAT,
        "filter": fields,
        "sort": {"key": spec.sort.key.value, "descending": spec.sort.descending},
        "columns": list(spec.columns),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def decode_view(text: str) -> DecodedView:
    """Read what `encode_view` wrote (any version); ValueError only when `text` is not a view at all."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ValueError("a saved view is JSON") from error
    if not isinstance(data, dict):
        raise ValueError("a saved view is a JSON object")
    skipped: list[str] = []
    raw_filter = data.get("filter")
    values: dict[str, Any] = {}
    hints = typing.get_type_hints(TicketFilter)
    if isinstance(raw_filter, dict):
        for f in dataclasses.fields(TicketFilter):
            if f.name not in raw_filter:
                continue
            try:
                values[f.name] = _typed(raw_filter[f.name], hints[f.name])
            except (ValueError, TypeError):
                skipped.append(f.name)
    elif raw_filter is not None:
        skipped.append("filter")
    sort = Sort()
    raw_sort = data.get("sort")
    if isinstance(raw_sort, dict):
        try:
            sort = Sort(SortKey(str(raw_sort.get("key"))), bool(raw_sort.get("descending", True)))
        except ValueError:
            skipped.append("sort")
    columns = data.get("columns")
    kept = tuple(c for c in columns if isinstance(c, str))[:MAX_COLUMNS] if isinstance(columns, list) else ()
    return DecodedView(ViewSpec(TicketFilter(**values), sort, kept), tuple(skipped))


def _plain(value: object) -> object:
    """A filter field's value as JSON: enums by value, tuples as lists, sets as sorted lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(_plain(v) for v in value)  # type: ignore[type-var]  # enum values or texts
    return value


def _typed(value: object, hint: Any) -> Any:
    """`value` read from JSON as the type `hint` says (the first alternative of a union that fits)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(hint):
            return None
        for alternative in typing.get_args(hint):
            if alternative is type(None):
                continue
            try:
                return _typed(value, alternative)
            except (ValueError, TypeError):
                continue
        raise ValueError(f"{value!r} fits none of {hint}")
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError("a list was expected")
        member = typing.get_args(hint)[0]
        return tuple(_typed(v, member) for v in value)
    if origin is frozenset:
        if not isinstance(value, list):
            raise TypeError("a list was expected")
        member = typing.get_args(hint)[0]
        return frozenset(_typed(v, member) for v in value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        if not isinstance(value, str):
            raise TypeError("an enum's value is text")
        return hint(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError("true or false was expected")
        return value
    if hint in (int, str):
        if isinstance(value, bool) or not isinstance(value, hint):
            raise TypeError(f"{hint.__name__} was expected")
        return value
    raise TypeError(f"cannot read {hint}")
