"""On PostgreSQL a ticket's SLA figures are the database's (storage/sla_sql.py): its PL/pgSQL gives what
the Python gives (domain/business_hours.py, domain/sla.py), and no agent can move a due in raw SQL."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, make_url, text

from tests.team.conftest import Team
from tests.team.test_red_team import refused, ticket
from ticketflow_desktop.domain import (
    Category,
    Priority,
    Status,
    TicketChanges,
    TicketDraft,
    ValidationError,
)
from ticketflow_desktop.domain.business_hours import DAYS, Calendar
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.sla import SlaPolicy, TicketSla, apply_policy, on_status_change
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.sla_sql import SLA_COLUMNS

pytestmark = pytest.mark.postgresql

# Santiago's clocks change at midnight (Apr 5, Sep 6 2026): a day whose midnight does not exist or happens twice.
ZONES = ("Europe/Berlin", "America/New_York", "America/Santiago")
# Around the clock changes of 2026 (Mar 8/29, Apr 5, Sep 6, Oct 25, Nov 1), and an ordinary stretch.
WINDOWS = tuple(datetime(2026, month, day, tzinfo=UTC) for month, day in ((3, 1), (3, 28), (8, 25), (10, 18), (6, 1)))


@pytest.fixture(scope="module")
def functions(_postgres_database: Database) -> Iterator[Engine]:
    """The schema owner's engine (the functions need no rows, so no test data). Pinged before each use:
    other tests' emptying of the database ends every other connection."""
    url = make_url(str(_postgres_database.url)).set(drivername="postgresql+psycopg2")
    engine = create_engine(url, pool_pre_ping=True)
    yield engine
    engine.dispose()


@st.composite
def calendars(draw: st.DrawFn) -> tuple[str, str, tuple[date, ...]]:
    """(hours as written, zone, holidays): some days, some hours (whole days and ones crossing the
    small hours a clock change skips or repeats), holidays near the clock changes."""
    days = draw(st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True))
    parts = []
    for day in sorted(days):
        start = draw(st.sampled_from([0, 60, 90, 120, 150, 180, 480, 540, 1380]) | st.integers(0, 1438))
        end = draw(
            st.sampled_from([1440, 180, 210, 1020]).filter(lambda e, s=start: e > s) | st.integers(start + 1, 1440)
        )
        parts.append(f"{DAYS[day].title()} {start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}")
    holidays = draw(st.lists(st.dates(date(2026, 2, 25), date(2026, 11, 20)), max_size=4, unique=True))
    return "; ".join(parts), draw(st.sampled_from(ZONES)), tuple(sorted(holidays))


instants = st.builds(
    lambda window, seconds, micro: window + timedelta(seconds=seconds, microseconds=micro),
    st.sampled_from(WINDOWS),
    st.integers(0, 30 * 86400),
    st.sampled_from([0, 0, 999_999]) | st.integers(0, 999_999),
)
durations = st.sampled_from([0, 1, 30, 60, 240, 480, 960, 2400]) | st.integers(1, 20_000)


def _calendar_sql(call: str) -> str:
    return f"SELECT {call} FROM tf_sla_parse_calendar(:hours, :zone, :holidays) c"


def _params(calendar: tuple[str, str, tuple[date, ...]]) -> dict[str, object]:
    hours, zone, holidays = calendar
    return {"hours": hours, "zone": zone, "holidays": ",".join(d.isoformat() for d in holidays)}


@settings(max_examples=100, deadline=None)
@given(calendar=calendars(), start=instants, minutes=durations, span=st.integers(0, 20_000))
def test_the_databases_business_minutes_are_pythons(
    functions: Engine, calendar: tuple[str, str, tuple[date, ...]], start: datetime, minutes: int, span: int
) -> None:
    python = Calendar.parse(*calendar)
    try:
        expected: datetime | str = python.add(start, minutes)
    except ValidationError:
        expected = "no such time"  # a calendar of a few minutes a week runs out of its horizon
    end = start + timedelta(minutes=span, seconds=17)
    params = {**_params(calendar), "start": start, "minutes": minutes, "end": end}
    try:
        with functions.begin() as connection:
            got, between = connection.execute(
                text(
                    _calendar_sql(
                        "tf_sla_add(:start, :minutes, c.zone, c.starts, c.ends, c.holidays),"
                        " tf_sla_minutes_between(:start, :end, c.zone, c.starts, c.ends, c.holidays)"
                    )
                ),
                params,
            ).one()
    except Exception as error:  # noqa: BLE001 - compared below: only the horizon's refusal is expected
        assert expected == "no such time", error
        assert "business minutes within 1098 days" in str(error)
        return
    assert got == expected
    assert between == python.minutes_between(start, end)


