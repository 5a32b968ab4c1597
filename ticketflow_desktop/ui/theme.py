"""Theme = colour tokens -> a Fusion QPalette + a small templated style sheet. Charts read the tokens.

"system" follows the OS colour scheme (QStyleHints.colorScheme) live; the user may pin light or dark.
Every colour the app paints comes from one `Tokens` object, so a switch is one `setPalette` +
`setStyleSheet` and a `changed(tokens)` signal for what paints itself (charts, delegates, icons).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from ticketflow_desktop.domain import Category, Priority, Status
from ticketflow_desktop.domain.sla import SlaState


class ThemeChoice(StrEnum):
    """The user's choice (a StrEnum: the settings file keeps "system", "light", "dark")."""

    SYSTEM = "system"  # follow the OS colour scheme, live
    LIGHT = "light"
    DARK = "dark"


THEME_CHOICES = {ThemeChoice.SYSTEM: "Follow the system", ThemeChoice.LIGHT: "Light", ThemeChoice.DARK: "Dark"}

PRIORITY_COLOURS = {
    Priority.LOW: "#22c55e",
    Priority.MEDIUM: "#f59e0b",
    Priority.HIGH: "#f97316",
    Priority.CRITICAL: "#ef4444",
}
CATEGORY_COLOURS = {
    Category.BILLING: "#8b5cf6",
    Category.TECHNICAL: "#3b82f6",
    Category.ACCOUNT: "#f59e0b",
    Category.GENERAL: "#6b7280",
}
STATUS_COLOURS = {
    Status.OPEN: "#3b82f6",
    Status.IN_PROGRESS: "#f59e0b",
    Status.PENDING: "#a855f7",  # waiting on the customer
    Status.RESOLVED: "#22c55e",
    Status.CLOSED: "#6b7280",
}


@dataclass(frozen=True)
class Tokens:
    name: str
    window: str
    surface: str  # cards, inputs, table
    surface_alt: str  # alternate rows, headers
    border: str
    text: str
    text_muted: str
    accent: str
    accent_text: str
    danger: str
    success: str
    warning: str
    selection: str
    selection_text: str
    toast_bg: str
    toast_text: str

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


LIGHT = Tokens(
    name="light",
    window="#f4f5f7",
    surface="#ffffff",
    surface_alt="#f8f9fb",
    border="#d6d9de",
    text="#1f2328",
    text_muted="#57606a",
    accent="#2563eb",
    accent_text="#ffffff",
    danger="#b42318",
    success="#18794e",
    warning="#8a5c00",
    selection="#dbe7ff",
    selection_text="#0b1f44",
    toast_bg="#1f2328",
    toast_text="#ffffff",
)
DARK = Tokens(
    name="dark",
    window="#16181d",
    surface="#1e2128",
    surface_alt="#23272f",
    border="#363b45",
    text="#e6e8eb",
    text_muted="#a3aab5",
    accent="#5b8def",
    accent_text="#0b1020",
    danger="#ff8a80",
    success="#4ade80",
    warning="#fbbf24",
    selection="#2c4370",
    selection_text="#ffffff",
    toast_bg="#e6e8eb",
    toast_text="#16181d",
)
THEMES = {"light": LIGHT, "dark": DARK}

# Text/background pairs that must meet WCAG AA (4.5:1) in every theme; the tests check each.
CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "surface_alt"),
    ("text_muted", "surface"),
    ("text_muted", "window"),
    ("text_muted", "surface_alt"),
    ("selection_text", "selection"),
    ("accent_text", "accent"),
    ("toast_text", "toast_bg"),
    ("danger", "surface"),
    ("success", "surface"),
    ("warning", "surface"),
    ("danger", "window"),  # status bar, dialog messages
    ("success", "window"),
    ("warning", "window"),
    ("accent", "window"),
    ("accent", "surface"),  # links
)
WCAG_AA = 4.5


def _luminance(colour: str) -> float:
    rgb = QColor(colour)
    channels = []
    for value in (rgb.redF(), rgb.greenF(), rgb.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1.0 … 21.0)."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Item views (the tickets table, lists) keep Fusion's own frame: a style-sheet border on a scroll area
