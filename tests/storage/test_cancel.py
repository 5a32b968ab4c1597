"""A statement whose answer is no longer wanted is stopped in the database, on both backends."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from ticketflow_desktop.domain import Cancelled, Category, Priority, TicketDraft, TicketFilter
from ticketflow_desktop.domain.cancel import CancelToken, bound
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database

# Seconds of work for the database unless stopped.
SLOW = {
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
    "SELECT count(*) FROM c",
    "postgresql": "SELECT pg_sleep(30)",
}


def run_slow(database: Database, token: CancelToken, outcome: list[BaseException | object]) -> None:
    try:
        with bound(token), database.reading() as session:
            outcome.append(session.execute(text(SLOW[database.dialect])).scalar())
    except BaseException as error:  # noqa: BLE001 - handed to the test thread
        outcome.append(error)


def test_cancel_stops_a_running_statement_and_the_connection_stays_usable(database: Database) -> None:
    token = CancelToken()
    outcome: list[BaseException | object] = []
    worker = threading.Thread(target=run_slow, args=(database, token, outcome))
    started = time.monotonic()
    worker.start()
    time.sleep(0.3)  # let the statement start
    token.cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert time.monotonic() - started < 5
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled), outcome
    # The pool's connections still work for the next reader, which was never cancelled.
    service = TicketService(database)
    created = service.create(TicketDraft("After", "a stopped search", Category.GENERAL, Priority.LOW))
    assert [t.id for t in service.page(TicketFilter(search="after")).tickets] == [created.id]


def test_a_cancelled_token_refuses_the_next_statement(database: Database) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled), bound(token):
        TicketService(database).page()


def test_work_outside_a_token_is_never_stopped(database: Database) -> None:
    token = CancelToken()
    with bound(token):
        pass
    token.cancel()  # after its job: must not reach a connection someone else uses now
    assert TicketService(database).count().value == 0


def test_cancel_never_waits_for_the_stop() -> None:
    """psycopg2's cancel() waits on the network (forever, through a stalled link): never the caller."""
    release = threading.Event()
    token = CancelToken()
    token.running(lambda: release.wait(10))
    started = time.monotonic()
    token.cancel()
    assert time.monotonic() - started < 0.5
    release.set()


def test_a_connection_is_let_go_only_after_a_late_stop_has_landed() -> None:
    """The stop runs on a thread of its own; if the worker handed its connection on before the stop
    landed, the next borrower's statement would be interrupted (and report the database away)."""
    landed: list[float] = []
    token = CancelToken()
    token.running(lambda: (time.sleep(0.3), landed.append(time.monotonic())))
    token.cancel()
    token.idle()  # the worker lets go of its connection (the pool's checkin)
    let_go = time.monotonic()
    assert landed and landed[0] <= let_go


def test_a_connection_let_go_before_any_cancel_is_not_held() -> None:
    token = CancelToken()
    token.running(lambda: time.sleep(5))
    token.idle()
    started = time.monotonic()
    token.cancel()  # nothing running: no stop is sent, and idle() again does not wait
    token.idle()
    assert time.monotonic() - started < 0.5


def test_cancelling_searches_never_fails_a_colleagues_reader(database: Database) -> None:
    """Searches typed past are cancelled hundreds of times while another reader works on the same pool:
    no stop meant for the cancelled ones may reach the other reader's statements (they used to fail it
    with "The database is unavailable right now" when the stop landed after the connection moved on)."""
    query = {
        "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000) "
        "SELECT count(*) FROM c",
        "postgresql": "SELECT pg_sleep(0.002)",
    }[database.dialect]
    # Counted in reads, not seconds: a loaded machine makes fewer of them in a given time.
    wanted, deadline = 60, time.monotonic() + 60
    done = threading.Event()
    failures: list[BaseException] = []
    reads = cancelled = 0

    def typed_past() -> None:
        nonlocal cancelled
        while not done.is_set():
            token = CancelToken()
            outcome: list[BaseException | object] = []
            worker = threading.Thread(target=run_query, args=(database, token, query, outcome))
            worker.start()
            time.sleep(0.001 + time.monotonic() % 0.003)  # cancel at varying points of the statement
            token.cancel()
            worker.join(10)
            cancelled += 1

    def colleague() -> None:
        nonlocal reads
        try:
            while reads < wanted and time.monotonic() < deadline:
                try:
                    with database.reading() as session:
                        session.execute(text(query)).scalar()
                    reads += 1
                except BaseException as error:  # noqa: BLE001 - counted for the test thread
                    failures.append(error)
        finally:
            done.set()

    threads = [threading.Thread(target=typed_past) for _ in range(2)] + [threading.Thread(target=colleague)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    assert reads == wanted and cancelled > 20 and failures == [], (reads, cancelled, failures[:3])


def run_query(database: Database, token: CancelToken, query: str, outcome: list[BaseException | object]) -> None:
    try:
        with bound(token), database.reading() as session:
            outcome.append(session.execute(text(query)).scalar())
    except BaseException as error:  # noqa: BLE001 - the cancelled search's own end is not the test's
        outcome.append(error)
