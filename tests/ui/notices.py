"""What the app told the user, heard from its Notifier (ui/notices.py), with a Qt signal to wait on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ticketflow_desktop.ui.notices import Notice, Notifier


class Heard(QObject):
    """Every notice posted to a notifier from now on; `posted(text, severity)` to wait for the next."""

    posted = Signal(str, str)

    def __init__(self, notifier: Notifier) -> None:
        super().__init__()
        self.notices: list[Notice] = []
        self._unsubscribe = notifier.subscribe(self._heard)

    def _heard(self, notice: Notice) -> None:
        self.notices.append(notice)
        self.posted.emit(notice.text, str(notice.severity))

    @property
    def texts(self) -> list[str]:
        return [notice.text for notice in self.notices]

    def close(self) -> None:
        self._unsubscribe()


def heard(context: object) -> Heard:
    """What `context` (an AppContext) tells the user from now on."""
    return Heard(context.notices)  # type: ignore[attr-defined]
