"""Tags and saved views on a team's PostgreSQL, tried in raw SQL by each role: a ticket's tags follow the
ticket's visibility, a viewer changes none, history and versions are the database's; a personal view is
its owner's alone and a shared one is changed only by its owner or a lead."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.team.conftest import Team
from tests.team.test_red_team import refused, ticket
from ticketflow_desktop.domain import PermissionDenied, TicketFilter
from ticketflow_desktop.domain.views import ViewSpec
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.views import ViewService

pytestmark = pytest.mark.postgresql


def _groups(team: Team) -> dict[str, int]:
    with team.owner.engine.connect() as connection:
        return dict(connection.execute(text("SELECT name, id FROM groups")).all())


def test_an_agents_tag_moves_the_ticket_on_and_is_signed_by_the_database(team: Team) -> None:
    ticket_id = ticket(team)
    with team.connect("agent") as connection, connection.begin():
        connection.execute(text("INSERT INTO ticket_tags (ticket_id, tag) VALUES (:id, 'vip')"), {"id": ticket_id})
        connection.execute(text("DELETE FROM ticket_tags WHERE ticket_id = :id"), {"id": ticket_id})
    with team.owner.engine.connect() as connection:
        version = connection.execute(text("SELECT version FROM tickets WHERE id = :id"), {"id": ticket_id})
        assert version.scalar_one() == 3
        events = connection.execute(
            text("SELECT old_value, new_value, actor, version FROM ticket_events WHERE field = 'tags' ORDER BY id")
        ).all()
    assert [tuple(e) for e in events] == [
        (None, "vip", team.logins["agent"], 2),
        ("vip", None, team.logins["agent"], 3),
    ]


def test_tags_follow_the_tickets_visibility(team: Team) -> None:
    groups = _groups(team)
    hardware = ticket(team, "lead", group_id=groups["Hardware"])
    billing = ticket(team, "lead", group_id=groups["Billing"])
    with team.connect("lead") as connection, connection.begin():
        connection.execute(
            text("INSERT INTO ticket_tags VALUES (:h, 'secret'), (:b, 'ok')"), {"h": hardware, "b": billing}
        )
    with team.connect("agent") as connection:
        assert set(connection.execute(text("SELECT tag FROM ticket_tags")).scalars()) == {"ok"}
        sql = "INSERT INTO ticket_tags (ticket_id, tag) VALUES (:id, 'mine')"
        assert refused(connection, sql, {"id": hardware}) == "42501"  # row-level security
        connection.rollback()
        with connection.begin():
            removed = connection.execute(text("DELETE FROM ticket_tags WHERE ticket_id = :id"), {"id": hardware})
        assert removed.rowcount == 0
        # What the database refuses whatever the client: blank, spaced, over-long tags.
        for bad in ("", "two words", "a,b", "x" * 51):
            assert refused(connection, "INSERT INTO ticket_tags VALUES (:id, :t)", {"id": billing, "t": bad}) in {
                "23514",
                "22001",
            }
        # No writing the ticket's version or history by hand either.
        assert refused(connection, "UPDATE tickets SET version = 99") == "42501"
        assert refused(connection, "UPDATE ticket_tags SET tag = 'x'") == "42501"
    service = TagService(team.service("agent").database)
    try:
        assert service.known() == [("ok", 1)]  # completion offers only what the agent may see
    finally:
        service.database.dispose()


def test_a_tickets_tags_move_with_it_between_groups_and_their_group_is_the_databases(team: Team) -> None:
    groups = _groups(team)
    moving = ticket(team, "lead", group_id=groups["Billing"])
    hidden = ticket(team, "lead", group_id=groups["Hardware"])
    with team.connect("lead") as connection, connection.begin():
        connection.execute(
            text("INSERT INTO ticket_tags VALUES (:id, 'moving'), (:h, 'forged')"), {"id": moving, "h": hidden}
        )
    with team.connect("lead") as connection:  # nobody sends the row's group: the database sets it
        forged = "INSERT INTO ticket_tags (ticket_id, tag, ticket_group_id) VALUES (:id, 'forged2', :g)"
        assert refused(connection, forged, {"id": hidden, "g": groups["Billing"]}) == "42501"
    agent = team.service("agent")
    tagged = TicketFilter(tags=("moving", "forged"))
    try:
        with team.connect("agent") as connection:
            seen = "SELECT tag FROM ticket_tags WHERE tag IN ('moving', 'forged')"
            assert set(connection.execute(text(seen)).scalars()) == {"moving"}
            assert [t.id for t in agent.page(tagged).tickets] == [moving] and agent.count(tagged).value == 1
            with team.connect("lead") as lead, lead.begin():
                lead.execute(
                    text("UPDATE tickets SET group_id = :g WHERE id = :id"), {"g": groups["Hardware"], "id": moving}
                )
            assert set(connection.execute(text(seen)).scalars()) == set()
            assert agent.page(tagged).tickets == () and agent.count(tagged).value == 0
            connection.rollback()
            with connection.begin():
                removed = connection.execute(text("DELETE FROM ticket_tags WHERE ticket_id = :id"), {"id": moving})
            assert removed.rowcount == 0
            assert refused(connection, "UPDATE ticket_tags SET ticket_group_id = NULL") == "42501"
            with team.connect("lead") as lead, lead.begin():
                lead.execute(text("UPDATE tickets SET group_id = NULL WHERE id = :id"), {"id": moving})
            assert set(connection.execute(text(seen)).scalars()) == {"moving"}  # in no group: everyone's
    finally:
        agent.database.dispose()
    with team.owner.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT tt.tag FROM ticket_tags tt JOIN tickets t ON t.id = tt.ticket_id "
                "WHERE tt.ticket_group_id IS DISTINCT FROM t.group_id"
            )
        ).all()
    assert rows == []  # every tag row carries its ticket's group


def test_a_viewer_may_not_tag(team: Team) -> None:
    ticket_id = ticket(team)
    with team.connect("viewer") as connection:
        sql = "INSERT INTO ticket_tags (ticket_id, tag) VALUES (:id, 'x')"
        assert refused(connection, sql, {"id": ticket_id}) == "42501"
        assert refused(connection, "DELETE FROM ticket_tags") == "42501"
    service = TagService(team.service("viewer").database)
    try:
        with pytest.raises(PermissionDenied):
            service.add(ticket_id, "x")
    finally:
        service.database.dispose()


def test_personal_views_are_their_owners_and_shared_ones_change_only_by_owner_or_lead(team: Team) -> None:
    spec = ViewSpec(TicketFilter(tags=("vip",)))
    bob = ViewService(team.service("other").database)
    try:
        shared = bob.save("Bob shared", spec, shared=True)
        bob.save("Bob private", spec)
    finally:
        bob.database.dispose()
    with team.connect("agent") as connection:
        names = set(connection.execute(text("SELECT name FROM saved_views")).scalars())
        assert names == {"Bob shared"}
        connection.rollback()
        with connection.begin():
            removed = connection.execute(text("DELETE FROM saved_views")).rowcount
            changed = connection.execute(text("UPDATE saved_views SET spec = '{}'")).rowcount
        assert (removed, changed) == (0, 0)
        assert refused(connection, "UPDATE saved_views SET owner = session_user") == "42501"
        # An owner named by the client is overwritten by the database.
        connection.rollback()
        with connection.begin():
            connection.execute(text("INSERT INTO saved_views (name, shared, spec) VALUES ('Mine', false, '{}')"))
    with team.connect("viewer") as connection:
        sql = "INSERT INTO saved_views (name, shared, spec) VALUES ('Viewer shared', true, '{}')"
        assert refused(connection, sql) == "42501"  # a viewer keeps views to themselves
        connection.rollback()
        with connection.begin():
            connection.execute(text("INSERT INTO saved_views (name, shared, spec) VALUES ('V', false, '{}')"))
    lead = ViewService(team.service("lead").database)
    try:
        assert lead.rename(shared.id, "Team VIPs").name == "Team VIPs"
        assert {v.name for v in lead.available()} == {"Team VIPs"}
    finally:
        lead.database.dispose()
    with team.owner.engine.connect() as connection:
        owners = dict(connection.execute(text("SELECT name, owner FROM saved_views")).all())
    assert owners == {
        "Team VIPs": team.logins["other"],
        "Bob private": team.logins["other"],
        "Mine": team.logins["agent"],
        "V": team.logins["viewer"],
    }
