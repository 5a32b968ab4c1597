"""Small widgets of the form: an enum chooser with a "Choose…" placeholder, an error line, a suggestion's
badge, and text fields that hand Ctrl+Z to the form when they have nothing of their own to undo."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ticketflow_desktop.domain import Suggestion, SuggestionSource

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


def mark_text(suggestion: Suggestion, field: str) -> str:
    """The badge under one field: who suggested it and, when known, how sure it was of this field."""
    who = "local model" if suggestion.source is SuggestionSource.LOCAL else suggestion.model or "local"
    confidence = field_confidence(suggestion, field)
    return f"Suggested by {who}" if confidence is None else f"Suggested by {who}, {percent(confidence)}"


def percent(confidence: float) -> str:
    return f"{round(confidence * 100)}%"


def field_confidence(suggestion: Suggestion, field: str) -> float | None:
    """One field's own confidence; the pair's where the model gave only that (a draft saved before)."""
    own = suggestion.category_confidence if field == "category" else suggestion.priority_confidence
    return own if own is not None else suggestion.confidence


class SuggestionMark(QLabel):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setProperty("role", "badge")
        self.setAccessibleName(accessible_name)
        self.hide()

    def show_suggestion(self, suggestion: Suggestion, field: str) -> None:
        self.setText(mark_text(suggestion, field))
        self.show()


def _undo_key(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.matches(QKeySequence.StandardKey.Undo)
    )


class FormLineEdit(QLineEdit):
    """A text field eats Ctrl+Z even with nothing to undo. This one lets it through to Edit → Undo then,
    when `app_undo_wanted()` says the newest undoable action is the form's own (a Clear)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_undo_wanted: Callable[[], bool] = lambda: False

    def event(self, event: QEvent) -> bool:
        if _undo_key(event) and not self.isUndoAvailable() and self.app_undo_wanted():
            event.ignore()  # not overridden: the window's shortcut runs
            return True
        return super().event(event)


class DescriptionEdit(QPlainTextEdit):
    """Says when it loses focus (the moment to ask for a suggestion); a signal, not an event filter,
    so nothing calls back into a half-destroyed tab while the window closes. Hands Ctrl+Z on as
    FormLineEdit does."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_undo_wanted: Callable[[], bool] = lambda: False

    def event(self, event: QEvent) -> bool:
        if _undo_key(event) and not self.document().isUndoAvailable() and self.app_undo_wanted():
            event.ignore()
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()
