"""The engine under ui/ops.py: the GUI thread never waits on the database, the network or the keyring.

Views do not run work through this module: they use `ui/ops.py`, which binds every request to an
owner widget and decides what becomes of its failures (inside a worker they may ask `still_wanted()`).
This is the machinery underneath.

Three lanes. `read(fn, ...)` runs in a small pool; `write(fn, ...)` runs on one serial worker so
writes keep their order; `health(fn, ...)` runs on a lane of its own that never makes the runner
"busy" (the connection monitor's pings, every 300 ms, must not look like a user waiting). Results
come back on the GUI thread through `on_done(result)` or `on_failed(error)`.

Giving a `key` (any hashable) makes requests supersede each other: only the newest request with that
key delivers its result; older ones are dropped when they finish (a new search makes the old one
stale). `drop(request_id)` drops one request the same way. A dropped request's CancelToken is
cancelled: a worker may ask `still_wanted()` to skip work nobody awaits, and a read made with
`stop_stale=True` is also stopped in the database (domain.cancel), so a slow search the user has
typed past does not keep a worker and a core busy.
"""

from __future__ import annotations

import itertools
import logging
import queue
import sys
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ticketflow_desktop.domain import TicketFlowError
from ticketflow_desktop.domain.cancel import CancelToken, bound

log = logging.getLogger(__name__)

Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]
HEALTH_THREADS = 2
# A hung health ping (a stalled network) must not hold the app's shutdown for long.
HEALTH_WAIT_MS = 5_000

_local = threading.local()


def still_wanted() -> bool:
    """In a worker: False once the request this thread runs was superseded or dropped."""
    token: CancelToken | None = getattr(_local, "token", None)
    return token is None or not token.cancelled


@dataclass
class _Request:
    on_done: Done | None
    on_failed: Failed | None
    key: Hashable | None
    token: CancelToken
    quiet: bool = False  # the health lane: never counts as busy


# Workers hand their results over in a plain queue that the GUI thread drains this often while work is
# pending. Not a Qt signal emitted from the worker: PySide6 (6.11) takes the GIL back in the middle of a
# cross-thread emission while holding a Qt lock, and the GUI thread, deleting a window's widgets under the
# GIL, waited for that lock: the two threads deadlocked (one CI run hung in the dashboard's tests).
DRAIN_MS = 5
Results = queue.SimpleQueue[tuple[int, Any, BaseException | None]]


class _Job(QRunnable):
    def __init__(
        self, request_id: int, fn: Callable[..., Any], args: tuple, results: Results, token: CancelToken, stop: bool
    ) -> None:
        super().__init__()
        self.request_id, self.fn, self.args, self.results = request_id, fn, args, results
        self.token, self.stop = token, stop
        self.setAutoDelete(True)

    def run(self) -> None:
        _local.token = self.token
        try:
            if self.stop:
                with bound(self.token):
                    result = self.fn(*self.args)
            else:
                result = self.fn(*self.args)
        except BaseException as error:  # noqa: BLE001 - every failure is handed to the GUI thread
            self.results.put((self.request_id, None, error))
        else:
            self.results.put((self.request_id, result, None))
        finally:
            _local.token = None


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers their results on it."""

    busy_changed = Signal(bool)
    # A bug (not an environment error) raised in a worker: the crash handler listens (ui/errors.py).
    unhandled_error = Signal(object)

    def __init__(self, parent: QObject | None = None, read_threads: int = 3) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._health = QThreadPool(self)
        self._health.setMaxThreadCount(HEALTH_THREADS)
        self._results: Results = queue.SimpleQueue()
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_MS)
        self._drain_timer.timeout.connect(self._drain)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Request] = {}
        self._busy = 0  # pending requests outside the health lane
        self._latest: dict[Hashable, int] = {}

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        key: Hashable | None = None,
        stop_stale: bool = False,
    ) -> int:
        return self._submit(self._reads, fn, args, on_done, on_failed, key, stop_stale)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        key: Hashable | None = None,
    ) -> int:
        return self._submit(self._writes, fn, args, on_done, on_failed, key)

    def health(
        self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None, on_failed: Failed | None = None
    ) -> int:
        """Run `fn` on the health lane: never "busy", never waiting behind reads or writes."""
        return self._submit(self._health, fn, args, on_done, on_failed, None, quiet=True)

    def cancel(self, key: Hashable) -> None:
        """Drop whatever the newest request with `key` delivers (and stop it, if it may be stopped)."""
        self._stop(self._latest.pop(key, None))

    def drop(self, request_id: int) -> None:
        """Drop what this request delivers (and stop it, if it may be stopped)."""
        request = self._pending.get(request_id)
        if request is None:
            return
        if request.key is not None and self._latest.get(request.key) == request_id:
            del self._latest[request.key]
        request.on_done = request.on_failed = None
        request.token.cancel()

    def _stop(self, request_id: int | None) -> None:
        request = self._pending.get(request_id) if request_id is not None else None
        if request is not None:
            request.token.cancel()

    def is_busy(self) -> bool:
        return self._busy > 0

    def pending_ids(self) -> set[int]:
        return set(self._pending)

    def pending_keys(self) -> list[Hashable | None]:
        """The keys of the requests not yet answered, oldest first (what keeps the runner busy)."""
        return [request.key for request in self._pending.values() if not request.quiet]

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until the workers are idle (shutdown and tests only; never on a user action)."""
        idle = self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)
        self._health.waitForDone(min(msecs, HEALTH_WAIT_MS))  # a hung ping is the network's, not ours
        return idle

    def _submit(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        args: tuple,
        on_done: Done | None,
        on_failed: Failed | None,
        key: Hashable | None,
        stop_stale: bool = False,
        quiet: bool = False,
    ) -> int:
        request_id = next(self._ids)
        token = CancelToken()
        self._pending[request_id] = _Request(on_done, on_failed, key, token, quiet)
        if key is not None:
            self._stop(self._latest.get(key))
            self._latest[key] = request_id
        if not quiet:
            self._busy += 1
            if self._busy == 1:
                self.busy_changed.emit(True)
        pool.start(_Job(request_id, fn, args, self._results, token, stop_stale))
        if not self._drain_timer.isActive():
            self._drain_timer.start()
        return request_id

    def _drain(self) -> None:
        """On the GUI thread: deliver what the workers finished; rest while nothing is pending."""
        while True:
            try:
                request_id, result, error = self._results.get_nowait()
            except queue.Empty:
                break
            self._finish(request_id, result, error)
        if not self._pending:
            self._drain_timer.stop()

    def _finish(self, request_id: int, result: Any, error: BaseException | None) -> None:
        request = self._pending.pop(request_id, None)
        if request is None:
            return
        if not request.quiet:
            self._busy -= 1
            if self._busy == 0:
                self.busy_changed.emit(False)
        if request.key is not None:
            if self._latest.get(request.key) != request_id:
                log.debug("dropped stale result of request %s (%s)", request_id, request.key)
                return
            del self._latest[request.key]
        if request.token.cancelled:
            log.debug("dropped result of request %s", request_id)
            return
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
