"""The Submit form's requester: completion on the stored customers, "Name <email>" or a bare address, and
a message under the field for anything else (nothing is stored then)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.harness import App
from tests.ui.submit.test_submit_tab import choose
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import Requester
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.submit.tab import SubmitTab

CTRL = Qt.KeyboardModifier.ControlModifier
# The offscreen platform cannot raise the completion's popup or let it grab the keyboard; it works all the same.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


def _fill(qtbot: QtBot, app: App) -> SubmitTab:
    tab = app.window.submit_tab
    app.window.activateWindow()
    tab.title_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.title_edit)
    qtbot.keyClicks(tab.title_edit, "Charged twice")
    tab.description_edit.setFocus()
    qtbot.keyClicks(tab.description_edit, "My card was charged twice for the May invoice.")
    choose(qtbot, tab.category_box, Category.BILLING)
    choose(qtbot, tab.priority_box, Priority.HIGH)
    tab.requester_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.requester_edit)
    return tab


def test_the_completion_offers_a_stored_customer_and_the_ticket_gets_them(
    qtbot: QtBot, make_app: Callable[..., App], service: TicketService
) -> None:
    stored = service.create(
        TicketDraft("Earlier", "An earlier request.", Category.BILLING, Priority.LOW),
        requester=Requester("Ann Lee", "ann@example.com"),
    )
    service.create(  # another customer, whose name does not start so
        TicketDraft("Other", "Another request.", Category.BILLING, Priority.LOW),
        requester=Requester("Bob Roe", "bob@example.com"),
    )
    app = make_app(tab="submit")
    tab = _fill(qtbot, app)

    qtbot.keyClicks(tab.requester_edit, "an")  # the name's start
    popup = tab.requester_completion.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=5000)
    assert tab.requester_completion.model.stringList() == ["Ann Lee <ann@example.com>"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tab.requester_edit.text() == "Ann Lee <ann@example.com>"
    assert not popup.isVisible()

    with qtbot.waitSignal(tab.ticket_created, timeout=15_000) as created:
        qtbot.keyClick(tab.requester_edit, Qt.Key.Key_Return, CTRL)
    assert service.get(created.args[0]).requester_id == stored.requester_id
    assert tab.requester_edit.text() == ""  # a fresh form
    app.context.tasks.wait_idle()


def test_a_bare_address_of_a_new_customer_is_stored_with_the_ticket(
    qtbot: QtBot, make_app: Callable[..., App], service: TicketService
) -> None:
    app = make_app(tab="submit")
    tab = _fill(qtbot, app)
    qtbot.keyClicks(tab.requester_edit, "Carla.Diaz@Example.org")
    with qtbot.waitSignal(tab.ticket_created, timeout=15_000) as created:
        qtbot.keyClick(tab.requester_edit, Qt.Key.Key_Return, CTRL)
    customer = ConversationService(service.database).customer(service.get(created.args[0]).requester_id or 0)
    assert customer is not None and (customer.name, customer.email) == ("Carla.Diaz", "Carla.Diaz@Example.org")
    app.context.tasks.wait_idle()


def test_a_bad_address_is_said_under_the_field_and_nothing_is_stored(
    qtbot: QtBot, make_app: Callable[..., App], service: TicketService
) -> None:
    app = make_app(tab="submit")
    tab = _fill(qtbot, app)
    qtbot.keyClicks(tab.requester_edit, "ann at example")
    qtbot.keyClick(tab.requester_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(tab.requester_error.isVisible)
    assert tab.requester_error.text() == "'ann at example' is not an email address."
    assert not tab.submit_button.isEnabled()
    app.context.tasks.wait_idle()
    assert service.count().value == 0

    tab.requester_edit.clear()  # optional: without it the ticket goes
    qtbot.waitUntil(lambda: not tab.requester_error.isVisible())
    with qtbot.waitSignal(tab.ticket_created, timeout=15_000) as created:
        qtbot.keyClick(tab.requester_edit, Qt.Key.Key_Return, CTRL)
    assert service.get(created.args[0]).requester_id is None
    app.context.tasks.wait_idle()
