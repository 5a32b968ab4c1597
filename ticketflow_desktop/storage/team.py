"""Agents, groups and "who am I": PostgreSQL login roles in the team's group roles (storage/team_sql).

Managing agents is DDL (CREATE ROLE, GRANT) run with the caller's own rights: PostgreSQL refuses it to
anyone who is not an administrator (a login with CREATEROLE), and that refusal is what the user reads.
On SQLite there is one person, the OS login, with every right.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text, update

from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import agent_group_table, agent_table, group_table, redaction_table
from ticketflow_desktop.storage.team_sql import ROLES, group_role

LOGIN_MAX = 63  # PostgreSQL's identifier limit (NAMEDATALEN - 1)


@dataclass(frozen=True)
class Agent:
    login: str
    name: str
    email: str | None
    role: str
    active: bool
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    login: str
    name: str
    role: str
    groups: tuple[str, ...] = ()
    # SQLite: one person, one file, every right (there is nobody to refuse anything to).
    local: bool = False

    @property
    def may_write(self) -> bool:
        return self.role != "viewer"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def as_json(self) -> dict[str, Any]:
        return {"login": self.login, "name": self.name, "role": self.role, "groups": list(self.groups)}


def local_login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment or the password database
        return "local"


@contextmanager
def recorded_by_database(session: Connection, source: object, written_at: datetime | None) -> Iterator[None]:
    """A write whose history and summaries the database writes: tell it what only the client knows
    (this transaction only). Inside a bulk load (an import updating tickets it has) the load's trust
    is set aside for the write and restored after, so the write is recorded like any other."""
    trusted = session.execute(
        text(
            "SELECT set_config('ticketflow.source', :source, true), set_config('ticketflow.written_at', :at, true),"
            " current_setting('ticketflow.trusted_load', true)"
        ),
        {"source": str(getattr(source, "value", source)), "at": written_at.isoformat() if written_at else ""},
    ).one()[2]
    if trusted == "on":
        session.execute(text("SELECT set_config('ticketflow.trusted_load', 'off', true)"))
    yield
    if trusted == "on":
        session.execute(text("SELECT set_config('ticketflow.trusted_load', 'on', true)"))


def sees_every_ticket(database: Database) -> bool:
    if not database.enforces_team_rules:
        return True
    with database.reading() as session:
        return bool(session.execute(text("SELECT tf_sees_all()")).scalar())


def agent_login(session: Connection) -> str:
    """Whoever is writing: the database login (PostgreSQL), the OS login (SQLite)."""
    if session.engine.dialect.name == "sqlite":
        return local_login()
    return str(session.execute(text("SELECT session_user")).scalar_one())


def agent_name(session: Connection) -> str:
    """The name of whoever is writing: their agent record's, else their login."""
    login = agent_login(session)
    name = session.execute(select(agent_table.c.name).where(agent_table.c.login == login)).scalar_one_or_none()
    return name or login


def group_id(session: Connection, name: str) -> int:
    found = session.execute(select(group_table.c.id).where(group_table.c.name == name)).scalar_one_or_none()
    if found is None:
        raise ValidationError([FieldError("group", f"There is no group called {name!r}.")])
    return int(found)


def group_name(session: Connection, group: int | None) -> str | None:
    if group is None:
        return None
    return session.execute(select(group_table.c.name).where(group_table.c.id == group)).scalar_one_or_none()


def _check_login(login: str) -> str:
    if not login or len(login) > LOGIN_MAX or not login.replace("_", "").replace(".", "").replace("-", "").isalnum():
        raise ValidationError(
            [FieldError("login", f"{login!r} is not a usable login: 1-{LOGIN_MAX} letters, digits, _ . or -.")]
        )
    if login.startswith(("pg_", "ticketflow_")):
        raise ValidationError([FieldError("login", f"{login!r} is reserved; choose another login.")])
    return login


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError([FieldError("role", f"The role must be one of {', '.join(ROLES)}.")])
    return role


def _quote(session: Connection, identifier: str) -> str:
    return session.engine.dialect.identifier_preparer.quote_identifier(identifier)


def _needs_team_database(database: Database) -> None:
    if not database.enforces_team_rules:
        raise ValidationError(
            [FieldError("database", "Agents and groups need a team database (PostgreSQL); SQLite is one person's.")]
        )


def whoami(database: Database) -> Identity:
    if not database.enforces_team_rules:
        login = local_login()
        return Identity(login, login, "admin", local=True)
    with database.reading() as session:
        login = str(session.execute(text("SELECT session_user")).scalar_one())
        row = session.execute(select(agent_table.c.name).where(agent_table.c.login == login)).first()
        role = _role_of(session, login)
        groups = _groups_of(session, login)
    return Identity(login, row.name if row else login, role, groups)


def _role_of(session: Connection, login: str) -> str:
    """The highest group role the login is in (the schema owner and superusers are administrators)."""
    if session.execute(text("SELECT tf_is_owner()")).scalar_one():
        return "admin"
    for role in reversed(ROLES):
        member = session.execute(
            text("SELECT pg_has_role(:login, :role, 'MEMBER')"), {"login": login, "role": group_role(role)}
        ).scalar_one()
        if member:
            return role
    return "none"


def _groups_of(session: Connection, login: str) -> tuple[str, ...]:
    query = (
        select(group_table.c.name)
        .join(agent_group_table, agent_group_table.c.group_id == group_table.c.id)
        .where(agent_group_table.c.login == login)
        .order_by(group_table.c.name)
    )
    return tuple(session.execute(query).scalars())


