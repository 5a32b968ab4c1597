"""A team on the test session's PostgreSQL database: one login per role, made for this run, dropped after."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import Connection, create_engine, make_url, text

from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.team import add_agent, add_group


@dataclass(frozen=True)
class Team:
    owner: Database  # the schema owner (the test server's superuser)
    logins: dict[str, str]  # role -> login
    urls: dict[str, str]  # role -> URL that logs in as that role

    @contextmanager
    def connect(self, role: str) -> Iterator[Connection]:
        engine = create_engine(make_url(self.urls[role]).set(drivername="postgresql+psycopg2"))
        try:
            with engine.connect() as connection:
                yield connection
        finally:
            engine.dispose()

    def service(self, role: str) -> TicketService:
        return TicketService(open_database(self.urls[role]))


@dataclass(frozen=True)
class Login:
    role: str  # agent, lead, admin or viewer
    name: str
    groups: tuple[str, ...] = ()


@contextmanager
def fresh_logins(owner: Database, prefix: str, wanted: dict[str, Login]) -> Iterator[dict[str, str]]:
    """key -> the login made for this run (`tf_<prefix>_<run>_<key>`); each dropped after, with whatever it
    owns and its connections."""
    run = uuid.uuid4().hex[:8]
    logins = {key: f"tf_{prefix}_{run}_{key}" for key in wanted}
    for key, login in logins.items():
        spec = wanted[key]
        add_agent(owner, login, name=spec.name, role=spec.role, groups=spec.groups)
    try:
        yield logins
    finally:
        admin = create_engine(make_url(owner.url).set(drivername="postgresql+psycopg2"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for login in logins.values():
                connection.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :u"), {"u": login}
                )
                connection.execute(text(f'DROP OWNED BY "{login}"'))
                connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()


def url_as(owner: Database, login: str) -> str:
    """The owner's database URL, logging in as `login` (no password: the test server trusts)."""
    return make_url(owner.url).set(username=login, password=None).render_as_string(hide_password=False)


@pytest.fixture
def team(_postgres_database: Database, empty_database) -> Iterator[Team]:
    owner = _postgres_database
    empty_database(owner)
    add_group(owner, "Billing")
    add_group(owner, "Hardware")
    wanted = {
        "admin": Login("admin", "Admin Tester"),
        "lead": Login("lead", "Lead Tester"),
        "alice": Login("agent", "Agent Tester", ("Billing",)),
        "bob": Login("agent", "Other Tester", ("Hardware",)),
        "viewer": Login("viewer", "Viewer Tester"),
    }
    keys = {"admin": "admin", "lead": "lead", "agent": "alice", "other": "bob", "viewer": "viewer"}
    with fresh_logins(owner, "rt", wanted) as made:
        logins = {key: made[suffix] for key, suffix in keys.items()}
        yield Team(owner, logins, {key: url_as(owner, login) for key, login in logins.items()})
    empty_database(owner)
