"""Small widgets of the form: an enum chooser with a "Choose…" placeholder, and an error line."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

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
        data = self.currentData()
        return self.enum(data) if data is not None else None

    def set_value(self, value: Enum | None) -> None:
        self.setCurrentIndex(-1 if value is None else self.findData(value.value))


class ErrorLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))
