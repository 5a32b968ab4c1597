"""Schema upgrades with Alembic, whose scripts ship inside the package (and the frozen build).

Alembic is imported only when a schema changes: checking that a database is at head reads the
revisions as text (storage/revisions.py), so opening a database that is up to date costs no Alembic.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from ticketflow_desktop import __version__
from ticketflow_desktop.domain.errors import DatabaseTooNew, SchemaBehind, StorageBusy
from ticketflow_desktop.storage.errors import translate_errors
from ticketflow_desktop.storage.revisions import current_revision, head_revision, is_known

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["alembic_config", "check_schema", "current_revision", "head_revision", "upgrade_to_head"]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


UPGRADE_TRIES = 5
UPGRADE_BACKOFF_S = 0.2


def upgrade_to_head(engine: Engine) -> None:
    """Upgrade the database to this app's schema; refuse one written by a newer app.

    On PostgreSQL the team's roles, grants, triggers and policies are (re)applied too, even at head:
    a database restored on another server finds its group roles again.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from ticketflow_desktop.storage.team_sql import apply_team_schema

    revision = current_revision(engine)
    postgresql = engine.dialect.name == "postgresql"
    if revision == head_revision() and not postgresql:
        return
    if revision is not None and not is_known(revision):
        raise DatabaseTooNew(revision)
    for attempt in range(1, UPGRADE_TRIES + 1):
        try:
            with translate_errors(), engine.begin() as connection:
                if postgresql:
                    # Two administrators upgrading at once must not both create the schema.
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7460210)")
                    if MigrationContext.configure(connection).get_current_revision() != head_revision():
                        command.upgrade(alembic_config(connection), "head")
                    apply_team_schema(connection)
                else:
                    command.upgrade(alembic_config(connection), "head")
            return
        except StorageBusy:
            # Colleagues' apps read while the upgrade changes their tables' triggers and policies; when
            # PostgreSQL ends the upgrade as a deadlock's victim, nothing was changed: try again.
            if attempt == UPGRADE_TRIES:
                raise
            time.sleep(UPGRADE_BACKOFF_S * attempt)


def upgrade_sqlite(engine: Engine) -> None:
    """Upgrade one person's file on opening; a file with tickets in it is copied aside first."""
    revision = current_revision(engine)
    if revision == head_revision():
        return
    database = engine.url.database
    if revision is not None and is_known(revision) and database and database != ":memory:":
        copy_aside(Path(database).expanduser(), revision)
    upgrade_to_head(engine)


def check_schema(engine: Engine) -> None:
    """A shared database is upgraded only by an administrator (`ticketflow db upgrade`): an app whose
    schema is behind or ahead says so instead of changing it for the whole team."""
    revision = current_revision(engine)
    if revision == head_revision():
        return
    if revision is None or is_known(revision):
        raise SchemaBehind(revision, head_revision())
    # Newer than this app: usable while the schema still serves apps as old as this one (expand/contract).
    oldest = min_app_version(engine)
    if oldest is None or _version_tuple(oldest) > _version_tuple(__version__):
        raise DatabaseTooNew(revision)


def min_app_version(engine: Engine) -> str | None:
    """The oldest app version the schema still serves (recorded by the migrations), None before 0005."""
    from sqlalchemy import text

    try:
        with engine.connect() as connection:
            value = connection.execute(text("SELECT value FROM schema_meta WHERE key = 'min_app_version'")).scalar()
    except Exception:  # noqa: BLE001 - no schema_meta table: a schema from before the team model
        return None
    return str(value) if value is not None else None


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")[:3] if part.isdigit())


def copy_aside(path: Path, revision: str) -> Path:
    """Copy an SQLite file before its schema changes (SQLite's backup API: safe with the WAL in use)."""
    import sqlite3
    from contextlib import closing

    target = path.with_name(f"{path.name}.before-{head_revision()}-from-{revision}")
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    target.chmod(0o600)
    return target


def schema_drift(engine: Engine) -> list[object]:
    """What `alembic check` would find: differences between the tables module and the database."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ticketflow_desktop.storage.migrations.env_options import include_object
    from ticketflow_desktop.storage.tables import metadata

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object, "compare_type": True})
        return list(compare_metadata(context, metadata))
