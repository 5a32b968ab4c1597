"""Ctrl+T on the selection: the tags now, completion from the tags in use (most used first), bulk add and
remove in one write; a bad tag is said under the field and nothing is stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.harness import App, settled
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.tickets.model import TICKET_ID_ROLE

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


def _select(app: App, ids: set[int]) -> None:
    selection = QItemSelection()
    for row in range(app.model.rowCount()):
        if app.model.index(row, 0).data(TICKET_ID_ROLE) in ids:
            selection.select(app.model.index(row, 0), app.model.index(row, app.model.columnCount() - 1))
    app.tab.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _open(qtbot: QtBot, app: App):  # type: ignore[no-untyped-def]
    app.window.activateWindow()
    app.tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.tab.table)
    qtbot.keyClick(app.tab.table, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: app.tab.tag_dialog is not None and app.tab.tag_dialog.isVisible(), timeout=5000)
    return app.tab.tag_dialog


def test_bulk_tags_with_completion(qtbot: QtBot, open_app, service: TicketService) -> None:
    ids = [service.create(TicketDraft(f"T{i}", "x", Category.BILLING, Priority.LOW)).id for i in range(3)]
    tags = TagService(service.database)
    tags.change(ids, add=["printer"])
    tags.change(ids[:1], add=["privacy", "vip"])
    app = open_app()
    _select(app, {ids[0], ids[1]})
    dialog = _open(qtbot, app)
    assert dialog.current.text() == "printer, privacy (1), vip (1)"
    qtbot.waitUntil(lambda: dialog.known.stringList()[:2] == ["printer", "privacy"], timeout=5000)
    completer = dialog.add.completer()
    completer.setCompletionPrefix("pri")
    assert [completer.completionModel().index(r, 0).data() for r in range(2)] == ["printer", "privacy"]
    assert completer.pathFromIndex(completer.completionModel().index(1, 0)) == "privacy, "

    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    dialog.add.setText("Needs Review, a;b")
    save.click()
    assert dialog.error.isVisible() and "holds ';'" in dialog.error.text()
    assert service.get(ids[1]).tags == ("printer",)  # nothing stored

    dialog.add.setText("Needs Review, urgent")
    dialog.remove.setText("printer")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        save.click()
    assert [service.get(i).tags for i in ids] == [
        ("needs-review", "privacy", "urgent", "vip"),
        ("needs-review", "urgent"),
        ("printer",),
    ]
    qtbot.waitUntil(lambda: app.tab.tag_dialog is None, timeout=5000)
    qtbot.waitUntil(lambda: settled(app.model), timeout=5000)
    app.context.tasks.wait_idle()
