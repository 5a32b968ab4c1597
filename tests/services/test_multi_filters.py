"""Several values per filter (OR within a field, AND across fields) on both backends, checked against a
brute-force filter over the same rows, with keyset pages and capped counts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticketflow_desktop.domain import (
    Category,
    Priority,
    Sort,
    SortKey,
    Status,
    TicketChanges,
    TicketDraft,
    TicketFilter,
)
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.tickets import TicketService

TAGS = ("red", "blue", "green")


def _some(values: tuple[object, ...]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), st.sampled_from(values), st.lists(st.sampled_from(values), max_size=3).map(tuple))


filters = st.builds(
    TicketFilter,
    category=_some(tuple(Category)),
    priority=_some(tuple(Priority)),
    status=_some(tuple(Status)),
    tags=st.lists(st.sampled_from(TAGS), max_size=2).map(tuple),
)


def _load(service: TicketService) -> None:
    tags = TagService(service.database)
    for i in range(24):
        category, priority = list(Category)[i % 4], list(Priority)[(i // 4) % 4]
        ticket = service.create(TicketDraft(f"T{i}", "x", category, priority))
        status = list(Status)[(i * 7) % 4]
        if status is not Status.OPEN:
            ticket = service.update(ticket.id, TicketChanges(status=status), ticket.version)
        chosen = [t for j, t in enumerate(TAGS) if (i >> j) & 1]
        if chosen:
            tags.add(ticket.id, *chosen)


def test_multi_value_filters_match_a_brute_force_filter(service: TicketService) -> None:
    _load(service)
    every = list(service.iterate())
    assert len(every) == 24

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(flt=filters, descending=st.booleans())
    def check(flt: TicketFilter, descending: bool) -> None:
        expected = [t.id for t in every if flt.fields_match(t)]
        sort = Sort(SortKey.PRIORITY, descending)
        got, cursor = [], None
        while True:
            page = service.page(flt, sort, limit=5, cursor=cursor)
            got += [t.id for t in page.tickets]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert sorted(got) == sorted(expected)
        assert len(set(got)) == len(got)
        assert service.count(flt).value == len(expected)
        capped = service.count(flt, cap=3)  # exact from the summary where it can be, else capped
        assert (capped.value, capped.capped) in {(len(expected), False), (3, len(expected) > 3)}

    check()


def test_fields_match_follows_each_field(service: TicketService) -> None:
    ticket = service.create(TicketDraft("T", "x", Category.BILLING, Priority.HIGH))
    assert TicketFilter(status=(Status.OPEN, Status.IN_PROGRESS)).fields_match(ticket)
    assert not TicketFilter(status=(Status.RESOLVED, Status.CLOSED)).fields_match(ticket)
    assert TicketFilter(priority=(Priority.HIGH, Priority.CRITICAL), category=Category.BILLING).fields_match(ticket)
    assert not TicketFilter(tags=("red",)).fields_match(ticket)
