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


@pytest.fixture
def team(_postgres_database: Database, empty_database) -> Iterator[Team]:
    owner = _postgres_database
    empty_database(owner)
    run = uuid.uuid4().hex[:8]
    add_group(owner, "Billing")
    add_group(owner, "Hardware")
    logins = {
        "admin": f"tf_rt_{run}_admin",
        "lead": f"tf_rt_{run}_lead",
        "agent": f"tf_rt_{run}_alice",
        "other": f"tf_rt_{run}_bob",
        "viewer": f"tf_rt_{run}_viewer",
    }
    groups = {"agent": ("Billing",), "other": ("Hardware",)}
    for key, login in logins.items():
        role = "agent" if key == "other" else key
        add_agent(owner, login, name=f"{key.title()} Tester", role=role, groups=groups.get(key, ()))
    base = make_url(owner.url)
    urls = {
        key: base.set(username=login, password=None).render_as_string(hide_password=False)
        for key, login in logins.items()
    }
    yield Team(owner, logins, urls)
    admin = create_engine(base.set(drivername="postgresql+psycopg2"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for login in logins.values():
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :u"), {"u": login}
            )
            connection.execute(text(f'DROP OWNED BY "{login}"'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
    admin.dispose()
    empty_database(owner)
