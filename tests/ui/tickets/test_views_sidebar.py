"""The views sidebar: queues and saved views with live counts capped as the table's; Ctrl+K and a number
jumps to a view and filters the table; Save view… keeps the filters; the view and the filter bar survive a
restart; a narrow window folds the sidebar away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.harness import App, settled
from tests.ui.tickets.conftest import shown_ids
from ticketflow_desktop.domain import (
    Category,
    Priority,
    Sort,
    SortKey,
    Status,
    TicketChanges,
    TicketDraft,
    TicketFilter,
)
from ticketflow_desktop.domain.views import ViewSpec
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.views import ViewService
from ticketflow_desktop.ui.changes import Change, ChangeKind

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


def _tickets(service: TicketService) -> dict[str, list[int]]:
    """Newest first, as the table lists them: two high (one in progress), two low; the high ones tagged vip."""

    def new(title: str, priority: Priority) -> int:
        return service.create(TicketDraft(title, "Details.", Category.BILLING, priority)).id

    low = [new("Low 1", Priority.LOW), new("Low 2", Priority.LOW)]
    high = [new("High 1", Priority.HIGH), new("High 2", Priority.HIGH)]
    service.update(high[0], TicketChanges(status=Status.IN_PROGRESS), 1)
    TagService(service.database).change(high, add=["vip"])
    return {"low": low[::-1], "high": high[::-1]}


def _labels(app: App) -> list[str]:
    sidebar = app.tab.view_sidebar.list
    return [sidebar.item(row).text() for row in range(sidebar.count())]


def _focus_table(qtbot: QtBot, app: App) -> None:
    app.window.activateWindow()
    app.tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.tab.table)


def test_views_are_listed_with_the_services_counts_which_follow_a_change(
    qtbot: QtBot, open_app, service: TicketService, other_service: TicketService
) -> None:
    made = _tickets(service)
    views = ViewService(service.database)
    views.save("VIP", ViewSpec(TicketFilter(tags=("vip",))))
    views.save("Working", ViewSpec(TicketFilter(status=(Status.OPEN, Status.IN_PROGRESS))), shared=True)
    app = open_app()
    qtbot.waitUntil(lambda: "VIP · 2" in _labels(app) and "Working (shared) · 4" in _labels(app), timeout=5000)
    qtbot.waitUntil(lambda: "All open · 3" in _labels(app), timeout=5000)  # the queues' counts, as their bar's
    assert _labels(app)[0].startswith("Mine")

    TagService(other_service.database).add(made["low"][0], "VIP")
    other_service.update(made["low"][1], TicketChanges(status=Status.CLOSED), 1)
    app.context.ops.announce(Change.of(set(made["low"]), ChangeKind.BY_COLLEAGUE))
    qtbot.waitUntil(lambda: "VIP · 3" in _labels(app) and "Working (shared) · 3" in _labels(app), timeout=5000)
    app.context.tasks.wait_idle()


def test_a_views_count_beyond_the_cap_reads_as_the_tables_does(qtbot: QtBot, open_app, seed, service) -> None:
    seed(1_005)
    ViewService(service.database).save("Everything", ViewSpec(TicketFilter(assignee="")))
    app = open_app()
    qtbot.waitUntil(lambda: "Everything · 1,000+" in _labels(app), timeout=10_000)
    app.context.tasks.wait_idle()


def test_ctrl_k_and_a_number_jump_to_a_view_which_filters_and_sorts_the_table(
    qtbot: QtBot, open_app, service: TicketService
) -> None:
    made = _tickets(service)
    view = ViewService(service.database).save(
        "VIP by priority", ViewSpec(TicketFilter(tags=("vip",)), Sort(SortKey.TITLE, descending=False))
    )
    app = open_app()
    qtbot.waitUntil(lambda: any(label.startswith("VIP by priority") for label in _labels(app)), timeout=5000)
    number = 1 + [e[1] for e in app.tab.view_sidebar.entries()].index(view.id)
    _focus_table(qtbot, app)
    qtbot.keyClick(app.tab.table, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: app.tab.view_picker is not None and app.tab.view_picker.isVisible())
    qtbot.keyClick(app.tab.view_picker.filter, Qt.Key(Qt.Key.Key_0 + number))
    qtbot.waitUntil(lambda: app.tab.view_picker is None or not app.tab.view_picker.isVisible())
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == sorted(made["high"]), timeout=5000)
    assert app.tab.view == view and app.model.sort_order == Sort(SortKey.TITLE, descending=False)
    assert app.tab.view_sidebar.list.currentItem().text().startswith("VIP by priority")

    # The filter bar narrows the view further; a queue leaves it.
    app.tab.filter_bar.choose("status", Status.IN_PROGRESS)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == [made["high"][1]], timeout=5000)
    app.tab.choose_queue(None)
    app.tab.clear_all_filters()
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 4, timeout=5000)
    assert app.tab.view is None
    app.context.tasks.wait_idle()


def test_typing_in_the_picker_narrows_it_and_enter_jumps(qtbot: QtBot, open_app, service: TicketService) -> None:
    made = _tickets(service)
    ViewService(service.database).save("Low ones", ViewSpec(TicketFilter(priority=Priority.LOW)))
    app = open_app()
    qtbot.waitUntil(lambda: any(label.startswith("Low ones") for label in _labels(app)), timeout=5000)
    app.tab.open_view_picker()
    picker = app.tab.view_picker
    assert picker is not None
    qtbot.keyClicks(picker.filter, "low")
    assert picker.list.count() == 1
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == made["low"], timeout=5000)
    app.context.tasks.wait_idle()


def test_save_view_keeps_the_filters_and_a_bad_name_is_said(qtbot: QtBot, open_app, service: TicketService) -> None:
    made = _tickets(service)
    app = open_app()
    app.tab.filter_bar.choose("status", Status.OPEN, Status.IN_PROGRESS)
    app.tab.filter_bar.choose("priority", Priority.HIGH)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == made["high"], timeout=5000)
    app.tab.view_sidebar.save_button.click()
    dialog = app.tab.save_view_dialog
    assert dialog is not None
    dialog.name.setText("   ")
    dialog.findChild(type(dialog.shared)).setChecked(True)
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.isVisible() and dialog.error.text() == "A view needs a name."
    dialog.name.setText("Hot work")
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: any(label.startswith("Hot work (shared) · 2") for label in _labels(app)), timeout=5000)
    (saved,) = ViewService(service.database).available()
    assert saved.shared and saved.spec.filter == TicketFilter(
        status=(Status.OPEN, Status.IN_PROGRESS), priority=Priority.HIGH
    )
    assert "title" in saved.spec.columns
    app.context.tasks.wait_idle()


def test_the_view_and_the_filters_survive_a_restart(qtbot: QtBot, open_app, service: TicketService) -> None:
    made = _tickets(service)
    view = ViewService(service.database).save("VIP", ViewSpec(TicketFilter(tags=("vip",))))
    first = open_app(settings_name="restart.ini")
    qtbot.waitUntil(lambda: any(label.startswith("VIP") for label in _labels(first)), timeout=5000)
    first.tab.apply_view(view)
    first.tab.filter_bar.choose("status", Status.IN_PROGRESS)
    qtbot.waitUntil(lambda: settled(first.model) and shown_ids(first.model) == [made["high"][1]], timeout=5000)
    first.window.close()
    first.context.tasks.wait_idle()

    again = open_app(settings_name="restart.ini")
    assert again.tab.filter_bar.current() == TicketFilter(status=Status.IN_PROGRESS)
    qtbot.waitUntil(lambda: again.tab.view == view, timeout=5000)
    qtbot.waitUntil(lambda: settled(again.model) and shown_ids(again.model) == [made["high"][1]], timeout=5000)
    again.context.tasks.wait_idle()


def test_a_narrow_window_folds_the_sidebar_and_ctrl_shift_v_shows_it(qtbot: QtBot, open_app) -> None:
    app = open_app(size=(800, 600))
    qtbot.waitUntil(lambda: settled(app.model), timeout=5000)
    assert not app.tab.view_sidebar.isVisible()
    _focus_table(qtbot, app)
    qtbot.keyClick(app.tab.table, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert app.tab.view_sidebar.isVisible()
    app.window.resize(820, 600)  # still narrow: it stays until hidden
    qtbot.wait(50)
    assert app.tab.view_sidebar.isVisible()
    qtbot.keyClick(app.tab.table, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert not app.tab.view_sidebar.isVisible()
    app.window.resize(1280, 800)
    qtbot.waitUntil(app.tab.view_sidebar.isVisible)
    app.context.tasks.wait_idle()


def test_a_ticket_a_colleague_tags_enters_the_view_and_one_untagged_leaves(
    qtbot: QtBot, open_app, service: TicketService, other_service: TicketService
) -> None:
    made = _tickets(service)
    view = ViewService(service.database).save("VIP", ViewSpec(TicketFilter(tags=("vip",))))
    app = open_app()
    qtbot.waitUntil(lambda: any(label.startswith("VIP") for label in _labels(app)), timeout=5000)
    app.tab.apply_view(view)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == made["high"], timeout=5000)
    colleague = TagService(other_service.database)
    colleague.add(made["low"][0], "vip")
    colleague.remove(made["high"][0], "vip")
    app.context.ops.announce(Change.of({made["low"][0], made["high"][0]}, ChangeKind.BY_COLLEAGUE))
    expected = sorted([made["low"][0], made["high"][1]], reverse=True)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == expected, timeout=5000)
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "2 tickets", timeout=5000)
    app.context.tasks.wait_idle()
