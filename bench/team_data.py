"""The team-scale data set of issue 21, seeded once and reused: a million tickets, five million messages.

    nice -n 10 python -m bench.team_data --backend postgresql [--tickets 1000000]
    nice -n 10 python -m bench.team_data --backend sqlite [--tickets 1000000]

Per `--tickets` N: 5N messages (median 3 per ticket, a tail to 200; one ticket with exactly 200), 200
agents in 20 groups (on PostgreSQL real login roles in the agent role, so row-level security applies),
100,000 requesters in 5,000 organisations (fewer below a million: N/10 and N/200), 300 tags in a power
law, the seed's SLA policies and business calendar with each ticket's dues and outcome. PostgreSQL
database `tfteam_<N>` on --pg-url, SQLite file /tmp/tfbench/team_<N>.db. Deterministic (seeded random;
times relative to today's midnight UTC).

The schema is the app's own migrations; the load is an administrator's trusted load into empty tables:
PostgreSQL COPY ... FREEZE with the tables' own triggers and foreign keys stood aside and the secondary
indexes dropped, all rebuilt once at the end in the same transaction; SQLite executemany with the
indexes and FTS triggers likewise off, the FTS indexes rebuilt once. The summaries are the ones
storage/bulk.py writes (storage.analytics.LoadedHistory) and the SLA attainment's, counted from the
loaded tickets once (analytics.rebuild_sla_settled: its triggers stood aside with the others), and each
ticket's SLA figures are computed by domain/sla.py's rules (settle_loaded's), here rather than by a
second pass.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import queue
import random
import sqlite3
import sys
import threading
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ticketflow_desktop.domain import NewTicket, Priority
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.sla import DONE, SlaPolicy, due_times, outcome
from ticketflow_desktop.domain.sla_state import TicketSla
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.seed_tags import TAGS as NAMED_TAGS
from ticketflow_desktop.services.seed_team import (
    AGENT_LINES,
    CUSTOMER_LINES,
    FIRST,
    LAST,
    NOTE_LINES,
    ORGANISATIONS,
    SEED_CALENDAR,
    SEED_POLICIES,
    messages_for,
)
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.analytics import LoadedHistory, rebuild_sla_settled
from ticketflow_desktop.storage.engine import Database, open_database, register_sqlite_functions

SQLITE_DIR = Path("/tmp/tfbench")
DEFAULT_PG = "postgresql://postgres@127.0.0.1"
DEFAULT_TICKETS = 1_000_000
MESSAGES_PER_TICKET = 5
GROUPS = 20
AGENTS = 200
TAG_COUNT = 300
BATCH = 20_000
SEED = 21
# The benchmark's agent: one of the 200, in 3 of the 20 groups (the others are in one each).
BENCH_AGENT = "tfteam_agent001"
BENCH_GROUPS = ("Group 1", "Group 2", "Group 3")
LOADED_TABLES = ("customers", "tickets", "ticket_events", "messages", "ticket_tags")
ACTOR = "seed"


def agent_login(n: int) -> str:
    return f"tfteam_agent{n + 1:03d}"


def group_name(g: int) -> str:
    return f"Group {g + 1}"


def long_thread_id(tickets: int) -> int:
    """The ticket with exactly 200 messages, in Group 1 (the benchmark agent sees it)."""
    return max(1, tickets - 7)


def sizes(tickets: int) -> tuple[int, int]:
    """(requesters, organisations): 100,000 in 5,000 at a million, in proportion below."""
    return max(100, min(100_000, tickets // 10)), max(10, min(5_000, tickets // 200))


def tag_names() -> list[str]:
    """300 tags: the seed's named 40 first (the most used), then a numbered long tail."""
    names = list(NAMED_TAGS)
    topics = ("topic", "customer", "release", "region", "team", "campaign")
    n = 0
    while len(names) < TAG_COUNT:
        names.append(f"{topics[n % len(topics)]}-{n + 1:03d}")
        n += 1
    return names


