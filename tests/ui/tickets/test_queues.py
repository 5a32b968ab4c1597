"""The queues above the tickets table: Mine, Unassigned and All open, with live counts the service agrees
with; choosing one filters the table (Alt+M, Alt+U, Alt+O), and the choice survives a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.harness import App, settled
from tests.ui.tickets.conftest import load_all, shown_ids
from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft, TicketFilter
from ticketflow_desktop.domain.conversation import Requester
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.services.team import whoami
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.tickets.queues import QUEUES, Queue

pytestmark = pytest.mark.qt_log_ignore("does not support raise")
ALT = Qt.KeyboardModifier.AltModifier


def _tickets(service: TicketService) -> dict[str, list[int]]:
    """Two of mine (one resolved), three nobody's (one resolved); ids newest first, as the table lists them."""
    me = whoami(service.database).login

    def new(title: str) -> int:
        return service.create(TicketDraft(title, "Details.", Category.BILLING, Priority.LOW)).id

    mine = [new("Mine open"), new("Mine resolved")]
    nobodys = [new("Nobody's 1"), new("Nobody's 2"), new("Nobody's resolved")]
    for ticket_id in mine:
        service.assign(ticket_id, me)
    for ticket_id in (mine[1], nobodys[2]):
        service.update(ticket_id, TicketChanges(status=Status.RESOLVED), service.get(ticket_id).version)
    return {"mine": mine[::-1], "nobody": nobodys[::-1], "me": [me]}  # type: ignore[list-item]


def _expected(service: TicketService, login: str) -> dict[Queue, str]:
    filters = {
        Queue.MINE: TicketFilter(assignee=login),
        Queue.UNASSIGNED: TicketFilter(assignee=UNASSIGNED),
        Queue.OPEN: TicketFilter(status=Status.OPEN),
    }
    return {queue: f"{QUEUES[queue][0]} · {service.count(f)}" for queue, f in filters.items()}


def _buttons(app: App) -> dict[Queue, str]:
    bar = app.tab.queue_bar  # the queues offered: My groups only to an agent in a group
    return {queue: button.text() for queue, button in bar.buttons.items() if button.isVisibleTo(bar)}


def _focus_table(qtbot: QtBot, app: App) -> None:
    app.window.activateWindow()
    app.tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.tab.table)


def test_queue_counts_are_the_services_and_follow_an_announced_change(
    qtbot: QtBot, open_app, service: TicketService, other_service: TicketService
) -> None:
    made = _tickets(service)
    app = open_app()
    login = made["me"][0]
    qtbot.waitUntil(lambda: _buttons(app) == _expected(service, login), timeout=5000)
    assert _buttons(app) == {Queue.MINE: "Mine · 2", Queue.UNASSIGNED: "Unassigned · 3", Queue.OPEN: "All open · 3"}

    # A colleague takes one of nobody's tickets and resolves it; their change is announced.
    taken = made["nobody"][1]  # an open one
    other_service.assign(taken, login)
    other_service.update(taken, TicketChanges(status=Status.RESOLVED), other_service.get(taken).version)
    app.context.ops.announce(Change.of({taken}, ChangeKind.BY_COLLEAGUE))
    qtbot.waitUntil(
        lambda: (
            _buttons(app) == {Queue.MINE: "Mine · 3", Queue.UNASSIGNED: "Unassigned · 2", Queue.OPEN: "All open · 2"}
        ),
        timeout=5000,
    )
    assert _buttons(app) == _expected(service, login)
    app.context.tasks.wait_idle()


def test_a_count_beyond_the_cap_reads_as_the_tables_does(qtbot: QtBot, open_app, seed) -> None:
    seed(1_005)  # nobody's, all of them
    app = open_app()
    qtbot.waitUntil(lambda: app.tab.queue_bar.buttons[Queue.UNASSIGNED].text() == "Unassigned · 1,000+", timeout=5000)
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "1,005 tickets")  # no search: exact
    app.context.tasks.wait_idle()


