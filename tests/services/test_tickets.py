"""TicketService on SQLite and PostgreSQL: what is stored is what a user gets back."""

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.clock import TEST_NOW
from ticketflow_desktop.domain import (
    Category,
    Conflict,
    EventSource,
    NewTicket,
    NotFound,
    Priority,
    Sort,
    SortKey,
    Status,
    Suggestion,
    SuggestionSource,
    TicketChanges,
    TicketDraft,
    TicketFilter,
    ValidationError,
)
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import analytics as summaries
from ticketflow_desktop.storage.bulk import bulk_insert


def make(
    service: TicketService,
    title: str = "Login fails",
    description: str = "Cannot log in since Monday",
    category: Category = Category.ACCOUNT,
    priority: Priority = Priority.HIGH,
    **kw: object,
):
    return service.create(TicketDraft(title, description, category, priority, **kw))  # type: ignore[arg-type]


def test_create_and_get(service: TicketService) -> None:
    suggestion = Suggestion(Category.ACCOUNT, Priority.MEDIUM, SuggestionSource.LLM, "gpt-4o-mini", 0.8)
    ticket = make(service, "  Padded  ", suggestion=suggestion)
    stored = service.get(ticket.id)
    assert stored == ticket
    assert stored.title == "Padded"
    assert stored.status is Status.OPEN and stored.version == 1
    assert stored.created_at.tzinfo is not None and stored.created_at == stored.updated_at
    assert stored.suggestion == suggestion and stored.suggestion_accepted is False
    assert [e.field for e in service.events(ticket.id)] == ["created"]


def test_invalid_draft_stores_nothing(service: TicketService) -> None:
    with pytest.raises(ValidationError):
        make(service, title="")
    assert service.count().value == 0


def test_get_missing(service: TicketService) -> None:
    with pytest.raises(NotFound, match="#999"):
        service.get(999)


def test_idempotency_key_prevents_duplicates(service: TicketService) -> None:
    first = make(service, idempotency_key="abc")
    second = make(service, idempotency_key="abc")
    assert first.id == second.id and service.count().value == 1


def test_update_records_events_and_version(service: TicketService, clock: FixedClock) -> None:
    ticket = make(service)
    clock.advance(timedelta(minutes=5))
    updated = service.update(ticket.id, TicketChanges(status=Status.IN_PROGRESS, priority=Priority.CRITICAL), 1)
    assert (updated.status, updated.priority, updated.version) == (Status.IN_PROGRESS, Priority.CRITICAL, 2)
    assert updated == service.get(ticket.id)  # what update returns is what is stored
    assert updated.updated_at > ticket.updated_at
    events = service.events(ticket.id)
    assert {(e.field, e.old_value, e.new_value) for e in events[1:]} == {
        ("status", "open", "in_progress"),
        ("priority", "high", "critical"),
    }
    assert all(e.source is EventSource.USER for e in events)


def test_update_without_difference_changes_nothing(service: TicketService) -> None:
    ticket = make(service)
    same = service.update(ticket.id, TicketChanges(priority=Priority.HIGH), 1)
    assert same.version == 1 and len(service.events(ticket.id)) == 1


def test_stale_version_on_same_field_conflicts_with_current_ticket(service: TicketService) -> None:
    ticket = make(service)
    service.update(ticket.id, TicketChanges(priority=Priority.LOW), 1)
    with pytest.raises(Conflict) as caught:
        service.update(ticket.id, TicketChanges(priority=Priority.CRITICAL), 1)
    assert caught.value.current.priority is Priority.LOW
    assert caught.value.current.version == 2
    assert caught.value.conflicting_fields == ("priority",)
    assert service.get(ticket.id).priority is Priority.LOW


def test_stale_version_on_other_fields_merges(service: TicketService) -> None:
    ticket = make(service)
    service.update(ticket.id, TicketChanges(priority=Priority.LOW), 1)
    merged = service.update(ticket.id, TicketChanges(status=Status.RESOLVED), 1)
    assert (merged.priority, merged.status, merged.version) == (Priority.LOW, Status.RESOLVED, 3)
    assert merged == service.get(ticket.id)


def test_forbidden_transition(service: TicketService) -> None:
    ticket = make(service)
    closed = service.update(ticket.id, TicketChanges(status=Status.CLOSED), 1)
    with pytest.raises(ValidationError, match="reopen"):
        service.update(ticket.id, TicketChanges(status=Status.RESOLVED), closed.version)


