"""Bulk loads (seed, import): every row searchable, the summary exact, nothing left half-way."""

from datetime import UTC, datetime, timedelta

import pytest

from ticketflow_desktop.domain import (
    Category,
    NewTicket,
    Priority,
    Sort,
    SortKey,
    Status,
    TicketChanges,
    TicketDraft,
    TicketFilter,
)
from ticketflow_desktop.domain.sla import SlaPolicy, SlaState, due_times
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import analytics as summaries
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.bulk import bulk_insert

START = datetime(2026, 1, 1, 9, tzinfo=UTC)


def ticket(title: str, day: int, category: Category = Category.BILLING) -> NewTicket:
    return NewTicket(title, f"about {title}", category, Priority.HIGH, START + timedelta(days=day, minutes=day))


def titles(service: TicketService, term: str) -> set[str]:
    return {t.title for t in service.page(TicketFilter(search=term), limit=500).tickets}


def test_bulk_rows_and_later_writes_are_all_searchable(service: TicketService) -> None:
    bulk_insert(service.database, [ticket(f"Walrus {i}", i % 40) for i in range(120)], batch_size=50)
    created = service.create(TicketDraft("Walrus late", "typed in the app", Category.GENERAL, Priority.LOW))
    bulk_insert(service.database, [ticket("Walrus again", 3)])
    assert titles(service, "walrus") == {f"Walrus {i}" for i in range(120)} | {"Walrus late", "Walrus again"}
    # The search index follows edits after a bulk load (its triggers are back in place).
    service.update(created.id, TicketChanges(title="Penguin late"), created.version)
    assert titles(service, "penguin") == {"Penguin late"}
    assert "Walrus late" not in titles(service, "walrus")


def test_bulk_summary_equals_a_full_recount(service: TicketService) -> None:
    load = [
        NewTicket("a", "b", c, p, START + timedelta(days=d), status_changes=((START + timedelta(days=d, hours=1), s),))
        for d in range(5)
        for c in (Category.BILLING, Category.ACCOUNT)
        for p in (Priority.LOW, Priority.CRITICAL)
        for s in (Status.IN_PROGRESS, Status.RESOLVED)
    ]
    bulk_insert(service.database, load, batch_size=7)
    bulk_insert(service.database, load[:9], batch_size=4)  # upserts onto existing summary rows
    with service.database.reading() as session:
        assert summaries.stored_totals(session) == summaries.recount_totals(session)
        assert summaries.stored_flow(session) == summaries.recount_flow(session)
        assert summaries.stored_resolution_times(session) == summaries.recount_resolution_times(session)
        assert summaries.stored_sla_settled(session) == summaries.recount_sla_settled(session)
        assert sum(summaries.stored_totals(session).values()) == len(load) + 9


def test_loaded_tickets_get_their_sla_figures_like_tickets_made_in_the_app(service: TicketService) -> None:
    """A load's triggers stand aside, so the load brings each ticket's dues and outcome itself: by the
    policies and calendar of the database, from the ticket's creation, settled when it was last changed."""
    sla = SlaService(service.database)
    sla.set_calendar("Mon-Fri 09:00-17:00", "Europe/Berlin")
    policies = {p: SlaPolicy(p, 60 * (i + 1), 480 * (i + 1)) for i, p in enumerate((Priority.CRITICAL, Priority.HIGH))}
    for policy in policies.values():
        sla.set_policy(policy)
    late = START + timedelta(days=30)
    load = [
        NewTicket("open", "x", Category.BILLING, Priority.HIGH, START),
        NewTicket("no policy", "x", Category.BILLING, Priority.LOW, START),
        NewTicket(
            "met",
            "x",
            Category.BILLING,
            Priority.CRITICAL,
            START,
            status_changes=((START + timedelta(minutes=30), Status.RESOLVED),),
        ),
        NewTicket("breached", "x", Category.BILLING, Priority.CRITICAL, START, status_changes=((late, Status.CLOSED),)),
    ]
    bulk_insert(service.database, load, batch_size=3)
    with service.database.reading() as session:
        calendar = sla_store.read_calendar(session)
    loaded = {t.title: t for t in service.page(limit=10).tickets}
    first, resolution = due_times(START, policies[Priority.HIGH], 0, calendar)
    assert (loaded["open"].sla.first_response_due, loaded["open"].sla.resolution_due) == (first, resolution)
    assert loaded["open"].sla.state is not None
    assert loaded["no policy"].sla.resolution_due is None and loaded["no policy"].sla.state is None
    assert (loaded["met"].sla.outcome, loaded["breached"].sla.outcome) == (SlaState.MET, SlaState.BREACHED)
    assert loaded["breached"].sla.settled_at == late
    by_due = service.page(TicketFilter(status=(Status.OPEN,)), Sort(SortKey.DUE, descending=False), limit=10)
    assert [t.title for t in by_due.tickets] == ["open", "no policy"]
    with service.database.reading() as session:
        assert summaries.stored_sla_settled(session) == summaries.recount_sla_settled(session)
        assert sum(summaries.stored_sla_settled(session).values()) == 2


