"""A real main window on a real database (SQLite unless a test says otherwise), with the Tickets tab shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.databases import service_at
from tests.ui.harness import App, settled
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.ui.theme import ThemeManager
from ticketflow_desktop.ui.tickets.model import TicketTableModel


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
def round_the_clock(service: TicketService, clock: FixedClock) -> SlaService:
    """The team's SLA clocks running every hour of every day (UTC): a test's minutes are business minutes."""
    sla = SlaService(service.database, clock)
    sla.set_calendar("Mon-Sun 00:00-24:00", "UTC")
    return sla


@pytest.fixture
def themed() -> Iterator[ThemeManager]:
    """The theme's style sheet, as the app always has it (its header is taller than the bare style's)."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    theme = ThemeManager(qapp, "light")
    yield theme
    qapp.setStyleSheet("")
    qapp.setPalette(qapp.style().standardPalette())
    theme.deleteLater()


@pytest.fixture
def open_app(make_app: Callable[..., App]) -> Callable[..., App]:
    """The main window with the Tickets tab shown, its first page read (see make_app in tests/ui/conftest.py)."""

    def start(settings_name: str = "s.ini", size: tuple[int, int] = (1280, 800)) -> App:
        return make_app(settings_name=settings_name, size=size, tab="tickets")

    return start
