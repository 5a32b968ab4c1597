"""The one way to run work (ui/ops.py): owner-bound callbacks, per-owner keys, one "superseded"
mechanism, connectivity reported for the views, changes announced for the writes, and the failure rule
(a known error without a handler is a notice in ui.words' words; a bug always reaches the crash handler)."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ticketflow_desktop.domain import StorageBusy, StorageUnavailable, ValidationError
from ticketflow_desktop.domain.errors import FieldError
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.notices import Notice, Notifier, Severity
from ticketflow_desktop.ui.ops import Ops
from ticketflow_desktop.ui.tasks import TaskRunner, still_wanted
from ticketflow_desktop.ui.words import error_words


class Monitor:
    """A stand-in for the connection monitor: what the ops layer reported."""

    def __init__(self) -> None:
        self.reports: list[str] = []

    def database_answered(self) -> None:
        self.reports.append("answered")

    def database_away(self, error: StorageUnavailable) -> None:
        self.reports.append("away")


class Setup:
    def __init__(self) -> None:
        self.runner = TaskRunner()
        self.notifier = Notifier()
        self.ops = Ops(self.runner, self.notifier)
        self.monitor = Monitor()
        self.ops.connectivity = self.monitor
        self.notices: list[Notice] = []
        self.notifier.subscribe(self.notices.append)
        self.bugs: list[BaseException] = []
        self.runner.unhandled_error.connect(self.bugs.append)
        self.changes: list[Change] = []
        self.ops.tickets_changed.connect(self.changes.append)

    def settle(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(lambda: not self.runner.is_busy(), timeout=5_000)
        assert self.runner.wait_idle()
        qtbot.wait(20)  # answers already queued for the GUI thread are delivered


def slow(value: object, seconds: float = 0.2) -> object:
    time.sleep(seconds)
    return value


def test_callbacks_of_a_deleted_owner_are_dropped_without_an_error(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    heard: list[object] = []
    release = threading.Event()
    s.ops.read(owner, release.wait, 5, on_done=heard.append, on_failed=heard.append)
    s.ops.read(owner, lambda: 1 / 0, on_failed=heard.append)  # its bug still reaches the crash handler
    shiboken6.delete(owner)  # the dialog closed before the answers came
    release.set()
    s.settle(qtbot)  # pytest-qt fails the test on an exception in a callback ("already deleted")
    assert heard == []
    assert [type(bug) for bug in s.bugs] == [ZeroDivisionError]


def test_keys_are_scoped_to_their_owner(qtbot: QtBot) -> None:
    s = Setup()
    first, second = QObject(), QObject()
    heard: list[object] = []
    s.ops.read(first, slow, "first", on_done=heard.append, key="search")
    s.ops.read(second, lambda: "second", on_done=heard.append, key="search")  # another widget's "search"
    s.settle(qtbot)
    assert sorted(heard) == ["first", "second"]  # neither superseded the other
    assert s.ops.pending_keys() == []


def test_a_newer_request_of_the_same_owner_supersedes_the_older(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    heard: list[object] = []
    asked: list[bool] = []

    def older() -> str:
        time.sleep(0.2)
        asked.append(still_wanted())  # a worker may skip what nobody awaits any more
        return "older"

    s.ops.read(owner, older, on_done=heard.append, key="search")
    qtbot.wait(50)
    s.ops.read(owner, lambda: "newer", on_done=heard.append, key="search")
    assert s.ops.pending_keys(owner) == ["search", "search"]
    s.settle(qtbot)
    assert heard == ["newer"] and asked == [False]


def test_renew_drops_every_read_in_flight_but_not_the_writes(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    heard: list[object] = []
    s.ops.read(owner, slow, "page", on_done=heard.append, key="list")
    s.ops.read(owner, slow, "count", on_done=heard.append, key="count")
    s.ops.read(owner, slow, "rows", on_done=heard.append)  # no key: dropped all the same
    s.ops.write(owner, slow, "written", on_done=heard.append)
    s.ops.renew(owner)  # the filter changed: what was read for the old one is of no use
    s.ops.read(owner, lambda: "new page", on_done=heard.append, key="list")
    s.settle(qtbot)
    assert sorted(heard) == ["new page", "written"]


def test_a_known_error_without_a_handler_becomes_a_notice_in_its_words(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    refused = ValidationError([FieldError("title", "Title is required.")])

    def refuse() -> None:
        raise refused

    handled: list[BaseException] = []
    s.ops.write(owner, refuse)  # nobody handles it: the user is told
    s.ops.write(owner, refuse, on_failed=handled.append)  # the view says it its own way
    s.settle(qtbot)
    assert [(n.text, n.severity) for n in s.notices] == [(error_words(refused), Severity.ERROR)]
    assert handled == [refused] and s.bugs == []


def test_a_queued_write_is_news_and_an_unreachable_read_is_the_status_bars(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()

    def queued() -> None:
        raise Queued(7, "update", "The database is locked by another program.")

    def away() -> None:
        raise StorageUnavailable("The database server cannot be reached.")

    s.ops.write(owner, queued)
    s.ops.read(owner, away)
    s.settle(qtbot)
    assert [n.severity for n in s.notices] == [Severity.INFO]
    assert "will be sent when the database is back" in s.notices[0].text
    assert s.monitor.reports.count("away") == 2  # both told the monitor: it shows "unreachable"


def test_a_bug_reaches_the_crash_handler_after_the_views_handler(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    order: list[str] = []
    s.runner.unhandled_error.connect(lambda _e: order.append("crash handler"))
    s.ops.read(owner, lambda: {}["missing"], on_failed=lambda _e: order.append("view restores its state"))
    s.settle(qtbot)
    s.ops.read(owner, lambda: 1 / 0)
    s.settle(qtbot)
    assert order == ["view restores its state", "crash handler", "crash handler"]
    assert [type(b) for b in s.bugs] == [KeyError, ZeroDivisionError]
    assert s.notices == []  # a bug is not a notice: the crash dialog has its details


def test_reads_report_connectivity_unless_they_are_not_the_databases(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    s.ops.read(owner, lambda: "rows")
    s.settle(qtbot)
    s.ops.read(owner, lambda: "a key from the keyring", database=False)
    s.ops.read(owner, lambda: (_ for _ in ()).throw(StorageUnavailable("another server")), database=False)
    s.settle(qtbot)
    assert s.monitor.reports == ["answered"]


def test_a_write_announces_its_change_before_the_owner_hears_of_it(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()
    order: list[object] = []
    s.ops.tickets_changed.connect(lambda change: order.append(change))
    s.ops.write(
        owner,
        lambda: 42,
        on_done=lambda result: order.append(result),
        change=lambda ticket_id: Change.of({ticket_id}, ChangeKind.CREATED),
    )
    gone = QObject()
    s.ops.write(gone, lambda: 3, on_done=order.append, change=Change.unknown(ChangeKind.IMPORTED))
    shiboken6.delete(gone)  # gone before its answer: what changed is announced all the same
    s.settle(qtbot)
    assert s.changes == [Change.of({42}, ChangeKind.CREATED), Change.unknown(ChangeKind.IMPORTED)]
    assert order == [Change.of({42}, ChangeKind.CREATED), 42, Change.unknown(ChangeKind.IMPORTED)]


def test_a_failed_write_announces_nothing(qtbot: QtBot) -> None:
    s = Setup()
    owner = QObject()

    def refuse() -> None:
        raise ValidationError([FieldError("status", "Closed tickets may only be reopened.")])

    s.ops.write(owner, refuse, on_failed=lambda _e: None, change=Change.unknown(ChangeKind.UPDATED))
    s.settle(qtbot)
    assert s.changes == []


def test_a_colleagues_lock_is_not_the_database_being_away(qtbot: QtBot) -> None:
    """A deadlock or a lock wait cut short is contention: the server answered, so the status bar keeps
    "Connected" (it said "unreachable" for a moment while an owner upgraded the schema)."""
    s = Setup()
    owner = QObject()
    failed: list[BaseException] = []

    def busy() -> None:
        raise StorageBusy("The database was busy with a colleague's change; try again.")

    s.ops.read(owner, busy, on_failed=failed.append)
    s.settle(qtbot)
    assert s.monitor.reports == [] and [str(e) for e in failed] == [
        "The database was busy with a colleague's change; try again."
    ]
