"""Reads skip the pool's ping (storage/engine.py: _check_on_checkout, Database.read): a connection the
server ended while idle is seen on its socket and replaced, and one lost during a read's first
statement is replaced and the read runs once more. Writes keep the ping."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import InvalidatePoolError

from tests.databases import service_at
from ticketflow_desktop.domain import Category, Priority, StorageUnavailable, TicketDraft, TicketFilter
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import _server_hung_up

from .proxy import FaultProxy


def draft(title: str) -> TicketDraft:
    return TicketDraft(title=title, description="d", category=Category.GENERAL, priority=Priority.LOW)


def invalidations(engine: Engine) -> list[BaseException | None]:
    """Why the pool dropped each connection, as they happen."""
    reasons: list[BaseException | None] = []
    event.listen(engine, "invalidate", lambda _c, _r, exception: reasons.append(exception))
    return reasons


@pytest.fixture
def admin(pg_url: str) -> Iterator[Engine]:
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg2"), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def end_sessions_of(admin: Engine, database_name: str) -> None:
    """pg_terminate_backend on the app's connections, and wait until the server has ended them."""
    mine = "datname = :db AND application_name LIKE 'ticketflow-desktop%' AND pid <> pg_backend_pid()"
    with admin.connect() as connection:
        assert (
            connection.execute(
                text(f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {mine}"),
                {"db": database_name},
            ).scalar_one()
            >= 1
        )
        deadline = time.monotonic() + 10
        while connection.execute(
            text(f"SELECT count(*) FROM pg_stat_activity WHERE {mine}"), {"db": database_name}
        ).scalar_one():
            assert time.monotonic() < deadline, "the server did not end the sessions"
            time.sleep(0.01)


def test_the_socket_tells_a_connection_the_server_ended(pg_url: str, admin: Engine) -> None:
    with service_at(pg_url) as service:
        raw = service.database.engine.raw_connection()
        try:
            assert not _server_hung_up(raw.dbapi_connection)  # idle and alive: nothing to read
            end_sessions_of(admin, str(make_url(pg_url).database))
            assert _server_hung_up(raw.dbapi_connection)
        finally:
            raw.invalidate()


def test_a_read_after_the_server_ended_its_connection_takes_a_new_one_at_checkout(
    pg_url: str, admin: Engine, direct_service: TicketService
) -> None:
    created = direct_service.create(draft("read after terminate"))
    with service_at(pg_url) as service:
        assert service.get(created.id).title == "read after terminate"  # a pooled connection, now idle
        reasons = invalidations(service.database.engine)
        end_sessions_of(admin, str(make_url(pg_url).database))
        assert service.get(created.id).title == "read after terminate"
        assert [t.title for t in service.page(TicketFilter()).tickets] == ["read after terminate"]
        # Replaced at checkout, from its socket: no statement failed first.
        assert reasons and all(isinstance(r, InvalidatePoolError) for r in reasons)


def test_a_read_that_loses_its_connection_runs_once_more(
    proxy: FaultProxy, proxied_url: str, direct_service: TicketService
) -> None:
    created = direct_service.create(draft("lost answer"))
    with service_at(proxied_url) as service:
        assert service.get(created.id).version == created.version
        seen = proxy.connections_seen
        proxy.lose_answer_after(b"FROM tickets")  # the socket looks fine; the read's answer never comes
        assert service.get(created.id).title == "lost answer"
        assert proxy.answers_lost == 1
        assert proxy.connections_seen == seen + 1  # the read ran again, on a new connection


def test_a_write_that_loses_its_connection_is_not_run_again(
    proxy: FaultProxy, proxied_url: str, direct_service: TicketService
) -> None:
    with service_at(proxied_url) as service:
        service.count()  # a pooled connection
        proxy.lose_answer_after(b"INSERT")
        with pytest.raises(StorageUnavailable):
            service.create(draft("written once at most"))
    assert [t.title for t in direct_service.iterate()] == []  # the INSERT's transaction never committed
