"""The Dashboard tab on SQLite and PostgreSQL: its cards and chart data equal what the database holds."""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.clock import TEST_NOW, TEST_TODAY
from tests.ui.notices import heard
from ticketflow_desktop.domain import Category, Priority, Status, SuggestionSource, TicketChanges
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import NewTicket, bulk_insert
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dashboard.charts import day_x
from ticketflow_desktop.ui.dashboard.export import dashboard_rows, export_csv, export_png
from ticketflow_desktop.ui.dashboard.tab import DashboardTab
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import DARK, LIGHT, ThemeManager

# The offscreen platform warns whenever a top-level window's minimum size changes (the tab builds
# its charts on first show); real platforms do not.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
TODAY = TEST_TODAY


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def seed(url: str) -> None:
    """Six tickets: every count below follows from them."""
    database = open_database(url)

    def t(day: date, category: Category, priority: Priority, *changes: tuple[datetime, Status]) -> NewTicket:
        return NewTicket(
            "Mail bounces", "All mail to sales bounces", category, priority, at(day), status_changes=changes
        )

    bulk_insert(
        database,
        [
            t(ago(6), Category.BILLING, Priority.LOW, (at(ago(5)), Status.RESOLVED)),
            t(ago(6), Category.BILLING, Priority.CRITICAL, (at(ago(4)), Status.CLOSED)),
            t(ago(3), Category.TECHNICAL, Priority.CRITICAL, (at(ago(3), 12), Status.IN_PROGRESS)),
            t(ago(2), Category.TECHNICAL, Priority.HIGH),
            t(TODAY, Category.TECHNICAL, Priority.HIGH),
            t(TODAY, Category.ACCOUNT, Priority.HIGH),
        ],
    )
    database.dispose()


@pytest.fixture
def context(qtbot: QtBot, database_url: str, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(
        Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), clock=FixedClock(TEST_NOW)
    )
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        context.open(database_url)
    yield context
    context.close()


def shown_tab(qtbot: QtBot, context: AppContext, **kw: object) -> DashboardTab:
    tab = DashboardTab(context, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.loads >= 1, timeout=15_000)
    return tab


def reload(qtbot: QtBot, tab: DashboardTab, action) -> None:
    before = tab.loads
    action()
    qtbot.waitUntil(lambda: tab.loads > before, timeout=15_000)