def test_alt_m_shows_only_my_tickets_and_again_all_of_them(qtbot: QtBot, open_app, service: TicketService) -> None:
    made = _tickets(service)
    app = open_app()
    everything = shown_ids(app.model)
    _focus_table(qtbot, app)

    qtbot.keyClick(app.tab.table, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == made["mine"], timeout=5000)
    load_all(qtbot, app.model)
    assert shown_ids(app.model) == made["mine"]
    assert {app.model.index(r, 7).data() for r in range(app.model.rowCount())} == {made["me"][0]}  # Assignee
    assert app.tab.queue_bar.buttons[Queue.MINE].isChecked()
    qtbot.waitUntil(lambda: app.tab.filter_bar.count_label.text() == "2 tickets")

    qtbot.keyClick(app.tab.table, Qt.Key.Key_U, ALT)  # another queue
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == made["nobody"], timeout=5000)
    assert {app.model.index(r, 7).data() for r in range(app.model.rowCount())} == {"—"}

    qtbot.keyClick(app.tab.table, Qt.Key.Key_O, ALT)  # All open, combined with the filter bar's category
    qtbot.waitUntil(lambda: settled(app.model) and len(shown_ids(app.model)) == 3, timeout=5000)
    assert {app.model.ticket_at(r).status for r in range(app.model.rowCount())} == {Status.OPEN}
    app.tab.filter_bar.choose("category", Category("technical"))
    qtbot.waitUntil(lambda: settled(app.model) and app.model.state == "empty", timeout=5000)
    app.tab.filter_bar.clear()
    qtbot.waitUntil(lambda: settled(app.model) and len(shown_ids(app.model)) == 3, timeout=5000)

    qtbot.keyClick(app.tab.table, Qt.Key.Key_O, ALT)  # the chosen queue again: all tickets
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == everything, timeout=5000)
    assert not any(b.isChecked() for b in app.tab.queue_bar.buttons.values())
    app.context.tasks.wait_idle()


def test_the_chosen_queue_survives_a_restart(qtbot: QtBot, open_app, service: TicketService) -> None:
    made = _tickets(service)
    first = open_app(settings_name="restart.ini")
    first.tab.queue_bar.buttons[Queue.MINE].click()
    qtbot.waitUntil(lambda: settled(first.model) and shown_ids(first.model) == made["mine"], timeout=5000)
    first.window.close()
    first.context.tasks.wait_idle()

    again = open_app(settings_name="restart.ini")  # the same settings file: the next launch
    assert again.tab.queue_bar.current is Queue.MINE and again.tab.queue_bar.buttons[Queue.MINE].isChecked()
    qtbot.waitUntil(lambda: settled(again.model) and shown_ids(again.model) == made["mine"], timeout=5000)
    assert again.model.filter.assignee == made["me"][0]
    again.context.tasks.wait_idle()


def test_the_requesters_tickets_by_keyboard_and_back_with_esc(qtbot: QtBot, open_app, service: TicketService) -> None:
    ann = Requester("Ann Lee", "ann@example.com")
    draft = TicketDraft("Refund", "Charged twice.", Category.BILLING, Priority.LOW)
    anns = [service.create(draft, requester=ann).id for _ in range(2)]
    service.create(draft, requester=Requester("Bob Roe", "bob@example.com"))
    service.create(draft)  # nobody's request
    app = open_app()
    app.tab.queue_bar.buttons[Queue.OPEN].click()  # a queue: the customer view lists all their tickets
    qtbot.waitUntil(lambda: settled(app.model), timeout=5000)
    everything = shown_ids(app.model)
    app.tab.select_ticket(anns[0])
    _focus_table(qtbot, app)

    qtbot.keyClick(app.tab.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == anns[::-1], timeout=5000)
    qtbot.waitUntil(lambda: app.tab.queue_bar.requester_button.text().startswith("Requester: Ann Lee"))
    assert app.tab.queue_bar.requester_button.isVisible()
    assert app.tab.queue_bar.current is None

    qtbot.keyClick(app.tab.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == everything, timeout=5000)
    assert not app.tab.queue_bar.requester_button.isVisible()
    assert app.tab.queue_bar.current is Queue.OPEN  # the queue it was in comes back

    # A ticket without a requester says so.
    app.tab.select_ticket(everything[0])
    _focus_table(qtbot, app)
    qtbot.keyClick(app.tab.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: f"Ticket #{everything[0]} has no requester." in app.window.toasts.visible_texts)
    app.context.tasks.wait_idle()


