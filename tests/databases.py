"""Opening databases in tests, shared by the conftest files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.clock import TEST_TODAY
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database


@contextmanager
def service_at(url: str, clock: Clock = SYSTEM_CLOCK) -> Iterator[TicketService]:
    """A TicketService on its own engine (a colleague, or a view through a proxy), disposed after."""
    database = open_database(url)
    try:
        yield TicketService(database, clock)
    finally:
        database.dispose()


def database_today(database: Database) -> date:
    """The day the database stamps a write with: the server's (PostgreSQL), the test clock's (SQLite)."""
    if not database.enforces_team_rules:
        return TEST_TODAY
    with database.reading() as session:
        return session.execute(text("SELECT (now() AT TIME ZONE 'UTC')::date")).scalar_one()


def fresh_database_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """An empty, upgraded database's URL: a new SQLite file, or the session's PostgreSQL database emptied."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'tickets.sqlite3'}"
        open_database(url).dispose()
        return url
    database = request.getfixturevalue("_postgres_database")
    request.getfixturevalue("empty_database")(database)
    return str(database.url)
