"""The window through outages: it says so within 2 s, stays responsive, keeps every write, and
recovers by itself - also after `kill -9` and after the server killed its connections."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, make_url, text

from ticketflow_desktop.domain import Category, Priority, Status, StorageUnavailable, TicketChanges, TicketDraft
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings

from .proxy import FaultProxy

UNREACHABLE = "Database unreachable — retrying"
OUTAGE_NOTICE_MS = 2_000  # the promise: the status bar says so within 2 s of a cut


@pytest.fixture
def app_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[AppContext, MainWindow]]:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    context, window = build_window(settings)
    qtbot.addWidget(window)
    window.show()
    yield context, window
    context.close()


def open_window(qtbot: QtBot, context: AppContext, url: str) -> None:
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        context.open(url)
    qtbot.waitUntil(lambda: not context.tasks.is_busy(), timeout=10_000)


class LoopWatch:
    """The longest the GUI event loop went without running a 20 ms timer (an event-loop stall test)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def draft(title: str) -> TicketDraft:
    return TicketDraft(title, "written while the server was away", Category.BILLING, Priority.MEDIUM)


@pytest.mark.parametrize("fault", ["cut", pytest.param("stall", marks=pytest.mark.slow)])  # a stall: 6 s
def test_outages_are_shown_survived_and_nothing_is_lost(
    qtbot: QtBot,
    app_window: tuple[AppContext, MainWindow],
    proxy: FaultProxy,
    proxied_url: str,
    direct_service: TicketService,
    fault: str,
) -> None:
    context, window = app_window
    open_window(qtbot, context, proxied_url)
    assert window.connection_label.text() == "Connected"
    base = direct_service.create(draft("edited during outages"))
    version = base.version
    outages = 3
    for n in range(outages):
        watch = LoopWatch()
        getattr(proxy, fault)()
        qtbot.waitUntil(lambda: window.connection_label.text() == UNREACHABLE, timeout=OUTAGE_NOTICE_MS)
        if fault == "cut":
            # Writes during the outage: the ticket and the edit wait in the outbox, the user is told.
            outcomes: list[BaseException] = []
            context.writes.submit(window, draft(f"outage {n}"), on_failed=outcomes.append)
            context.writes.update(
                window, base.id, TicketChanges(title=f"title from outage {n}"), version, on_failed=outcomes.append
            )
            qtbot.waitUntil(lambda o=outcomes: len(o) == 2, timeout=10_000)
            assert all(isinstance(e, Queued) for e in outcomes), outcomes
            # The indicator reloads in a worker after each write; wait for the last reload's answer.
            qtbot.waitUntil(lambda: window.outbox_indicator.text() == "2 pending", timeout=5_000)
            assert window.outbox_indicator.isVisible()
            # Reads fail calmly meanwhile.
            failures: list[BaseException] = []
            context.tasks.read(context.service.page, on_failed=failures.append)  # type: ignore[union-attr]
            qtbot.waitUntil(lambda f=failures: bool(f), timeout=10_000)
            assert isinstance(failures[0], StorageUnavailable)
        qtbot.wait(300)
        watch.timer.stop()
        assert watch.longest < 0.5, f"the GUI thread stalled {watch.longest:.2f} s during the outage"

        changed: list[object] = []
        context.tickets_changed.connect(changed.append)
        proxy.restore()
        qtbot.waitUntil(lambda: window.connection_label.text() == "Connected", timeout=10_000)
        qtbot.waitUntil(lambda: not window.outbox_indicator.isVisible(), timeout=10_000)
        assert any(change.ids is None for change in changed)  # views were told to reload
        pages: list = []
        context.tasks.read(context.service.page, on_done=pages.append)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda p=pages: bool(p), timeout=10_000)
        if fault == "cut":
            version += 1
    stored = sorted(t.title for t in direct_service.iterate())
    if fault == "cut":
        assert stored == sorted([f"outage {n}" for n in range(outages)] + [f"title from outage {outages - 1}"])
        assert direct_service.get(base.id).version == 1 + outages
    else:
        assert stored == ["edited during outages"]


def test_a_database_down_at_start_is_opened_when_it_comes_back(
    qtbot: QtBot, app_window: tuple[AppContext, MainWindow], proxy: FaultProxy, proxied_url: str
) -> None:
    context, window = app_window
    proxy.cut()
    with qtbot.waitSignal(context.database_failed, timeout=15_000):
        context.open(proxied_url)
    assert window.connection_label.text() == UNREACHABLE
    queued: list[BaseException] = []
    context.writes.submit(window, draft("before the first connection"), on_failed=queued.append)
    qtbot.waitUntil(lambda: bool(queued), timeout=5_000)
    assert isinstance(queued[0], Queued)
    proxy.restore()
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        pass
    qtbot.waitUntil(lambda: window.connection_label.text() == "Connected", timeout=10_000)
    qtbot.waitUntil(lambda: not window.outbox_indicator.isVisible(), timeout=10_000)
    assert [t.title for t in context.service.iterate()] == ["before the first connection"]  # type: ignore[union-attr]


