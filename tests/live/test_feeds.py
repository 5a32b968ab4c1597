"""Change feeds report what other clients changed: real databases, real threads."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.live import ChangedIds, ThreadedFeed, open_feed
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.changes import parse_payload, parse_presence
from ticketflow_desktop.storage.engine import open_database

WAIT_S = 10


class Recorder:
    def __init__(self) -> None:
        self.queue: queue.Queue[ChangedIds] = queue.Queue()

    def __call__(self, ids: ChangedIds) -> None:
        self.queue.put(ids)

    def next(self) -> ChangedIds:
        return self.queue.get(timeout=WAIT_S)

    def until(self, wanted: ChangedIds) -> list[ChangedIds]:
        """Every report up to and including `wanted` (a client may also hear its own writes)."""
        seen = [self.next()]
        while seen[-1] != wanted:
            seen.append(self.next())
        return seen


@pytest.fixture
def feed_and_recorder(database_url: str) -> Iterator[tuple[ThreadedFeed, Recorder]]:
    recorder = Recorder()
    feed = open_feed(database_url, recorder)
    feed.start()
    assert feed.connected.wait(WAIT_S)
    yield feed, recorder
    assert feed.stop()
    assert not feed.running


def _draft(title: str = "Cannot log in") -> TicketDraft:
    return TicketDraft(title, "The password reset mail never arrives.", Category.ACCOUNT, Priority.HIGH)


def test_another_clients_create_and_update_are_reported(feed_and_recorder, database_url: str) -> None:
    _feed, recorder = feed_and_recorder
    other = open_database(database_url)  # a separate engine: another client
    try:
        service = TicketService(other)
        ticket = service.create(_draft())
        assert recorder.until(frozenset({ticket.id}))[-1] == frozenset({ticket.id})
        service.update(ticket.id, TicketChanges(status=Status.IN_PROGRESS), ticket.version)
        assert recorder.until(frozenset({ticket.id}))[-1] == frozenset({ticket.id})
    finally:
        other.dispose()


def test_bulk_load_is_reported_as_unknown(feed_and_recorder, database) -> None:
    _feed, recorder = feed_and_recorder
    bulk_insert(database, synthetic_tickets(5))
    reported = recorder.next()
    if database.dialect == "sqlite":  # the poller names the ids it read from the events table
        assert reported is not None and len(reported) == 5
    else:
        assert reported is None


def test_stop_ends_the_thread_promptly(database_url: str) -> None:
    feed = open_feed(database_url, Recorder())
    feed.start()
    assert feed.connected.wait(WAIT_S)
    assert feed.stop(timeout_s=2)
    assert not feed.running


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_feed_reconnects_and_says_unknown(feed_and_recorder, database) -> None:
    feed, recorder = feed_and_recorder
    with database.engine.begin() as connection:
        killed = (
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ticketflow-live'"
                    " AND datname = current_database()"
                )
            )
            .scalars()
            .all()
        )
    assert killed == [True]
    assert recorder.next() is None  # reconnected: whatever was sent meanwhile is unknown
    assert feed.connected.is_set()
    ticket = TicketService(database).create(_draft("After the reconnect"))
    assert recorder.until(frozenset({ticket.id}))[-1] == frozenset({ticket.id})


def test_payloads_are_parsed_strictly() -> None:
    assert parse_payload("3,5,8") == frozenset({3, 5, 8})
    assert parse_payload("") is None
    for hostile in ("3,x", "3,", "0", "-1", "99999999999", "1e3", ",".join(["7"] * 501)):
        with pytest.raises(ValueError):
            parse_payload(hostile)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_presence_hints_come_apart_from_ticket_changes(database, database_url: str) -> None:
    changes, presence = Recorder(), Recorder()
    feed = open_feed(database_url, changes, presence)
    feed.start()
    try:
        assert feed.connected.wait(WAIT_S)
        ticket = TicketService(database).create(_draft("Who is here?"))
        assert changes.until(frozenset({ticket.id}))[-1] == frozenset({ticket.id})
        with database.engine.begin() as connection:
            connection.execute(text("SELECT pg_notify('ticketflow_changes', 'presence:' || :t)"), {"t": ticket.id})
            connection.execute(text("SELECT pg_notify('ticketflow_changes', 'presence:nonsense')"))
        assert presence.next() == frozenset({ticket.id})
        assert changes.queue.empty()  # a presence hint is no change to the ticket
    finally:
        assert feed.stop()


def test_presence_payloads_are_parsed_strictly() -> None:
    assert parse_presence("presence:12") == 12
    assert parse_presence("12") is None
    for hostile in ("presence:", "presence:x", "presence:0", "presence:99999999999"):
        with pytest.raises(ValueError):
            parse_presence(hostile)
