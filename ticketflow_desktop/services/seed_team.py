"""A realistic team around seeded tickets: groups, agents, requesters in organisations, assignees,
threads (median 3 messages, a long tail to 200), tags and a few shared views (services/seed_tags.py), so
benchmarks and screenshots show a team's data.

Set-based on purpose: a million tickets get their people in a few UPDATE statements and their
messages in batches, not a statement per ticket. Agents are records only (no PostgreSQL login role):
`ticketflow agent add` makes the ones who log in.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, insert, select, text

from ticketflow_desktop.domain import Priority
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.seed_tags import seed_tags_and_views
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import (
    agent_group_table,
    agent_table,
    customer_table,
    group_table,
    message_table,
    ticket_table,
)

SEED_CALENDAR = ("Mon-Fri 09:00-17:00", "Europe/Berlin")
SEED_POLICIES = (  # business minutes: first response, resolution
    SlaPolicy(Priority.CRITICAL, 60, 8 * 60),
    SlaPolicy(Priority.HIGH, 4 * 60, 16 * 60),
    SlaPolicy(Priority.MEDIUM, 8 * 60, 40 * 60),
    SlaPolicy(Priority.LOW, 16 * 60, 80 * 60),
)
FIRST = (
    "Ann",
    "Ben",
    "Chloé",
    "Dariusz",
    "Elif",
    "Femi",
    "Greta",
    "Hiro",
    "Inés",
    "Jonas",
    "Kaja",
    "Luca",
    "Maya",
    "Noor",
    "Olek",
    "Priya",
    "Quinn",
    "Rafael",
    "Sanna",
    "Tomás",
    "Uma",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zofia",
)
LAST = (
    "Lee",
    "Novak",
    "García",
    "Müller",
    "Kowalski",
    "Okafor",
    "Rossi",
    "Dubois",
    "Jansen",
    "Silva",
    "Yilmaz",
    "Tanaka",
    "Nilsson",
    "Haddad",
    "Murphy",
    "Popescu",
)
ORGANISATIONS = (
    "Acme GmbH",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella Ltd",
    "Hooli",
    "Stark & Co",
    "Wayne Retail",
    "Soylent",
    "Vandelay Import",
    "Tyrell",
    "Cyberdyne",
    "Wonka Ltd",
    "Gringotts",
    "Oceanic Air",
)
CUSTOMER_LINES = (
    "Any news on this? We are blocked.",
    "Thanks, that worked for the first account but not the second one.",
    "I attached the screenshot again, see below.",
    "Hallo, gibt es schon ein Update?",
    "Still happening this morning, same error.",
    "¿Podrían confirmar la fecha de la solución?",
    "Great, thank you so much! 🙏",
    "Our finance team needs this before Friday.",
)
AGENT_LINES = (
    "Thanks for the details. Could you tell us which version you are on?",
    "I have passed this to our engineers and will update you today.",
    "This should be fixed now; please try again and let us know.",
    "We refunded the duplicate charge; it shows in 3-5 business days.",
    "Could you send the exact error message and the time it happened?",
    "I am closing this for now; just reply to reopen it.",
)
NOTE_LINES = (
    "Same issue as the one Billing had last week; see the runbook.",
    "@priya can you check the logs for this customer?",
    "Customer is on the legacy plan; do not offer the new discount.",
    "Reproduced on staging. Bug filed.",
)
BATCH = 20_000


@dataclass(frozen=True)
class TeamSize:
    groups: int
    agents: int
    customers: int
    organisations: int


def team_size(tickets: int) -> TeamSize:
    """A team in proportion: 200 agents in 20 groups and 100,000 requesters at a million tickets."""
    return TeamSize(
        groups=max(3, min(20, tickets // 50_000 or 3)),
        agents=max(6, min(200, tickets // 5_000 or 6)),
        customers=max(20, tickets // 10),
        organisations=max(5, min(5_000, tickets // 200)),
    )


def messages_for(rng: random.Random) -> int:
    """How many messages a ticket has: a median of 3, a long tail to 200."""
    r = rng.random()
    if r < 0.002:
        return rng.randint(50, 200)
    if r < 0.05:
        return rng.randint(10, 49)
    return min(9, int(rng.expovariate(1 / 4.6)))


def seed_team(database: Database, first_id: int, last_id: int, *, seed: int = 7) -> int:
    """Give tickets `first_id`..`last_id` groups, requesters, assignees and threads; return the messages added."""
    rng = random.Random(seed)
    size = team_size(last_id - first_id + 1)
    with database.writing() as session:
        if database.enforces_team_rules:  # an administrator's load: the times and authors it brings stay
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
        base_group = session.execute(select(func.coalesce(func.max(group_table.c.id), 0))).scalar_one()
        groups = [f"Team {base_group + n + 1}" for n in range(size.groups)]
        session.execute(insert(group_table), [{"name": name} for name in groups])
        group_ids = list(session.execute(select(group_table.c.id).where(group_table.c.name.in_(groups))).scalars())
        taken = set(session.execute(select(agent_table.c.login)).scalars())
        agents = []
        for n in range(size.agents):
            first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
            login = f"{first.lower()[:1]}{last.lower()}{n}".encode("ascii", "ignore").decode()
            if login not in taken:
                agents.append(
                    {
                        "login": login,
                        "name": f"{first} {last}",
                        "email": f"{login}@support.example",
                        "role": "agent",
                        "active": True,
                    }
                )
        if agents:
            session.execute(insert(agent_table), agents)
            session.execute(
                insert(agent_group_table),
                [{"login": a["login"], "group_id": group_ids[i % len(group_ids)]} for i, a in enumerate(agents)],
            )
        base_customer = session.execute(select(func.coalesce(func.max(customer_table.c.id), 0))).scalar_one()
        customers = []
        for n in range(size.customers):
            first, last = FIRST[rng.randrange(len(FIRST))], LAST[rng.randrange(len(LAST))]
            email = f"{first.lower()}.{last.lower()}.{base_customer + n}@customer{n % size.organisations}.example"
            customers.append(
                {
                    "name": f"{first} {last}",
                    "email": email,
                    "email_key": email.casefold(),
                    "organisation": ORGANISATIONS[n % len(ORGANISATIONS)] + f" {n % size.organisations}",
                }
            )
        for start in range(0, len(customers), BATCH):
            session.execute(insert(customer_table), customers[start : start + BATCH])
        # People by arithmetic on the id: one statement each, whatever the number of tickets.
        logins: list[str] = [str(a["login"]) for a in agents] or sorted(taken)
        session.execute(text("CREATE TEMP TABLE tf_seed_people (i INTEGER PRIMARY KEY, login TEXT, grp BIGINT)"))
        session.execute(
            text("INSERT INTO tf_seed_people (i, login, grp) VALUES (:i, :login, :grp)"),
            [{"i": i, "login": login, "grp": group_ids[i % len(group_ids)]} for i, login in enumerate(logins)],
        )
        session.execute(
            text(
                "UPDATE tickets SET"
                " requester_id = :c0 + 1 + ((id * 7919) % :nc),"
                " assignee = CASE WHEN id % 5 = 0 THEN NULL ELSE"
                "   (SELECT login FROM tf_seed_people WHERE i = (id * 31) % :na) END,"
                " group_id = CASE WHEN id % 11 = 0 THEN NULL ELSE"
                "   (SELECT grp FROM tf_seed_people WHERE i = (id * 31) % :na) END"
                " WHERE id BETWEEN :first AND :last"
            ),
            {"c0": base_customer, "nc": size.customers, "na": len(logins), "first": first_id, "last": last_id},
        )
        session.execute(text("DROP TABLE tf_seed_people"))
        added = 0
        for batch in _batches(_messages(session, first_id, last_id, logins, rng)):
            session.execute(insert(message_table), batch)
            added += len(batch)
        # SLAs: a calendar and policies unless the team has its own, then each ticket's dues and outcome.
        sla_store.ensure_defaults(session, SEED_CALENDAR, SEED_POLICIES)
        sla_store.settle_loaded(session, first_id, last_id)
        seed_tags_and_views(session, first_id, last_id, rng)
        announce(session, None)
    return added


def _messages(
    session: Connection, first_id: int, last_id: int, logins: list[str], rng: random.Random
) -> Iterator[dict[str, object]]:
    rows = session.execute(
        select(ticket_table.c.id, ticket_table.c.created_at, ticket_table.c.requester_id, ticket_table.c.assignee)
        .where(ticket_table.c.id.between(first_id, last_id))
        .order_by(ticket_table.c.id)
    ).all()
    now = datetime.now(UTC)
    for ticket_id, created_at, requester_id, assignee in rows:
        at = created_at
        author = assignee or logins[ticket_id % len(logins)]
        for n in range(messages_for(rng)):
            at = min(now, at + timedelta(minutes=5 + rng.random() * 600))
            r = rng.random()
            if n % 2 == 0 and r < 0.8:
                kind, body, customer = "customer", CUSTOMER_LINES[rng.randrange(len(CUSTOMER_LINES))], requester_id
            elif r < 0.85:
                kind, body, customer = "note", NOTE_LINES[rng.randrange(len(NOTE_LINES))], None
            else:
                kind, body, customer = "reply", AGENT_LINES[rng.randrange(len(AGENT_LINES))], None
            yield {
                "ticket_id": ticket_id,
                "kind": kind,
                "author": author,
                "at": at,
                "body": body,
                "customer_id": customer,
                "written_at": None,
            }


def _batches(items: Iterator[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for item in items:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
