"""Ticket writes, durable through the outbox: the one seam every view writes tickets through.

`submit`, `update`, `message` and `assign` run on the serial write worker (ui/ops.py, owner-bound like any op). If the
database is away the write waits in the local outbox (services/outbox.py): the owner's `on_failed`
then gets `outbox.Queued` (a StorageUnavailable) and the write is sent, exactly once, when the
database is back — `flush` runs when it opens, when it answers again, and every OUTBOX_RETRY_S while
writes wait and pings come back (a locked SQLite file answers pings but refuses writes).

Each write declares what it changed (ui/changes.py); writes that reached the database from the
outbox are announced too, with a notice.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.domain import Conflict, OutboxKind, Ticket, TicketChanges, TicketDraft
from ticketflow_desktop.domain.conversation import Message, MessageKind
from ticketflow_desktop.services.connection import OutboxStore
from ticketflow_desktop.services.outbox import Outbox, OutboxItem, Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.notices import Notifier
from ticketflow_desktop.ui.ops import Ops, ignore
from ticketflow_desktop.ui.tasks import Done, Failed

# While writes wait in the outbox and the database answers pings, try to send them this often.
OUTBOX_RETRY_S = 2.0


_DELIVERED = {
    OutboxKind.CREATE: "Ticket",
    OutboxKind.UPDATE: "Change to ticket",
    OutboxKind.MESSAGE: "Your message on ticket",
    OutboxKind.ASSIGN: "Assignment of ticket",
}


def _created(ticket: Ticket) -> Change:
    return Change.of({ticket.id}, ChangeKind.CREATED)


def _updated(ticket: Ticket | None) -> Change | None:
    return None if ticket is None else Change.of({ticket.id}, ChangeKind.UPDATED)


class TicketWrites(QObject):
    # The outbox's content may have changed (load it with `load_outbox`).
    outbox_changed = Signal()

    def __init__(self, ops: Ops, notices: Notifier, store: OutboxStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops, self.notices, self.store = ops, notices, store
        self.outbox = Outbox(store, "sqlite://")
        self._waiting = False
        self._flushed_at = 0.0

    # --- which database -------------------------------------------------------------------------

    def use(self, url: str) -> None:
        """A database is being opened: writes made from now on wait for it (in the outbox)."""
        self.outbox = Outbox(self.store, url)
        self.outbox_changed.emit()

    def connected(self, service: TicketService) -> None:
        """The database opened: deliver through `service` (call `flush` to send what waited)."""
        self.outbox = Outbox(self.store, service.database.url, service)

    # --- the two writes --------------------------------------------------------------------------

    def submit(
        self, owner: QObject, draft: TicketDraft, on_done: Done | None = None, on_failed: Failed | None = None
    ) -> None:
        """Store a new ticket; `Change(created)` is announced once it is stored."""
        self.ops.write(owner, self.outbox.submit, draft, on_done=on_done, on_failed=on_failed, change=_created,
                       always=self._after_write)  # fmt: skip

    def update(
        self,
        owner: QObject,
        ticket_id: int,
        changes: TicketChanges,
        expected_version: int,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        """Apply an edit made on `expected_version`; a Conflict announces the ticket too (the views show
        the stored values)."""

        def after(result: Any, error: BaseException | None) -> None:
            if isinstance(error, Conflict):
                self.ops.announce(Change.of({ticket_id}, ChangeKind.UPDATED))
            self._after_write(result, error)

        self.ops.write(
            owner,
            self.outbox.update,
            ticket_id,
            changes,
            expected_version,
            on_done=on_done,
            on_failed=on_failed,
            change=_updated,
            always=after,
        )

    def message(
        self,
        owner: QObject,
        ticket_id: int,
        kind: MessageKind,
        body: str,
        seen_up_to: int | None,
        on_done: Callable[[Message], None] | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        """Add a reply or a note (held back with ThreadMovedOn when someone wrote since `seen_up_to`)."""
        self.ops.write(
            owner,
            self.outbox.message,
            ticket_id,
            kind,
            body,
            seen_up_to,
            on_done=on_done,
            on_failed=on_failed,
            change=Change.of({ticket_id}, ChangeKind.MESSAGE),
            always=self._after_write,
        )

    def assign(
        self,
        owner: QObject,
        ticket_id: int,
        login: str | None,
        before: str | None,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        """Give the ticket to `login` (None: nobody); `before` is who had it as the agent saw it."""

        def after(result: Any, error: BaseException | None) -> None:
            if isinstance(error, Conflict):
                self.ops.announce(Change.of({ticket_id}, ChangeKind.UPDATED))
            self._after_write(result, error)

        self.ops.write(owner, self.outbox.assign, ticket_id, login, before, on_done=on_done, on_failed=on_failed,
                       change=_updated, always=after)  # fmt: skip

    # --- the outbox, for the status bar's panel -------------------------------------------------

    def load_outbox(self, owner: QObject, on_done: Callable[[list[OutboxItem]], None]) -> None:
        self.ops.read(owner, self.outbox.items, on_done=on_done, key="outbox-items", database=False)

    def flush(self) -> None:
        def done(waiting: int) -> None:
            self._waiting = waiting > 0

        self._flushed_at = time.monotonic()
        # database=False: a flush stops quietly at the first sign the database is away, so its success
        # says nothing about the database (its deliveries are announced all the same).
        self.ops.write(
            self, self.outbox.flush_and_count, on_done=done, on_failed=ignore, always=self._after_write, database=False
        )

    def retry_waiting(self) -> None:
        """The database answers: send what waits, at most every OUTBOX_RETRY_S."""
        if self._waiting and time.monotonic() - self._flushed_at > OUTBOX_RETRY_S:
            self.flush()

    def retry(
        self, owner: QObject, item_id: int, *, mine_anyway: bool = False, on_failed: Failed | None = None
    ) -> None:
        self.ops.write(
            owner,
            functools.partial(self.outbox.retry, mine_anyway=mine_anyway),
            item_id,
            on_failed=on_failed,
            change=_updated,
            always=self._after_write,
        )

    def discard(self, owner: QObject, item_id: int) -> None:
        self.ops.write(owner, self.outbox.discard, item_id, always=self._after_write, database=False)

    # --- after every write ------------------------------------------------------------------------

    def _after_write(self, _result: Any, error: BaseException | None) -> None:
        if isinstance(error, Queued):
            self._waiting = True
        self._announce_deliveries()

    def _announce_deliveries(self) -> None:
        """Writes from the outbox that reached the database (sent by a flush or before a new write)."""
        ids: set[int] = set()
        outbox = self.outbox
        messages: set[int] = set()
        while outbox.deliveries:
            delivery = outbox.deliveries.popleft()
            ids.add(delivery.ticket_id)
            if delivery.kind is OutboxKind.MESSAGE:
                messages.add(delivery.ticket_id)
            self.notices.success(f"{_DELIVERED[delivery.kind]} #{delivery.ticket_id} sent from the outbox.")
        if ids:
            self.ops.announce(Change.of(ids, ChangeKind.DELIVERED))
        if messages:
            self.ops.announce(Change.of(messages, ChangeKind.MESSAGE))
        self.outbox_changed.emit()
