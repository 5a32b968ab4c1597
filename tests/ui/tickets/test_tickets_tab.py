"""The Tickets tab on real databases: what the user sees matches what the service answers."""

from __future__ import annotations

import getpass

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import load_all, settled, shown_ids
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
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.tickets.model import (
    COL_CREATED,
    COL_PRIORITY,
    COL_STATUS,
    COL_TITLE,
    FIRST_PAGE,
    PAGE,
)


def _expected(service: TicketService, filter: TicketFilter, sort: Sort = Sort()) -> list[int]:
    return [t.id for t in service.iterate(filter, sort)]


def test_filters_and_search_show_exactly_the_services_answer(qtbot: QtBot, open_app, seed, service) -> None:
    seed(150)
    app = open_app()
    bar = app.tab.filter_bar
    load_all(qtbot, app.model)
    assert shown_ids(app.model) == _expected(service, TicketFilter())
    qtbot.waitUntil(lambda: bar.count_label.text() == "150 tickets")

    bar.choose("category", Category("technical"))
    bar.choose("priority", Priority("high"))
    load_all(qtbot, app.model)
    wanted = TicketFilter(category=Category.TECHNICAL, priority=Priority.HIGH)
    assert shown_ids(app.model) == _expected(service, wanted)
    assert app.model.rowCount() > 0
    qtbot.waitUntil(lambda: bar.count_label.text().startswith(f"{service.count(wanted)} ticket"))

    bar.clear_button.click()
    some_word = service.page(TicketFilter(), limit=1).tickets[0].title.split()[0]
    qtbot.keyClicks(bar.search, some_word.upper())  # case-insensitive
    qtbot.waitUntil(lambda: app.model.filter.search == some_word.upper(), timeout=2000)
    load_all(qtbot, app.model)
    assert shown_ids(app.model) == _expected(service, TicketFilter(search=some_word))
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)  # Esc clears the search
    assert bar.search.text() == ""
    load_all(qtbot, app.model)
    assert app.model.rowCount() == 150


def test_filters_matching_nothing_show_the_empty_state_and_clear(qtbot: QtBot, open_app, seed) -> None:
    seed(20)
    app = open_app()
    app.tab.filter_bar.search.setText("zzzz-no-such-ticket")
    qtbot.waitUntil(lambda: app.model.state == "empty", timeout=3000)
    page = app.tab.state_page
    assert app.tab.stack.currentWidget() is page
    assert page.heading.text() == "No tickets match these filters"
    assert page.button.text() == "Clear filters"
    page.button.click()
    qtbot.waitUntil(lambda: app.model.state == "ready" and app.model.rowCount() == 20)
    assert app.tab.filter_bar.search.text() == ""


def test_header_click_sorts_in_the_database_and_is_remembered(qtbot: QtBot, open_app, seed, service) -> None:
    seed(60)
    app = open_app()
    header = app.tab.table.horizontalHeader()
    header.sectionClicked.emit(COL_PRIORITY)
    load_all(qtbot, app.model)
    assert app.model.sort_order == Sort(SortKey.PRIORITY, True)
    assert shown_ids(app.model) == _expected(service, TicketFilter(), Sort(SortKey.PRIORITY, True))
    header.sectionClicked.emit(COL_PRIORITY)  # again: the other way round
    load_all(qtbot, app.model)
    assert shown_ids(app.model) == _expected(service, TicketFilter(), Sort(SortKey.PRIORITY, False))
    header.sectionClicked.emit(COL_TITLE)
    load_all(qtbot, app.model)
    assert shown_ids(app.model) == _expected(service, TicketFilter(), Sort(SortKey.TITLE, False))
    assert app.settings.get("tickets_sort") == "title"
    assert header.sortIndicatorSection() == COL_TITLE

    again = open_app("s.ini")  # the same settings file: a restart
    assert again.model.sort_order == Sort(SortKey.TITLE, False)
    assert again.tab.table.horizontalHeader().sortIndicatorSection() == COL_TITLE


