"""Finding resources (icons, images) one way, in a source tree, an installed package and a frozen build,
and loading SVG icons tinted for the theme.

Lookup order: the package's own `ticketflow_desktop/resources/` (installed wheel, PyInstaller bundle),
then the repository's top-level `resources/` (running from a checkout).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_SIZES = (16, 20, 24, 32, 48, 64)
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


def _render(svg: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def svg_icon(name: str, colour: str, disabled_colour: str | None = None) -> QIcon:
    """An icon from `icons/<name>.svg` tinted with `colour` (and `disabled_colour` when disabled).

    Pixmaps are rendered at 1x and 2x of the common sizes, so high-DPI screens get sharp icons.
    """
    icon = QIcon()
    normal = tinted_svg(name, colour)
    disabled = tinted_svg(name, disabled_colour) if disabled_colour else None
    for size in ICON_SIZES:
        for scale in (1, 2):
            pixmap = _render(normal, size * scale)
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap, QIcon.Mode.Normal)
            if disabled is not None:
                dim = _render(disabled, size * scale)
                dim.setDevicePixelRatio(scale)
                icon.addPixmap(dim, QIcon.Mode.Disabled)
    return icon


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
