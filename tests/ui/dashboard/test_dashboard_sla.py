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
from ticketflow_desktop.ui.dashboard.sla_charts import MAX_AGENT_BARS, NOBODY, shown_agents

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
    assert list(tab.sla_agents.bars.opts["width"]) == [200.0 / 3, 100.0]  # horizontal bars, names on the left
    assert tab.sla_agents.widget.getAxis("left")._tickLevels == [[(0, local_login()), (1, NOBODY)]]
    assert [t.textItem.toPlainText() for t in tab.sla_agents.value_labels] == ["2/3", "1/1"]


def test_a_large_team_shows_the_agents_who_settled_most_and_the_rest_as_one_bar() -> None:
    rows = [(f"agent{n:03d}", n % 7, 10 + n) for n in range(120)] + [(NOBODY, 5, 9)]
    shown = shown_agents(rows)
    assert len(shown) == MAX_AGENT_BARS
    most = [f"agent{n:03d}" for n in range(119, 119 - (MAX_AGENT_BARS - 1), -1)]
    assert [who for who, _m, _s in shown[:-1]] == sorted(most)  # in the service's order
    rest = [row for row in rows if row[0] not in most]
    assert shown[-1] == (f"{len(rest)} others", sum(r[1] for r in rest), sum(r[2] for r in rest))
    assert sum(s for _w, _m, s in shown) == sum(s for _w, _m, s in rows)  # every settled ticket counted once
    assert shown_agents(rows[:MAX_AGENT_BARS]) == rows[:MAX_AGENT_BARS]


def test_a_long_agent_name_is_cut_to_fit_beside_the_bars(qtbot: QtBot) -> None:
    from ticketflow_desktop.domain.sla import Attainment
    from ticketflow_desktop.ui.dashboard.sla_charts import NAME_WIDTH, AgentAttainment

    chart = AgentAttainment()
    qtbot.addWidget(chart.widget)
    long_name = "ذكاء" * 40 + " 🎫 " + "x" * 200
    chart.set_attainment(Attainment((), (), (), ((long_name, 1, 2), ("ann", 2, 2))))
    (ticks,) = chart.widget.getAxis("left")._tickLevels
    assert ticks[1] == (1, "ann") and ticks[0][1].endswith("…") and len(ticks[0][1]) < len(long_name)
    assert chart.labels == [long_name, "ann"]  # the whole name stays the chart's (CSV, tests)
    assert chart.widget.getAxis("left").width() <= NAME_WIDTH + 12
