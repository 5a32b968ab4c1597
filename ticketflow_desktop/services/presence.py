"""Presence: who else has a ticket open and who is typing, as heartbeats that expire on their own.

An open ticket beats every HEARTBEAT (and when its composer starts or stops typing); readers take the
rows younger than FRESH by the server's clock, so a laptop that went to sleep leaves no ghost. Each
beat sends a hint on the live channel so colleagues look again at once. SQLite is one person's file:
there is nobody else, and presence is simply absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ticketflow_desktop.domain.notifications import PresentAgent
from ticketflow_desktop.domain.validation import check_number
from ticketflow_desktop.storage import personal
from ticketflow_desktop.storage.engine import Database

HEARTBEAT = timedelta(seconds=10)
FRESH = timedelta(seconds=30)


@dataclass(frozen=True)
class PresenceService:
    database: Database

    @property
    def available(self) -> bool:
        return self.database.enforces_team_rules

    def beat(self, ticket_id: int, typing: bool = False) -> None:
        check_number("ticket", ticket_id)
        if self.available:
            with self.database.writing() as session:
                personal.beat(session, ticket_id, typing)

    def leave(self, ticket_id: int) -> None:
        check_number("ticket", ticket_id)
        if self.available:
            with self.database.writing() as session:
                personal.leave(session, ticket_id)

    def others_here(self, ticket_id: int, fresh: timedelta = FRESH) -> tuple[PresentAgent, ...]:
        """Everyone but me whose heartbeat on the ticket is younger than `fresh`."""
        check_number("ticket", ticket_id)
        if not self.available:
            return ()
        with self.database.reading() as session:
            return personal.others_here(session, ticket_id, fresh)