# --- the rules: a status change, as Python and as the database apply it -----------------------------------

STATUSES = [s.value for s in Status]


def _row(sla: TicketSla, status: Status, created_at: datetime) -> str:
    """A `tickets` value (no row stored) with these figures, as JSON for jsonb_populate_record."""
    return json.dumps(
        {
            "status": status.value,
            "priority": "high",
            "created_at": created_at.isoformat(),
            "first_response_due": sla.first_response_due and sla.first_response_due.isoformat(),
            "resolution_due": sla.resolution_due and sla.resolution_due.isoformat(),
            "first_responded_at": sla.first_responded_at and sla.first_responded_at.isoformat(),
            "sla_paused_at": sla.paused_at and sla.paused_at.isoformat(),
            "sla_paused_minutes": sla.paused_minutes,
            "sla_outcome": sla.outcome and sla.outcome.value,
            "sla_settled_at": sla.settled_at and sla.settled_at.isoformat(),
        }
    )


def _sla_of(values: tuple) -> TicketSla:
    from ticketflow_desktop.domain.sla import SlaState

    first_due, resolution_due, responded, paused_at, paused, outcome, settled = values
    return TicketSla(
        first_due, resolution_due, responded, paused_at, paused, SlaState(outcome) if outcome else None, settled
    )


@settings(max_examples=60, deadline=None)
@given(
    calendar=calendars(),
    created=instants,
    moves=st.lists(st.tuples(st.sampled_from(STATUSES), st.integers(0, 6 * 24 * 60)), min_size=1, max_size=5),
    reply_after=st.none() | st.integers(0, 3000),
)
def test_the_databases_status_rules_are_pythons(
    functions: Engine,
    calendar: tuple[str, str, tuple[date, ...]],
    created: datetime,
    moves: list[tuple[str, int]],
    reply_after: int | None,
) -> None:
    """Policy applied, then each status move (pause, resume with the waited minutes, settle, reopen)."""
    python = Calendar.parse(*calendar)
    policy = SlaPolicy(Priority.HIGH, 60, 480)
    try:
        sla = apply_policy(TicketSla(), created, Status.OPEN, policy, python)
    except ValidationError:
        return  # the horizon: compared in the test above
    if reply_after is not None:
        sla = replace(sla, first_responded_at=created + timedelta(minutes=reply_after))
    status, at = Status.OPEN, created
    columns = ", ".join(c for c in SLA_COLUMNS if c != "sla_due")
    with functions.begin() as connection:
        for new_value, minutes in moves:
            new, at = Status(new_value), at + timedelta(minutes=minutes, seconds=13)
            if new is status:
                continue
            try:
                expected = on_status_change(sla, status, new, at, python)
            except ValidationError:
                return
            got = connection.execute(
                text(
                    f"SELECT {columns} FROM tf_sla_parse_calendar(:hours, :zone, :holidays) c"
                    " CROSS JOIN LATERAL tf_sla_status_change(jsonb_populate_record(NULL::tickets,"
                    " CAST(:ticket AS jsonb)), :old, :at, c.zone, c.starts, c.ends, c.holidays)"
                ),
                {"ticket": _row(sla, new, created), "old": status.value, "at": at, **_params(calendar)},
            ).one()
            assert _sla_of(tuple(got)) == expected, (status, new, at)
            sla, status = expected, new


# --- the guarantee: an agent's raw SQL cannot move a due ----------------------------------------------------


def _figures(team: Team, ticket_id: int) -> dict[str, object]:
    with team.owner.reading() as session:
        row = session.execute(text(f"SELECT {', '.join(SLA_COLUMNS)} FROM tickets WHERE id = :id"), {"id": ticket_id})
        return dict(row.mappings().one())


