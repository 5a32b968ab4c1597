"""The tickets table by keyboard, and what it shows: the context menu on exactly the selection, focus
that leaves the table, F2 / shortcuts / Ctrl+G, the sort arrow, readable titles, rows that follow the
filter, times, and the first-launch state on each backend."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit
from pytestqt.exceptions import TimeoutError  # noqa: A004 - waitUntil's, not the builtin
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import App, load_all, settled
from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.theme import ThemeManager
from ticketflow_desktop.ui.tickets.model import COL_CREATED, COL_STATUS, COL_TITLE, COL_UPDATED, TICKET_ID_ROLE

FLAGS = QItemSelectionModel.SelectionFlag
# The offscreen platform says these when a popup or dialog opens; they mean nothing there.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard", "does not support propagateSizeHints"
)


def _create(service: TicketService, n: int) -> list[int]:
    return [
        service.create(TicketDraft(f"Ticket {i}", f"Details of ticket {i}.", Category.GENERAL, Priority.LOW)).id
        for i in range(n)
    ]


def _select_rows(app: App, rows: list[int]) -> None:
    """Select these rows the way Ctrl+click / Ctrl+Space does, the last one current."""
    selection = app.tab.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(app.model.index(row, 0), FLAGS.Select | FLAGS.Rows)
    selection.setCurrentIndex(app.model.index(rows[-1], COL_TITLE), FLAGS.NoUpdate)


def _focus_table(qtbot: QtBot, app: App) -> None:
    app.window.activateWindow()
    app.tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.tab.table)


def _row_of(app: App, ticket_id: int) -> int:
    row = app.model.row_of(ticket_id)
    assert row is not None
    return row


# --- 2: the context-menu key acts on exactly the selection ------------------------------------------


def test_menu_key_opens_the_menu_at_the_current_row_for_exactly_the_selected_rows(
    qtbot: QtBot, open_app, service
) -> None:
    ids = _create(service, 8)
    app = open_app()
    table = app.tab.table
    _focus_table(qtbot, app)
    _select_rows(app, [2, 4])
    picked = app.tab.selected_ids()
    assert len(picked) == 2

    qtbot.keyClick(table, Qt.Key.Key_Menu)
    menu = app.tab.context_menu
    qtbot.waitUntil(menu.isVisible)
    assert app.tab.selected_ids() == picked  # the selection was not collapsed
    row_rect = table.visualRect(app.model.index(4, COL_TITLE))
    assert abs(menu.pos().y() - table.viewport().mapToGlobal(row_rect.bottomLeft()).y()) <= 2  # at row 4
    status_menu = next(a.menu() for a in menu.actions() if a.text() == "Set status of 2 tickets")
    next(a for a in status_menu.actions() if a.text() == "Set status: In progress").trigger()
    menu.close()

    qtbot.waitUntil(
        lambda: {i for i, t in service.get_many(ids).items() if t.status is Status.IN_PROGRESS} == set(picked),
        timeout=5000,
    )
    app.context.tasks.wait_idle()
    assert {i for i, t in service.get_many(ids).items() if t.status is Status.IN_PROGRESS} == set(picked)


def test_shift_f10_opens_the_same_menu_and_keeps_the_selection(qtbot: QtBot, open_app, service) -> None:
    _create(service, 6)
    app = open_app()
    _focus_table(qtbot, app)
    _select_rows(app, [1, 3, 5])
    picked = app.tab.selected_ids()
    qtbot.keyClick(app.tab.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(app.tab.context_menu.isVisible)
    titles = [a.text() for a in app.tab.context_menu.actions()]
    assert "Set priority of 3 tickets" in titles
    assert app.tab.selected_ids() == picked
    app.tab.context_menu.close()


# --- 7: Tab leaves the table; Ctrl+Tab is the window's ------------------------------------------------


def test_tab_leaves_the_table_for_the_detail_panel_and_shift_tab_comes_back(qtbot: QtBot, open_app, service) -> None:
    _create(service, 5)
    app = open_app()
    _focus_table(qtbot, app)
    _select_rows(app, [0])
    qtbot.keyClick(app.tab.table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and app.tab.detail.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is app.tab.table


def test_ctrl_tab_in_the_table_reaches_the_tab_widget(qtbot: QtBot, open_app, service) -> None:
    """Ctrl+Tab in the table switches to the next tab; the table does not take it to move a cell."""
    _create(service, 5)
    app = open_app()
    _focus_table(qtbot, app)
    _select_rows(app, [0])
    current = app.tab.table.currentIndex()
    assert app.window.tabs.currentWidget() is app.tab
    qtbot.keyClick(app.tab.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert app.window.tabs.currentWidget() is app.window.dashboard_tab
    assert app.tab.table.currentIndex() == current


# --- 8: F2, Enter, status/priority shortcuts, Ctrl+G --------------------------------------------------


def test_f2_edits_the_title_and_enter_saves_it(qtbot: QtBot, open_app, service) -> None:
    ids = _create(service, 3)
    app = open_app()
    table = app.tab.table
    _focus_table(qtbot, app)
    row = _row_of(app, ids[1])
    table.selectionModel().setCurrentIndex(app.model.index(row, COL_TITLE), FLAGS.ClearAndSelect | FLAGS.Rows)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Ticket 1"
    editor.selectAll()
    qtbot.keyClicks(editor, "Printer jams ")
    editor.insert("新")  # QTest types Latin-1 only; the rest of the title as an input method gives it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.model.index(row, COL_TITLE).data() == "Printer jams 新")  # the delegate commits queued
    assert QApplication.focusWidget() is table
    qtbot.waitUntil(lambda: service.get(ids[1]).title == "Printer jams 新", timeout=5000)
    app.context.tasks.wait_idle()


def test_status_and_priority_shortcuts_change_the_selection(qtbot: QtBot, open_app, service) -> None:
    ids = _create(service, 5)
    app = open_app()
    table = app.tab.table
    _focus_table(qtbot, app)
    _select_rows(app, [0, 2])
    picked = set(app.tab.selected_ids())
    qtbot.keyClick(table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3: Resolved
    assert {app.model.index(r, COL_STATUS).data() for r in (0, 2)} == {"Resolved"}
    qtbot.keyClick(table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)

    def stored() -> dict[int, tuple[Status, Priority]]:
        return {i: (t.status, t.priority) for i, t in service.get_many(ids).items()}

    qtbot.waitUntil(
        lambda: {i for i, v in stored().items() if v == (Status.RESOLVED, Priority.CRITICAL)} == picked, timeout=5000
    )
    app.context.tasks.wait_idle()
    assert all(v == (Status.OPEN, Priority.LOW) for i, v in stored().items() if i not in picked)
    # The same actions are in the context menu, with their shortcuts.
    status_actions = app.tab.ticket_actions.set_value["status"]
    # In the menu in workflow order; "Waiting on customer" came later, so Alt+3 and Alt+4 kept theirs.
    assert [a.shortcut().toString() for a in status_actions] == ["Alt+1", "Alt+2", "Alt+5", "Alt+3", "Alt+4"]
    assert all(a.property("help_group") == "Tickets" for a in status_actions)
    assert status_actions[0] in app.tab.ticket_actions.submenus["status"].actions()


def test_ctrl_g_selects_a_ticket_by_number_or_says_it_does_not_exist(qtbot: QtBot, open_app, service) -> None:
    ids = _create(service, 5)
    elsewhere = ids[3]
    service.update(elsewhere, TicketChanges(status=Status.RESOLVED), 1)
    app = open_app()
    app.tab.filter_bar.choose("status", Status("open"))
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 4, timeout=5000)
    _focus_table(qtbot, app)

    def go_to(text: str) -> None:
        _focus_table(qtbot, app)  # offscreen, closing a dialog activates no window
        qtbot.keyClick(app.tab.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        dialog = app.tab.go_to_dialog
        assert dialog is not None and dialog.isVisible()
        field = dialog.findChild(QLineEdit)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    go_to(str(ids[1]))
    qtbot.waitUntil(lambda: app.tab.selected_ids() == [ids[1]], timeout=5000)

    go_to(str(elsewhere))  # filtered out: shown all the same, and said so
    qtbot.waitUntil(lambda: app.tab.detail.ticket_id == elsewhere, timeout=5000)
    qtbot.waitUntil(lambda: any(f"#{elsewhere} is not among the rows" in t for t in app.window.toasts.visible_texts))

    go_to("9999")
    qtbot.waitUntil(lambda: "There is no ticket #9999." in app.window.toasts.visible_texts, timeout=5000)
    go_to("99999999999")  # beyond any id the database can hold
    qtbot.waitUntil(lambda: "There is no ticket #99999999999." in app.window.toasts.visible_texts, timeout=5000)
    go_to("printer")
    qtbot.waitUntil(lambda: "“printer” is not a ticket number." in app.window.toasts.visible_texts, timeout=5000)


# --- 11: the sort arrow ----------------------------------------------------------------------------


def _arrow_points_down(app: App, column: int) -> bool:
    """Read the header's pixels: is the sort arrow of `column` widest at its top (▼)?"""
    header = app.tab.table.horizontalHeader()
    image: QImage = header.grab().toImage()
    ratio = image.devicePixelRatio()
    end = int((header.sectionViewportPosition(column) + header.sectionSize(column)) * ratio)
    xs = range(end - int(30 * ratio), end - int(3 * ratio))  # the section's right end, not its border
    ys = range(int(4 * ratio), image.height() - int(4 * ratio))  # nor its top and bottom lines
    colours = Counter(image.pixel(x, y) for x in xs for y in ys)
    background = QColor(colours.most_common(1)[0][0])

    def ink(x: int, y: int) -> bool:
        return abs(image.pixelColor(x, y).lightness() - background.lightness()) > 40

    # The arrow: the rightmost run of columns with ink (the caption's last letters may sit left of it).
    inked = [x for x in xs if any(ink(x, y) for y in ys)]
    assert inked, "no sort arrow drawn"
    arrow = [inked[-1]]
    for x in reversed(inked[:-1]):
        if x != arrow[-1] - 1:
            break
        arrow.append(x)
    widths = [w for y in ys if (w := sum(ink(x, y) for x in arrow))]
    assert len(widths) >= 3, "no sort arrow drawn"
    return widths[0] > widths[-1]


