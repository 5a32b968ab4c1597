"""Loading many tickets in one transaction: COPY on PostgreSQL, executemany on SQLite.

Used by `seed` and `import`. All or nothing: a failure rolls back every row of the call.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from ticketflow_desktop.domain import EventField, NewTicket, Priority
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.search import short_pieces
from ticketflow_desktop.domain.sla import SlaPolicy, TicketSla, as_loaded
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.analytics import LoadedHistory
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.convert import sla_columns
from ticketflow_desktop.storage.dialect import Dialect
from ticketflow_desktop.storage.engine import Database

Progress = Callable[[int], None]
SlaRules = tuple[Calendar, Mapping[Priority, SlaPolicy]]  # the calendar and policies a load's tickets are timed by
Record = tuple[int, *tuple[object, ...]]  # a row for the driver: the ticket's id, then the other columns
Prepare = Callable[[Connection, list[NewTicket]], list[NewTicket]]


def _dbapi(session: Connection) -> Any:
    """The driver's connection under the session's (sqlite3 or psycopg2: their own APIs are used here)."""
    raw = session.connection.dbapi_connection
    assert raw is not None  # checked out: a live connection
    return raw


def _sqlite_time(value: datetime) -> str:
    # The form SQLAlchemy's SQLite DateTime writes and reads (naive UTC, microseconds).
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


# A batch also ends at this much text, so that a file of long descriptions (10 KB each) loads in
# bounded memory: a batch, its COPY payload and the next batch being prepared are alive at once.
MAX_BATCH_CHARS = 2_000_000


def _batches(items: Iterable[NewTicket], size: int) -> Iterator[list[NewTicket]]:
    batch: list[NewTicket] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item.title) + len(item.description)
        if len(batch) >= size or chars >= MAX_BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


@contextmanager
def _reading_ahead(batches: Iterator[list[NewTicket]]) -> Iterator[Iterator[list[NewTicket]]]:
    """The batches, each next one read (an import's file parsed and checked: Python's work, 0.2 s a batch)
    in a thread while the current one is stored (the database's work: psycopg2 and sqlite3 let go of
    the GIL while they wait). Only that thread advances `batches`; the database is the caller's alone."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ticketflow-read") as reader:

        def read() -> Iterator[list[NewTicket]]:
            ahead = reader.submit(next, batches, None)
            while (batch := ahead.result()) is not None:
                ahead = reader.submit(next, batches, None)
                yield batch

        yield read()


# Maintaining the search GIN indexes row by row dominates a large COPY; rebuilding them afterwards is
# several times faster. Dropping an index takes an ACCESS EXCLUSIVE lock on `tickets` until the load
# commits, which would shut every colleague out of the list, so only a load into an empty table
# (a seed: nobody works on it yet) does it. The definitions are migration 0017_symbol_search's.
PG_REBUILD_THRESHOLD = 50_000
PG_SEARCH_INDEXES = {
    "ix_tickets_title_search": "ON tickets USING gin ((tf_searchable(title)) gin_trgm_ops)",
    "ix_tickets_description_search": "ON tickets USING gin ((tf_searchable(description)) gin_trgm_ops)",
    "ix_tickets_pieces": "ON tickets USING gin ((tf_short_pieces(title || ' ' || description)) array_ops)",
}


