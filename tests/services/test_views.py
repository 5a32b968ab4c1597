"""Saved views on both backends: save (new or replacing one's own), find, rename, remove, order."""

from __future__ import annotations

import pytest

from ticketflow_desktop.domain import Priority, Sort, SortKey, Status, TicketFilter, ValidationError
from ticketflow_desktop.domain.views import ViewSpec
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.views import ViewService

SPEC = ViewSpec(
    TicketFilter(status=(Status.OPEN, Status.IN_PROGRESS), priority=Priority.HIGH, tags=("vip",)),
    Sort(SortKey.UPDATED, descending=False),
    ("title", "status", "tags"),
)


def test_a_view_saved_reads_back_whole(service: TicketService) -> None:
    views = ViewService(service.database)
    saved = views.save("  Hot VIPs ", SPEC)
    assert saved.name == "Hot VIPs" and not saved.shared and saved.spec == SPEC
    assert views.available() == [saved]
    assert views.find("hot vips") == saved
    team = views.save("Team queue", ViewSpec(TicketFilter(assignee="")), shared=True)
    assert [v.name for v in views.available()] == ["Hot VIPs", "Team queue"]
    assert team.shared and team.position == saved.position + 1


def test_saving_an_existing_name_replaces_it(service: TicketService) -> None:
    views = ViewService(service.database)
    first = views.save("Mine", SPEC)
    second = views.save("Mine", ViewSpec(TicketFilter(status=Status.CLOSED)), shared=True)
    assert second.id == first.id and second.shared and second.spec.filter.status is Status.CLOSED
    assert len(views.available()) == 1


def test_rename_move_and_remove(service: TicketService) -> None:
    views = ViewService(service.database)
    one, two = views.save("One", SPEC), views.save("Two", SPEC)
    with pytest.raises(ValidationError, match="called 'Two' already"):
        views.rename(one.id, "Two")
    assert views.rename(one.id, "Uno").name == "Uno"
    views.move(one.id, 5)
    assert [v.name for v in views.available()] == ["Two", "Uno"]
    views.remove(two.id)
    assert [v.name for v in views.available()] == ["Uno"]
    with pytest.raises(ValidationError, match="gone"):
        views.remove(two.id)
    with pytest.raises(ValidationError, match="no saved view called 'Two'"):
        views.find("Two")


@pytest.mark.parametrize(("name", "words"), [("   ", "needs a name"), ("x" * 101, "at most 100"), ("a\nb", "one line")])
def test_bad_names_are_refused(service: TicketService, name: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        ViewService(service.database).save(name, SPEC)
    assert ViewService(service.database).available() == []


def test_a_view_filters_as_its_filter_does(service: TicketService) -> None:
    view = ViewService(service.database).save("Open high", SPEC)
    assert service.page(view.spec.filter, view.spec.sort).tickets == ()
