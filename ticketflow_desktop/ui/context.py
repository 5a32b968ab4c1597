"""What every view shares: the service (once the database is open), the task runner, settings,
and the signals by which changes are announced rather than polled."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.domain import (
    Conflict,
    StorageUnavailable,
    Ticket,
    TicketChanges,
    TicketDraft,
    TicketFlowError,
)
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.tasks import Done, Failed, TaskRunner

if TYPE_CHECKING:  # loaded with the database, after the first window is shown (launch time)
    from ticketflow_desktop.services.tickets import TicketService
    from ticketflow_desktop.storage.engine import Database

log = logging.getLogger(__name__)


class AppContext(QObject):
    # Every mutation, local or by a colleague, becomes one of these: a frozenset of ticket ids, or
    # None when it is not known which tickets changed (reconnect, import). Views decide how to refresh.
    tickets_changed = Signal(object)
    # The service is ready (or was replaced by switching database).
    database_opened = Signal(object)  # TicketService
    database_failed = Signal(str)
    # "connecting", "connected", "unreachable"
    connection_state = Signal(str)
    # A message for the user, shown as a toast: (text, kind) kind in info|success|error.
    notify = Signal(str, str)

    def __init__(self, settings: Settings, *, offline: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.offline_flag = offline
        self.tasks = TaskRunner(self)
        self.service: TicketService | None = None
        self.database_description = ""
        self.state = "connecting"

    def open(self, url: str | None) -> None:
        """Open (and upgrade) the database in a worker; `database_opened` follows."""
        from ticketflow_desktop.storage.engine import default_sqlite_url, describe_url, open_database

        url = url or default_sqlite_url()
        self.database_description = describe_url(url)
        self._set_state("connecting")
        self.tasks.write(open_database, url, on_done=self._opened, on_failed=self._open_failed, key="open-database")

    def _opened(self, database: Database) -> None:
        from ticketflow_desktop.services.tickets import TicketService

        old = self.service
        self.service = TicketService(database)
        self._set_state("connected")
        self.database_opened.emit(self.service)
        self.tickets_changed.emit(None)
        if old is not None:
            self.tasks.write(old.database.dispose)

    def _open_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, TicketFlowError) else f"Cannot open the database: {error}"
        log.error("opening the database failed: %s", message)
        self._set_state("unreachable")
        self.database_failed.emit(message)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.connection_state.emit(state)

    # --- writes: the one seam every view uses, so that the outbox can make them durable -----------

    def submit_ticket(self, draft: TicketDraft, on_done: Done | None = None, on_failed: Failed | None = None) -> None:
        """Store a new ticket in the serial write worker; `tickets_changed` follows on success."""
        service = self._require_service(on_failed)
        if service is None:
            return

        def done(ticket: Ticket) -> None:
            self.tickets_changed.emit(frozenset({ticket.id}))
            if on_done is not None:
                on_done(ticket)

        self.tasks.write(service.create, draft, on_done=done, on_failed=on_failed)

    def update_ticket(self, ticket_id: int, changes: TicketChanges, expected_version: int,
                      on_done: Done | None = None, on_failed: Failed | None = None) -> None:
        """Apply an edit made on `expected_version` in the serial write worker."""
        service = self._require_service(on_failed)
        if service is None:
            return

        def done(ticket: Ticket) -> None:
            self.tickets_changed.emit(frozenset({ticket.id}))
            if on_done is not None:
                on_done(ticket)

        def failed(error: BaseException) -> None:
            if isinstance(error, Conflict):  # the view should show the stored values too
                self.tickets_changed.emit(frozenset({ticket_id}))
            if on_failed is not None:
                on_failed(error)

        self.tasks.write(service.update, ticket_id, changes, expected_version, on_done=done, on_failed=failed)

    def _require_service(self, on_failed: Failed | None) -> TicketService | None:
        if self.service is None:
            error = StorageUnavailable("The database is not open yet.")
            if on_failed is not None:
                on_failed(error)
            return None
        return self.service

    def report_storage_error(self, error: BaseException) -> None:
        """Called by views when a read failed for environmental reasons."""
        if isinstance(error, StorageUnavailable):
            self._set_state("unreachable")

    def report_storage_ok(self) -> None:
        if self.state != "connected" and self.service is not None:
            self._set_state("connected")

    def close(self) -> None:
        self.tasks.wait_idle()
        if self.service is not None:
            self.service.database.dispose()
