"""News, unread marks and presence for one person, on both backends: one's own acts are never news
nor unread; history is not replayed as news; a load from elsewhere (no actor) makes a ticket unread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, text

from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import MessageKind, Requester
from ticketflow_desktop.domain.notifications import NotificationKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.notifications import NotificationService
from ticketflow_desktop.services.presence import PresenceService
from ticketflow_desktop.services.reads import ReadService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.tables import agent_table, ticket_event_table


def me(service: TicketService) -> str:
    """This session's login, able to own tickets (an agent record on PostgreSQL)."""
    with service.database.writing() as session:
        if service.database.is_sqlite:
            from ticketflow_desktop.storage.team import local_login

            return local_login()
        login = str(session.execute(text("SELECT session_user")).scalar_one())
        session.execute(insert(agent_table).values(login=login, name="Me Myself", role="admin"))
        return login


def draft(title: str = "Printer on fire") -> TicketDraft:
    return TicketDraft(title, "Smoke everywhere.", Category.TECHNICAL, Priority.HIGH)


def test_my_own_acts_are_no_news_and_leave_nothing_unread(service: TicketService) -> None:
    login = me(service)
    notifications, reads = NotificationService(service.database, service.clock), ReadService(service.database)
    conversation = ConversationService(service.database, service.clock)
    before = notifications.news(None)
    assert before.notifications == ()
    ticket = service.create(draft(), requester=Requester("Ann Lee", "ann@example.com"))
    service.assign(ticket.id, login)
    conversation.add(ticket.id, MessageKind.NOTE, f"@{login} remember the toner")
    conversation.add(ticket.id, MessageKind.CUSTOMER, "It is still smoking.")  # recorded by me
    news = notifications.news(before.cursor)
    assert news.notifications == () and news.more == 0
    assert news.cursor.event_id > before.cursor.event_id and news.cursor.message_id > before.cursor.message_id
    assert reads.unread_among([ticket.id]) == frozenset()  # mine, and only I acted on it


def test_history_is_not_replayed_as_news(service: TicketService) -> None:
    login = me(service)
    ticket = service.create(draft())
    _event_by_nobody(service, ticket.id, "assignee", login)
    first = NotificationService(service.database).news(None)  # the first start: news begins now
    assert first.notifications == ()
    assert NotificationService(service.database).news(first.cursor).notifications == ()


def test_a_load_from_elsewhere_is_news_and_unread_until_opened(service: TicketService) -> None:
    login = me(service)
    notifications, reads = NotificationService(service.database), ReadService(service.database, service.clock)
    ticket = service.create(draft())
    service.assign(ticket.id, login)
    reads.mark_read(ticket.id)
    assert reads.unread_among([ticket.id]) == frozenset()
    cursor = notifications.news(None).cursor
    _event_by_nobody(service, ticket.id, "assignee", login)  # a history row with no actor: an import's
    news = notifications.news(cursor)
    if not service.database.is_sqlite:  # PostgreSQL writes the loader (me) as its actor: my own act
        assert news.notifications == () and reads.unread_among([ticket.id]) == frozenset()
        return
    assert [(n.kind, n.ticket_id, n.title, n.actor) for n in news.notifications] == [
        (NotificationKind.ASSIGNED, ticket.id, "Printer on fire", None)
    ]
    assert notifications.news(news.cursor).notifications == ()  # said once
    assert reads.unread_among([ticket.id, 999]) == {ticket.id}
    reads.mark_read(ticket.id)
    assert reads.unread_among([ticket.id]) == frozenset()


def test_tickets_neither_mine_nor_opened_are_not_marked(service: TicketService) -> None:
    ticket = service.create(draft())
    _event_by_nobody(service, ticket.id, "priority", "low")
    assert ReadService(service.database).unread_among([ticket.id]) == frozenset()


def test_the_sla_hook_announces_each_due_time_once(service: TicketService) -> None:
    me(service)
    due = datetime(2030, 1, 1, tzinfo=UTC)
    asked: list[datetime] = []

    def breaches(_session: object, _login: str, until: datetime) -> list[tuple[int, str, datetime]]:
        asked.append(until)
        return [(42, "Server down", due)]

    service_with_sla = NotificationService(
        service.database, service.clock, breaches, warn_before=timedelta(days=10_000)
    )
    first = service_with_sla.news(None)
    assert [(n.kind, n.ticket_id, n.at) for n in first.notifications] == [(NotificationKind.ABOUT_TO_BREACH, 42, due)]
    assert service_with_sla.news(first.cursor).notifications == ()
    assert len(asked) == 2


def test_presence_is_absent_on_one_persons_file_and_works_on_a_team_database(service: TicketService) -> None:
    presence = PresenceService(service.database)
    ticket = service.create(draft())
    presence.beat(ticket.id, typing=True)
    assert presence.others_here(ticket.id) == ()  # on PostgreSQL too: I am not "also here"
    presence.leave(ticket.id)
    assert presence.available == (not service.database.is_sqlite)


def _event_by_nobody(service: TicketService, ticket_id: int, field: str, value: str) -> None:
    """A history row with no actor, as a bulk load from another system writes (arranged as the owner)."""
    with service.database.writing() as session:
        if not service.database.is_sqlite:
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
        session.execute(
            insert(ticket_event_table).values(
                ticket_id=ticket_id, at=service.clock.now(), field=field, old_value=None, new_value=value,
                source="import", version=1, actor=None,
            )
        )  # fmt: skip