# makes its viewport see-through, so that every row's repaint (a selection, a live change) first painted
# the main window and each panel under it; it made the window's paints while tickets open 25-45% longer.
STYLE_TEMPLATE = """
QToolTip {{ color: {text}; background: {surface}; border: 1px solid {border}; padding: 4px; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 8px 18px; border: none; color: {text_muted}; background: transparent; }}
QTabBar::tab:selected {{ color: {text}; border-bottom: 2px solid {accent}; }}
QTabBar::tab:hover:!selected {{ color: {text}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox {{
    border: 1px solid {border}; border-radius: 6px; padding: 5px 8px; background: {surface}; color: {text};
}}
QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QComboBox:disabled, QSpinBox:disabled {{
    background: {window}; color: {text_muted}; border-style: dashed; }}
QComboBox::down-arrow:disabled {{ image: url({chevron_disabled_image}); }}
QComboBox::drop-down {{ border: none; width: 24px; }}
QComboBox::down-arrow {{ image: url({chevron_image}); width: 14px; height: 14px; }}
QComboBox QAbstractItemView {{ background: {surface}; color: {text}; border: 1px solid {border};
    selection-background-color: {selection}; selection-color: {selection_text}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus {{ border-color: {accent}; }}
QLineEdit[invalid="true"] {{ border-color: {danger}; }}
QPushButton {{ border: 1px solid {border}; border-radius: 6px; padding: 6px 14px; background: {surface};
    color: {text}; }}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton:focus {{ border-color: {accent}; }}
QPushButton[primary="true"] {{ background: {accent}; color: {accent_text}; border-color: {accent}; font-weight: 600; }}
QPushButton:disabled {{ color: {text_muted}; background: {window}; }}
QPushButton[primary="true"]:disabled {{ background: {border}; border-color: {border}; color: {text_muted}; }}
QPushButton[queue="true"] {{ border-radius: 12px; padding: 3px 12px; }}
QPushButton[queue="true"]:checked {{ background: {selection}; color: {selection_text}; border-color: {accent}; }}
QTableView, QTreeView, QListView {{ gridline-color: {border}; }}
QHeaderView::section {{ background: {surface_alt}; border: none; border-bottom: 1px solid {border};
    padding: 6px; color: {text_muted}; font-weight: 600; }}
QGroupBox {{ border: 1px solid {border}; border-radius: 8px; margin-top: 14px; padding: 12px 10px 8px 10px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {text}; font-weight: 600; }}
QLabel[role="muted"] {{ color: {text_muted}; }}
QLabel[role="error"] {{ color: {danger}; }}
QLabel[role="success"] {{ color: {success}; }}
QLabel[role="warning"] {{ color: {warning}; }}
QLabel[role="heading"] {{ font-size: 14pt; font-weight: 600; }}
QFrame[role="card"] {{ background: {surface}; border: 1px solid {border}; border-radius: 10px; }}
QLabel[role="badge"] {{ border-radius: 8px; padding: 2px 8px; background: {selection}; color: {selection_text}; }}
QFrame[role="toast"] {{ background: {toast_bg}; border-radius: 8px; border-left: 4px solid {accent}; }}
QFrame[role="toast"] QLabel {{ color: {toast_text}; background: transparent; }}
QFrame[role="toast"] QPushButton {{ color: {toast_text}; background: transparent; border: 1px solid {text_muted}; }}
QFrame[role="toast"] QPushButton:focus {{ border-color: {toast_text}; }}
QFrame[role="toast"] QPushButton[flat="true"] {{ border: none; padding: 0; }}
QFrame[role="toast"][kind="error"] {{ border-left: 4px solid {danger}; }}
QFrame[role="toast"][kind="warning"] {{ border-left: 4px solid {warning}; }}
QFrame[role="toast"][kind="success"] {{ border-left: 4px solid {success}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px; border: 1px solid {text_muted};
    background: {surface}; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: 8px; }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {accent}; }}
QCheckBox::indicator:checked {{ background: {accent}; border-color: {accent}; image: url({check_image}); }}
QRadioButton::indicator:checked {{ border-color: {accent}; background: qradialgradient(cx: 0.5, cy: 0.5,
    radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {accent}, stop: 0.45 {accent}, stop: 0.55 {surface}, stop: 1 {surface}); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {border}; background: {window}; }}
QCheckBox::indicator:checked:disabled {{ background: {border}; border-color: {border};
    image: url({check_disabled_image}); }}
QRadioButton::indicator:checked:disabled {{ border-color: {border}; background: qradialgradient(cx: 0.5, cy: 0.5,
    radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {text_muted}, stop: 0.45 {text_muted}, stop: 0.55 {window},
    stop: 1 {window}); }}
QStatusBar {{ border-top: 1px solid {border}; }}
QStatusBar QLabel {{ color: {text_muted}; padding: 0 6px; }}
QStatusBar QLabel[state="unreachable"] {{ color: {danger}; }}
"""


