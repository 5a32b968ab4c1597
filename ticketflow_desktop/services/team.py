"""The team for the views: who am I, and a shared schema's upgrade as an administrator's decision."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from ticketflow_desktop import config
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.storage.invitation import Invitation, read_invitation
from ticketflow_desktop.storage.probe import with_password
from ticketflow_desktop.storage.team import Identity, whoami

__all__ = [
    "Identity",
    "Invitation",
    "UpgradeImpact",
    "check_login",
    "read_invitation",
    "save_team_login",
    "team_words",
    "upgrade_database",
    "upgrade_impact",
    "whoami",
]


@dataclass(frozen=True)
class UpgradeImpact:
    current: str | None
    wanted: str
    # Only the schema's owner (or a superuser) can upgrade it.
    may_upgrade: bool
    # "login (TicketFlow 0.1.0)" for each session of an app older than the upgraded schema serves.
    locked_out: tuple[str, ...]


def upgrade_impact(url: str) -> UpgradeImpact:
    """What upgrading the database at `url` would do, asked before doing it."""
    from ticketflow_desktop import __version__
    from ticketflow_desktop.storage.migrate import current_revision, head_revision  # alembic: not at start

    database = open_database(url, upgrade=False)
    try:
        with database.engine.connect() as connection:
            owner = connection.execute(
                text(
                    "SELECT session_user::text = (SELECT tableowner FROM pg_tables WHERE tablename = 'tickets')"
                    " OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)"
                )
            ).scalar()
            sessions = connection.execute(
                text(
                    "SELECT DISTINCT usename, application_name FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND application_name LIKE 'ticketflow-desktop%'"
                )
            ).all()
        older = tuple(
            sorted(
                f"{user} (TicketFlow {name.removeprefix('ticketflow-desktop').strip() or 'before 0.2'})"
                for user, name in sessions
                if name.removeprefix("ticketflow-desktop").strip() != __version__
            )
        )
        return UpgradeImpact(current_revision(database.engine), head_revision(), bool(owner), older)
    finally:
        database.dispose()


def upgrade_database(url: str) -> None:
    from ticketflow_desktop.storage.migrate import upgrade_to_head

    database = open_database(url, upgrade=False)
    try:
        upgrade_to_head(database.engine)
    finally:
        database.dispose()


def check_login(invitation: Invitation, password: str | None) -> Identity:
    """Log in as the invitation says (the password in memory only) and say who that is."""
    database = open_database(with_password(invitation.url(), password or None))
    try:
        return whoami(database)
    finally:
        database.dispose()


def save_team_login(password: str | None) -> bool:
    """Keep the team database's password in the keyring (in a worker); False: no keyring, this session only."""
    return config.set_secret(config.SECRET_DATABASE_PASSWORD, password or None)


def team_words(identity: Identity) -> str:
    """ "You are Alice Lee, agent, in Billing." """
    groups = f", in {', '.join(identity.groups)}" if identity.groups else ""
    return f"You are {identity.name}, {identity.role}{groups}."
