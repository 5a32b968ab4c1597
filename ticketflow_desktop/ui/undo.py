"""Undo for actions that change tickets (a bulk edit, clearing a form): the newest first, each once.

Edit → Undo (Ctrl+Z) undoes the newest; the notice that announced an action undoes that one. Text
fields keep their own Ctrl+Z: Qt gives a focused editor the key before any window shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

MAX_ITEMS = 20


@dataclass(eq=False)
class UndoItem:
    label: str  # what undoing does, for the menu: "Undo status of 3 tickets"
    undo: Callable[[], None] = field(repr=False)


class UndoStack(QObject):
    changed = Signal()
    # An item can no longer be undone (undone, forgotten, or pushed out): its notice goes too.
    gone = Signal(object)  # UndoItem

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[UndoItem] = []

    def push(self, label: str, undo: Callable[[], None]) -> UndoItem:
        item = UndoItem(label, undo)
        self._items.append(item)
        dropped, self._items = self._items[:-MAX_ITEMS], self._items[-MAX_ITEMS:]
        for old in dropped:
            self.gone.emit(old)
        self.changed.emit()
        return item

    @property
    def newest(self) -> UndoItem | None:
        return self._items[-1] if self._items else None

    def undo(self) -> bool:
        """Undo the newest action; False when there is none."""
        item = self.newest
        return item is not None and self.run(item)

    def run(self, item: UndoItem) -> bool:
        """Undo `item` if it was not undone (or forgotten) already."""
        if item not in self._items:
            return False
        self._items.remove(item)
        self.changed.emit()
        self.gone.emit(item)
        item.undo()
        return True

    def forget(self, item: UndoItem) -> None:
        if item in self._items:
            self._items.remove(item)
            self.changed.emit()
            self.gone.emit(item)
