"""The SLA attainment's summary (sla_settled, migration 0019): after any sequence of writes (create, settle,
reopen, reassign, move to another group, a priority change before settling, delete), the attainment read
from it equals a plain count over the rows of the tickets one sees, and the summary equals a recount. On
PostgreSQL the attainment is read by an agent in two of three groups, under row-level security, and the
writes are the owner's and that agent's; no agent may write the summary itself."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import DBAPIError

from tests.databases import database_today
from tests.storage import test_team_queues
from tests.storage.test_team_queues import Reader
from ticketflow_desktop.domain import ALLOWED_TRANSITIONS, Category, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.domain.sla import SlaPolicy, week_of
from ticketflow_desktop.domain.sla_state import NO_DUE
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import analytics
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.tables import message_table, ticket_event_table, ticket_table, ticket_tag_table

GROUPS = ("G1", "G2", "G3")
reader = test_team_queues.reader  # the fixture: an agent in G1 and G2 on PostgreSQL
DONE = (Status.RESOLVED, Status.CLOSED)
# Roles and grants are PostgreSQL's: one person's SQLite file has none to try.
POSTGRESQL_ONLY = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def _today(owner: Database) -> date:
    """The day of the writes' settled times: the server's (PostgreSQL), the services' clock's (SQLite)."""
    return database_today(owner) if owner.enforces_team_rules else datetime.now(UTC).date()


def _seed(owner: Database, reader: Reader, today: date, rng: random.Random, n: int = 120) -> None:
    """Tickets of every status, group and assignee, settled over the last 200 days (an administrator's load)."""
    now = datetime.combine(today, datetime.min.time(), UTC)
    with owner.reading() as session:
        group_ids = [*session.execute(text("SELECT id FROM groups ORDER BY id")).scalars(), None]
    rows = []
    for i in range(1, n + 1):
        status = rng.choice(list(Status))
        done = status in DONE
        created = now - timedelta(days=210, minutes=i)
        due = now + timedelta(hours=rng.randrange(-30, 30))
        rows.append(
            {
                "id": i,
                "title": f"Ticket {i}",
                "description": "Seeded for the attainment tests.",
                "category": Category.GENERAL.value,
                "priority": rng.choice(list(Priority)).value,
                "status": status.value,
                "created_at": created,
                "updated_at": created,
                "version": 1,
                "group_id": rng.choice(group_ids),
                "assignee": rng.choice([reader.me, reader.other, None]),
                "first_response_due": due,
                "resolution_due": due + timedelta(days=2),
                "sla_due": NO_DUE if done else due,
                "sla_outcome": rng.choice(["met", "breached"]) if done else None,
                "sla_settled_at": now - timedelta(days=rng.randrange(0, 200), minutes=rng.randrange(1440))
                if done
                else None,
            }
        )
    with owner.writing() as session:
        if owner.dialect == "postgresql":  # an administrator's load keeps the rows as given
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
            session.execute(text("SELECT setval(pg_get_serial_sequence('tickets', 'id'), :n)"), {"n": n})
        session.execute(insert(ticket_table), rows)
        analytics.rebuild_summaries(session)  # the other summaries, which such a load brings itself


def _write(owner: Database, agent: Database, reader: Reader, rng: random.Random, steps: int) -> None:
    """Random writes through the services (the owner's, and on PostgreSQL the agent's) and raw SQL."""
    services = [TicketService(owner)] + ([TicketService(agent)] if agent is not owner else [])
    for _ in range(steps):
        service = rng.choice(services)
        with owner.reading() as session:
            ids = list(session.execute(select(ticket_table.c.id).order_by(ticket_table.c.id)).scalars())
        visible = [t.id for t in service.iterate()]
        ticket_id = rng.choice(visible)
        ticket = service.get(ticket_id)
        action = rng.choices(("status", "priority", "assignee", "group", "create", "delete"), (6, 2, 2, 2, 1, 1))[0]
        if action == "status":
            new = rng.choice(sorted(ALLOWED_TRANSITIONS[ticket.status]))
            service.update(ticket_id, TicketChanges(status=new), ticket.version)
        elif action == "priority":  # new dues while open (a done ticket keeps its outcome)
            new_priority = rng.choice([p for p in Priority if p != ticket.priority])
            service.update(ticket_id, TicketChanges(priority=new_priority), ticket.version)
        elif action == "assignee":  # raw SQL: every write counts, not only the services'
            with owner.writing() as session:
                session.execute(
                    text("UPDATE tickets SET assignee = :a WHERE id = :id"),
                    {"a": rng.choice([reader.me, reader.other, None]), "id": rng.choice(ids)},
                )
        elif action == "group":
            groups = [*GROUPS, None] if service.database is owner else ["G1", "G2", None]
            service.move_to_group(ticket_id, rng.choice(groups))
        elif action == "create":
            draft = TicketDraft("New one", "Created by the test.", Category.GENERAL, rng.choice(list(Priority)))
            service.create(draft, group=rng.choice([*GROUPS, None]) if service.database is owner else "G1")
        else:  # only the owner deletes (no role may)
            gone = rng.choice(ids)
            with owner.writing() as session:
                for table in (ticket_event_table, message_table, ticket_tag_table):
                    session.execute(delete(table).where(table.c.ticket_id == gone))
                session.execute(delete(ticket_table).where(ticket_table.c.id == gone))


def _expected(owner: Database, reader: Reader, days: int | None, today: date) -> tuple[dict, dict]:
    """Attainment per week and per agent, counted in Python over the rows of the tickets the reader sees."""
    first = week_of(today - timedelta(days=(days or 26 * 7) - 1))
    t = ticket_table.c
    with owner.reading() as session:
        rows = session.execute(select(t.group_id, t.assignee, t.sla_outcome, t.sla_settled_at)).all()
    weeks: dict[date, list[int]] = {}
    agents: dict[str, list[int]] = {}
    for group, assignee, outcome, at in rows:
        if reader.visible_groups is not None and group not in reader.visible_groups:
            continue
        if outcome is None or at is None or not first <= at.astimezone(UTC).date() <= today:
            continue
        kept = 1 if outcome == "met" else 0
        for tally in (
            weeks.setdefault(week_of(at.astimezone(UTC).date()), [0, 0]),
            agents.setdefault(assignee or "", [0, 0]),
        ):
            tally[0] += kept
            tally[1] += 1
    return {w: tuple(v) for w, v in weeks.items()}, {a: tuple(v) for a, v in agents.items()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_attainment_from_the_summary_equals_a_count_over_the_visible_tickets_after_any_writes(
    database_url: str, reader: Reader, seed: int
) -> None:
    rng = random.Random(seed)
    owner = open_database(database_url)
    try:
        today = _today(owner)
        SlaService(owner).configure(
            SlaService(owner).calendar(),
            {p: SlaPolicy(p, 60 * (i + 1), 480 * (i + 1)) for i, p in enumerate(Priority)},
        )
        _seed(owner, reader, today, rng)
        _write(owner, reader.database, reader, rng, steps=60)
        with owner.reading() as session:
            assert analytics.stored_sla_settled(session) == analytics.recount_sla_settled(session)
        for days in (30, None):
            shown = SlaService(reader.database).attainment(days, today)
            weeks, agents = _expected(owner, reader, days, today)
            assert {
                w: (m, s) for w, m, s in zip(shown.weeks, shown.met_per_week, shown.settled_per_week, strict=True) if s
            } == weeks
            assert {who: (m, s) for who, m, s in shown.per_agent} == agents
        with owner.writing() as session:  # a repair counts the same
            analytics.rebuild_sla_settled(session)
            assert analytics.stored_sla_settled(session) == analytics.recount_sla_settled(session)
    finally:
        owner.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO sla_settled (week, assignee, outcome, group_id, n) VALUES (current_date, 'x', 'met', 0, 5)",
        "UPDATE sla_settled SET n = n + 100",
        "DELETE FROM sla_settled",
        "TRUNCATE sla_settled",
    ],
)
@POSTGRESQL_ONLY
def test_an_agent_cannot_write_the_summary(database_url: str, reader: Reader, statement: str) -> None:
    owner = open_database(database_url)
    try:
        _seed(owner, reader, database_today(owner), random.Random(5))
        with owner.reading() as session:
            before = analytics.stored_sla_settled(session)
        with pytest.raises(DBAPIError, match="permission denied"), reader.database.engine.begin() as connection:
            connection.execute(text(statement))
        with owner.reading() as session:
            assert analytics.stored_sla_settled(session) == before
    finally:
        owner.dispose()


@POSTGRESQL_ONLY
def test_an_agent_reads_the_counts_of_the_groups_they_see_only(database_url: str, reader: Reader) -> None:
    owner = open_database(database_url)
    try:
        _seed(owner, reader, database_today(owner), random.Random(6))
        with owner.reading() as session:
            every = analytics.stored_sla_settled(session)
        with reader.database.reading() as session:
            seen = analytics.stored_sla_settled(session)
        visible = {0 if g is None else g for g in reader.visible_groups}
        assert seen == {key: n for key, n in every.items() if key[3] in visible}
        assert {key[3] for key in every} - visible  # the test saw some it may not
    finally:
        owner.dispose()


def test_emptying_the_tickets_empties_the_counts(database_url: str, reader: Reader) -> None:
    owner = open_database(database_url)
    try:
        _seed(owner, reader, _today(owner), random.Random(7))
        with owner.writing() as session:
            assert analytics.stored_sla_settled(session)
            if owner.dialect == "postgresql":
                session.execute(text("TRUNCATE tickets CASCADE"))
            else:
                session.execute(delete(ticket_table))
            assert analytics.stored_sla_settled(session) == {}
    finally:
        owner.dispose()
