"""The shape every change feed shares: a daemon thread that calls back with the ids that changed.

The callback runs on the feed's thread: it must only hand the ids over (the Qt bridge emits a
queued signal). `None` means "something changed, but which tickets is unknown".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

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

    # What a feed is made of: how to connect, how to follow changes on a connection until it fails or
    # the feed stops, and which errors mean "the database is away" (retried) rather than a bug.
    errors: tuple[type[BaseException], ...] = ()

    def _connect(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _follow(self, connection: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _run(self) -> None:
        """Connect, follow, and after a failure reconnect with a growing pause until stopped."""
        delay = FIRST_RETRY_S
        ever_connected = False
        while not self._stopping.is_set():
            connection = None
            try:
                connection = self._connect()
                self.connected.set()
                if ever_connected:  # what changed while we were away is unknown
                    self._emit(None)
                ever_connected = True
                delay = FIRST_RETRY_S
                self._follow(connection)
            except self.errors as error:
                self.connected.clear()
                log.info("change feed lost the database (%s); retrying in %.1f s", error, delay)
                self._stopping.wait(delay)
                delay = min(delay * 2, MAX_RETRY_S)
            finally:
                if connection is not None:
                    connection.close()
