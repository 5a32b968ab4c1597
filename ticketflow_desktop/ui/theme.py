"""Theme = colour tokens -> a Fusion QPalette + a small templated style sheet. Charts read the tokens.

"system" follows the OS colour scheme (QStyleHints.colorScheme) live; the user may pin light or dark.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ticketflow_desktop.domain import Category, Priority, Status

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
    Status.RESOLVED: "#22c55e",
    Status.CLOSED: "#6b7280",
}


@dataclass(frozen=True)
class Tokens:
    name: str
    window: str
    surface: str  # cards, inputs, table
    surface_alt: str  # alternate rows
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
    warning="#9a6700",
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

STYLE_TEMPLATE = """
QToolTip {{ color: {text}; background: {surface}; border: 1px solid {border}; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 8px 18px; border: none; color: {text_muted}; background: transparent; }}
QTabBar::tab:selected {{ color: {text}; border-bottom: 2px solid {accent}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox {{
    border: 1px solid {border}; border-radius: 6px; padding: 5px 8px; background: {surface};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{ border-color: {accent}; }}
QPushButton {{ border: 1px solid {border}; border-radius: 6px; padding: 6px 14px; background: {surface}; }}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton[primary="true"] {{ background: {accent}; color: {accent_text}; border-color: {accent}; font-weight: 600; }}
QPushButton:disabled {{ color: {text_muted}; }}
QPushButton[primary="true"]:disabled {{ background: {border}; border-color: {border}; color: {text_muted}; }}
QTableView {{ gridline-color: {border}; border: 1px solid {border}; border-radius: 6px; }}
QHeaderView::section {{ background: {surface_alt}; border: none; border-bottom: 1px solid {border};
    padding: 6px; color: {text_muted}; font-weight: 600; }}
QLabel[role="muted"] {{ color: {text_muted}; }}
QLabel[role="error"] {{ color: {danger}; }}
QLabel[role="heading"] {{ font-size: 16pt; font-weight: 600; }}
QFrame[role="card"] {{ background: {surface}; border: 1px solid {border}; border-radius: 10px; }}
QLabel[role="badge"] {{ border-radius: 8px; padding: 2px 8px; background: {selection}; color: {selection_text}; }}
QFrame[role="toast"] {{ background: {toast_bg}; border-radius: 8px; }}
QFrame[role="toast"] QLabel {{ color: {toast_text}; }}
QFrame[role="toast"][kind="error"] {{ border-left: 4px solid {danger}; }}
QFrame[role="toast"][kind="success"] {{ border-left: 4px solid {success}; }}
QStatusBar QLabel {{ color: {text_muted}; padding: 0 6px; }}
"""


def palette_for(t: Tokens) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
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
        (roles.BrightText, t.danger),
        (roles.Mid, t.border),
        (roles.Dark, t.border),
        (roles.Light, t.surface),
    ):
        p.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(t.text_muted))
    return p


class ThemeManager(QObject):
    """Applies a theme to the whole application and re-applies when the OS scheme changes."""

    changed = Signal(object)  # Tokens

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self._app = app
        self._choice = choice
        self.tokens = LIGHT
        app.setStyle("Fusion")
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self._apply())
        self._apply()

    @property
    def choice(self) -> str:
        return self._choice

    def set_choice(self, choice: str) -> None:
        if choice not in ("system", "light", "dark"):
            raise ValueError(f"unknown theme {choice!r}")
        self._choice = choice
        self._apply()

    def _resolve(self) -> Tokens:
        if self._choice == "dark":
            return DARK
        if self._choice == "light":
            return LIGHT
        scheme = QGuiApplication.styleHints().colorScheme()
        return DARK if scheme == Qt.ColorScheme.Dark else LIGHT

    def _apply(self) -> None:
        self.tokens = self._resolve()
        self._app.setPalette(palette_for(self.tokens))
        self._app.setStyleSheet(STYLE_TEMPLATE.format(**self.tokens.__dict__))
        self.changed.emit(self.tokens)
