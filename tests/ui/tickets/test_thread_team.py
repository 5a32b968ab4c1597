"""The conversation on a team's PostgreSQL: two agents (two database logins) and a viewer.

The window logs in as one agent; a colleague writes through their own connection. What the database
refuses (a viewer writing) is said under the editor in the words of ui/words.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from tests.team.conftest import Login, fresh_logins, url_as
from tests.ui.harness import App
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import MessageKind, Requester
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.ui.tickets.detail import TicketDetail

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def logins(_postgres_database: Database, empty_database: Callable[[Database], None]) -> Iterator[dict[str, str]]:
    """role -> URL logging in as a fresh login of that role (dropped after)."""
    owner = _postgres_database
    empty_database(owner)
    wanted = {"alice": Login("agent", "Alice"), "bob": Login("agent", "Bob"), "viewer": Login("viewer", "Viewer")}
    with fresh_logins(owner, "th", wanted) as made:
        yield {key: url_as(owner, login) for key, login in made.items()}
    empty_database(owner)


def _ticket(url: str) -> int:
    database = open_database(url)
    try:
        ticket = TicketService(database).create(
            TicketDraft("VPN drops", "Every hour.", Category.TECHNICAL, Priority.HIGH),
            requester=Requester("Ann Lee", "ann@example.com"),
        )
        ConversationService(database).add(ticket.id, MessageKind.CUSTOMER, "It dropped again.")
        return ticket.id
    finally:
        database.dispose()


def _open(qtbot: QtBot, make_app: Callable[..., App], url: str, ticket_id: int) -> tuple[App, TicketDetail]:
    app = make_app(url=url)
    app.tab.select_ticket(ticket_id)
    detail = app.tab.detail
    qtbot.waitUntil(lambda: detail.conversation.is_loaded, timeout=10_000)
    return app, detail


def _send(qtbot: QtBot, app: App, detail: TicketDetail, body: str) -> None:
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    detail.composer.editor.setFocus()
    qtbot.waitUntil(detail.composer.editor.hasFocus)
    QTest.keyClicks(detail.composer.editor, body)
    QTest.keyClick(detail.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_colleagues_reply_holds_mine_until_i_have_seen_it(qtbot: QtBot, make_app, logins: dict[str, str]) -> None:
    ticket_id = _ticket(logins["alice"])
    app, detail = _open(qtbot, make_app, logins["alice"], ticket_id)
    bob = open_database(logins["bob"])
    try:
        ConversationService(bob).add(ticket_id, MessageKind.REPLY, "On my way to fix it.")
        _send(qtbot, app, detail, "Please restart the VPN client.")
        qtbot.waitUntil(detail.composer.notice.isVisible, timeout=10_000)
        bob_login = make_url(logins["bob"]).username
        assert detail.composer.notice_text.text().startswith(f"{bob_login} wrote since you opened this ticket")
        bodies = [m.body for m in ConversationService(bob).thread(ticket_id)]
        assert bodies == ["It dropped again.", "On my way to fix it."]  # mine was not stored
        detail.composer.send_anyway_button.click()
        qtbot.waitUntil(lambda: len(ConversationService(bob).thread(ticket_id)) == 3, timeout=10_000)
        last = ConversationService(bob).thread(ticket_id)[-1]
        assert (last.body, last.author) == ("Please restart the VPN client.", make_url(logins["alice"]).username)
    finally:
        bob.dispose()


def test_a_viewer_is_told_in_words_under_the_editor(qtbot: QtBot, make_app, logins: dict[str, str]) -> None:
    ticket_id = _ticket(logins["alice"])
    app, detail = _open(qtbot, make_app, logins["viewer"], ticket_id)
    assert detail.conversation.model.rowCount() == 1  # a viewer reads the thread
    qtbot.waitUntil(lambda: detail.composer.read_only, timeout=10_000)  # and is offered no composer
    # A window that does not know yet (the role was changed after it asked): the database refuses it.
    detail.composer.set_read_only(False)
    _send(qtbot, app, detail, "May I?")
    qtbot.waitUntil(detail.composer.error.isVisible, timeout=10_000)
    words = detail.composer.error.text()
    assert words.startswith("Your message was not sent: Your database role")
    assert make_url(logins["viewer"]).username in words
    assert detail.composer.editor.toPlainText() == "May I?"
    assert app.crashes.reports == []
