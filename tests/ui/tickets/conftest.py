"""A real main window on a real database, with the Tickets tab shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.databases import service_at
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.tickets.model import TicketTableModel
from ticketflow_desktop.ui.tickets.tab import TicketsTab


@dataclass
class App:
    context: AppContext
    window: MainWindow
    tab: TicketsTab
    model: TicketTableModel
    settings: Settings


def settled(model: TicketTableModel) -> bool:
    return model.state not in ("opening", "loading") and not model.is_fetching()


def load_all(qtbot: QtBot, model: TicketTableModel) -> None:
    """Fetch every page, as scrolling to the end would."""
    qtbot.waitUntil(lambda: settled(model), timeout=10_000)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.is_fetching(), timeout=10_000)


def shown_ids(model: TicketTableModel) -> list[int]:
    return [model.ticket_id(row) for row in range(model.rowCount())]


@pytest.fixture
def seed(database: Database) -> Callable[[int], None]:
    def load(n: int) -> None:
        bulk_insert(database, synthetic_tickets(n))

    return load


@pytest.fixture
def other_service(database_url: str, clock: FixedClock) -> Iterator[TicketService]:
    """A colleague: another engine on the same database."""
    with service_at(database_url, clock) as service:
        yield service


@pytest.fixture
def open_app(qtbot: QtBot, tmp_path: Path, database_url: str, clock: FixedClock) -> Iterator[Callable[..., App]]:
    contexts: list[AppContext] = []
    windows: list[MainWindow] = []

    def start(settings_name: str = "s.ini", size: tuple[int, int] = (1280, 800)) -> App:
        settings = Settings(QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat))
        context, window = build_window(settings, clock=clock)
        contexts.append(context)
        windows.append(window)
        qtbot.addWidget(window)
        window.resize(*size)
        window.tabs.setCurrentWidget(window.tickets_tab)
        window.show()
        with qtbot.waitSignal(context.database_opened, timeout=15_000):
            context.open(database_url)
        model = window.tickets_tab.model
        qtbot.waitUntil(lambda: settled(model), timeout=10_000)
        return App(context, window, window.tickets_tab, model, settings)

    yield start
    for context, window in zip(contexts, windows, strict=True):
        # The feed's connection and the pool's go now, not whenever the garbage collector gets to
        # them: a PostgreSQL server allows 100, and each window holds several.
        window.live.stop()
        context.close()
