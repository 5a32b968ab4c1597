"""The one way to run work off the GUI thread: owner-bound operations on top of ui/tasks.py.

    context.ops.read(self, service.get, ticket_id, on_done=self._loaded, key="detail")
    context.ops.write(self, load_samples, service, 300, change=Change.unknown(ChangeKind.IMPORTED))

Every read and write names an `owner` (the QObject that asked: a widget, a model, a dialog). The
rules, in the order they apply when the work ends (on the GUI thread):

1. Superseded work delivers nothing. A `key` is scoped to its owner: a newer request of the same
   owner with the same key supersedes the older one (two widgets using the same key name never
   cancel each other). `renew(owner)` supersedes every read the owner has in flight (the table
   model renews when its filter changes). A superseded worker can ask `ui.tasks.still_wanted()` to
   skip work nobody awaits, and a read with `stop_stale=True` is stopped in the database.
2. Connectivity is reported for the owner, never by it. An op that uses the database
   (`database=True`, the default) tells the connection monitor that the database answered when it
   succeeds, and that it is away when it fails with StorageUnavailable (Queued included).
3. A write's change is announced: `change=` (a Change, or a function of the write's result) goes out
   on `tickets_changed` once the write is stored, before the owner's `on_done`. Nothing else emits
   that signal: the live feed, a reconnect and Refresh go through `announce` too.
4. Callbacks go to a live owner only. Once the owner's C++ object is gone (a closed dialog, a
   deleted window) `on_done` and `on_failed` are dropped — no "already deleted" RuntimeError. (A read
   for an owner already gone is not even started; a write is, since something may depend on it.)
5. Failures:
   - a bug (any exception that is not a TicketFlowError) always goes to the crash handler
     (`TaskRunner.unhandled_error`); if the owner gave `on_failed`, it is called first, so that the
     view can put its state back (re-enable a button) — it need not report the bug itself;
   - a known error (TicketFlowError) goes to `on_failed` when given; otherwise it becomes a notice
     in `ui.words.error_words`' words — except StorageUnavailable of a database op, which the
     connection monitor already shows in the status bar, and Cancelled (work stopped on purpose),
     which stay silent. An expected failure of another kind (an OSError of a file the user chose, a
     model server's refusal) is translated into a TicketFlowError inside the op's function.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

import shiboken6
from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.domain import StorageBusy, StorageUnavailable, TicketFlowError
from ticketflow_desktop.domain.errors import Cancelled
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.changes import Change
from ticketflow_desktop.ui.notices import Notifier, Severity
from ticketflow_desktop.ui.tasks import Done, Failed, TaskRunner
from ticketflow_desktop.ui.words import error_words

log = logging.getLogger(__name__)

ChangeFor = Change | Callable[[Any], Change | None]
# Run whatever became of the owner, before its callbacks: (result, None) or (None, error). For the
# layer under the views that keeps state of its own (the outbox's bookkeeping in ui/writes.py).
Always = Callable[[Any, BaseException | None], None]


class Connectivity(Protocol):
    def database_answered(self) -> None: ...

    def database_away(self, error: StorageUnavailable) -> None: ...


class OwnedKey(NamedTuple):
    """A task key scoped to its owner (the address of the owner's C++ object)."""

    owner: int
    name: str

    def __str__(self) -> str:
        return self.name


def _address(owner: QObject) -> int:
    return int(shiboken6.getCppPointer(owner)[0]) if shiboken6.isValid(owner) else 0


def ignore(_error: BaseException) -> None:
    """An `on_failed` for reads whose failure the view deliberately leaves unsaid (a count beside a list)."""


class Ops(QObject):
    # Every change to the tickets, as a ui.changes.Change: emitted here and nowhere else.
    tickets_changed = Signal(object)

    def __init__(self, runner: TaskRunner, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.notifier = notifier
        self.connectivity: Connectivity | None = None
        self._reads: dict[int, set[int]] = {}  # owner address -> its reads in flight (request ids)
        # Once the window's parts shut down, nothing more starts and nothing more reports back: a
        # timer of a closing view must not read a database that is being let go, nor log its failure.
        self.closed = False

    # --- running work ----------------------------------------------------------------------------

    def read(
        self,
        owner: QObject,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        key: str | None = None,
        stop_stale: bool = False,
        database: bool = True,
    ) -> int:
        """Run `fn(*args)` in the read pool for `owner` (see the module's rules)."""
        address = _address(owner)
        if not address or self.closed:
            log.debug("read for an owner already deleted, or after shutdown: not run")
            return 0
        cell: list[int] = [0]
        done, failed = self._callbacks(owner, address, cell, on_done, on_failed, database, None, None)
        request_id = self.runner.read(
            fn, *args, on_done=done, on_failed=failed, key=self._key(address, key), stop_stale=stop_stale
        )
        cell[0] = request_id
        reads = self._reads.setdefault(address, set())
        reads.intersection_update(self.runner.pending_ids())  # forget the ones superseded meanwhile
        reads.add(request_id)
        return request_id

    def write(
        self,
        owner: QObject,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_failed: Failed | None = None,
        change: ChangeFor | None = None,
        key: str | None = None,
        database: bool = True,
        always: Always | None = None,
    ) -> int:
        """Run `fn(*args)` on the serial write worker for `owner`; announce `change` once it is stored.

        A write runs even when its owner is already gone (only the callbacks are dropped), and `renew`
        never drops a write: what it changed must be announced."""
        if self.closed:
            log.warning("a write after shutdown was not run: %s", getattr(fn, "__name__", fn))
            return 0
        address = _address(owner)
        done, failed = self._callbacks(owner, address, [0], on_done, on_failed, database, change, always)
        return self.runner.write(fn, *args, on_done=done, on_failed=failed, key=self._key(address, key))

    def close(self) -> None:
        """Shutdown: from now on no op starts and no result is delivered (ui/context.py's close)."""
        self.closed = True

    def announce(self, change: Change) -> None:
        """Tell every view what changed (the live feed, a reconnect, Refresh; writes through `change=`)."""
        self.tickets_changed.emit(change)

    # --- superseding -------------------------------------------------------------------------------

    def renew(self, owner: QObject) -> None:
        """A new scope for `owner`: whatever its reads in flight would deliver is dropped (and stopped,
        where they may be stopped). Its writes still report back."""
        for request_id in self._reads.pop(_address(owner), set()):
            self.runner.drop(request_id)

    def cancel(self, owner: QObject, key: str) -> None:
        """Drop what `owner`'s newest request with `key` would deliver."""
        self.runner.cancel(OwnedKey(_address(owner), key))

    def pending_keys(self, owner: QObject | None = None) -> list[str]:
        """The key names of the requests not yet answered (of `owner`, or of everyone)."""
        address = _address(owner) if owner is not None else None
        return [
            key.name
            for key in self.runner.pending_keys()
            if isinstance(key, OwnedKey) and (address is None or key.owner == address)
        ]

    def is_busy(self) -> bool:
        return self.runner.is_busy()

    # --- the rules -----------------------------------------------------------------------------------

    @staticmethod
    def _key(address: int, key: str | None) -> OwnedKey | None:
        return None if key is None else OwnedKey(address, key)

    def _forget(self, address: int, request_id: int) -> None:
        reads = self._reads.get(address)
        if reads is not None:
            reads.discard(request_id)
            if not reads:
                del self._reads[address]

    def _callbacks(
        self,
        owner: QObject,
        address: int,
        cell: list[int],
        on_done: Done | None,
        on_failed: Failed | None,
        database: bool,
        change: ChangeFor | None,
        always: Always | None,
    ) -> tuple[Done, Failed]:
        def done(result: Any) -> None:
            self._forget(address, cell[0])
            if self.closed:
                return
            if database and self.connectivity is not None:
                self.connectivity.database_answered()
            if change is not None:
                announced = change(result) if callable(change) else change
                if announced is not None:
                    self.announce(announced)
            if always is not None:
                always(result, None)
            if on_done is not None and shiboken6.isValid(owner):
                on_done(result)

        def failed(error: BaseException) -> None:
            self._forget(address, cell[0])
            if self.closed:
                return
            # Busy (a colleague's lock, a deadlock) is contention: the database answered, so it is not away.
            busy = isinstance(error, StorageBusy)
            if database and isinstance(error, StorageUnavailable) and not busy and self.connectivity is not None:
                self.connectivity.database_away(error)
            if always is not None:
                always(None, error)
            alive = shiboken6.isValid(owner)
            if on_failed is not None and alive:
                on_failed(error)
            if not isinstance(error, TicketFlowError):
                self.runner.unhandled_error.emit(error)  # a bug: the crash dialog, whatever the view did
            elif on_failed is None and alive:
                self._notice(error, database)

        return done, failed

    def _notice(self, error: TicketFlowError, database: bool) -> None:
        if isinstance(error, Cancelled):
            return
        if isinstance(error, Queued):
            self.notifier.post(error_words(error), Severity.INFO)
        elif isinstance(error, StorageUnavailable) and database:
            log.info("read failed while the database is away: %s", error)  # the status bar says so
        else:
            self.notifier.post(error_words(error), Severity.ERROR)