def test_sort_arrow_points_down_for_newest_first_and_up_for_ascending(qtbot: QtBot, open_app, service) -> None:
    _create(service, 3)
    app = open_app()
    assert app.model.sort_order.descending  # newest first
    assert _arrow_points_down(app, COL_CREATED)
    app.tab.table.horizontalHeader().sectionClicked.emit(COL_TITLE)  # titles A to Z
    qtbot.waitUntil(lambda: settled(app.model), timeout=5000)
    assert not app.model.sort_order.descending
    assert not _arrow_points_down(app, COL_TITLE)


# --- 13: readable titles --------------------------------------------------------------------------


def test_title_takes_the_spare_width_and_its_tooltip_holds_title_and_description(
    qtbot: QtBot, open_app, service
) -> None:
    title = ("<b>Bold?</b> & 😀 " + "Printer on the third floor jams " * 7)[:200]
    description = "First line of the description.\n" + "x" * 500
    ticket = service.create(TicketDraft(title, description, Category.TECHNICAL, Priority.HIGH))
    app = open_app()
    header = app.tab.table.horizontalHeader()
    assert header.sectionResizeMode(COL_TITLE) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(COL_CREATED) == QHeaderView.ResizeMode.Interactive
    tip = app.model.index(_row_of(app, ticket.id), COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    document.setHtml(tip)
    shown = document.toPlainText()
    assert shown.startswith(title + "\n")  # the whole title, its markup shown as typed
    assert "First line of the description." in shown
    assert "x" * 250 in shown and "x" * 320 not in shown  # the description's start, not all of it


def _whole_rows_visible(app: App) -> int:
    table = app.tab.table
    viewport = table.viewport().rect()
    return sum(1 for row in range(app.model.rowCount()) if viewport.contains(table.visualRect(app.model.index(row, 0))))


def _layout(app: App) -> str:
    """What the window gave the table, for a failure's message."""
    tab, splitter = app.tab, app.tab.splitter
    return (
        f"window {app.window.size().toTuple()}, tab {tab.size().toTuple()}, splitter {splitter.size().toTuple()} "
        f"{splitter.orientation().name} {splitter.sizes()}, table viewport {tab.table.viewport().size().toTuple()}, "
        f"rows {app.model.rowCount()}, whole rows {_whole_rows_visible(app)}"
    )


def test_ten_rows_show_at_800x600_and_at_960x540(qtbot: QtBot, make_app, seed, themed: ThemeManager) -> None:
    seed(30)
    for size, name in (((800, 600), "a.ini"), ((960, 540), "b.ini")):
        app = make_app(settings_name=name, size=size, tab="tickets", theme=themed)
        load_all(qtbot, app.model)
        qtbot.waitUntil(lambda app=app: app.tab.stack.currentWidget() is app.tab.splitter)
        try:  # the layout settles once the queues, the identity and the first ticket have arrived
            qtbot.waitUntil(lambda app=app: _whole_rows_visible(app) >= 10, timeout=5000)
        except (AssertionError, TimeoutError) as error:
            raise AssertionError(_layout(app)) from error
    app.window.resize(800, 900)  # taller, then back down to 800x600: the table keeps its ten rows
    try:
        qtbot.waitUntil(lambda: _whole_rows_visible(app) > 10, timeout=5000)  # the layout took the new height
    except (AssertionError, TimeoutError) as error:
        raise AssertionError(_layout(app)) from error
    app.window.resize(800, 600)
    try:
        qtbot.waitUntil(lambda: _whole_rows_visible(app) >= 10, timeout=5000)
    except (AssertionError, TimeoutError) as error:
        raise AssertionError(_layout(app)) from error


# --- 17: rows follow a colleague's change ----------------------------------------------------------


def test_a_row_a_colleague_moves_out_of_the_filter_leaves_and_the_count_follows(
    qtbot: QtBot, open_app, service, other_service
) -> None:
    ids = _create(service, 5)
    app = open_app()
    app.tab.filter_bar.choose("status", Status.OPEN)
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 5, timeout=5000)
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "5 tickets", timeout=5000)

    other_service.update(ids[2], TicketChanges(status=Status.RESOLVED), 1)
    qtbot.waitUntil(lambda: app.model.rowCount() == 4, timeout=5000)
    assert ids[2] not in [app.model.index(r, 0).data(TICKET_ID_ROLE) for r in range(4)]
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "4 tickets", timeout=5000)

    other_service.update(ids[2], TicketChanges(status=Status.OPEN), 2)  # and back in
    qtbot.waitUntil(lambda: app.model.rowCount() == 5, timeout=5000)
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "5 tickets", timeout=5000)