SP = QStyle.StandardPixmap
# Qt's stock icons (floppy, red X, dark glyphs invisible on a dark window) -> the app's own SVGs and the
# token they are tinted with. Dialog buttons and message boxes take these through the style.
STANDARD_ICONS: dict[QStyle.StandardPixmap, tuple[str, str]] = {
    SP.SP_DialogOkButton: ("check", "text"),
    SP.SP_DialogApplyButton: ("check", "text"),
    SP.SP_DialogYesButton: ("check", "text"),
    SP.SP_DialogSaveButton: ("save", "text"),
    SP.SP_DialogCancelButton: ("cancel", "text"),
    SP.SP_DialogNoButton: ("cancel", "text"),
    SP.SP_DialogAbortButton: ("cancel", "text"),
    SP.SP_DialogCloseButton: ("close", "text"),
    SP.SP_DialogDiscardButton: ("trash", "text"),
    SP.SP_DialogResetButton: ("undo", "text"),
    SP.SP_DialogRetryButton: ("refresh", "text"),
    SP.SP_DialogHelpButton: ("help", "text"),
    SP.SP_DialogOpenButton: ("folder", "text"),
    SP.SP_MessageBoxInformation: ("info", "accent"),
    SP.SP_MessageBoxQuestion: ("help", "accent"),
    SP.SP_MessageBoxWarning: ("alert", "warning"),
    SP.SP_MessageBoxCritical: ("alert-octagon", "danger"),
    SP.SP_LineEditClearButton: ("close", "text_muted"),
    SP.SP_BrowserReload: ("refresh", "text"),
    SP.SP_DirIcon: ("folder", "text_muted"),
    SP.SP_DirOpenIcon: ("folder", "text_muted"),
    SP.SP_DirClosedIcon: ("folder", "text_muted"),
    SP.SP_FileIcon: ("file", "text_muted"),
    SP.SP_FileDialogToParent: ("arrow-up", "text"),
    SP.SP_FileDialogBack: ("arrow-left", "text"),
    SP.SP_ArrowBack: ("arrow-left", "text"),
    SP.SP_ArrowForward: ("arrow-right", "text"),
    SP.SP_ArrowUp: ("arrow-up", "text"),
    SP.SP_ArrowDown: ("arrow-down", "text"),
    SP.SP_ArrowLeft: ("arrow-left", "text"),
    SP.SP_ArrowRight: ("arrow-right", "text"),
    SP.SP_TitleBarCloseButton: ("close", "text"),
    SP.SP_ToolBarHorizontalExtensionButton: ("chevrons-right", "text"),  # the menu bar's "more" button
    SP.SP_ToolBarVerticalExtensionButton: ("chevron-down", "text"),
}


def sla_colour(state: SlaState, tokens: Tokens) -> str:
    """The SLA column's text colour: the theme's own words for trouble, warning and success."""
    return {
        SlaState.BREACHED: tokens.danger,
        SlaState.DUE_SOON: tokens.warning,
        SlaState.OK: tokens.text,
        SlaState.PAUSED: tokens.text_muted,
        SlaState.MET: tokens.success,
    }[state]


def current_tokens() -> Tokens:
    manager = ThemeManager.instance()
    return manager.tokens if manager is not None else LIGHT


