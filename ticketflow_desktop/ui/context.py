"""What every view shares: the service (once the database is open), the task runner, settings,
and the signals by which changes are announced rather than polled."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ticketflow_desktop.domain import (
    Conflict,
    StorageUnavailable,
    Ticket,
    TicketChanges,
    TicketDraft,
    TicketFlowError,
)
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.services import health
from ticketflow_desktop.services.outbox import Outbox, Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, describe_url, open_database
from ticketflow_desktop.storage.outbox_store import OutboxStore
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.tasks import Done, Failed, TaskRunner
from ticketflow_desktop.ui.undo import UndoItem, UndoStack

log = logging.getLogger(__name__)

# The reconnect loop: ping this often; a ping unanswered for this long means "unreachable"; a
# database that could not be opened is tried again after this long.
HEALTH_INTERVAL_MS = 300
HEALTH_DEADLINE_S = 1.2
# While writes wait in the outbox and the database answers pings (e.g. a locked SQLite file), try
# to send them this often.
OUTBOX_RETRY_S = 2.0
REOPEN_INTERVAL_MS = 2000


class _Ping(QRunnable):
    def __init__(self, database: Database, report: Callable[[object, object], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the context keeps it until its answer is handled
        self.database, self.report = database, report
        self.started = time.monotonic()
        # Set in the worker the moment the server answered: a busy GUI thread that has not yet
        # handled the answer must not mistake it for a hung connection.
        self.answered = threading.Event()

    def run(self) -> None:
        try:
            health.ping(self.database)
        except Exception as error:  # noqa: BLE001 - any failure means "not reachable" here
            self.answered.set()
            self.report(self.database, error)
        else:
            self.answered.set()
            self.report(self.database, None)


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
    # The same with one button: (text, kind, (button label, callback)), and what the notice is about
    # (an UndoItem: the notice goes once it can no longer be undone), or None.
    notify_action = Signal(str, str, object, object)
    # The outbox's content may have changed (load it with `load_outbox`).
    outbox_changed = Signal()
    _ping_result = Signal(object, object)  # database, error or None (from the health pool)

    def __init__(
        self,
        settings: Settings,
        *,
        offline: bool = False,
        parent: QObject | None = None,
        outbox_path: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock  # every view's "now" (relative times, the dashboard's today)
        self.offline_flag = offline
        self.tasks = TaskRunner(self)
        self.undo = UndoStack(self)
        self.service: TicketService | None = None
        self.database_description = ""
        self.state = "connecting"
        self.outbox_store = OutboxStore(outbox_path)
        self.outbox = Outbox(self.outbox_store, "sqlite://")
        self._url: str | None = None
        # The reconnect loop runs on its own pool so that pings never make the task runner "busy".
        self._health_pool = QThreadPool(self)
        self._health_pool.setMaxThreadCount(2)
        self._ping: _Ping | None = None
        self._outbox_waiting = False
        self._outbox_flushed_at = 0.0
        self._ping_result.connect(self._on_ping)
        self._health_timer = QTimer(self)
        self._health_timer.setInterval(HEALTH_INTERVAL_MS)
        self._health_timer.timeout.connect(self._health_tick)
        self._reopen_timer = QTimer(self)
        self._reopen_timer.setSingleShot(True)
        self._reopen_timer.setInterval(REOPEN_INTERVAL_MS)
        self._reopen_timer.timeout.connect(self._reopen)

    def open(self, url: str | None) -> None:
        """Open (and upgrade) the database in a worker; `database_opened` follows."""
        from ticketflow_desktop.storage.engine import default_sqlite_url

        url = url or default_sqlite_url()
        self.database_description = describe_url(url)
        self._url = url
        self._reopen_timer.stop()
        self._health_timer.stop()
        # Writes made before the database opens (or while it cannot) wait in the outbox.
        self.outbox = Outbox(self.outbox_store, url)
        self.outbox_changed.emit()
        self._set_state("connecting")
        self.tasks.write(open_database, url, on_done=self._opened, on_failed=self._open_failed, key="open-database")

    def offer_undo(self, text: str, label: str, undo: Callable[[], None], kind: str = "success") -> UndoItem:
        """Announce a done action with an Undo button; Edit → Undo (Ctrl+Z) undoes it too."""
        item = self.undo.push(label, undo)
        self.notify_action.emit(text, kind, ("Undo", lambda: self.undo.run(item)), item)
        return item

    def _opened(self, database: Database) -> None:
        old = self.service
        self.service = TicketService(database, self.clock)
        self.outbox = Outbox(self.outbox_store, database.url, self.service)
        self._set_state("connected")
        self.database_opened.emit(self.service)
        self.tickets_changed.emit(None)
        if old is not None:
            self.tasks.write(old.database.dispose)
        self._health_timer.start()
        self.flush_outbox()  # what waited from an earlier session or outage

    def _open_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, TicketFlowError) else f"Cannot open the database: {error}"
        log.error("opening the database failed: %s", message)
        self._set_state("unreachable")
        self.database_failed.emit(message)
        if isinstance(error, StorageUnavailable):  # the server may come back: keep trying quietly
            self._reopen_timer.start()

    def _reopen(self) -> None:
        if self.service is None and self._url is not None:
            self.tasks.write(
                open_database, self._url, on_done=self._opened, on_failed=self._reopen_failed, key="open-database"
            )

    def _reopen_failed(self, error: BaseException) -> None:
        if isinstance(error, StorageUnavailable):
            self._reopen_timer.start()
        else:
            self._open_failed(error)

    # --- the reconnect loop: "unreachable" within seconds of a cut, "connected" again by itself ----

    def _health_tick(self) -> None:
        service = self.service
        if service is None:
            return
        ping = self._ping
        if ping is not None:
            # A ping that hangs (a stalled network) means unreachable as surely as one that fails.
            hung = not ping.answered.is_set() and time.monotonic() - ping.started > HEALTH_DEADLINE_S
            if hung and self.state == "connected":
                self._set_state("unreachable")
            return
        self._ping = _Ping(service.database, self._ping_result.emit)
        self._health_pool.start(self._ping)

    def _on_ping(self, database: Database, error: BaseException | None) -> None:
        self._ping = None
        if self.service is None or database is not self.service.database:
            return  # a ping of a database that was replaced meanwhile
        if error is not None:
            if self.state != "unreachable":
                log.warning("database unreachable: %s", error)
                self._set_state("unreachable")
        elif self.state != "connected":
            self._reachable_again()
        elif self._outbox_waiting and time.monotonic() - self._outbox_flushed_at > OUTBOX_RETRY_S:
            self.flush_outbox()

    def _reachable_again(self) -> None:
        log.info("database reachable again")
        self._set_state("connected")
        self.tickets_changed.emit(None)  # views reload what they could not read meanwhile
        self.flush_outbox()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.connection_state.emit(state)

    # --- writes: the one seam every view uses; durable through the outbox ---------------------------

    def submit_ticket(self, draft: TicketDraft, on_done: Done | None = None, on_failed: Failed | None = None) -> None:
        """Store a new ticket in the serial write worker; `tickets_changed` follows on success.

        If the database is away the ticket waits in the local outbox: `on_failed` then gets
        `outbox.Queued` (a StorageUnavailable) and the ticket is sent, exactly once, when it is back.
        """
        outbox = self.outbox

        def done(ticket: Ticket) -> None:
            self.tickets_changed.emit(frozenset({ticket.id}))
            if on_done is not None:
                on_done(ticket)

        self.tasks.write(outbox.submit, draft, on_done=self._after_write(done), on_failed=self._after_write(on_failed))

    def update_ticket(
        self,
        ticket_id: int,
        changes: TicketChanges,
        expected_version: int,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
    ) -> None:
        """Apply an edit made on `expected_version` in the serial write worker (kept in the outbox
        while the database is away; `on_failed` then gets `outbox.Queued`)."""
        outbox = self.outbox

        def done(ticket: Ticket) -> None:
            self.tickets_changed.emit(frozenset({ticket.id}))
            if on_done is not None:
                on_done(ticket)

        def failed(error: BaseException) -> None:
            if isinstance(error, Conflict):  # the view should show the stored values too
                self.tickets_changed.emit(frozenset({ticket_id}))
            if on_failed is not None:
                on_failed(error)

        self.tasks.write(
            outbox.update,
            ticket_id,
            changes,
            expected_version,
            on_done=self._after_write(done),
            on_failed=self._after_write(failed),
        )

    def _after_write(self, callback: Callable[[Any], None] | None) -> Callable[[Any], None]:
        def finish(value: Any) -> None:
            if isinstance(value, Queued):
                self._outbox_waiting = True
                if self.service is not None and self.state == "connected":
                    self._set_state("unreachable")
            self._announce_deliveries()
            if isinstance(value, BaseException) and not isinstance(value, TicketFlowError):
                # A bug goes to the crash handler even when the view handles the failure: the view says
                # "not saved", but only the crash report keeps the traceback that finds the bug.
                self.tasks.unhandled_error.emit(value)
            if callback is not None:
                callback(value)

        return finish

    def _announce_deliveries(self) -> None:
        """Writes from the outbox that reached the database (sent by a flush or before a new write)."""
        ids: set[int] = set()
        outbox = self.outbox
        while outbox.deliveries:
            delivery = outbox.deliveries.popleft()
            ids.add(delivery.ticket.id)
            what = "Ticket" if delivery.kind == "create" else "Change to ticket"
            self.notify.emit(f"{what} #{delivery.ticket.id} sent from the outbox.", "success")
        if ids:
            self.tickets_changed.emit(frozenset(ids))
        self.outbox_changed.emit()

    # --- the outbox, for the status-bar panel --------------------------------------------------

    def load_outbox(self, on_done: Done) -> None:
        self.tasks.read(self.outbox.items, on_done=on_done, key="outbox-items")

    def flush_outbox(self) -> None:
        def done(waiting: int) -> None:
            self._outbox_waiting = waiting > 0

        self._outbox_flushed_at = time.monotonic()
        self.tasks.write(
            self.outbox.flush_and_count, on_done=self._after_write(done), on_failed=self._after_write(None)
        )

    def retry_outbox_item(self, item_id: int, *, mine_anyway: bool = False, on_failed: Failed | None = None) -> None:
        def done(ticket: Ticket | None) -> None:
            if ticket is not None:
                self.tickets_changed.emit(frozenset({ticket.id}))

        self.tasks.write(
            functools.partial(self.outbox.retry, mine_anyway=mine_anyway),
            item_id,
            on_done=self._after_write(done),
            on_failed=self._after_write(on_failed),
        )

    def discard_outbox_item(self, item_id: int) -> None:
        self.tasks.write(self.outbox.discard, item_id, on_done=self._after_write(None))

    def report_storage_error(self, error: BaseException) -> None:
        """Called by views when a read failed for environmental reasons."""
        if isinstance(error, StorageUnavailable):
            self._set_state("unreachable")

    def report_storage_ok(self) -> None:
        if self.state != "connected" and self.service is not None:
            self._reachable_again()

    def close(self) -> None:
        self._health_timer.stop()
        self._reopen_timer.stop()
        self.tasks.wait_idle()
        self._health_pool.waitForDone(5_000)
        if self.service is not None:
            self.service.database.dispose()
        self.outbox_store.close()
