"""Tags on tickets: add and remove (one ticket or many, in one transaction), and completion.

Each tag added or removed is a history entry and moves the ticket's version and updated time on, so an
edit based on the version before sees a colleague's change and the live feed announces it. On
PostgreSQL the database does that (storage/team_sql: tf_ticket_tag_changed) and row-level security
decides which tickets' tags a login may change; on SQLite this service does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from ticketflow_desktop.domain import EventField, EventSource, Ticket, ValidationError
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.errors import FieldError
from ticketflow_desktop.domain.tags import normalize_tag, normalize_tags
from ticketflow_desktop.domain.validation import check_number
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import TicketEventRow, TicketRow, TicketTagRow, table_of
from ticketflow_desktop.storage.tags import known_tags, tags_of
from ticketflow_desktop.storage.team import local_login, recorded_by_database

MAX_BULK = 10_000  # tickets in one bulk change: one transaction, kept short


@dataclass(frozen=True)
class TagService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def change(
        self, ticket_ids: Iterable[int], add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> tuple[Ticket, ...]:
        """Add `add` and remove `remove` on every ticket of `ticket_ids`, all or nothing.

        Tags are normalised first; a bad one raises ValidationError before anything is stored. A tag
        both added and removed is refused. Returns the tickets as stored after, in the order given.
        """
        ids = list(dict.fromkeys(ticket_ids))
        try:
            adding, removing = normalize_tags(add), normalize_tags(remove)
        except ValueError as error:
            raise ValidationError([FieldError("tags", str(error))]) from None
        both = sorted(set(adding) & set(removing))
        if both:
            raise ValidationError([FieldError("tags", f"Tag '{both[0]}' is both added and removed.")])
        if not ids:
            raise ValidationError([FieldError("tickets", "Choose at least one ticket.")])
        if len(ids) > MAX_BULK:
            raise ValidationError([FieldError("tickets", f"Tags change on at most {MAX_BULK:,} tickets at once.")])
        for ticket_id in ids:
            check_number("ticket", ticket_id)
        tickets = TicketService(self.database, self.clock)
        with self.database.writing() as session:
            changed = []
            for ticket_id in ids:
                # Locked: a colleague's concurrent change of the same ticket's tags waits for this one.
                current = tickets.get_in(session, ticket_id, lock=True)  # NotFound (or hidden) first
                new = [t for t in adding if t not in current.tags]
                gone = [t for t in removing if t in current.tags]
                if new or gone:
                    self._write(session, current, new, gone)
                    changed.append(ticket_id)
            if changed:
                announce(session, changed)
            return tuple(tickets.get_in(session, ticket_id) for ticket_id in ids)

    def add(self, ticket_id: int, *tags: str) -> Ticket:
        return self.change([ticket_id], add=tags)[0]

    def remove(self, ticket_id: int, *tags: str) -> Ticket:
        return self.change([ticket_id], remove=tags)[0]

    def tags(self, ticket_id: int) -> tuple[str, ...]:
        check_number("ticket", ticket_id)
        with self.database.reading() as session:
            return tags_of(session, [ticket_id]).get(ticket_id, ())

    def known(self, prefix: str = "", limit: int = 20) -> list[tuple[str, int]]:
        """Tags in use that start with `prefix`, most used first, with their ticket counts (completion)."""
        with self.database.reading() as session:
            return known_tags(session, normalize_tag(prefix), max(1, min(limit, 200)))

    def _write(self, session: Session, current: Ticket, new: list[str], gone: list[str]) -> None:
        ticket_tags = table_of(TicketTagRow)
        rows = [{"ticket_id": current.id, "tag": t} for t in new]
        removed = delete(ticket_tags).where(ticket_tags.c.ticket_id == current.id, ticket_tags.c.tag.in_(gone))
        if self.database.enforces_team_rules:  # the database stamps the ticket and writes the history
            with recorded_by_database(session, EventSource.USER, None):
                if rows:
                    session.execute(insert(ticket_tags), rows)
                if gone:
                    session.execute(removed)
            return
        version, now, events = current.version, self.clock.now(), []
        for old_value, new_value in [(None, t) for t in new] + [(t, None) for t in gone]:
            version += 1
            events.append(
                {
                    "ticket_id": current.id,
                    "at": now,
                    "field": EventField.TAGS.value,
                    "old_value": old_value,
                    "new_value": new_value,
                    "source": EventSource.USER.value,
                    "version": version,
                    "actor": local_login(),
                }
            )
        if rows:
            session.execute(insert(ticket_tags), rows)
        if gone:
            session.execute(removed)
        session.execute(
            update(table_of(TicketRow)).where(TicketRow.id == current.id).values(version=version, updated_at=now)
        )
        session.execute(insert(table_of(TicketEventRow)), events)
