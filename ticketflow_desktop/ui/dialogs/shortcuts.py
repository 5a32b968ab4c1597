"""Help → Keyboard shortcuts (F1): the list is read from the window's own actions, so it cannot drift.

Every shortcut is a QAction with a `help_group` property ("Window", "Tickets", "Ticket detail", "Submit",
"Dashboard"); a menu action without one is listed under its menu's title.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QMenu, QScrollArea, QVBoxLayout, QWidget

SECTION_ORDER = ("Window", "Tickets", "Ticket detail", "Submit", "Dashboard")
FALLBACK_SECTION = "Window"
COLUMN_GAP = 24


@dataclass(frozen=True)
class ShortcutEntry:
    section: str
    text: str  # the action's text as a user reads it: no mnemonic "&"
    keys: str  # every key sequence of the action, in the platform's notation, comma-separated


def readable_text(text: str) -> str:
    """An action's text without its mnemonic marks ("&Find tickets" -> "Find tickets", "&&" -> "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of the window: its children and those added to any widget in it, each once."""
    found: dict[int, QAction] = {}
    for action in window.findChildren(QAction):
        found.setdefault(id(action), action)
    for widget in [window, *window.findChildren(QWidget)]:
        for action in widget.actions():
            found.setdefault(id(action), action)
    return list(found.values())


def _section(action: QAction) -> str:
    group = action.property("help_group")
    if isinstance(group, str) and group:
        return group
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return readable_text(owner.title())
    return FALLBACK_SECTION


def shortcut_entries(window: QWidget) -> list[ShortcutEntry]:
    """One entry per action with a shortcut, sections in SECTION_ORDER (others after, by name)."""
    entries = []
    for action in window_actions(window):
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if not sequences:
            continue
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
        entries.append(ShortcutEntry(_section(action), readable_text(action.text()), keys))

    def rank(entry: ShortcutEntry) -> tuple[int, str]:
        known = entry.section in SECTION_ORDER
        return (SECTION_ORDER.index(entry.section) if known else len(SECTION_ORDER), "" if known else entry.section)

    return sorted(entries, key=rank)  # stable: within a section, the order the actions were made in


def shortcuts_text(entries: list[ShortcutEntry]) -> str:
    """The list as plain text: each section's name, then its "keys: action" lines."""
    lines: list[str] = []
    section = None
    for entry in entries:
        if entry.section != section:
            section = entry.section
            lines += [section]
        lines.append(f"{entry.keys}: {entry.text}")
    return "\n".join(lines)


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.entries = shortcut_entries(window)
        self.labels: list[QLabel] = []  # every text shown, in order
        screen = window.screen().availableGeometry() if window.screen() else None
        # Each shortcut on one line when the screen is wide enough; on a narrow one a key sequence per line
        # and wrapped descriptions, so nothing is cut and nothing scrolls sideways.
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        keys_width = max((QFontMetrics(bold).horizontalAdvance(e.keys) for e in self.entries), default=0)
        text_width = max((self.fontMetrics().horizontalAdvance(e.text) for e in self.entries), default=0)
        width = keys_width + text_width + COLUMN_GAP + 80
        narrow = screen is not None and width > screen.width() * 0.9
        if narrow and screen is not None:
            width = int(screen.width() * 0.9)

        layout = QVBoxLayout(self)
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(COLUMN_GAP)
        grid.setColumnStretch(1, 1)
        section = None
        for entry in self.entries:
            if entry.section != section:
                section = entry.section
                grid.addWidget(self._label(section, "heading"), grid.rowCount(), 0, 1, 2)
            row = grid.rowCount()
            keys = self._label(entry.keys.replace(", ", ",\n") if narrow else entry.keys)
            keys.setStyleSheet("font-weight: 600;")  # DemiBold, as measured above
            grid.addWidget(keys, row, 0, Qt.AlignmentFlag.AlignTop)
            text = self._label(entry.text)
            text.setWordWrap(narrow)
            grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
        if not self.entries:
            grid.addWidget(self._label("No keyboard shortcuts."), 0, 0)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
        height = body.heightForWidth(width - 48) if narrow else body.sizeHint().height()
        height += buttons.sizeHint().height() + 48
        if screen is not None:
            height = min(height, int(screen.height() * 0.85))  # then it scrolls
        self.resize(max(360, width), height)

    def _label(self, text: str, role: str | None = None) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if role is not None:
            label.setProperty("role", role)
        self.labels.append(label)
        return label

    def text(self) -> str:
        return shortcuts_text(self.entries)
