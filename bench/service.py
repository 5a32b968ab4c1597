"""Service-level benchmark at 10k / 100k / 1M tickets, on SQLite or PostgreSQL.

    python -m bench.service --backend sqlite --rows 1000000
    python -m bench.service --backend postgresql --rows 10000,100000,1000000

For every query it prints p50 / p95 / max of the service call and, beside it, the raw time of the
very SQL the service emitted (captured from the engine, replayed on a bare DBAPI connection), so the
service's own overhead shows as a ratio. Databases are seeded once and reused: PostgreSQL
`tfbench_<rows>` on --pg-url, SQLite files under /tmp/tfbench/. Writes made by the benchmark (create,
update, import) are removed afterwards, so a database keeps its row count between runs.
"""

from __future__ import annotations

import argparse
import csv
import gc
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from ticketflow_desktop.domain import Category, Cursor, Priority, Status, TicketChanges, TicketDraft, TicketFilter
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.transfer import import_csv
from ticketflow_desktop.storage import analytics
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import Database, open_database

SQLITE_DIR = Path("/tmp/tfbench")
DEFAULT_PG = "postgresql://postgres@127.0.0.1"

# Terms chosen against the synthetic corpus (services/seed.py): numbers 2..9999 appear in a few
# dozen tickets each per million; "error" is in a large share of technical tickets.
SEARCHES = {
    "rare word": "4711",
    "common word": "error",
    "2-char term": "ab",
    "no match": "zqxv",
    "2-char no match": "qj",
    # Short and symbol-heavy terms (issue 21): an order number, a cell, digits alone, an invoice number.
    "symbol term": "#47",
    "2-char code": "A1",
    "2-char digits": "47",
    "invoice number": "INV-0047",
    "phrase with symbol": "invoice #47",
}

SLOW_S = 0.5
SLOW_RUNS = 5
TARGET_PAGE = 5.0
TARGET_SEARCH = 20.0
TARGET_COUNT = 100.0
TARGET_STATS = 50.0
TARGET_WRITE = 10.0
CREATES_AFTER_IMPORT = 300
TARGET_IMPORT = 30_000.0  # issue 21: 100,000 into the million, while colleagues work


# --- databases -------------------------------------------------------------------------------------


def _row_count(database: Database) -> int:
    with database.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM tickets")).scalar_one())


