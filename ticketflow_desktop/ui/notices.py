"""Notices for the user: one plain-Python notifier that any part of the app posts to (no Qt here).

`Notifier.post(text, severity, action=..., about=...)` (or `.info`, `.success`, `.warning`, `.error`)
tells every subscriber; the window's ToastHost is one (ui/widgets/toast.py), tests are others. A view
never reaches up to the window to show a message. `about` names what a notice is about (an undo
item, a ticket): `withdraw(about)` takes such notices back once they no longer hold (an action that
can no longer be undone). Post on the GUI thread: subscribers draw.

This module imports no Qt (an import-linter contract and a test say so), so that it can be read,
tested and reused without a QApplication.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

log = logging.getLogger(__name__)


class Severity(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Action:
    """A button on a notice: pressing it calls `callback` (and dismisses the notice)."""

    label: str
    callback: Callable[[], object] = field(compare=False)


@dataclass(frozen=True)
class Notice:
    text: str
    severity: Severity = Severity.INFO
    action: Action | None = None
    about: object = field(default=None, compare=False)


Listener = Callable[[Notice], object]
Withdrawn = Callable[[object], object]


class Notifier:
    def __init__(self) -> None:
        self._listeners: list[tuple[Listener, Withdrawn | None]] = []

    def subscribe(self, listener: Listener, withdrawn: Withdrawn | None = None) -> Callable[[], None]:
        """Hear every notice (and, with `withdrawn`, every withdrawal); returns the unsubscribe function."""
        entry = (listener, withdrawn)
        self._listeners.append(entry)

        def unsubscribe() -> None:
            if entry in self._listeners:
                self._listeners.remove(entry)

        return unsubscribe

    def post(
        self, text: str, severity: Severity | str = Severity.INFO, *, action: Action | None = None, about: object = None
    ) -> Notice:
        notice = Notice(text, Severity(severity), action, about)
        if notice.severity is Severity.ERROR:
            log.info("notice: %s", text)
        for listener, _withdrawn in list(self._listeners):
            listener(notice)
        return notice

    def info(self, text: str, *, action: Action | None = None, about: object = None) -> Notice:
        return self.post(text, Severity.INFO, action=action, about=about)

    def success(self, text: str, *, action: Action | None = None, about: object = None) -> Notice:
        return self.post(text, Severity.SUCCESS, action=action, about=about)

    def warning(self, text: str, *, action: Action | None = None, about: object = None) -> Notice:
        return self.post(text, Severity.WARNING, action=action, about=about)

    def error(self, text: str, *, action: Action | None = None, about: object = None) -> Notice:
        return self.post(text, Severity.ERROR, action=action, about=about)

    def withdraw(self, about: object) -> None:
        """The notices about `about` no longer hold: subscribers take them down."""
        for _listener, withdrawn in list(self._listeners):
            if withdrawn is not None:
                withdrawn(about)