def test_counts_are_read_when_the_tab_is_shown_not_while_it_is_hidden(
    qtbot: QtBot, open_app, service: TicketService, other_service: TicketService
) -> None:
    made = _tickets(service)
    app = open_app()
    login = made["me"][0]
    qtbot.waitUntil(lambda: _buttons(app) == _expected(service, login), timeout=5000)
    app.window.tabs.setCurrentWidget(app.window.submit_tab)
    taken = made["nobody"][1]
    other_service.assign(taken, login)
    app.context.ops.announce(Change.of({taken}, ChangeKind.BY_COLLEAGUE))
    bar = app.tab.queue_bar
    qtbot.waitUntil(lambda: not bar._refresh.isActive())  # the coalesced refresh came: hidden, it read nothing
    assert bar._stale and "queue-count-mine" not in app.context.ops.pending_keys(bar)
    app.context.tasks.wait_idle()
    assert bar.buttons[Queue.MINE].text() == "Mine · 2"

    app.window.tabs.setCurrentWidget(app.tab)
    qtbot.waitUntil(lambda: app.tab.queue_bar.buttons[Queue.MINE].text() == "Mine · 3", timeout=5000)
    assert _buttons(app) == _expected(service, login)
    app.context.tasks.wait_idle()


def test_breaching_soon_appears_once_the_team_has_slas_and_lists_what_is_due_soon_or_late(
    qtbot: QtBot, open_app, service: TicketService, clock
) -> None:
    from datetime import timedelta

    from ticketflow_desktop.domain.sla import SlaPolicy
    from ticketflow_desktop.services.sla import SlaService

    def new(title: str, priority: Priority) -> int:
        return service.create(TicketDraft(title, "Details.", Category.TECHNICAL, priority)).id

    app = open_app()
    bar = app.tab.queue_bar
    qtbot.waitUntil(lambda: bar.counts.get(Queue.OPEN) is not None, timeout=5000)
    assert not bar.buttons[Queue.BREACHING].isVisible()  # no SLA policies: no such queue
    assert "Breaching soon" not in [app.tab.view_sidebar.label(e) for e in app.tab.view_sidebar.entries()]

    sla = SlaService(service.database, service.clock)
    sla.set_calendar("Mon-Sun 00:00-24:00", "UTC")
    sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))
    clock.at = clock.at.replace(second=0, microsecond=0)
    late = new("Late", Priority.HIGH)  # first response due in 60 minutes
    clock.advance(timedelta(minutes=40))
    soon = new("Due soon", Priority.HIGH)
    clock.advance(timedelta(minutes=35))  # late: 15 minutes past; soon: 25 minutes left (under 30)
    fine, unmanaged = new("Plenty of time", Priority.HIGH), new("No policy", Priority.LOW)
    app.context.ops.announce(Change.unknown(ChangeKind.IMPORTED))
    qtbot.waitUntil(lambda: bar.buttons[Queue.BREACHING].isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: bar.buttons[Queue.BREACHING].text() == "Breaching soon · 2", timeout=5000)
    assert "Breaching soon · 2" in [app.tab.view_sidebar.label(e) for e in app.tab.view_sidebar.entries()]
    _focus_table(qtbot, app)
    qtbot.keyClick(app.tab.table, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: settled(app.model) and set(shown_ids(app.model)) == {late, soon}, timeout=5000)
    assert fine not in shown_ids(app.model) and unmanaged not in shown_ids(app.model)
