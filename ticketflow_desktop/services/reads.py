"""Unread marks: which tickets changed since the agent last opened them, and marking one read.

A ticket is unread for me when it is assigned to me or I have opened it before, and someone else
changed it or wrote on it since I last opened it (storage/personal.py says exactly how).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.validation import check_number
from ticketflow_desktop.storage import personal
from ticketflow_desktop.storage.engine import Database

CHUNK = 1000  # ids asked about in one statement


@dataclass(frozen=True)
class ReadService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def mark_read(self, ticket_id: int) -> None:
        check_number("ticket", ticket_id)
        with self.database.writing() as session:
            personal.mark_read(session, ticket_id, self.clock.now())

    def unread_among(self, ids: Iterable[int]) -> frozenset[int]:
        """Those of `ids` that are unread for me (tickets I may not see are simply not among them)."""
        wanted = sorted(set(ids))
        found: set[int] = set()
        with self.database.reading() as session:
            for start in range(0, len(wanted), CHUNK):
                found |= personal.unread_among(session, wanted[start : start + CHUNK])
        return frozenset(found)
