"""Who the user is in the open database (a PostgreSQL login in a team role; on SQLite the OS login), for the
status bar and for the views that a role limits (a viewer's app is read-only)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.domain import StorageUnavailable
from ticketflow_desktop.services.team import Identity, whoami
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.notices import Notifier
from ticketflow_desktop.ui.ops import Ops
from ticketflow_desktop.ui.words import error_words

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

    def __init__(self, ops: Ops, notices: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops, self.notices = ops, notices
        self.identity: Identity | None = None
        self._service: TicketService | None = None

    def lookup(self, service: TicketService) -> None:
        self.identity = None
        self._service = service
        self.ops.read(self, whoami, service.database, on_done=self._known, on_failed=self._unknown, key="whoami")

    def retry(self) -> None:
        """The database answers again: ask once more if the last answer never came."""
        if self.identity is None and self._service is not None:
            self.lookup(self._service)

    def _known(self, identity: Identity) -> None:
        self.identity = identity
        self.changed.emit(identity)

    def _unknown(self, error: BaseException) -> None:
        if not isinstance(error, StorageUnavailable):  # away: asked again when it answers (retry)
            self.notices.error(error_words(error, "Your login", "could not be read"))

    @property
    def read_only(self) -> bool:
        return self.identity is not None and not self.identity.may_write

    @property
    def may_import(self) -> bool:
        """An import is an administrator's load on a team database (anyone's on one's own SQLite file)."""
        return self.identity is None or self.identity.local or self.identity.is_admin
