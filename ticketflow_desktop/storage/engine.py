"""Opening a database: the engine, its per-backend settings, units of work, and the schema upgrade."""

from __future__ import annotations

import json
import select
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection, DBAPICursor, ExecutionContext
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidatePoolError
from sqlalchemy.pool import ConnectionPoolEntry

from ticketflow_desktop import __version__, config
from ticketflow_desktop.domain import cancel
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.search import fold, short_pieces
from ticketflow_desktop.storage.dialect import Dialect, backend_of, dialect_of
from ticketflow_desktop.storage.errors import translate_errors

SQLITE_BUSY_TIMEOUT_MS = 5000
PG_CONNECT_TIMEOUT_S = 5
# A pooled PostgreSQL connection idle longer than this is pinged before use (see _check_on_checkout).
PG_PING_AFTER_IDLE_S = 30.0
# Whether a checkout pings the server whatever the socket says: for every unit of work but the reads
# that repeat themselves once on a lost connection (Database.read).
_PING_ON_CHECKOUT: ContextVar[bool] = ContextVar("ping_on_checkout", default=True)

T = TypeVar("T")


def default_sqlite_url() -> str:
    return f"sqlite:///{config.default_database_file()}"


def mask_url(url: str | URL) -> str:
    """The URL as it may be shown or logged: never a password."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
        # A password may also hide in the query string (libpq accepts ?password=...).
        secret = {k: "***" for k in parsed.query if k.lower() in config.SECRET_QUERY_KEYS}
        return parsed.update_query_dict(secret).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as a placeholder, never as given
        return "<invalid database URL>"


def describe_url(url: str | URL) -> str:
    """A short human description for the status bar: the file, or host/database."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
        parsed.get_backend_name()
    except Exception:  # noqa: BLE001 - never raise (or echo a secret) while describing
        return "<invalid database URL>"
    if backend_of(parsed) is Dialect.SQLITE:
        return f"SQLite · {parsed.database or 'in memory'}"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL · {host}{port}/{parsed.database or ''}"


def _sqlite_fold(value: str | None) -> str | None:
    return None if value is None else fold(value)


def _sqlite_short_pieces(value: str | None) -> str:
    """The pieces of a text as a JSON array, for the triggers that keep `ticket_pieces` (json_each)."""
    return json.dumps(sorted(short_pieces(value))) if value else "[]"


