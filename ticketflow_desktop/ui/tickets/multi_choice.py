"""A filter of several values: a button that names what is chosen ("Open, In progress", "All statuses")
and opens a menu of checkable values (an enum's members, or options given later: the tags in use). The
menu stays open while values are ticked by mouse, so choosing three statuses is one trip; Esc or a click
outside closes it. The menu pops up (no nested event loop).

From the keyboard, as a combo box: the first letter of a value ticks or unticks it without opening the
menu, Home (or Delete) goes back to all values, Space, Enter or Down opens the menu."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton, QWidget

E = TypeVar("E", bound=str)  # an enum's member (StrEnum) or a plain value (a tag)


def _label(value: str) -> str:
    return str(getattr(value, "label", value))


class _StayOpenMenu(QMenu):
    """A menu whose checkable items toggle without closing it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class MultiChoice(QToolButton, Generic[E]):
    changed = Signal()

    # Asked for before the menu shows (a list of options that changes: the tags in use).
    options_wanted = Signal()

    def __init__(self, options: Iterable[E], everything: str, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.everything = everything
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"Filter by {noun}")
        self.setToolTip(f"Show tickets of any of the ticked {noun} values; none ticked: all")
        self.menu_ = _StayOpenMenu(self)
        self.choices: dict[E, QAction] = {}
        self._quiet = False
        self.set_options(options)
        self.clicked.connect(self.open_menu)

    def set_options(self, options: Iterable[E]) -> None:
        """The values offered, in this order; ticked values stay offered (and ticked) whatever the list."""
        offered, ticked = list(options), self.values() or ()
        self._quiet = True
        try:
            self.menu_.clear()
            self.choices = {}
            for value in (*offered, *ticked):
                if value in self.choices:
                    continue
                action = self.menu_.addAction(_label(value))
                action.setCheckable(True)
                action.setChecked(value in ticked)
                action.toggled.connect(self._toggled)
                self.choices[value] = action
            self.menu_.addSeparator()
            self.menu_.addAction(f"Clear ({self.everything.lower()})", self.clear)
        finally:
            self._quiet = False
        self._show()

    def open_menu(self) -> None:
        self.options_wanted.emit()
        self.menu_.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().strip().casefold()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_menu()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        elif text and text.isalnum() and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            for action in self.choices.values():
                if action.text().casefold().startswith(text):
                    action.toggle()
                    break
        else:
            super().keyPressEvent(event)

    def values(self) -> tuple[E, ...] | None:
        """The ticked values in their declared order; None when none is ticked (any value)."""
        ticked = tuple(m for m, action in self.choices.items() if action.isChecked())
        return ticked or None

    def set_values(self, values: Iterable[E] | None) -> None:
        """Tick exactly `values` (without `changed`); a value not offered yet is added."""
        wanted = set(values or ())
        if wanted - set(self.choices):
            self.set_options([*self.choices, *sorted(wanted - set(self.choices))])
        self._quiet = True
        try:
            for member, action in self.choices.items():
                action.setChecked(member in wanted)
        finally:
            self._quiet = False
        self._show()

    def clear(self) -> None:
        if self.values() is not None:
            self.set_values(None)
            self.changed.emit()

    def _toggled(self, _checked: bool) -> None:
        self._show()
        if not self._quiet:
            self.changed.emit()

    def _show(self) -> None:
        ticked = self.values()
        if ticked is None:
            self.setText(self.everything)
        else:
            self.setText(", ".join(_label(m) for m in ticked))
        self.setProperty("active", ticked is not None)
