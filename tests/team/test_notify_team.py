"""Notifications, unread marks and presence between two agents (two database logins), and a colleague
who tries to forge another's presence or read marks in raw SQL: PostgreSQL refuses or overwrites it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text

from tests.team.conftest import Team
from tests.team.test_red_team import refused
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import MessageKind, Requester
from ticketflow_desktop.domain.notifications import NotificationKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.notifications import NotificationService
from ticketflow_desktop.services.presence import PresenceService
from ticketflow_desktop.services.reads import ReadService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database

pytestmark = pytest.mark.postgresql


@pytest.fixture
def logged_in(team: Team) -> Iterator[dict[str, Database]]:
    """role -> a database opened as that login (disposed after)."""
    opened = {role: open_database(url) for role, url in team.urls.items()}
    yield opened
    for database in opened.values():
        database.dispose()


def new_ticket(database: Database, title: str = "Printer on fire") -> int:
    draft = TicketDraft(title, "Smoke everywhere.", Category.TECHNICAL, Priority.HIGH)
    return TicketService(database).create(draft, requester=Requester("Ann Lee", "ann@example.com")).id


def test_a_colleagues_acts_reach_me_as_news_and_mine_never_do(team: Team, logged_in: dict[str, Database]) -> None:
    alice, bob = logged_in["agent"], logged_in["other"]
    alice_login, bob_login = team.logins["agent"], team.logins["other"]
    bob_news, alice_news = NotificationService(bob), NotificationService(alice)
    bob_cursor, alice_cursor = bob_news.news(None).cursor, alice_news.news(None).cursor
    ticket_id = new_ticket(alice)
    TicketService(alice).assign(ticket_id, bob_login)
    conversation = ConversationService(alice)
    conversation.add(ticket_id, MessageKind.NOTE, f"@{bob_login.upper()} please look")
    conversation.add(ticket_id, MessageKind.NOTE, f"mail {bob_login}@example.com, not a mention")
    conversation.add(ticket_id, MessageKind.CUSTOMER, "It is still smoking!")
    news = bob_news.news(bob_cursor)
    assert [(n.kind, n.ticket_id, n.actor) for n in news.notifications] == [
        (NotificationKind.ASSIGNED, ticket_id, alice_login),
        (NotificationKind.MENTIONED, ticket_id, alice_login),
        (NotificationKind.CUSTOMER_WROTE, ticket_id, None),
    ]
    assert news.notifications[2].excerpt == "It is still smoking!"
    assert news.notifications[0].who == "Agent Tester"  # her name in the team, not her login
    assert bob_news.news(news.cursor).notifications == ()  # said once
    assert alice_news.news(alice_cursor).notifications == ()  # her own acts


def test_unread_until_opened_and_again_after_a_colleagues_note(team: Team, logged_in: dict[str, Database]) -> None:
    alice, bob = logged_in["agent"], logged_in["other"]
    ticket_id = new_ticket(alice)
    TicketService(alice).assign(ticket_id, team.logins["other"])
    bob_reads, alice_reads = ReadService(bob), ReadService(alice)
    assert bob_reads.unread_among([ticket_id]) == {ticket_id}
    assert alice_reads.unread_among([ticket_id]) == frozenset()  # not hers, never opened by her
    bob_reads.mark_read(ticket_id)
    assert bob_reads.unread_among([ticket_id]) == frozenset()
    ConversationService(bob).add(ticket_id, MessageKind.NOTE, "Looking into it.")  # his own act
    assert bob_reads.unread_among([ticket_id]) == frozenset()
    ConversationService(alice).add(ticket_id, MessageKind.NOTE, "Thanks!")
    assert bob_reads.unread_among([ticket_id]) == {ticket_id}
    with team.owner.engine.connect() as connection:  # the marks carry the logins the database stamped
        marks = connection.execute(text("SELECT login FROM ticket_reads WHERE ticket_id = :t"), {"t": ticket_id})
        assert marks.scalars().all() == [team.logins["other"]]


def test_presence_is_seen_by_the_colleague_and_expires_by_the_servers_clock(
    team: Team, logged_in: dict[str, Database]
) -> None:
    alice, bob = PresenceService(logged_in["agent"]), PresenceService(logged_in["other"])
    ticket_id = new_ticket(logged_in["agent"])
    bob.beat(ticket_id)
    alice.beat(ticket_id)
    [here] = alice.others_here(ticket_id)
    assert (here.login, here.name, here.typing) == (team.logins["other"], "Other Tester", False)
    bob.beat(ticket_id, typing=True)
    assert [p.typing for p in alice.others_here(ticket_id)] == [True]
    # A heartbeat older than the freshness window is nobody: with a window of zero, any beat from an
    # earlier transaction is already too old by the server's clock (no sleeping in the test).
    assert alice.others_here(ticket_id, fresh=timedelta(0)) == ()
    assert [p.login for p in bob.others_here(ticket_id)] == [team.logins["agent"]]
    bob.leave(ticket_id)
    assert alice.others_here(ticket_id) == ()


def test_presence_of_a_ticket_one_may_not_see_is_refused(team: Team, logged_in: dict[str, Database]) -> None:
    lead = logged_in["lead"]
    service = TicketService(lead)
    ticket_id = new_ticket(lead, "Hardware only")
    service.move_to_group(ticket_id, "Hardware")
    PresenceService(logged_in["other"]).beat(ticket_id)  # bob is in Hardware
    assert PresenceService(logged_in["agent"]).others_here(ticket_id) == ()  # alice (Billing) sees nothing
    with team.connect("agent") as connection:
        assert refused(connection, "INSERT INTO presence (ticket_id) VALUES (:t)", {"t": ticket_id}) == "42501"
        assert refused(connection, "INSERT INTO ticket_reads (ticket_id) VALUES (:t)", {"t": ticket_id}) == "42501"


def test_nobody_forges_another_agents_presence_or_read_marks(team: Team, logged_in: dict[str, Database]) -> None:
    bob_login = team.logins["other"]
    ticket_id = new_ticket(logged_in["agent"])
    PresenceService(logged_in["other"]).beat(ticket_id)
    ReadService(logged_in["other"]).mark_read(ticket_id)
    with team.owner.engine.connect() as connection:
        before = connection.execute(text("SELECT * FROM presence ORDER BY login")).all()
        marks_before = connection.execute(text("SELECT * FROM ticket_reads ORDER BY login")).all()
    params = {"t": ticket_id, "bob": bob_login}
    with team.connect("agent") as connection:
        for sql in (
            "INSERT INTO presence (login, ticket_id, typing) VALUES (:bob, :t, true)",
            "INSERT INTO ticket_reads (login, ticket_id, seen_event_id) VALUES (:bob, :t, 0)",
            "UPDATE presence SET login = :bob",
            "UPDATE ticket_reads SET login = :bob",
            "TRUNCATE presence",
            "DELETE FROM ticket_reads",
        ):
            assert refused(connection, sql, params) == "42501", sql
        with connection.begin():  # row-level security: another's rows are not even there to change
            assert (
                connection.execute(text("UPDATE presence SET typing = true WHERE login = :bob"), params).rowcount == 0
            )
            assert connection.execute(text("DELETE FROM presence WHERE login = :bob"), params).rowcount == 0
            assert connection.execute(text("UPDATE ticket_reads SET seen_event_id = 0"), params).rowcount == 0
            assert connection.execute(text("SELECT count(*) FROM ticket_reads")).scalar_one() == 0
            # Her own row: the login and the time are the server's, whatever she sends.
            connection.execute(text("INSERT INTO presence (ticket_id) VALUES (:t)"), params)
            connection.execute(
                text("UPDATE presence SET seen_at = now() + interval '1 day' WHERE ticket_id = :t"), params
            )
            own = connection.execute(
                text("SELECT login, seen_at = now() FROM presence WHERE login = session_user AND ticket_id = :t"),
                params,
            ).one()
    assert tuple(own) == (team.logins["agent"], True)  # no ghost kept alive by a heartbeat dated tomorrow
    with team.owner.engine.connect() as connection:
        after = connection.execute(text("SELECT * FROM presence WHERE login = :bob"), params).all()
        assert after == [r for r in before if r.login == bob_login]
        assert connection.execute(text("SELECT * FROM ticket_reads ORDER BY login")).all() == marks_before


def test_a_change_committed_after_a_later_one_is_still_news(team: Team, logged_in: dict[str, Database]) -> None:
    """Ids come from a sequence: a colleague's transaction can take an id, then commit after one that took a
    later id and committed first. The first read sees only the later one; the earlier arrives next time."""
    alice, bob = logged_in["agent"], logged_in["other"]
    ticket_id = new_ticket(alice)
    TicketService(alice).assign(ticket_id, team.logins["other"])
    bob_news = NotificationService(bob)
    cursor = bob_news.news(None).cursor
    with team.owner.engine.connect() as slow:  # the mail fetcher, say: takes its id first, commits last
        slow.execute(
            text(
                "INSERT INTO messages (ticket_id, kind, author, at, body) "
                "VALUES (:t, 'customer', '', now(), 'Written first, stored last')"
            ),
            {"t": ticket_id},
        )
        ConversationService(alice).add(ticket_id, MessageKind.CUSTOMER, "Written second, stored first")
        first = bob_news.news(cursor)
        assert [n.excerpt for n in first.notifications] == ["Written second, stored first"]
        assert len(first.cursor.message_gaps) == 1  # the id still being written
        slow.commit()
    second = bob_news.news(first.cursor)
    assert [n.excerpt for n in second.notifications] == ["Written first, stored last"]
    assert second.cursor.message_gaps == ()
    assert bob_news.news(second.cursor).notifications == ()  # said once


def test_a_cursor_with_gaps_survives_the_settings_file() -> None:
    from datetime import UTC, datetime

    from ticketflow_desktop.domain.notifications import NewsCursor

    cursor = NewsCursor(10, 20, datetime(2026, 12, 3, 9, 30, tzinfo=UTC), (7, 9), (18,))
    assert NewsCursor.from_text(cursor.as_text()) == cursor
    assert NewsCursor.from_text("10,20,") == NewsCursor(10, 20, None)  # written by the version before gaps
    assert NewsCursor.from_text("10,20,,x,") is None


def test_a_colleagues_work_out_of_sight_is_no_gap(team: Team, logged_in: dict[str, Database]) -> None:
    """Messages on tickets the agent may not see are committed, just invisible: the cursor does not carry
    them as gaps (they would crowd out a late commit the agent may see)."""
    alice = logged_in["agent"]  # Billing
    bob_news = NotificationService(alice)
    cursor = bob_news.news(None).cursor
    with team.owner.engine.connect() as connection:
        hardware = connection.execute(text("SELECT id FROM groups WHERE name = 'Hardware'")).scalar_one()
    lead = TicketService(logged_in["lead"])
    theirs = lead.create(TicketDraft("Fan noise", "Loud.", Category.TECHNICAL, Priority.LOW), group="Hardware")
    assert theirs.id and hardware
    for n in range(3):
        ConversationService(logged_in["lead"]).add(theirs.id, MessageKind.NOTE, f"Checked {n}.")
    news = bob_news.news(cursor)
    assert news.notifications == () and news.cursor.message_gaps == () and news.cursor.event_gaps == ()
