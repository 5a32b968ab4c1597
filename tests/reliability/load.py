"""One process of the concurrency load test: random edits of shared tickets, each on a version it
read (sometimes a stale one), recording what the service accepted. No Qt here: spawned children
import only this."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ticketflow_desktop.domain import Category, Conflict, Priority, TicketChanges
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database


@dataclass
class Outcome:
    accepted: list[tuple[int, int, str, str]] = field(default_factory=list)  # ticket, version, field, marker
    conflicts: int = 0
    merged: int = 0  # accepted although the ticket had moved on since the version it was made on


def run_worker(url: str, worker: int, updates: int, ticket_ids: list[int], seed: int) -> Outcome:
    rng = random.Random(seed)
    database = open_database(url, upgrade=False)
    service = TicketService(database)
    seen: dict[int, int] = {}  # an agent's screen: the version each ticket had when last read
    outcome = Outcome()
    try:
        for i in range(updates):
            ticket_id = rng.choice(ticket_ids)
            if ticket_id not in seen or rng.random() < 0.5:
                seen[ticket_id] = service.get(ticket_id).version
            marker = f"w{worker}-{i}"
            text_field = rng.choice(("title", "description"))
            values: dict[str, object] = {text_field: marker}
            if rng.random() < 0.4:
                values["priority"] = rng.choice(list(Priority))
            if rng.random() < 0.3:
                values["category"] = rng.choice(list(Category))
            try:
                ticket = service.update(ticket_id, TicketChanges(**values), seen[ticket_id])  # type: ignore[arg-type]
            except Conflict as conflict:
                outcome.conflicts += 1
                seen[ticket_id] = conflict.current.version
                continue
            if ticket.version != seen[ticket_id] + 1:
                outcome.merged += 1
            outcome.accepted.append((ticket_id, ticket.version, text_field, marker))
            seen[ticket_id] = ticket.version
    finally:
        database.dispose()
    return outcome