def bulk_insert(
    database: Database,
    tickets: Iterable[NewTicket],
    *,
    batch_size: int = 5000,
    progress: Progress | None = None,
    expected: int | None = None,
    prepare: Prepare | None = None,
) -> int:
    """Insert every ticket with its events and summary counts; return how many were stored.

    `expected` (the number of tickets, when known) lets a large PostgreSQL load rebuild the search
    indexes once at the end instead of updating them per row. `prepare` sees each batch first, in the
    same transaction, and returns the tickets still to insert (an import leaves out, or updates, the
    ones it already has); progress counts the ones it took out as done.
    """
    done = passed_over = 0
    history = LoadedHistory()

    def loaded(batch: list[NewTicket]) -> None:  # stored in this transaction
        nonlocal done
        history.add(batch)
        done += len(batch)
        if progress is not None:
            progress(done + passed_over)

    def prepared(session: Connection, batches: Iterator[list[NewTicket]]) -> Iterator[list[NewTicket]]:
        nonlocal passed_over
        for batch in batches:
            kept = prepare(session, batch) if prepare is not None else batch
            passed_over += len(batch) - len(kept)
            if kept:
                yield kept
            elif progress is not None:
                progress(done + passed_over)

    with database.writing() as session, _reading_ahead(_batches(tickets, batch_size)) as read:
        batches = prepared(session, read)
        rules = sla_store.read_settings(session)
        if database.dialect is Dialect.POSTGRESQL:
            with _postgresql_load(session, rebuild=_pg_should_rebuild(session, expected or 0)):
                _copy_batches(session, batches, loaded, rules)
        else:
            with _sqlite_load(session):
                for batch in batches:
                    _load_sqlite(session, batch, rules)
                    loaded(batch)
        history.write(session)
        announce(session, None)  # too many ids to name: listeners refresh what they show
    if database.dialect is Dialect.SQLITE:
        _merge_postponed(database)
    return done


def _pg_should_rebuild(session: Connection, expected: int) -> bool:
    """Rebuild the search indexes for a large load into an empty table (a seed), never for an import
    into tickets colleagues are working on (see PG_REBUILD_THRESHOLD)."""
    if expected < PG_REBUILD_THRESHOLD or not session.execute(text("SELECT tf_is_owner()")).scalar():
        return False  # only the schema's owner may drop and make indexes
    return not session.execute(text("SELECT EXISTS (SELECT 1 FROM tickets)")).scalar()


@contextmanager
def _postgresql_load(session: Connection, rebuild: bool) -> Iterator[None]:
    # The tickets keep their own times and bring their own history and summary counts (written
    # below): the team triggers stand aside for an administrator's load (storage/team_sql).
    session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
    # Waiting for a lock behind a colleague's long transaction would queue every later colleague
    # behind the load too: give up after a second instead (the import fails whole, with words).
    session.execute(text("SET LOCAL lock_timeout = '1s'"))
    if rebuild:
        session.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
        for name in PG_SEARCH_INDEXES:
            session.execute(text(f"DROP INDEX IF EXISTS {name}"))
    yield
    if rebuild:
        for name, definition in PG_SEARCH_INDEXES.items():
            session.execute(text(f"CREATE INDEX {name} {definition}"))


# The FTS5 index fed row by row by its trigger costs several times more than one INSERT ... SELECT
# per batch, and the pieces' trigger (a Python function per row) made a load 75% slower than filling
# them per batch; a large page cache keeps the ten B-tree indexes from thrashing at a million rows. It
# is the load's largest memory: 64 MB keeps a 1 GB import under 200 MB (256 MB took it to 350 MB).
SQLITE_FTS_TRIGGER = "tickets_fts_insert"
SQLITE_PIECES_TRIGGER = "ticket_pieces_insert"
SQLITE_LOAD_CACHE_KIB = 64 * 1024
FTS_DEFAULT_AUTOMERGE = 4


@contextmanager
def _sqlite_load(session: Connection) -> Iterator[None]:
    raw = _dbapi(session)
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    triggers = dict(
        raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
            (SQLITE_FTS_TRIGGER, SQLITE_PIECES_TRIGGER),
        ).fetchall()
    )
    automerge = raw.execute("SELECT v FROM tickets_fts_config WHERE k = 'automerge'").fetchone()
    raw.execute(f"PRAGMA cache_size = -{SQLITE_LOAD_CACHE_KIB}")
    try:
        for name in triggers:  # DDL is transactional in SQLite: a failed load restores them
            raw.execute(f"DROP TRIGGER {name}")
        session.info["by_batch"] = frozenset(triggers)
        # FTS5 merges its segments as they are written (automerge); during a load that is most of the
        # cost (8 s of 10 for 100k tickets into a million). Off for the load, the stored setting back
        # after, and the merging postponed is done once the load is in (_merge_postponed).
        raw.execute("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('automerge', 0)")
        yield
        raw.execute(
            "INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('automerge', ?)",
            (automerge[0] if automerge is not None else FTS_DEFAULT_AUTOMERGE,),
        )
        for sql in triggers.values():
            raw.execute(sql)
    finally:
        session.info.pop("by_batch", None)
        raw.execute(f"PRAGMA cache_size = {int(cache)}")