def database_url(backend: str, rows: int, pg_url: str) -> str:
    if backend == "sqlite":
        SQLITE_DIR.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{SQLITE_DIR / f'tfbench_{rows}.sqlite3'}"
    server = make_url(pg_url).set(drivername="postgresql+psycopg2")
    name = f"tfbench_{rows}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def prepare(backend: str, rows: int, pg_url: str) -> tuple[Database, float | None]:
    """Open (upgrading the schema) and seed when the row count is not right; return the seed time."""
    url = database_url(backend, rows, pg_url)
    database = open_database(url, upgrade=True)  # the benchmark is the database's administrator
    have = _row_count(database)
    if have == rows:
        return database, None
    if have:
        database.dispose()
        raise SystemExit(f"{database.masked_url} holds {have} tickets, not {rows}: drop it or pick another size")
    print(f"seeding {rows:,} tickets into {database.masked_url} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    bulk_insert(database, synthetic_tickets(rows), expected=rows)
    elapsed = time.perf_counter() - start
    _analyze(database)
    print(f"seeded in {elapsed:.1f} s", file=sys.stderr, flush=True)
    return database, elapsed


def _analyze(database: Database) -> None:
    """Fresh statistics, and on PostgreSQL the deleted rows reclaimed: what autovacuum does on a normal
    server (the one here runs with autovacuum off, and unreclaimed rows slowed each import by seconds)."""
    if database.dialect == "postgresql":
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        return
    with database.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()


# --- as an agent under row-level security (PostgreSQL) ---------------------------------------------

BENCH_AGENT = "tfbench_agent"
BENCH_GROUPS = 10


def as_agent(database: Database) -> Database:
    """The same database as an agent in 3 of 10 groups: tickets spread over the ten groups, one in
    eleven in none (as an administrator's load: no history rows for the spreading). Made once."""
    from ticketflow_desktop.storage.team import add_agent, add_group, list_groups, set_groups

    if len(list_groups(database)) < BENCH_GROUPS:
        for n in range(1, BENCH_GROUPS + 1):
            add_group(database, f"Group {n}")
        print("spreading the tickets over the groups ...", file=sys.stderr, flush=True)
        with database.writing() as session:
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
            session.execute(
                text("UPDATE tickets SET group_id = (SELECT id FROM groups WHERE name = 'Group ' || (tickets.id % 11))")
            )
        _analyze(database)
    with database.reading() as session:
        exists = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": BENCH_AGENT}).first()
    if exists is None:
        add_agent(database, BENCH_AGENT, name="Bench Agent", role="agent")
    set_groups(database, BENCH_AGENT, ("Group 1", "Group 2", "Group 3"))
    url = make_url(database.url).set(username=BENCH_AGENT, password=None).render_as_string(hide_password=False)
    return open_database(url)


# --- measuring -------------------------------------------------------------------------------------


@dataclass
class Capture:
    """The statements the service sends, in order, with their parameters."""

    statements: list[tuple[str, object]] = field(default_factory=list)
    active: bool = False

    def install(self, database: Database) -> None:
        @event.listens_for(database.engine, "before_cursor_execute")
        def record(_conn, _cursor, statement, parameters, _context, _executemany) -> None:
            if self.active and not statement.lstrip().upper().startswith(("BEGIN", "SAVEPOINT", "RELEASE")):
                self.statements.append((statement, parameters))

    @contextmanager
    def recording(self):
        self.statements = []
        self.active = True
        try:
            yield self
        finally:
            self.active = False


@dataclass
class Result:
    name: str
    service: list[float]
    raw: list[float] | None
    target: float | None
    note: str = ""

    def p(self, values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def _timed(fn: Callable[[], object], runs: int, warmup: int = 1) -> tuple[list[float], object]:
    value = None
    for _ in range(warmup):
        value = fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, value


class Bench:
    def __init__(self, database: Database, runs: int, owner: Database | None = None) -> None:
        self.database = database
        self.owner = owner or database  # removes what the writes added (an agent may not delete)
        self.service = TicketService(database)
        self.runs = runs
        self.capture = Capture()
        self.capture.install(database)
        self.raw = database.engine.raw_connection()
        self.results: list[Result] = []
        # As the window and the CLI do once launched: what is loaded by now lives as long as the process,
        # so full collections need not walk it. Left in reach, the bench's own objects made one of its
        # collections a 17-25 ms pause inside whichever call it fell on ('INV-0047' search: p50 5.5, max 30-33).
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        self.raw.close()

    def replay(self, statements: list[tuple[str, object]]) -> None:
        cursor = self.raw.cursor()
        try:
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                if cursor.description is not None:  # not for SET
                    cursor.fetchall()
        finally:
            cursor.close()
            self.raw.rollback()

    def read(self, name: str, fn: Callable[[], object], target: float | None) -> object:
        start = time.perf_counter()
        with self.capture.recording() as captured:
            value = fn()
        first = time.perf_counter() - start
        statements = list(captured.statements)
        # A query that takes seconds gets fewer runs (noted in the table); its p95 is far off anyway.
        runs = self.runs if first < SLOW_S else SLOW_RUNS
        service, value = _timed(fn, runs, warmup=0)
        raw, _ = _timed(lambda: self.replay(statements), runs)
        note = _describe(value) + (f" ({runs} runs)" if runs != self.runs else "")
        self.results.append(Result(name, service, raw, target, note))
        return value

    def write(self, name: str, fn: Callable[[int], object], target: float | None, runs: int | None = None) -> None:
        times = []
        for i in range(runs or self.runs):
            start = time.perf_counter()
            fn(i)
            times.append((time.perf_counter() - start) * 1000)
        self.results.append(Result(name, times, None, target))


def _describe(value: object) -> str:
    from ticketflow_desktop.domain import Count, Page

    if isinstance(value, Page):
        return f"{len(value.tickets)} rows"
    if isinstance(value, Count):
        return str(value)
    return ""


def deep_cursor(database: Database, depth: int) -> str | None:
    """The cursor after `depth` rows newest first, found by one seek (not by paging)."""
    with database.reading() as session:
        row = session.execute(
            text("SELECT created_at, id FROM tickets ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET :n"),
            {"n": depth - 1},
        ).first()
    if row is None:
        return None
    created, ticket_id = row
    if isinstance(created, str):
        created = datetime.fromisoformat(created)
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return Cursor(created.astimezone(UTC).isoformat(), int(ticket_id)).encode()


def run_reads(bench: Bench, rows: int) -> None:
    s = bench.service
    filters = {
        "category": TicketFilter(category=Category.BILLING),
        "priority": TicketFilter(priority=Priority.CRITICAL),
        "status": TicketFilter(status=Status.IN_PROGRESS),
        "all three": TicketFilter(category=Category.TECHNICAL, priority=Priority.HIGH, status=Status.OPEN),
    }
    bench.read("first page, newest", lambda: s.page(limit=50), TARGET_PAGE)
    for label, f in filters.items():
        bench.read(f"first page, {label} filter", lambda f=f: s.page(f, limit=50), TARGET_PAGE)
    depth = min(500_001, rows // 2)
    cursor = deep_cursor(bench.database, depth)
    bench.read(f"page after {depth:,} rows (keyset)", lambda: s.page(limit=50, cursor=cursor), TARGET_PAGE)
    for label, term in SEARCHES.items():
        f = TicketFilter(search=term)
        bench.read(f"search {label} '{term}'", lambda f=f: s.page(f, limit=50), TARGET_SEARCH)
    for label, f in filters.items():
        bench.read(f"count, {label} filter", lambda f=f: s.count(f), TARGET_COUNT)
    for label, term in SEARCHES.items():
        f = TicketFilter(search=term)
        bench.read(f"count, search {label}", lambda f=f: s.count(f), TARGET_COUNT)
    bench.read("stats", s.stats, TARGET_STATS)


@contextmanager
def cleanup_after(database: Database):
    """Delete every ticket the block added and restore the summary, so the database keeps its size."""
    with database.reading() as session:
        last_id = session.execute(text("SELECT coalesce(max(id), 0) FROM tickets")).scalar_one()
    try:
        yield
    finally:
        with database.writing() as session:
            session.execute(text("DELETE FROM ticket_events WHERE ticket_id > :id"), {"id": last_id})
            session.execute(text("DELETE FROM tickets WHERE id > :id"), {"id": last_id})
            analytics.rebuild_summaries(session)
        _analyze(database)


def write_csv(path: Path, n: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "description", "category", "priority", "status", "created_at"])
        for t in synthetic_tickets(n, seed=99):
            writer.writerow(
                [
                    t.title,
                    t.description,
                    t.category.value,
                    t.priority.value,
                    t.final_status.value,
                    t.created_at.isoformat(),
                ]
            )


def run_writes(bench: Bench, import_rows: int, import_runs: int) -> None:
    s = bench.service
    created: list = []
    with cleanup_after(bench.owner):

        def create(i: int) -> None:
            created.append(
                s.create(TicketDraft(f"Bench ticket {i}", "Created by the benchmark.", Category.GENERAL, Priority.LOW))
            )

        bench.write("create", create, TARGET_WRITE)

        def change(i: int) -> None:
            t = created[i % len(created)]
            s.update(t.id, TicketChanges(priority=Priority.HIGH, status=Status.IN_PROGRESS), t.version)

        bench.write("update (priority + status)", change, TARGET_WRITE)
    if import_runs:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "import.csv"
            write_csv(path, import_rows)

            colleague = Colleague(bench.database.url) if bench.database.dialect == "postgresql" else None
            elapsed: list[float] = []
            after: list[float] = []
            for run in range(import_runs):
                with cleanup_after(bench.owner):
                    if colleague is not None:
                        colleague.start()
                    start = time.perf_counter()
                    import_csv(s, path)
                    elapsed.append((time.perf_counter() - start) * 1000)
                    if colleague is not None:
                        colleague.stop()
                    for i in range(CREATES_AFTER_IMPORT):  # SQLite: the FTS merging a load postponed
                        start = time.perf_counter()
                        create(run * CREATES_AFTER_IMPORT + i)
                        after.append((time.perf_counter() - start) * 1000)
            bench.results.append(Result(f"import {import_rows:,} rows from CSV", elapsed, None, TARGET_IMPORT))
            slowest = Result(f"create after the import ({len(after)}): slowest", [max(after)], None, 100.0)
            bench.results += [Result("create after the import", after, None, TARGET_WRITE), slowest]
            if colleague is not None:
                bench.results.append(Result("colleague's list during the import", colleague.lists, None, 50.0))
                bench.results.append(Result("colleague's edit during the import", colleague.edits, None, 1000.0))
                colleague.close()


class Colleague:
    """PostgreSQL: a colleague working while the import runs, on connections of their own: the first page
    every 50 ms, and an edit of one ticket every half second (issue 21: list p95 ≤ 50 ms, no wait > 1 s)."""

    def __init__(self, url: str) -> None:
        self.service = TicketService(open_database(url))
        self.ticket = self.service.page(limit=1).tickets[0]  # the newest: its title is put back at the end
        self.title = self.ticket.title
        self.lists: list[float] = []
        self.edits: list[float] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._work, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()

    def _work(self) -> None:
        n = 0
        while not self._stopping.wait(0.05):
            start = time.perf_counter()
            self.service.page(limit=50)
            self.lists.append((time.perf_counter() - start) * 1000)
            n += 1
            if n % 10 == 0:
                start = time.perf_counter()
                self.ticket = self.service.update(self.ticket.id, TicketChanges(title=f"Edit {n}"), self.ticket.version)
                self.edits.append((time.perf_counter() - start) * 1000)

    def close(self) -> None:
        self.service.update(self.ticket.id, TicketChanges(title=self.title), self.ticket.version)
        self.service.database.dispose()


# --- report ----------------------------------------------------------------------------------------


def render(results: list[Result], title: str) -> str:
    lines = [
        title,
        f"{'query':<42} {'p50':>8} {'p95':>8} {'max':>8} {'raw p50':>8} {'raw p95':>8} {'ratio':>6}"
        f" {'target':>7} {'met':>4}  result",
    ]
    for r in results:
        p50, p95, top = r.p(r.service, 0.5), r.p(r.service, 0.95), max(r.service)
        if r.raw:
            rp50, rp95 = r.p(r.raw, 0.5), r.p(r.raw, 0.95)
            raw = f"{rp50:8.2f} {rp95:8.2f} {p50 / rp50 if rp50 else 0:6.1f}"
        else:
            raw = f"{'-':>8} {'-':>8} {'-':>6}"
        target = f"{r.target:7.0f}" if r.target is not None else f"{'-':>7}"
        met = ("yes" if p95 <= r.target else "NO") if r.target is not None else "-"
        lines.append(f"{r.name:<42} {p50:8.2f} {p95:8.2f} {top:8.2f} {raw} {target} {met:>4}  {r.note}")
    lines.append("(times in ms; p95 target; ratio = service p50 / raw SQL p50)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.service", description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rows", default="10000,100000,1000000", help="comma-separated table sizes")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query (after one warm-up)")
    parser.add_argument("--pg-url", default=DEFAULT_PG, help="PostgreSQL server (the database name is ignored)")
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--import-runs", type=int, default=2, help="0 skips the import benchmark")
    parser.add_argument("--no-writes", action="store_true", help="only the read queries")
    parser.add_argument("--no-reads", action="store_true", help="only the writes (create, update, import)")
    parser.add_argument(
        "--as-agent",
        action="store_true",
        help="PostgreSQL: measure as an agent in 3 of 10 groups, under row-level security (no import)",
    )
    args = parser.parse_args(argv)
    for rows in (int(r.replace("_", "")) for r in args.rows.split(",")):
        database, seeded = prepare(args.backend, rows, args.pg_url)
        owner = database
        if args.as_agent:
            database = as_agent(owner)
            args.import_runs = 0  # an import is an administrator's act
        bench = Bench(database, args.runs, owner)
        try:
            if not args.no_reads:
                run_reads(bench, rows)
            if not args.no_writes:
                run_writes(bench, args.import_rows, args.import_runs)
        finally:
            bench.close()
            database.dispose()
            owner.dispose()
        who = ", as an agent in 3 of 10 groups (row-level security)" if args.as_agent else ""
        header = f"\n== {args.backend}, {rows:,} tickets{who}, {args.runs} runs" + (
            f" (seeded now in {seeded:.1f} s)" if seeded else ""
        )
        print(render(bench.results, header), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
