"""A careless or hostile colleague with a login: every forbidden act, tried in raw SQL, is refused or
overwritten by PostgreSQL itself, nothing changes, and the dashboard's numbers still equal a recount."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from tests.team.conftest import Team
from ticketflow_desktop.domain import (
    Category,
    PermissionDenied,
    Priority,
    Status,
    TicketChanges,
    TicketDraft,
    TicketFilter,
)
from ticketflow_desktop.storage import analytics as summaries

pytestmark = pytest.mark.postgresql
NEW = "title, description, category, priority"


def refused(connection: Connection, sql: str, params: dict | None = None) -> str:
    """Run `sql` in a transaction of its own, expect PostgreSQL to refuse it; return its SQLSTATE."""
    if connection.in_transaction():  # an earlier SELECT's
        connection.rollback()
    transaction = connection.begin()
    try:
        with pytest.raises(DBAPIError) as caught:
            connection.execute(text(sql), params or {})
    finally:
        transaction.rollback()
    return caught.value.orig.pgcode  # type: ignore[union-attr]


def ticket(team: Team, role: str = "agent", **values: object) -> int:
    with team.connect(role) as connection, connection.begin():
        row = {"title": "Printer on fire", "description": "Smoke", "category": "technical", "priority": "high"}
        row.update(values)
        columns = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        return int(
            connection.execute(text(f"INSERT INTO tickets ({columns}) VALUES ({marks}) RETURNING id"), row).scalar_one()
        )


def snapshot(team: Team) -> tuple:
    with team.owner.engine.connect() as connection:
        tickets = connection.execute(text("SELECT * FROM tickets ORDER BY id")).all()
        events = connection.execute(text("SELECT * FROM ticket_events ORDER BY id")).all()
        totals = connection.execute(text("SELECT * FROM ticket_totals ORDER BY 1, 2, 3")).all()
        return tickets, events, totals


def assert_summaries_equal_a_recount(team: Team) -> None:
    with team.owner.reading() as session:
        assert summaries.stored_totals(session) == summaries.recount_totals(session)
        assert summaries.stored_flow(session) == summaries.recount_flow(session)
        assert summaries.stored_resolution_times(session) == summaries.recount_resolution_times(session)
        assert summaries.stored_sla_settled(session) == summaries.recount_sla_settled(session)
    service = team.service("lead")
    try:
        assert service.stats().total == len(snapshot(team)[0])
    finally:
        service.database.dispose()


@pytest.mark.parametrize("role", ["agent", "lead", "viewer"])
def test_no_ddl_no_truncate_no_delete(team: Team, role: str) -> None:
    ticket(team)
    before = snapshot(team)
    with team.connect(role) as connection:
        for sql in (
            "TRUNCATE tickets CASCADE",
            "DROP TABLE ticket_events",
            "ALTER TABLE tickets DROP CONSTRAINT ck_tickets_status",
            "ALTER TABLE tickets DISABLE TRIGGER USER",
            "DELETE FROM tickets",
            "DELETE FROM ticket_events",
            "CREATE TABLE evil (x int)",
            "DROP FUNCTION tf_tickets_updated() CASCADE",
            "ALTER TABLE tickets DISABLE ROW LEVEL SECURITY",
        ):
            assert refused(connection, sql) in ("42501", "42P01"), sql
    assert snapshot(team) == before


@pytest.mark.parametrize("role", ["agent", "lead"])
def test_history_is_append_only_and_written_by_the_database(team: Team, role: str) -> None:
    ticket_id = ticket(team)
    with team.connect(role) as connection:
        for sql in (
            "UPDATE ticket_events SET old_value = 'forged'",
            "UPDATE ticket_events SET actor = 'someone_else'",
            "INSERT INTO ticket_events (ticket_id, at, field, old_value, new_value, source, version, actor) "
            "VALUES (:id, now(), 'status', 'open', 'closed', 'user', 2, 'someone_else')",
        ):
            assert refused(connection, sql, {"id": ticket_id}) == "42501", sql
        with connection.begin():
            connection.execute(text("UPDATE tickets SET priority = 'low' WHERE id = :id"), {"id": ticket_id})
        events = connection.execute(
            text(
                "SELECT field, old_value, new_value, actor, at = now() AS server_time, version FROM ticket_events "
                "WHERE ticket_id = :id ORDER BY id"
            ),
            {"id": ticket_id},
        ).all()
    agent = team.logins["agent"]
    assert [tuple(e) for e in events] == [
        ("created", None, "open", agent, False, 1),
        ("priority", "high", "low", team.logins[role], False, 2),
    ]
    with team.owner.engine.connect() as connection:  # stamped by the server's clock, not the client's
        at = connection.execute(text("SELECT max(at) FROM ticket_events")).scalar_one()
        server_now = connection.execute(text("SELECT now()")).scalar_one()
    assert abs(server_now - at) < timedelta(minutes=1)


def test_an_admins_load_cannot_write_history_in_anothers_name(team: Team) -> None:
    ticket_id = ticket(team)
    with team.connect("admin") as connection, connection.begin():
        connection.execute(
            text(
                "INSERT INTO ticket_events (ticket_id, at, field, old_value, new_value, source, version, actor) "
                "VALUES (:id, now(), 'status', 'open', 'open', 'import', 1, 'someone_else')"
            ),
            {"id": ticket_id},
        )
    with team.owner.engine.connect() as connection:
        actors = connection.execute(text("SELECT DISTINCT actor FROM ticket_events")).scalars().all()
    assert sorted(actors) == sorted({team.logins["agent"], team.logins["admin"]})


def test_who_holds_a_role_and_who_may_load_history_as_postgresql_answers(team: Team) -> None:
    """tf_has_role asks membership first and the owner's test after (an import calls it per row); a
    role that does not exist is nobody's but the owner's; a trusted load keeps its times for an
    administrator only."""
    expected = {
        "admin": {"admin", "lead", "agent", "viewer"},
        "lead": {"lead", "agent", "viewer"},
        "agent": {"agent", "viewer"},
        "viewer": {"viewer"},
    }
    wanted = ("admin", "lead", "agent", "viewer", "no_such_role")
    question = "SELECT " + ", ".join(f"tf_has_role('{r}')" for r in wanted)
    for role, held in expected.items():
        with team.connect(role) as connection:
            answers = connection.execute(text(question)).one()
        assert {r for r, yes in zip(wanted, answers, strict=True) if yes} == held, role
    with team.owner.engine.connect() as connection:
        assert all(connection.execute(text(question)).one())
    long_ago = datetime(2001, 1, 1, tzinfo=UTC)
    load = f"INSERT INTO tickets ({NEW}, created_at, version) VALUES ('a', 'b', 'billing', 'low', :t, 7) RETURNING id"
    kept = {}
    for trusted in (False, True):
        with team.connect("admin") as connection, connection.begin():
            if trusted:
                connection.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
            kept[trusted] = connection.execute(text(load), {"t": long_ago}).scalar_one()
    with team.connect("lead") as connection:
        connection.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', false)"))
        assert refused(connection, load, {"t": long_ago}) == "42501"
    with team.owner.engine.connect() as connection:
        stored = {i: at for i, at in connection.execute(text("SELECT id, created_at FROM tickets"))}
    assert stored[kept[True]] == long_ago
    assert stored[kept[False]] > long_ago + timedelta(days=3650)


def test_version_times_and_status_are_the_databases(team: Team) -> None:
    ticket_id = ticket(team)
    long_ago = datetime(2001, 1, 1, tzinfo=UTC)
    with team.connect("agent") as connection:
        # Columns an agent may not write at all.
        for sql in (
            "UPDATE tickets SET version = 1",
            "UPDATE tickets SET created_at = :t",
            "UPDATE tickets SET updated_at = :t",
            f"INSERT INTO tickets ({NEW}, created_at) VALUES ('a', 'b', 'billing', 'low', :t)",
            f"INSERT INTO tickets ({NEW}, status) VALUES ('a', 'b', 'billing', 'low', 'closed')",
            f"INSERT INTO tickets ({NEW}, version) VALUES ('a', 'b', 'billing', 'low', 99)",
            "INSERT INTO ticket_totals (category, priority, status, n) VALUES ('billing', 'low', 'open', 1000000)",
            "UPDATE ticket_totals SET n = n + 1000000",
            "UPDATE daily_flow SET created = created + 1000000",
            "INSERT INTO resolution_times (bucket, n) VALUES (1, 1000000)",
            "UPDATE suggestion_counts SET n = 0",
            "INSERT INTO agents (login, name, role) VALUES ('mallory', 'M', 'admin')",
            "INSERT INTO agent_groups (login, group_id) SELECT :login, id FROM groups",
        ):
            assert refused(connection, sql, {"t": long_ago, "login": team.logins["agent"]}) == "42501", sql
        with connection.begin():
            connection.execute(text("UPDATE tickets SET status = 'closed' WHERE id = :id"), {"id": ticket_id})
            # Unchanged values do not make a version, and a version cannot be rolled back by a client.
            connection.execute(text("UPDATE tickets SET status = status WHERE id = :id"), {"id": ticket_id})
        assert (
            refused(connection, "UPDATE tickets SET status = 'in_progress' WHERE id = :id", {"id": ticket_id})
            == "23514"
        )
        row = connection.execute(
            text("SELECT version, status, created_at FROM tickets WHERE id = :id"), {"id": ticket_id}
        ).one()
    assert (row.version, row.status) == (2, "closed")
    assert row.created_at > long_ago + timedelta(days=3650)
    assert_summaries_equal_a_recount(team)


def test_stats_equal_a_recount_whatever_sql_an_agent_runs(team: Team) -> None:
    ids = [ticket(team, category=c) for c in ("billing", "technical", "account")]
    with team.connect("agent") as connection, connection.begin():
        connection.execute(text("UPDATE tickets SET status = 'resolved'"))
        connection.execute(text("UPDATE tickets SET status = 'open' WHERE id = :id"), {"id": ids[0]})
        connection.execute(text("UPDATE tickets SET priority = 'low', category = 'billing'"))
        connection.execute(
            text(
                "INSERT INTO tickets (title, description, category, priority) SELECT title, description, category, "
                "priority FROM tickets"
            )
        )
    assert_summaries_equal_a_recount(team)


def test_viewer_reads_only(team: Team) -> None:
    ticket_id = ticket(team)
    with team.connect("viewer") as connection:
        assert connection.execute(text("SELECT count(*) FROM tickets")).scalar_one() == 1
        assert refused(connection, "UPDATE tickets SET title = 'x'") == "42501"
        assert (
            refused(
                connection,
                "INSERT INTO tickets (title, description, category, priority) VALUES ('a', 'b', 'billing', 'low')",
            )
            == "42501"
        )
    service = team.service("viewer")
    try:
        with pytest.raises(
            PermissionDenied, match=rf"Your database role \({team.logins['viewer']}\) may not change tickets"
        ):
            service.update(ticket_id, TicketChanges(title="Mine now"), 1)
    finally:
        service.database.dispose()


def test_agents_see_their_groups_and_tickets_without_one(team: Team) -> None:
    with team.owner.engine.connect() as connection:
        groups = dict(connection.execute(text("SELECT name, id FROM groups")).all())
    billing = ticket(team, "lead", group_id=groups["Billing"])
    hardware = ticket(team, "lead", group_id=groups["Hardware"])
    shared = ticket(team, "lead")
    with team.connect("agent") as connection:
        seen = set(connection.execute(text("SELECT id FROM tickets")).scalars())
        assert seen == {billing, shared}
        history = set(connection.execute(text("SELECT DISTINCT ticket_id FROM ticket_events")).scalars())
        assert history == {billing, shared}
        connection.rollback()
        with connection.begin():
            changed = connection.execute(text("UPDATE tickets SET title = 'mine' WHERE id = :id"), {"id": hardware})
        assert changed.rowcount == 0
        # Moving a ticket into someone else's group, or making one there, is refused.
        assert (
            refused(
                connection, "UPDATE tickets SET group_id = :g WHERE id = :id", {"g": groups["Hardware"], "id": shared}
            )
            == "42501"
        )
        assert (
            refused(
                connection,
                "INSERT INTO tickets (title, description, category, priority, group_id) "
                "VALUES ('a', 'b', 'billing', 'low', :g)",
                {"g": groups["Hardware"]},
            )
            == "42501"
        )
    with team.connect("lead") as connection:
        assert set(connection.execute(text("SELECT id FROM tickets")).scalars()) == {billing, hardware, shared}
    service = team.service("agent")
    try:
        page = service.page()
        assert {t.id for t in page.tickets} == {billing, shared}
        assert service.count().value == 2  # the list's count is of what the agent may see
        with pytest.raises(PermissionDenied, match="put a ticket in a group that is not theirs"):
            service.move_to_group(shared, "Hardware")
    finally:
        service.database.dispose()


def test_the_service_as_an_agent_stamps_and_records_who(team: Team) -> None:
    service = team.service("agent")
    written = datetime(2026, 11, 30, 8, 15, tzinfo=UTC)
    try:
        created = service.create(
            TicketDraft("VPN down", "No tunnel", Category.TECHNICAL, Priority.HIGH), written_at=written
        )
        updated = service.update(created.id, TicketChanges(status=Status.IN_PROGRESS), created.version)
        events = service.events(created.id)
        assert updated.version == 2 and updated.updated_at >= created.created_at
        assert service.get(created.id) == updated
    finally:
        service.database.dispose()
    assert [(e.field, e.actor) for e in events] == [("created", team.logins["agent"]), ("status", team.logins["agent"])]
    assert events[0].written_at == written and events[0].at != written
    assert events[1].written_at is None


def test_redaction_removes_the_text_everywhere_and_says_who_and_why(team: Team) -> None:
    from ticketflow_desktop.storage.team import redact, redactions

    ticket_id = ticket(team, description="Card 4111 1111 1111 1111")
    with team.connect("agent") as connection, connection.begin():
        connection.execute(
            text("UPDATE tickets SET description = 'Card 4111 1111 1111 1111, exp 12/29' WHERE id = :id"),
            {"id": ticket_id},
        )
    agent, lead = team.service("agent"), team.service("lead")
    try:
        with pytest.raises(PermissionDenied, match="may not redact tickets"):
            redact(agent.database, ticket_id, "description", "card number")
        redact(lead.database, ticket_id, "description", "card number")
        assert lead.get(ticket_id).description == "[redacted]"
        assert redactions(lead.database, ticket_id)[0][:3] == ("description", "card number", team.logins["lead"])
    finally:
        agent.database.dispose()
        lead.database.dispose()
    with team.owner.engine.connect() as connection:
        texts = (
            connection.execute(
                text(
                    "SELECT coalesce(old_value, '') || coalesce(new_value, '') FROM ticket_events WHERE ticket_id = :id"
                ),
                {"id": ticket_id},
            )
            .scalars()
            .all()
        )
        assert not any("4111" in value for value in texts)
        # The redaction made no history entry with the text in it, and no new version.
        assert (
            connection.execute(text("SELECT version FROM tickets WHERE id = :id"), {"id": ticket_id}).scalar_one() == 2
        )


def test_a_refused_write_is_not_kept_or_retried_by_the_outbox(team: Team, tmp_path) -> None:
    from ticketflow_desktop.services.outbox import Outbox
    from ticketflow_desktop.storage.outbox_store import OutboxStore

    ticket_id = ticket(team)
    viewer = team.service("viewer")
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    outbox = Outbox(store, viewer.database.url, viewer)
    try:
        with pytest.raises(PermissionDenied, match="may not change tickets"):
            outbox.submit(TicketDraft("Mine", "From a viewer", Category.BILLING, Priority.LOW))
        with pytest.raises(PermissionDenied):
            outbox.update(ticket_id, TicketChanges(title="Mine"), 1)
        assert outbox.items() == []  # refused for good: nothing waits to be retried
    finally:
        store.close()
        viewer.database.dispose()


def test_threads_are_append_only_and_signed_by_the_database(team: Team) -> None:
    ticket_id = ticket(team)
    with team.connect("agent") as connection:
        with connection.begin():
            connection.execute(
                text("INSERT INTO messages (ticket_id, kind, body) VALUES (:id, 'reply', 'Hello')"), {"id": ticket_id}
            )
        assert (
            refused(
                connection,
                "INSERT INTO messages (ticket_id, kind, body, author) VALUES (:id, 'note', 'x', 'someone_else')",
                {"id": ticket_id},
            )
            == "42501"
        )
        assert refused(connection, "UPDATE messages SET body = 'rewritten'") == "42501"
        assert refused(connection, "DELETE FROM messages") == "42501"
        author = connection.execute(text("SELECT author FROM messages WHERE ticket_id = :id"), {"id": ticket_id})
        assert author.scalar_one() == team.logins["agent"]


def test_a_colleagues_saved_reply_is_theirs_to_change(team: Team) -> None:
    with team.connect("other") as connection, connection.begin():
        connection.execute(text("INSERT INTO macros (name, body, shared) VALUES ('Bob''s', 'x', true)"))
        connection.execute(text("INSERT INTO macros (name, body, shared) VALUES ('Bob private', 'x', false)"))
    with team.connect("agent") as connection:
        names = set(connection.execute(text("SELECT name FROM macros")).scalars())
        assert names == {"Bob's"}  # a personal one stays its owner's
        connection.rollback()
        with connection.begin():
            removed = connection.execute(text("DELETE FROM macros")).rowcount
            changed = connection.execute(text("UPDATE macros SET body = 'mine'")).rowcount
        assert (removed, changed) == (0, 0)
    with team.owner.engine.connect() as connection:
        owners = dict(connection.execute(text("SELECT name, owner FROM macros")).all())
    assert owners == {"Bob's": team.logins["other"], "Bob private": team.logins["other"]}


def test_search_finds_only_what_the_agent_may_see(team: Team) -> None:
    with team.owner.engine.connect() as connection:
        hardware = connection.execute(text("SELECT id FROM groups WHERE name = 'Hardware'")).scalar_one()
    hidden = ticket(team, "lead", title="Secret merger plans", group_id=hardware)
    shown = ticket(team, "lead", title="Public merger FAQ")
    with team.connect("agent") as connection:
        # The search function runs as the owner, but applies the policy itself: no hidden id leaks.
        ids = set(connection.execute(text("SELECT tf_tickets_containing('%merger%', '%merger%')")).scalars())
        assert ids == {shown}
        # ... and so does an older app's search (kept for expand/contract).
        assert set(connection.execute(text("SELECT tf_matching_tickets('%merger%')")).scalars()) == {shown}
    service = team.service("agent")
    try:
        assert [t.id for t in service.page(TicketFilter(search="merger")).tickets] == [shown]
        assert service.count(TicketFilter(search="merger")).value == 1
    finally:
        service.database.dispose()
    assert hidden != shown