# One step of FTS5's merging after a load: about 20–60 ms on a slow 2-core machine, so a ticket saved
# meanwhile waits no longer than that.
FTS_MERGE_PAGES = 100


def _merge_postponed(database: Database) -> None:
    """SQLite: the merging a load postponed (automerge off), done now in short steps, each its own
    transaction. Left to later writes, it came back as one save in a few hundred taking 0.5–1.7 s.

    'merge' with a positive page count merges what automerge would; it wrote something (two or more
    changes, says FTS5's documentation) while there was work left.
    """
    while True:
        with database.writing() as session:
            raw = _dbapi(session)
            before = raw.total_changes
            raw.execute("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('merge', ?)", (FTS_MERGE_PAGES,))
            if raw.total_changes - before < 2:
                return


def _loaded_sla(ticket: NewTicket, rules: SlaRules) -> TicketSla:
    calendar, policies = rules
    policy = policies.get(ticket.priority)
    if policy is None:
        return TicketSla()
    return as_loaded(TicketSla(), ticket.created_at, ticket.updated_at, ticket.final_status, policy, calendar)


def _rows(
    first_id: int, batch: list[NewTicket], when: Callable[[datetime], object], rules: SlaRules
) -> tuple[list[Record], list[Record]]:
    tickets: list[Record] = []
    events: list[Record] = []
    for ticket_id, t in enumerate(batch, start=first_id):
        version = 1 + len(t.status_changes)
        stored = sla_columns(_loaded_sla(t, rules))  # the SLA columns as the app stores them, in their order
        sla = tuple(when(value) if isinstance(value, datetime) else value for value in stored.values())
        columns = (
            t.title,
            t.description,
            t.category.value,
            t.priority.value,
            t.final_status.value,
            when(t.created_at),
            when(t.updated_at),
            version,
            t.external_id,
            *sla,
        )
        tickets.append((ticket_id, *columns))
        events.append(
            (ticket_id, when(t.created_at), EventField.CREATED.value, None, t.initial_status.value, t.source.value, 1)
        )
        previous = t.initial_status
        for n, (at, status) in enumerate(t.status_changes, start=2):
            events.append(
                (ticket_id, when(at), EventField.STATUS.value, previous.value, status.value, t.source.value, n)
            )
            previous = status
    return tickets, events


# A load brings each ticket's SLA figures too (its triggers stand aside): computed here by the app's
# rules, as they would have been had the tickets been made in it, so the dues, the views sorted by them
# and the SLA attainment count imported tickets like any other.
_TICKET_COLUMNS = (
    "id, title, description, category, priority, status, created_at, updated_at, version, external_id, "
    + ", ".join(sla_columns(TicketSla()))
)
_EVENT_COLUMNS = "ticket_id, at, field, old_value, new_value, source, version"