_KILLED_CLIENT = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings

app = QApplication([])
context, window = build_window(Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
queued = []

def report(error):
    queued.append(error)
    if len(queued) == 3:
        print("QUEUED", *(type(e).__name__ for e in queued), flush=True)

def submit(_message=None):
    for i in range(3):
        draft = TicketDraft(f"survives kill {i}", "typed before the crash", Category.GENERAL, Priority.LOW)
        context.writes.submit(window, draft, on_failed=report)

context.database_failed.connect(submit)
context.open(sys.argv[1])
app.exec()
"""


def test_the_outbox_survives_kill_9_and_is_sent_at_the_next_start(
    qtbot: QtBot,
    tmp_path: Path,
    app_window: tuple[AppContext, MainWindow],
    proxy: FaultProxy,
    proxied_url: str,
    direct_service: TicketService,
) -> None:
    proxy.cut()
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_CLIENT, proxied_url, str(tmp_path / "child.ini")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()  # type: ignore[union-attr]
    assert line.split() == ["QUEUED", "Queued", "Queued", "Queued"]
    assert child.returncode == -signal.SIGKILL
    proxy.restore()

    context, window = app_window  # the next start, same user data directory
    open_window(qtbot, context, proxied_url)
    qtbot.waitUntil(lambda: direct_service.count().value == 3, timeout=10_000)
    qtbot.waitUntil(lambda: not window.outbox_indicator.isVisible(), timeout=10_000)
    assert sorted(t.title for t in direct_service.iterate()) == [f"survives kill {i}" for i in range(3)]


def test_terminated_backends_do_not_break_the_next_operation(
    qtbot: QtBot, app_window: tuple[AppContext, MainWindow], pg_url: str, direct_service: TicketService
) -> None:
    context, window = app_window
    open_window(qtbot, context, pg_url)
    first = direct_service.create(draft("before terminate"))
    admin = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg2"), isolation_level="AUTOCOMMIT")
    database_name = make_url(pg_url).database
    try:
        for _round in range(2):
            with admin.connect() as connection:
                killed = connection.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = :db AND application_name LIKE 'ticketflow-desktop%'"
                        " AND pid <> pg_backend_pid()"
                    ),
                    {"db": database_name},
                ).scalar_one()
            assert killed >= 1
            done: list = []
            failed: list = []
            context.writes.update(
                window,
                first.id,
                TicketChanges(status=Status.IN_PROGRESS),
                first.version,
                on_done=done.append,
                on_failed=failed.append,
            )
            context.tasks.read(direct_service.get, first.id, on_done=done.append, on_failed=failed.append)
            qtbot.waitUntil(lambda d=done, f=failed: len(d) + len(f) == 2, timeout=10_000)
            assert failed == []
    finally:
        admin.dispose()
    assert direct_service.get(first.id).status is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: window.connection_label.text() == "Connected", timeout=5_000)


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup on the offscreen platform
def test_the_outbox_popup_retries_and_discards(
    qtbot: QtBot,
    app_window: tuple[AppContext, MainWindow],
    proxy: FaultProxy,
    proxied_url: str,
    direct_service: TicketService,
) -> None:
    from PySide6.QtCore import Qt

    context, window = app_window
    open_window(qtbot, context, proxied_url)
    proxy.cut()
    for title in ("keep me", "drop me"):
        context.writes.submit(window, draft(title))
    qtbot.waitUntil(lambda: window.outbox_indicator.text() == "2 pending", timeout=10_000)
    popup = window.outbox_indicator.popup
    qtbot.mouseClick(window.outbox_indicator, Qt.MouseButton.LeftButton)
    assert popup.isVisible()
    assert [popup.list.item(i).text() for i in range(popup.list.count())] == [
        "New ticket: keep me — waiting",
        "New ticket: drop me — waiting",
    ]
    popup.list.setCurrentRow(1)
    qtbot.mouseClick(popup.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.outbox_indicator.text() == "1 pending", timeout=10_000)
    proxy.restore()
    qtbot.waitUntil(lambda: window.connection_label.text() == "Connected", timeout=10_000)
    popup.list.setCurrentRow(0)
    qtbot.mouseClick(popup.retry_button, Qt.MouseButton.LeftButton)  # or the loop sends it first
    qtbot.waitUntil(lambda: not window.outbox_indicator.isVisible(), timeout=10_000)
    assert [t.title for t in direct_service.iterate()] == ["keep me"]
