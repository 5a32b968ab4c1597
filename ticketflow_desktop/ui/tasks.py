"""One background-work API: the GUI thread never waits on the database or the network.

`runner.read(fn, ...)` runs in a small pool; `runner.write(fn, ...)` runs on one serial worker so
writes keep their order. Results come back on the GUI thread through `on_done(result)` or
`on_failed(error)`. Giving a `key` makes requests supersede each other: only the newest request
with that key delivers its result; older ones are dropped when they finish (a new search makes the
old one stale). A read made with `stop_stale=True` is also stopped in the database once superseded
(domain.cancel), so a slow search the user has typed past does not keep a worker and a core busy.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ticketflow_desktop.domain import TicketFlowError
from ticketflow_desktop.domain.cancel import CancelToken, bound

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class _Request:
    on_done: Done | None
    on_failed: Failed | None
    key: str | None
    token: CancelToken | None = None  # set for reads that may be stopped once stale


class _Relay(QObject):
    # Emitted from worker threads; delivered (queued) on the GUI thread, where the relay lives.
    finished = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(
        self, request_id: int, fn: Callable[..., Any], args: tuple, relay: _Relay, token: CancelToken | None
    ) -> None:
        super().__init__()
        self.request_id, self.fn, self.args, self.relay, self.token = request_id, fn, args, relay, token
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self.token is None:
                result = self.fn(*self.args)
            else:
                with bound(self.token):
                    result = self.fn(*self.args)
        except BaseException as error:  # noqa: BLE001 - every failure is handed to the GUI thread
            self.relay.finished.emit(self.request_id, None, error)
        else:
            self.relay.finished.emit(self.request_id, result, None)


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers their results on it."""

    busy_changed = Signal(bool)
    # A bug (not an environment error) raised in a worker that had no on_failed handler.
    unhandled_error = Signal(object)

    def __init__(self, parent: QObject | None = None, read_threads: int = 3) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Request] = {}
        self._latest: dict[str, int] = {}

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        key: str | None = None,
        stop_stale: bool = False,
    ) -> int:
        token = CancelToken() if stop_stale and key is not None else None
        return self._submit(self._reads, fn, args, on_done, on_failed, key, token)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        key: str | None = None,
    ) -> int:
        return self._submit(self._writes, fn, args, on_done, on_failed, key)

    def cancel(self, key: str) -> None:
        """Drop whatever the newest request with `key` delivers (and stop it, if it may be stopped)."""
        self._stop(self._latest.pop(key, None))

    def _stop(self, request_id: int | None) -> None:
        request = self._pending.get(request_id) if request_id is not None else None
        if request is not None and request.token is not None:
            request.token.cancel()

    def is_busy(self) -> bool:
        return bool(self._pending)

    def pending_keys(self) -> list[str | None]:
        """The keys of the requests not yet answered, oldest first (what keeps the runner busy)."""
        return [request.key for request in self._pending.values()]

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until the workers are idle (shutdown and tests only; never on a user action)."""
        return self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)

    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        args: tuple,
        on_done: Done | None,
        on_failed: Failed | None,
        key: str | None,
        token: CancelToken | None = None,
    ) -> int:
        request_id = next(self._ids)
        was_idle = not self._pending
        self._pending[request_id] = _Request(on_done, on_failed, key, token)
        if key is not None:
            self._stop(self._latest.get(key))
            self._latest[key] = request_id
        pool.start(_Job(request_id, fn, args, self._relay, token))
        if was_idle:
            self.busy_changed.emit(True)
        return request_id

    @Slot(int, object, object)
    def _finish(self, request_id: int, result: Any, error: BaseException | None) -> None:
        request = self._pending.pop(request_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if request is None:
            return
        if request.key is not None:
            if self._latest.get(request.key) != request_id:
                log.debug("dropped stale result of request %s (%s)", request_id, request.key)
                return
            del self._latest[request.key]
        if error is None:
            if request.on_done is not None:
                request.on_done(result)
            return
        if request.on_failed is not None:
            request.on_failed(error)
        elif not isinstance(error, TicketFlowError):
            self.unhandled_error.emit(error)
        else:
            log.warning("unhandled environment error: %s", error)


def report_bug(error: BaseException) -> None:
    """Hand a worker's bug to the global exception hook (the crash dialog once installed)."""
    sys.excepthook(type(error), error, error.__traceback__)


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