def test_an_agent_cannot_move_a_tickets_sla_figures(team: Team, caplog: pytest.LogCaptureFixture) -> None:
    """Whatever an agent writes into the SLA columns, the database keeps its own figures and says so
    (a NOTICE, which SQLAlchemy's driver logs)."""
    caplog.set_level(logging.INFO, logger="sqlalchemy.dialects.postgresql")
    lead = SlaService(team.service("lead").database)
    lead.set_calendar("Mon-Fri 09:00-17:00", "Europe/Berlin")
    lead.set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    ticket_id = ticket(team)  # an agent's raw INSERT: the database gave it its dues
    true = _figures(team, ticket_id)
    assert true["first_response_due"] is not None and true["resolution_due"] is not None
    later = datetime(2099, 1, 1, tzinfo=UTC)
    forged = {
        "resolution_due": later,
        "first_response_due": later,
        "sla_outcome": "met",
        "sla_settled_at": later,
        "first_responded_at": datetime(2000, 1, 1, tzinfo=UTC),
        "sla_paused_minutes": 100_000,
        "sla_due": later,
    }
    for role in ("agent", "lead", "admin"):  # an administrator too, outside a bulk load
        with team.connect(role) as connection:
            for column, value in forged.items():
                caplog.clear()
                with connection.begin():
                    updated = connection.execute(
                        text(f"UPDATE tickets SET {column} = :v WHERE id = :id"), {"v": value, "id": ticket_id}
                    )
                assert updated.rowcount == 1, (role, column)  # the row was written...
                assert _figures(team, ticket_id) == true, (role, column)  # ...but not the figure
                # The NOTICE, among whatever else is logged (another test may have left the engine's log on).
                notices = [r.getMessage() for r in caplog.records if r.name.startswith("sqlalchemy.dialects")]
                assert any(f"{column} was not written" in n for n in notices), (role, column)
    with team.connect("agent") as connection:  # an agent may not even name them in an INSERT
        insert = (
            "INSERT INTO tickets (title, description, category, priority, resolution_due)"
            " VALUES ('x', 'y', 'technical', 'high', :v)"
        )
        assert refused(connection, insert, {"v": later}) == "42501"
        # A status change with a forged due in the same statement: the change counts, the due does not.
        with connection.begin():
            connection.execute(
                text("UPDATE tickets SET status = 'pending', resolution_due = :v WHERE id = :id"),
                {"v": later, "id": ticket_id},
            )
            database_now = connection.execute(text("SELECT now()")).scalar_one()
    paused = _figures(team, ticket_id)
    assert paused["sla_paused_at"] == database_now and paused["resolution_due"] == true["resolution_due"]
    with team.connect("agent") as connection, connection.begin():
        connection.execute(text("UPDATE tickets SET status = 'resolved' WHERE id = :id"), {"id": ticket_id})
    settled = _figures(team, ticket_id)
    assert settled["sla_outcome"] == "met" and settled["sla_paused_at"] is None
    assert settled["sla_due"] == datetime(9999, 12, 31, tzinfo=UTC)


def test_an_agents_first_reply_and_a_wait_give_the_same_figures_as_sqlite(team: Team, tmp_path: Path) -> None:
    """The same steps at the same instants: PostgreSQL (the database's figures, its own now()) and SQLite
    (the client's, its clock set to those instants) store the same SLA columns after each step."""
    calendar = ("Mon-Fri 09:00-17:00; Sat 10:00-12:00", "Europe/Berlin", [date(2026, 12, 24)])
    policies = (SlaPolicy(Priority.HIGH, 60, 480), SlaPolicy(Priority.CRITICAL, 30, 240))
    lead = SlaService(team.service("lead").database)
    lead.set_calendar(*calendar)
    pg = team.service("agent")
    pg_talk = ConversationService(pg.database)
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    lite = TicketService(open_database(f"sqlite:///{tmp_path / 'tickets.sqlite3'}"), clock)
    lite_talk = ConversationService(lite.database, clock)
    SlaService(lite.database, clock).set_calendar(*calendar)
    for policy in policies:
        lead.set_policy(policy)
        SlaService(lite.database, clock).set_policy(policy)

    def same(pg_id: int, lite_id: int) -> None:
        assert pg.get(pg_id).sla == lite.get(lite_id).sla

    draft = TicketDraft("Printer", "On fire", Category.TECHNICAL, Priority.HIGH)
    created = pg.create(draft)
    clock.at = created.created_at
    mirror = lite.create(draft)
    same(created.id, mirror.id)
    note = pg_talk.add(created.id, MessageKind.NOTE, "Checking")  # not a response
    clock.at = note.at
    lite_talk.add(mirror.id, MessageKind.NOTE, "Checking")
    same(created.id, mirror.id)
    reply = pg_talk.add(created.id, MessageKind.REPLY, "Which printer?")
    clock.at = reply.at
    lite_talk.add(mirror.id, MessageKind.REPLY, "Which printer?")
    same(created.id, mirror.id)
    assert pg.get(created.id).sla.first_responded_at == reply.at
    steps: list[object] = [Status.PENDING, MessageKind.CUSTOMER, Status.PENDING, Status.OPEN, Status.RESOLVED]
    steps += [Status.OPEN, Priority.CRITICAL, Status.CLOSED]
    for step in steps:
        if step is MessageKind.CUSTOMER:  # the customer answers: the ticket reopens and its clock resumes
            said = pg_talk.add(created.id, MessageKind.CUSTOMER, "Floor 2")
            clock.at = said.at
            lite_talk.add(mirror.id, MessageKind.CUSTOMER, "Floor 2")
        else:
            change = TicketChanges(priority=step) if isinstance(step, Priority) else TicketChanges(status=step)
            changed = pg.update(created.id, change, pg.get(created.id).version)
            clock.at = changed.updated_at
            lite.update(mirror.id, change, lite.get(mirror.id).version)
        same(created.id, mirror.id)
    final = pg.get(created.id).sla
    assert final.outcome is not None and final.settled_at is not None
    lite.database.dispose()