def test_cards_and_charts_equal_the_database(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    assert tab.stack.currentWidget() is tab.content_page
    card = {name: c.value.text() for name, c in tab.cards.items()}
    assert card["total"] == "6"
    assert [card[s] for s in Status] == ["3", "1", "0", "1", "1"]
    assert card["created_in_range"] == "6" and card["resolved_in_range"] == "2"  # in the last 30 days
    assert tab.cards["created_in_range"].hint.text() == "0.20 per day"
    assert card["median"] == "1.5 days"  # first resolutions after 1 and 2 days

    assert tab.priority_chart.labels == ["Low", "Medium", "High", "Critical"]
    assert list(tab.priority_chart.bars.opts["height"]) == [1, 0, 3, 2]  # medium: a zero, not missing
    assert [t.textItem.toPlainText() for t in tab.priority_chart.value_labels] == ["1", "0", "3", "2"]
    assert list(tab.category_chart.bars.opts["height"]) == [2, 3, 1, 0]
    assert "General&nbsp;<b>0</b>" in tab.panels["category"].legend.text()
    assert "Technical&nbsp;<b>3</b>" in tab.panels["category"].legend.text()
    assert list(tab.status_chart.bars.opts["height"]) == [3, 1, 0, 1, 1]

    days = [ago(n) for n in range(29, -1, -1)]
    xs, created = tab.flow_chart.curves[0].getData()
    assert list(xs) == [day_x(d) for d in days]
    expected_created = dict.fromkeys(days, 0) | {ago(6): 2, ago(3): 1, ago(2): 1, TODAY: 2}
    assert list(created) == list(expected_created.values())
    _xs, resolved = tab.flow_chart.curves[1].getData()
    assert list(resolved) == list((dict.fromkeys(days, 0) | {ago(5): 1, ago(4): 1}).values())
    _xs, backlog = tab.backlog_chart.curves[0].getData()
    assert list(backlog)[-8:] == [0, 2, 1, 0, 1, 2, 2, 4]

    assert tab.priority_chart.hover_text(2.1) == "High: 3"
    assert tab.priority_chart.hover_text(1.5) is None
    assert "Created: 2" in tab.flow_chart.hover_text(day_x(ago(6)) + 3600)
    assert "Open backlog: 4" in tab.backlog_chart.hover_text(day_x(TODAY))


def test_range_choice_changes_the_series(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    reload(qtbot, tab, lambda: tab.range_combo.setCurrentIndex(tab.range_combo.findData(7)))
    xs, created = tab.flow_chart.curves[0].getData()
    assert len(xs) == 7 and list(created) == [2, 0, 0, 1, 1, 0, 2]
    reload(qtbot, tab, lambda: tab.range_combo.setCurrentIndex(tab.range_combo.count() - 1))  # all time
    assert len(tab.backlog_chart.curves[0].getData()[0]) == 7
    assert tab.panels["flow"].scope.text() == "all time"
    # 6 tickets over the 7 calendar days from the first one to today
    assert tab.cards["created_in_range"].hint.text() == "0.86 per day"


def test_empty_database_says_so(qtbot: QtBot, context: AppContext) -> None:
    tab = shown_tab(qtbot, context)
    assert tab.stack.currentWidget() is tab.empty_page
    assert tab.empty_title.text() == "No tickets yet"
    assert not tab.csv_button.isEnabled()
    assert list(tab.priority_chart.bars.opts["height"]) == [0, 0, 0, 0]


def seed_older(url: str) -> None:
    """One more ticket, created 20 days ago and resolved 10 days ago: inside 30 days, outside 7."""
    database = open_database(url)
    ticket = NewTicket(
        "Printer offline",
        "Floor 2",
        Category.TECHNICAL,
        Priority.LOW,
        at(ago(20)),
        status_changes=((at(ago(10)), Status.RESOLVED),),
    )
    bulk_insert(database, [ticket])
    database.dispose()


def in_range(tab: DashboardTab) -> tuple[str, str]:
    """The Created and Resolved-or-closed cards: the numbers of the chosen range."""
    return tab.cards["created_in_range"].value.text(), tab.cards["resolved_in_range"].value.text()


def test_the_range_sets_created_and_resolved_and_is_remembered(
    qtbot: QtBot, context: AppContext, database_url: str, tmp_path: Path
) -> None:
    seed(database_url)
    seed_older(database_url)
    tab = shown_tab(qtbot, context)
    assert tab.range_combo.currentData() == 30
    assert in_range(tab) == ("7", "3")
    reload(qtbot, tab, lambda: tab.range_combo.setCurrentIndex(tab.range_combo.findData(7)))
    assert in_range(tab) == ("6", "2")
    assert tab.cards["created_in_range"].scope.text() == "last 7 days"
    assert tab.cards["total"].value.text() == "7"  # a current total: the range does not apply

    # A restart: a new context on the same settings file opens the dashboard on the last 7 days.
    again = AppContext(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), clock=context.clock)
    try:
        with qtbot.waitSignal(again.database_opened, timeout=15_000):
            again.open(database_url)
        second = shown_tab(qtbot, again)
        assert second.range_combo.currentData() == 7
        assert in_range(second) == ("6", "2")
        reload(qtbot, second, lambda: second.range_combo.setCurrentIndex(second.range_combo.count() - 1))
        assert again.settings.get("dashboard_range") == 0  # all time
        assert in_range(second) == ("7", "3")
    finally:
        again.tasks.wait_idle()
        again.close()


def test_every_card_and_chart_says_the_span_it_covers(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    scopes = {name: card.scope.text() for name, card in tab.cards.items()}
    assert scopes == {
        "created_in_range": "last 30 days",
        "resolved_in_range": "last 30 days",
        "total": "now",
        **dict.fromkeys(Status, "now"),
        "median": "all time",
        **dict.fromkeys(SuggestionSource, "all time"),
    }
    charts = {name: panel.scope.text() for name, panel in tab.panels.items()}
    assert charts == {
        "priority": "now",
        "category": "now",
        "status": "now",
        "flow": "last 30 days",
        "backlog": "last 30 days",
        "sla_trend": "last 30 days",
        "sla_agents": "last 30 days",
        "acceptance": "last 30 days",
    }
    assert all(card.scope.isVisible() for card in tab.cards.values())
    assert all(panel.scope.isVisible() for panel in tab.panels.values())


def test_no_tickets_yet_is_never_said_before_the_numbers_arrive(
    qtbot: QtBot, database_url: str, tmp_path: Path
) -> None:
    context = AppContext(
        Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), clock=FixedClock(TEST_NOW)
    )
    try:
        tab = DashboardTab(context)
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitUntil(lambda: tab.built, timeout=15_000)
        qtbot.wait(50)
        assert tab.stack.currentWidget() is tab.empty_page
        assert tab.empty_title.text() == "Connecting…"
        assert "No tickets yet" not in [label.text() for label in tab.findChildren(QLabel) if label.isVisible()]
        with qtbot.waitSignal(context.database_opened, timeout=15_000):
            context.open(database_url)
        qtbot.waitUntil(lambda: tab.loads >= 1, timeout=15_000)
        assert tab.empty_title.text() == "No tickets yet"
        assert "File → Import CSV…" in tab.empty_hint.text()  # what the window offers (ui/transfer.py)
    finally:
        context.tasks.wait_idle()
        context.close()


def test_a_colleagues_change_reaches_the_dashboard(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    colleague = open_database(database_url)  # a second instance of the app, on the same database
    try:
        service = TicketService(colleague, context.clock)
        ticket = service.page().tickets[0]  # newest: one of today's open tickets
        service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)
    finally:
        colleague.dispose()
    assert tab.cards[Status.RESOLVED].value.text() == "1"  # nothing is polled
    requests = tab.requests
    # The live feed announces it, as a burst: one refresh follows, after the pause.
    reload(qtbot, tab, lambda: [context.ops.announce(Change.of({ticket.id}, ChangeKind.UPDATED)) for _ in range(5)])
    assert tab.requests == requests + 1
    assert tab.cards[Status.RESOLVED].value.text() == "2"
    assert tab.cards[Status.OPEN].value.text() == "2"
    assert tab.flow_chart.curves[1].getData()[1][-1] == 1  # resolved today


def test_hidden_tab_waits_until_shown(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    tab = shown_tab(qtbot, context)
    tab.hide()
    seed(database_url)
    requests = tab.requests
    context.ops.announce(Change.unknown(ChangeKind.RELOAD))
    qtbot.waitUntil(lambda: not tab._debounce.isActive(), timeout=5_000)
    assert tab.requests == requests and tab.stale
    reload(qtbot, tab, tab.show)
    assert tab.cards["total"].value.text() == "6" and not tab.stale


def test_theme_switch_recolours_the_charts(qtbot: QtBot, context: AppContext) -> None:
    app = QApplication.instance()
    theme = ThemeManager(app, "light")
    try:
        tab = shown_tab(qtbot, context, theme=theme)
        assert tab.priority_chart.widget.backgroundBrush().color().name() == LIGHT.surface
        theme.set_choice("dark")
        for chart in (tab.priority_chart, tab.flow_chart, tab.backlog_chart):
            assert chart.widget.backgroundBrush().color().name() == DARK.surface
            assert chart.widget.getAxis("left").textPen().color().name() == DARK.text_muted
        assert tab.priority_chart.value_labels[0].color.name() == DARK.text
        assert tab.flow_chart.curves[0].opts["pen"].color().name() == DARK.accent
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
        theme.deleteLater()


def test_exports_write_the_numbers_and_the_charts(
    qtbot: QtBot, context: AppContext, database_url: str, tmp_path: Path
) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    path = tmp_path / "dashboard.csv"
    export_csv(tab.dashboard, path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["section", "name", "value"]
    assert ["priority", "medium", "0"] in rows and ["category", "billing", "2"] in rows
    assert ["created_per_day", TODAY.isoformat(), "2"] in rows
    assert [list(r) for r in dashboard_rows(tab.dashboard)] == rows[1:]
    png = tmp_path / "priority.png"
    export_png(tab.panels["priority"], png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() == tab.panels["priority"].width()
    with pytest.raises(OSError):
        export_png(tab.panels["priority"], tmp_path / "missing" / "x.png")


def test_launch_does_not_import_pyqtgraph(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QSettings\n"
        "app = QApplication([])\n"
        "from ticketflow_desktop.ui.app import build_window\n"
        "from ticketflow_desktop.ui.settings import Settings\n"
        f"s = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "context, window = build_window(s)\n"
        "window.show(); app.processEvents()\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_a_hidden_tab_prepared_at_a_pause_shows_its_numbers_at_once(
    qtbot: QtBot, context: AppContext, database_url: str
) -> None:
    seed(database_url)
    tab = DashboardTab(context)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.prepare()  # what the main window does at the user's first pause, before any switch
    qtbot.waitUntil(lambda: tab.loads >= 1, timeout=15_000)
    assert not tab.isVisible() and tab.built
    assert tab.cards["total"].value.text() == "6"
    assert list(tab.priority_chart.bars.opts["height"]) == [1, 0, 3, 2]
    requests = tab.requests
    tab.show()
    qtbot.wait(50)
    assert tab.requests == requests  # nothing to fetch: the numbers are already in
    assert tab.cards["total"].value.text() == "6"


def test_the_grid_lines_sit_at_the_count_axis_ticks(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    chart = tab.priority_chart  # counts 1, 0, 3, 2: ticks 0, 1, 2, 3 up to 3 x 1.18
    ticks = [value for value, _label in chart.widget.getAxis("left")._tickLevels[0]]
    assert ticks == [0, 1, 2, 3]
    xs, ys = chart.scale.lines.getData()
    assert list(ys) == [1, 1, 2, 2, 3, 3]  # one line per tick above the axis
    assert list(xs) == [-0.6, 3.6] * 3  # across the whole plot


@given(st.integers(min_value=0, max_value=10**9))
def test_count_ticks_are_few_whole_and_round(top: int) -> None:
    from ticketflow_desktop.ui.dashboard.charts import count_label, count_ticks

    ticks = count_ticks(top)
    assert ticks[0] == 0 and 1 <= len(ticks) <= 5 and ticks[-1] <= max(top, 0)
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) <= 1  # evenly spaced
    if steps:
        step = steps.pop()
        assert int(str(step).rstrip("0")) in (1, 2, 5)  # 1, 2 or 5 times a power of ten
        assert top - ticks[-1] < step  # no room left for another line
    labels = [count_label(v) for v in ticks]
    assert len(set(labels)) == len(labels) and all(len(label) <= 5 for label in labels)


def test_saving_a_chart_asks_in_the_documents_folder_without_blocking(
    qtbot: QtBot, context: AppContext, database_url: str, tmp_path: Path
) -> None:
    seed(database_url)
    tab = shown_tab(qtbot, context)
    documents = Path.home() / "Documents"
    documents.mkdir()
    dialog = tab._export_png_clicked("priority")  # returns at once: the dialog is opened, not exec'd
    assert dialog.isVisible() and Path(dialog.directory().absolutePath()) == documents
    assert dialog.selectedFiles()[0] == str(documents / "priority.png")
    with qtbot.waitSignal(heard(context).posted, timeout=5_000) as notice:
        dialog.accept()
    assert notice.args == [f"Saved {documents / 'priority.png'}", "success"]
    assert not QImage(str(documents / "priority.png")).isNull()


def test_a_ticket_from_year_one_is_drawn_per_run_of_years(qtbot: QtBot, context: AppContext, database_url: str) -> None:
    """All time with a ticket dated year 1: about 700 points, not 740,000 days (7.4 s and 900 MB once)."""
    database = open_database(database_url)
    ancient = datetime(1, 1, 1, 9, tzinfo=UTC)
    bulk_insert(
        database,
        [
            NewTicket("Ancient", "Dated year 1 by a broken import", Category.GENERAL, Priority.LOW, ancient),
            NewTicket("Today", "A ticket of today", Category.GENERAL, Priority.LOW, at(TODAY)),
        ],
    )
    database.dispose()
    tab = shown_tab(qtbot, context)
    reload(qtbot, tab, lambda: tab.range_combo.setCurrentIndex(tab.range_combo.count() - 1))  # all time
    assert tab.dashboard is not None and tab.dashboard.range_days is None
    assert 600 < len(tab.flow_chart.days) <= 1000
    assert tab.panels["flow"].title.text() == "Created and resolved per 3 years"
    assert tab.flow_chart.hover_text(day_x(date(1, 1, 1))) == "3 years from 1\nCreated: 1\nResolved: 0"
    assert sum(tab.flow_chart.values[0]) == 2
    assert next(row for row in dashboard_rows(tab.dashboard) if row[0] == "created_per_3_years")[1] == "0001-01-01"
