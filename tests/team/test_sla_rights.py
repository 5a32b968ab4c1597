"""Only a lead or an administrator sets the team calendar and the SLA policies; PostgreSQL enforces it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.team.conftest import Team
from tests.team.test_red_team import refused
from ticketflow_desktop.domain import PermissionDenied, Priority, TicketDraft
from ticketflow_desktop.domain.enums import Category
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.sla import SlaService

pytestmark = pytest.mark.postgresql


def test_an_agent_may_not_change_the_calendar_or_the_policies(team: Team) -> None:
    lead = SlaService(team.service("lead").database)
    lead.set_calendar("Mon-Fri 09:00-17:00", "Europe/Berlin")
    lead.set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    with team.connect("agent") as connection:
        for sql in (
            "UPDATE sla_policies SET resolution_minutes = 100000",
            "DELETE FROM sla_policies",
            "INSERT INTO sla_policies (priority, first_response_minutes, resolution_minutes) VALUES ('low', 1, 1)",
            "UPDATE sla_calendar SET hours = 'Mon-Sun 00:00-24:00'",
            "DELETE FROM sla_calendar",
        ):
            assert refused(connection, sql) == "42501", sql
        # Reading them is every agent's: their list shows the time left.
        assert connection.execute(text("SELECT count(*) FROM sla_policies")).scalar_one() == 1
    agent = SlaService(team.service("agent").database)
    with pytest.raises(PermissionDenied):
        agent.set_policy(SlaPolicy(Priority.HIGH, 1, 1))
    assert lead.policies()[Priority.HIGH] == SlaPolicy(Priority.HIGH, 60, 480)
    assert lead.calendar().hours == "Mon-Fri 09:00-17:00"


def test_an_agents_tickets_get_their_dues_and_a_policy_change_reaches_them(team: Team) -> None:
    lead = SlaService(team.service("lead").database)
    lead.set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    agent = team.service("agent")
    ticket = agent.create(TicketDraft("Printer", "On fire", Category.TECHNICAL, Priority.HIGH))
    assert ticket.sla.first_response_due is not None
    assert lead.set_policy(SlaPolicy(Priority.HIGH, 120, 960)) == 1
    assert agent.get(ticket.id).sla.first_response_due != ticket.sla.first_response_due
    assert agent.get(ticket.id).version == ticket.version  # bookkeeping is not an edit of the ticket