def test_a_leads_raw_policy_change_is_applied_by_the_database_and_a_bad_calendar_refused(team: Team) -> None:
    lead = SlaService(team.service("lead").database)
    lead.set_calendar("Mon-Sun 00:00-24:00", "UTC")
    lead.set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    ticket_id = ticket(team)
    before = _figures(team, ticket_id)
    with team.connect("lead") as connection:
        assert refused(connection, "UPDATE sla_calendar SET zone = 'Mars/Olympus'") == "22023"
        assert refused(connection, "UPDATE sla_calendar SET hours = 'weekdays'") == "22023"
        assert refused(connection, "UPDATE sla_calendar SET zone = 'UTC+3'") == "22023"  # not one zoneinfo reads
        assert refused(connection, "UPDATE sla_calendar SET holidays = '12/25/2026'") == "22023"
        assert refused(connection, "SELECT tf_sla_recompute(NULL)") == "42501"  # the triggers' own
        with connection.begin():  # no service involved: the database recomputes the open tickets' dues
            connection.execute(text("UPDATE sla_policies SET resolution_minutes = 960 WHERE priority = 'high'"))
    after = _figures(team, ticket_id)
    assert after["resolution_due"] == before["resolution_due"] + timedelta(minutes=480)  # type: ignore[operator]
    assert after["first_response_due"] == before["first_response_due"]
    assert lead.set_policy(SlaPolicy(Priority.HIGH, 60, 480)) == 1  # the database's count of moved tickets
    assert _figures(team, ticket_id) == before


def test_after_the_migration_a_due_no_longer_moves(team: Team) -> None:
    from alembic import command

    from ticketflow_desktop.storage.migrate import alembic_config, upgrade_to_head

    SlaService(team.service("lead").database).set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    ticket_id = ticket(team)
    true = _figures(team, ticket_id)
    write = "UPDATE tickets SET resolution_due = resolution_due + interval '1 day' WHERE id = :id"
    with team.owner.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0014_mail")
    try:
        with team.connect("agent") as connection, connection.begin():  # before 0015 a due could be moved
            connection.execute(text(write), {"id": ticket_id})
        assert _figures(team, ticket_id)["resolution_due"] == true["resolution_due"] + timedelta(days=1)
    finally:
        upgrade_to_head(team.owner.engine)
    moved = _figures(team, ticket_id)  # the figures stored are kept as they are
    assert moved["resolution_due"] == true["resolution_due"] + timedelta(days=1)
    with team.connect("agent") as connection, connection.begin():
        connection.execute(text(write), {"id": ticket_id})
    assert _figures(team, ticket_id) == moved  # not any more
    assert _figures(team, ticket(team))["resolution_due"] is not None  # the triggers are back


def test_an_app_from_before_0015_still_writes_tickets_and_its_figures_are_harmless(team: Team) -> None:
    """Such an app stores its own figures after each write (sla_store.store, with the agents' column
    privilege): the write goes through and the database's figures stay."""
    from ticketflow_desktop.storage import sla_store

    SlaService(team.service("lead").database).set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    agent = team.service("agent")
    created = agent.create(TicketDraft("Printer", "On fire", Category.TECHNICAL, Priority.HIGH))
    assert created.sla.resolution_due is not None
    wrong = replace(created.sla, resolution_due=created.sla.resolution_due + timedelta(hours=1))
    with agent.database.writing() as session:
        sla_store.store(session, created.id, wrong)
    assert agent.get(created.id).sla == created.sla