def test_failed_bulk_load_stores_nothing_and_keeps_search_working(service: TicketService) -> None:
    bad = NewTicket("", "empty title breaks a check constraint", Category.GENERAL, Priority.LOW, START)
    with pytest.raises(Exception):  # noqa: B017 - the backend's integrity error, translated or not
        bulk_insert(service.database, [ticket("Otter", 1), bad])
    assert service.count().value == 0
    service.create(TicketDraft("Otter after", "the failed load", Category.GENERAL, Priority.LOW))
    assert titles(service, "otter") == {"Otter after"}


def test_sqlite_search_index_merges_again_after_a_load(sqlite_url: str) -> None:
    """A load turns FTS5's automerge off for speed; the setting must come back, or the index would
    only ever grow segments."""
    from sqlalchemy import text

    from ticketflow_desktop.storage.engine import open_database

    database = open_database(sqlite_url)
    try:
        with database.writing() as session:
            session.execute(text("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('automerge', 8)"))
        bulk_insert(database, [ticket(f"Seal {i}", i % 5) for i in range(30)], batch_size=7)
        with database.reading() as session:
            stored = session.execute(text("SELECT v FROM tickets_fts_config WHERE k = 'automerge'")).scalar_one()
        assert stored == 8
        assert titles(TicketService(database), "seal") == {f"Seal {i}" for i in range(30)}
    finally:
        database.dispose()


def test_sqlite_a_load_leaves_no_merging_for_later_saves(sqlite_url: str) -> None:
    """The merging a load postponed is done before it returns: left to later saves, one in a few hundred
    took 0.5–1.7 s at a million tickets. Afterwards, a merge step finds nothing to do."""
    from sqlalchemy import text

    from ticketflow_desktop.storage.bulk import _dbapi
    from ticketflow_desktop.storage.engine import open_database

    database = open_database(sqlite_url)
    try:
        # Many small batches: many segments at the lowest level, which automerge (off) left alone.
        bulk_insert(database, [ticket(f"Narwhal {i} of the deep sea", i % 50) for i in range(3000)], batch_size=100)
        with database.writing() as session:
            raw = _dbapi(session)
            before = raw.total_changes
            session.execute(text("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('merge', 100)"))
            assert raw.total_changes - before < 2
        assert len(titles(TicketService(database), "narwhal 29")) == 111  # 29, 290–299, 2900–2999
    finally:
        database.dispose()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_large_import_never_locks_colleagues_out(
    service: TicketService, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import into tickets colleagues work on keeps the search indexes (dropping one would lock the
    table until the import commits): a colleague lists, searches and edits while it runs."""
    from tests.databases import service_at
    from ticketflow_desktop.storage import bulk

    monkeypatch.setattr(bulk, "PG_REBUILD_THRESHOLD", 10)  # "large" for this test
    existing = service.create(TicketDraft("Walrus at work", "a colleague's ticket", Category.GENERAL, Priority.LOW))
    seen_by_colleague: list[tuple[int, int, str]] = []
    # Every statement of the colleague waits at most a second for a lock; longer fails the test.
    colleague_url = database_url + ("&" if "?" in database_url else "?") + "options=-c%20lock_timeout%3D1000"

    def colleague_works(done: int) -> None:
        if seen_by_colleague or done < 100:
            return
        with service_at(colleague_url) as colleague:  # another connection, while the import's transaction is open
            page = colleague.page(TicketFilter(search="walrus"))
            edited = colleague.update(existing.id, TicketChanges(title="Walrus edited"), existing.version)
            seen_by_colleague.append((len(page.tickets), edited.version, edited.title))

    load = [ticket(f"Walrus {i}", i % 30) for i in range(300)]
    assert bulk_insert(service.database, load, batch_size=50, expected=len(load), progress=colleague_works) == 300
    assert seen_by_colleague == [(1, 2, "Walrus edited")]  # the colleague saw only what was committed
    assert len(titles(service, "walrus")) == 301
