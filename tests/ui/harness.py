"""What the window's tests share: the App that make_app builds, and the checks of what a test left behind."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import make_url

from ticketflow_desktop.storage.outbox_store import default_outbox_path
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.errors import ExceptionHandler
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.tickets.model import TicketTableModel
from ticketflow_desktop.ui.tickets.tab import TicketsTab

THREAD_GRACE_S = 5.0  # a thread told to stop (the change feed) may take a moment to end


@dataclass
class App:
    """A main window on its own database: what a test drives and looks at."""

    context: AppContext
    window: MainWindow
    settings: Settings
    crashes: ExceptionHandler  # wired as start_gui wires it: a bug in a background task reaches it

    @property
    def tab(self) -> TicketsTab:
        return self.window.tickets_tab

    @property
    def model(self) -> TicketTableModel:
        return self.window.tickets_tab.model


def settled(model: TicketTableModel) -> bool:
    return model.state not in ("opening", "loading") and not model.is_fetching()


@dataclass
class ExpectedLog:
    logger: str
    level: int
    pattern: re.Pattern[str]
    required: bool = True  # False: may come (e.g. from work still running when the test ends)
    seen: int = 0


class LogWatch(logging.Handler):
    """WARNING-or-worse records of ticketflow_desktop's loggers, for the end of the test."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def visible_top_levels() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def close_left_open(widgets: set[QWidget]) -> list[str]:
    """Close top-level widgets a test left open; say which they were."""
    described = []
    for widget in widgets:
        described.append(f"{type(widget).__name__} {widget.windowTitle()!r}")
        widget.close()
    return sorted(described)


def leftovers(
    left_open: list[str],
    threads_before: set[threading.Thread],
    records: list[logging.LogRecord],
    expected: list[ExpectedLog],
) -> list[str]:
    problems: list[str] = []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    problems.extend(f"a visible top-level widget: {what}" for what in left_open)
    new_threads = [
        t
        for t in threading.enumerate()
        if t not in threads_before and not isinstance(t, threading._DummyThread)  # Qt's pool threads
    ]
    for thread in new_threads:
        thread.join(THREAD_GRACE_S / max(1, len(new_threads)))
        if thread.is_alive():
            problems.append(f"a running thread: {thread.name!r}")
    for record in records:
        wanted = next(
            (
                e
                for e in expected
                if record.name.startswith(e.logger)
                and record.levelno >= e.level
                and e.pattern.search(record.getMessage())
            ),
            None,
        )
        if wanted is None:
            problems.append(f"an unexpected log record: {record.levelname} {record.name}: {record.getMessage()}")
        else:
            wanted.seen += 1
    problems.extend(
        f"an expected log record that never came: {e.logger} {logging.getLevelName(e.level)} /{e.pattern.pattern}/"
        for e in expected
        if e.required and not e.seen
    )
    return problems


# --- real faults for the write surfaces -------------------------------------------------------------


@contextmanager
def write_locked(database_url: str) -> Iterator[None]:
    """Another program holds the SQLite file's write lock (an open write transaction) until the block ends.

    Readers go on (WAL); a writer waits out the busy timeout and is told the file is locked."""
    path = make_url(database_url).database
    assert path, database_url
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def break_the_outbox() -> Path:
    """A folder where the outbox file should be: the local outbox cannot be opened (a damaged profile)."""
    path = default_outbox_path()
    path.mkdir(parents=True)
    return path


class WriteBug(RuntimeError):
    """A bug in our own write code (raised by a patched service method)."""