def _load_sqlite(session: Connection, batch: list[NewTicket], rules: SlaRules) -> None:
    raw = _dbapi(session)
    cursor = raw.cursor()
    # The write lock is held (BEGIN IMMEDIATE), so the next ids are ours alone.
    first_id = (cursor.execute("SELECT coalesce(max(id), 0) FROM tickets").fetchone()[0]) + 1
    tickets, events = _rows(first_id, batch, _sqlite_time, rules)
    marks = ", ".join("?" * len(tickets[0]))
    cursor.executemany(f"INSERT INTO tickets ({_TICKET_COLUMNS}) VALUES ({marks})", tickets)
    cursor.executemany(f"INSERT INTO ticket_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", events)
    by_batch = session.info.get("by_batch", frozenset())
    if SQLITE_FTS_TRIGGER in by_batch:
        cursor.execute(
            "INSERT INTO tickets_fts (rowid, title, description) "
            "SELECT id, title, description FROM tickets WHERE id >= ?",
            (first_id,),
        )
    if SQLITE_PIECES_TRIGGER in by_batch:
        pieces = sorted(
            (piece, ticket_id)
            for ticket_id, t in enumerate(batch, start=first_id)
            for piece in short_pieces(f"{t.title} {t.description}")
        )
        cursor.executemany("INSERT OR IGNORE INTO ticket_pieces (piece, ticket_id) VALUES (?, ?)", pieces)
    cursor.close()


def _csv(rows: Iterable[Record]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # COPY's CSV reads an unquoted empty field as NULL and a quoted one as an empty string.
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()


def _postgresql_payload(ids: list[int], batch: list[NewTicket], rules: SlaRules) -> tuple[str, str]:
    """The CSV text of a batch's tickets and events, with the ids the sequence gave them."""
    tickets, events = _rows(0, batch, lambda d: d.astimezone(UTC).isoformat(), rules)
    return (
        _csv((ids[row[0]], *row[1:]) for row in tickets),
        _csv((ids[row[0]], *row[1:]) for row in events),
    )


Loaded = Callable[[list[NewTicket]], None]


def _copy_batches(session: Connection, batches: Iterator[list[NewTicket]], loaded: Loaded, rules: SlaRules) -> None:
    """COPY batch after batch. A helper thread writes the next batch's CSV meanwhile: Python work that
    would otherwise wait for the server, which is busy with the indexes (psycopg2 lets go of the GIL
    while it waits)."""
    from psycopg2.extensions import encodings  # PostgreSQL's only: not loaded for an embedded database

    cursor = _dbapi(session).cursor()
    codec = encodings[cursor.connection.encoding]
    # COPY refuses tables under row-level security for a role subject to it (an administrator who is
    # not the schema's owner): such a load goes through staging tables of its own, then INSERT ... SELECT.
    cursor.execute("SELECT row_security_active('tickets')")
    staged = bool(cursor.fetchone()[0])
    if staged:
        for table, columns in (("tickets", _TICKET_COLUMNS), ("ticket_events", _EVENT_COLUMNS)):
            staging = f"tf_load_{table}"
            cursor.execute(f"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT {columns} FROM {table} LIMIT 0")

    def copy(prepared: Future[tuple[str, str]], batch: list[NewTicket]) -> None:
        tickets, events = prepared.result()
        for table, columns, text_ in (("tickets", _TICKET_COLUMNS, tickets), ("ticket_events", _EVENT_COLUMNS, events)):
            target = f"tf_load_{table}" if staged else table
            # Bytes, not io.StringIO: that holds its text at 4 bytes a character, 8 MB more a batch at the
            # peak. Large reads: each read of the buffer needs the GIL back from the helper thread.
            cursor.copy_expert(
                f"COPY {target} ({columns}) FROM STDIN WITH (FORMAT csv)", io.BytesIO(text_.encode(codec)), size=1 << 20
            )
            if staged:
                cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {target}; TRUNCATE {target}")
        loaded(batch)

    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ticketflow-load") as helper:
            ahead: tuple[Future[tuple[str, str]], list[NewTicket]] | None = None
            for batch in batches:
                # nextval over a series is ascending within one call; positions map to these ids.
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence('tickets', 'id')) FROM generate_series(1, %s)",
                    (len(batch),),
                )
                prepared = helper.submit(_postgresql_payload, [r[0] for r in cursor.fetchall()], batch, rules)
                if ahead is not None:
                    copy(*ahead)
                ahead = (prepared, batch)
            if ahead is not None:
                copy(*ahead)
    finally:
        cursor.close()
