"""In-place editing of category, priority and status: a combo that commits as soon as one is picked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ticketflow_desktop.domain import ALLOWED_TRANSITIONS, Status
from ticketflow_desktop.ui.tickets.model import CHOICE_COLUMNS, ENUMS


def choices(field: str, current: str) -> list[tuple[str, str]]:
    """(label, value) pairs the editor offers: for status, the current one and where it may go."""
    enum = ENUMS[field]
    if enum is Status:
        status = Status(current)
        allowed = ALLOWED_TRANSITIONS[status] | {status}
        return [(s.label, s.value) for s in Status if s in allowed]
    return [(m.label, m.value) for m in enum]


class ChoiceDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(f"Change {CHOICE_COLUMNS[index.column()]}")
        combo.setFrame(False)

        # Picking a value is the whole edit: commit and close at once.
        def picked(_index: int) -> None:
            self.commitData.emit(combo)
            self.closeEditor.emit(combo)

        combo.activated.connect(picked)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        editor.clear()
        for label, value in choices(CHOICE_COLUMNS[index.column()], current):
            editor.addItem(label, value)
        editor.setCurrentIndex(max(0, editor.findData(current)))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
