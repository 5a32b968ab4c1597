"""Finding resources (icons, images) one way, in a source tree, an installed package and a frozen build,
and loading SVG icons tinted for the theme.

Lookup order: the package's own `ticketflow_desktop/resources/` (installed wheel, PyInstaller bundle),
then the repository's top-level `resources/` (running from a checkout).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def _roots() -> list[Path]:
    package = Path(__file__).resolve().parents[1]  # ticketflow_desktop/
    roots = [package / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots += [Path(frozen) / "ticketflow_desktop" / "resources", Path(frozen) / "resources"]
    roots.append(package.parent / "resources")  # source checkout
    return roots


def resource_path(name: str) -> Path:
    """The file `name` (e.g. "icons/settings.svg") from the first resource folder that has it."""
    for root in _roots():
        candidate = root / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"resource {name!r} not found in {', '.join(str(r) for r in _roots())}")


@cache
def _svg_text(name: str) -> str:
    return resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")


def tinted_svg(name: str, colour: str) -> bytes:
    """The icon's SVG with `currentColor` (our icons draw only in it) replaced by `colour`."""
    return _svg_text(name).replace("currentColor", colour).encode("utf-8")


def _render(svg: bytes, width: int, height: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class _TintedSvgEngine(QIconEngine):
    """Renders the tinted SVG at the size (and device pixel ratio) actually asked for, once each.

    Pre-rendering every size for every icon made the first switch to a theme take most of a second.
    """

    def __init__(self, normal: bytes, disabled: bytes | None) -> None:
        super().__init__()
        self._normal = normal
        self._disabled = disabled
        self._pixmaps: dict[tuple[int, int, bool], QPixmap] = {}

    def _svg(self, mode: QIcon.Mode) -> bytes:
        return self._disabled if mode == QIcon.Mode.Disabled and self._disabled else self._normal

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        width, height = round(size.width() * scale), round(size.height() * scale)
        key = (width, height, mode == QIcon.Mode.Disabled)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = self._pixmaps[key] = _render(self._svg(mode), width, height)
        result = QPixmap(pixmap)
        result.setDevicePixelRatio(scale)
        return result

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        QSvgRenderer(QByteArray(self._svg(mode))).render(painter, QRectF(rect))

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._normal, self._disabled)


class _LiveTintedSvgEngine(QIconEngine):
    """Like _TintedSvgEngine, but asks for its colours at every render, so one QIcon follows theme switches.

    For icons Qt takes once and keeps (the style's standard icons on dialog buttons and message boxes).
    """

    def __init__(self, name: str, colours: Callable[[], tuple[str, str]]) -> None:
        super().__init__()
        self._name = name
        self._colours = colours  # () -> (normal colour, disabled colour)

    def _engine(self) -> _TintedSvgEngine:
        normal, disabled = self._colours()
        return _engine_for(self._name, normal, disabled)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        return self._engine().scaledPixmap(size, mode, state, scale)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._engine().paint(painter, rect, mode, state)

    def clone(self) -> QIconEngine:
        return _LiveTintedSvgEngine(self._name, self._colours)


@cache
def _engine_for(name: str, colour: str, disabled_colour: str) -> _TintedSvgEngine:
    return _TintedSvgEngine(tinted_svg(name, colour), tinted_svg(name, disabled_colour))


def live_svg_icon(name: str, colours: Callable[[], tuple[str, str]]) -> QIcon:
    """An icon from `icons/<name>.svg` drawn in whatever `colours()` (normal, disabled) says when painted."""
    resource_path(f"icons/{name}.svg")  # fail now, not at the first paint, on a missing file
    return QIcon(_LiveTintedSvgEngine(name, colours))


@cache
def svg_icon(name: str, colour: str, disabled_colour: str | None = None) -> QIcon:
    """An icon from `icons/<name>.svg` tinted with `colour` (and `disabled_colour` when disabled)."""
    disabled = tinted_svg(name, disabled_colour) if disabled_colour else None
    return QIcon(_TintedSvgEngine(tinted_svg(name, colour), disabled))


@cache
def app_icon() -> QIcon:
    """The application icon from the PNG sizes (exact pixels at each size), falling back to the SVG."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        try:
            icon.addFile(str(resource_path(f"app/ticketflow-{size}.png")), QSize(size, size))
        except FileNotFoundError:
            continue
    if icon.isNull():
        icon = QIcon(str(resource_path("app/ticketflow.svg")))
    return icon
