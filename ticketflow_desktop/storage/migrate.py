"""Schema upgrades with Alembic, whose scripts ship inside the package (and the frozen build)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine

from ticketflow_desktop.domain.errors import DatabaseTooNew
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.errors import translate_errors

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with translate_errors(), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Upgrade the database to this app's schema; refuse one written by a newer app."""
    revision = current_revision(engine)
    if revision == head_revision():
        return
    if revision is not None and not _is_known(revision):
        raise DatabaseTooNew(revision)
    with translate_errors(), engine.begin() as connection:
        if dialect_of(connection) is Dialect.POSTGRESQL:
            # Two clients starting at once against a fresh server must not both create the schema.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7460210)")
            if MigrationContext.configure(connection).get_current_revision() == head_revision():
                return
        command.upgrade(alembic_config(connection), "head")


def _is_known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def schema_drift(engine: Engine) -> list[object]:
    """What `alembic check` would find: differences between the tables module and the database."""
    from alembic.autogenerate import compare_metadata

    from ticketflow_desktop.storage.migrations.env_options import include_object
    from ticketflow_desktop.storage.tables import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object, "compare_type": True})
        return list(compare_metadata(context, Base.metadata))
