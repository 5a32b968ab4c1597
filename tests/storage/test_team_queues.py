"""The queues and the SLA attainment that issue 21's indexes serve (migration 0018): "Mine" and "Unassigned"
by SLA due, read page by page, and attainment per week and per agent, each equal to a plain Python filter over
the same rows. On PostgreSQL as an agent in two of three groups, under row-level security."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, text

from tests.team.conftest import Login, fresh_logins, url_as
from ticketflow_desktop.domain import Category, Priority, Sort, SortKey, Status, TicketFilter
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.domain.sla import week_of
from ticketflow_desktop.domain.sla_state import NO_DUE
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import tags as tag_store
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.tables import group_table, ticket_table, ticket_tag_table
from ticketflow_desktop.storage.team import add_group

TODAY = date(2026, 6, 15)
GROUPS = ("G1", "G2", "G3")
ACTIVE = (Status.OPEN, Status.IN_PROGRESS)


@dataclass(frozen=True)
class Reader:
    database: Database  # whose reads are checked: the agent's on PostgreSQL
    me: str  # the login whose queue "Mine" is
    other: str
    visible_groups: frozenset[int | None] | None  # None: every ticket


@pytest.fixture
def reader(database_url: str) -> Iterator[Reader]:
    owner = open_database(database_url)
    try:
        if owner.dialect == "sqlite":
            with owner.writing() as session:
                session.execute(insert(group_table), [{"id": n, "name": g} for n, g in enumerate(GROUPS, 1)])
            yield Reader(owner, "ann", "bob", None)
            return
        for g in GROUPS:
            add_group(owner, g)
        wanted = {"ann": Login("agent", "Ann", ("G1", "G2")), "bob": Login("agent", "Bob", ("G3",))}
        with fresh_logins(owner, "tq", wanted) as made:
            with owner.reading() as session:
                ids = dict(session.execute(text("SELECT name, id FROM groups")).all())
            agent = open_database(url_as(owner, made["ann"]))
            try:
                yield Reader(agent, made["ann"], made["bob"], frozenset({ids["G1"], ids["G2"], None}))
            finally:
                agent.dispose()
    finally:
        owner.dispose()


def _seed(database_url: str, reader: Reader, n: int = 240) -> list[dict[str, object]]:
    """Tickets of every status, group, assignee and SLA figure; many share a due (ties go by id)."""
    rng = random.Random(21)
    now = datetime.combine(TODAY, datetime.min.time(), UTC)
    owner = open_database(database_url)
    with owner.reading() as session:
        group_ids = [*session.execute(text("SELECT id FROM groups ORDER BY id")).scalars(), None]
    dues = [now + timedelta(hours=h) for h in range(-30, 30, 3)]
    rows = []
    for i in range(1, n + 1):
        status = rng.choice(list(Status))
        done = status in (Status.RESOLVED, Status.CLOSED)
        settled = now - timedelta(days=rng.randrange(0, 70), minutes=rng.randrange(1440)) if done else None
        due = rng.choice(dues)  # the first response's, still running until the ticket is done
        rows.append(
            {
                "id": i,
                "title": f"Ticket {i}",
                "description": "Seeded for the queue tests.",
                "category": Category.GENERAL.value,
                "priority": rng.choice(list(Priority)).value,
                "status": status.value,
                "created_at": now - timedelta(days=80, minutes=i),
                "updated_at": now - timedelta(days=80, minutes=i),
                "version": 1,
                "group_id": rng.choice(group_ids),
                "assignee": rng.choice([reader.me, reader.other, None]),
                "first_response_due": due,
                "resolution_due": due + timedelta(days=2),
                "sla_due": NO_DUE if done else due,
                "sla_outcome": rng.choice(["met", "breached"]) if done else None,
                "sla_settled_at": settled,
            }
        )
    tags = [
        {"ticket_id": r["id"], "tag": tag}
        for r in rows
        for tag, share in (("vip", 0.4), ("bug", 0.2), ("rare", 0.02))
        if rng.random() < share
    ]
    with owner.writing() as session:
        if owner.dialect == "postgresql":  # an administrator's load keeps the rows as given
            session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
        session.execute(insert(ticket_table), rows)
        session.execute(insert(ticket_tag_table), tags)
    owner.dispose()
    for r in rows:
        r["tags"] = {t["tag"] for t in tags if t["ticket_id"] == r["id"]}
    return [r for r in rows if reader.visible_groups is None or r["group_id"] in reader.visible_groups]


def _queue_ids(service: TicketService, f: TicketFilter) -> list[int]:
    return [t.id for t in service.iterate(f, Sort(SortKey.DUE, descending=False), batch=7)]


@pytest.mark.parametrize("whose", ["mine", "unassigned"])
@pytest.mark.parametrize("statuses", [ACTIVE, None])
def test_a_queue_by_sla_due_is_its_tickets_in_due_order(
    database_url: str, reader: Reader, whose: str, statuses: tuple[Status, ...] | None
) -> None:
    rows = _seed(database_url, reader)
    assignee = reader.me if whose == "mine" else None
    expected = sorted(
        (r for r in rows if r["assignee"] == assignee and (statuses is None or Status(str(r["status"])) in statuses)),
        key=lambda r: (r["sla_due"], r["id"]),
    )
    f = TicketFilter(assignee=reader.me if whose == "mine" else UNASSIGNED, status=statuses)
    service = TicketService(reader.database)
    assert _queue_ids(service, f) == [r["id"] for r in expected]
    assert service.count(f).value == len(expected)


@pytest.mark.parametrize("days", [30, None])
def test_sla_attainment_counts_the_settled_tickets_one_sees(
    database_url: str, reader: Reader, days: int | None
) -> None:
    rows = _seed(database_url, reader)
    first = week_of(TODAY - timedelta(days=(days or 26 * 7) - 1))
    since = datetime.combine(first, datetime.min.time(), UTC)
    met: dict[date, int] = {}
    settled: dict[date, int] = {}
    agents: dict[str, list[int]] = {}
    for r in rows:
        at = r["sla_settled_at"]
        if r["sla_outcome"] is None or not isinstance(at, datetime) or at < since:
            continue
        week = week_of(at.date())
        kept = 1 if r["sla_outcome"] == "met" else 0
        met[week] = met.get(week, 0) + kept
        settled[week] = settled.get(week, 0) + 1
        tally = agents.setdefault(str(r["assignee"] or ""), [0, 0])
        tally[0] += kept
        tally[1] += 1
    shown = SlaService(reader.database).attainment(days, TODAY)
    assert {
        w: (m, s) for w, m, s in zip(shown.weeks, shown.met_per_week, shown.settled_per_week, strict=True) if s
    } == {w: (met[w], settled[w]) for w in settled}
    assert {who: (m, s) for who, m, s in shown.per_agent} == {who: (m, s) for who, (m, s) in agents.items()}


@pytest.mark.parametrize("common_from", [1, 10**9], ids=["walked", "from-the-tags"])
@pytest.mark.parametrize(
    ("tags", "statuses"), [(("vip",), None), (("bug", "rare"), ACTIVE), (("rare",), None), (("absent",), None)]
)
def test_a_tag_filter_lists_and_counts_the_tagged_tickets_one_sees(
    database_url: str,
    reader: Reader,
    monkeypatch: pytest.MonkeyPatch,
    common_from: int,
    tags: tuple[str, ...],
    statuses: tuple[Status, ...] | None,
) -> None:
    """Both shapes of the tag filter (SQLite walks the list for a common tag, else reads the tag's tickets)."""
    monkeypatch.setattr(tag_store, "COMMON_TAG_ROWS", common_from)
    rows = _seed(database_url, reader)
    expected = sorted(
        (
            r
            for r in rows
            if set(tags) & r["tags"]  # type: ignore[operator]
            and (statuses is None or Status(str(r["status"])) in statuses)
        ),
        key=lambda r: (r["created_at"], r["id"]),
        reverse=True,
    )
    f = TicketFilter(tags=tags, status=statuses)
    service = TicketService(reader.database)
    assert [t.id for t in service.iterate(f, batch=7)] == [r["id"] for r in expected]
    assert service.count(f).value == len(expected)