LONG_BODY = "Here is the full log you asked for, line by line, as the tool printed it:\n" + "\n".join(
    f"{h:02d}:{m:02d}:17 worker-{m % 7} sync batch {h * 60 + m} took {(h * 37 + m) % 900} ms"
    for h in range(3)
    for m in range(0, 60, 2)
)
MESSAGE_BODIES = (
    *CUSTOMER_LINES,
    *AGENT_LINES,
    *NOTE_LINES,
    "Order #{n} still has not arrived; the tracking page has said 'in transit' for {d} days.",
    "Ticket reference {n}: the export stops at row {m} with no error message.",
    "We upgraded to {n}.{d} yesterday and the dashboard is blank now 😕",
    "Invoice {n} was paid on the {d}th, please check the remittance.",
    "Hi, the printer on the 3rd floor prints blank pages since this morning. 🖨😩",
    "مرحبا، الطابعة لا تعمل منذ الصباح. هل يمكنكم المساعدة؟ שלום, המדפסת לא עובדת",
    "It's PRN-0042. Also the scanner next to it says 'Error 0x8007' 🙃",
    "Step by step:\n1. Open the tray\n2. Remove the jammed paper\n3. Close the tray and wait 30 s\n\nThen try again.",
    "<b>Not bold</b> &amp; <i>not italic</i>: the text is shown as typed.",
    "Works now, thank you so much! 🎉🎉",
    "Long line: https://intranet.example.com/wiki/kb/{n}/troubleshooting?ref=" + "x" * 160,
    "日本語のサポートは可能ですか？ 注文番号 {n} です。",
    "Can we get a call on Thursday at {d}:30? Our CTO wants to understand the outage of {n} minutes.",
    "I've attached the HAR file ({m} KB). Same 502 from the gateway every {d} minutes.",
)
LONG_BODIES = (LONG_BODY, LONG_BODY.replace("sync batch", "import job") + "\n\nAny idea? 🤔")


# --- generating ----------------------------------------------------------------------------------------


@dataclass
class Batch:
    """One batch's rows, ready for the driver (times already in the backend's form)."""

    tickets: list[tuple[object, ...]] = field(default_factory=list)
    events: list[tuple[object, ...]] = field(default_factory=list)
    messages: list[tuple[object, ...]] = field(default_factory=list)
    tags: list[tuple[object, ...]] = field(default_factory=list)
    loaded: list[NewTicket] = field(default_factory=list)


TICKET_COLUMNS = (
    "id, title, description, category, priority, status, created_at, updated_at, version, group_id, requester_id,"
    " assignee, first_response_due, resolution_due, first_responded_at, sla_paused_at, sla_paused_minutes,"
    " sla_outcome, sla_settled_at, sla_due"
)
EVENT_COLUMNS = "ticket_id, at, field, old_value, new_value, source, version, actor"
MESSAGE_COLUMNS = "id, ticket_id, kind, author, at, body, customer_id"
TAG_COLUMNS = "ticket_id, tag"
PG_TAG_COLUMNS = "ticket_id, tag, ticket_group_id"  # the ticket's group, for row-level security
CUSTOMER_COLUMNS = "id, name, email, email_key, organisation"


def message_counts(tickets: int, rng: random.Random) -> list[int]:
    """Messages per ticket (services/seed_team's distribution), trimmed or topped up to exactly 5 per ticket
    on average, with one thread of exactly 200."""
    counts = [messages_for(rng) for _ in range(tickets)]
    counts[long_thread_id(tickets) - 1] = 200
    diff = MESSAGES_PER_TICKET * tickets - sum(counts)
    while diff:
        i = rng.randrange(tickets)
        if i == long_thread_id(tickets) - 1:
            continue
        if diff > 0 and counts[i] < 9:
            counts[i] += 1
            diff -= 1
        elif diff < 0 and 0 < counts[i] < 50:
            counts[i] -= 1
            diff += 1
    return counts


