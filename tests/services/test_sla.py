"""SLAs on SQLite and PostgreSQL: dues stored with each ticket, kept on every write, read from the clock.

A calendar of every minute (Mon-Sun 00:00-24:00) makes business minutes real minutes, so the dues
follow from the stored creation time whatever day the tests run (on PostgreSQL the server stamps it);
the business-hour arithmetic itself is tested in tests/domain.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from tests.databases import database_today
from tests.services.test_conversation import assignee_for
from ticketflow_desktop.domain import (
    Category,
    Priority,
    Sort,
    SortKey,
    Status,
    Ticket,
    TicketChanges,
    TicketDraft,
    TicketFilter,
    ValidationError,
)
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.sla import Attainment, SlaPolicy, SlaState, week_of
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService

ALWAYS = "Mon-Sun 00:00-24:00"


@pytest.fixture
def sla(service: TicketService) -> SlaService:
    sla = SlaService(service.database, service.clock)
    sla.set_calendar(ALWAYS, "Europe/Berlin")
    sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))
    sla.set_policy(SlaPolicy(Priority.CRITICAL, 30, 4 * 60))
    return sla


def make(service: TicketService, priority: Priority = Priority.HIGH, title: str = "Printer on fire") -> Ticket:
    return service.create(TicketDraft(title, "Smoke from tray 2", Category.TECHNICAL, priority))


def arrived(ticket: Ticket) -> datetime:
    """The minute SLA clocks count from."""
    return ticket.created_at.replace(second=0, microsecond=0)


def at(service: TicketService, ticket: Ticket, minutes: float) -> Ticket:
    """The ticket as read `minutes` after its creation."""
    clock = service.clock
    assert isinstance(clock, FixedClock)
    clock.at = arrived(ticket) + timedelta(minutes=minutes)
    return service.get(ticket.id)


def test_a_new_ticket_gets_the_dues_of_its_priority(service: TicketService, sla: SlaService) -> None:
    ticket = make(service)
    assert ticket.sla.first_response_due == arrived(ticket) + timedelta(minutes=60)
    assert ticket.sla.resolution_due == arrived(ticket) + timedelta(minutes=480)
    assert at(service, ticket, 10).sla.state is SlaState.OK
    assert at(service, ticket, 50).sla.state is SlaState.DUE_SOON
    late = at(service, ticket, 75)
    assert (late.sla.state, late.sla.minutes_left) == (SlaState.BREACHED, -15)
    low = make(service, Priority.LOW)  # no policy for low
    assert at(service, low, 10).sla.state is None and low.sla.first_response_due is None


def test_the_first_reply_stops_the_first_response_clock(service: TicketService, sla: SlaService) -> None:
    ticket = make(service)
    ConversationService(service.database, service.clock).add(ticket.id, MessageKind.NOTE, "Internal: checking")
    assert service.get(ticket.id).sla.first_responded_at is None  # a note is not a response
    ConversationService(service.database, service.clock).add(ticket.id, MessageKind.REPLY, "On our way")
    read = at(service, ticket, 90)
    assert read.sla.first_responded_at is not None
    assert (read.sla.state, read.sla.running_due) == (SlaState.OK, read.sla.resolution_due)


def test_waiting_on_the_customer_pauses_and_their_answer_reopens(service: TicketService, sla: SlaService) -> None:
    ticket = make(service)
    conversation = ConversationService(service.database, service.clock)
    conversation.add(ticket.id, MessageKind.REPLY, "Which printer?")
    replied = service.get(ticket.id)
    waiting = service.update(ticket.id, TicketChanges(status=Status.PENDING), replied.version)
    assert waiting.status is Status.PENDING and waiting.status.label == "Waiting on customer"
    assert at(service, ticket, 60 * 24).sla.state is SlaState.PAUSED  # a day later: paused, not breached
    assert service.count(TicketFilter(status=Status.PENDING)).value == 1
    assert service.stats().by_status[Status.PENDING] == 1
    conversation.add(ticket.id, MessageKind.CUSTOMER, "The one on floor 2")
    back = service.get(ticket.id)
    assert back.status is Status.OPEN
    assert back.sla.paused_at is None
    assert back.sla.resolution_due == ticket.sla.resolution_due + timedelta(minutes=back.sla.paused_minutes)
    if not service.database.enforces_team_rules:  # SQLite's times are the test clock's: a day waited
        assert back.sla.paused_minutes == 60 * 24


def test_done_tickets_are_met_or_breached(service: TicketService, sla: SlaService) -> None:
    ticket = make(service)
    resolved = service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)
    assert resolved.sla.outcome is SlaState.MET  # resolved at once: within both targets
    assert at(service, ticket, 60 * 24 * 30).sla.state is SlaState.MET
    reopened = service.update(ticket.id, TicketChanges(status=Status.OPEN), resolved.version)
    assert reopened.sla.outcome is None


def test_a_priority_change_takes_the_new_policy(service: TicketService, sla: SlaService) -> None:
    ticket = make(service)
    critical = service.update(ticket.id, TicketChanges(priority=Priority.CRITICAL), ticket.version)
    assert critical.sla.first_response_due == arrived(ticket) + timedelta(minutes=30)
    assert service.get(ticket.id).sla.resolution_due == arrived(ticket) + timedelta(minutes=240)
    low = service.update(ticket.id, TicketChanges(priority=Priority.LOW), critical.version)
    assert low.sla.resolution_due is None and service.get(ticket.id).sla.state is None


def test_a_policy_change_applies_to_tickets_not_yet_done(service: TicketService, sla: SlaService) -> None:
    running, done = make(service), make(service)
    service.update(done.id, TicketChanges(status=Status.CLOSED), done.version)
    assert sla.set_policy(SlaPolicy(Priority.HIGH, 120, 960)) == 1
    assert service.get(running.id).sla.resolution_due == arrived(running) + timedelta(minutes=960)
    assert service.get(done.id).sla.resolution_due == done.sla.resolution_due
    assert service.get(done.id).sla.outcome is SlaState.MET
    assert sla.policies()[Priority.HIGH] == SlaPolicy(Priority.HIGH, 120, 960)


def test_filter_by_state_and_sort_by_due(service: TicketService, sla: SlaService) -> None:
    high, critical, low = make(service), make(service, Priority.CRITICAL), make(service, Priority.LOW)
    later = service.get(critical.id)
    at(service, later, 45)  # critical's first response (30 min) is late; high's (60) is due soon
    page = service.page(sort=Sort(SortKey.DUE, descending=False))
    assert [t.id for t in page.tickets] == [critical.id, high.id, low.id]
    breached = TicketFilter(sla_states=frozenset({SlaState.BREACHED}))
    assert [t.id for t in service.page(breached).tickets] == [critical.id]
    soon_or_late = TicketFilter(sla_states=frozenset({SlaState.BREACHED, SlaState.DUE_SOON}))
    assert {t.id for t in service.page(soon_or_late).tickets} == {critical.id, high.id}
    assert service.count(soon_or_late).value == 2
    ok = service.page(TicketFilter(sla_states=frozenset({SlaState.OK})))
    assert ok.tickets == ()
    assert [t.sla.state for t in service.page(sort=Sort(SortKey.DUE, descending=False)).tickets] == [
        SlaState.BREACHED,
        SlaState.DUE_SOON,
        None,
    ]


def test_a_bad_calendar_is_refused_with_words_and_nothing_changes(service: TicketService, sla: SlaService) -> None:
    with pytest.raises(ValidationError, match="not a time zone"):
        sla.set_calendar("Mon-Fri 09:00-17:00", "Mars/Olympus")
    with pytest.raises(ValidationError, match="not like 'Mon-Fri 09:00-17:00'"):
        sla.set_calendar("weekdays", "UTC")
    stored = sla.calendar()
    assert (stored.hours, stored.zone) == (ALWAYS, "Europe/Berlin")
    sla.set_calendar("Mon-Fri 08:00-16:00", "UTC", [date(2026, 12, 25), date(2026, 12, 24)])
    assert sla.calendar().holidays == (date(2026, 12, 24), date(2026, 12, 25))


def test_the_database_refuses_an_unknown_status_and_keeps_pending(service: TicketService) -> None:
    ticket = make(service)
    with service.database.writing() as session:
        session.execute(text("UPDATE tickets SET status = 'pending' WHERE id = :id"), {"id": ticket.id})
    assert service.get(ticket.id).status is Status.PENDING
    # Refused by the CHECK (SQLite) or the workflow trigger (PostgreSQL).
    with pytest.raises(Exception, match="status"), service.database.writing() as session:
        session.execute(text("UPDATE tickets SET status = 'snoozed' WHERE id = :id"), {"id": ticket.id})
    pending_first = service.page(sort=Sort(SortKey.STATUS, descending=False)).tickets
    assert [t.status for t in pending_first] == [Status.PENDING]


def test_attainment_per_week_and_agent(service: TicketService, sla: SlaService) -> None:
    login = assignee_for(service)
    kept, late, nobodys = make(service), make(service, Priority.CRITICAL), make(service)
    kept = service.assign(kept.id, login)
    late = service.assign(late.id, login)
    with service.database.writing() as session:  # its first response was due long ago
        if service.database.enforces_team_rules:  # there only an administrator's load brings SLA figures
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
        session.execute(
            text("UPDATE tickets SET first_response_due = created_at - interval '1 hour' WHERE id = :id")
            if service.database.enforces_team_rules
            else text("UPDATE tickets SET first_response_due = '2000-01-01 00:00:00.000000' WHERE id = :id"),
            {"id": late.id},
        )
    for ticket in (kept, late, nobodys):
        service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)
    make(service)  # not done: not counted
    today = database_today(service.database)
    result = sla.attainment(28, today)
    assert len(result.weeks) in (4, 5) and result.weeks[-1] == week_of(today)
    assert (result.met_per_week[-1], result.settled_per_week[-1]) == (2, 3)
    assert sum(result.settled_per_week[:-1]) == 0
    assert result.per_agent == ((login, 1, 2), ("", 1, 1))
    assert Attainment.share(1, 2) == 50.0 and Attainment.share(0, 0) is None


def test_my_ticket_about_to_breach_is_news_once_and_not_after_it_is_missed(
    service: TicketService, sla: SlaService
) -> None:
    from tests.services.test_news_reads_presence import me
    from ticketflow_desktop.domain.notifications import NotificationKind
    from ticketflow_desktop.services.notifications import NotificationService
    from ticketflow_desktop.services.sla import BreachesSoon

    login = me(service)
    mine, waiting = make(service), make(service, title="Waiting")
    make(service, title="Not mine")
    for ticket in (mine, waiting):
        service.assign(ticket.id, login)
    service.update(waiting.id, TicketChanges(status=Status.PENDING), service.get(waiting.id).version)
    # The window is wide: this test moves the SLA's clock, while PostgreSQL's now() is the real time.
    news = NotificationService(service.database, service.clock, BreachesSoon(service.clock), timedelta(days=10_000))
    at(service, mine, 40)  # 20 minutes before the first response is due
    first = news.news(None)
    assert [(n.kind, n.ticket_id, n.title) for n in first.notifications] == [
        (NotificationKind.ABOUT_TO_BREACH, mine.id, "Printer on fire")
    ]
    assert first.notifications[0].at == service.get(mine.id).sla.first_response_due
    assert news.news(first.cursor).notifications == ()  # each due time once
    at(service, mine, 61)  # missed: a breach, no longer "about to"
    with service.database.reading() as session:
        assert BreachesSoon(service.clock)(session, login, datetime(2100, 1, 1, tzinfo=UTC)) == []


@pytest.mark.parametrize("minutes", [10, 25, 45, 75, 300, 600])
def test_each_state_filter_holds_exactly_the_tickets_in_that_state(
    service: TicketService, sla: SlaService, minutes: int
) -> None:
    """The filter's conditions on the stored dues agree with the state each ticket shows, at any time."""
    tickets = [make(service, p) for p in (Priority.HIGH, Priority.CRITICAL, Priority.LOW, Priority.HIGH)]
    waiting = make(service, Priority.CRITICAL)
    service.update(waiting.id, TicketChanges(status=Status.PENDING), waiting.version)
    closed = make(service)
    service.update(closed.id, TicketChanges(status=Status.CLOSED), closed.version)
    at(service, tickets[0], minutes)
    shown = {t.id: t.sla.state for t in service.page(limit=100).tickets}
    assert len(shown) == 6
    for state in SlaState:
        found = {t.id for t in service.page(TicketFilter(sla_states=frozenset({state})), limit=100).tickets}
        assert found == {i for i, s in shown.items() if s is state}, state
