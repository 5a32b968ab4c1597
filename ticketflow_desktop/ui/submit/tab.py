"""The Submit tab (placeholder until the main-window issue fills it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ticketflow_desktop.ui.context import AppContext


class SubmitTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Submit a ticket"))

    def focus_first_field(self) -> None:
        self.setFocus()
