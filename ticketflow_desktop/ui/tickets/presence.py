"""Who else has the shown ticket open, and who is typing: "Also here: Ann, Bo (typing…)".

While a ticket is shown this panel beats every HEARTBEAT (a write in a worker), and once more when the
agent starts or stops typing in the composer (so at most two extra beats per burst of typing). It reads
who else is here on each beat and on the live feed's presence hints; rows whose heartbeat is older than
the service's FRESH window (by the server's clock) are nobody, so a sleeping laptop drops out on its own.
Showing another ticket, or none, removes our row. On SQLite (one person) none of this runs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ticketflow_desktop.domain.notifications import PresentAgent, presence_text
from ticketflow_desktop.services.presence import HEARTBEAT, PresenceService
from ticketflow_desktop.ui.context import AppContext

log = logging.getLogger(__name__)

HEARTBEAT_MS = int(HEARTBEAT.total_seconds() * 1000)
TYPING_IDLE_MS = 4000  # this long without a keystroke and the agent is no longer "typing"


class PresenceLine(QLabel):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.context = context
        self.ticket_id: int | None = None
        self.typing = False
        self.others: tuple[PresentAgent, ...] = ()
        self.setProperty("role", "muted")
        self.setTextFormat(Qt.TextFormat.PlainText)  # names are never rich text
        self.setWordWrap(True)
        self.setAccessibleName("Also here")
        self.hide()
        self._beat = QTimer(self, interval=HEARTBEAT_MS)
        self._beat.timeout.connect(self._heartbeat)
        self._typing_idle = QTimer(self, singleShot=True, interval=TYPING_IDLE_MS)
        self._typing_idle.timeout.connect(self._stopped_typing)
        context.presence_hinted.connect(self._hinted)

    def _service(self) -> PresenceService | None:
        service = self.context.service
        if service is None or self.context.ops.closed:
            return None
        presence = PresenceService(service.database)
        return presence if presence.available else None

    def show_ticket(self, ticket_id: int | None) -> None:
        """The detail panel now shows `ticket_id` (None: nothing): leave the previous one, join this one."""
        if ticket_id == self.ticket_id:
            return
        presence = self._service()
        if presence is not None and self.ticket_id is not None:
            self.context.ops.write(self, presence.leave, self.ticket_id, on_failed=self._failed)
        self.ticket_id, self.typing = ticket_id, False
        self._typing_idle.stop()
        self._show(())
        if presence is None or ticket_id is None:
            self._beat.stop()
            return
        self._beat.start()
        self._heartbeat()

    def typed(self) -> None:
        """A keystroke in the composer: "typing" now, until TYPING_IDLE_MS pass without another."""
        if self.ticket_id is None or self._service() is None:
            return
        self._typing_idle.start()
        if not self.typing:
            self.typing = True
            self._send_beat()

    def _stopped_typing(self) -> None:
        self.typing = False
        self._send_beat()

    def _heartbeat(self) -> None:
        self._send_beat()
        self.look()

    def _send_beat(self) -> None:
        presence = self._service()
        if presence is not None and self.ticket_id is not None:
            self.context.ops.write(self, presence.beat, self.ticket_id, self.typing, on_failed=self._failed)

    def _hinted(self, ids: frozenset[int] | None) -> None:
        if self.ticket_id is not None and (ids is None or self.ticket_id in ids):
            self.look()

    def look(self) -> None:
        """Read who else is here (in a worker)."""
        presence, ticket_id = self._service(), self.ticket_id
        if presence is None or ticket_id is None:
            return
        self.context.ops.read(
            self,
            presence.others_here,
            ticket_id,
            on_done=lambda others: self._seen(ticket_id, others),
            on_failed=self._failed,
            key="presence",
        )

    def _seen(self, ticket_id: int, others: tuple[PresentAgent, ...]) -> None:
        if ticket_id == self.ticket_id:
            self._show(others)

    def _show(self, others: tuple[PresentAgent, ...]) -> None:
        self.others = others
        text = presence_text(others)
        self.setText(text)
        self.setVisible(bool(text))

    def _failed(self, error: BaseException) -> None:
        log.info("presence not updated: %s", error)  # it only says who else is here; the next beat tries again
