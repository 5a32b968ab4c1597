"""Unread marks and news at scale: the reads the window makes per page and per colleague's change.

    python -m bench.notify [--tickets 100000] [--url postgresql://...] [--runs 20]

Loads `--tickets` tickets (bulk, as an import: histories without an actor) into a fresh SQLite file
(or the empty database at --url), gives every tenth to the current login and marks half of those read,
adds 2,000 notes (some with @mentions), then times: the unread marks of a first page (100 ids) and of
a long scroll (1,000 ids), marking one ticket read, and one news question after 2,000 new messages.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, text

from ticketflow_desktop.services.notifications import NotificationService
from ticketflow_desktop.services.reads import ReadService
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.tables import agent_table, message_table
from ticketflow_desktop.storage.team import agent_login

AT = datetime(2026, 1, 1, tzinfo=UTC)


def _ms(fn: Callable[[], object], runs: int) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return f"median {statistics.median(times):7.2f} ms   max {max(times):7.2f} ms"


def _prepare(database: Database, tickets: int) -> tuple[str, list[int]]:
    bulk_insert(database, synthetic_tickets(tickets))
    with database.writing() as session:
        me = agent_login(session)
        if database.enforces_team_rules:
            session.execute(insert(agent_table).values(login=me, name="Bench", role="admin"))
        session.execute(text("UPDATE tickets SET assignee = :me WHERE id % 10 = 0"), {"me": me})
        ids = [int(i) for i in session.execute(text("SELECT id FROM tickets ORDER BY id DESC LIMIT 1000")).scalars()]
    reads = ReadService(database)
    for ticket_id in ids[::20]:
        reads.mark_read(ticket_id)
    return me, ids


def _messages(database: Database, me: str, ids: list[int], n: int) -> None:
    rows = [
        {"ticket_id": ids[i % len(ids)], "kind": "note" if i % 3 else "customer", "author": "someone_else",
         "at": AT, "body": f"@{me} look" if i % 7 == 0 else f"note {i} for a@b.c"}
        for i in range(n)
    ]  # fmt: skip
    with database.writing() as session:
        if database.enforces_team_rules:
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
        session.execute(insert(message_table), rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--url", default=None, help="an EMPTY, upgraded database (default: a new SQLite file)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='tfbench-notify-')) / 'tickets.sqlite3'}"
    database = open_database(url, upgrade=True)
    try:
        me, ids = _prepare(database, args.tickets)
        reads, news = ReadService(database), NotificationService(database)
        cursor = news.news(None).cursor
        _messages(database, me, ids, 2000)
        print(f"{database.dialect}, {args.tickets:,} tickets, {args.runs} runs each")
        print(f"unread marks of 100 ids     {_ms(lambda: reads.unread_among(ids[:100]), args.runs)}")
        print(f"unread marks of 1,000 ids   {_ms(lambda: reads.unread_among(ids), args.runs)}")
        print(f"mark one ticket read        {_ms(lambda: reads.mark_read(ids[3]), args.runs)}")
        answer = news.news(cursor)
        print(f"news after 2,000 messages   {_ms(lambda: news.news(cursor), args.runs)}"
              f"   ({len(answer.notifications)} listed, {answer.more} more)")  # fmt: skip
        print(f"news with nothing new       {_ms(lambda: news.news(answer.cursor), args.runs)}")
    finally:
        database.dispose()


if __name__ == "__main__":
    main()
