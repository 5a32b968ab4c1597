"""Is the database there? The connection monitor: opening (and reopening) the database, the health
ping, and the one `ConnectionState` the status bar shows.

"Unreachable" within seconds of a cut (a failed ping, a ping unanswered for HEALTH_DEADLINE_S, a
read or write that met StorageUnavailable: ui/ops.py reports those), "connected" again by itself
(a ping or any database op that succeeds). A database that could not be opened because it is away is
tried again every REOPEN_INTERVAL_MS. Pings run on the task runner's health lane, which never makes
the runner "busy".
"""

from __future__ import annotations

import logging
import threading
import time
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from ticketflow_desktop.domain import SchemaBehind, StorageUnavailable, TicketFlowError
from ticketflow_desktop.domain.clock import Clock
from ticketflow_desktop.services import connection
from ticketflow_desktop.services.connection import Database
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.ops import Ops
from ticketflow_desktop.ui.tasks import TaskRunner
from ticketflow_desktop.ui.words import error_words

log = logging.getLogger(__name__)

# Ping this often; a ping unanswered for this long means "unreachable"; a database that could not be
# opened is tried again after this long.
HEALTH_INTERVAL_MS = 300
HEALTH_DEADLINE_S = 1.2
REOPEN_INTERVAL_MS = 2000


class ConnectionState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"


class _Ping:
    """One health ping: when it started, and whether the server answered (set in the worker, so that a
    busy GUI thread that has not yet handled the answer does not mistake it for a hung connection)."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.started = time.monotonic()
        self.answered = threading.Event()

    def run(self) -> None:
        try:
            connection.ping(self.database)
        finally:
            self.answered.set()


def _open(url: str) -> Database:
    return connection.open_database(url)


class ConnectionMonitor(QObject):
    state_changed = Signal(str)  # a ConnectionState
    # A database is about to be opened at this URL: writes made from now on wait for it.
    opening = Signal(str)
    opened = Signal(object)  # TicketService (the composition root announces it: ui/context.py)
    open_failed = Signal(str)  # the words for the user
    # The shared database's schema is older than this app's: (the words, its URL) for an upgrade offer.
    needs_upgrade = Signal(str, str)
    reachable_again = Signal()  # it answers again after an outage: views reload, the outbox is sent
    answered = Signal()  # a ping came back while connected (the outbox may try again)

    def __init__(self, ops: Ops, runner: TaskRunner, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops, self.runner, self.clock = ops, runner, clock
        self.state = ConnectionState.CONNECTING
        self.service: TicketService | None = None
        self.description = ""
        self._url: str | None = None
        self._closed = False
        self._opening = False
        self._ping: _Ping | None = None
        self._health_timer = QTimer(self)
        self._health_timer.setInterval(HEALTH_INTERVAL_MS)
        self._health_timer.timeout.connect(self._health_tick)
        self._reopen_timer = QTimer(self)
        self._reopen_timer.setSingleShot(True)
        self._reopen_timer.setInterval(REOPEN_INTERVAL_MS)
        self._reopen_timer.timeout.connect(self._reopen)

    # --- opening ---------------------------------------------------------------------------------

    def open(self, url: str | None) -> None:
        """Open (and upgrade) the database in the write worker; `opened` or `open_failed` follows."""
        url = url or connection.default_sqlite_url()
        self.description = connection.describe_url(url)
        self._url = url
        self._opening = True
        self._reopen_timer.stop()
        self._health_timer.stop()
        self.opening.emit(url)
        self._set_state(ConnectionState.CONNECTING)
        self.ops.write(
            self, _open, url, on_done=self._opened, on_failed=self._open_failed, key="open-database", database=False
        )

    def _opened(self, database: Database) -> None:
        old = self.service
        self._opening = False
        self.service = TicketService(database, self.clock)
        self._set_state(ConnectionState.CONNECTED)
        self.opened.emit(self.service)
        if old is not None:
            self.ops.write(self, old.database.dispose, database=False)
        self._health_timer.start()

    def _open_failed(self, error: BaseException) -> None:
        # A bug opens the crash dialog too (ui/ops.py): its details are there, not in this message.
        message = (
            error_words(error)
            if isinstance(error, TicketFlowError)
            else f"Cannot open the database: {error_words(error)}"
        )
        log.error("opening the database failed: %s", message)
        self._opening = False
        self._set_state(ConnectionState.UNREACHABLE)
        self.open_failed.emit(message)
        if isinstance(error, SchemaBehind) and self._url is not None:
            self.needs_upgrade.emit(message, self._url)
        if isinstance(error, StorageUnavailable):  # the server may come back: keep trying quietly
            self._reopen_timer.start()

    def _reopen(self) -> None:
        if self.service is None and self._url is not None:
            self._opening = True
            self.ops.write(
                self,
                _open,
                self._url,
                on_done=self._opened,
                on_failed=self._reopen_failed,
                key="open-database",
                database=False,
            )

    def _reopen_failed(self, error: BaseException) -> None:
        self._opening = False
        if isinstance(error, StorageUnavailable):
            self._reopen_timer.start()
        else:
            self._open_failed(error)

    # --- what the ops layer reports (ui/ops.py Connectivity) --------------------------------------

    def database_answered(self) -> None:
        if (
            not self._closed
            and self.state is not ConnectionState.CONNECTED
            and self.service is not None
            and not self._opening
        ):
            self._reachable_again()

    def database_away(self, error: StorageUnavailable) -> None:
        if (
            not self._closed
            and self.service is not None
            and not self._opening
            and self.state is ConnectionState.CONNECTED
        ):
            log.warning("database unreachable: %s", error)
            self._set_state(ConnectionState.UNREACHABLE)

    # --- the health ping ---------------------------------------------------------------------------

    def _health_tick(self) -> None:
        service = self.service
        if service is None:
            return
        ping = self._ping
        if ping is not None:
            # A ping that hangs (a stalled network) means unreachable as surely as one that fails.
            hung = not ping.answered.is_set() and time.monotonic() - ping.started > HEALTH_DEADLINE_S
            if hung and self.state is ConnectionState.CONNECTED:
                log.warning("database unreachable: no answer to a ping for %.1f s", HEALTH_DEADLINE_S)
                self._set_state(ConnectionState.UNREACHABLE)
            return
        ping = self._ping = _Ping(service.database)
        self.runner.health(ping.run, on_done=partial(self._pinged, ping, None), on_failed=partial(self._pinged, ping))

    def _pinged(self, ping: _Ping, error: BaseException | None, _result: object = None) -> None:
        if self._ping is ping:
            self._ping = None
        if self._closed or self.service is None or ping.database is not self.service.database or self._opening:
            return  # a ping of a database that was replaced meanwhile
        if error is not None:
            if self.state is not ConnectionState.UNREACHABLE:
                log.warning("database unreachable: %s", error)
                self._set_state(ConnectionState.UNREACHABLE)
        elif self.state is not ConnectionState.CONNECTED:
            self._reachable_again()
        else:
            self.answered.emit()

    def _reachable_again(self) -> None:
        log.info("database reachable again")
        self._set_state(ConnectionState.CONNECTED)
        self.reachable_again.emit()

    def _set_state(self, state: ConnectionState) -> None:
        self.state = state
        self.state_changed.emit(state)

    def close(self) -> None:
        self._closed = True  # a ping still in flight says nothing about a database being let go
        self._health_timer.stop()
        self._reopen_timer.stop()
