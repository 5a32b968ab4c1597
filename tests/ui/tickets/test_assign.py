"""Assigning from the tickets table: Ctrl+Shift+A gives the selection to the agent, Ctrl+Shift+U to nobody,
Undo gives each ticket its previous assignee back; a refused assignment is rolled back with its reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.team.conftest import Team, team  # noqa: F401 - a fixture: one login per role on PostgreSQL
from tests.ui.harness import App
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.services.team import whoami
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.dialogs.shortcuts import shortcut_entries
from ticketflow_desktop.ui.tickets.model import COL_ASSIGNEE

FLAGS = QItemSelectionModel.SelectionFlag
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def _select(qtbot: QtBot, app: App, ids: list[int]) -> None:
    selection = app.tab.table.selectionModel()
    selection.clearSelection()
    for ticket_id in ids:
        selection.select(app.model.index(app.model.row_of(ticket_id), 0), FLAGS.Select | FLAGS.Rows)
    selection.setCurrentIndex(app.model.index(app.model.row_of(ids[0]), 1), FLAGS.NoUpdate)
    app.window.activateWindow()
    app.tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.tab.table)


def _assignees(service: TicketService, ids: list[int]) -> list[str | None]:
    stored = service.get_many(ids)
    return [stored[i].assignee for i in ids]


def _column(app: App, ids: list[int]) -> list[str]:
    return [app.model.index(app.model.row_of(i), COL_ASSIGNEE).data() for i in ids]


def test_ctrl_shift_a_assigns_the_selection_to_me_and_undo_gives_back_the_previous_assignees(
    qtbot: QtBot, open_app, service: TicketService
) -> None:
    me = whoami(service.database).login
    ids = [service.create(TicketDraft(f"Ticket {i}", "Details.", Category.BILLING, Priority.LOW)).id for i in range(4)]
    service.assign(ids[1], me)  # already mine: stays mine through the Undo
    app = open_app()
    qtbot.waitUntil(lambda: app.tab.identity is not None)
    _select(qtbot, app, ids[:3])

    qtbot.keyClick(app.tab.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(lambda: _assignees(service, ids) == [me, me, me, None], timeout=5000)
    qtbot.waitUntil(lambda: _column(app, ids) == [me, me, me, "—"])
    qtbot.waitUntil(lambda: f"Assignee set to {me} on 2 tickets." in app.window.toasts.visible_texts)

    qtbot.keyClick(app.tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Edit → Undo
    qtbot.waitUntil(lambda: "Restored the assignee of 2 tickets." in app.window.toasts.visible_texts, timeout=5000)
    assert _assignees(service, ids) == [None, me, None, None]
    qtbot.waitUntil(lambda: _column(app, ids) == ["—", me, "—", "—"])
    app.context.tasks.wait_idle()


def test_ctrl_shift_u_unassigns_and_the_menu_and_f1_offer_both(qtbot: QtBot, open_app, service: TicketService) -> None:
    me = whoami(service.database).login
    ids = [service.create(TicketDraft(f"Ticket {i}", "Details.", Category.BILLING, Priority.LOW)).id for i in range(2)]
    for ticket_id in ids:
        service.assign(ticket_id, me)
    app = open_app()
    _select(qtbot, app, ids)
    menu = app.tab.build_context_menu()
    assert {"Assign to me", "Unassign", "Tickets of this requester"} <= {a.text() for a in menu.actions()}

    qtbot.keyClick(app.tab.table, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: _assignees(service, ids) == [None, None], timeout=5000)
    qtbot.waitUntil(lambda: _column(app, ids) == ["—", "—"])

    native = QKeySequence.SequenceFormat.NativeText
    listed = {(e.section, e.text, e.keys) for e in shortcut_entries(app.window)}
    for text, keys in (
        ("Assign to me", "Ctrl+Shift+A"),
        ("Unassign", "Ctrl+Shift+U"),
        ("Tickets of this requester", "Ctrl+Shift+R"),
        ("Queue: Mine (again: all tickets)", "Alt+M"),
        ("Queue: Unassigned (again: all tickets)", "Alt+U"),
        ("Queue: All open (again: all tickets)", "Alt+O"),
    ):
        assert ("Tickets", text, QKeySequence(keys).toString(native)) in listed
    app.context.tasks.wait_idle()


def test_a_refused_assignment_is_rolled_back_with_its_reason(qtbot: QtBot, open_app, service: TicketService) -> None:
    ticket = service.create(TicketDraft("Printer", "It jams.", Category.TECHNICAL, Priority.LOW))
    app = open_app()
    _select(qtbot, app, [ticket.id])

    assert app.tab.assign_selected("someone-else") == [ticket.id]  # SQLite: only this computer's login
    assert _column(app, [ticket.id]) == ["someone-else"]  # shown at once…
    me = whoami(service.database).login
    words = f"Ticket #{ticket.id} was not changed: On this computer's database only {me} can own tickets."
    qtbot.waitUntil(lambda: words in app.window.toasts.visible_texts, timeout=5000)
    assert _column(app, [ticket.id]) == ["—"]  # …and put back
    assert service.get(ticket.id).assignee is None
    app.context.tasks.wait_idle()


def test_a_viewer_is_told_in_words_that_their_role_may_not_assign(
    qtbot: QtBot,
    make_app,
    team: Team,  # noqa: F811 - the fixture imported above
) -> None:
    ticket = team.service("admin").create(TicketDraft("Printer", "It jams.", Category.TECHNICAL, Priority.LOW))
    app = make_app(url=team.urls["viewer"])
    qtbot.waitUntil(lambda: app.tab.identity is not None and app.model.row_of(ticket.id) is not None, timeout=5000)
    assert app.tab.identity.login == team.logins["viewer"]
    _select(qtbot, app, [ticket.id])
    qtbot.waitUntil(lambda: app.window.windowTitle() == "TicketFlow — read-only", timeout=5000)
    assert not app.tab.ticket_actions.assign_to_me.isEnabled()  # a viewer is offered no assignment
    # A window that does not know yet (the role was changed after it asked): the database refuses it.
    app.tab.set_read_only(False)

    qtbot.keyClick(app.tab.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(
        lambda: any(t.startswith(f"Ticket #{ticket.id} was not changed:") for t in app.window.toasts.visible_texts),
        timeout=5000,
    )
    words = next(t for t in app.window.toasts.visible_texts if t.startswith(f"Ticket #{ticket.id}"))
    assert words == (
        f"Ticket #{ticket.id} was not changed: Your database role ({team.logins['viewer']}) may not change "
        "tickets — ask an administrator."
    )
    assert _column(app, [ticket.id]) == ["—"]
    assert team.service("admin").get(ticket.id).assignee is None
    app.context.tasks.wait_idle()


# A queued write may or may not be the one that tells the status bar the database is away.
@pytest.mark.expect_log("ticketflow_desktop.ui.connection", "database unreachable", required=False)
@pytest.mark.expect_log("ticketflow_desktop.ui.submit.suggestions", "could not be prepared", required=False)
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_assignment_made_while_the_database_is_locked_waits_in_the_outbox_and_arrives(
    qtbot: QtBot, open_app, service: TicketService, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.harness import write_locked
    from ticketflow_desktop.storage import engine as engine_module

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    me = whoami(service.database).login
    [ticket_id] = [service.create(TicketDraft("Locked out", "Details.", Category.BILLING, Priority.LOW)).id]
    app = open_app()
    qtbot.waitUntil(lambda: app.tab.identity is not None)
    _select(qtbot, app, [ticket_id])
    with write_locked(database_url):
        qtbot.keyClick(app.tab.table, Qt.Key.Key_A, CTRL_SHIFT)
        qtbot.waitUntil(lambda: len(app.context.writes.outbox.items()) == 1, timeout=15_000)
        [item] = app.context.writes.outbox.items()
        assert item.summary == f"Assignment of ticket #{ticket_id} to {me}"
        assert _column(app, [ticket_id]) == [me]  # shown as it will be, not rolled back
        assert _assignees(service, [ticket_id]) == [None]
    qtbot.waitUntil(lambda: _assignees(service, [ticket_id]) == [me], timeout=15_000)
    qtbot.waitUntil(lambda: app.context.writes.outbox.items() == [], timeout=5000)
    assert _column(app, [ticket_id]) == [me]
