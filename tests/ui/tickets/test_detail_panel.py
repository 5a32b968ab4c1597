"""The detail panel changes nothing the agent did not change, works by keyboard, and tells the truth
about what it shows (nothing selected, or a ticket that has left the list)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import App
from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft, TicketFilter
from ticketflow_desktop.domain.validation import TITLE_MAX
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.tickets.detail import TicketDetail

LIVE_MS = 2000
# The offscreen platform says this whenever a dialog's size limits change; it means nothing there.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _exactly_the_limit(pattern: str) -> str:
    text = (pattern * TITLE_MAX)[:TITLE_MAX]
    assert len(text) == TITLE_MAX and text == text.strip()
    return text


# Each exactly TITLE_MAX code points (the domain's count), the way agents and customers write them.
FULL_TITLES = {
    "emoji": _exactly_the_limit("🖨😀🎉👩‍💻🚀👍🏽"),  # outside the BMP: 2 UTF-16 units each
    "combining": _exactly_the_limit("Cafe\u0301 na\u0308ive Z\u0336\u0335a\u0301"),
    "cjk": _exactly_the_limit("打印机无法连接网络𠀀𠀁"),  # with CJK Extension B (outside the BMP)
    "rtl": _exactly_the_limit("الطابعة لا تعمل #42 המדפסת לא עובדת, "),
}


def _open_with(qtbot: QtBot, open_app, ticket_id: int, **kwargs) -> tuple[App, TicketDetail]:
    app = open_app(**kwargs)
    app.tab.select_ticket(ticket_id)
    detail = app.tab.detail
    qtbot.waitUntil(lambda: detail.ticket is not None and detail.ticket.id == ticket_id, timeout=5000)
    return app, detail


def _activate(qtbot: QtBot, app: App, widget: QWidget) -> None:
    """Keys go where a user's would: the window active, the widget focused."""
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _choose_status(detail: TicketDetail, status: Status) -> None:
    combo = detail.combos["status"]
    combo.setCurrentIndex(combo.findData(status.value))


def _confirmation(window: QWidget) -> QMessageBox | None:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    return boxes[0] if boxes else None


# --- 1. nothing stored is changed by the panel -----------------------------------------------------


