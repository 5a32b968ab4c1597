"""Ctrl+K's picker (jump to a queue or saved view by typing or by its number) and Save view…'s dialog.
Both open window-modal with open(): no nested event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain.views import VIEW_NAME_MAX, view_name_error

Entry = tuple[str, object]


class ViewPicker(QDialog):
    """Type to narrow the list; Enter jumps to the highlighted entry, a digit 1-9 to the Nth of all."""

    picked = Signal(object)  # Entry

    def __init__(self, entries: list[tuple[Entry, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Go to a view")
        self.entries = entries
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Type a view's name, or its number…")
        self.filter.setAccessibleName("View name")
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Views")
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._chosen)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.resize(360, 320)
        self._narrow("")

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        self.list.clear()
        for n, (entry, label) in enumerate(self.entries, start=1):
            if wanted and wanted not in label.casefold():
                continue
            item = QListWidgetItem(f"{n}  {label}" if n <= 9 else f"    {label}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if not self.filter.text() and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                index = key - Qt.Key.Key_1
                if index < len(self.entries):
                    self._pick(self.entries[index][0])
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._chosen(item)
                return True
        return super().eventFilter(watched, event)

    def _chosen(self, item: QListWidgetItem) -> None:
        self._pick(item.data(Qt.ItemDataRole.UserRole))

    def _pick(self, entry: Entry) -> None:
        self.picked.emit(entry)
        self.accept()


class SaveViewDialog(QDialog):
    """A name and "share with the team"; a bad name is said under the field and nothing is saved."""

    def __init__(
        self, on_save: Callable[[str, bool], None], may_share: bool, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save view")
        self.setMinimumWidth(400)
        self.on_save = on_save
        form = QFormLayout(self)
        self.name = QLineEdit(name, self)
        self.name.setMaxLength(VIEW_NAME_MAX + 20)  # longer is said in words, not cut silently
        self.name.setAccessibleName("View name")
        label = QLabel("&Name:", self)
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        self.error = QLabel("", self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow("", self.error)
        self.shared = QCheckBox("&Share with the team", self)
        self.shared.setEnabled(may_share)
        self.shared.setToolTip("Everyone sees a shared view; only you (or a lead) may change it")
        form.addRow("", self.shared)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        message = view_name_error(self.name.text())
        if message:
            self.error.setText(message)
            self.error.show()
            return
        self.on_save(self.name.text().strip(), self.shared.isChecked())
        self.accept()
