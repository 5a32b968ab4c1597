"""The shape every change feed shares: a daemon thread that calls back with the ids that changed.

The callback runs on the feed's thread: it must only hand the ids over (the Qt bridge emits a
queued signal). `None` means "something changed, but which tickets is unknown".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

ChangedIds = frozenset[int] | None
Callback = Callable[[ChangedIds], None]

FIRST_RETRY_S = 0.5
MAX_RETRY_S = 30.0


class ThreadedFeed:
    """Start/stop around a `_run` loop that checks `self._stopping` between short waits."""

    name = "ticketflow-live"

    def __init__(self, callback: Callback) -> None:
        self._callback = callback
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()  # set while the feed is listening

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a feed starts once")
        # Daemon: a feed must never keep the process (or pytest) alive; stop() ends it cleanly anyway.
        self._thread = threading.Thread(target=self._guarded_run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Ask the thread to end and wait for it; True when it has ended."""
        self._stopping.set()
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _emit(self, ids: ChangedIds) -> None:
        if not self._stopping.is_set():
            self._callback(ids)

    def _guarded_run(self) -> None:
        try:
            self._run()
        except Exception:  # a bug here must not pass silently, nor kill the app
            log.exception("the change feed stopped after an unexpected error")
        finally:
            self.connected.clear()

    def _run(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _backoff(self, delay: float) -> float:
        """Wait `delay` (or until stopped) and return the next, longer delay."""
        self._stopping.wait(delay)
        return min(delay * 2, MAX_RETRY_S)
