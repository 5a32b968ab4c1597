"""Toasts: non-modal, stacked in the window's corner, auto-dismissed, keyboard-dismissable (Esc)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ticketflow_desktop.ui.theme import ThemeManager

DEFAULT_MS = 4000
ERROR_MS = 8000
KINDS = ("info", "success", "warning", "error")
MAX_VISIBLE = 4


class Toast(QFrame):
    closed = Signal()

    def __init__(self, text: str, kind: str, parent: QWidget, action: tuple[str, object] | None = None) -> None:
        super().__init__(parent)
        kind = kind if kind in KINDS else "info"
        self.kind = kind
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
            button.clicked.connect(callback)  # type: ignore[arg-type]
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

    def enterEvent(self, event: QEvent) -> None:
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
    """Places toasts at the bottom right of `window`, newest at the bottom."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._toasts: list[Toast] = []
        self._container = QWidget(window)
        self._container.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self._layout = QVBoxLayout(self._container)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._container.hide()
        window.installEventFilter(self)

    @property
    def visible_texts(self) -> list[str]:
        return [t.text for t in self._toasts]

    def show(self, text: str, kind: str = "info", action: tuple[str, object] | None = None) -> Toast:
        toast = Toast(text, kind, self._container, action)
        toast.closed.connect(lambda t=toast: self._remove(t))
        self._toasts.append(toast)
        self._layout.addWidget(toast)
        toast.show()  # a layout shows a child of a visible widget only later; its size must count now
        while len(self._toasts) > MAX_VISIBLE:
            self._toasts[0].dismiss()
        self._container.show()
        self._place()
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
            self._container.hide()
        else:
            self._place()

    def _place(self) -> None:
        # The layout has not seen a just-added toast yet: make it recompute before asking its size.
        self._layout.invalidate()
        self._layout.activate()
        size = self._layout.sizeHint()
        margin = 16
        bottom = self._window.height() - margin - 28  # clear of the status bar
        self._container.setGeometry(
            self._window.width() - size.width() - margin, bottom - size.height(), size.width(), size.height()
        )
        self._container.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self._toasts:
            self._place()
        return False
