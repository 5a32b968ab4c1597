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