def customer_rows(tickets: int) -> Iterator[tuple[object, ...]]:
    rng = random.Random(SEED + 1)
    customers, organisations = sizes(tickets)
    for n in range(customers):
        first, last = FIRST[rng.randrange(len(FIRST))], LAST[rng.randrange(len(LAST))]
        org = n % organisations
        email = f"{first.lower()}.{last.lower()}.{n + 1}@customer{org}.example"
        yield (n + 1, f"{first} {last}", email, email.casefold(), f"{ORGANISATIONS[org % len(ORGANISATIONS)]} {org}")


class Dues:
    """domain/sla.py's due times, fast: the calendar's day intervals and each (minute, priority) memoised
    (dues count from the minute a ticket arrived, so tickets of one minute share them)."""

    def __init__(self) -> None:
        self.calendar = Calendar.parse(*SEED_CALENDAR)
        # Same answers, computed once per day instead of once per call.
        object.__setattr__(self.calendar, "_intervals", functools.lru_cache(maxsize=None)(self.calendar._intervals))
        self.policies: dict[Priority, SlaPolicy] = {p.priority: p for p in SEED_POLICIES}

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one instance per seed
    def of(self, minute: datetime, priority: Priority) -> tuple[datetime, datetime]:
        return due_times(minute, self.policies[priority], 0, self.calendar)


def generate(tickets: int, when: Callable[[datetime], object], now: datetime) -> Iterator[Batch]:
    rng = random.Random(SEED)
    rand = rng.random
    counts = message_counts(tickets, rng)
    customers, _ = sizes(tickets)
    tags = tag_names()
    tag_cum = list(_cumulative([1 / (rank + 1) ** 1.1 for rank in range(TAG_COUNT)]))
    tag_k_cum = list(_cumulative([50, 30, 13, 5, 2]))
    group_cum = list(_cumulative([1 / (g + 1) ** 0.5 for g in range(GROUPS)]))
    members = [[agent_login(a) for a in range(AGENTS) if a % GROUPS == g] for g in range(GROUPS)]
    dues = Dues()
    short = [b for b in MESSAGE_BODIES]
    batch = Batch()
    message_id = 0
    long_id = long_thread_id(tickets)
    for ticket_id, t in enumerate(synthetic_tickets(tickets, now=now, seed=SEED), start=1):
        g = None if rand() < 0.05 else bisect(group_cum, rand() * group_cum[-1])
        if ticket_id == long_id:
            g = 0
        group = members[g] if g is not None else members[int(rand() * GROUPS)]
        assignee = None if rand() < 0.2 else group[int(rand() * len(group))]
        requester = 1 + int(customers * rand() ** 3)  # a few requesters with many tickets, most with few
        # The thread: times after the ticket's creation, the first reply is the SLA's first response.
        at = t.created_at
        author = assignee or group[ticket_id % len(group)]
        first_reply = None
        for n in range(counts[ticket_id - 1]):
            at = min(now, at + timedelta(minutes=5 + rand() * 600))
            r = rand()
            if n % 2 == 0 and r < 0.8:
                kind, customer = "customer", requester
            elif r < 0.85:
                kind, customer = "note", None
            else:
                kind, customer = "reply", None
                if first_reply is None:
                    first_reply = at
            if rand() < 0.01:
                body = LONG_BODIES[int(rand() * 2)]
            else:
                body = short[int(rand() * len(short))]
                if "{" in body:
                    body = body.format(n=2 + int(rand() * 99998), d=1 + int(rand() * 28), m=int(rand() * 5000))
            message_id += 1
            batch.messages.append((message_id, ticket_id, kind, author, when(at), body, customer))
        # SLA: the seed policy's dues from the arrival minute; a done ticket settled when it became done.
        status = t.final_status
        first_due, resolution_due = dues.of(t.created_at.replace(second=0, microsecond=0), t.priority)
        sla = TicketSla(first_due, resolution_due, first_reply)
        if status in DONE:
            settled = outcome(sla, t.updated_at)
            sla = TicketSla(first_due, resolution_due, first_reply, outcome=settled, settled_at=t.updated_at)
        batch.tickets.append(
            (
                ticket_id,
                t.title,
                t.description,
                t.category.value,
                t.priority.value,
                status.value,
                when(t.created_at),
                when(t.updated_at),
                1 + len(t.status_changes),
                None if g is None else g + 1,
                requester,
                assignee,
                when(first_due),
                when(resolution_due),
                None if first_reply is None else when(first_reply),
                None,
                0,
                None if sla.outcome is None else sla.outcome.value,
                None if sla.settled_at is None else when(sla.settled_at),
                when(sla.sort_due),
            )
        )
        batch.events.append(
            (ticket_id, when(t.created_at), "created", None, t.initial_status.value, "import", 1, ACTOR)
        )
        previous = t.initial_status
        for v, (changed, new) in enumerate(t.status_changes, start=2):
            batch.events.append((ticket_id, when(changed), "status", previous.value, new.value, "import", v, ACTOR))
            previous = new
        k = bisect(tag_k_cum, rand() * tag_k_cum[-1])
        for tag in {tags[bisect(tag_cum, rand() * tag_cum[-1])] for _ in range(k)}:
            batch.tags.append((ticket_id, tag, None if g is None else g + 1))
        batch.loaded.append(t)
        if len(batch.tickets) == BATCH:
            yield batch
            batch = Batch()
    if batch.tickets:
        yield batch


