"""What changed in the tickets: the one descriptor every announcement carries (plain Python, no Qt).

A write declares its `Change` (ui/ops.py announces it once the write is stored); the live feed, a
reconnect and a Refresh announce theirs through the same `Ops.announce`. Views receive it on
`context.tickets_changed` and decide how to refresh: `ids` names the tickets, or is None when it is
not known which changed (an import, a reconnect), which means "reload what you show".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    MESSAGE = "message"  # a reply, note or customer message was added to the thread
    IMPORTED = "imported"
    DELIVERED = "delivered"  # a write that waited in the outbox reached the database
    BY_COLLEAGUE = "by_colleague"  # the live feed
    RELOAD = "reload"  # the database (re)opened or answers again, or the user asked to refresh


@dataclass(frozen=True)
class Change:
    ids: frozenset[int] | None  # None: not known which tickets (reload everything shown)
    kinds: frozenset[ChangeKind]

    @classmethod
    def of(cls, ids: Iterable[int], *kinds: ChangeKind) -> Change:
        return cls(frozenset(ids), frozenset(kinds))

    @classmethod
    def unknown(cls, *kinds: ChangeKind) -> Change:
        """Anything may have changed."""
        return cls(None, frozenset(kinds))

    def touches(self, ticket_id: int) -> bool:
        return self.ids is None or ticket_id in self.ids

    def __or__(self, other: Change) -> Change:
        ids = None if self.ids is None or other.ids is None else self.ids | other.ids
        return Change(ids, self.kinds | other.kinds)
