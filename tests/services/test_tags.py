"""Tags on both backends: add and remove (one ticket, many), history, version, filter and completion."""

from __future__ import annotations

import pytest

from ticketflow_desktop.domain import (
    Category,
    Conflict,
    EventField,
    NotFound,
    Priority,
    Status,
    TicketChanges,
    TicketDraft,
    TicketFilter,
    ValidationError,
)
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.tickets import TicketService


def _ticket(service: TicketService, title: str = "Printer", priority: Priority = Priority.LOW) -> int:
    return service.create(TicketDraft(title, "x", Category.TECHNICAL, priority)).id


def test_tags_are_normalised_stored_and_shown(service: TicketService) -> None:
    ticket_id = _ticket(service)
    tags = TagService(service.database, service.clock)
    updated = tags.add(ticket_id, " VIP ", "needs  Review", "vip")
    assert updated.tags == ("needs-review", "vip")
    assert updated.version == 3  # one step per tag added, as the history says
    assert service.get(ticket_id).tags == ("needs-review", "vip")
    events = [(e.field, e.old_value, e.new_value) for e in service.events(ticket_id)][1:]
    assert events == [(EventField.TAGS, None, "vip"), (EventField.TAGS, None, "needs-review")] or events == [
        (EventField.TAGS, None, "needs-review"),
        (EventField.TAGS, None, "vip"),
    ]
    again = tags.add(ticket_id, "VIP")  # nothing new: nothing changes
    assert again.version == 3
    removed = tags.remove(ticket_id, "Vip")
    assert removed.tags == ("needs-review",) and removed.version == 4
    assert service.events(ticket_id)[-1].old_value == "vip"
    assert removed.updated_at >= updated.updated_at


def test_a_tag_change_is_seen_by_an_edit_based_on_the_version_before(service: TicketService) -> None:
    ticket_id = _ticket(service)
    before = service.get(ticket_id)
    TagService(service.database).add(ticket_id, "billing-dispute")
    # A different field merges onto the newer version; the tag change is kept.
    merged = service.update(ticket_id, TicketChanges(priority=Priority.HIGH), before.version)
    assert merged.tags == ("billing-dispute",) and merged.version == before.version + 2
    with pytest.raises(Conflict):
        service.update(ticket_id, TicketChanges(priority=Priority.LOW), before.version + 5)


def test_bulk_tags_are_all_or_nothing(service: TicketService) -> None:
    first, second = _ticket(service, "One"), _ticket(service, "Two")
    tags = TagService(service.database)
    done = tags.change([first, second], add=["urgent", "q3"])
    assert [t.tags for t in done] == [("q3", "urgent"), ("q3", "urgent")]
    with pytest.raises(NotFound):
        tags.change([first, 999_999], remove=["urgent"])
    assert service.get(first).tags == ("q3", "urgent")  # nothing stored half-way
    done = tags.change([first, second], add=["later"], remove=["urgent"])
    assert [t.tags for t in done] == [("later", "q3"), ("later", "q3")]


def test_a_bulk_change_returns_the_tickets_as_stored_in_the_order_given(service: TicketService) -> None:
    ids = [_ticket(service, f"T{i}") for i in range(5)]
    tags = TagService(service.database, service.clock)
    tags.change(ids[:2], add=["old"])
    # Given out of id order, some already tagged, some untouched by the removal, one twice.
    given = [ids[3], ids[0], ids[4], ids[1], ids[2], ids[3]]
    done = tags.change(given, add=["new", "old"])
    assert [t.id for t in done] == list(dict.fromkeys(given))
    assert list(done) == [service.get(t.id) for t in done]  # tags, version and time as stored
    assert [t.version for t in done] == [3, 3, 3, 3, 3]  # one step per tag added
    unchanged = tags.change([ids[2], ids[0]], remove=["gone"])
    assert list(unchanged) == [service.get(ids[2]), service.get(ids[0])]
    removed = tags.change([ids[1], ids[2]], remove=["old", "new"])
    assert list(removed) == [service.get(ids[1]), service.get(ids[2])]
    assert [(t.tags, t.version) for t in removed] == [((), 5), ((), 5)]


@pytest.mark.parametrize(
    ("bad", "words"),
    [("", "at least one letter"), ("a,b", "holds ','"), ("x" * 51, "limit is 50"), ("---", "letter or digit")],
)
def test_bad_tags_are_refused_in_words_and_nothing_is_stored(service: TicketService, bad: str, words: str) -> None:
    ticket_id = _ticket(service)
    with pytest.raises(ValidationError, match=words):
        TagService(service.database).change([ticket_id], add=["fine", bad])
    assert service.get(ticket_id).tags == () and service.get(ticket_id).version == 1


def test_filter_by_any_of_several_tags_with_pages_and_counts(service: TicketService) -> None:
    tags = TagService(service.database)
    ids = [_ticket(service, f"T{i}") for i in range(7)]
    tags.change(ids[:3], add=["red"])
    tags.change(ids[2:5], add=["blue"])
    both = TicketFilter(tags=("red", "blue"))
    assert {t.id for t in service.page(both).tickets} == set(ids[:5])
    assert service.count(both).value == 5
    assert service.count(TicketFilter(tags=("blue",), status=Status.OPEN)).value == 3
    first = service.page(both, limit=2)
    second = service.page(both, limit=2, cursor=first.next_cursor)
    assert [t.id for t in first.tickets + second.tickets] == sorted(ids[:5], reverse=True)[:4]
    assert both.fields_match(service.get(ids[0])) and not both.fields_match(service.get(ids[6]))


def test_completion_offers_known_tags_most_used_first(service: TicketService) -> None:
    tags = TagService(service.database)
    ids = [_ticket(service, f"T{i}") for i in range(4)]
    tags.change(ids, add=["printer"])
    tags.change(ids[:2], add=["privacy"])
    tags.change(ids[:1], add=["outage", "pr_1"])
    assert tags.known("PR") == [("printer", 4), ("privacy", 2), ("pr_1", 1)]
    assert tags.known("pr_") == [("pr_1", 1)]  # _ taken literally
    assert tags.known()[0] == ("printer", 4)
