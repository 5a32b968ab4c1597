"""Live updates at team scale: one agent's change, visible at N other running clients.

    python -m bench.live [--clients 20] [--changes 30] [--pg-url postgresql://postgres@127.0.0.1:5432/postgres]

Makes a fresh database `tfbench_live` on the server of --pg-url, starts N client processes and one writer.
Each client is the app's own live path without the window: the PostgreSQL change feed (live/postgres.py,
LISTEN on a connection of its own) and, for each change it hears of, a read of the changed tickets
(TicketService.get_many, as the list does for the rows it shows). The writer changes one ticket's
title `--changes` times, half a second apart. "visible" is the time from the writer's commit returning
to the client holding the new title; printed p50 / p95 / max over every (client, change), and the
slowest client per change. The server's load: its transactions per second during the run and with the
N clients idle, and the CPU its listening backends used while idle (Linux /proc).

Each client holds 2 connections (its feed and its reads): N may be at most about (max_connections - 10) / 2.
A benchmark, never a test: the machine's load moves the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import text

from bench.databases import recreate_database, server_engine

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "tfbench_live"
APP_NAME = "ticketflow-live"  # what the feed's connection calls itself (live/postgres.py)


def client(url: str) -> None:
    """One listening client: prints `SEEN <ticket id> <title> <epoch seconds>` when it holds a changed title."""
    from ticketflow_desktop.live.postgres import PostgresFeed
    from ticketflow_desktop.services.tickets import TicketService
    from ticketflow_desktop.storage.engine import open_database

    service = TicketService(open_database(url))
    service.get_many([1])  # the read connection is open before the run
    lock = threading.Lock()

    def changed(ids: frozenset[int] | None) -> None:
        if not ids:
            return
        tickets = service.get_many(ids)
        now = time.time()
        with lock:
            for ticket in tickets.values():
                print(f"SEEN {ticket.id} {ticket.title} {now:.6f}", flush=True)

    feed = PostgresFeed(url, changed)
    feed.start()
    print("READY", flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
    feed.stop()


def _transactions(url: str) -> int:
    with server_engine(url).connect() as connection:
        return int(
            connection.execute(
                text("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = :d"), {"d": DATABASE}
            ).scalar_one()
        )


def _backend_cpu_s(url: str) -> float | None:
    """CPU seconds used so far by the listening clients' backends (None off Linux or without access)."""
    with server_engine(url).connect() as connection:
        pids = connection.execute(
            text("SELECT pid FROM pg_stat_activity WHERE datname = :d AND application_name = :a"),
            {"d": DATABASE, "a": APP_NAME},
        ).scalars()
        total = 0.0
        try:
            for pid in pids:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError):
            return None
        return total


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--idle-s", type=float, default=10.0, help="seconds the clients listen idle, measured")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--client", help=argparse.SUPPRESS)  # run as one client process
    args = parser.parse_args()
    if args.client:
        client(args.client)
        return

    from ticketflow_desktop.domain import Category, Priority, TicketChanges, TicketDraft
    from ticketflow_desktop.services.tickets import TicketService
    from ticketflow_desktop.storage.engine import open_database

    url = recreate_database(args.pg_url, DATABASE)
    writer = TicketService(open_database(url, upgrade=True))
    ticket = writer.create(TicketDraft("Live 0", "Watched by every client.", Category.GENERAL, Priority.LOW))

    started = time.monotonic()
    clients = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.live", "--client", url],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(args.clients)
    ]
    lines: list[list[str]] = [[] for _ in clients]
    ready = threading.Barrier(len(clients) + 1)

    def read(index: int, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("READY"):
                ready.wait()
            else:
                lines[index].append(line)

    readers = [threading.Thread(target=read, args=(i, p), daemon=True) for i, p in enumerate(clients)]
    for reader in readers:
        reader.start()
    ready.wait(timeout=300)
    time.sleep(3.0)  # every feed has issued its LISTEN, and the start-up statistics are flushed
    print(f"{args.clients} clients listening after {time.monotonic() - started:.1f} s")

    cpu_before, tx_before = _backend_cpu_s(url), _transactions(url)
    time.sleep(args.idle_s)
    cpu_idle, tx_idle = _backend_cpu_s(url), _transactions(url)

    committed: dict[str, float] = {}
    run_started = time.monotonic()
    for n in range(1, args.changes + 1):
        title = f"Live {n}"
        ticket = writer.update(ticket.id, TicketChanges(title=title), ticket.version)
        committed[title] = time.time()
        time.sleep(0.5)
    run_s = time.monotonic() - run_started
    time.sleep(2.0)  # the last change reaches everyone
    tx_run = _transactions(url)
    for process in clients:
        assert process.stdin is not None
        process.stdin.close()
    for process in clients:
        process.wait(timeout=30)

    visible: list[float] = []
    slowest: dict[str, float] = {}
    missed = 0
    for client_lines in lines:
        seen: dict[str, float] = {}
        for line in client_lines:
            _, _id, word, number, at = line.split()
            seen.setdefault(f"{word} {number}", float(at))
        for title, at in committed.items():
            if title not in seen:
                missed += 1
                continue
            ms = (seen[title] - at) * 1000
            visible.append(ms)
            slowest[title] = max(slowest.get(title, 0.0), ms)

    print()
    print("| clients | changes | visible p50 | p95 | max | slowest client p50 | missed |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {args.clients} | {args.changes} | {statistics.median(visible):.1f} ms | {_percentile(visible, 0.95):.1f} ms"
        f" | {max(visible):.1f} ms | {statistics.median(slowest.values()):.1f} ms | {missed} |"
    )
    print()
    idle_tps = (tx_idle - tx_before) / args.idle_s
    run_tps = (tx_run - tx_idle) / (run_s + 2.0)
    cpu = "n/a" if cpu_before is None or cpu_idle is None else f"{(cpu_idle - cpu_before) / args.idle_s * 100:.2f} %"
    print("| server while idle: transactions/s | listening backends' CPU | during the run: transactions/s |")
    print("|---|---|---|")
    print(f"| {idle_tps:.1f} | {cpu} of one core | {run_tps:.1f} |")


if __name__ == "__main__":
    main()
