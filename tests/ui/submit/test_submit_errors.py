"""How submitting a new ticket fails, as the user meets it.

conflict    | none: a new ticket has no stored version for a colleague to change (its idempotency key
            |   makes a resent submit store it once: reliability/test_outbox)
validation  | test_submit_tab: test_invalid_input_shows_messages_and_stores_nothing
queued      | database away: test_submit_tab: test_database_away_the_ticket_waits_in_the_outbox;
            |   database locked: here
unavailable | here: the database is locked and the outbox cannot take the ticket either
bug         | here: our service raises RuntimeError; the crash handler gets it, nothing is stored
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.classification.fake_llm import copy_model
from tests.ui.harness import App, WriteBug, break_the_outbox, write_locked
from tests.ui.notices import heard
from ticketflow_desktop.domain import Category, Priority, Ticket
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import engine as engine_module
from ticketflow_desktop.ui.submit.tab import SubmitTab

pytestmark = pytest.mark.qt_log_ignore("does not support raise")  # the crash dialog, offscreen

OUTBOX_LOGGER = "ticketflow_desktop.services.outbox"
CONNECTION_LOGGER = "ticketflow_desktop.ui.connection"
CRASH_LOGGER = "ticketflow_desktop.crash"


@pytest.fixture
def submit_app(make_app, trained_model: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], App]:
    """The window on the Submit tab; a locked file is reported after 0.2 s instead of 5 s."""
    copy_model(trained_model, Path(platformdirs.user_data_dir("TicketFlow", appauthor=False)) / "local_model.npz")
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    return lambda: make_app(tab="submit")


def _fill(qtbot: QtBot, tab: SubmitTab) -> None:
    qtbot.keyClicks(tab.title_edit, "Cannot export")
    tab.description_edit.setFocus()
    qtbot.keyClicks(tab.description_edit, "The export button does nothing.")
    _choose(qtbot, tab.category_box, Category.TECHNICAL.value)
    _choose(qtbot, tab.priority_box, Priority.LOW.value)
    assert tab.submit_button.isEnabled()


def _choose(qtbot: QtBot, box: QComboBox, value: str) -> None:
    """By keyboard, as an agent would."""
    box.setFocus()
    target = box.findData(value)
    for _ in range(box.count() + 1):
        if box.currentIndex() == target:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)
    raise AssertionError(f"could not choose {value}")


def _kept(tab: SubmitTab) -> bool:
    return tab.title_edit.text() == "Cannot export" and tab.description_edit.toPlainText() == (
        "The export button does nothing."
    )


@pytest.mark.expect_log(CONNECTION_LOGGER, "database unreachable")
def test_a_submit_while_the_file_is_locked_waits_in_the_outbox_and_is_stored_after(
    qtbot: QtBot, submit_app: Callable[[], App], database_url: str, service: TicketService
) -> None:
    app = submit_app()
    tab = app.window.submit_tab
    _fill(qtbot, tab)
    told = heard(app.context)
    with write_locked(database_url):
        with qtbot.assertNotEmitted(tab.ticket_created), qtbot.waitSignal(told.posted) as toast:
            qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
        assert toast.args[1] == "info" and "locked" in toast.args[0] and "outbox" in toast.args[0]
        assert tab.title_edit.text() == ""  # kept in the outbox, so the form is free for the next one
        qtbot.waitUntil(lambda: app.window.outbox_indicator.text() == "1 pending", timeout=5_000)
        assert service.count().value == 0
    qtbot.waitUntil(lambda: service.count().value == 1, timeout=15_000)  # sent by itself once the lock is gone
    assert [t.title for t in service.iterate()] == ["Cannot export"]
    qtbot.waitUntil(lambda: not app.window.outbox_indicator.isVisible(), timeout=5_000)


@pytest.mark.expect_log(OUTBOX_LOGGER, "outbox unusable, sending directly")
@pytest.mark.expect_log(CONNECTION_LOGGER, "database unreachable")
def test_a_submit_nobody_can_take_keeps_the_text_and_says_why(
    qtbot: QtBot, submit_app: Callable[[], App], database_url: str, service: TicketService
) -> None:
    break_the_outbox()
    app = submit_app()
    tab = app.window.submit_tab
    _fill(qtbot, tab)
    with write_locked(database_url), qtbot.assertNotEmitted(tab.ticket_created):
        qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.form_message.text() != "", timeout=10_000)
    assert tab.form_message.text().startswith("Not stored: The database file is locked")
    assert tab.form_message.text().endswith("Your text is kept; try again in a moment.")
    assert _kept(tab)
    assert tab.submit_button.isEnabled()  # to try again
    assert service.count().value == 0
    assert app.crashes.reports == []


@pytest.mark.expect_log(CRASH_LOGGER, r"WriteBug: the create code has a bug", level=logging.ERROR)
def test_a_bug_in_submitting_reaches_the_crash_handler_and_keeps_the_text(
    qtbot: QtBot, submit_app: Callable[[], App], service: TicketService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def create(self: TicketService, *args: object, **kwargs: object) -> Ticket:
        raise WriteBug("the create code has a bug")

    monkeypatch.setattr(TicketService, "create", create)
    app = submit_app()
    tab = app.window.submit_tab
    _fill(qtbot, tab)
    with qtbot.assertNotEmitted(tab.ticket_created):
        qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(app.crashes.reports) == 1, timeout=10_000)
    assert "WriteBug: the create code has a bug" in app.crashes.reports[0]
    qtbot.waitUntil(lambda: tab.form_message.text() != "")
    assert tab.form_message.text() == (
        "Not stored: Something went wrong inside TicketFlow; the error report has the details. Your text is kept."
    )
    assert _kept(tab)
    assert service.count().value == 0
    assert app.crashes.dialog is not None
    app.crashes.dialog.close()  # the user has read it
