"""The two backends TicketFlow runs on, named as SQLAlchemy names their dialects."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import URL, Connection, Engine


class Dialect(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


def dialect_of(bind: Connection | Engine) -> Dialect:
    """The backend a connection or engine talks to."""
    return Dialect(bind.dialect.name)


def backend_of(url: URL) -> Dialect | None:
    """The backend a URL names (postgres:// is PostgreSQL too), or None for one TicketFlow does not run on."""
    name = url.get_backend_name()
    try:
        return Dialect.POSTGRESQL if name == "postgres" else Dialect(name)
    except ValueError:
        return None
