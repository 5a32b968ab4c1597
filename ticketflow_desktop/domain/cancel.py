"""Stopping work whose answer nobody wants any more (a search the user has already typed past).

A worker thread runs its job inside `bound(token)`. The storage layer registers, for each statement
that thread runs, how to stop it (`CancelToken.running`; storage/engine.py: sqlite3's `interrupt()`, or
`pg_cancel_backend` from a connection of its own). `token.cancel()` from any thread then stops the
running statement and refuses the next; the job ends with `Cancelled`.

A stop lands a moment after `cancel()` (it runs on a thread of its own). Until it has landed the worker
keeps its connection (`idle()` waits): a late interrupt would otherwise stop whatever statement the next
borrower of that connection runs, and that innocent reader would report the database unavailable.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from ticketflow_desktop.domain.errors import Cancelled

_local = threading.local()


class CancelToken:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._stop: Callable[[], object] | None = None
        self._landed: threading.Event | None = None  # set when a stop started by cancel() has run

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Never waits: stopping a PostgreSQL statement opens a connection to the server (as long as an
        unreachable server takes to fail), so the stop runs on a thread of its own."""
        with self._lock:
            self._cancelled = True
            stop, self._stop = self._stop, None
            if stop is None:
                return
            landed = self._landed = threading.Event()
        threading.Thread(target=_quietly, args=(stop, landed), name="ticketflow-cancel", daemon=True).start()

    def running(self, stop: Callable[[], object]) -> None:
        """A statement starts on the bound thread; `stop` ends it. Refused once cancelled."""
        with self._lock:
            if self._cancelled:
                raise Cancelled()
            self._stop = stop

    def idle(self) -> bool:
        """The thread lets go of its connection: a late cancel must not reach whoever takes it next, so
        a stop already on its way is waited for (at most as long as reaching the server may take).
        True when a stop was sent to this thread's statements."""
        with self._lock:
            self._stop = None
            landed = self._landed
        if landed is not None:
            landed.wait(STOP_WAIT_S)
        return landed is not None


# Longest wait for a stop on its way: PostgreSQL's connect timeout (storage/engine.py) and a margin.
STOP_WAIT_S = 6.0


def _quietly(stop: Callable[[], object], landed: threading.Event) -> None:
    try:
        with suppress(Exception):  # the statement may have ended meanwhile; nothing to stop then
            stop()
    finally:
        landed.set()


def current() -> CancelToken | None:
    """The token bound to this thread, if any."""
    return getattr(_local, "token", None)


@contextmanager
def bound(token: CancelToken) -> Iterator[CancelToken]:
    previous = current()
    _local.token = token
    try:
        yield token
    finally:
        token.idle()
        _local.token = previous
