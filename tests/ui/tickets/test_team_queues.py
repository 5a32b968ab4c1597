"""My groups, and an organisation's tickets, in the window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.team.conftest import Team, team  # noqa: F401 - the fixture
from tests.ui.harness import App
from tests.ui.tickets.conftest import settled
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import parse_requester
from ticketflow_desktop.ui.tickets.queues import Queue


def _draft(title: str) -> TicketDraft:
    return TicketDraft(title, "Details", Category.BILLING, Priority.LOW)


@pytest.mark.postgresql
def test_my_groups_shows_my_groups_tickets(qtbot: QtBot, make_app: Callable[..., App], team: Team) -> None:  # noqa: F811
    lead = team.service("lead")
    try:
        mine = lead.create(_draft("Billing's"), group="Billing")
        lead.create(_draft("Nobody's group"))
    finally:
        lead.database.dispose()
    app = make_app(url=team.urls["agent"])
    bar = app.tab.queue_bar
    qtbot.waitUntil(lambda: bar.buttons[Queue.MY_GROUPS].isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: bar.buttons[Queue.MY_GROUPS].text() == "My groups · 1", timeout=10_000)
    app.tab.table.setFocus()
    qtbot.keyClick(app.tab.table, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 1, timeout=10_000)
    assert app.model.ticket_at(0).id == mine.id


def test_my_groups_is_not_offered_to_one_person(qtbot: QtBot, make_app: Callable[..., App]) -> None:
    app = make_app()
    qtbot.waitUntil(lambda: app.tab.identity is not None, timeout=10_000)
    assert not app.tab.queue_bar.buttons[Queue.MY_GROUPS].isVisibleTo(app.tab.queue_bar)


def test_an_organisations_tickets_by_keyboard(qtbot: QtBot, make_app: Callable[..., App], service) -> None:
    ann = service.create(_draft("Ann's"), requester=parse_requester("Ann <ann@acme.example>", "Acme"))
    bo = service.create(_draft("Bo's"), requester=parse_requester("Bo <bo@acme.example>", "Acme"))
    service.create(_draft("Cy's"), requester=parse_requester("Cy <cy@globex.example>", "Globex"))
    app = make_app()
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 3, timeout=10_000)
    app.tab.select_ticket(ann.id)
    app.tab.table.setFocus()
    qtbot.keyClick(app.tab.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 2, timeout=10_000)
    assert {app.model.ticket_at(r).id for r in range(2)} == {ann.id, bo.id}
    assert app.tab.queue_bar.requester_button.text().startswith("Organisation: Acme")
    qtbot.keyClick(app.tab.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 3, timeout=10_000)
