"""Optimistic edits in the tickets table: shown at once, written behind, rolled back when refused.

Each edit is made on the version the row shows. While a write of a ticket is in flight, later edits of
it wait and go on top of its answer; a write the database cannot take now waits in the outbox (Queued)
and the row keeps showing it until a newer version of the ticket arrives; a refusal (conflict,
validation) puts the stored values back and says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import Any, Protocol, cast

from PySide6.QtCore import QObject, SignalInstance

from ticketflow_desktop.domain import Category, Conflict, Priority, Status, Ticket, TicketChanges
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.words import error_words

# A changed field's new value: an enum member, the title's text, or the assignee's login (None: nobody).
FieldValue = Category | Priority | Status | str | None
# Written by TicketService.assign (through the outbox), not as a TicketChanges: instead of a version
# check, an assignment is refused when someone else assigned the ticket otherwise meanwhile.
ASSIGNEE = "assignee"
# Called once per ticket a change() was made on: the stored ticket after the write, or None when the
# change was not stored (refused, or superseded by a later edit of the same field).
Written = Callable[[int, Ticket | None], None]


def write_error_text(ticket_id: int, error: BaseException) -> str:
    """What became of an edit of `ticket_id` that `error` ended."""
    return error_words(error, f"Ticket #{ticket_id}", "was not changed")


class Table(Protocol):
    """What the edits need of the table they belong to (ui/tickets/model.py; a QObject, the owner of
    their writes)."""

    context: AppContext
    conflict: SignalInstance  # (ticket id, message)

    def row_of(self, ticket_id: int) -> int | None: ...

    def ticket_at(self, row: int) -> Ticket | None: ...

    def stored(self, ticket_id: int) -> Ticket | None: ...

    def remember(self, tickets: Iterable[Ticket]) -> None: ...

    def rows_changed(self, ids: Iterable[int]) -> None: ...

    def drop_unmatched(self, ids: Iterable[int]) -> None: ...


class OptimisticEdits:
    def __init__(self, model: Table, owner: QObject) -> None:
        self.owner = owner  # the model itself: its answers go nowhere once the table is gone
        self.model = model
        # Edits shown before the write returns: id -> {field: value}
        self.overrides: dict[int, dict[str, FieldValue]] = {}
        # Edits waiting in the outbox (database away or locked): the version they were made on. The
        # row keeps showing them until a newer version of the ticket arrives.
        self.outboxed: dict[int, int] = {}
        # Writes in flight per ticket, and edits waiting for them (so each is made on the newest version)
        self.in_flight: set[int] = set()
        self.queued: dict[int, dict[str, FieldValue]] = {}
        # Who waits to hear how an edit ended: id -> [(field, value, callback)]
        self.waiters: dict[int, list[tuple[str, FieldValue, Written]]] = {}

    def shown(self, ticket: Ticket) -> Ticket:
        """`ticket` as the table shows it: with the edits not yet stored."""
        overrides = self.overrides.get(ticket.id)
        return replace(ticket, **cast(dict[str, Any], overrides)) if overrides else ticket

    def unsettled(self, ticket_id: int) -> bool:
        """An edit of ours is on its way (judge the row once it has settled)."""
        return ticket_id in self.in_flight or ticket_id in self.overrides

    def arrived(self, ticket: Ticket) -> None:
        """A stored version of `ticket` arrived from the database."""
        if ticket.id in self.outboxed and ticket.version > self.outboxed[ticket.id]:
            # The outbox delivered (or a colleague's change won): the stored ticket is the truth now.
            del self.outboxed[ticket.id]
            if ticket.id not in self.in_flight:
                self.overrides.pop(ticket.id, None)

    def change(self, ids: Iterable[int], field: str, value: FieldValue, on_written: Written | None = None) -> list[int]:
        """Show `field = value` on these tickets at once and write it; return the ids changed.

        `on_written` hears once per returned id how its write ended (a bulk change's Undo needs the
        version each write produced)."""
        changed: list[int] = []
        for ticket_id in ids:
            row = self.model.row_of(ticket_id)
            if row is None or (shown := self.model.ticket_at(row)) is None or getattr(shown, field) == value:
                continue
            self._tell(ticket_id, None, lambda f, _v: f == field)  # an earlier edit of this field is superseded
            if on_written is not None:
                self.waiters.setdefault(ticket_id, []).append((field, value, on_written))
            self.overrides.setdefault(ticket_id, {})[field] = value
            self.model.rows_changed([ticket_id])
            if ticket_id in self.in_flight:
                self.queued.setdefault(ticket_id, {})[field] = value
            else:
                self._write(ticket_id, {field: value})
            changed.append(ticket_id)
        return changed

    def _tell(self, ticket_id: int, ticket: Ticket | None, which: Callable[[str, FieldValue], bool]) -> None:
        """Tell the waiters of `ticket_id` chosen by `which(field, value)` how their edit ended."""
        waiting = self.waiters.get(ticket_id)
        if not waiting:
            return
        told = [w for w in waiting if which(w[0], w[1])]
        self.waiters[ticket_id] = [w for w in waiting if w not in told]
        if not self.waiters[ticket_id]:
            del self.waiters[ticket_id]
        for _field, _value, callback in told:
            callback(ticket_id, ticket)

    def _write(self, ticket_id: int, fields: dict[str, FieldValue]) -> None:
        stored = self.model.stored(ticket_id)
        if stored is None:  # evicted meanwhile: the write needs its version, so fetch and retry
            self.overrides.pop(ticket_id, None)
            self._tell(ticket_id, None, lambda _f, _v: True)
            self.model.rows_changed([ticket_id])
            return
        if ASSIGNEE in fields:
            if len(fields) > 1:  # the other fields first; the assignment waits for their answer
                self.queued.setdefault(ticket_id, {})[ASSIGNEE] = fields[ASSIGNEE]
                fields = {f: v for f, v in fields.items() if f != ASSIGNEE}
            else:
                self._assign(ticket_id, fields)
                return
        self.in_flight.add(ticket_id)
        self.model.context.writes.update(
            self.owner,
            ticket_id,
            TicketChanges(**cast(dict[str, Any], fields)),
            stored.version,
            on_done=partial(self._written, ticket_id, fields),
            on_failed=partial(self._write_failed, ticket_id, fields),
        )

    def _assign(self, ticket_id: int, fields: dict[str, FieldValue]) -> None:
        stored = self.model.stored(ticket_id)
        self.in_flight.add(ticket_id)
        login = fields[ASSIGNEE]
        self.model.context.writes.assign(
            self.owner,
            ticket_id,
            login if isinstance(login, str) else None,
            None if stored is None else stored.assignee,
            on_done=partial(self._written, ticket_id, fields),
            on_failed=partial(self._write_failed, ticket_id, fields),
        )

    def _written(self, ticket_id: int, fields: dict[str, FieldValue], ticket: Ticket) -> None:
        self.in_flight.discard(ticket_id)
        self.model.remember([ticket])
        self._tell(ticket_id, ticket, lambda f, v: f in fields and fields[f] == v)
        self._settle(ticket_id, fields)

    def _write_failed(self, ticket_id: int, fields: dict[str, FieldValue], error: BaseException) -> None:
        self.in_flight.discard(ticket_id)
        if isinstance(error, Queued):  # kept, not refused: it is sent when the database is back
            stored = self.model.stored(ticket_id)
            self.outboxed[ticket_id] = stored.version if stored is not None else 0
            self._tell(ticket_id, None, lambda f, v: f in fields and fields[f] == v)
            self.model.context.notices.info(write_error_text(ticket_id, error))
            later = self.queued.pop(ticket_id, None)
            if later:
                self._write(ticket_id, later)  # to the outbox too, after this one
            return
        self.queued.pop(ticket_id, None)  # later edits were made on top of the refused one
        self.overrides.pop(ticket_id, None)
        self._tell(ticket_id, None, lambda _f, _v: True)
        if isinstance(error, Conflict):
            self.model.remember([error.current])
            self.model.conflict.emit(ticket_id, write_error_text(ticket_id, error))
        else:
            self.model.context.notices.error(write_error_text(ticket_id, error))
        self.model.rows_changed([ticket_id])

    def _settle(self, ticket_id: int, fields: dict[str, FieldValue]) -> None:
        queued = self.queued.pop(ticket_id, None)
        overrides = self.overrides.get(ticket_id, {})
        for field, value in fields.items():
            if field in overrides and overrides[field] == value:
                overrides.pop(field)
        if not overrides:
            self.overrides.pop(ticket_id, None)
        if queued:
            self._write(ticket_id, queued)
        self.model.rows_changed([ticket_id])
        self.model.drop_unmatched([ticket_id])
