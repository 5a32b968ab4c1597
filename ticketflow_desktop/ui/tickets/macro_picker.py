"""Saved replies by keyboard: Ctrl+M opens a list to filter by typing; Enter applies the chosen one to the
open ticket (its text as a reply, or as a note when the composer writes notes, and its field changes, in
one transaction); Esc closes. The thread and the fields follow through the announced Change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ticketflow_desktop.domain.macros import Macro

MACRO_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW = 90


def macro_line(macro: Macro) -> str:
    """ "Thanks, resolved — Hi Ann, … · sets Status: Resolved" """
    text = " ".join(macro.body.split())
    if len(text) > PREVIEW:
        text = text[: PREVIEW - 1] + "…"
    changes = [
        f"{name.capitalize()}: {value.label}"
        for name, value in (("status", macro.status), ("priority", macro.priority), ("category", macro.category))
        if value is not None
    ]
    line = f"{macro.name} — {text}"
    return line + (f" · sets {', '.join(changes)}" if changes else "")


class MacroPicker(QDialog):
    chosen = Signal(object)  # Macro

    def __init__(self, ticket_id: int, internal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Saved replies")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        as_what = "an internal note" if internal else "a reply"
        self.hint = QLabel(
            f"Apply a saved reply to ticket #{ticket_id} as {as_what}: type to filter, Enter applies, Esc closes.", self
        )
        self.hint.setProperty("role", "muted")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName("Filter saved replies")
        self.filter.setPlaceholderText("Filter by name or text")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(Qt.ItemDataRole.DisplayRole)
        self.list = QListView(self)
        self.list.setAccessibleName("Saved replies")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole text is in the tooltip
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.list.activated.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.state = QLabel("Loading saved replies…", self)
        self.state.setProperty("role", "muted")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.filter.textChanged.connect(self._filtered)
        self.filter.installEventFilter(self)
        self.filter.setFocus()

    def set_macros(self, macros: list[Macro]) -> None:
        self.model.clear()
        for macro in macros:
            item = QStandardItem(macro_line(macro))
            item.setData(macro, MACRO_ROLE)
            item.setToolTip(macro.body)
            item.setEditable(False)
            self.model.appendRow(item)
        self._filtered()

    def set_failed(self, words: str) -> None:
        self.state.setText(words)
        self.state.show()

    def _filtered(self, _text: str = "") -> None:
        self.proxy.setFilterFixedString(self.filter.text())
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            self.state.hide()
        else:
            none = "No saved replies yet." if not self.model.rowCount() else "No saved reply matches."
            self.state.setText(none)
            self.state.show()

    def names(self) -> list[str]:
        """The saved replies the list shows now, by name."""
        return [self.proxy.index(r, 0).data(MACRO_ROLE).name for r in range(self.proxy.rowCount())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down move in the list while typing in the filter; Enter applies the current one.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                rows = self.proxy.rowCount()
                if rows:
                    step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
                    row = min(rows - 1, max(0, self.list.currentIndex().row() + step[Qt.Key(event.key())]))
                    self.list.setCurrentIndex(self.proxy.index(row, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_current()
                return True
        return super().eventFilter(watched, event)

    def apply_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        macro = index.data(MACRO_ROLE)
        if isinstance(macro, Macro):
            self.chosen.emit(macro)
            self.accept()
