"""The tickets table view: keyboard focus leaves it with Tab, and its context menu opens where the
agent is (the current row for the keyboard, the clicked row for the mouse)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


class TicketTable(QTableView):
    # Open the context menu at this point of the viewport; keyboard: for the current row.
    menu_requested = Signal(QPoint, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Tab and Shift+Tab move focus out of the table (to the detail panel and back), as in any
        # form; arrows move between cells. Ctrl+Tab is left to the window (tab switching).
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # A keyboard-made event carries a position in the table's coordinates (not the viewport's),
        # which lands on another row: the menu is for the current row instead.
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        self.menu_requested.emit(self.current_row_point() if keyboard else event.pos(), keyboard)
        event.accept()

    def visible_rows(self) -> range:
        """The rows on screen (partly shown ones included)."""
        first = self.rowAt(0)
        if first < 0:
            return range(0)
        last = self.rowAt(self.viewport().height() - 1)
        return range(first, (last if last >= 0 else self.model().rowCount() - 1) + 1)

    def current_row_point(self) -> QPoint:
        """The viewport point the keyboard's menu opens at: the current row's bottom left."""
        index = self.currentIndex()
        if not index.isValid():
            return QPoint(0, 0)
        self.scrollTo(index)
        rect = self.visualRect(index)
        return QPoint(rect.left(), rect.bottom())
