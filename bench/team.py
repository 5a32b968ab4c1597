"""Issue 21's targets on the team-scale data set (bench/team_data.py), as an agent in 3 of 20 groups.

    nice -n 10 python -m bench.team --backend postgresql [--tickets 1000000] [--runs 30]
    nice -n 10 python -m bench.team --backend sqlite [--tickets 1000000]

On PostgreSQL the service runs as `tfteam_agent001`, a login in the agent role in groups 1-3, so row-level
security is on for every query, and the raw SQL beside it is replayed on that login's connection too.
Timing and the table are bench/service.py's. The writes (reply, note, assign, tag) are undone afterwards
by the database's owner, rows and ticket fields both, so the data set keeps its size between runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench.service import Bench, render
from bench.team_data import BENCH_AGENT, BENCH_GROUPS, agent_login, data_set_arguments, long_thread_id, prepare
from ticketflow_desktop.domain import Priority, Sort, SortKey, Status, TicketFilter
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.services.analytics import AnalyticsService
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.seed_tags import VIEWS
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.team import local_login

TARGET_PAGE = 5.0
TARGET_COUNT = 50.0
TARGET_SEARCH = 30.0
TARGET_OPEN = 20.0
TARGET_WRITE = 10.0
TARGET_DASHBOARD = 50.0
# Against the corpus: numbers 2..99,999 in a few tickets and messages each; 'error' in many tickets and
# messages ("Error 0x8007", "Error al importar"); nothing has 'zqxv'.
SEARCHES = {
    "rare": "4711",
    "common": "error",
    "no match": "zqxv",
    # Short and symbol-heavy terms: an order number, a cell, digits alone, an invoice number.
    "symbol": "#47",
    "2-char code": "A1",
    "2-char digits": "47",
    "invoice number": "INV-0047",
}
DUE = Sort(SortKey.DUE, descending=False)
ACTIVE = (Status.OPEN, Status.IN_PROGRESS)


def queues(requester_heavy: int, requester_typical: int) -> dict[str, tuple[TicketFilter, Sort]]:
    """The built-in queues and the seeded shared views, with their orders."""
    built_in = {
        "Mine": (TicketFilter(assignee=BENCH_AGENT), Sort()),
        "Mine, active, by SLA due": (TicketFilter(assignee=BENCH_AGENT, status=ACTIVE), DUE),
        "Unassigned": (TicketFilter(assignee=UNASSIGNED), Sort()),
        "Unassigned, active, by SLA due": (TicketFilter(assignee=UNASSIGNED, status=ACTIVE), DUE),
        "group 'Group 2'": (TicketFilter(groups=("Group 2",)), Sort()),
        "my groups": (TicketFilter(groups=BENCH_GROUPS), Sort()),
        "tag 'vip' (common)": (TicketFilter(tags=("vip",)), Sort()),
        "tag 'release-250' (rare)": (TicketFilter(tags=("release-250",)), Sort()),
        f"requester {requester_heavy} (most tickets)": (TicketFilter(requester_id=requester_heavy), Sort()),
        f"requester {requester_typical} (typical)": (TicketFilter(requester_id=requester_typical), Sort()),
        "status open,in_progress": (TicketFilter(status=ACTIVE), Sort()),
        "status open,in_progress, updated": (TicketFilter(status=ACTIVE), Sort(SortKey.UPDATED)),
        "all, by SLA due": (TicketFilter(), DUE),
        "active, by SLA due": (TicketFilter(status=ACTIVE), DUE),
        "critical+high, active, by SLA due": (
            TicketFilter(status=ACTIVE, priority=(Priority.CRITICAL, Priority.HIGH)),
            DUE,
        ),
    }
    views = {f"view '{name}'": (spec.filter, spec.sort) for name, spec in VIEWS}
    return built_in | views


def requesters(database: Database) -> tuple[int, int]:
    """(the requester with the most tickets, one with a typical few): the seed's power law puts customer 1
    first; a typical one is picked at the median of those with any."""
    with database.reading() as session:
        typical = session.execute(
            text(
                "SELECT requester_id FROM (SELECT requester_id, count(*) AS n FROM tickets GROUP BY 1) c"
                " WHERE n BETWEEN 3 AND 10 ORDER BY requester_id LIMIT 1"
            )
        ).scalar_one()
    return 1, int(typical)


def as_agent(owner: Database) -> Database:
    if owner.dialect != "postgresql":
        return owner
    url = make_url(owner.url).set(username=BENCH_AGENT, password=None)
    return open_database(url.render_as_string(hide_password=False))


def run_reads(bench: Bench, owner: Database, tickets: int) -> None:
    s = bench.service
    heavy, typical = requesters(owner)
    listed = queues(heavy, typical)
    for name, (f, sort) in listed.items():
        bench.read(f"page: {name}", lambda f=f, sort=sort: s.page(f, sort, limit=50), TARGET_PAGE)
    for name, (f, _sort) in listed.items():
        if f.is_empty():
            continue
        bench.read(f"count: {name}", lambda f=f: s.count(f), TARGET_COUNT)
    for name, term in SEARCHES.items():
        f = TicketFilter(search=term)
        bench.read(f"search {name} '{term}'", lambda f=f: s.page(f, limit=50), TARGET_SEARCH)
    for name, term in SEARCHES.items():
        f = TicketFilter(search=term)
        bench.read(f"search count {name} '{term}'", lambda f=f: s.count(f), None)
    conversation = ConversationService(bench.database)
    long_id = long_thread_id(tickets)

    def open_ticket() -> object:  # what the window reads: the ticket with its tags, its history, its
        s.get(long_id)  # conversation (messages, customers' names, files), each a worker's read
        s.events(long_id)
        return conversation.conversation(long_id)

    bench.read("open ticket with a 200-message thread", open_ticket, TARGET_OPEN)
    bench.read("  its thread alone", lambda: conversation.thread(long_id), TARGET_OPEN)
    today = datetime.now(UTC).date()
    bench.read("stats", s.stats, TARGET_DASHBOARD)
    bench.read("dashboard (30 days)", lambda: AnalyticsService(bench.database).dashboard(30, today), TARGET_DASHBOARD)
    sla = SlaService(bench.database)
    bench.read("SLA attainment (30 days)", lambda: sla.attainment(30, today), TARGET_DASHBOARD)
    bench.read("SLA attainment (all time: 26 weeks)", lambda: sla.attainment(None, today), TARGET_DASHBOARD)


@contextmanager
def restored(owner: Database, ticket_ids: list[int]) -> Iterator[None]:
    """Afterwards: the writes' messages, history, mail and tags gone and the tickets' fields as they were."""
    with owner.reading() as session:
        marks = {
            table: int(session.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one())
            for table in ("messages", "ticket_events")
        }
        listed = ", ".join(map(str, ticket_ids))  # ints
        tags = session.execute(text(f"SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN ({listed})")).all()
        columns = [c for c in _ticket_columns(session) if c not in ("id", "priority_rank", "status_rank")]
        saved = session.execute(text(f"SELECT id, {', '.join(columns)} FROM tickets WHERE id IN ({listed})")).all()
    try:
        yield
    finally:
        ids = ", ".join(map(str, ticket_ids))
        with owner.writing() as session:
            if owner.dialect == "postgresql":
                session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
            session.execute(text("DELETE FROM mail_out WHERE message_ref > :m"), {"m": marks["messages"]})
            session.execute(text("DELETE FROM messages WHERE id > :m"), {"m": marks["messages"]})
            session.execute(text("DELETE FROM ticket_events WHERE id > :m"), {"m": marks["ticket_events"]})
            session.execute(text(f"DELETE FROM ticket_tags WHERE ticket_id IN ({ids})"))
            if tags:
                session.execute(
                    text("INSERT INTO ticket_tags (ticket_id, tag) VALUES (:t, :g)"),
                    [{"t": t, "g": g} for t, g in tags],
                )
            assignments = ", ".join(f"{c} = :{c}" for c in columns)
            session.execute(
                text(f"UPDATE tickets SET {assignments} WHERE id = :id"), [dict(row._mapping) for row in saved]
            )
        _analyze(owner)


def _ticket_columns(session: object) -> list[str]:
    from ticketflow_desktop.storage.tables import ticket_table

    return [c.name for c in ticket_table.columns]


def _analyze(database: Database) -> None:
    with database.engine.connect() as connection:
        if database.dialect == "postgresql":
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql("VACUUM ANALYZE tickets, messages, ticket_events, ticket_tags, mail_out")
        else:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()


def run_writes(bench: Bench, owner: Database) -> None:
    s = bench.service
    page = s.page(TicketFilter(groups=("Group 1",), status=ACTIVE), limit=bench.runs)
    ids = [t.id for t in page.tickets]
    conversation = ConversationService(bench.database)
    tags = TagService(bench.database)
    # The benchmark agent's colleagues in Group 1; on SQLite only the OS login may own a ticket.
    group_one = (
        [agent_login(a) for a in range(200) if a % 20 == 0] if owner.dialect == "postgresql" else [local_login(), None]
    )
    with restored(owner, ids):
        bench.write(
            "add a reply",
            lambda i: conversation.add(ids[i % len(ids)], MessageKind.REPLY, f"Reply {i}: on it."),
            TARGET_WRITE,
        )
        bench.write(
            "add a note", lambda i: conversation.add(ids[i % len(ids)], MessageKind.NOTE, f"Note {i} 🙂"), TARGET_WRITE
        )
        bench.write("assign", lambda i: s.assign(ids[i % len(ids)], group_one[i % len(group_one)]), TARGET_WRITE)
        bench.write("tag", lambda i: tags.add(ids[i % len(ids)], "bench-tag"), TARGET_WRITE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team", description=__doc__.split("\n\n")[0])
    data_set_arguments(parser)
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query (after one warm-up)")
    parser.add_argument("--no-writes", action="store_true")
    parser.add_argument("--no-reads", action="store_true")
    args = parser.parse_args(argv)
    owner, steps = prepare(args.backend, args.tickets, args.pg_url)
    database = as_agent(owner)
    bench = Bench(database, args.runs, owner)
    try:
        if not args.no_reads:
            run_reads(bench, owner, args.tickets)
        if not args.no_writes:
            run_writes(bench, owner)
    finally:
        bench.close()
        if database is not owner:
            database.dispose()
        owner.dispose()
    who = f", as {BENCH_AGENT} in 3 of 20 groups (row-level security)" if args.backend == "postgresql" else ""
    seeded = f" (seeded now in {steps.total():.0f} s)" if steps else ""
    header = (
        f"\n== {args.backend}, {args.tickets:,} tickets, {5 * args.tickets:,} messages{who}, {args.runs} runs{seeded}"
    )
    print(render(bench.results, header), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
