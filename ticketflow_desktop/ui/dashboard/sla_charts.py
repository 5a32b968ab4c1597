"""The dashboard's SLA attainment: per week (a line of per cent met) and per agent (bars of per cent met).

Built like charts.py's (imported with pyqtgraph when the dashboard is first shown); a week or agent
with nothing settled gets no point or bar rather than a misleading 0 %.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from ticketflow_desktop.domain.sla import Attainment
from ticketflow_desktop.ui.dashboard.charts import _plot_widget, _style_axes, day_x
from ticketflow_desktop.ui.theme import Tokens

NOBODY = "Nobody"  # tickets settled without an assignee
# Bars that stay readable with their names and "met/settled" labels in a third of the window; a team with
# more agents shows those who settled most, and the rest as one bar. (A bar and a label per agent of a
# hundred was an unreadable comb, and building its hundred labels stalled the window 100 ms.)
MAX_AGENT_BARS = 8
NAME_WIDTH = 150  # pixels: a longer name is cut with "…"
PERCENT_TICKS = [[(v, f"{v}%") for v in (0, 25, 50, 75, 100)]]


def percent_axis(plot: pg.PlotWidget) -> None:
    plot.getAxis("left").setTicks(PERCENT_TICKS)
    plot.getAxis("left").setWidth(44)
    plot.setYRange(0, 112, padding=0)  # room above 100 % for the labels


class AttainmentTrend:
    """Per cent of settled tickets that met their SLA, one point per week."""

    def __init__(self, colour: str) -> None:
        self.widget = _plot_widget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        percent_axis(self.widget)
        self.curve = self.widget.plot([], [], pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5, connect="finite")
        self.curve.setSymbolBrush(colour)
        self.curve.setSymbolPen(colour)

    def set_attainment(self, attainment: Attainment) -> None:
        xs, ys = [], []
        for week, met, settled in zip(
            attainment.weeks, attainment.met_per_week, attainment.settled_per_week, strict=True
        ):
            share = Attainment.share(met, settled)
            if share is not None:
                xs.append(day_x(week))
                ys.append(share)
        self.curve.setData(xs, ys)
        self.widget.getAxis("bottom").setStyle(showValues=bool(attainment.weeks))  # none: no epoch seconds
        if attainment.weeks:
            half = 3.5 * 86_400
            self.widget.setXRange(day_x(attainment.weeks[0]) - half, day_x(attainment.weeks[-1]) + half, padding=0)

    def apply_tokens(self, tokens: Tokens) -> None:
        _style_axes(self.widget, tokens)
        self.curve.setPen(pg.mkPen(tokens.accent, width=2))
        self.curve.setSymbolBrush(tokens.accent)
        self.curve.setSymbolPen(tokens.accent)


def shown_agents(rows: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """(who, met, settled) rows as drawn: all of them when they fit, else the agents who settled most (in
    the given order) and then "N others" with the rest's sums."""
    if len(rows) <= MAX_AGENT_BARS:
        return rows
    most = set(sorted(range(len(rows)), key=lambda i: -rows[i][2])[: MAX_AGENT_BARS - 1])
    rest = [row for i, row in enumerate(rows) if i not in most]
    others = (f"{len(rest)} others", sum(met for _w, met, _s in rest), sum(settled for _w, _m, settled in rest))
    return [row for i, row in enumerate(rows) if i in most] + [others]


class AgentAttainment:
    """Per cent met per agent: a horizontal bar each, the agent's name on the left (names fit there, not
    under a bar), "met of settled" beside the bar, the first agent at the top."""

    def __init__(self) -> None:
        self.widget = _plot_widget()
        axis = self.widget.getAxis("bottom")
        axis.setTicks(PERCENT_TICKS)
        self.widget.setXRange(0, 125, padding=0)  # room right of 100 % for the labels
        self.widget.getViewBox().invertY(True)
        self.labels: list[str] = []
        self.shares: list[float] = []
        self.tokens: Tokens | None = None
        self.bars = pg.BarGraphItem(x0=0, y=[], width=[], height=0.62)
        self.widget.addItem(self.bars)
        self.value_labels: list[pg.TextItem] = []

    def set_attainment(self, attainment: Attainment) -> None:
        rows = shown_agents([(who or NOBODY, met, settled) for who, met, settled in attainment.per_agent if settled])
        self.labels = [who for who, _m, _s in rows]
        self.shares = [100.0 * met / settled for _w, met, settled in rows]
        left = self.widget.getAxis("left")
        metrics = QFontMetrics(left.font())
        names = [metrics.elidedText(name, Qt.TextElideMode.ElideRight, NAME_WIDTH) for name in self.labels]
        left.setTicks([list(enumerate(names))])
        left.setWidth(max((metrics.horizontalAdvance(name) for name in names), default=0) + 12)
        self.bars.setOpts(y=list(range(len(rows))), width=self.shares, brushes=self._brushes())
        for text in self.value_labels:
            self.widget.removeItem(text)
        bold = QFont()
        bold.setBold(True)
        self.value_labels = []
        for i, (_who, met, settled) in enumerate(rows):
            text = pg.TextItem(f"{met}/{settled}", anchor=(0.0, 0.5))
            text.setFont(bold)
            text.setPos(self.shares[i] + 1, i)  # a hair right of the bar's end
            if self.tokens is not None:
                text.setColor(QColor(self.tokens.text))
            self.widget.addItem(text)
            self.value_labels.append(text)
        self.widget.setYRange(-0.6, max(len(rows), 4) - 0.4, padding=0)  # one agent: not one tall slab

    def _brushes(self) -> list[QColor]:
        """Green at or above 90 % met, amber from 75 %, red below (the theme's words)."""
        tokens = self.tokens
        if tokens is None:
            return [QColor("#888888")] * len(self.shares)
        return [
            QColor(tokens.success if s >= 90 else tokens.warning if s >= 75 else tokens.danger) for s in self.shares
        ]

    def apply_tokens(self, tokens: Tokens) -> None:
        self.tokens = tokens
        _style_axes(self.widget, tokens)
        self.bars.setOpts(brushes=self._brushes())
        for text in self.value_labels:
            text.setColor(QColor(tokens.text))