# --- 18: one time format per column ----------------------------------------------------------------


# SQLite: the test's clock stamps the tickets (PostgreSQL stamps them with its own clock).
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_times_read_as_ages_up_to_a_week_then_as_dates(qtbot: QtBot, open_app, service, clock) -> None:
    clock.advance(timedelta(days=-10))
    old = service.create(TicketDraft("Old one", "From ten days ago.", Category.GENERAL, Priority.LOW))
    clock.advance(timedelta(days=6))
    recent = service.create(TicketDraft("Recent one", "From four days ago.", Category.GENERAL, Priority.LOW))
    clock.advance(timedelta(days=4))
    app = open_app()
    old_row, recent_row = _row_of(app, old.id), _row_of(app, recent.id)
    assert app.model.index(recent_row, COL_CREATED).data() == "4d ago"
    assert app.model.index(old_row, COL_UPDATED).data() == old.updated_at.astimezone().strftime("%d %b %Y")
    tip = app.model.index(old_row, COL_CREATED).data(Qt.ItemDataRole.ToolTipRole)
    assert old.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") in tip


# --- 5: sample tickets only into an empty embedded database ---------------------------------------


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_first_launch_offers_sample_tickets_only_on_sqlite(qtbot: QtBot, open_app, service, database_url) -> None:
    app = open_app()
    page = app.tab.state_page
    assert app.model.state == "first_launch"
    assert page.heading.text() == "No tickets yet"
    if database_url.startswith("sqlite"):
        assert page.button.isVisibleTo(page) and page.button.text() == "Load sample tickets"
        page.button.click()
        qtbot.waitUntil(lambda: app.model.state == "ready", timeout=15_000)
        assert service.count().value == 300
        qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "300 tickets")
        return
    assert "ticketflow seed --count N" in page.body.text()
    assert page.button.text() == "Submit the first ticket"
    page.button.click()
    assert app.window.tabs.currentWidget() is app.window.submit_tab
    app.context.tasks.wait_idle()
    assert service.count().value == 0