def register_sqlite_functions(dbapi_connection: sqlite3.Connection) -> None:
    """The app's SQL functions on a SQLite connection: search's folding, and the pieces the triggers of
    migration 0017 keep (which also registers them on the connection it upgrades)."""
    dbapi_connection.create_function("tf_fold", 1, _sqlite_fold, deterministic=True)
    dbapi_connection.create_function("tf_short_pieces", 1, _sqlite_short_pieces, deterministic=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins (SQLAlchemy's
        # documented recipe), so reads are consistent and writes can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        register_sqlite_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Writers take the write lock at BEGIN: a deferred transaction that reads and then writes
        # fails at once with SQLITE_BUSY when another process committed in between.
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _cancel_backend(connect_args: Sequence[str], connect_kwargs: Mapping[str, Any], pid: int) -> None:
    """Ask the server to cancel backend `pid`'s statement, from a connection of our own.

    Not psycopg2's `connection.cancel()`: it holds the GIL while it waits on the network, so one
    stalled link froze every thread of the app.
    """
    import psycopg2

    kwargs = {**connect_kwargs, "connect_timeout": PG_CONNECT_TIMEOUT_S, "application_name": "ticketflow-cancel"}
    with closing(psycopg2.connect(*connect_args, **kwargs)) as connection:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_cancel_backend(%s)", (pid,))


def _make_cancellable(engine: Engine) -> None:
    """Let a thread's CancelToken stop the statement the thread is running (domain.cancel)."""
    postgresql = dialect_of(engine) is Dialect.POSTGRESQL
    if postgresql:
        connect_args, connect_kwargs = engine.dialect.create_connect_args(engine.url)

    @event.listens_for(engine, "before_cursor_execute")
    def before(
        connection: Connection,
        _cursor: DBAPICursor,
        _statement: str,
        _parameters: object,
        _context: ExecutionContext | None,
        _many: bool,
    ) -> None:
        token = cancel.current()
        if token is not None:
            dbapi: Any = connection.connection.dbapi_connection  # psycopg2's or sqlite3's own API below
            if postgresql:
                token.running(partial(_cancel_backend, connect_args, connect_kwargs, dbapi.info.backend_pid))
            else:  # sqlite3: stops the statement running on that connection, at once
                token.running(dbapi.interrupt)

    @event.listens_for(engine, "checkin")
    def checkin(_dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        token = cancel.current()
        if token is not None and token.idle() and postgresql:
            # The server takes a cancel a moment after pg_cancel_backend returns: one that arrives late
            # could still stop the next borrower's statement, so this connection is not handed on.
            record.invalidate()


def _server_hung_up(dbapi_connection: Any) -> bool:
    """Whether the server closed or spoke on an idle connection, without a round trip.

    An idle connection's socket has nothing to read unless the server ended the session: its
    "terminating connection" message (pg_terminate_backend, a restart) or the end of the stream.
    """
    if dbapi_connection.closed:
        return True
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _check_on_checkout(engine: Engine) -> None:
    """The pool's pre-ping, and for the reads that repeat themselves (Database.read) its cheaper
    form: the socket is looked at (_server_hung_up) and only a connection idle for longer than
    PG_PING_AFTER_IDLE_S is pinged (a silent network may have lost it). The ping was one of a page's
    five round trips, and each round trip is where a loaded machine's scheduler makes the p95. The
    socket can miss a session the server is ending this very moment (the backend not yet scheduled
    to say so): such a read fails at its first statement and runs once more.

    Like a failed pre-ping, a dead connection invalidates the pool's older ones and the pool
    connects afresh (SQLAlchemy's "checkout" event contract)."""

    @event.listens_for(engine, "checkin")
    def checked_in(_dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def checked_out(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry, _proxy: object) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None:  # a new connection
            return
        if _server_hung_up(dbapi_connection):
            raise InvalidatePoolError("the server closed the connection while it was idle")
        if _PING_ON_CHECKOUT.get() or time.monotonic() - idle_since > PG_PING_AFTER_IDLE_S:
            try:
                engine.dialect.do_ping(dbapi_connection)
            except engine.dialect.loaded_dbapi.Error as error:
                raise InvalidatePoolError("the idle connection no longer answers") from error


@contextmanager
def _autocommit(connection: Connection) -> Iterator[None]:
    """The psycopg2 connection in autocommit meanwhile: no BEGIN before its first statement, and the
    unit of work's COMMIT sends nothing. Set on the driver, not as SQLAlchemy's isolation level,
    whose reset at check-in costs a round trip of its own (SET default_transaction_isolation)."""
    dbapi_connection: Any = connection.connection.dbapi_connection  # psycopg2's own API
    dbapi_connection.autocommit = True
    try:
        yield
    finally:
        if not dbapi_connection.closed:
            dbapi_connection.autocommit = False


def _bad_url(url: str, why: str) -> ValidationError:
    return ValidationError([FieldError("database_url", f"{mask_url(url)} is not a usable database URL: {why}.")])


def create_engine_for(url: str) -> Engine:
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - a bad port ("host:9:5432") only raises when read
    except (ArgumentError, ValueError):
        raise _bad_url(url, "write postgresql://user@host:port/database or sqlite:///path/to/file") from None
    backend = backend_of(parsed)
    if backend is Dialect.SQLITE:
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
        _configure_sqlite(engine)
        _make_cancellable(engine)
        return engine
    if backend is Dialect.POSTGRESQL:
        if parsed.drivername in ("postgres", "postgresql"):
            # SQLAlchemy 2.1 defaults to psycopg 3; we ship psycopg2-binary.
            parsed = parsed.set(drivername="postgresql+psycopg2")
        engine = create_engine(
            parsed,
            # Parameters are ticket text: never in a log line or an error message.
            hide_parameters=True,
            pool_size=5,
            max_overflow=5,
            pool_timeout=10,
            connect_args={
                "connect_timeout": PG_CONNECT_TIMEOUT_S,
                # Names the app version: an administrator about to upgrade sees who would be locked out.
                "application_name": f"ticketflow-desktop {__version__}",
                # Detect a dead server within seconds instead of the kernel's two hours.
                "keepalives": 1,
                "keepalives_idle": 10,
                "keepalives_interval": 5,
                "keepalives_count": 3,
                # No JIT compilation: the app's statements are short, but a capped count or a search over
                # a million rows is estimated above jit_above_cost and spent 25-29 ms compiling (as much as
                # it then ran) on this 2-core machine.
                "options": "-c jit=off",
            },
        )
        _check_on_checkout(engine)
        _make_cancellable(engine)
        return engine
    raise _bad_url(url, f"'{parsed.get_backend_name()}' is not supported; use sqlite:/// or postgresql://")


@dataclass
class Database:
    """An open, upgraded database: the engine and the two kinds of unit of work (a connection in a
    transaction: Core statements, no ORM session)."""

    url: str
    engine: Engine
    _writer_engine: Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._writer_engine = self.engine.execution_options(sqlite_immediate=True)

    @property
    def dialect(self) -> Dialect:
        return dialect_of(self.engine)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect is Dialect.SQLITE

    @property
    def enforces_team_rules(self) -> bool:
        """PostgreSQL stamps times and versions and writes history and summaries itself (storage/team_sql)."""
        return self.dialect == "postgresql"

    @property
    def masked_url(self) -> str:
        return mask_url(self.url)

    @property
    def description(self) -> str:
        return describe_url(self.url)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with translate_errors(), self.engine.begin() as connection:
            yield connection

    def read(self, work: Callable[[Connection], T], *, transaction: bool = False) -> T:
        """`work`'s result, read without the checkout's ping (_check_on_checkout) and, unless
        `transaction`, without BEGIN and COMMIT on PostgreSQL: its READ COMMITTED gives each statement
        its own snapshot inside a transaction too, so a read needs one only for settings local to it
        (search_index_scans). SQLite keeps its transaction (one snapshot, and no round trips).
        `work` only reads, so when the connection turns out lost it runs once more on a new one."""
        for attempt in (1, 2):
            token = _PING_ON_CHECKOUT.set(False)
            try:
                with translate_errors():
                    try:
                        with self.engine.connect() as connection:
                            if transaction or self.is_sqlite:
                                with connection.begin():
                                    return work(connection)
                            with _autocommit(connection), connection.begin():
                                return work(connection)
                    except DBAPIError as error:
                        if attempt == 1 and error.connection_invalidated:
                            continue
                        raise
            finally:
                _PING_ON_CHECKOUT.reset(token)
        raise AssertionError("unreachable")  # pragma: no cover - the second attempt returns or raises

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        with translate_errors(), self._writer_engine.begin() as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, upgrade: bool | None = None) -> Database:
    """Open `url` (default: the SQLite file in the user data directory).

    SQLite (one person's file) is upgraded on opening, after a copy of the file is set aside. A
    PostgreSQL database is shared: opening only checks its schema (SchemaBehind when it is older);
    `upgrade=True` (the administrator's `ticketflow db upgrade`) upgrades it.
    """
    from ticketflow_desktop.storage.migrate import check_schema, upgrade_sqlite, upgrade_to_head

    url = url or default_sqlite_url()
    engine = create_engine_for(url)
    database = Database(url, engine)
    try:
        if database.is_sqlite and upgrade is not False:
            upgrade_sqlite(engine)
        elif upgrade:
            upgrade_to_head(engine)
        elif upgrade is None:
            check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return database
