"""Two colleagues' transactions that wait on each other: PostgreSQL ends one (a deadlock), and that is said
as contention (StorageBusy: try again), not as the database being away."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from ticketflow_desktop.domain import Category, Priority, StorageBusy, StorageUnavailable, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database

pytestmark = pytest.mark.postgresql


def test_a_deadlock_is_contention_not_an_outage(_postgres_database: Database, empty_database) -> None:
    database = _postgres_database
    empty_database(database)
    service = TicketService(database)
    first, second = (service.create(TicketDraft(t, "x", Category.GENERAL, Priority.LOW)).id for t in ("A", "B"))
    both_hold_one = threading.Barrier(2)
    outcomes: list[BaseException | None] = []

    def colleague(mine: int, theirs: int) -> None:
        try:
            with database.writing() as session:
                session.execute(text("SELECT id FROM tickets WHERE id = :id FOR UPDATE"), {"id": mine})
                both_hold_one.wait(10)
                session.execute(text("SELECT id FROM tickets WHERE id = :id FOR UPDATE"), {"id": theirs})
            outcomes.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcomes.append(error)

    threads = [threading.Thread(target=colleague, args=pair) for pair in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    errors = [e for e in outcomes if e is not None]
    assert len(outcomes) == 2 and len(errors) == 1, outcomes  # the server ended exactly one
    assert isinstance(errors[0], StorageBusy) and isinstance(errors[0], StorageUnavailable)
    assert str(errors[0]) == "The database was busy with a colleague's change; try again."


def test_an_upgrade_that_loses_a_deadlock_to_a_colleague_tries_again(_postgres_database: Database) -> None:
    """`ticketflow db upgrade` re-applies the team's triggers and policies while colleagues' apps read. A
    reader holding one table and then wanting another the upgrade holds is a deadlock; when PostgreSQL
    ends the upgrade (it checks first: the reader waits longer before checking), the upgrade tries again."""
    from sqlalchemy import create_engine, make_url

    from ticketflow_desktop.storage.migrate import upgrade_to_head

    database = _postgres_database
    reader_engine = create_engine(make_url(database.url).set(drivername="postgresql+psycopg2"))
    failures: list[BaseException] = []

    def upgrade() -> None:
        try:
            upgrade_to_head(database.engine)
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            failures.append(error)

    try:
        with reader_engine.connect() as reader:
            reader.execute(text("SET deadlock_timeout = '10s'"))  # the upgrade finds the deadlock first
            reader.execute(text("SELECT count(*) FROM mail_out"))  # held: the upgrade changes it late
            upgrader = threading.Thread(target=upgrade)
            upgrader.start()
            waiting = text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            with reader_engine.connect() as watcher:
                for _ in range(100):  # the upgrade holds `tickets` and waits for `mail_out`
                    if watcher.execute(waiting).scalar():
                        break
                    threading.Event().wait(0.05)
            reader.execute(text("SELECT count(*) FROM tickets"))  # the other half of the deadlock
            reader.commit()
            upgrader.join(60)
        assert not upgrader.is_alive() and failures == []
    finally:
        reader_engine.dispose()
