"""Fixtures for fault tests: a fresh PostgreSQL database behind a controllable proxy, an outbox file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url

from tests.databases import service_at
from ticketflow_desktop.services.outbox import Outbox
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.outbox_store import OutboxStore

from .proxy import FaultProxy


@pytest.fixture
def pg_url(_postgres_database: Database, empty_database: Callable[[Database], None]) -> str:
    """The session's PostgreSQL test database, emptied."""
    empty_database(_postgres_database)
    return _postgres_database.url


@pytest.fixture
def proxy(pg_url: str) -> Iterator[FaultProxy]:
    target = make_url(pg_url)
    proxy = FaultProxy(target.host or "127.0.0.1", target.port or 5432).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def proxied_url(proxy: FaultProxy, pg_url: str) -> str:
    return proxy.url_for(pg_url)


@pytest.fixture
def proxied_service(proxied_url: str) -> Iterator[TicketService]:
    with service_at(proxied_url) as service:
        yield service


@pytest.fixture
def direct_service(pg_url: str) -> Iterator[TicketService]:
    """The same database without the proxy: what a colleague (or the test's eye) sees."""
    with service_at(pg_url) as service:
        yield service


@pytest.fixture
def outbox_store(tmp_path: Path) -> Iterator[OutboxStore]:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    yield store
    store.close()


@pytest.fixture
def outbox(outbox_store: OutboxStore, proxied_service: TicketService) -> Outbox:
    return Outbox(outbox_store, proxied_service.database.url, proxied_service)