def themed_icon(name: str, role: str = "text") -> QIcon:
    """The SVG icon `name` in the token `role` of whichever theme is current when it is painted."""
    from ticketflow_desktop.ui.resources import live_svg_icon

    def colours() -> tuple[str, str]:
        tokens = current_tokens()
        return getattr(tokens, role), tokens.text_muted

    return live_svg_icon(name, colours)


class AppStyle(QProxyStyle):
    """Fusion, with the app's own tinted SVGs wherever Qt would hand out one of its stock icons."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self._icons: dict[QStyle.StandardPixmap, QIcon] = {}

    def standardIcon(
        self, standard: QStyle.StandardPixmap, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> QIcon:
        spec = STANDARD_ICONS.get(standard)
        if spec is None:
            return super().standardIcon(standard, option, widget)
        if standard not in self._icons:
            self._icons[standard] = themed_icon(*spec)
        return self._icons[standard]


def palette_for(t: Tokens) -> QPalette:
    """A complete palette (all three colour groups) from the tokens."""
    p = QPalette()
    roles = QPalette.ColorRole
    pairs = [
        (roles.Window, t.window),
        (roles.WindowText, t.text),
        (roles.Base, t.surface),
        (roles.AlternateBase, t.surface_alt),
        (roles.Text, t.text),
        (roles.Button, t.surface),
        (roles.ButtonText, t.text),
        (roles.Highlight, t.selection),
        (roles.HighlightedText, t.selection_text),
        (roles.ToolTipBase, t.surface),
        (roles.ToolTipText, t.text),
        (roles.PlaceholderText, t.text_muted),
        (roles.Link, t.accent),
        (roles.LinkVisited, t.accent),
        (roles.BrightText, t.danger),
        (roles.Light, t.surface),
        (roles.Midlight, t.surface_alt),
        (roles.Mid, t.border),
        (roles.Dark, t.border),
        (roles.Shadow, "#000000"),
    ]
    if hasattr(roles, "Accent"):  # Qt >= 6.6
        pairs.append((roles.Accent, t.accent))
    for role, colour in pairs:
        p.setColor(role, QColor(colour))  # all groups
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText, roles.HighlightedText):
        p.setColor(disabled, role, QColor(t.text_muted))
    p.setColor(disabled, roles.Base, QColor(t.window))
    p.setColor(disabled, roles.Button, QColor(t.window))
    return p


_asset_dir: Path | None = None


def _tinted_asset(name: str, colour: str) -> str:
    """A tinted copy of icons/<name>.svg on disk, for style sheet `image: url(...)` (which needs a file)."""
    global _asset_dir
    from ticketflow_desktop.ui.resources import tinted_svg

    if _asset_dir is None:
        _asset_dir = Path(tempfile.mkdtemp(prefix="ticketflow-theme-"))
        atexit.register(shutil.rmtree, _asset_dir, True)
    path = _asset_dir / f"{name}-{colour.lstrip('#')}.svg"
    if not path.exists():
        path.write_bytes(tinted_svg(name, colour))
    return path.as_posix()


def style_sheet_for(t: Tokens) -> str:
    return STYLE_TEMPLATE.format(
        **t.as_dict(),
        check_image=_tinted_asset("check", t.accent_text),
        chevron_image=_tinted_asset("chevron-down", t.text_muted),
        chevron_disabled_image=_tinted_asset("chevron-down", t.border),
        check_disabled_image=_tinted_asset("check", t.text_muted),
    )


def style_plot(plot: Any, t: Tokens) -> None:
    """Colour a pyqtgraph PlotWidget (background, axes, labels) from the tokens.

    Charts call this from their `ThemeManager.changed` handler; the data colours stay theirs.
    """
    import pyqtgraph as pg

    plot.setBackground(t.surface)
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(t.border))
        axis.setTextPen(pg.mkPen(t.text_muted))
    item.titleLabel.setAttr("color", t.text)
    item.titleLabel.setText(item.titleLabel.text)


class ThemeManager(QObject):
    """Applies a theme to the whole application and re-applies when the OS scheme changes.

    `changed(tokens)` is the contract for everything that paints itself.
    """

    changed = Signal(object)  # Tokens
    choice_changed = Signal(str)  # "system" | "light" | "dark", also when the colours stay the same

    _instance: ClassVar[weakref.ReferenceType[ThemeManager] | None] = None

    def __init__(self, app: QApplication, choice: str = ThemeChoice.SYSTEM) -> None:
        super().__init__(app)
        self._app = app
        self._choice = ThemeChoice(choice) if choice in THEME_CHOICES else ThemeChoice.SYSTEM
        self.tokens: Tokens = LIGHT
        self._icon_bindings: list[tuple[weakref.ReferenceType[QObject], str, str, Callable[..., Any] | None]] = []
        self._style = AppStyle()  # the application owns it; the reference keeps the Python side alive
        app.setStyle(self._style)
        hints = QGuiApplication.styleHints()
        self._system_scheme = hints.colorScheme()  # the OS's, as last reported
        hints.colorSchemeChanged.connect(self._on_system_scheme)
        ThemeManager._instance = weakref.ref(self)
        self._pin_native_scheme()
        self._apply(force=True)

    @classmethod
    def instance(cls) -> ThemeManager | None:
        """The manager of the running app (None before one exists or after it was deleted)."""
        import shiboken6

        manager = cls._instance() if cls._instance is not None else None
        return manager if manager is not None and shiboken6.isValid(manager) else None

    @property
    def choice(self) -> str:
        return self._choice

    def set_choice(self, choice: str) -> None:
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme {choice!r}")
        self._choice = ThemeChoice(choice)
        self._pin_native_scheme()
        if self._choice is ThemeChoice.SYSTEM:
            reported = QGuiApplication.styleHints().colorScheme()
            if reported != Qt.ColorScheme.Unknown:
                self._system_scheme = reported
        self._apply()
        self.choice_changed.emit(str(self._choice))

    def _pin_native_scheme(self) -> None:
        # Qt >= 6.8 can tell the OS (title bars, native dialogs) which scheme we use.
        hints = QGuiApplication.styleHints()
        if not hasattr(hints, "setColorScheme"):
            return
        schemes = {ThemeChoice.LIGHT: Qt.ColorScheme.Light, ThemeChoice.DARK: Qt.ColorScheme.Dark}
        scheme = schemes.get(self._choice, Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)

    def _on_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        # While a theme is pinned, this reports our own pin, not the OS: ignore it then.
        if self._choice is ThemeChoice.SYSTEM:
            self._system_scheme = scheme
            self._apply()

    def _resolve(self) -> Tokens:
        if self._choice in THEMES:
            return THEMES[self._choice]
        return DARK if self._system_scheme == Qt.ColorScheme.Dark else LIGHT

    def _apply(self, force: bool = False) -> None:
        tokens = self._resolve()
        if tokens == self.tokens and not force:
            return
        self.tokens = tokens
        self._app.setPalette(palette_for(tokens))
        self._app.setStyleSheet(style_sheet_for(tokens))
        self._retint_icons()
        self.changed.emit(tokens)

    # --- icons that follow the theme ---------------------------------------------------------------

    def icon(self, name: str, role: str = "text") -> QIcon:
        """The SVG icon `name` tinted with the token `role` of the current theme."""
        from ticketflow_desktop.ui.resources import svg_icon

        return svg_icon(name, getattr(self.tokens, role), disabled_colour=self.tokens.text_muted)

    def bind_icon(self, target: QObject, name: str, role: str = "text") -> None:
        """Give `target` (anything with setIcon: action, button) the icon now and after every switch."""
        target.setIcon(self.icon(name, role))  # type: ignore[attr-defined]
        self._icon_bindings.append((weakref.ref(target), name, role, None))

    def _retint_icons(self) -> None:
        alive = []
        for ref, name, role, extra in self._icon_bindings:
            target = ref()
            if target is None:
                continue
            try:
                target.setIcon(self.icon(name, role))  # type: ignore[attr-defined]
            except RuntimeError:  # the C++ object is gone
                continue
            alive.append((ref, name, role, extra))
        self._icon_bindings = alive


def set_style_property(widget: Any, name: str, value: Any) -> None:
    """Set a property the style sheet selects on (role, kind, primary) and re-polish so it takes effect."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
