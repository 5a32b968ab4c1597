"""An agent's day by keyboard alone: submit, search, filter, open, edit the title, change status, a
bulk change and its undo, the dashboard, settings and the shortcut list. Every step is a key event
sent to whatever has the focus, as a keyboard-only agent would; each result is read where a user
sees it (the table's rows, the fields) and where it lasts (the database)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import settled
from ticketflow_desktop.domain import Category, Priority, Status, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SEEDED = [
    ("Invoice shows the wrong VAT", Category.BILLING, Priority.MEDIUM),
    ("Refund still missing", Category.BILLING, Priority.HIGH),
    ("Cannot reset my password", Category.ACCOUNT, Priority.HIGH),
    ("Export to PDF crashes", Category.TECHNICAL, Priority.CRITICAL),
]


@pytest.fixture
def window(make_app, sqlite_url: str) -> MainWindow:
    return make_app(url=sqlite_url, offline=True, tab=None).window


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key to whatever has the focus (the app's own windows only)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def tab_to(qtbot: QtBot, wanted: QWidget, limit: int = 12) -> None:
    """Tab until `wanted` has the focus, as an agent would."""
    for _ in range(limit):
        if QApplication.focusWidget() is wanted:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wanted, f"Tab never reached {wanted.accessibleName() or wanted}"


def test_an_agents_day_by_keyboard_alone(qtbot: QtBot, window: MainWindow, sqlite_url: str) -> None:
    context = window.context
    service: TicketService = context.service  # type: ignore[assignment]
    for title, category, priority in SEEDED:
        service.create(TicketDraft(title, f"{title}, since Monday.", category, priority))
    context.ops.announce(Change.unknown(ChangeKind.RELOAD))
    window.activateWindow()

    # Submit a ticket: Ctrl+N, the fields in Tab order, Ctrl+Enter.
    press(qtbot, Qt.Key.Key_N, CTRL)
    submit = window.submit_tab
    assert window.tabs.currentWidget() is submit and submit.title_edit.hasFocus()
    type_text(qtbot, "Printer jams on floor 3")
    tab_to(qtbot, submit.description_edit)
    type_text(qtbot, "Paper jams every morning since the update.")
    tab_to(qtbot, submit.category_box)
    press(qtbot, Qt.Key.Key_T)  # Technical
    tab_to(qtbot, submit.priority_box)
    press(qtbot, Qt.Key.Key_H)  # High
    assert (submit.category_box.value(), submit.priority_box.value()) == (Category.TECHNICAL, Priority.HIGH)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: service.count().value == 5, timeout=10_000)
    printer = service.page().tickets[0]
    assert (printer.title, printer.category, printer.priority) == ("Printer jams on floor 3", Category.TECHNICAL,
                                                                  Priority.HIGH)  # fmt: skip
    qtbot.waitUntil(lambda: submit.title_edit.hasFocus() and submit.title_edit.text() == "")

    # Search: Ctrl+F goes to the Tickets tab's search box.
    tab = window.tickets_tab
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.tabs.currentWidget() is tab and tab.filter_bar.search.hasFocus()
    type_text(qtbot, "printer")
    qtbot.waitUntil(lambda: settled(tab.model) and tab.model.rowCount() == 1, timeout=10_000)
    assert tab.model.index(0, 1).data() == "Printer jams on floor 3"
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: settled(tab.model) and tab.model.rowCount() == 5, timeout=10_000)

    # Filter: Tab to the category filter and type the first letter of Billing.
    category_filter = tab.filter_bar.choices["category"]
    tab_to(qtbot, category_filter)
    press(qtbot, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: settled(tab.model) and tab.model.rowCount() == 2, timeout=10_000)
    assert {tab.model.index(r, 2).data() for r in range(2)} == {"Billing"}
    press(qtbot, Qt.Key.Key_Home)  # back to "All categories"
    qtbot.waitUntil(lambda: settled(tab.model) and tab.model.rowCount() == 5, timeout=10_000)

    # Open a ticket: Tab into the table; Down and Up select the first (newest) row; the panel shows it.
    tab_to(qtbot, tab.table)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: tab.selected_ids() == [printer.id] and tab.detail.ticket is not None)
    assert tab.detail.title.text() == "Printer jams on floor 3"

    # Edit the title in place: F2, a new title, Enter.
    press(qtbot, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not tab.table and editor.text() == "Printer jams on floor 3"  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Printer jams on floor 3 (tray 2)")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: service.get(printer.id).title == "Printer jams on floor 3 (tray 2)", timeout=10_000)

    # Change the status from the table: Alt+2 is In progress.
    qtbot.waitUntil(tab.table.hasFocus)  # Enter closed the editor: back in the table
    press(qtbot, Qt.Key.Key_2, ALT)
    qtbot.waitUntil(lambda: service.get(printer.id).status is Status.IN_PROGRESS, timeout=10_000)

    # Tab to the detail panel, edit the title there and save with Ctrl+S; Shift+Tab comes back. (As an
    # agent looks first, wait until the panel shows the stored ticket, status change included.)
    qtbot.waitUntil(lambda: tab.detail.ticket is not None and tab.detail.ticket.status is Status.IN_PROGRESS)
    tab_to(qtbot, tab.detail.title)
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " - paper")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: service.get(printer.id).title.endswith(" - paper"), timeout=10_000)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    qtbot.waitUntil(tab.table.hasFocus)

    # A bulk change and its undo: Ctrl+A selects every row, Ctrl+Alt+4 makes them critical, Ctrl+Z undoes.
    before = {t.id: t.priority for t in service.iterate()}
    press(qtbot, Qt.Key.Key_A, CTRL)
    assert len(tab.selected_ids()) == 5
    press(qtbot, Qt.Key.Key_4, CTRL | ALT)
    qtbot.waitUntil(lambda: all(t.priority is Priority.CRITICAL for t in service.iterate()), timeout=10_000)
    # The agent reads the notice, then presses Ctrl+Z (Edit → Undo "priority of 4 tickets").
    qtbot.waitUntil(lambda: "Priority set to Critical on 4 tickets." in window.toasts.visible_texts, timeout=10_000)
    assert window.undo_action.text() == "&Undo priority of 4 tickets"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: {t.id: t.priority for t in service.iterate()} == before, timeout=10_000)

    # The dashboard: Ctrl+3, its numbers.
    press(qtbot, Qt.Key.Key_3, CTRL)
    dashboard = window.dashboard_tab
    assert window.tabs.currentWidget() is dashboard
    qtbot.waitUntil(lambda: dashboard.cards["total"].value.text() == "5", timeout=15_000)

    # The shortcut list (F1) and Settings (Ctrl+,), each closed again with Esc.
    press(qtbot, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.shortcuts_dialog is not None and window.shortcuts_dialog.isVisible())
    assert QApplication.activeModalWidget() is window.shortcuts_dialog or window.shortcuts_dialog.isVisible()
    qtbot.keyClick(window.shortcuts_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.shortcuts_dialog is None or not window.shortcuts_dialog.isVisible())
    press(qtbot, Qt.Key.Key_Comma, CTRL)
    qtbot.waitUntil(lambda: window.settings_dialog is not None and window.settings_dialog.isVisible())
    qtbot.keyClick(window.settings_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.settings_dialog is None or not window.settings_dialog.isVisible())
