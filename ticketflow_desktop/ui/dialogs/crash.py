"""The crash dialog: a bug happened; say so plainly, keep the app running, give the details to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.ui.theme import ThemeManager, set_style_property

MAX_DETAILED = 20  # a bug that repeats on every repaint must not grow the dialog without end


class CrashDialog(QDialog):
    """Non-modal, so the user can keep working (and tests can look at it); repeated bugs add to it."""

    def __init__(self, details: str, log_path: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("TicketFlow hit a bug")
        self.setModal(False)
        self.setMinimumSize(520, 360)
        self.resize(680, 460)
        self.count = 1

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel("Something went wrong inside TicketFlow.", self)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        self.summary = QLabel(
            "This is a bug, not something you did. Your tickets and unsaved input are kept; you can keep "
            "working, or restart TicketFlow if something looks wrong. Please send the details below to support.",
            self,
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if log_path:
            where = QLabel(f"Log file: {log_path}", self)
            where.setProperty("role", "muted")
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            layout.addWidget(where)
            self.log_label = where
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName("Error details")
        layout.addWidget(self.details, 1)

        row = QHBoxLayout()
        self.copy_button = QPushButton("Copy details", self)
        self.copy_button.clicked.connect(self.copy_details)
        manager = ThemeManager.instance()
        if manager is not None:
            manager.bind_icon(self.copy_button, "copy")
        self.copied_label = QLabel("", self)
        self.copied_label.setProperty("role", "success")
        row.addWidget(self.copy_button)
        row.addWidget(self.copied_label, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Keep working")
        close.setIcon(QIcon())  # not a "close" X: the app keeps running
        set_style_property(close, "primary", True)
        buttons.rejected.connect(self.close)
        row.addWidget(buttons)
        layout.addLayout(row)

    def add(self, details: str) -> None:
        """Another bug while the dialog is open: append rather than stack dialogs."""
        self.count += 1
        self.setWindowTitle(f"TicketFlow hit a bug ({self.count} errors)")
        if self.count <= MAX_DETAILED:
            self.details.appendPlainText("\n" + "-" * 60 + "\n" + details)
        elif self.count == MAX_DETAILED + 1:
            self.details.appendPlainText("\n(more errors followed; see the log file for all of them)")

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied_label.setText("Copied to the clipboard.")