def test_fetch_more_loads_further_pages(qtbot: QtBot, open_app, seed, service, qtmodeltester) -> None:
    seed(FIRST_PAGE + PAGE + 20)
    app = open_app()
    model = app.model
    assert model.rowCount() == FIRST_PAGE
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == FIRST_PAGE + PAGE)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == FIRST_PAGE + PAGE + 20)
    assert not model.canFetchMore()
    assert shown_ids(model) == _expected(service, TicketFilter())
    qtmodeltester.check(model)


def test_model_passes_the_model_tester_with_data_and_empty(qtbot: QtBot, open_app, seed, qtmodeltester) -> None:
    app = open_app()
    qtmodeltester.check(app.model)
    seed(30)
    app.model.reload()
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 30)
    qtmodeltester.check(app.model)


def test_rows_show_words_a_user_reads(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("VPN drops", "Every hour.", Category.TECHNICAL, Priority.CRITICAL))
    app = open_app()
    model = app.model
    assert [model.index(0, c).data() for c in range(5)] == [
        "#" and str(ticket.id),
        "VPN drops",
        "Technical",
        "Critical",
        "Open",
    ]
    assert model.index(0, COL_CREATED).data() == "just now"
    assert str(ticket.created_at.astimezone().year) in model.index(0, COL_CREATED).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, COL_PRIORITY).data(Qt.ItemDataRole.DecorationRole) is not None


def test_optimistic_status_change_is_stored(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Refund", "Charged twice.", Category.BILLING, Priority.HIGH))
    app = open_app()
    index = app.model.index(0, COL_STATUS)
    assert app.model.setData(index, Status.IN_PROGRESS.value)
    assert index.data() == "In progress"  # at once, before the write returns
    qtbot.waitUntil(lambda: service.get(ticket.id).status is Status.IN_PROGRESS, timeout=5000)
    app.context.tasks.wait_idle()
    qtbot.waitUntil(lambda: not app.model.edits.in_flight)
    assert index.data() == "In progress"


def test_optimistic_change_rolls_back_on_a_colleagues_conflict(qtbot: QtBot, open_app, service, other_service) -> None:
    ticket = service.create(TicketDraft("Refund", "Charged twice.", Category.BILLING, Priority.HIGH))
    app = open_app()
    # A colleague moves the ticket on before our edit reaches the database.
    other_service.update(ticket.id, TicketChanges(status=Status.IN_PROGRESS), ticket.version)
    index = app.model.index(0, COL_STATUS)
    assert app.model.setData(index, Status.RESOLVED.value)
    assert index.data() == "Resolved"
    qtbot.waitUntil(lambda: index.data() == "In progress", timeout=5000)  # back to the stored value
    assert service.get(ticket.id).status is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: any("changed by someone else" in t for t in app.window.toasts.visible_texts))


