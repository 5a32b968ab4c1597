"""A real main window, themed, on a real SQLite database holding tickets, with a ticket selected."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager


@contextmanager
def populated_window(
    qtbot: QtBot, settings: Settings, theme: ThemeManager, clock: FixedClock, folder: Path, tickets: int = 40
) -> Iterator[MainWindow]:
    url = f"sqlite:///{folder / 'shell.sqlite3'}"
    database = open_database(url)
    bulk_insert(database, synthetic_tickets(tickets))
    database.dispose()
    context, window = build_window(settings, theme=theme, clock=clock)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        context.open(url)
    model = window.tickets_tab.model
    qtbot.waitUntil(lambda: model.state not in ("opening", "loading") and not model.is_fetching(), timeout=10_000)
    window.tickets_tab.table.selectRow(0)  # the detail panel shows a ticket: all of its controls are there
    try:
        yield window
    finally:
        window.toasts.dismiss_all()
        context.tasks.wait_idle()
        context.close()
