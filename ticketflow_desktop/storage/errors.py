"""Turning driver errors about the environment into StorageUnavailable with words for the user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from ticketflow_desktop.domain.errors import StorageUnavailable

# Substrings of driver messages, and what to tell the user instead.
_KNOWN = (
    ("database is locked", "The database file is locked by another program; try again in a moment."),
    ("readonly database", "The database file is read-only; check its permissions."),
    ("read-only", "The database is read-only."),
    ("disk is full", "The disk holding the database is full; free some space and try again."),
    ("no space left", "The disk holding the database is full; free some space and try again."),
    ("could not extend file", "The database server's disk is full."),
    ("file is not a database", "The database file is damaged or is not a TicketFlow database."),
    ("malformed", "The database file is damaged (malformed); restore it from a backup."),
    ("unable to open database", "The database file cannot be opened; check the path and its permissions."),
    ("password authentication failed", "The database server refused the user name or password."),
    ("does not exist", "The database does not exist on the server."),
    ("timeout expired", "The database server did not answer in time."),
    ("could not connect", "The database server cannot be reached."),
    ("connection refused", "The database server cannot be reached (connection refused)."),
    ("server closed the connection", "The connection to the database server was lost."),
    ("terminating connection", "The database server ended the connection."),
    ("connection already closed", "The connection to the database server was lost."),
    ("ssl", "The secure connection to the database server failed."),
)


def describe(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).lower()
    for needle, message in _KNOWN:
        if needle in text:
            return message
    return "The database is unavailable right now."


@contextmanager
def translate_errors() -> Iterator[None]:
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError) as error:
        raise StorageUnavailable(describe(error)) from error
    except exc.DBAPIError as error:
        if error.connection_invalidated:
            raise StorageUnavailable(describe(error)) from error
        raise
    except exc.TimeoutError as error:  # the pool had no free connection in time
        raise StorageUnavailable("The database is busy; try again in a moment.") from error
