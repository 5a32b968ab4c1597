"""Notifications, unread marks and presence in the window, on a team's PostgreSQL: the window logs in as
Bob; Alice acts through her own connection, and the live feed brings her acts to Bob's window."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url, text

from tests.team.conftest import Login, fresh_logins, url_as
from tests.ui.harness import App, settled
from tests.ui.tickets.conftest import load_all
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.notifications import NotificationKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.presence import PresenceService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.team import local_login
from ticketflow_desktop.ui.desktop_notifications import NotificationCenter
from ticketflow_desktop.ui.tickets.model import COL_TITLE
from ticketflow_desktop.ui.widgets.toast import Toast

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
WAIT_MS = 15_000


@pytest.fixture
def logins(_postgres_database: Database, empty_database: Callable[[Database], None]) -> Iterator[dict[str, str]]:
    """name -> URL logging in as a fresh agent login (dropped after)."""
    owner = _postgres_database
    empty_database(owner)
    with fresh_logins(owner, "nt", {"alice": Login("agent", "Alice"), "bob": Login("agent", "Bob")}) as made:
        yield {key: url_as(owner, login) for key, login in made.items()}
    empty_database(owner)


@pytest.fixture
def alice(logins: dict[str, str]) -> Iterator[Database]:
    database = open_database(logins["alice"])
    yield database
    database.dispose()


def login_of(url: str) -> str:
    return str(make_url(url).username)


def new_ticket(database: Database, title: str) -> int:
    return TicketService(database).create(TicketDraft(title, "Smoke.", Category.TECHNICAL, Priority.HIGH)).id


def asked(qtbot: QtBot, app: App) -> None:
    """Bob's window listens for colleagues' changes and has its answer to the news question in flight (if
    any): a change made before the live feed listens would wait for the next minute's question."""
    qtbot.waitUntil(lambda: (feed := app.window.live.feed) is not None and feed.connected.is_set(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "news" not in app.context.ops.pending_keys(app.window.news), timeout=WAIT_MS)


def bold(app: App, ticket_id: int) -> bool:
    row = app.model.row_of(ticket_id)
    assert row is not None
    font = app.model.index(row, COL_TITLE).data(Qt.ItemDataRole.FontRole)
    return isinstance(font, QFont) and font.bold()


def test_a_colleagues_assignment_is_a_notification_that_opens_the_ticket(
    qtbot: QtBot, make_app: Callable[..., App], logins: dict[str, str], alice: Database
) -> None:
    ticket_id = new_ticket(alice, "Printer on fire")
    app = make_app(url=logins["bob"])
    center: NotificationCenter = app.window.news
    asked(qtbot, app)  # the first question: news start now
    with qtbot.waitSignal(center.presented, timeout=WAIT_MS) as shown:
        TicketService(alice).assign(ticket_id, login_of(logins["bob"]))
    assert (shown.args[0].heading, shown.args[0].body) == (
        "Alice assigned a ticket to you",
        f"#{ticket_id} Printer on fire",
    )
    assert not shown.args[0].tray  # offscreen: no system tray, so the window says it
    text = f"Alice assigned a ticket to you: #{ticket_id} Printer on fire"
    assert text in app.window.toasts.visible_texts
    [toast] = [t for t in app.window.toasts.strip.findChildren(Toast) if t.text == text]
    [open_button] = [b for b in toast.findChildren(QPushButton) if b.text() == "Open"]
    open_button.click()
    assert app.tab.detail.ticket_id == ticket_id
    assert app.crashes.reports == []


def test_a_flood_is_one_summary_and_my_own_acts_and_turned_off_kinds_are_silent(
    qtbot: QtBot, make_app: Callable[..., App], logins: dict[str, str], alice: Database
) -> None:
    bob = login_of(logins["bob"])
    ids = [new_ticket(alice, f"Outage {n}") for n in range(5)]
    app = make_app(url=logins["bob"])
    center: NotificationCenter = app.window.news
    asked(qtbot, app)
    # One commit: the five come in one answer.
    with qtbot.waitSignal(center.presented, timeout=WAIT_MS) as shown, alice.engine.begin() as connection:
        connection.execute(text("UPDATE tickets SET assignee = :bob WHERE id = ANY(:ids)"), {"bob": bob, "ids": ids})
    assert (shown.args[0].heading, shown.args[0].body) == ("5 new notifications", "5 × assigned to me")
    # Mentions turned off (View → Notifications), and Bob's own note: nothing is said.
    center.actions[NotificationKind.MENTIONED].setChecked(False)
    presented: list[object] = []
    center.presented.connect(presented.append)
    ConversationService(alice).add(ids[0], MessageKind.NOTE, f"@{bob} look at this")
    bob_database = open_database(logins["bob"])
    try:
        ConversationService(bob_database).add(ids[1], MessageKind.NOTE, f"@{bob} note to self")
    finally:
        bob_database.dispose()
    center.ask()
    asked(qtbot, app)
    assert presented == []
    assert app.settings.get("notify_off") == "mentioned"


def test_a_restart_does_not_replay_old_news(
    qtbot: QtBot, make_app: Callable[..., App], logins: dict[str, str], alice: Database
) -> None:
    ticket_id = new_ticket(alice, "Printer on fire")
    first = make_app(url=logins["bob"], settings_name="bob.ini")
    asked(qtbot, first)
    with qtbot.waitSignal(first.window.news.presented, timeout=WAIT_MS):
        TicketService(alice).assign(ticket_id, login_of(logins["bob"]))
    first.window.close()
    again = make_app(url=logins["bob"], settings_name="bob.ini")
    presented: list[object] = []
    again.window.news.presented.connect(presented.append)
    asked(qtbot, again)
    old, new = first.window.news.cursor, again.window.news.cursor
    assert old is not None and new is not None and (new.event_id, new.message_id) == (old.event_id, old.message_id)
    assert presented == []


def test_an_unread_row_is_bold_until_opened_and_again_after_a_colleagues_note(
    qtbot: QtBot, make_app: Callable[..., App], logins: dict[str, str], alice: Database
) -> None:
    ticket_id = new_ticket(alice, "Printer on fire")
    other_id = new_ticket(alice, "Not mine")
    TicketService(alice).assign(ticket_id, login_of(logins["bob"]))
    app = make_app(url=logins["bob"])
    load_all(qtbot, app.model)
    qtbot.waitUntil(lambda: bold(app, ticket_id), timeout=WAIT_MS)
    assert not bold(app, other_id)
    row = app.model.row_of(ticket_id)
    icon = app.model.index(row, COL_TITLE).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == app.model.unread.dot.cacheKey()  # a dot too: not the weight alone
    app.tab.select_ticket(ticket_id)
    assert not bold(app, ticket_id)
    app.tab.select_ticket(other_id)  # the ticket is read in the database, not only on screen
    qtbot.waitUntil(lambda: not app.context.ops.is_busy(), timeout=WAIT_MS)
    assert not bold(app, ticket_id)
    ConversationService(alice).add(ticket_id, MessageKind.NOTE, "Toner ordered.")
    qtbot.waitUntil(lambda: bold(app, ticket_id), timeout=WAIT_MS)


def test_also_here_shows_a_colleague_and_when_she_types(
    qtbot: QtBot, make_app: Callable[..., App], logins: dict[str, str], alice: Database
) -> None:
    ticket_id = new_ticket(alice, "Printer on fire")
    app = make_app(url=logins["bob"])
    qtbot.waitUntil(lambda: settled(app.model), timeout=WAIT_MS)
    app.tab.select_ticket(ticket_id)
    line = app.tab.detail.presence
    presence = PresenceService(alice)
    presence.beat(ticket_id)
    qtbot.waitUntil(lambda: line.text() == "Also here: Alice", timeout=WAIT_MS)
    assert line.isVisible()
    qtbot.waitUntil(lambda: [p.name for p in presence.others_here(ticket_id)] == ["Bob"], timeout=WAIT_MS)
    presence.beat(ticket_id, typing=True)
    qtbot.waitUntil(lambda: line.text() == "Also here: Alice (typing…)", timeout=WAIT_MS)
    presence.leave(ticket_id)
    qtbot.waitUntil(lambda: not line.isVisible(), timeout=WAIT_MS)
    app.tab.detail.composer.editor.insertPlainText("Hello")  # Bob types: Alice sees it
    qtbot.waitUntil(lambda: [p.typing for p in presence.others_here(ticket_id)] == [True], timeout=WAIT_MS)
    app.tab.select_ticket(new_ticket(alice, "Another"))  # Bob moves on: he is no longer on the first
    qtbot.waitUntil(lambda: presence.others_here(ticket_id) == (), timeout=WAIT_MS)


def test_on_ones_own_file_a_loaded_ticket_given_to_me_is_bold_until_opened(
    qtbot: QtBot, make_app: Callable[..., App], seed: Callable[[int], None], database: Database
) -> None:
    seed(3)  # a load from elsewhere: its history has no actor, so it is not my own act
    service = TicketService(database)
    mine = service.page().tickets[0].id
    service.assign(mine, local_login())
    app = make_app()
    load_all(qtbot, app.model)
    qtbot.waitUntil(lambda: bold(app, mine), timeout=WAIT_MS)
    assert [t for t in (app.model.ticket_id(r) for r in range(app.model.rowCount())) if bold(app, t)] == [mine]
    app.tab.select_ticket(mine)
    assert not bold(app, mine)
    assert not app.tab.detail.presence.isVisible()  # one person's file: nobody else to be here