def _cumulative(weights: list[float] | list[int]) -> Iterator[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def _ahead(batches: Iterator[Batch], depth: int = 2) -> Iterator[Batch]:
    """The next batches generated in a thread meanwhile (the driver lets go of the GIL while it waits)."""
    done = object()
    ready: queue.Queue[Any] = queue.Queue(maxsize=depth)

    def fill() -> None:
        try:
            for b in batches:
                ready.put(b)
        except BaseException as error:  # noqa: BLE001 - handed to the consumer, which raises it
            ready.put(error)
        ready.put(done)

    threading.Thread(target=fill, name="tfteam-generate", daemon=True).start()
    while (item := ready.get()) is not done:
        if isinstance(item, BaseException):
            raise item
        yield item


# --- the step timer --------------------------------------------------------------------------------------


class Steps:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.last = self.start
        self.rows: list[tuple[str, float]] = []

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.rows.append((name, now - self.last))
        print(f"  {name:<52} {now - self.last:7.1f} s", file=sys.stderr, flush=True)
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.start


# --- PostgreSQL ----------------------------------------------------------------------------------------


def pg_url(pg: str, tickets: int) -> str:
    server = make_url(pg).set(drivername="postgresql+psycopg2")
    name = f"tfteam_{tickets}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def _csv(rows: list[tuple[object, ...]]) -> io.StringIO:
    buffer = io.StringIO()
    # COPY's CSV reads an unquoted empty field as NULL (no text here is empty).
    csv.writer(buffer).writerows(["" if v is None else v for v in row] for row in rows)
    buffer.seek(0)
    return buffer


def _team_postgresql(database: Database) -> None:
    """Groups, the 200 agents as login roles (cluster-wide: made once, reused by every size), their records."""
    with database.writing() as session:
        session.execute(
            text("INSERT INTO groups (id, name) VALUES (:id, :name)"),
            [{"id": g + 1, "name": group_name(g)} for g in range(GROUPS)],
        )
        session.execute(text("SELECT setval(pg_get_serial_sequence('groups', 'id'), :n)"), {"n": GROUPS})
        existing = set(
            session.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'tfteam_agent%'")).scalars()
        )
        statements = [
            f'CREATE ROLE "{agent_login(a)}" LOGIN IN ROLE ticketflow_agent'
            for a in range(AGENTS)
            if agent_login(a) not in existing
        ]
        statements += [
            f'GRANT ticketflow_agent TO "{agent_login(a)}"' for a in range(AGENTS) if agent_login(a) in existing
        ]
        if statements:
            session.execute(text(";\n".join(statements)))
        _agent_records(session)


def _agent_records(session: Any) -> None:
    session.execute(
        text("INSERT INTO agents (login, name, email, role, active) VALUES (:login, :name, :email, 'agent', true)"),
        [
            {
                "login": agent_login(a),
                "name": f"{FIRST[a % len(FIRST)]} {LAST[(a // len(FIRST)) % len(LAST)]}",
                "email": f"{agent_login(a)}@support.example",
            }
            for a in range(AGENTS)
        ],
    )
    memberships = [{"login": agent_login(a), "group_id": a % GROUPS + 1} for a in range(1, AGENTS)]
    memberships += [{"login": BENCH_AGENT, "group_id": g} for g in (1, 2, 3)]
    session.execute(text("INSERT INTO agent_groups (login, group_id) VALUES (:login, :group_id)"), memberships)


def _stand_aside_postgresql(cursor: Any) -> tuple[list[str], list[str]]:
    """Drop the loaded tables' foreign keys and secondary indexes (not those behind a constraint); return
    the statements that make them again."""
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE contype = 'f' AND (conrelid::regclass::text = ANY(%s) OR confrelid::regclass::text = ANY(%s))",
        (list(LOADED_TABLES), list(LOADED_TABLES)),
    )
    keys = cursor.fetchall()
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " WHERE i.indrelid::regclass::text = ANY(%s)"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        (list(LOADED_TABLES),),
    )
    indexes = cursor.fetchall()
    for table, name, _ in keys:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    return [d for _, d in indexes], [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d in keys]


