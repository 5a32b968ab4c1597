"""Toasts: non-modal, stacked in a strip of their own at the foot of the window, auto-dismissed,
keyboard-dismissable (Esc).

The strip is part of the window's layout (above the status bar): a notice takes room from the tabs
instead of floating over them, so it never hides a control (the Submit button, the detail panel's Save).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ticketflow_desktop.ui.notices import Notice, Notifier, Severity
from ticketflow_desktop.ui.theme import ThemeManager

DEFAULT_MS = 4000
ERROR_MS = 8000
KINDS = tuple(Severity)
MAX_VISIBLE = 4
# A button on a toast: (label, callback).
ToastAction = tuple[str, Callable[[], object]]


class Toast(QFrame):
    closed = Signal()

    def __init__(self, text: str, kind: str, parent: QWidget, action: ToastAction | None = None) -> None:
        super().__init__(parent)
        kind = str(kind) if kind in KINDS else "info"  # a Severity, or its value
        self.kind = kind
        self.about: object = None  # what the notice is about (ToastHost.dismiss_about)
        self.setProperty("role", "toast")
        self.setProperty("kind", kind)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(f"{kind} notification")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 10)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # ticket titles are never rendered as rich text
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(420)
        # A wrapped label guesses a narrow width; give short messages one line, long ones ~360 px.
        self.label.setMinimumWidth(min(self.label.fontMetrics().horizontalAdvance(text) + 4, 360))
        layout.addWidget(self.label, 1)
        if action is not None:
            label, callback = action
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            button.clicked.connect(self.dismiss)
            layout.addWidget(button)
        close = QPushButton(self)
        close.setFlat(True)
        close.setToolTip("Dismiss (Esc)")
        manager = ThemeManager.instance()
        if manager is not None:
            manager.bind_icon(close, "close", "toast_text")
        else:
            close.setText("✕")
        close.setAccessibleName("Dismiss notification")
        close.setFixedWidth(28)
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self._interval = ERROR_MS if kind in ("error", "warning") else DEFAULT_MS
        self._timer = QTimer(self, singleShot=True, interval=self._interval)
        self._timer.timeout.connect(self.dismiss)
        self._timer.start()

    @property
    def text(self) -> str:
        return self.label.text()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._timer.stop()  # stay while the pointer rests on it
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._timer.start(self._interval)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # focus inside the toast (its buttons): Esc closes it
            self.dismiss()
            return
        super().keyPressEvent(event)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
        self.closed.emit()
        self.deleteLater()


class ToastHost(QObject):
    """Stacks toasts in `strip`, newest at the bottom; the window puts the strip in its layout, and the
    host shows what the app's Notifier is told (`follow`)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._toasts: list[Toast] = []
        self.strip = QWidget(window)
        self.strip.setAccessibleName("Notifications")
        self._layout = QVBoxLayout(self.strip)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.setSpacing(6)
        self.strip.hide()  # takes no room while there is nothing to say

    def follow(self, notifier: Notifier) -> None:
        """Show every notice posted to `notifier`, and take back those withdrawn, while this host lives."""

        def posted(notice: Notice) -> None:
            if shiboken6.isValid(self):
                action = (notice.action.label, notice.action.callback) if notice.action is not None else None
                self.show(notice.text, notice.severity, action, notice.about)

        def withdrawn(about: object) -> None:
            if shiboken6.isValid(self):
                self.dismiss_about(about)

        unsubscribe = notifier.subscribe(posted, withdrawn)
        self.destroyed.connect(lambda *_args: unsubscribe())

    @property
    def visible_texts(self) -> list[str]:
        return [t.text for t in self._toasts]

    def dismiss_about(self, about: object) -> None:
        """Dismiss the notices shown about `about` (e.g. an undo that was done another way)."""
        for toast in [t for t in self._toasts if t.about is about]:
            toast.dismiss()

    def show(
        self, text: str, kind: str = Severity.INFO, action: ToastAction | None = None, about: object = None
    ) -> Toast:
        toast = Toast(text, kind, self.strip, action)
        toast.about = about
        toast.closed.connect(lambda t=toast: self._remove(t))
        self._toasts.append(toast)
        self._layout.addWidget(toast, 0, Qt.AlignmentFlag.AlignRight)
        while len(self._toasts) > MAX_VISIBLE:
            self._toasts[0].dismiss()
        self.strip.show()
        toast.show()
        return toast

    def dismiss_newest(self) -> bool:
        if not self._toasts:
            return False
        self._toasts[-1].dismiss()
        return True

    def dismiss_all(self) -> None:
        for toast in list(self._toasts):
            toast.dismiss()

    def _remove(self, toast: Toast) -> None:
        if toast in self._toasts:
            self._toasts.remove(toast)
        self._layout.removeWidget(toast)
        if not self._toasts:
            self.strip.hide()
