"""What every view shares, and nothing more: the composition root of the window's parts.

- `ops` (ui/ops.py): the one way to run work off the GUI thread, and `tickets_changed`, on which
  every change to the tickets is announced (a ui.changes.Change);
- `connection` (ui/connection.py): opening the database, the health ping, the ConnectionState;
- `writes` (ui/writes.py): ticket writes, durable through the outbox;
- `notices` (ui/notices.py): messages for the user, shown as toasts by the window;
- `identity` (ui/identity.py): who the user is in the open database, and whether their role is read-only;
- `settings`, `clock` (every view's "now"), `undo` and `offer_undo`.

The signals views connect to are those of the parts; the ones named here are the same objects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.services import connection as db
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.connection import ConnectionMonitor, ConnectionState
from ticketflow_desktop.ui.identity import IdentityWatcher
from ticketflow_desktop.ui.notices import Action, Notifier, Severity
from ticketflow_desktop.ui.ops import Ops
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.tasks import TaskRunner
from ticketflow_desktop.ui.undo import UndoItem, UndoStack
from ticketflow_desktop.ui.writes import TicketWrites

log = logging.getLogger(__name__)


class AppContext(QObject):
    # The service is ready (or was replaced by switching database): sent before the reload it causes.
    database_opened = Signal(object)  # TicketService
    # Who is on which tickets changed (the live feed's presence hints): frozenset of ids, None for any.
    presence_hinted = Signal(object)

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
        self.clock = clock
        self.offline_flag = offline
        self.notices = Notifier()
        self.tasks = TaskRunner(self)  # the engine under ops; views use ops
        self.ops = Ops(self.tasks, self.notices, self)
        self.undo = UndoStack(self)
        self.undo.gone.connect(self.notices.withdraw)  # an action that can no longer be undone: its notice goes
        self.connection = ConnectionMonitor(self.ops, self.tasks, clock, self)
        self.ops.connectivity = self.connection
        self.writes = TicketWrites(self.ops, self.notices, db.open_outbox_store(outbox_path), self)

        # The parts' signals, by the names the views know.
        self.tickets_changed = self.ops.tickets_changed  # a Change
        self.connection_state = self.connection.state_changed  # a ConnectionState
        self.database_failed = self.connection.open_failed  # str
        self.outbox_changed = self.writes.outbox_changed

        # Who we are in the database: the status bar shows it, and a viewer's views are read-only.
        self.identity = IdentityWatcher(self.ops, self.notices, self)

        self.connection.opening.connect(self.writes.use)
        self.connection.opened.connect(self.identity.lookup)
        self.connection.opened.connect(self._opened)
        self.connection.open_failed.connect(self.notices.error)
        self.connection.reachable_again.connect(self._reachable_again)
        self.connection.reachable_again.connect(self.identity.retry)
        self.connection.answered.connect(self.writes.retry_waiting)

    # --- the parts' state, by the names the views know --------------------------------------------

    @property
    def service(self) -> TicketService | None:
        return self.connection.service

    @property
    def state(self) -> ConnectionState:
        return self.connection.state

    @property
    def database_description(self) -> str:
        return self.connection.description

    # --- opening ---------------------------------------------------------------------------------

    def open(self, url: str | None) -> None:
        """Open (and upgrade) the database at `url` (the default SQLite file when None) in a worker."""
        self.connection.open(url)

    def open_saved(self) -> None:
        """Open the database the settings name, its saved secrets read from the keyring in a worker."""
        url, from_env = self.settings.database_url()
        if url is None or from_env:
            self.open(url)
            return
        self.ops.read(self, db.connect_url, url, from_env, on_done=self.open, database=False)

    def _opened(self, service: TicketService) -> None:
        self.writes.connected(service)
        self.database_opened.emit(service)
        self.ops.announce(Change.unknown(ChangeKind.RELOAD))
        self.writes.flush()  # what waited from an earlier session or outage

    def _reachable_again(self) -> None:
        self.ops.announce(Change.unknown(ChangeKind.RELOAD))  # views reload what they could not read meanwhile
        self.writes.flush()

    # --- undo ------------------------------------------------------------------------------------

    def offer_undo(
        self,
        text: str,
        label: str,
        undo: Callable[[], None],
        kind: Severity | str = Severity.SUCCESS,
        *,
        owner: QObject | None = None,
    ) -> UndoItem:
        """Announce a done action with an Undo button; Edit → Undo (Ctrl+Z) undoes it too. With an
        `owner`, undoing does nothing once the owner is gone (a closed window's form)."""

        def run() -> None:
            if owner is None or shiboken6.isValid(owner):
                undo()

        item = self.undo.push(label, run)
        self.notices.post(text, kind, action=Action("Undo", lambda: self.undo.run(item)), about=item)
        return item

    def close(self) -> None:
        self.connection.close()
        self.tasks.wait_idle()
        self.ops.close()  # what finished meanwhile is stored; no view hears of it any more
        service = self.connection.service
        if service is not None:
            service.database.dispose()
        self.writes.store.close()
