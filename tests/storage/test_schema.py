"""Migrations own the schema: no drift, upgrades with data, refusal of newer databases, constraints."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ticketflow_desktop.domain import Category, DatabaseTooNew, Priority, Status, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, describe_url, mask_url, open_database
from ticketflow_desktop.storage.migrate import current_revision, head_revision, schema_drift


def test_alembic_check_finds_no_drift(database: Database) -> None:
    assert schema_drift(database.engine) == []
    assert current_revision(database.engine) == head_revision()


def test_reopening_keeps_data(database_url: str) -> None:
    first = open_database(database_url)
    ticket = TicketService(first).create(TicketDraft("Kept", "across restarts", Category.GENERAL, Priority.LOW))
    first.dispose()
    second = open_database(database_url)
    assert TicketService(second).get(ticket.id).title == "Kept"
    second.dispose()


def test_dropping_the_old_summaries_can_be_undone(service: TicketService) -> None:
    """Downgrading 0003 rebuilds the summaries an older TicketFlow reads, from the tickets."""
    from alembic import command

    from ticketflow_desktop.domain import NewTicket
    from ticketflow_desktop.storage.bulk import bulk_insert
    from ticketflow_desktop.storage.migrate import alembic_config, upgrade_to_head

    created = datetime(2026, 3, 1, 9, tzinfo=UTC)
    resolved = ((datetime(2026, 3, 1, 11, tzinfo=UTC), Status.RESOLVED),)
    bulk_insert(
        service.database,
        [NewTicket("a", "b", Category.BILLING, Priority.HIGH, created, status_changes=resolved)] * 3
        + [NewTicket("c", "d", Category.ACCOUNT, Priority.LOW, created)],
    )
    engine = service.database.engine
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0002_perf")
        with engine.connect() as connection:
            counts = connection.execute(text("SELECT category, status, n FROM ticket_counts ORDER BY 1")).all()
            assert [tuple(r) for r in counts] == [("account", "open", 1), ("billing", "resolved", 3)]
            histogram = connection.execute(text("SELECT n, seconds FROM resolution_counts")).all()
            assert [tuple(r) for r in histogram] == [(3, pytest.approx(3 * 7200.0))]
    finally:
        upgrade_to_head(engine)
    assert service.stats().total == 4


def test_database_newer_than_the_app_is_refused(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        connection.execute(text("UPDATE schema_meta SET value = '99.0.0' WHERE key = 'min_app_version'"))
    try:
        with pytest.raises(DatabaseTooNew, match="newer TicketFlow"):
            open_database(database.url)
    finally:  # the PostgreSQL database is shared by the whole test session
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
            connection.execute(text("UPDATE schema_meta SET value = '0.2.0' WHERE key = 'min_app_version'"))


@pytest.mark.parametrize(
    ("column", "value"),
    [("category", "bogus"), ("priority", "urgent"), ("status", "done"), ("title", "")],
)
def test_check_constraints_refuse_bad_rows(database: Database, column: str, value: str) -> None:
    row = {"title": "t", "description": "d", "category": "billing", "priority": "low", "status": "open"}
    row[column] = value
    now = datetime.now(UTC).isoformat()
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        if database.enforces_team_rules:  # an administrator's load: the triggers keep what it says
            connection.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))
        connection.execute(
            text(
                "INSERT INTO tickets (title, description, category, priority, status, created_at, updated_at, version) "
                "VALUES (:title, :description, :category, :priority, :status, :now, :now, 1)"
            ),
            {**row, "now": now},
        )


def test_sqlite_pragmas(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    database.dispose()


def test_urls_are_masked() -> None:
    url = "postgresql://agent:s3cret@db.example.com:5432/tickets"
    assert "s3cret" not in mask_url(url)
    assert describe_url(url) == "PostgreSQL · db.example.com:5432/tickets"
    assert "s3cret" not in describe_url(url)
    assert mask_url("::not a url::") == "<invalid database URL>"


def test_an_sqlite_file_is_copied_aside_before_its_schema_changes(tmp_path) -> None:
    """One person's file is upgraded on opening, but never without a copy of what it was."""
    from alembic import command

    from ticketflow_desktop.storage.migrate import alembic_config

    path = tmp_path / "tickets.sqlite3"
    url = f"sqlite:///{path}"
    database = open_database(url)
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004_external_id")
        connection.execute(
            text(
                "INSERT INTO tickets (title, description, category, priority, status, created_at, updated_at, version)"
                " VALUES ('Kept', 'In the copy', 'billing', 'low', 'open', '2026-01-01 00:00:00', "
                "'2026-01-01 00:00:00', 1)"
            )
        )
    database.dispose()
    open_database(url).dispose()  # upgrades
    [copy] = tmp_path.glob("tickets.sqlite3.before-*")
    assert copy.name == f"tickets.sqlite3.before-{head_revision()}-from-0004_external_id"
    assert copy.stat().st_mode & 0o777 == 0o600
    copied = open_database(f"sqlite:///{copy}", upgrade=False)
    try:
        with copied.engine.connect() as connection:
            assert connection.execute(text("SELECT title FROM tickets")).scalar_one() == "Kept"
            assert (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0004_external_id"
            )
    finally:
        copied.dispose()