def _build_side_by_side(database: Database, statements: list[str], workers: int = 2) -> None:
    """Run index builds on `workers` connections at once, the largest tables' first (messages, then
    tickets), so that the longest build starts at once and the rest fill in around it."""

    def build(statement: str) -> None:
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("SET maintenance_work_mem = '512MB'")
            connection.exec_driver_sql(statement)

    largest_first = sorted(statements, key=lambda s: (" ON public.messages " not in s, s))
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(build, largest_first))  # list(): a failed build raises here


def seed_postgresql(database: Database, tickets: int, steps: Steps) -> None:
    now = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    with database.writing() as session:
        # The seed's calendar and policies, before any ticket (their triggers recompute nothing then).
        sla_store.ensure_defaults(session, SEED_CALENDAR, SEED_POLICIES)
    _team_postgresql(database)
    steps.done("groups, 200 agents (login roles), SLA policies")
    history = LoadedHistory()
    with database.writing() as session:
        cursor = session.connection.dbapi_connection.cursor()
        cursor.execute("SELECT set_config('ticketflow.trusted_load', 'on', true)")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        # Empty tables made empty in this transaction: COPY FREEZE writes the rows already frozen and
        # visible to all (no vacuum pass before index-only scans work).
        cursor.execute(f"TRUNCATE {', '.join(LOADED_TABLES)} CASCADE")
        # The tables' own triggers do nothing in a trusted load but cost a PL/pgSQL call per row (5M
        # messages); off for this transaction, which brings the history, summaries and SLA they would.
        for table in LOADED_TABLES:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        index_statements, key_statements = _stand_aside_postgresql(cursor)
        steps.done("stand aside: triggers, foreign keys, indexes")
        cursor.copy_expert(
            f"COPY customers ({CUSTOMER_COLUMNS}) FROM STDIN WITH (FORMAT csv, FREEZE)",
            _csv(list(customer_rows(tickets))),
        )
        steps.done(f"COPY customers ({sizes(tickets)[0]:,})")
        messages = 0
        for batch in _ahead(generate(tickets, lambda d: d.isoformat(), now)):
            for table, columns, rows in (
                ("tickets", TICKET_COLUMNS, batch.tickets),
                ("ticket_events", EVENT_COLUMNS, batch.events),
                ("messages", MESSAGE_COLUMNS, batch.messages),
                ("ticket_tags", PG_TAG_COLUMNS, batch.tags),
            ):
                cursor.copy_expert(
                    f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, FREEZE)", _csv(rows), size=1 << 20
                )
            messages += len(batch.messages)
            history.add(batch.loaded)
        steps.done(f"generate + COPY tickets, events, {messages:,} messages, tags")
        # The search indexes (GIN: trigrams and pieces over 5M messages, most of the build time, and one
        # core each) are built after the commit, two at a time, like pg_restore --jobs 2.
        searching = [s for s in index_statements if " USING gin " in s]
        for statement in index_statements:
            if statement not in searching:
                cursor.execute(statement)
        steps.done(f"{len(index_statements) - len(searching)} B-tree indexes built")
        for statement in key_statements:
            cursor.execute(statement)
        steps.done(f"{len(key_statements)} foreign keys checked")
        for table in LOADED_TABLES:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        for table, column in (("customers", "id"), ("tickets", "id"), ("messages", "id"), ("ticket_events", "id")):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT max({column}) FROM {table}))"
            )
        history.write(session)
        rebuild_sla_settled(session)  # its triggers stood aside too
        steps.done("summaries (history, totals, flow, resolution times, SLA settled)")
    _build_side_by_side(database, searching)
    steps.done(f"{len(searching)} search indexes built, two at a time")
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
    steps.done("VACUUM ANALYZE")


