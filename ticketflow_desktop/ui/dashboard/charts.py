"""pyqtgraph charts for the dashboard. Imported only when the dashboard is first shown (launch time).

Each chart is built once; new numbers replace its items' data in place (no flicker, no new widgets).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import QToolTip

from ticketflow_desktop.ui.theme import Tokens

pg.setConfigOptions(antialias=True)

DAY = 86_400


def day_x(day: date) -> float:
    """A day as the date axis reads it: seconds since the epoch at that day's UTC midnight."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def _plot_widget(**kwargs: object) -> pg.PlotWidget:
    plot = pg.PlotWidget(**kwargs)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.getPlotItem().getViewBox().setDefaultPadding(0.02)
    plot.setMinimumHeight(170)
    return plot


def _style_axes(plot: pg.PlotWidget, tokens: Tokens) -> None:
    plot.setBackground(tokens.surface)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(tokens.border))
        axis.setTextPen(pg.mkPen(tokens.text_muted))
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.getAxis("left").setZValue(-100)  # grid lines behind the bars, not across them


class BarChart:
    """Bars in a fixed order with fixed colours, a count above each bar, exact values on hover."""

    def __init__(self, labels: Sequence[str], colours: Sequence[str]) -> None:
        self.labels = list(labels)
        self.values = [0] * len(labels)
        self.widget = _plot_widget()
        self.widget.getAxis("bottom").setTicks([list(enumerate(self.labels))])
        self.widget.getAxis("left").setWidth(36)
        brushes = [pg.mkBrush(c) for c in colours]
        self.bars = pg.BarGraphItem(
            x=list(range(len(labels))), height=self.values, width=0.62, brushes=brushes, pens=[None] * len(labels)
        )
        self.widget.addItem(self.bars)
        bold = QFont()
        bold.setBold(True)
        self.value_labels = []
        for i in range(len(labels)):
            text = pg.TextItem("0", anchor=(0.5, 1.0))
            text.setFont(bold)
            text.setPos(i, 0)
            self.widget.addItem(text)
            self.value_labels.append(text)
        self.widget.setXRange(-0.6, len(labels) - 0.4, padding=0)
        self.widget.scene().sigMouseMoved.connect(self._hover)

    def set_values(self, values: Sequence[int]) -> None:
        self.values = [int(v) for v in values]
        self.bars.setOpts(height=self.values)
        top = max(self.values, default=0)
        for i, (text, value) in enumerate(zip(self.value_labels, self.values, strict=True)):
            text.setText(f"{value:,}")
            text.setPos(i, value)
        # Room above the tallest bar for its count; a fixed range of 0..1 when all are zero.
        self.widget.setYRange(0, max(top * 1.18, 1), padding=0)

    def hover_text(self, x: float) -> str | None:
        i = round(x)
        if 0 <= i < len(self.values) and abs(x - i) <= 0.31:
            return f"{self.labels[i]}: {self.values[i]:,}"
        return None

    def _hover(self, pos: QPointF) -> None:
        text = self.hover_text(self.widget.getPlotItem().getViewBox().mapSceneToView(pos).x())
        self.widget.setToolTip(text or "")
        if text:
            QToolTip.showText(QCursor.pos(), text, self.widget)
        else:
            QToolTip.hideText()

    def apply_tokens(self, tokens: Tokens) -> None:
        _style_axes(self.widget, tokens)
        for text in self.value_labels:
            text.setColor(QColor(tokens.text))


class TimeChart:
    """Daily series on a date axis (UTC days), with the exact numbers of the hovered day."""

    def __init__(self, series: Sequence[tuple[str, str, bool]]) -> None:
        """`series`: (name, colour, filled) for each line."""
        self.days: list[date] = []
        self.names = [name for name, _c, _f in series]
        self.values: list[list[int]] = [[] for _ in series]
        self.widget = _plot_widget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.widget.getAxis("left").setWidth(44)
        self.legend = self.widget.addLegend(offset=(8, 4)) if len(series) > 1 else None
        self.curves = []
        for name, colour, filled in series:
            brush = QColor(colour)
            brush.setAlpha(60)
            curve = self.widget.plot(
                [],
                [],
                name=name,
                pen=pg.mkPen(colour, width=2),
                fillLevel=0 if filled else None,
                brush=brush if filled else None,
            )
            self.curves.append(curve)
        self.widget.scene().sigMouseMoved.connect(self._hover)

    def set_series(self, days: Sequence[date], values: Sequence[Sequence[int]]) -> None:
        self.days = list(days)
        self.values = [list(v) for v in values]
        xs = [day_x(d) for d in self.days]
        for curve, ys in zip(self.curves, self.values, strict=True):
            curve.setData(xs, ys)
            # Markers help short ranges; on a year they would only be noise.
            curve.setSymbol("o" if len(xs) <= 31 else None)
            curve.setSymbolSize(5)
            curve.setSymbolPen(curve.opts["pen"])
            curve.setSymbolBrush(curve.opts["pen"].color())
        if xs:
            self.widget.setXRange(xs[0] - DAY / 2, xs[-1] + DAY / 2, padding=0)
        top = max((max(v, default=0) for v in self.values), default=0)
        self.widget.setYRange(0, max(top * 1.12, 1), padding=0)

    def hover_text(self, x: float) -> str | None:
        if not self.days:
            return None
        i = round((x - day_x(self.days[0])) / DAY)
        if not 0 <= i < len(self.days):
            return None
        parts = [f"{name}: {values[i]:,}" for name, values in zip(self.names, self.values, strict=True)]
        return f"{self.days[i]:%a %d %b %Y}\n" + "\n".join(parts)

    def _hover(self, pos: QPointF) -> None:
        if not self.widget.getPlotItem().getViewBox().sceneBoundingRect().contains(pos):
            self.widget.setToolTip("")
            return
        text = self.hover_text(self.widget.getPlotItem().getViewBox().mapSceneToView(pos).x())
        self.widget.setToolTip(text or "")
        if text:
            QToolTip.showText(QCursor.pos(), text, self.widget)

    def apply_tokens(self, tokens: Tokens) -> None:
        _style_axes(self.widget, tokens)
        if self.legend is not None:
            self.legend.setLabelTextColor(QColor(tokens.text))
            # setLabelTextColor styles the existing labels too in recent pyqtgraph; be explicit.
            for _sample, label in self.legend.items:
                label.setText(label.text, color=tokens.text)
