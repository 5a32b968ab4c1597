"""The dashboard's SLA attainment: per week (a line of per cent met) and per agent (bars of per cent met).

Built like charts.py's (imported with pyqtgraph when the dashboard is first shown); a week or agent
with nothing settled gets no point or bar rather than a misleading 0 %.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from ticketflow_desktop.domain.sla import Attainment
from ticketflow_desktop.ui.dashboard.charts import _plot_widget, _style_axes, day_x
from ticketflow_desktop.ui.theme import Tokens

NOBODY = "Nobody"  # tickets settled without an assignee
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
        if attainment.weeks:
            half = 3.5 * 86_400
            self.widget.setXRange(day_x(attainment.weeks[0]) - half, day_x(attainment.weeks[-1]) + half, padding=0)

    def apply_tokens(self, tokens: Tokens) -> None:
        _style_axes(self.widget, tokens)
        self.curve.setPen(pg.mkPen(tokens.accent, width=2))
        self.curve.setSymbolBrush(tokens.accent)
        self.curve.setSymbolPen(tokens.accent)


class AgentAttainment:
    """Per cent met per agent, with "met of settled" above each bar."""

    def __init__(self) -> None:
        self.widget = _plot_widget()
        percent_axis(self.widget)
        self.labels: list[str] = []
        self.shares: list[float] = []
        self.tokens: Tokens | None = None
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.62)
        self.widget.addItem(self.bars)
        self.value_labels: list[pg.TextItem] = []

    def set_attainment(self, attainment: Attainment) -> None:
        rows = [(who or NOBODY, met, settled) for who, met, settled in attainment.per_agent if settled]
        self.labels = [who for who, _m, _s in rows]
        self.shares = [100.0 * met / settled for _w, met, settled in rows]
        self.widget.getAxis("bottom").setTicks([list(enumerate(self.labels))])
        self.bars.setOpts(x=list(range(len(rows))), height=self.shares, brushes=self._brushes())
        for text in self.value_labels:
            self.widget.removeItem(text)
        bold = QFont()
        bold.setBold(True)
        self.value_labels = []
        for i, (_who, met, settled) in enumerate(rows):
            text = pg.TextItem(f"{met}/{settled}", anchor=(0.5, 1.0))
            text.setFont(bold)
            text.setPos(i, self.shares[i])
            if self.tokens is not None:
                text.setColor(QColor(self.tokens.text))
            self.widget.addItem(text)
            self.value_labels.append(text)
        self.widget.setXRange(-0.6, max(len(rows), 4) - 0.4, padding=0)  # one agent: not one wide slab

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
