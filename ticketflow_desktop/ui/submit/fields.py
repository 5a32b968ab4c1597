"""Small widgets of the form: an enum chooser with a "Choose…" placeholder, and an error line."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

PLACEHOLDER = "Choose…"


class EnumChooser(QComboBox):
    """No default value: the agent chooses (or accepts a suggestion)."""

    def __init__(self, enum: type[Enum], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum
        for member in enum:
            self.addItem(member.label, member.value)  # type: ignore[attr-defined]
        self.setPlaceholderText(PLACEHOLDER)
        self.setCurrentIndex(-1)
        self.setAccessibleName(accessible_name)
        self.setMinimumWidth(180)

    def value(self) -> Enum | None:
        # Never ask Qt for the data of "no item": PySide6 6.12 then over-releases None (and the
        # interpreter aborts after a few thousand calls).
        index = self.currentIndex()
        return self.enum(self.itemData(index)) if index >= 0 else None

    def set_value(self, value: Enum | None) -> None:
        self.setCurrentIndex(-1 if value is None else self.findData(value.value))


class ErrorLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()
        self._shown: str | None = None

    def show_message(self, message: str | None) -> None:
        # Called on every keystroke: touch Qt only on a change (each call into Qt releases the GIL, and
        # getting it back from a busy worker costs milliseconds).
        message = message or None
        if message == self._shown:
            return
        self._shown = message
        self.setText(message or "")
        self.setVisible(bool(message))


class DescriptionEdit(QPlainTextEdit):
    """Says when it loses focus (the moment to ask for a suggestion); a signal, not an event filter,
    so nothing calls back into a half-destroyed tab while the window closes."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()