def test_invalid_transition_rolls_back_with_the_reason(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(TicketDraft("Old", "Done long ago.", Category.GENERAL, Priority.LOW))
    service.update(ticket.id, TicketChanges(status=Status.CLOSED), ticket.version)
    app = open_app()
    index = app.model.index(0, COL_STATUS)
    assert app.model.setData(index, Status.RESOLVED.value)  # closed may only be reopened
    qtbot.waitUntil(lambda: index.data() == "Closed", timeout=5000)
    qtbot.waitUntil(lambda: any(f"#{ticket.id} was not changed" in t for t in app.window.toasts.visible_texts))


def test_context_menu_changes_every_selected_ticket(qtbot: QtBot, open_app, seed, service) -> None:
    seed(10)
    app = open_app()
    table = app.tab.table
    table.selectRow(0)
    for row in (1, 2):
        table.selectionModel().select(
            app.model.index(row, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    ids = app.tab.selected_ids()
    assert len(ids) == 3
    menu = app.tab.build_context_menu()
    priority_menu = next(a.menu() for a in menu.actions() if a.text() == "Set priority of 3 tickets")
    next(a for a in priority_menu.actions() if a.text() == "Set priority: Critical").trigger()
    assert [app.model.index(r, COL_PRIORITY).data() for r in range(3)] == ["Critical"] * 3
    qtbot.waitUntil(lambda: all(t.priority is Priority.CRITICAL for t in service.get_many(ids).values()), timeout=5000)


def test_detail_panel_edits_and_shows_history(qtbot: QtBot, open_app, service) -> None:
    ticket = service.create(
        TicketDraft("Login <b>fails</b>", "Line one\n<i>not html</i>", Category.ACCOUNT, Priority.MEDIUM)
    )
    app = open_app()
    app.tab.table.selectRow(0)
    detail = app.tab.detail
    qtbot.waitUntil(lambda: detail.ticket is not None and detail.ticket.id == ticket.id)
    assert detail.description.toPlainText() == "Line one\n<i>not html</i>"
    detail.title.setText("Login fails after reset")
    detail.combos["status"].setCurrentIndex(detail.combos["status"].findData("in_progress"))
    assert detail.save_button.isEnabled()
    detail.save_button.click()
    qtbot.waitUntil(lambda: service.get(ticket.id).title == "Login fails after reset", timeout=5000)
    assert service.get(ticket.id).status is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: detail.history.count() == 3)
    texts = [detail.history.item(i).text() for i in range(detail.history.count())]
    me = getpass.getuser()  # on SQLite the history names this computer's login
    assert any(t.startswith("Status changed from Open to In progress · ") and t.endswith(f"by {me}") for t in texts)
    qtbot.waitUntil(lambda: app.model.index(0, COL_TITLE).data() == "Login fails after reset")


def test_detail_conflict_shows_the_colleagues_values_and_keeps_mine(
    qtbot: QtBot, open_app, service, other_service
) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.GENERAL, Priority.LOW))
    app = open_app()
    app.tab.select_ticket(ticket.id)
    detail = app.tab.detail
    qtbot.waitUntil(lambda: detail.ticket is not None)
    other_service.update(ticket.id, TicketChanges(title="Printer on floor 2"), ticket.version)
    detail.title.setText("Printer in room 12")
    detail.save()
    qtbot.waitUntil(lambda: detail.message.isVisible(), timeout=5000)
    assert "Title is now “Printer on floor 2” (yours: “Printer in room 12”)" in detail.message.text()
    assert detail.title.text() == "Printer in room 12"  # my edit is kept
    detail.save()  # knowingly overwrite
    qtbot.waitUntil(lambda: service.get(ticket.id).title == "Printer in room 12", timeout=5000)


def test_select_ticket_selects_a_just_submitted_ticket(qtbot: QtBot, open_app, seed) -> None:
    seed(5)
    app = open_app()
    created = []
    app.context.writes.submit(
        app.window, TicketDraft("Brand new", "Just submitted.", Category.GENERAL, Priority.LOW), on_done=created.append
    )
    qtbot.waitUntil(lambda: bool(created), timeout=5000)
    app.window.show_ticket(created[0].id)
    qtbot.waitUntil(lambda: app.tab.selected_ids() == [created[0].id], timeout=5000)
    assert app.model.index(0, COL_TITLE).data() == "Brand new"
    assert app.window.tabs.currentWidget() is app.tab


def test_a_search_the_database_refuses_is_explained_beside_the_box(qtbot: QtBot, open_app, seed) -> None:
    seed(5)
    app = open_app()
    app.tab.filter_bar.search.setText("bad\x00search")
    qtbot.waitUntil(lambda: app.tab.search_error.isVisible(), timeout=3000)
    assert app.tab.search_error.text() == "Search contains a NUL character."
    assert app.model.state == "empty"
    app.tab.filter_bar.clear()
    qtbot.waitUntil(lambda: app.model.state == "ready" and not app.tab.search_error.isVisible())
