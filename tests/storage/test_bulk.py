"""Bulk loads (seed, import): every row searchable, the summary exact, nothing left half-way."""

from datetime import UTC, datetime, timedelta

import pytest

from ticketflow_desktop.domain import Category, NewTicket, Priority, Status, TicketChanges, TicketDraft, TicketFilter
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import analytics as summaries
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
        assert sum(summaries.stored_totals(session).values()) == len(load) + 9


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
