"""A reliability diagram as a PNG, drawn with QPainter on a QImage (no window; matplotlib is not shipped).

For each field: the share of right answers per confidence bin against the diagonal a calibrated model
follows, with bars for how many predictions fell in each bin. Used by `ticketflow eval --plot`.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QImageWriter, QPainter, QPen

from ticketflow_desktop.classification.evaluation import Bin

WIDTH, HEIGHT = 640, 520
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 70, 30, 50, 70
COLOURS = {"category": QColor("#1f77b4"), "priority": QColor("#d62728")}


def _application() -> QGuiApplication:
    """The running application, or an offscreen one (a command line has no display, and needs none)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def write_reliability_diagram(path: Path, fields: Mapping[str, tuple[Sequence[Bin], float | None]]) -> None:
    """`fields`: per field, its reliability bins and expected calibration error. OSError if not written."""
    _application()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw(painter, fields)
    finally:
        painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(path), QByteArray(b"png"))  # PNG whatever the file's name ends with
    if not writer.write(image):
        raise OSError(writer.errorString())


def _draw(painter: QPainter, fields: Mapping[str, tuple[Sequence[Bin], float | None]]) -> None:
    plot = QRectF(MARGIN_LEFT, MARGIN_TOP, WIDTH - MARGIN_LEFT - MARGIN_RIGHT, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)

    def at(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + x * plot.width(), plot.bottom() - y * plot.height())

    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#333333"), 1))
    painter.drawText(
        QRectF(0, 8, WIDTH, 30), Qt.AlignmentFlag.AlignCenter, "Reliability: stated confidence vs. accuracy"
    )
    # Grid and axes, 0-100 % both ways.
    for tick in range(0, 11, 2):
        v = tick / 10
        painter.setPen(QPen(QColor("#e5e5e5"), 1))
        painter.drawLine(at(v, 0), at(v, 1))
        painter.drawLine(at(0, v), at(1, v))
        painter.setPen(QPen(QColor("#333333"), 1))
        painter.drawText(
            QRectF(at(v, 0).x() - 20, plot.bottom() + 4, 40, 18), Qt.AlignmentFlag.AlignCenter, f"{tick * 10}%"
        )
        painter.drawText(
            QRectF(plot.left() - 50, at(0, v).y() - 9, 44, 18), Qt.AlignmentFlag.AlignRight, f"{tick * 10}%"
        )
    painter.drawRect(plot)
    painter.drawText(QRectF(0, plot.bottom() + 22, WIDTH, 18), Qt.AlignmentFlag.AlignCenter, "confidence shown")
    painter.save()
    painter.translate(16, plot.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-80, -10, 160, 20), Qt.AlignmentFlag.AlignCenter, "share right")
    painter.restore()
    # The diagonal a calibrated model follows.
    painter.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DashLine))
    painter.drawLine(at(0, 0), at(1, 1))

    total = max((sum(b.count for b in bins) for bins, _ in fields.values()), default=1) or 1
    legend_y = HEIGHT - 14
    for index, (field, (bins, ece)) in enumerate(fields.items()):
        colour = COLOURS.get(field, QColor("#2ca02c"))
        # How many predictions each bin holds, as thin bars along the bottom (a third of the height at most).
        fill = QColor(colour)
        fill.setAlpha(60)
        for b in bins:
            left = at(b.low, 0).x() + (index + 0.5) * plot.width() / 10 / (len(fields) + 1)
            height = b.count / total * plot.height()
            painter.fillRect(QRectF(left - 4, plot.bottom() - height, 8, height), fill)
        painter.setPen(QPen(colour, 2))
        points = [at(b.mean_confidence, b.accuracy) for b in bins]
        for start, end in itertools.pairwise(points):
            painter.drawLine(start, end)
        painter.setBrush(colour)
        for p in points:
            painter.drawEllipse(p, 4, 4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        label = f"{field}" + (f" (ECE {ece:.3f})" if ece is not None else "")
        x = MARGIN_LEFT + index * 220
        painter.drawLine(QPointF(x, legend_y), QPointF(x + 24, legend_y))
        painter.setPen(QPen(QColor("#333333"), 1))
        painter.drawText(QRectF(x + 30, legend_y - 9, 190, 18), Qt.AlignmentFlag.AlignLeft, label)