def add_agent(
    database: Database,
    login: str,
    *,
    name: str | None = None,
    email: str | None = None,
    role: str = "agent",
    password: str | None = None,
    groups: tuple[str, ...] = (),
) -> Agent:
    """Create the login role in its group role and the agent record, in one transaction."""
    _needs_team_database(database)
    login, role = _check_login(login), _check_role(role)
    with database.writing() as session:
        exists = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}).first()
        if exists is not None:
            raise ValidationError([FieldError("login", f"A database role called {login!r} exists already.")])
        quoted = _quote(session, login)
        attributes = "LOGIN CREATEROLE" if role == "admin" else "LOGIN"
        session.execute(text(f"CREATE ROLE {quoted} {attributes} IN ROLE {group_role(role)}"))
        if password:
            _set_password(session, login, password)
        session.execute(
            insert(agent_table).values(login=login, name=name or login, email=email, role=role, active=True)
        )
        _set_groups(session, login, groups)
    return Agent(login, name or login, email, role, True, tuple(sorted(groups)))


def _set_password(session: Connection, login: str, password: str) -> None:
    """Only a SCRAM verifier reaches the server (and its logs), made here by libpq; never the password."""
    from psycopg2 import sql
    from psycopg2.extensions import encrypt_password

    dbapi: Any = session.connection.dbapi_connection
    verifier = encrypt_password(password, login, dbapi, "scram-sha-256")
    statement = sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(login), sql.Literal(verifier))
    with dbapi.cursor() as cursor:  # the driver quotes the verifier (its $ : % are not parameters)
        cursor.execute(statement)


def _set_groups(session: Connection, login: str, groups: tuple[str, ...]) -> None:
    ids = [group_id(session, name) for name in groups]
    session.execute(delete(agent_group_table).where(agent_group_table.c.login == login))
    if ids:
        session.execute(insert(agent_group_table), [{"login": login, "group_id": gid} for gid in ids])


def _agent_row(session: Connection, login: str) -> Any:
    row = session.execute(select(agent_table).where(agent_table.c.login == login)).first()
    if row is None:
        raise ValidationError([FieldError("login", f"There is no agent called {login!r}.")])
    return row


def set_role(database: Database, login: str, role: str) -> None:
    _needs_team_database(database)
    role = _check_role(role)
    with database.writing() as session:
        _agent_row(session, login)
        quoted = _quote(session, login)
        for other in ROLES:
            session.execute(text(f"REVOKE {group_role(other)} FROM {quoted}"))
        session.execute(text(f"GRANT {group_role(role)} TO {quoted}"))
        session.execute(text(f"ALTER ROLE {quoted} {'CREATEROLE' if role == 'admin' else 'NOCREATEROLE'}"))
        session.execute(update(agent_table).where(agent_table.c.login == login).values(role=role))


def set_groups(database: Database, login: str, groups: tuple[str, ...]) -> None:
    _needs_team_database(database)
    with database.writing() as session:
        _agent_row(session, login)
        _set_groups(session, login, groups)


def disable_agent(database: Database, login: str) -> None:
    """No more logins; the agent record (and every name in the history) stays."""
    _needs_team_database(database)
    with database.writing() as session:
        _agent_row(session, login)
        session.execute(text(f"ALTER ROLE {_quote(session, login)} NOLOGIN"))
        session.execute(update(agent_table).where(agent_table.c.login == login).values(active=False))


def list_agents(database: Database) -> list[Agent]:
    _needs_team_database(database)
    with database.reading() as session:
        rows = session.execute(select(agent_table).order_by(agent_table.c.login)).all()
        return [Agent(r.login, r.name, r.email, r.role, bool(r.active), _groups_of(session, r.login)) for r in rows]


def add_group(database: Database, name: str) -> None:
    _needs_team_database(database)
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise ValidationError([FieldError("group", "A group's name has 1 to 100 characters.")])
    with database.writing() as session:
        if session.execute(select(group_table.c.id).where(group_table.c.name == name)).first() is not None:
            raise ValidationError([FieldError("group", f"A group called {name!r} exists already.")])
        session.execute(insert(group_table).values(name=name))


def list_groups(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.execute(select(group_table.c.name).order_by(group_table.c.name)).scalars())


def redact(database: Database, ticket_id: int, field: str, reason: str) -> None:
    """Remove a ticket's title or description from the ticket and its history (lead or admin)."""
    if field not in ("title", "description"):
        raise ValidationError([FieldError("field", "Only the title or the description can be redacted.")])
    if not reason.strip():
        raise ValidationError([FieldError("reason", "Say why the text is redacted (--reason).")])
    _needs_team_database(database)
    with database.writing() as session:
        session.execute(
            text("SELECT tf_redact(:ticket, :field, :reason)"), {"ticket": ticket_id, "field": field, "reason": reason}
        )


def redactions(database: Database, ticket_id: int) -> list[tuple[str, str, str, datetime]]:
    with database.reading() as session:
        rows = session.execute(
            select(redaction_table.c.field, redaction_table.c.reason, redaction_table.c.actor, redaction_table.c.at)
            .where(redaction_table.c.ticket_id == ticket_id)
            .order_by(redaction_table.c.id)
        )
        return [(r.field, r.reason, r.actor, r.at) for r in rows]
