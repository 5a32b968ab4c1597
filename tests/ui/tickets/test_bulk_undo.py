"""A bulk change can be undone (Ctrl+Z or the notice's Undo): each ticket gets its previous value back
through the version check, and one a colleague changed meanwhile keeps the colleague's value."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.services.tickets import TicketService

FLAGS = QItemSelectionModel.SelectionFlag
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def _three_selected(qtbot: QtBot, open_app, service: TicketService):
    ids = [service.create(TicketDraft(f"Ticket {i}", "Details.", Category.BILLING, Priority.LOW)).id for i in range(4)]
    app = open_app()
    selection = app.tab.table.selectionModel()
    for ticket_id in ids[:3]:
        row = app.model.row_of(ticket_id)
        selection.select(app.model.index(row, 0), FLAGS.Select | FLAGS.Rows)
    selection.setCurrentIndex(app.model.index(app.model.row_of(ids[0]), 1), FLAGS.NoUpdate)
    app.window.activateWindow()
    app.tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.tab.table)
    return app, ids


def _undo_toast_buttons(app) -> list[QPushButton]:
    return [b for b in app.window.findChildren(QPushButton) if b.text() == "Undo" and b.isVisible()]


def test_ctrl_z_restores_a_bulk_status_change_except_where_a_colleague_changed_it(
    qtbot: QtBot, open_app, service, other_service
) -> None:
    app, ids = _three_selected(qtbot, open_app, service)
    qtbot.keyClick(app.tab.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Set status: In progress
    qtbot.waitUntil(
        lambda: all(t.status is Status.IN_PROGRESS for t in service.get_many(ids[:3]).values()), timeout=5000
    )
    qtbot.waitUntil(lambda: "Status set to In progress on 3 tickets." in app.window.toasts.visible_texts)
    assert _undo_toast_buttons(app)
    assert app.window.undo_action.isEnabled()

    # A colleague resolves the middle one after our change.
    middle = service.get(ids[1])
    other_service.update(ids[1], TicketChanges(status=Status.RESOLVED), middle.version)

    qtbot.keyClick(app.tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Edit → Undo
    qtbot.waitUntil(lambda: any("Not restored" in t for t in app.window.toasts.visible_texts), timeout=5000)
    stored = service.get_many(ids)
    assert stored[ids[0]].status is Status.OPEN and stored[ids[2]].status is Status.OPEN  # restored
    assert stored[ids[1]].status is Status.RESOLVED  # the colleague's value stays
    assert stored[ids[3]].status is Status.OPEN  # never selected, never touched
    notice = next(t for t in app.window.toasts.visible_texts if "Not restored" in t)
    assert f"#{ids[1]}" in notice and f"#{ids[0]}" not in notice and "changed by someone else" in notice
    assert "2 of 3" in notice
    app.context.tasks.wait_idle()


def test_the_notices_undo_button_restores_a_bulk_priority_change(qtbot: QtBot, open_app, service) -> None:
    app, ids = _three_selected(qtbot, open_app, service)
    app.tab.change_selected("priority", Priority.CRITICAL)
    qtbot.waitUntil(lambda: len(_undo_toast_buttons(app)) == 1, timeout=5000)
    assert all(t.priority is Priority.CRITICAL for t in service.get_many(ids[:3]).values())
    _undo_toast_buttons(app)[0].click()
    qtbot.waitUntil(lambda: "Restored the priority of 3 tickets." in app.window.toasts.visible_texts, timeout=5000)
    assert all(t.priority is Priority.LOW for t in service.get_many(ids).values())
    assert not app.window.undo_action.isEnabled()  # undone once, not twice
    app.context.tasks.wait_idle()
