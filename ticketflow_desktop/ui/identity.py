"""Who the user is in the open database (a PostgreSQL login in a team role; on SQLite the OS login), for the
status bar and for the views that a role limits (a viewer's app is read-only)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.services.team import Identity, whoami
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.ops import Ops

READ_ONLY_TEXT = (
    "Read-only: your role ({role}) may read tickets but not change them. Ask an administrator for an agent's role."
)


def identity_text(identity: Identity) -> str:
    """The status bar's words: "Alice Lee · agent · Billing", or "alice · this computer"."""
    if identity.local:
        return f"{identity.login} · this computer"
    groups = f" · {', '.join(identity.groups)}" if identity.groups else ""
    return f"{identity.name} · {identity.role}{groups}"


def identity_tooltip(identity: Identity) -> str:
    if identity.local:
        return "One person's SQLite file: you are this computer's login, with every right."
    return f"Database login {identity.login}, role {identity.role}" + (
        f", in {', '.join(identity.groups)}" if identity.groups else ", in no group"
    )


class IdentityWatcher(QObject):
    """Asks the database who we are each time one is opened (in a worker); `changed` carries the answer."""

    changed = Signal(object)  # Identity

    def __init__(self, ops: Ops, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.identity: Identity | None = None

    def lookup(self, service: TicketService) -> None:
        self.ops.read(self, whoami, service.database, on_done=self._known, key="whoami")

    def _known(self, identity: Identity) -> None:
        self.identity = identity
        self.changed.emit(identity)

    @property
    def read_only(self) -> bool:
        return self.identity is not None and not self.identity.may_write

    @property
    def may_import(self) -> bool:
        """An import is an administrator's load on a team database (anyone's on one's own SQLite file)."""
        return self.identity is None or self.identity.local or self.identity.is_admin