def test_filters_combine_with_and(service: TicketService) -> None:
    a = make(service, category=Category.BILLING, priority=Priority.LOW)
    make(service, category=Category.BILLING, priority=Priority.HIGH)
    make(service, category=Category.TECHNICAL, priority=Priority.LOW)
    result = service.page(TicketFilter(category=Category.BILLING, priority=Priority.LOW))
    assert [t.id for t in result.tickets] == [a.id]
    assert service.count(TicketFilter(category=Category.BILLING)).value == 2
    assert service.count(TicketFilter(status=Status.CLOSED)).value == 0


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_cover_every_ticket_once_in_order(service: TicketService, key: SortKey, descending: bool) -> None:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    tickets = [
        NewTicket(
            f"Ticket {i % 7}",
            f"body {i}",
            list(Category)[i % 4],
            list(Priority)[i % 4],
            created_at=base + timedelta(hours=i // 3),
        )  # ties on created_at exercise the id tiebreak
        for i in range(53)
    ]
    bulk_insert(service.database, tickets)
    if key is SortKey.DUE:  # dues for two priorities; the others have none and sort last
        sla = SlaService(service.database, service.clock)
        sla.set_calendar("Mon-Fri 09:00-17:00", "Europe/Berlin")
        sla.set_policy(SlaPolicy(Priority.HIGH, 60, 480))
        sla.set_policy(SlaPolicy(Priority.LOW, 240, 2400))
    seen, cursor = [], None
    while True:
        page = service.page(sort=Sort(key, descending), limit=10, cursor=cursor)
        seen.extend(page.tickets)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == 53 and len({t.id for t in seen}) == 53
    sort_value = {
        SortKey.CREATED: lambda t: (t.created_at, t.id),
        SortKey.UPDATED: lambda t: (t.updated_at, t.id),
        SortKey.PRIORITY: lambda t: (t.priority.rank, t.id),
        SortKey.STATUS: lambda t: (t.status.rank, t.id),
        SortKey.TITLE: lambda t: (t.title, t.id),
        SortKey.DUE: lambda t: (t.sla.sort_due, t.id),
    }[key]
    assert seen == sorted(seen, key=sort_value, reverse=descending)


def test_bad_cursor_and_limit_are_refused(service: TicketService) -> None:
    with pytest.raises(ValidationError, match="cursor"):
        service.page(cursor="garbage")
    with pytest.raises(ValidationError, match="1 to 500"):
        service.page(limit=501)


def test_search_count_is_capped(service: TicketService) -> None:
    bulk_insert(service.database, [NewTicket("needle", "x", Category.GENERAL, Priority.LOW, TEST_NOW)] * 12)
    count = service.count(TicketFilter(search="needle"), cap=10)
    assert (count.value, count.capped, str(count)) == (10, True, "10+")
    assert service.count(TicketFilter(search="needle"), cap=None).value == 12


def test_stats_match_the_data_with_zeros_in_enum_order(service: TicketService) -> None:
    today = date(2026, 3, 31)
    first = datetime(2026, 3, 2, 12, tzinfo=UTC)  # 30 calendar days up to today, 2 of them active
    tickets = [NewTicket("a", "b", Category.BILLING, Priority.HIGH, first)] * 6 + [
        NewTicket(
            "c",
            "d",
            Category.TECHNICAL,
            Priority.LOW,
            first + timedelta(days=5),
            status_changes=((first + timedelta(days=5, hours=2), Status.RESOLVED),),
        )
    ] * 4
    bulk_insert(service.database, tickets)
    stats = service.stats(today=today)
    assert stats.total == 10
    assert list(stats.by_priority.items()) == [
        (Priority.LOW, 4),
        (Priority.MEDIUM, 0),
        (Priority.HIGH, 6),
        (Priority.CRITICAL, 0),
    ]
    assert list(stats.by_category) == list(Category) and stats.by_category[Category.ACCOUNT] == 0
    assert stats.by_status == {
        Status.OPEN: 6,
        Status.IN_PROGRESS: 0,
        Status.PENDING: 0,
        Status.RESOLVED: 4,
        Status.CLOSED: 0,
    }
    assert round(stats.avg_per_day, 2) == 0.33  # the web app said 5.0 (10 tickets / 2 active days)
    assert stats.median_resolution_seconds == pytest.approx(7200, rel=0.005)  # a histogram bucket: 0.5%
    assert [(d.day, d.count) for d in stats.created_per_day] == [(date(2026, 3, 2), 6), (date(2026, 3, 7), 4)]


def test_empty_stats(service: TicketService) -> None:
    stats = service.stats()
    assert stats.total == 0 and stats.avg_per_day == 0 and stats.median_resolution_seconds is None
    assert all(v == 0 for v in stats.by_status.values())


def test_suggestion_acceptance_is_counted(service: TicketService) -> None:
    kept = Suggestion(Category.ACCOUNT, Priority.HIGH, SuggestionSource.LOCAL, None, 0.7)
    overridden = Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LOCAL, None, 0.4)
    make(service, suggestion=kept)
    make(service, suggestion=overridden)
    make(service)
    assert service.stats().suggestions == {SuggestionSource.LOCAL: (1, 2), SuggestionSource.LLM: (0, 0)}


def test_summary_always_equals_a_full_recount(service: TicketService) -> None:
    bulk_insert(
        service.database, [NewTicket("x", "y", Category.GENERAL, Priority.MEDIUM, datetime(2026, 1, 1, tzinfo=UTC))]
    )
    ticket = make(service)
    service.update(ticket.id, TicketChanges(status=Status.RESOLVED, category=Category.BILLING), 1)
    service.update(ticket.id, TicketChanges(status=Status.OPEN), 2)
    with service.database.reading() as session:
        assert summaries.stored_totals(session) == summaries.recount_totals(session)
        assert summaries.stored_flow(session) == summaries.recount_flow(session)
        assert summaries.stored_resolution_times(session) == summaries.recount_resolution_times(session)
        assert summaries.stored_sla_settled(session) == summaries.recount_sla_settled(session)
