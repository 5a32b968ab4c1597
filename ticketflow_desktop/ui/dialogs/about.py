"""About TicketFlow: version, Qt and Python versions, the database in use, the licence."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ticketflow_desktop import __version__
from ticketflow_desktop.ui.logging_setup import log_file
from ticketflow_desktop.ui.resources import app_icon

LICENCE = "MIT licence"


def about_rows(database: str, settings_file: str) -> list[tuple[str, str]]:
    path = log_file()
    return [
        ("Version", __version__),
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
        ("Python", f"{platform.python_version()} on {platform.system()} {platform.release()}"),
        ("Database", database or "not open"),
        ("Settings", settings_file),
        ("Log file", str(path) if path else "not logging to a file"),
        ("Licence", LICENCE),
    ]


class AboutDialog(QDialog):
    def __init__(self, database: str, settings_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About TicketFlow")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setFixedSize(72, 72)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        title = QVBoxLayout()
        name = QLabel("TicketFlow Desktop", self)
        name.setProperty("role", "heading")
        blurb = QLabel("A fast, calm support-ticket client on SQLite or PostgreSQL.", self)
        blurb.setProperty("role", "muted")
        blurb.setWordWrap(True)
        title.addWidget(name)
        title.addWidget(blurb)
        top.addLayout(title, 1)
        layout.addLayout(top)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for label, value in about_rows(database, settings_file):
            field = QLabel(value, self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            self.values[label] = field
            form.addRow(f"{label}:", field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
