"""The filter bar's SLA-state and tag filters: the tags offered are the ones in use, most used first (read
as the menu opens); ticking narrows the table; both survive a restart; the detail panel shows the tags."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.harness import settled
from tests.ui.tickets.conftest import shown_ids
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.domain.sla_state import SlaState
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.tickets import TicketService

pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_sla_state_and_tag_filters_narrow_the_table_and_survive_a_restart(
    qtbot: QtBot, open_app, service: TicketService, clock
) -> None:
    sla = SlaService(service.database, service.clock)
    sla.set_calendar("Mon-Sun 00:00-24:00", "UTC")
    sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))

    def new(title: str, priority: Priority = Priority.HIGH) -> int:
        return service.create(TicketDraft(title, "Details.", Category.TECHNICAL, priority)).id

    clock.at = clock.at.replace(second=0, microsecond=0)
    late = new("Late and VIP 🚀")
    clock.advance(timedelta(minutes=70))  # the first response was due 10 minutes ago
    fresh, calm = new("Fresh outage"), new("No policy", Priority.LOW)
    tags = TagService(service.database)
    tags.add(late, "vip")
    tags.add(fresh, "outage", "vip")
    tags.add(calm, "outage")
    tags.add(calm, "printer")

    app = open_app()
    bar = app.tab.filter_bar
    tag_choice = bar.choices["tags"]
    qtbot.waitUntil(lambda: list(tag_choice.choices)[:2] in (["outage", "vip"], ["vip", "outage"]), timeout=5000)
    assert set(tag_choice.choices) == {"vip", "outage", "printer"}  # the tags in use
    assert list(tag_choice.choices)[-1] == "printer"  # the least used last

    bar.choose("tags", "vip")
    qtbot.waitUntil(lambda: settled(app.model) and set(shown_ids(app.model)) == {late, fresh}, timeout=5000)
    assert tag_choice.text() == "vip"
    bar.choose("sla", SlaState.BREACHED)  # and breached: only the late one
    qtbot.waitUntil(lambda: settled(app.model) and shown_ids(app.model) == [late], timeout=5000)
    assert bar.choices["sla"].text() == "Breached"

    app.tab.select_ticket(late)
    qtbot.waitUntil(lambda: app.tab.detail.tags.text() == "vip", timeout=5000)
    app.window.close()

    again = open_app()  # the filters come back
    assert again.tab.filter_bar.current().tags == ("vip",)
    assert again.tab.filter_bar.current().sla_states == frozenset({SlaState.BREACHED})
    qtbot.waitUntil(lambda: settled(again.model) and shown_ids(again.model) == [late], timeout=5000)
    again.tab.filter_bar.clear()
    qtbot.waitUntil(lambda: settled(again.model) and len(shown_ids(again.model)) == 3, timeout=5000)
