"""The SLA column: time left to the running target, coloured by its state in the theme's words, and the
due-first sort from its header."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.tickets.conftest import load_all, shown_ids
from ticketflow_desktop.domain import Category, Priority, Sort, SortKey, Status, TicketChanges, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.sla import SlaPolicy, SlaState
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.theme import current_tokens
from ticketflow_desktop.ui.tickets.model import COL_SLA, HEADERS, SLA_STATE_ROLE


def test_the_sla_column_shows_time_left_coloured_and_sorts_due_first(
    qtbot: QtBot, open_app, service: TicketService, clock: FixedClock, round_the_clock: SlaService
) -> None:
    sla = round_the_clock
    sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))
    sla.set_policy(SlaPolicy(Priority.CRITICAL, 30, 4 * 60))

    def make(title: str, priority: Priority):
        return service.create(TicketDraft(title, "x", Category.TECHNICAL, priority))

    clock.at = clock.at.replace(second=0, microsecond=0)
    low, high, critical, waiting = (
        make("No policy", Priority.LOW),
        make("Soon", Priority.HIGH),
        make("Late", Priority.CRITICAL),
        make("Asked the customer", Priority.HIGH),
    )
    service.update(waiting.id, TicketChanges(status=Status.PENDING), waiting.version)
    clock.advance(timedelta(minutes=45))

    app = open_app()
    model = app.model
    assert HEADERS[COL_SLA] == "SLA"
    app.tab.table.horizontalHeader().sectionClicked.emit(COL_SLA)
    load_all(qtbot, model)
    assert model.sort_order == Sort(SortKey.DUE, False)  # due first
    assert shown_ids(model) == [critical.id, high.id, waiting.id, low.id]
    rows = [
        (model.index(r, COL_SLA).data(), model.index(r, COL_SLA).data(SLA_STATE_ROLE)) for r in range(model.rowCount())
    ]
    assert rows == [
        ("breached 15m", SlaState.BREACHED),
        ("15m", SlaState.DUE_SOON),
        ("paused", SlaState.PAUSED),
        ("", None),
    ]
    tokens = current_tokens()
    colours = [model.index(r, COL_SLA).data(Qt.ItemDataRole.ForegroundRole) for r in range(3)]
    assert [c.name() for c in colours] == [tokens.danger, tokens.warning, tokens.text_muted]
    assert model.index(3, COL_SLA).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "Breached" in model.index(0, COL_SLA).data(Qt.ItemDataRole.ToolTipRole)

    # A minute later (ten, here) the time left has moved on by itself: the running rows are read again.
    clock.advance(timedelta(minutes=10))
    app.tab._clock.timeout.emit()
    qtbot.waitUntil(lambda: model.index(1, COL_SLA).data() == "5m", timeout=5000)
    assert [model.index(r, COL_SLA).data() for r in range(4)] == ["breached 25m", "5m", "paused", ""]


def test_waiting_on_customer_is_a_status_the_filter_offers(qtbot: QtBot, open_app, service: TicketService) -> None:
    ticket = service.create(TicketDraft("Which printer?", "x", Category.TECHNICAL, Priority.HIGH))
    service.update(ticket.id, TicketChanges(status=Status.PENDING), ticket.version)
    app = open_app()
    assert app.model.index(0, 4).data() == "Waiting on customer"
    statuses = app.tab.filter_bar.choices["status"]
    assert statuses.choices[Status.PENDING].text() == "Waiting on customer"
    app.tab.filter_bar.choose("status", Status.PENDING)
    qtbot.waitUntil(lambda: statuses.text() == "Waiting on customer" and app.model.rowCount() == 1, timeout=5000)