@pytest.mark.parametrize("kind", FULL_TITLES)
def test_a_full_length_title_is_shown_whole_and_a_status_save_keeps_it(
    qtbot: QtBot, open_app, service: TicketService, kind: str
) -> None:
    title = FULL_TITLES[kind]
    ticket = service.create(TicketDraft(title, "Nothing else.", Category.TECHNICAL, Priority.LOW))
    assert service.get(ticket.id).title == title
    _app, detail = _open_with(qtbot, open_app, ticket.id)
    assert detail.title.text() == title  # shown whole: the field cuts nothing
    assert not detail.save_button.isEnabled()  # nothing was changed, so nothing to save
    _choose_status(detail, Status.IN_PROGRESS)
    assert detail.save_button.isEnabled()
    detail.save_button.click()
    qtbot.waitUntil(lambda: service.get(ticket.id).status is Status.IN_PROGRESS, timeout=5000)
    assert service.get(ticket.id).title == title
    assert [e.field for e in service.events(ticket.id)] == ["created", "status"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_description_the_editor_would_rewrite_is_kept_as_stored(qtbot: QtBot, open_app, service) -> None:
    # A text editor shows a no-break space as a space and Windows line ends as one line break; an
    # untouched description must still be saved (or rather: not saved) exactly as stored.
    description = "Room\u00a012 printer\r\nsecond line\u2028third"
    ticket = service.create(TicketDraft("Printer", description, Category.TECHNICAL, Priority.LOW))
    assert service.get(ticket.id).description == description
    _app, detail = _open_with(qtbot, open_app, ticket.id)
    assert not detail.save_button.isEnabled()
    _choose_status(detail, Status.IN_PROGRESS)
    detail.save()
    qtbot.waitUntil(lambda: service.get(ticket.id).status is Status.IN_PROGRESS, timeout=5000)
    assert service.get(ticket.id).description == description


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_typing_past_the_limit_is_explained_under_the_title_and_save_refuses(qtbot: QtBot, open_app, service) -> None:
    title = FULL_TITLES["emoji"]
    ticket = service.create(TicketDraft(title, "Nothing else.", Category.TECHNICAL, Priority.LOW))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    assert not detail.title_error.isVisible()
    _activate(qtbot, app, detail.title)
    detail.title.end(False)
    QTest.keyClicks(detail.title, "!")
    assert detail.title.text() == title + "!"  # the widget refuses nothing; the domain's rule explains
    assert detail.title_error.isVisible()
    assert detail.title_error.text() == f"Title is {TITLE_MAX + 1} characters; the limit is {TITLE_MAX}."
    QTest.keyClick(detail.title, Qt.Key.Key_Return)
    assert detail.message.isVisible() and detail.message.text() == detail.title_error.text()
    QTest.keyClick(detail.title, Qt.Key.Key_Backspace)
    assert not detail.title_error.isVisible()
    assert not detail.save_button.isEnabled()  # back to the stored title: nothing to save
    app.context.tasks.wait_idle()
    assert service.get(ticket.id).title == title
    assert service.get(ticket.id).version == ticket.version


# --- 3 and 8. the keyboard -------------------------------------------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_tab_leaves_the_description_and_shift_tab_comes_back(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    _activate(qtbot, app, detail.description)
    QTest.keyClick(detail.description, Qt.Key.Key_Tab)
    assert detail.description.toPlainText() == "Out of toner"
    assert not detail.description.hasFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert detail.description.hasFocus()
    assert not detail.save_button.isEnabled()


def test_ctrl_s_saves_the_detail_panel(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    save = [a for a in detail.actions() if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)]
    assert len(save) == 1 and save[0].property("help_group") == "Ticket detail" and save[0].text()
    assert save[0].shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    _choose_status(detail, Status.IN_PROGRESS)
    _activate(qtbot, app, detail.description)
    detail.description.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(detail.description, " and paper")
    QTest.keyClick(detail.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: service.get(ticket.id).status is Status.IN_PROGRESS, timeout=5000)
    assert service.get(ticket.id).description == "Out of toner and paper"
    qtbot.waitUntil(lambda: not detail.save_button.isEnabled())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_enter_in_the_title_saves(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    _activate(qtbot, app, detail.title)
    detail.title.end(False)
    QTest.keyClicks(detail.title, " on floor 2")
    QTest.keyClick(detail.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: service.get(ticket.id).title == "Printer on floor 2", timeout=5000)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_esc_reverts_unsaved_edits_after_a_confirmation(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    revert = [a for a in detail.actions() if a.shortcut() == QKeySequence(Qt.Key.Key_Escape)]
    assert len(revert) == 1 and revert[0].property("help_group") == "Ticket detail"
    _activate(qtbot, app, detail.description)
    detail.description.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(detail.description, " and paper")

    QTest.keyClick(detail.description, Qt.Key.Key_Escape)
    box = _confirmation(app.window)
    assert box is not None and "#1" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # keep editing
    qtbot.waitUntil(lambda: _confirmation(app.window) is None)
    assert detail.description.toPlainText() == "Out of toner and paper"

    QTest.keyClick(detail.description, Qt.Key.Key_Escape)
    box = _confirmation(app.window)
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: detail.description.toPlainText() == "Out of toner")
    assert not detail.save_button.isEnabled()
    app.context.tasks.wait_idle()
    assert service.get(ticket.id).version == ticket.version


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_esc_without_edits_asks_nothing_and_still_dismisses_a_notice(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    app.context.notices.info("Something happened.")
    assert app.window.toasts.visible_texts == ["Something happened."]
    _activate(qtbot, app, detail.title)
    QTest.keyClick(detail.title, Qt.Key.Key_Escape)
    assert _confirmation(app.window) is None
    qtbot.waitUntil(lambda: app.window.toasts.visible_texts == [])


# --- 12. the truth about what the panel shows ------------------------------------------------------


def _empty_state_shown(detail: TicketDetail) -> bool:
    return detail.empty_state.isVisible() and not detail.form.isVisible() and not detail.history.isVisible()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_with_nothing_selected_the_panel_says_so(qtbot: QtBot, open_app, seed) -> None:
    seed(5)
    app = open_app()
    detail = app.tab.detail
    assert _empty_state_shown(detail)
    texts = [label.text() for label in detail.empty_state.findChildren(type(detail.heading))]
    assert "No ticket selected" in texts
    assert not detail.save_button.isVisible() and not detail.reload_button.isVisible()

    app.tab.table.selectRow(2)
    qtbot.waitUntil(lambda: detail.ticket is not None and detail.form.isVisible())
    assert not detail.empty_state.isVisible() and detail.form.isEnabled()

    app.tab.table.clearSelection()  # e.g. Ctrl+click on the selected row
    qtbot.waitUntil(lambda: _empty_state_shown(detail))


def test_a_ticket_a_filter_leaves_out_is_reported_and_can_be_kept_in_view(qtbot: QtBot, open_app, service) -> None:
    low = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    service.create(TicketDraft("Server down", "All of it", Category.BILLING, Priority.HIGH))
    app, detail = _open_with(qtbot, open_app, low.id)
    assert not detail.left_notice.isVisible()
    app.tab.filter_bar.set_filter(TicketFilter(priority=Priority.HIGH))
    qtbot.waitUntil(detail.left_notice.isVisible, timeout=5000)
    assert f"Ticket #{low.id} is no longer in this list" in detail.left_notice.message.text()
    assert app.tab.selected_ids() == []
    assert detail.title.text() == "Printer"  # still there, and said to be outside the list

    detail.left_notice.keep_viewing_button.click()
    assert not detail.left_notice.isVisible() and detail.form.isVisible()

    app.tab.filter_bar.set_filter(TicketFilter(priority=Priority.HIGH, category=Category.BILLING))
    qtbot.waitUntil(lambda: app.model.state == "ready", timeout=5000)
    assert not detail.left_notice.isVisible()  # kept in view while the agent looks at it

    app.tab.filter_bar.clear()
    qtbot.waitUntil(lambda: app.tab.selected_ids() == [low.id], timeout=5000)
    assert not detail.left_notice.isVisible()


def test_a_colleagues_change_that_takes_the_ticket_out_of_the_list_keeps_my_edits(
    qtbot: QtBot, open_app, service, other_service
) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    app = open_app()
    app.tab.filter_bar.set_filter(TicketFilter(status=Status.OPEN))
    app.tab.select_ticket(ticket.id)
    detail = app.tab.detail
    qtbot.waitUntil(lambda: detail.ticket is not None and app.tab.selected_ids() == [ticket.id], timeout=5000)
    detail.title.setText("Printer on floor 2")  # an unsaved edit
    other_service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)

    qtbot.waitUntil(detail.left_notice.isVisible, timeout=LIVE_MS + 3000)
    text = detail.left_notice.message.text()
    assert f"Ticket #{ticket.id} is no longer in this list" in text and "unsaved edits" in text
    assert detail.title.text() == "Printer on floor 2"
    detail.save()  # finish the edit (the colleague changed another field: both are kept)
    qtbot.waitUntil(lambda: service.get(ticket.id).title == "Printer on floor 2", timeout=5000)
    assert service.get(ticket.id).status is Status.RESOLVED

    qtbot.waitUntil(lambda: "unsaved edits" not in detail.left_notice.message.text())
    assert detail.left_notice.isVisible()  # saved, and still not in the list
    detail.left_notice.close_button.click()
    qtbot.waitUntil(lambda: _empty_state_shown(detail))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_closing_a_ticket_that_left_with_unsaved_edits_asks_first(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.TECHNICAL, Priority.LOW))
    service.create(TicketDraft("Server down", "All of it", Category.BILLING, Priority.HIGH))
    app, detail = _open_with(qtbot, open_app, ticket.id)
    detail.title.setText("Printer on floor 2")
    app.tab.filter_bar.set_filter(TicketFilter(priority=Priority.HIGH))
    qtbot.waitUntil(detail.left_notice.isVisible, timeout=5000)
    detail.left_notice.close_button.click()
    box = _confirmation(app.window)
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: _empty_state_shown(detail))
    app.tab.filter_bar.clear()
    app.tab.select_ticket(ticket.id)
    qtbot.waitUntil(lambda: detail.ticket is not None and detail.ticket.id == ticket.id, timeout=5000)
    assert detail.title.text() == "Printer"  # discarded, not kept as a draft
    assert service.get(ticket.id).title == "Printer"
