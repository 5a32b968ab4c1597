"""The client's own CPU per read on the team data set: what the app's Python costs, apart from the wait.

    nice -n 10 python -m bench.cpu --backend postgresql [--tickets 1000000] [--runs 20]

bench/team.py times each read by the wall clock, which on a busy 2-core box includes waiting for the
CPU and, on PostgreSQL, for the server. This one also takes the process's CPU time per call
(`time.process_time`): on PostgreSQL that is the client alone (the server runs elsewhere); on SQLite it
includes the SQL, which runs in the process. Medians of --runs calls, as the benchmark agent.
Run it from two checkouts in turn (PYTHONPATH=<checkout>) to compare a change on the same load.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bench.team import as_agent, queues, requesters
from bench.team_data import data_set_arguments, long_thread_id, prepare
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService


def medians(call: Callable[[], object], runs: int) -> tuple[float, float]:
    """(CPU, wall) medians in ms, after one warm-up call."""
    call()
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        call()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu) * 1e3, statistics.median(wall) * 1e3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu", description=__doc__.split("\n\n")[0])
    data_set_arguments(parser)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    owner, _steps = prepare(args.backend, args.tickets, args.pg_url)
    database = as_agent(owner)
    tickets = TicketService(database)
    conversation = ConversationService(database)
    reads: dict[str, Callable[[], object]] = {
        f"page: {name}": (lambda f=f, sort=sort: tickets.page(f, sort, limit=50))
        for name, (f, sort) in queues(*requesters(owner)).items()
    }
    long_id = long_thread_id(args.tickets)
    reads["open ticket with a 200-message thread"] = lambda: (
        tickets.get(long_id),
        tickets.events(long_id),
        conversation.conversation(long_id),
    )
    try:
        print(f"\n== {args.backend}, {args.tickets:,} tickets, medians of {args.runs} calls (ms)")
        print(f"{'read':<46} {'cpu':>7} {'wall':>7}")
        pages: list[tuple[float, float]] = []
        for name, call in reads.items():
            cpu, wall = medians(call, args.runs)
            if name.startswith("page: "):
                pages.append((cpu, wall))
            print(f"{name:<46} {cpu:7.2f} {wall:7.2f}", flush=True)
        cpu_mean = statistics.mean(c for c, _ in pages)
        wall_mean = statistics.mean(w for _, w in pages)
        print(f"{'first pages, mean of the medians':<46} {cpu_mean:7.2f} {wall_mean:7.2f}")
    finally:
        if database is not owner:
            database.dispose()
        owner.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
