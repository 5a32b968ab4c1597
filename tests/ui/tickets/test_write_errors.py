"""How a write from the list (an inline edit) or the ticket panel (Save) fails, as the user meets it.

The matrix, and where each cell is tested:

              | list (inline edit)                         | ticket panel (Save)
  conflict    | test_tickets_tab: ..._rolls_back_on_a_      | test_tickets_tab: test_detail_conflict_shows_
              |   colleagues_conflict                      |   the_colleagues_values_and_keeps_mine
  validation  | test_tickets_tab: test_invalid_transition_ | test_detail_panel: test_typing_past_the_limit_
              |   rolls_back_with_the_reason               |   ... (the panel offers only allowed statuses)
  queued      | reliability/test_sqlite_faults: test_edits_in_the_list_and_the_panel_during_a_lock_...
  unavailable | here: the database is locked and the outbox cannot take the write either
  bug         | here: our service raises RuntimeError; the crash handler gets it, nothing is changed
"""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.harness import App, WriteBug, break_the_outbox, write_locked
from ticketflow_desktop.domain import Category, Priority, Status, Ticket, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import engine as engine_module
from ticketflow_desktop.ui.tickets.model import COL_STATUS, COL_TITLE

pytestmark = pytest.mark.qt_log_ignore("does not support raise")  # the crash dialog, offscreen

OUTBOX_LOGGER = "ticketflow_desktop.services.outbox"
CONNECTION_LOGGER = "ticketflow_desktop.ui.connection"
CRASH_LOGGER = "ticketflow_desktop.crash"


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked file is reported after 0.2 s instead of 5 s (set before the window opens the database)."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)


@pytest.fixture
def buggy_update(monkeypatch: pytest.MonkeyPatch) -> None:
    def update(self: TicketService, *args: object, **kwargs: object) -> Ticket:
        raise WriteBug("the edit code has a bug")

    monkeypatch.setattr(TicketService, "update", update)


def _ticket(service: TicketService) -> Ticket:
    return service.create(TicketDraft("Printer jams", "Paper tray 2.", Category.GENERAL, Priority.LOW))


def _open_panel(qtbot: QtBot, app: App, ticket_id: int) -> None:
    app.tab.select_ticket(ticket_id)
    qtbot.waitUntil(lambda: app.tab.detail.ticket is not None and app.tab.detail.ticket.id == ticket_id)


def _toasts(app: App) -> list[str]:
    return app.window.toasts.visible_texts


# --- unavailable: the database is locked and the outbox is broken, so the write cannot wait anywhere ---


@pytest.mark.expect_log(OUTBOX_LOGGER, "outbox unusable, sending directly")
@pytest.mark.expect_log(CONNECTION_LOGGER, "database unreachable")
def test_an_inline_edit_nobody_can_take_rolls_back_and_says_why(
    qtbot: QtBot, short_busy_timeout: None, open_app, service: TicketService, database_url: str
) -> None:
    ticket = _ticket(service)
    break_the_outbox()
    app = open_app()
    index = app.model.index(app.model.row_of(ticket.id), COL_STATUS)
    with write_locked(database_url):
        assert app.model.setData(index, Status.IN_PROGRESS.value)
        assert index.data() == "In progress"  # at once, before the write returns
        qtbot.waitUntil(lambda: any(f"#{ticket.id} was not changed" in t for t in _toasts(app)), timeout=10_000)
    text = next(t for t in _toasts(app) if f"#{ticket.id}" in t)
    assert "the database is unreachable" in text and "locked" in text
    assert index.data() == "Open"  # rolled back: it was not saved and will not be
    assert service.get(ticket.id).status is Status.OPEN
    assert app.crashes.reports == []  # not a bug


@pytest.mark.expect_log(OUTBOX_LOGGER, "outbox unusable, sending directly")
@pytest.mark.expect_log(CONNECTION_LOGGER, "database unreachable")
def test_a_panel_save_nobody_can_take_keeps_the_edits_and_says_why(
    qtbot: QtBot, short_busy_timeout: None, open_app, service: TicketService, database_url: str
) -> None:
    ticket = _ticket(service)
    break_the_outbox()
    app = open_app()
    detail = app.tab.detail
    _open_panel(qtbot, app, ticket.id)
    detail.title.setText("Printer jams on floor 2")
    with write_locked(database_url):
        detail.save_button.click()
        qtbot.waitUntil(detail.message.isVisible, timeout=10_000)
    assert detail.message.text() == (
        "Not saved: The database file is locked by another program; try again in a moment. Your edits are kept here."
    )
    assert "locked" in detail.message.text()
    assert detail.title.text() == "Printer jams on floor 2"  # kept, to save again
    assert detail.save_button.isEnabled()
    assert service.get(ticket.id).title == "Printer jams"
    assert app.model.index(app.model.row_of(ticket.id), COL_TITLE).data() == "Printer jams"
    assert app.crashes.reports == []


# --- a bug in our write code ---------------------------------------------------------------------------


@pytest.mark.expect_log(CRASH_LOGGER, r"WriteBug: the edit code has a bug", level=logging.ERROR)
def test_a_bug_in_an_inline_edit_reaches_the_crash_handler_and_changes_nothing(
    qtbot: QtBot, open_app, service: TicketService, buggy_update: None
) -> None:
    ticket = _ticket(service)
    app = open_app()
    index = app.model.index(app.model.row_of(ticket.id), COL_STATUS)
    assert app.model.setData(index, Status.IN_PROGRESS.value)
    qtbot.waitUntil(lambda: len(app.crashes.reports) == 1, timeout=10_000)
    assert "WriteBug: the edit code has a bug" in app.crashes.reports[0]
    qtbot.waitUntil(lambda: index.data() == "Open")  # rolled back
    assert any(f"#{ticket.id} was not changed" in t for t in _toasts(app))
    assert service.get(ticket.id).status is Status.OPEN
    assert app.crashes.dialog is not None and app.crashes.dialog.isVisible()
    app.crashes.dialog.close()  # the user has read it


@pytest.mark.expect_log(CRASH_LOGGER, r"WriteBug: the edit code has a bug", level=logging.ERROR)
def test_a_bug_in_a_panel_save_reaches_the_crash_handler_and_keeps_the_edits(
    qtbot: QtBot, open_app, service: TicketService, buggy_update: None
) -> None:
    ticket = _ticket(service)
    app = open_app()
    detail = app.tab.detail
    _open_panel(qtbot, app, ticket.id)
    detail.title.setText("Printer jams on floor 2")
    detail.save_button.click()
    qtbot.waitUntil(lambda: len(app.crashes.reports) == 1, timeout=10_000)
    assert "WriteBug: the edit code has a bug" in app.crashes.reports[0]
    qtbot.waitUntil(detail.message.isVisible)
    assert detail.message.text().startswith("Not saved: Something went wrong inside TicketFlow")
    assert detail.title.text() == "Printer jams on floor 2"
    assert service.get(ticket.id).title == "Printer jams"
    assert app.crashes.dialog is not None
    app.crashes.dialog.close()
