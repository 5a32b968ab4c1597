"""`ticketflow seed` makes a team's data: requesters, assignees, groups and threads."""

from __future__ import annotations

import random
import statistics

import pytest
from sqlalchemy import func, select

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import TicketFilter
from ticketflow_desktop.services.seed_team import messages_for
from ticketflow_desktop.storage import analytics
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.storage.tables import message_table, ticket_table


def test_threads_have_a_median_of_three_and_a_tail_to_two_hundred() -> None:
    rng = random.Random(1)
    sizes = [messages_for(rng) for _ in range(200_000)]
    assert statistics.median(sizes) == 3
    assert 150 <= max(sizes) <= 200
    assert min(sizes) == 0


def test_seed_gives_tickets_people_and_threads(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", database_url, "seed", "--count", "300"]) == 0
    out = capsys.readouterr().out
    assert "Added 300 tickets, with requesters, assignees, groups and" in out
    database = open_database(database_url)
    try:
        with database.reading() as session:
            tickets = session.execute(
                select(ticket_table.c.requester_id, ticket_table.c.assignee, ticket_table.c.group_id)
            ).all()
            messages = session.execute(
                select(message_table.c.ticket_id, func.count()).group_by(message_table.c.ticket_id)
            ).all()
        assert len(tickets) == 300 and all(t.requester_id for t in tickets)
        assert 0.7 < sum(1 for t in tickets if t.assignee) / 300 < 0.9  # one in five nobody's
        assert 0.8 < sum(1 for t in tickets if t.group_id) / 300 < 0.95  # one in eleven in no group
        assert sum(n for _, n in messages) > 300
    finally:
        database.dispose()
    # The thread of a seeded ticket reads oldest first, through the CLI like any other.
    ticket_id = max(messages, key=lambda row: row[1])[0]
    assert main(["--database-url", database_url, "thread", str(ticket_id), "--json"]) == 0
    assert capsys.readouterr().out.count('"kind"') == max(n for _, n in messages)


def test_seed_tags_in_a_power_law_and_adds_shared_views(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from ticketflow_desktop.services.seed_tags import TAGS
    from ticketflow_desktop.services.tags import TagService
    from ticketflow_desktop.services.tickets import TicketService
    from ticketflow_desktop.services.views import ViewService

    assert main(["--database-url", database_url, "seed", "--count", "1000"]) == 0
    capsys.readouterr()
    database = open_database(database_url)
    try:
        known = dict(TagService(database).known(limit=100))
        assert set(known) <= set(TAGS) and len(known) > 20
        assert known["vip"] > 5 * known.get("audit", 1)  # the head is far above the tail
        tagged = TicketService(database).count(TicketFilter(tags=tuple(TAGS)), cap=None).value
        assert 400 < tagged < 600  # about half the tickets carry a tag
        views = ViewService(database).available()
        assert {v.name for v in views} >= {"VIP, open", "Billing disputes"} and all(v.shared for v in views)
        vip = next(v for v in views if v.name == "VIP, open")
        assert TicketService(database).count(vip.spec.filter).value > 0
    finally:
        database.dispose()


def test_seeded_tickets_have_sla_states(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from ticketflow_desktop.domain import TicketFilter
    from ticketflow_desktop.domain.sla import SlaState
    from ticketflow_desktop.services.sla import SlaService
    from ticketflow_desktop.services.tickets import TicketService

    assert main(["--database-url", database_url, "seed", "--count", "200"]) == 0
    capsys.readouterr()
    database = open_database(database_url)
    try:
        service = TicketService(database)
        assert len(SlaService(database).policies()) == 4
        states = {t.sla.state for t in service.iterate()}
        assert SlaState.MET in states and SlaState.BREACHED in states  # settled tickets, both ways
        assert None not in states  # every priority has a policy
        settled = service.count(TicketFilter(sla_states=frozenset({SlaState.MET, SlaState.BREACHED}))).value
        assert 0 < settled < 200
        with database.reading() as session:  # the load's settled tickets are in the attainment's summary
            stored = analytics.stored_sla_settled(session)
            assert stored == analytics.recount_sla_settled(session)
            outcomes = session.execute(select(func.count()).where(ticket_table.c.sla_outcome.is_not(None))).scalar_one()
            assert sum(stored.values()) == outcomes > 0
    finally:
        database.dispose()
