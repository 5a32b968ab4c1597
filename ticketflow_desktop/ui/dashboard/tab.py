"""The Dashboard tab: cards and charts computed by the database, live and themed.

Each card and chart says what span it covers: the chosen range (created and resolved, per day and in
sum, from the per-day summary), "now" (the current totals by status, priority and category: the
summary tables hold no history of them) or "all time" (resolution times, suggestions kept). The
range is remembered in the settings.

pyqtgraph (ui/dashboard/charts.py) is not imported at launch: the main window has a worker import it
at the user's first pause and then calls `prepare()`, which builds the charts and loads the numbers
while the tab is still hidden, so that the first switch to it only paints. Changes announced by
`tickets_changed` refresh the numbers after a short pause, and only while the tab is visible; a
hidden tab is marked stale and refreshes when shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import Category, Priority, Status, SuggestionSource, TicketFlowError
from ticketflow_desktop.domain.analytics import RANGES, Dashboard, range_label
from ticketflow_desktop.domain.sla import Attainment
from ticketflow_desktop.services.analytics import AnalyticsService
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.suggestion_outcomes import SuggestionOutcomes, WeekAcceptance
from ticketflow_desktop.ui.connection import ConnectionState
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dashboard.export import export_csv, export_png
from ticketflow_desktop.ui.theme import CATEGORY_COLOURS, LIGHT, PRIORITY_COLOURS, STATUS_COLOURS, ThemeManager, Tokens
from ticketflow_desktop.ui.transfer import file_dialog
from ticketflow_desktop.ui.words import error_words

if TYPE_CHECKING:
    from ticketflow_desktop.ui.dashboard.charts import BarChart, TimeChart

DEBOUNCE_MS = 300
DEFAULT_RANGE = 30
RANGE_SETTING = "dashboard_range"  # days; 0 stands for all time (None)
ALL_TIME_WEEKS = 26  # a per-week chart over all time shows the last half year
# The span of the numbers that are not over the chosen range.
NOW = "now"
ALL_TIME = "all time"
# The cards, row by row: five across on a wide window (the chosen range and all time, then now), four
# on a narrow one (range, then now, then the suggestions).
CARD_ROWS_WIDE: tuple[tuple[str, ...], ...] = (  # names, statuses and sources (str enums)
    ("created_in_range", "resolved_in_range", "median", SuggestionSource.LLM, SuggestionSource.LOCAL),
    ("total", Status.OPEN, Status.IN_PROGRESS, Status.PENDING, Status.RESOLVED, Status.CLOSED),
)
CARD_ROWS_NARROW: tuple[tuple[str, ...], ...] = (
    ("created_in_range", "resolved_in_range", "median", "total"),
    (Status.OPEN, Status.IN_PROGRESS, Status.PENDING, Status.RESOLVED, Status.CLOSED),
    (SuggestionSource.LLM, SuggestionSource.LOCAL),
)
# Under a bar, where five statuses share a third of the window.
SHORT_LABELS = {Status.PENDING: "Waiting"}
WIDE = 1000  # px: from here on, three columns of charts


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes = seconds / 60
    if minutes < 1:
        return f"{seconds:.0f} s"
    if minutes < 60:
        return f"{minutes:.0f} min"
    hours = minutes / 60
    if hours < 24:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


def scope_of_range(days: int | None) -> str:
    return range_label(days).lower()


def stored_range(value: object) -> int | None:
    """The range kept in the settings, or the default when it is not one the dashboard offers."""
    days = None if value == 0 else value
    return days if days in RANGES else DEFAULT_RANGE


def weeks_of_range(days: int | None) -> int:
    """The weeks a per-week chart shows for the chosen range: all time is the last half year."""
    return ALL_TIME_WEEKS if days is None else max(1, -(-days // 7))


def per_day(count: int, days: int) -> str:
    return f"{count / days:,.2f} per day" if days else ""


def format_share(accepted: int, offered: int) -> tuple[str, str]:
    if not offered:
        return "—", "no suggestions yet"
    return f"{accepted / offered:.0%}", f"{accepted:,} of {offered:,} kept"


def scope_label(scope: str) -> QLabel:
    """The small caption that says which span a number covers ("now", "all time", "last 30 days")."""
    label = QLabel(scope)
    label.setProperty("role", "muted")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setItalic(True)
    label.setFont(font)
    tips = {
        NOW: "Current totals: the range above does not apply to them",
        ALL_TIME: "Since the first ticket: the range above does not apply to them",
    }
    label.setToolTip(tips.get(scope, "The range chosen above"))
    return label


class Card(QFrame):
    """One number with its name, the span it covers and a short explanation."""

    def __init__(self, title: str, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        self.title = QLabel(title)
        self.title.setProperty("role", "muted")
        self.scope = scope_label(scope)
        self._top = QHBoxLayout()
        self._top.setSpacing(8)
        self._top.addWidget(self.title)
        self._top.addStretch(1)
        self._top.addWidget(self.scope)
        layout.addLayout(self._top)
        self.stacked = False
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.hint = QLabel("")
        self.hint.setProperty("role", "muted")
        for label in (self.value, self.hint):
            layout.addWidget(label)

    def set(self, value: str, hint: str = "") -> None:
        self.value.setText(value)
        self.hint.setText(hint)

    def set_stacked(self, stacked: bool) -> None:
        """The span under the title (a narrow card) or beside it."""
        if stacked == self.stacked:
            return
        self.stacked = stacked
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        if stacked:
            self._top.removeWidget(self.scope)
            layout.insertWidget(1, self.scope)
        else:
            layout.removeWidget(self.scope)
            self._top.addWidget(self.scope)


class ChartPanel(QFrame):
    """A chart on a card: a title, the span it covers, a button to save it as PNG, the chart, an optional legend."""

    def __init__(self, title: str, scope: str, chart_widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        header = QHBoxLayout()
        self.title = QLabel(title)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.scope = scope_label(scope)
        self.save_button = QToolButton()
        self.save_button.setText("PNG…")
        self.save_button.setToolTip(f"Save “{title}” as a PNG image")
        self.save_button.setAutoRaise(True)
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.scope)
        header.addWidget(self.save_button)
        layout.addLayout(header)
        layout.addWidget(chart_widget, 1)
        # No word wrap: a wrapping label makes the scroll area size the page by preferred heights.
        self.legend = QLabel()
        self.legend.hide()
        layout.addWidget(self.legend)


class DashboardTab(QWidget):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        theme: ThemeManager | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # The main window owns the theme manager; take it from there unless given.
        self.theme = theme if theme is not None else getattr(parent, "theme", None)
        self.tokens: Tokens = self.theme.tokens if self.theme is not None else LIGHT
        self.range_days: int | None = stored_range(context.settings.get(RANGE_SETTING))
        self.dashboard: Dashboard | None = None
        self.sla_attainment: Attainment | None = None
        self.acceptance_weeks: list[WeekAcceptance] | None = None
        self.building = False
        self.built = False  # every chart made: refreshes can show numbers
        self.stale = True
        self.requests = 0  # refreshes asked of the database
        self.loads = 0  # refreshes shown

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._refresh_if_visible)
        context.tickets_changed.connect(self._on_tickets_changed)
        # Methods, not lambdas: Qt drops these connections when the tab is deleted.
        context.database_opened.connect(self._on_database_opened)
        context.connection_state.connect(self._on_connection_state)
        if self.theme is not None:
            self.theme.changed.connect(self.apply_tokens)

        self.rendered = False  # laid out and painted once, off screen or on
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)

    # --- building (on first show) --------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.rendered = True
        if not self.building:
            self._build()
        if self.stale:
            self.refresh()

    def prepare(self) -> None:
        """Build the charts and load the numbers now, hidden, at the size the tab will be shown at.

        Made on the first switch instead, the plots and their numbers took 13-50 ms a turn here.
        """
        if self.building:
            return
        parent = self.parentWidget()
        if not self.isVisible() and parent is not None:
            self.resize(parent.size())  # a hidden page of a QStackedWidget is not resized
        self._build()

    def _render_hidden(self) -> None:
        """Lay out and paint the hidden tab off screen, a part a turn: the first switch then finds the
        layouts done, the axes drawn and the glyphs cached (done at the switch, 80 ms in one turn here)."""
        self.rendered = True
        region = QRect(0, 0, 1, 1)  # grab() lays out what is pending; one pixel paints next to nothing
        parts: list[Callable[[], object]] = [lambda: self.grab(region)]
        parts += [panel.grab for panel in self.panels.values()]
        parts += [card.grab for card in self.cards.values()]

        def while_hidden(part: Callable[[], object]) -> Callable[[], object]:
            return lambda: None if self.isVisible() else part()

        self._one_per_turn([while_hidden(part) for part in parts])

    def _build(self) -> None:
        """The header and the cards now; the charts over the next turns of the event loop (`built` then)."""
        # pyqtgraph, imported on first show (a worker usually imported it already: see main_window).
        from ticketflow_desktop.ui.dashboard import charts

        self._charts = charts
        self.building = True
        header = QHBoxLayout()
        heading = QLabel("Dashboard")
        heading.setProperty("role", "heading")
        self.status_label = QLabel("")
        self.status_label.setProperty("role", "muted")
        self.range_combo = QComboBox()
        for days in RANGES:
            self.range_combo.addItem(range_label(days), days)
        self.range_combo.setCurrentIndex(RANGES.index(self.range_days))
        self.range_combo.setToolTip("The span of the numbers marked with it; the others say “now” or “all time”")
        self.range_combo.currentIndexChanged.connect(self._range_chosen)
        self.csv_button = QPushButton("Save numbers as CSV…")
        self.csv_button.setToolTip("Save every number on the dashboard as CSV")
        self.csv_button.clicked.connect(self._export_csv_clicked)
        header.addWidget(heading)
        header.addSpacing(12)
        header.addWidget(self.status_label)
        header.addStretch(1)
        header.addWidget(self.range_combo)
        header.addWidget(self.csv_button)
        self._layout.addLayout(header)

        self.stack = QStackedWidget()
        self._layout.addWidget(self.stack, 1)
        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch(1)
        # Says "Connecting…" until the first numbers arrive, "No tickets yet" only when they say so.
        self.empty_title = QLabel()
        self.empty_title.setProperty("role", "heading")
        self.empty_hint = QLabel()
        self.empty_hint.setProperty("role", "muted")
        for label in (self.empty_title, self.empty_hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.addWidget(label)
        empty.addStretch(2)
        self.stack.addWidget(self.empty_page)
        self._show_waiting()

        content = QWidget()
        grid = QVBoxLayout(content)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setSpacing(10)
        cards = QGridLayout()
        cards.setSpacing(10)
        in_range = scope_of_range(self.range_days)
        self.cards = {
            "created_in_range": Card("Created", in_range),
            "resolved_in_range": Card("Resolved or closed", in_range),
            "total": Card("Total", NOW),
            Status.OPEN: Card(Status.OPEN.label, NOW),
            Status.IN_PROGRESS: Card(Status.IN_PROGRESS.label, NOW),
            Status.PENDING: Card(Status.PENDING.label, NOW),
            Status.RESOLVED: Card(Status.RESOLVED.label, NOW),
            Status.CLOSED: Card(Status.CLOSED.label, NOW),
            "median": Card("Median time to resolve", ALL_TIME),
            SuggestionSource.LLM: Card("Model suggestions kept", ALL_TIME),
            SuggestionSource.LOCAL: Card("Local suggestions kept", ALL_TIME),
        }
        self.cards_grid = cards
        grid.addLayout(cards)
        self._content = content
        self.panels: dict[str, ChartPanel] = {}
        # Each pyqtgraph plot costs ~10 ms to make: one per turn of the event loop, so the first
        # switch to the tab never freezes the window for their sum.
        self._one_per_turn(
            [
                self._make_priority_chart,
                self._make_category_chart,
                self._make_status_chart,
                self._make_flow_chart,
                self._make_backlog_chart,
                self._make_sla_charts,
                self._make_acceptance_chart,
                self._place_charts,
            ]
        )

    def _one_per_turn(self, steps: list[Callable[[], object]]) -> None:
        """Run the steps in order, one per turn of the event loop, so that input is handled between them."""
        remaining = iter(steps)

        def next_step() -> None:
            step = next(remaining, None)
            if step is not None:
                step()
                QTimer.singleShot(0, self, next_step)

        QTimer.singleShot(0, self, next_step)  # not in the caller's turn, which has work of its own

    def _bar_chart(self, name: str, title: str, members: list, colours: dict) -> BarChart:
        labels = [SHORT_LABELS.get(m, m.label) for m in members]
        chart = self._charts.BarChart(labels, [colours[m] for m in members])
        self.panels[name] = ChartPanel(title, NOW, chart.widget)  # current totals: no history of them is kept
        return chart

    def _make_priority_chart(self) -> None:
        self.priority_chart = self._bar_chart("priority", "Tickets by priority", list(Priority), PRIORITY_COLOURS)

    def _make_category_chart(self) -> None:
        self.category_chart = self._bar_chart("category", "Tickets by category", list(Category), CATEGORY_COLOURS)
        self.panels["category"].legend.show()

    def _make_status_chart(self) -> None:
        self.status_chart = self._bar_chart("status", "Tickets by status", list(Status), STATUS_COLOURS)

    def _make_flow_chart(self) -> None:
        lines = [("Created", self.tokens.accent, False), ("Resolved", STATUS_COLOURS[Status.RESOLVED], False)]
        self.flow_chart: TimeChart = self._charts.TimeChart(lines)
        self.panels["flow"] = ChartPanel(
            "Created and resolved per day", scope_of_range(self.range_days), self.flow_chart.widget
        )

    def _make_backlog_chart(self) -> None:
        line = ("Open backlog", STATUS_COLOURS[Status.IN_PROGRESS], True)
        self.backlog_chart: TimeChart = self._charts.TimeChart([line])
        self.panels["backlog"] = ChartPanel(
            "Open backlog (not yet resolved)", scope_of_range(self.range_days), self.backlog_chart.widget
        )

    def _make_sla_charts(self) -> None:
        from ticketflow_desktop.ui.dashboard.sla_charts import AgentAttainment, AttainmentTrend

        self.sla_trend = AttainmentTrend(self.tokens.accent)
        self.sla_agents = AgentAttainment()
        scope = scope_of_range(self.range_days)
        self.panels["sla_trend"] = ChartPanel("SLA met per week", scope, self.sla_trend.widget)
        self.panels["sla_agents"] = ChartPanel("SLA met per agent", scope, self.sla_agents.widget)

    def _make_acceptance_chart(self) -> None:
        from ticketflow_desktop.ui.dashboard.suggestion_charts import AcceptanceTrend

        self.acceptance = AcceptanceTrend(self.tokens)
        panel = ChartPanel("Suggestions kept per week", scope_of_range(self.range_days), self.acceptance.widget)
        panel.setToolTip("Of the tickets submitted with a suggestion, the share whose category and priority were kept")
        panel.legend.show()
        self.panels["acceptance"] = panel

    def _place_charts(self) -> None:
        for name, panel in self.panels.items():
            panel.save_button.clicked.connect(lambda _=False, n=name: self._export_png_clicked(n))
        charts = QGridLayout()
        charts.setSpacing(10)
        self.charts_grid = charts
        self.columns = 0
        self._arrange()
        content = self._content.layout()
        assert isinstance(content, QBoxLayout)
        content.addLayout(charts, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._content)
        self.content_page = scroll
        self.stack.addWidget(scroll)
        self._set_exports_enabled(False)
        self.built = True
        self.apply_tokens(self.tokens)
        self.refresh()  # building started because the tab was shown or is being prepared: numbers are due

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.built:
            self._arrange()

    def _arrange(self) -> None:
        """Three columns of charts (five of cards) on a wide window, two (four) on a narrow one.

        The same widgets are moved between grid cells; nothing is rebuilt.
        """
        columns = 3 if self.width() >= WIDE else 2
        if columns == self.columns:
            return
        self.columns = columns
        wide = columns == 3
        rows = CARD_ROWS_WIDE if wide else CARD_ROWS_NARROW
        for row, names in enumerate(rows):
            for column, name in enumerate(names):
                self.cards[name].set_stacked(not wide)  # four across leave no room beside the title
                self.cards_grid.addWidget(self.cards[name], row, column)
        charts = self.charts_grid
        if columns == 3:
            places = {
                "priority": (0, 0, 1, 1),
                "category": (0, 1, 1, 1),
                "status": (0, 2, 1, 1),
                "flow": (1, 0, 1, 2),
                "backlog": (1, 2, 1, 1),
                "sla_trend": (2, 0, 1, 1),
                "sla_agents": (2, 1, 1, 1),
                "acceptance": (2, 2, 1, 1),
            }
        else:
            places = {
                "priority": (0, 0, 1, 1),
                "category": (0, 1, 1, 1),
                "status": (1, 0, 1, 1),
                "backlog": (1, 1, 1, 1),
                "flow": (2, 0, 1, 2),
                "sla_trend": (3, 0, 1, 1),
                "sla_agents": (3, 1, 1, 1),
                "acceptance": (4, 0, 1, 2),
            }
        for name, place in places.items():
            charts.addWidget(self.panels[name], *place)
        for column in range(3):
            charts.setColumnStretch(column, 1 if column < columns else 0)

    # --- refreshing ------------------------------------------------------------------------------

    def _on_database_opened(self, _service: object) -> None:
        self._on_tickets_changed(None)

    def _on_connection_state(self, _state: str) -> None:
        self._show_waiting()

    def _on_tickets_changed(self, _ids: object) -> None:
        self.stale = True
        self._debounce.start()  # a burst of changes becomes one refresh

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def _range_chosen(self, index: int) -> None:
        self.range_days = self.range_combo.itemData(index)
        self.context.settings.set(RANGE_SETTING, self.range_days or 0)
        self.refresh()

    def _show_waiting(self) -> None:
        """Until the first numbers arrive the page says what it waits for, never "No tickets yet"."""
        if self.dashboard is not None or not self.building:
            return
        if self.context.service is None:
            unreachable = self.context.state is ConnectionState.UNREACHABLE
            title = "Database unreachable — retrying…" if unreachable else "Connecting…"
            hint = "The numbers appear once the database answers."
        else:
            title, hint = "Loading…", "Counting the tickets."
        self.empty_title.setText(title)
        self.empty_hint.setText(hint)
        self.stack.setCurrentWidget(self.empty_page)

    def refresh(self) -> None:
        service = self.context.service
        if service is None or not self.built:
            return
        self.stale = False
        self.requests += 1
        analytics = AnalyticsService(service.database, service.clock)
        self.context.ops.read(
            self,  # the window may close while they are read: then they go nowhere
            analytics.dashboard,
            self.range_days,
            service.clock.now().date(),
            on_done=self.show_dashboard,
            on_failed=self._failed,
            key="dashboard",
        )
        self.context.ops.read(
            self,
            SlaService(service.database, service.clock).attainment,
            self.range_days,
            service.clock.now().date(),
            on_done=self.show_sla,
            on_failed=self._failed,
            key="dashboard_sla",
        )
        self.context.ops.read(
            self,
            SuggestionOutcomes(service.database, service.clock).acceptance_by_week,
            weeks_of_range(self.range_days),
            on_done=self.show_acceptance,
            on_failed=self._failed,
            key="dashboard_acceptance",
        )

    def show_acceptance(self, weeks: list[WeekAcceptance]) -> None:
        """Suggestions kept per week and source (services/suggestion_outcomes.py)."""
        self.acceptance_weeks = weeks
        self.acceptance.set_weeks(weeks)
        self.panels["acceptance"].scope.setText(scope_of_range(self.range_days))
        self.panels["acceptance"].legend.setText(self.acceptance.legend_html(self.tokens))

    def show_sla(self, attainment: Attainment) -> None:
        """SLA attainment of the chosen range: per week and per agent (services/sla.py)."""
        self.sla_attainment = attainment
        self.sla_trend.set_attainment(attainment)
        self.sla_agents.set_attainment(attainment)
        for name in ("sla_trend", "sla_agents"):
            self.panels[name].scope.setText(scope_of_range(self.range_days))

    def _failed(self, error: BaseException) -> None:
        self.stale = True
        if isinstance(error, TicketFlowError):  # a bug went to the crash dialog (ui/ops.py)
            self.status_label.setText(f"Could not load the numbers: {error_words(error)}")

    def show_dashboard(self, d: Dashboard) -> None:
        """Put new numbers into the existing cards and plot items."""
        unchanged = d == self.dashboard
        self.dashboard = d
        self.loads += 1
        self.status_label.setText(f"Updated {self.context.clock.now().astimezone():%H:%M:%S}")
        if unchanged:  # a colleague's edit that moved no number: nothing to lay out and repaint
            return
        if not self.isVisible() and not self.rendered:
            self._render_hidden()
        self.stack.setCurrentWidget(self.empty_page if d.is_empty else self.content_page)
        self.empty_title.setText("No tickets yet")
        # Only what the window offers: the Submit tab and File → Import CSV… (ui/transfer.py).
        self.empty_hint.setText("Submit a ticket, or add tickets from a file with File → Import CSV…")
        self._set_exports_enabled(not d.is_empty)

        span = len(d.days)
        in_range = scope_of_range(d.range_days)
        created, resolved = sum(d.created), sum(d.resolved)
        self.cards["created_in_range"].set(f"{created:,}", per_day(created, span))
        self.cards["resolved_in_range"].set(f"{resolved:,}", per_day(resolved, span))
        for name in ("created_in_range", "resolved_in_range"):
            self.cards[name].scope.setText(in_range)
        for name in ("flow", "backlog"):
            self.panels[name].scope.setText(in_range)
        self.cards["total"].set(f"{d.total:,}", f"{d.active:,} active")
        for status in Status:
            share = f"{d.by_status[status] / d.total:.0%} of all" if d.total else ""
            self.cards[status].set(f"{d.by_status[status]:,}", share)
        self.cards["median"].set(format_duration(d.median_resolution_seconds), "to first resolution")
        for source in SuggestionSource:
            self.cards[source].set(*format_share(*d.suggestions[source]))

        self.priority_chart.set_values([d.by_priority[p] for p in Priority])
        self.category_chart.set_values([d.by_category[c] for c in Category])
        self.status_chart.set_values([d.by_status[s] for s in Status])
        self.flow_chart.set_series(d.days, [d.created, d.resolved], d.bucket)
        self.backlog_chart.set_series(d.days, [d.backlog], d.bucket)
        # Long spans are drawn per week, month or year (at most ~1,000 points): the title says which.
        self.panels["flow"].title.setText(f"Created and resolved per {d.bucket}")
        self._update_category_legend()

    def _update_category_legend(self) -> None:
        if self.dashboard is None:
            return
        items = [
            f'<span style="color:{CATEGORY_COLOURS[c]}">■</span>&nbsp;{c.label}&nbsp;<b>{n:,}</b>'
            for c, n in self.dashboard.by_category.items()
        ]
        rows = ["&nbsp;&nbsp;&nbsp; ".join(items[:2]), "&nbsp;&nbsp;&nbsp; ".join(items[2:])]
        self.panels["category"].legend.setText(
            f'<span style="color:{self.tokens.text}">' + "<br>".join(rows) + "</span>"
        )

    # --- theme -----------------------------------------------------------------------------------

    def apply_tokens(self, tokens: Tokens) -> None:
        self.tokens = tokens
        if not self.built:
            return
        for chart in (
            self.priority_chart,
            self.category_chart,
            self.status_chart,
            self.flow_chart,
            self.backlog_chart,
            self.sla_trend,
            self.sla_agents,
            self.acceptance,
        ):
            chart.apply_tokens(tokens)
        self.panels["acceptance"].legend.setText(self.acceptance.legend_html(tokens))
        created = self.flow_chart.curves[0]
        created.setPen(tokens.accent, width=2)
        created.setSymbolPen(tokens.accent)
        created.setSymbolBrush(tokens.accent)
        self._update_category_legend()

    # --- export ----------------------------------------------------------------------------------

    def _set_exports_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        for panel in self.panels.values():
            panel.save_button.setEnabled(enabled)

    def _export_csv_clicked(self) -> QFileDialog | None:
        dashboard = self.dashboard
        if dashboard is None:
            return None
        return file_dialog(
            self,
            "Save the dashboard's numbers",
            "CSV files (*.csv)",
            lambda path: self._save(
                lambda: export_csv(dashboard, path, self.sla_attainment, self.acceptance_weeks or ()),
                path,
            ),
            save_as="dashboard.csv",
        )

    def _export_png_clicked(self, name: str) -> QFileDialog:
        return file_dialog(
            self,
            "Save chart",
            "PNG images (*.png)",
            lambda path: self._save(lambda: export_png(self.panels[name], path), path),
            save_as=f"{name}.png",
        )

    def _save(self, action, path: str) -> None:
        try:
            action()
        except OSError as error:
            self.context.notices.error(f"Could not save {path}: {error.strerror or error}")
        else:
            self.context.notices.success(f"Saved {path}")
