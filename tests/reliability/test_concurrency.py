"""Colleagues editing the same tickets: conflicts are reported with both sides, edits of different
fields merge, and under load no accepted edit is lost and the history replays to the stored state."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ticketflow_desktop.domain import Category, Conflict, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database

from .load import Outcome, run_worker

FIELDS = ("title", "description", "category", "priority")
VALUES = {
    "title": ["Alpha", "Beta", "Gamma"],
    "description": ["one", "two", "three"],
    "category": list(Category),
    "priority": list(Priority),
}


def test_the_second_editor_gets_a_conflict_with_the_colleagues_values(database_url: str) -> None:
    alice_db, bob_db = open_database(database_url), open_database(database_url)
    try:
        alice, bob = TicketService(alice_db), TicketService(bob_db)
        ticket = alice.create(TicketDraft("VPN down", "since 9", Category.TECHNICAL, Priority.MEDIUM))
        alice.update(ticket.id, TicketChanges(priority=Priority.HIGH, status=Status.IN_PROGRESS), ticket.version)
        with pytest.raises(Conflict) as caught:
            bob.update(ticket.id, TicketChanges(priority=Priority.LOW, title="VPN flaky"), ticket.version)
        conflict = caught.value
        assert conflict.conflicting_fields == ("priority",)
        assert (conflict.current.priority, conflict.current.status, conflict.current.version) == (
            Priority.HIGH,
            Status.IN_PROGRESS,
            2,
        )
        stored = bob.get(ticket.id)
        assert (stored.title, stored.priority) == ("VPN down", Priority.HIGH)  # nothing of Bob's half-applied
        # Bob saw Alice's values and re-applies his own on the current version.
        again = bob.update(ticket.id, TicketChanges(priority=Priority.LOW, title="VPN flaky"), conflict.current.version)
        assert (again.title, again.priority, again.status, again.version) == (
            "VPN flaky",
            Priority.LOW,
            Status.IN_PROGRESS,
            3,
        )
    finally:
        alice_db.dispose()
        bob_db.dispose()


edits = st.lists(
    st.tuples(
        st.dictionaries(st.sampled_from(FIELDS), st.integers(0, 2), min_size=1, max_size=3),
        st.integers(0, 6),  # how many versions behind the newest the editor's screen is
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=edits)
def test_concurrent_edits_merge_exactly_as_the_rule_says(service: TicketService, edits: list) -> None:
    """A model of the rule: an edit made on version v applies unless a field it sets was changed
    after v to a different value; then it is a Conflict naming exactly those fields."""
    ticket = service.create(TicketDraft("Alpha", "one", Category.GENERAL, Priority.LOW))
    model = {"title": "Alpha", "description": "one", "category": Category.GENERAL, "priority": Priority.LOW}
    version = 1
    changed_at: dict[str, list[int]] = defaultdict(list)
    for wanted_index, behind in edits:
        base = max(1, version - behind)
        wanted = {f: VALUES[f][i] for f, i in wanted_index.items()}
        since = {f for f, versions in changed_at.items() if any(v > base for v in versions)}
        clashing = tuple(
            f
            for f in ("title", "description", "category", "priority")
            if f in since and model[f] != wanted.get(f, model[f]) and f in wanted
        )
        try:
            result = service.update(ticket.id, TicketChanges(**wanted), base)
        except Conflict as conflict:
            assert clashing, f"unexpected conflict on {conflict.conflicting_fields}"
            assert conflict.conflicting_fields == clashing
            assert conflict.current.version == version
            continue
        assert not clashing, f"expected a conflict on {clashing}"
        diffs = {f: v for f, v in wanted.items() if model[f] != v}
        if diffs:
            version += 1
            for f in diffs:
                changed_at[f].append(version)
            model.update(diffs)
        assert result.version == version
        assert {f: getattr(result, f) for f in FIELDS} == model
    stored = service.get(ticket.id)
    assert {f: getattr(stored, f) for f in FIELDS} == model
    assert stored.version == version


@pytest.mark.postgresql
@pytest.mark.slow  # 20 s: 8 processes x 500 updates
def test_load_eight_processes_lose_no_accepted_update(
    postgres_url: str, empty_database: Callable[[Database], None], capsys: pytest.CaptureFixture[str]
) -> None:
    processes, updates, tickets = 8, int(os.environ.get("TF_LOAD_UPDATES", "500")), 50
    database = open_database(postgres_url)
    empty_database(database)
    service = TicketService(database)
    initial = {}
    for i in range(tickets):
        t = service.create(TicketDraft(f"load {i}", f"body {i}", Category.GENERAL, Priority.MEDIUM))
        initial[t.id] = t
    ids = sorted(initial)
    started = time.monotonic()
    context = multiprocessing.get_context("spawn")  # no fork of a process that runs Qt threads
    with context.Pool(processes) as pool:
        outcomes: list[Outcome] = pool.starmap(
            run_worker, [(postgres_url, w, updates, ids, 1000 + w) for w in range(processes)]
        )
    elapsed = time.monotonic() - started
    accepted = [a for o in outcomes for a in o.accepted]
    conflicts = sum(o.conflicts for o in outcomes)
    merged = sum(o.merged for o in outcomes)
    assert len(accepted) + conflicts == processes * updates

    lost = 0
    per_ticket = Counter(a[0] for a in accepted)
    versions_returned: dict[int, set[int]] = defaultdict(set)
    for ticket_id, version, _field, _marker in accepted:
        versions_returned[ticket_id].add(version)
    events = defaultdict(list)
    for e_ticket in ids:
        for event in service.events(e_ticket):
            events[e_ticket].append(event)
    with database.reading() as session:
        event_versions = {
            (row.ticket_id, row.id): row.version
            for row in session.execute(text("SELECT ticket_id, id, version FROM ticket_events"))
        }
    for ticket_id in ids:
        stored = service.get(ticket_id)
        # version = 1 + accepted updates, and every accepted update got its own version
        assert stored.version == 1 + per_ticket[ticket_id]
        assert versions_returned[ticket_id] == set(range(2, stored.version + 1))
        # the history replays to the stored state, each event starting from the previous value
        state = {
            f: str(
                getattr(initial[ticket_id], f).value
                if f in ("category", "priority")
                else getattr(initial[ticket_id], f)
            )
            for f in FIELDS
        }
        by_version: dict[int, dict[str, str | None]] = defaultdict(dict)
        for event in events[ticket_id]:
            if event.field == "created":
                continue
            assert event.old_value == state[event.field]
            state[event.field] = event.new_value  # type: ignore[assignment]
            by_version[event_versions[(ticket_id, event.id)]][event.field] = event.new_value
        assert state == {
            "title": stored.title,
            "description": stored.description,
            "category": stored.category.value,
            "priority": stored.priority.value,
        }
        for _t_id, version, field, marker in (a for a in accepted if a[0] == ticket_id):
            if by_version.get(version, {}).get(field) != marker:
                lost += 1
    assert lost == 0
    # the summary still adds up
    summary = Counter()
    with database.reading() as session:
        for row in session.execute(text("SELECT category, priority, status, n FROM ticket_totals")):
            summary[(row.category, row.priority, row.status)] += row.n
    actual = Counter((t.category.value, t.priority.value, t.status.value) for t in service.iterate())
    assert +summary == actual
    database.dispose()
    with capsys.disabled():
        print(
            f"\nload: {processes}x{updates} updates on {tickets} tickets in {elapsed:.1f}s: "
            f"{len(accepted)} accepted ({merged} merged over a colleague's edit), {conflicts} conflicts, {lost} lost"
        )
