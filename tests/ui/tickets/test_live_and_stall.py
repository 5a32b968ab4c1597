"""Colleagues' changes appear without a refresh; a slow database never stalls the window."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import settled, shown_ids
from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft

LIVE_MS = 2000  # the promise: a colleague's change shows within 2 s

# The change feed is the backend's own (LISTEN/NOTIFY on PostgreSQL, polling on SQLite): both are shown.
BOTH_BACKENDS = pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)


@BOTH_BACKENDS
def test_a_colleagues_change_appears_within_two_seconds(qtbot: QtBot, open_app, seed, service, other_service) -> None:
    seed(250)
    app = open_app()
    model = app.model
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() > 100)
    app.tab.table.selectRow(42)
    app.tab.table.scrollTo(model.index(60, 0))
    scroll = app.tab.table.verticalScrollBar().value()
    selected = app.tab.selected_ids()
    target_id = model.ticket_id(50)
    target = service.get(target_id)
    untouched_before = model.ticket_at(10)
    assert app.tab.detail.ticket_id == selected[0]

    status = Status.CLOSED if target.status is not Status.CLOSED else Status.OPEN
    other_service.update(target_id, TicketChanges(title="Changed by a colleague", status=status), target.version)
    qtbot.waitUntil(lambda: model.index(50, 1).data() == "Changed by a colleague", timeout=LIVE_MS)
    assert model.index(50, 4).data() == status.label
    assert app.tab.selected_ids() == selected  # selection and scroll position are kept
    assert app.tab.table.verticalScrollBar().value() == scroll
    assert model.ticket_at(10) is untouched_before  # rows that did not change were not reloaded


@BOTH_BACKENDS
def test_a_colleagues_new_ticket_appears_at_the_top(qtbot: QtBot, open_app, seed, other_service) -> None:
    seed(30)
    app = open_app()
    app.tab.table.selectRow(3)
    selected = app.tab.selected_ids()
    before = shown_ids(app.model)
    ticket = other_service.create(TicketDraft("Fresh from a colleague", "New.", Category.GENERAL, Priority.LOW))
    qtbot.waitUntil(lambda: app.model.rowCount() == 31, timeout=LIVE_MS)
    assert shown_ids(app.model) == [ticket.id, *before]
    assert app.tab.selected_ids() == selected
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "31 tickets")


@BOTH_BACKENDS
def test_the_detail_panel_follows_a_colleagues_change(qtbot: QtBot, open_app, service, other_service) -> None:
    ticket = service.create(TicketDraft("Printer", "Out of toner", Category.GENERAL, Priority.LOW))
    app = open_app()
    app.tab.select_ticket(ticket.id)
    detail = app.tab.detail
    qtbot.waitUntil(lambda: detail.ticket is not None)
    other_service.update(ticket.id, TicketChanges(priority=Priority.HIGH), ticket.version)
    qtbot.waitUntil(lambda: detail.combos["priority"].currentData() == "high", timeout=LIVE_MS)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_event_loop_keeps_running_while_a_query_waits(qtbot: QtBot, open_app, seed, database) -> None:
    """The stall test: the tickets table is locked for a second while the tab reloads."""
    seed(50)
    app = open_app()
    raw = database.engine.raw_connection()
    cursor = raw.cursor()
    cursor.execute("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE")  # readers now wait
    release = threading.Timer(1.5, raw.commit)

    lateness: list[int] = []
    measuring = False
    clock = QElapsedTimer()
    heartbeat = QTimer(interval=10)

    def beat() -> None:
        late = clock.restart() - 10
        if measuring and not settled(app.model):  # while the query is held up, not painting its result
            lateness.append(late)

    heartbeat.timeout.connect(beat)
    clock.start()
    heartbeat.start()
    release.start()
    try:
        app.tab.filter_bar.search.setText("a")  # a new search (after its 400 ms debounce) meets the lock
        qtbot.waitUntil(lambda: app.model.filter.search == "a", timeout=2000)
        assert not settled(app.model)  # the list and count queries are waiting on the lock...
        started = time.monotonic()
        measuring = True
        qtbot.waitUntil(lambda: settled(app.model), timeout=10_000)
        measuring = False
        waited = time.monotonic() - started
    finally:
        heartbeat.stop()
        release.join()
        raw.close()
    assert waited >= 0.5  # the query really was held up
    assert app.model.rowCount() > 0
    assert len(lateness) > 20
    assert max(lateness) < 100, f"the event loop stalled {max(lateness)} ms: {lateness}"


@BOTH_BACKENDS
def test_window_close_stops_the_feed(qtbot: QtBot, open_app, database_url) -> None:
    app = open_app()
    feed = app.window.live.feed
    assert feed is not None and feed.running
    app.window.close()
    assert not feed.running