# --- SQLite --------------------------------------------------------------------------------------------


def _sqlite_time(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def seed_sqlite(path: Path, tickets: int, steps: Steps) -> None:
    now = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        mode = raw.execute("PRAGMA journal_mode").fetchone()[0]
        # One writer, a file nobody else has open yet: no journal to write the data twice into.
        raw.execute("PRAGMA journal_mode = OFF")
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("PRAGMA cache_size = -262144")
        raw.execute("BEGIN")
        names = ", ".join(f"'{t}'" for t in LOADED_TABLES)
        triggers = raw.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({names})"
        ).fetchall()
        indexes = raw.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})"
        ).fetchall()
        for name, _ in triggers:
            raw.execute(f'DROP TRIGGER "{name}"')
        for name, _ in indexes:
            raw.execute(f'DROP INDEX "{name}"')
        _team_sqlite(raw)
        steps.done("stand aside: triggers, indexes; groups, agents, SLA policies")
        raw.executemany(f"INSERT INTO customers ({CUSTOMER_COLUMNS}) VALUES (?, ?, ?, ?, ?)", customer_rows(tickets))
        history = LoadedHistory()
        messages = 0
        marks = lambda columns: ", ".join("?" for _ in columns.split(","))  # noqa: E731
        for batch in _ahead(generate(tickets, _sqlite_time, now)):
            for table, columns, rows in (
                ("tickets", TICKET_COLUMNS, batch.tickets),
                ("ticket_events", EVENT_COLUMNS, batch.events),
                ("messages", MESSAGE_COLUMNS, batch.messages),
                ("ticket_tags", TAG_COLUMNS, [tag[:2] for tag in batch.tags]),
            ):
                raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks(columns)})", rows)
            messages += len(batch.messages)
            history.add(batch.loaded)
        steps.done(f"generate + insert tickets, events, {messages:,} messages, tags")
        for _, sql in indexes:
            raw.execute(sql)
        steps.done(f"{len(indexes)} indexes built")
        for fts in ("tickets_fts", "messages_fts"):
            raw.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
        steps.done("FTS indexes filled (tickets, messages)")
        # The short pieces of tickets and messages (2-character and symbol terms), which the triggers set
        # aside here would have written: as migration 0017 fills them.
        register_sqlite_functions(raw)
        for rows in (
            "SELECT p.value, t.id FROM tickets t, json_each(tf_short_pieces(t.title || ' ' || t.description)) p",
            "SELECT p.value, m.ticket_id FROM messages m, json_each(tf_short_pieces(m.body)) p",
        ):
            raw.execute(f"INSERT OR IGNORE INTO ticket_pieces (piece, ticket_id) {rows}")
        steps.done("short pieces (tickets, messages)")
        for _, sql in triggers:
            raw.execute(sql)
        raw.execute("COMMIT")
        raw.execute(f"PRAGMA journal_mode = {mode}")
    finally:
        raw.close()
    database = open_database(f"sqlite:///{path}")
    try:
        with database.writing() as session:
            history.write(session)
            rebuild_sla_settled(session)  # its triggers were dropped for the load
        steps.done("summaries (totals, flow, resolution times, SLA settled)")
        with database.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
        steps.done("ANALYZE")
    finally:
        database.dispose()


