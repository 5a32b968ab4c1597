"""Tags on tickets: add and remove (one ticket or many, in one transaction), and completion.

Each tag added or removed is a history entry and moves the ticket's version and updated time on, so an
edit based on the version before sees a colleague's change and the live feed announces it. On
PostgreSQL the database does that (storage/team_sql: tf_ticket_tag_changed) and row-level security
decides which tickets' tags a login may change; on SQLite this service does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from ticketflow_desktop.domain import EventField, EventSource, Ticket, ValidationError
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.errors import FieldError
from ticketflow_desktop.domain.tags import normalize_tag, normalize_tags
from ticketflow_desktop.domain.validation import check_number
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import ticket_event_table, ticket_table, ticket_tag_table
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
        tickets = TicketService(self.database, self.clock)
        with self.database.writing() as session:
            # Locked: a colleague's concurrent change of the same tickets' tags waits for this one.
            before = tickets.get_many_in(session, ids, lock=True)  # NotFound (or hidden) first
            changes = {
                t.id: ([tag for tag in adding if tag not in t.tags], [tag for tag in removing if tag in t.tags])
                for t in before
            }
            changes = {ticket_id: (new, gone) for ticket_id, (new, gone) in changes.items() if new or gone}
            if not changes:
                return tuple(before)
            stamps = self._write(session, {t.id: t for t in before if t.id in changes}, changes)
            announce(session, list(changes))
            return tuple(
                replace(
                    t,
                    tags=tuple(sorted(set(t.tags).union(changes[t.id][0]).difference(changes[t.id][1]))),
                    **stamps[t.id],
                )
                if t.id in changes
                else t
                for t in before
            )

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

    def _write(
        self, session: Connection, tickets: dict[int, Ticket], changes: dict[int, tuple[list[str], list[str]]]
    ) -> dict[int, dict[str, Any]]:
        """Store the tag changes with their history; returns each ticket's new version and time."""
        ticket_tags = ticket_tag_table
        added = [{"ticket_id": ticket_id, "tag": t} for ticket_id, (new, _) in changes.items() for t in new]
        removed = [{"ticket": ticket_id, "gone": t} for ticket_id, (_, gone) in changes.items() for t in gone]
        removal = delete(ticket_tag_table).where(
            ticket_tags.c.ticket_id == bindparam("ticket"), ticket_tags.c.tag == bindparam("gone")
        )
        if self.database.enforces_team_rules:  # the database stamps the tickets and writes the history
            with recorded_by_database(session, EventSource.USER, None):
                if added:
                    session.execute(insert(ticket_tag_table), added)
                if removed:
                    session.execute(removal, removed)
            t = ticket_table
            rows = session.execute(select(t.c.id, t.c.version, t.c.updated_at).where(t.c.id.in_(list(changes))))
            return {row.id: {"version": row.version, "updated_at": row.updated_at} for row in rows}
        now, events, stamps = self.clock.now(), [], {}
        for ticket_id, (new, gone) in changes.items():
            version = tickets[ticket_id].version
            for old_value, new_value in [(None, t) for t in new] + [(t, None) for t in gone]:
                version += 1
                events.append(
                    {
                        "ticket_id": ticket_id,
                        "at": now,
                        "field": EventField.TAGS.value,
                        "old_value": old_value,
                        "new_value": new_value,
                        "source": EventSource.USER.value,
                        "version": version,
                        "actor": local_login(),
                    }
                )
            stamps[ticket_id] = {"version": version, "updated_at": now}
        t = ticket_table
        stamp = (
            update(ticket_table).where(t.c.id == bindparam("ticket")).values(version=bindparam("to"), updated_at=now)
        )
        session.execute(stamp, [{"ticket": i, "to": s["version"]} for i, s in stamps.items()])
        if added:
            session.execute(insert(ticket_tag_table), added)
        if removed:
            session.execute(removal, removed)
        session.execute(insert(ticket_event_table), events)
        return stamps
