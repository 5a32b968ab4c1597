"""Turning driver errors about the environment into StorageUnavailable with words for the user.

Only environment problems are translated (server away, file locked, read-only, full, damaged);
anything else (an integrity error, a bug) is re-raised as it is, for the crash handler.
Messages never quote the driver's text, which may contain a host, a user or a path with a secret.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from ticketflow_desktop.domain import cancel
from ticketflow_desktop.domain.errors import (
    Cancelled,
    FieldError,
    NotFound,
    PermissionDenied,
    StorageBusy,
    StorageUnavailable,
    ValidationError,
)

_FULL = "The disk holding the database is full; free some space and try again."
_LOST = "The connection to the database server was lost."

# Patterns of driver messages (lower case), most specific first, and what to tell the user instead.
_KNOWN: tuple[tuple[str, str], ...] = (
    # SQLite: the file and its disk
    (
        r"database is locked|database table is locked",
        "The database file is locked by another program; try again in a moment.",
    ),
    (
        r"readonly database|read-only file system",
        "The database file is read-only (its permissions, or a read-only disk); changes cannot be saved.",
    ),
    (r"disk is full|no space left|database or disk is full", _FULL),
    (r"file is not a database|file is encrypted", "The database file is damaged or is not a TicketFlow database."),
    (r"malformed|database corrupt", "The database file is damaged (malformed); restore it from a backup."),
    (r"disk i/o error", "The disk holding the database reported a read or write error (is it full or gone?)."),
    (r"unable to open database", "The database file cannot be opened; check the path and its permissions."),
    # PostgreSQL: the server
    (r"could not extend file|diskfull", "The database server's disk is full."),
    (
        r"server does not support ssl",
        "The database server does not offer a secure (SSL) connection, but the "
        "connection settings require one (sslmode).",
    ),
    (r"certificate verify failed|certificate", "The database server's certificate could not be verified."),
    (r"ssl", "The secure connection to the database server failed."),
    (r"password authentication failed|no password supplied", "The database server refused the user name or password."),
    (r'database ".*" does not exist', "The database does not exist on the server."),
    (r"could not translate host name", "The database server's host name cannot be found."),
    (
        r"too many connections|remaining connection slots",
        "The database server has no free connections; try again in a moment.",
    ),
    (r"the database system is (starting up|shutting down|in recovery)", "The database server is restarting."),
    (r"read-only transaction|cannot execute .* in a read-only", "The database server is read-only right now."),
    (
        r"deadlock detected|could not serialize|lock timeout|canceling statement due to lock",
        "The database was busy with a colleague's change; try again.",
    ),
    (r"timeout expired|timed out", "The database server did not answer in time."),
    (r"connection refused", "The database server cannot be reached (connection refused)."),
    (r"could not connect|no route to host|network is unreachable", "The database server cannot be reached."),
    (r"terminating connection", "The database server ended the connection."),
    (r"server closed the connection|connection already closed|connection reset|broken pipe|lost synchron", _LOST),
    (r"eof detected|ssl syscall error", _LOST),
)
_PATTERNS = tuple((re.compile(pattern), message) for pattern, message in _KNOWN)
# Contention, not connectivity: PostgreSQL's deadlock, serialization failure and lock-wait codes.
_BUSY_CODES = frozenset({"40P01", "40001", "55P03"})
_BUSY = re.compile(r"deadlock detected|could not serialize|lock timeout|canceling statement due to lock")


def known_message(error: BaseException) -> str | None:
    """The user-facing words for an environment error, or None when it is not one we know."""
    text = str(getattr(error, "orig", None) or error).lower()
    for pattern, message in _PATTERNS:
        if pattern.search(text):
            return message
    return None


def describe(error: BaseException) -> str:
    return known_message(error) or "The database is unavailable right now."


@contextmanager
def translate_errors() -> Iterator[None]:
    try:
        yield
    except exc.DBAPIError as error:
        token = cancel.current()
        if token is not None and token.cancelled:  # we stopped it: not the environment failing
            raise Cancelled() from error
        _translate(error)
    except exc.TimeoutError as error:  # the pool had no free connection in time
        raise StorageUnavailable("The database is busy; try again in a moment.") from error
    except Exception as error:
        # The driver's own error, from work done on its cursor directly (a bulk load's COPY, the team schema).
        code = getattr(error, "pgcode", None)
        if code is not None:
            _refused(error, error)
            if code in _BUSY_CODES:
                raise StorageBusy(describe(error)) from error
        raise


# What a refused statement was trying to do, from PostgreSQL's words (lower case), for "may not ...".
_REFUSED_ACTS: tuple[tuple[str, str], ...] = (
    (r"row-level security", "put a ticket in a group that is not theirs"),
    (r"redact", "redact tickets"),
    (r"create role|createrole|alter role|grant|revoke|drop role", "manage agents"),
    (
        r"permission denied for table (ticket_events|suggestion_counts|daily_flow|ticket_totals|resolution_times)",
        "write the history or the dashboard's counts (the database keeps them)",
    ),
    (r"permission denied for table (agents|groups|agent_groups)", "manage agents and groups"),
    (r"permission denied for table (sla_calendar|sla_policies)", "change the SLA targets or business hours"),
    (r"permission denied for table tickets", "change tickets"),
    (r"must be owner|permission denied for schema|permission denied to create", "change the database's structure"),
)
_REFUSED = tuple((re.compile(pattern), act) for pattern, act in _REFUSED_ACTS)


def _login_of(driver_error: BaseException | None) -> str:
    cursor = getattr(driver_error, "cursor", None)
    try:
        return str(cursor.connection.info.user) if cursor is not None else "this login"
    except Exception:  # noqa: BLE001 - a closed connection: the words still say what was refused
        return "this login"


def _refused(error: BaseException, driver_error: BaseException | None) -> None:
    """PostgreSQL refused the act (permissions, row-level security, the team triggers): say what, never retry."""
    code = getattr(driver_error, "pgcode", None)
    text = str(driver_error).lower()
    if code == "42501":
        act = next((act for pattern, act in _REFUSED if pattern.search(text)), "do that")
        raise PermissionDenied(_login_of(driver_error), act) from error
    diag = getattr(driver_error, "diag", None)
    if code == "23514" and getattr(diag, "constraint_name", None) == "tf_status_transition":
        message = getattr(diag, "message_primary", None) or "That status change is not allowed."
        raise ValidationError([FieldError("status", message[0].upper() + message[1:] + ".")]) from error
    primary = getattr(diag, "message_primary", None)
    if code == "22023" and primary:  # our functions' refusals of bad input
        raise ValidationError([FieldError("input", primary[0].upper() + primary[1:] + ".")]) from error
    if code == "55P03":  # lock_timeout: a colleague's transaction holds what this one needs
        raise StorageBusy("A colleague's work holds the tickets a moment longer; try again.") from error
    if code == "P0002":
        match = re.search(r"ticket (\d+)", text)
        if match:
            raise NotFound(int(match.group(1))) from error


def _unavailable(error: exc.DBAPIError) -> StorageUnavailable:
    busy = getattr(error.orig, "pgcode", None) in _BUSY_CODES or _BUSY.search(str(error.orig or error).lower())
    return (StorageBusy if busy else StorageUnavailable)(describe(error))


def _translate(error: exc.DBAPIError) -> None:
    _refused(error, error.orig)
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        raise _unavailable(error) from error
    if error.connection_invalidated:
        raise StorageUnavailable(describe(error)) from error
    # A damaged SQLite file raises a plain DatabaseError ("file is not a database"): the
    # environment, not a bug. Integrity and data errors (subclasses) are never translated.
    if type(error) is exc.DatabaseError and known_message(error) is not None:
        raise StorageUnavailable(describe(error)) from error
    raise error
