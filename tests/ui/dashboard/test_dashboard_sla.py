"""The dashboard's SLA attainment charts hold the service's numbers (asserted on the plot data)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from tests.clock import TEST_NOW
from tests.databases import service_at
from tests.ui.dashboard.test_dashboard_tab import context, shown_tab  # noqa: F401 - `context` is a fixture
from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.sla import SlaPolicy, week_of
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.storage.team import local_login
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dashboard.charts import day_x
from ticketflow_desktop.ui.dashboard.sla_charts import NOBODY

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # a first top level, offscreen


def test_attainment_per_week_and_agent_is_drawn(qtbot: QtBot, context: AppContext, database_url: str) -> None:  # noqa: F811
    clock = FixedClock(TEST_NOW - timedelta(days=8))
    with service_at(database_url, clock) as service:
        sla = SlaService(service.database, clock)
        sla.set_calendar("Mon-Sun 00:00-24:00", "UTC")
        sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))

        def settle(late: bool, mine: bool) -> None:
            ticket = service.create(TicketDraft("Printer", "x", Category.TECHNICAL, Priority.HIGH))
            if mine:
                ticket = service.assign(ticket.id, local_login())
            clock.advance(timedelta(hours=9 if late else 1))
            service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)

        settle(late=False, mine=True)  # a week before TEST_NOW: met
        clock.at = TEST_NOW - timedelta(hours=12)
        settle(late=True, mine=True)  # this week: breached
        settle(late=False, mine=True)
        settle(late=False, mine=False)
    tab = shown_tab(qtbot, context)
    qtbot.waitUntil(lambda: tab.sla_attainment is not None, timeout=15_000)
    xs, ys = tab.sla_trend.curve.getData()
    this_week, last_week = week_of(TEST_NOW.date()), week_of(TEST_NOW.date() - timedelta(days=8))
    assert dict(zip(xs, ys, strict=True)) == {
        day_x(last_week): 100.0,
        day_x(this_week): 200.0 / 3,
    }
    assert tab.sla_agents.labels == [local_login(), NOBODY]
    assert list(tab.sla_agents.bars.opts["height"]) == [200.0 / 3, 100.0]
    assert [t.textItem.toPlainText() for t in tab.sla_agents.value_labels] == ["2/3", "1/1"]
