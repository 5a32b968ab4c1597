"""Bugs go to the log and to a crash dialog; the app keeps running.

`sys.excepthook` (exceptions in slots and event handlers on the GUI thread), `threading.excepthook`
(plain threads) and `TaskRunner.unhandled_error` (workers' bugs nobody handled) all end here. Hooks
may fire on any thread: a queued signal brings the report to the GUI thread before any widget is made.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from ticketflow_desktop import __version__
from ticketflow_desktop.ui.logging_setup import log_file, mask_secrets

log = logging.getLogger("ticketflow_desktop.crash")


def format_report(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None, where: str = ""
) -> str:
    from PySide6 import __version__ as pyside_version

    header = (
        f"TicketFlow {__version__} · Python {platform.python_version()} · PySide6 {pyside_version} · "
        f"{platform.system()} {platform.release()}"
    )
    lines = "".join(traceback.format_exception(exc_type, error, tb))
    place = f"In {where}\n" if where else ""
    return mask_secrets(f"{header}\n{place}{lines}".rstrip())


if TYPE_CHECKING:
    from ticketflow_desktop.ui.dialogs.crash import CrashDialog


class ExceptionHandler(QObject):
    """Installs the hooks; shows (or adds to) one non-modal CrashDialog per burst of bugs."""

    reported = Signal(str)  # the masked report; emitted on any thread, handled on the GUI thread

    def __init__(self, parent_window: QWidget | None = None) -> None:
        super().__init__()
        self.window = parent_window
        self.dialog: CrashDialog | None = None  # while it is open
        self.reports: list[str] = []
        self._previous_sys: Callable[..., Any] | None = None
        self._previous_threading: Callable[..., object] | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous_sys is not None:
            sys.excepthook = self._previous_sys
        if self._previous_threading is not None:
            threading.excepthook = self._previous_threading
        self._previous_sys = self._previous_threading = None

    # --- the hooks (any thread) ----------------------------------------------------------------------

    def _sys_hook(self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            (self._previous_sys or sys.__excepthook__)(exc_type, error, tb)
            return
        self._report(format_report(exc_type, error, tb, threading.current_thread().name))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self._report(format_report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, name))

    def report_error(self, error: BaseException) -> None:
        """For TaskRunner.unhandled_error: a worker's exception handed over to the GUI thread."""
        self._report(format_report(type(error), error, error.__traceback__, "a background task"))

    def _report(self, text: str) -> None:
        try:
            log.error("unhandled error\n%s", text)
        finally:
            self.reported.emit(text)

    # --- the dialog (GUI thread) ---------------------------------------------------------------------

    @Slot(str)
    def _show(self, text: str) -> None:
        from ticketflow_desktop.ui.dialogs.crash import CrashDialog

        self.reports.append(text)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(text)
            return
        path = log_file()
        window = self.window if self.window is not None and self.window.isVisible() else None
        self.dialog = CrashDialog(text, str(path) if path else None, window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        self.dialog.raise_()

    def _forget_dialog(self) -> None:
        self.dialog = None
