"""No ticket and no edit is lost when PostgreSQL goes away, and none is stored twice when it returns.

The faults are real: a TCP proxy between the service and the server cuts connections, or lets a
COMMIT through and swallows its answer.
"""

from __future__ import annotations

import pytest

from ticketflow_desktop.domain import (
    Category,
    Conflict,
    OutboxState,
    Priority,
    Status,
    StorageUnavailable,
    TicketChanges,
    TicketDraft,
)
from ticketflow_desktop.services.outbox import Outbox, Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.outbox_store import OutboxStore

from .proxy import FaultProxy


def draft(title: str) -> TicketDraft:
    return TicketDraft(title, f"{title}: details", Category.TECHNICAL, Priority.HIGH)


def titles(service: TicketService) -> list[str]:
    return sorted(t.title for t in service.iterate())


def test_submits_during_an_outage_wait_and_are_sent_once(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    outbox.submit(draft("before"))
    proxy.cut()
    for name in ("during 1", "during 2", "during 3"):
        with pytest.raises(Queued, match="kept in the outbox"):
            outbox.submit(draft(name))
    assert [i.summary for i in outbox.items()] == [f"New ticket: during {n}" for n in (1, 2, 3)]
    assert outbox.flush() == []  # still away: nothing sent, nothing lost
    assert outbox.pending_count() == 3
    assert titles(direct_service) == ["before"]

    proxy.restore()
    delivered = outbox.flush()
    assert [d.result.title for d in delivered] == ["during 1", "during 2", "during 3"]
    assert outbox.pending_count() == 0
    assert outbox.flush() == []
    assert titles(direct_service) == ["before", "during 1", "during 2", "during 3"]


def test_a_new_write_sends_the_older_ones_first(outbox: Outbox, proxy: FaultProxy) -> None:
    proxy.cut()
    with pytest.raises(Queued):
        outbox.submit(draft("first"))
    proxy.restore()
    second = outbox.submit(draft("second"))
    assert [d.result.title for d in outbox.deliveries] == ["first"]
    assert second.id > outbox.deliveries[0].result.id


# The statements a create sends: what it tells the database for the history, the insert, the commit.
@pytest.mark.parametrize("cut_after", [b"set_config", b"INSERT INTO tickets", b"COMMIT"])
def test_a_submit_cut_at_any_step_is_stored_exactly_once(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService, cut_after: bytes
) -> None:
    proxy.lose_answer_after(cut_after)
    with pytest.raises(Queued):
        outbox.submit(draft("lost answer"))
    assert proxy.answers_lost == 1
    # Cut before the commit: nothing stored yet. Cut after it: stored, but the app never heard.
    assert titles(direct_service) == (["lost answer"] if cut_after == b"COMMIT" else [])
    proxy.restore()
    [delivery] = outbox.flush()
    assert delivery.result.title == "lost answer"
    assert titles(direct_service) == ["lost answer"]
    assert len(direct_service.events(delivery.result.id)) == 1


def test_an_edit_whose_answer_was_lost_is_not_applied_twice(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    ticket = outbox.submit(draft("edit me"))
    proxy.lose_answer_after(b"COMMIT")
    with pytest.raises(Queued):
        outbox.update(ticket.id, TicketChanges(status=Status.IN_PROGRESS, title="edited"), ticket.version)
    stored = direct_service.get(ticket.id)
    assert (stored.status, stored.title, stored.version) == (Status.IN_PROGRESS, "edited", 2)
    # A colleague changes another field before the replay: it merges, nothing is re-applied.
    direct_service.update(ticket.id, TicketChanges(priority=Priority.LOW), 2)
    proxy.restore()
    [delivery] = outbox.flush()
    assert delivery.result.version == 3
    final = direct_service.get(ticket.id)
    assert (final.status, final.title, final.priority, final.version) == (
        Status.IN_PROGRESS,
        "edited",
        Priority.LOW,
        3,
    )
    fields = [e.field for e in direct_service.events(ticket.id)]
    assert sorted(fields) == ["created", "priority", "status", "title"]


def test_replay_after_a_colleague_changed_the_same_field_is_a_conflict_not_an_overwrite(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    ticket = outbox.submit(draft("contested"))
    proxy.cut()
    with pytest.raises(Queued):
        outbox.update(ticket.id, TicketChanges(priority=Priority.CRITICAL), ticket.version)
    direct_service.update(ticket.id, TicketChanges(priority=Priority.LOW), ticket.version)
    proxy.restore()
    assert outbox.flush() == []
    [item] = outbox.items()
    assert item.state is OutboxState.CONFLICT and "priority" in item.message
    assert direct_service.get(ticket.id).priority is Priority.LOW  # the colleague's value stands
    # The agent decides: apply theirs anyway (re-based on the stored version).
    applied = outbox.retry(item.id, mine_anyway=True)
    assert applied is not None and applied.priority is Priority.CRITICAL
    assert outbox.items() == []


def test_offline_edits_of_one_ticket_are_merged_and_discard_forgets(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    ticket = outbox.submit(draft("twice"))
    other = outbox.submit(draft("other"))
    proxy.cut()
    for changes in (TicketChanges(status=Status.IN_PROGRESS), TicketChanges(status=Status.RESOLVED)):
        with pytest.raises(Queued):
            outbox.update(ticket.id, changes, ticket.version)
    with pytest.raises(Queued):
        outbox.update(other.id, TicketChanges(title="never mind"), other.version)
    items = outbox.items()
    assert [i.summary for i in items] == [f"Edit of ticket #{ticket.id}: status", f"Edit of ticket #{other.id}: title"]
    outbox.discard(items[1].id)
    proxy.restore()
    [delivery] = outbox.flush()
    assert delivery.result.status is Status.RESOLVED
    assert direct_service.get(other.id).title == "other"


def test_a_fresh_conflict_goes_to_the_caller_and_is_not_kept(outbox: Outbox, direct_service: TicketService) -> None:
    ticket = outbox.submit(draft("fresh"))
    direct_service.update(ticket.id, TicketChanges(title="colleague"), ticket.version)
    with pytest.raises(Conflict) as caught:
        outbox.update(ticket.id, TicketChanges(title="mine"), ticket.version)
    assert caught.value.conflicting_fields == ("title",)
    assert caught.value.current.title == "colleague"
    assert outbox.items() == []


def test_the_outbox_belongs_to_its_database(outbox_store: OutboxStore, outbox: Outbox, proxy: FaultProxy) -> None:
    proxy.cut()
    with pytest.raises(Queued):
        outbox.submit(draft("for postgres"))
    other = Outbox(outbox_store, "sqlite:////tmp/elsewhere.sqlite3")
    assert other.items() == []
    assert "password" not in outbox_store.all()[0].target


def test_a_broken_outbox_file_does_not_stop_a_write_the_database_can_take(
    tmp_path, proxied_service: TicketService, direct_service: TicketService
) -> None:
    (tmp_path / "not-a-dir").write_text("a file where the outbox's folder should be")
    broken = OutboxStore(tmp_path / "not-a-dir" / "outbox.sqlite3")
    outbox = Outbox(broken, proxied_service.database.url, proxied_service)
    ticket = outbox.submit(draft("straight through"))
    outbox.update(ticket.id, TicketChanges(status=Status.IN_PROGRESS), ticket.version)
    assert direct_service.get(ticket.id).status is Status.IN_PROGRESS
    with pytest.raises(StorageUnavailable, match="outbox"):
        outbox.items()  # and the panel says why it is empty
