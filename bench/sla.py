"""What the database's SLA bookkeeping (storage/sla_sql.py) costs a ticket write on PostgreSQL.

    python -m bench.sla [--pg-url postgresql://postgres@127.0.0.1:5432/postgres] [--runs 300]

In a database of its own (`tfbench_sla`, made afresh), with the team calendar Mon-Fri 09:00-17:00 in
Europe/Berlin and policies for every priority, it times single-statement transactions on a bare
connection as the schema owner: a ticket's INSERT and its status and priority UPDATEs, with the SLA
triggers and with them disabled (the rest of the team triggers stay: history, summaries, stamps), and
the PL/pgSQL arithmetic alone (`tf_sla_add` on an ordinary day and across a clock change,
`tf_sla_minutes_between` over a month's wait). Prints p50 / p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import psycopg2
from sqlalchemy import make_url

from bench.databases import drop_database, recreate_database
from ticketflow_desktop.domain import Priority
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.storage.engine import open_database

NAME = "tfbench_sla"
ROUNDS = 5
SLA_TRIGGERS = ("tf_ticket_sla_before_insert", "tf_ticket_sla_before_update")
INSERT = (
    "INSERT INTO tickets (title, description, category, priority, status, created_at, updated_at, version)"
    " VALUES ('Printer', 'On fire', 'technical', 'high', 'open', now(), now(), 1) RETURNING id"
)
CALENDAR = "FROM tf_sla_parse_calendar('Mon-Fri 09:00-17:00', 'Europe/Berlin', '') c"


def _timed(cursor: psycopg2.extensions.cursor, runs: int, statement: Callable[[int], str]) -> list[float]:
    """Times in ms of `runs` transactions of one statement each (`statement(i)` gives the i-th)."""
    times = []
    for i in range(runs):
        begin = time.perf_counter()
        cursor.execute(statement(i))
        cursor.connection.commit()
        times.append((time.perf_counter() - begin) * 1000)
    return times


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _writes(cursor: psycopg2.extensions.cursor, runs: int) -> dict[str, list[float]]:
    cursor.execute(INSERT)
    ticket = cursor.fetchone()[0]
    cursor.connection.commit()
    cycle = ("pending", "open", "resolved", "open")  # pause, resume, settle, reopen
    priorities = ("critical", "high")
    return {
        "INSERT a ticket": _timed(cursor, runs, lambda _i: INSERT),
        "UPDATE status (pause, resume, settle, reopen)": _timed(
            cursor, runs, lambda i: f"UPDATE tickets SET status = '{cycle[i % 4]}' WHERE id = {ticket}"
        ),
        "UPDATE priority (new policy)": _timed(
            cursor, runs, lambda i: f"UPDATE tickets SET priority = '{priorities[i % 2]}' WHERE id = {ticket}"
        ),
        "UPDATE title (no SLA change)": _timed(
            cursor, runs, lambda i: f"UPDATE tickets SET title = 'Printer {i}' WHERE id = {ticket}"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    url = make_url(recreate_database(args.pg_url, NAME))
    database = open_database(url.render_as_string(False), upgrade=True)
    sla = SlaService(database)
    sla.set_calendar("Mon-Fri 09:00-17:00", "Europe/Berlin")
    for priority, first, resolution in (
        ("low", 480, 4800),
        ("medium", 240, 2400),
        ("high", 60, 480),
        ("critical", 30, 240),
    ):
        sla.set_policy(SlaPolicy(Priority(priority), first, resolution))
    database.dispose()
    connection = psycopg2.connect(url.set(drivername="postgresql").render_as_string(False))
    cursor = connection.cursor()
    # The commit's flush to disk is the same either way and dwarfs the rest: leave it out.
    cursor.execute("SET synchronous_commit = off")
    # Rounds taken in turn, with and without, so that a growing table or a busy neighbour weighs on both.
    samples: dict[bool, dict[str, list[float]]] = {True: {}, False: {}}
    for round_ in range(ROUNDS * 2):
        enabled = round_ % 2 == 0
        for name in SLA_TRIGGERS:
            cursor.execute(f"ALTER TABLE tickets {'ENABLE' if enabled else 'DISABLE'} TRIGGER {name}")
        connection.commit()
        for write, times in _writes(cursor, args.runs // ROUNDS).items():
            samples[enabled].setdefault(write, []).extend(times)
    for name in SLA_TRIGGERS:
        cursor.execute(f"ALTER TABLE tickets ENABLE TRIGGER {name}")
    connection.commit()
    with_triggers = {write: _percentiles(times) for write, times in samples[True].items()}
    without = {write: _percentiles(times) for write, times in samples[False].items()}
    arithmetic = {
        "tf_sla_add 480 min, ordinary week": "SELECT tf_sla_add('2026-12-03 10:00+00', 480, c.zone, c.starts,"
        f" c.ends, c.holidays) {CALENDAR}",
        "tf_sla_add 480 min, through the Mar 29 clock change": "SELECT tf_sla_add('2026-03-28 22:00+00', 480, c.zone,"
        " c.starts, c.ends, c.holidays) FROM tf_sla_parse_calendar('Mon-Sun 00:00-24:00', 'Europe/Berlin', '') c",
        "tf_sla_minutes_between, 31 days' wait": "SELECT tf_sla_minutes_between('2026-03-01 10:00+00',"
        f" '2026-04-01 10:00+00', c.zone, c.starts, c.ends, c.holidays) {CALENDAR}",
    }
    print(f"PostgreSQL, {args.runs} single-statement transactions each (ms)")
    print(f"{'write':<48} {'trigger p50':>11} {'p95':>7} {'without p50':>12} {'p95':>7} {'+p50':>7}")
    for name, (p50, p95) in with_triggers.items():
        b50, b95 = without[name]
        print(f"{name:<48} {p50:>11.3f} {p95:>7.3f} {b50:>12.3f} {b95:>7.3f} {p50 - b50:>+7.3f}")
    print(f"\n{'arithmetic alone':<48} {'p50':>11} {'p95':>7}")
    for name, sql in arithmetic.items():
        p50, p95 = _percentiles(_timed(cursor, args.runs, lambda _i, sql=sql: sql))
        print(f"{name:<48} {p50:>11.3f} {p95:>7.3f}")
    connection.close()
    drop_database(args.pg_url, NAME)


if __name__ == "__main__":
    main()