def _team_sqlite(raw: sqlite3.Connection) -> None:
    raw.executemany("INSERT INTO groups (id, name) VALUES (?, ?)", [(g + 1, group_name(g)) for g in range(GROUPS)])
    raw.executemany(
        "INSERT INTO agents (login, name, email, role, active) VALUES (?, ?, ?, 'agent', 1)",
        [
            (
                agent_login(a),
                f"{FIRST[a % len(FIRST)]} {LAST[(a // len(FIRST)) % len(LAST)]}",
                f"{agent_login(a)}@support.example",
            )
            for a in range(AGENTS)
        ],
    )
    memberships = [(agent_login(a), a % GROUPS + 1) for a in range(1, AGENTS)] + [(BENCH_AGENT, g) for g in (1, 2, 3)]
    raw.executemany("INSERT INTO agent_groups (login, group_id) VALUES (?, ?)", memberships)
    hours, zone = SEED_CALENDAR
    raw.execute("INSERT INTO sla_calendar (id, hours, zone, holidays) VALUES (1, ?, ?, '')", (hours, zone))
    raw.executemany(
        "INSERT INTO sla_policies (priority, first_response_minutes, resolution_minutes) VALUES (?, ?, ?)",
        [(p.priority.value, p.first_response_minutes, p.resolution_minutes) for p in SEED_POLICIES],
    )


# --- opening ---------------------------------------------------------------------------------------------


def sqlite_path(tickets: int) -> Path:
    SQLITE_DIR.mkdir(parents=True, exist_ok=True)
    return SQLITE_DIR / f"team_{tickets}.db"


def database_url(backend: str, tickets: int, pg: str = DEFAULT_PG) -> str:
    return f"sqlite:///{sqlite_path(tickets)}" if backend == "sqlite" else pg_url(pg, tickets)


def _counts(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        return (
            int(session.execute(text("SELECT count(*) FROM tickets")).scalar_one()),
            int(session.execute(text("SELECT count(*) FROM messages")).scalar_one()),
        )


def prepare(backend: str, tickets: int, pg: str = DEFAULT_PG) -> tuple[Database, Steps | None]:
    """The data set (seeded now unless it is there): the owner's database, and the seeding's steps."""
    url = database_url(backend, tickets, pg)
    database = open_database(url, upgrade=True)  # the seed is the database's administrator
    have = _counts(database)
    if have == (tickets, MESSAGES_PER_TICKET * tickets):
        return database, None
    if have != (0, 0):
        database.dispose()
        raise SystemExit(f"{database.masked_url} holds {have[0]} tickets and {have[1]} messages: drop it first")
    print(
        f"seeding {tickets:,} tickets, {MESSAGES_PER_TICKET * tickets:,} messages into {database.masked_url}",
        file=sys.stderr,
    )
    steps = Steps()
    if backend == "sqlite":
        database.dispose()
        seed_sqlite(sqlite_path(tickets), tickets, steps)
        database = open_database(url)
    else:
        seed_postgresql(database, tickets, steps)
    print(f"  {'total':<52} {steps.total():7.1f} s", file=sys.stderr, flush=True)
    return database, steps


def data_set_arguments(parser: argparse.ArgumentParser) -> None:
    """--backend, --tickets and --pg-url: which data set a benchmark runs on (`prepare`'s arguments)."""
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--tickets", type=int, default=DEFAULT_TICKETS)
    parser.add_argument("--pg-url", default=DEFAULT_PG, help="PostgreSQL server (the database name is ignored)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team_data", description=__doc__.split("\n\n")[0])
    data_set_arguments(parser)
    args = parser.parse_args(argv)
    database, steps = prepare(args.backend, args.tickets, args.pg_url)
    try:
        t, m = _counts(database)
        print(f"{database.masked_url}: {t:,} tickets, {m:,} messages" + ("" if steps else " (reused)"))
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
