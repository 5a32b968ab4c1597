"""pyqtgraph charts for the dashboard. Imported only when the dashboard is first shown (launch time).

Each chart is built once; new numbers replace its items' data in place (no flicker, no new widgets).
"""

from __future__ import annotations

import math
from bisect import bisect_left
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


def point_label(start: date, bucket: str) -> str:
    """What one point of a time series covers, in words: a day, or the week, month or years it starts."""
    if bucket == "day":
        return f"{start:%a %d %b %Y}"
    if bucket == "week":
        return f"Week of {start:%d %b %Y}"
    if bucket == "month":
        return f"{start:%B %Y}"
    return str(start.year) if bucket == "year" else f"{bucket} from {start.year}"


def _plot_widget(**kwargs: object) -> pg.PlotWidget:
    # No context menus: asked for at construction, the view's menu is never built (6 ms a plot here).
    plot = pg.PlotWidget(enableMenu=False, **kwargs)
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


def count_ticks(top: float, most: int = 4) -> list[int]:
    """0 and whole, round steps (1, 2 or 5 times a power of ten) up to `top`: at most `most` + 1."""
    raw = max(top / most, 1.0)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, int(top) + 1, int(step)))


def count_label(value: int) -> str:
    """A count in the few characters an axis has room for: 950, 2.5k, 150k, 1.2M."""
    if value < 1000:
        return str(value)
    if value < 1_000_000:
        return f"{value / 1000:g}k"
    return f"{value / 1_000_000:g}M"


class CountScale:
    """The count axis's ticks and the plot's horizontal grid lines at the same values, as one path.

    pyqtgraph's own grid (showGrid) is drawn by the axis item across the whole plot and costs 3-17 ms
    each time a plot repaints here (the five plots: 40 ms of the dashboard's first paint); one path
    of a few lines costs under 1 ms.
    """

    def __init__(self, plot: pg.PlotWidget, headroom: float) -> None:
        self.plot, self.headroom = plot, headroom
        self.lines = pg.PlotCurveItem(connect="pairs", antialias=False)
        self.lines.setZValue(-10)  # behind the bars and lines
        plot.addItem(self.lines)

    def show(self, top: int, x_from: float, x_to: float) -> None:
        """Counts from 0 to `top` (and room above it), grid lines from `x_from` to `x_to`."""
        y_to = max(top * self.headroom, 1)
        self.plot.setYRange(0, y_to, padding=0)
        ticks = count_ticks(y_to)
        self.plot.getAxis("left").setTicks([[(v, count_label(v)) for v in ticks], []])
        above_zero = ticks[1:]  # the bottom axis draws the line at 0
        self.lines.setData([x for _ in above_zero for x in (x_from, x_to)], [y for y in above_zero for _ in (0, 1)])

    def apply_tokens(self, tokens: Tokens) -> None:
        colour = QColor(tokens.border)
        colour.setAlpha(150)
        self.lines.setPen(pg.mkPen(colour, width=1))


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
        self.x_range = (-0.6, len(labels) - 0.4)
        self.widget.setXRange(*self.x_range, padding=0)
        self.scale = CountScale(self.widget, headroom=1.18)  # room above the tallest bar for its count
        self.widget.scene().sigMouseMoved.connect(self._hover)

    def set_values(self, values: Sequence[int]) -> None:
        self.values = [int(v) for v in values]
        self.bars.setOpts(height=self.values)
        top = max(self.values, default=0)
        for i, (text, value) in enumerate(zip(self.value_labels, self.values, strict=True)):
            text.setText(f"{value:,}")
            text.setPos(i, value)
        self.scale.show(top, *self.x_range)

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
        self.scale.apply_tokens(tokens)
        for text in self.value_labels:
            text.setColor(QColor(tokens.text))


class TimeChart:
    """Daily series on a date axis (UTC days), with the exact numbers of the hovered day."""

    def __init__(self, series: Sequence[tuple[str, str, bool]]) -> None:
        """`series`: (name, colour, filled) for each line."""
        self.days: list[date] = []
        self.xs: list[float] = []
        self.bucket = "day"
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
        self.scale = CountScale(self.widget, headroom=1.12)
        self.widget.scene().sigMouseMoved.connect(self._hover)

    def set_series(self, days: Sequence[date], values: Sequence[Sequence[int]], bucket: str = "day") -> None:
        """One point per day, or per `bucket` (week, month, year...) starting at each of `days`."""
        self.days = list(days)
        self.bucket = bucket
        self.values = [list(v) for v in values]
        xs = [day_x(d) for d in self.days]
        self.xs = xs
        for curve, ys in zip(self.curves, self.values, strict=True):
            curve.setData(xs, ys)
            # Markers help short ranges; on a year they would only be noise.
            curve.setSymbol("o" if len(xs) <= 31 else None)
            curve.setSymbolSize(5)
            curve.setSymbolPen(curve.opts["pen"])
            curve.setSymbolBrush(curve.opts["pen"].color())
        half = (xs[1] - xs[0]) / 2 if len(xs) > 1 else DAY / 2
        x_range = (xs[0] - half, xs[-1] + half) if xs else (0.0, 1.0)
        self.widget.setXRange(*x_range, padding=0)
        top = max((max(v, default=0) for v in self.values), default=0)
        self.scale.show(top, *x_range)

    def hover_text(self, x: float) -> str | None:
        if not self.days:
            return None
        half = (self.xs[1] - self.xs[0]) / 2 if len(self.xs) > 1 else DAY / 2
        if not self.xs[0] - half <= x <= self.xs[-1] + half:
            return None
        i = min(range(max(0, bisect_left(self.xs, x) - 1), min(len(self.xs), bisect_left(self.xs, x) + 1)),
                key=lambda j: abs(self.xs[j] - x))  # fmt: skip
        parts = [f"{name}: {values[i]:,}" for name, values in zip(self.names, self.values, strict=True)]
        return f"{point_label(self.days[i], self.bucket)}\n" + "\n".join(parts)

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
        self.scale.apply_tokens(tokens)
        if self.legend is not None:
            self.legend.setLabelTextColor(QColor(tokens.text))
            # setLabelTextColor styles the existing labels too in recent pyqtgraph; be explicit.
            for _sample, label in self.legend.items:
                label.setText(label.text, color=tokens.text)
