"""Is the database there? One cheap round trip, used by the GUI's reconnect loop."""

from __future__ import annotations

from sqlalchemy import text

from ticketflow_desktop.storage.engine import Database


def ping(database: Database) -> None:
    """Return when the database answered; raise StorageUnavailable when it did not."""
    with database.reading() as session:
        session.execute(text("SELECT 1"))
