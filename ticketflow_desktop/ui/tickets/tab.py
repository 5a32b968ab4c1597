"""The Tickets tab (placeholder until the main-window issue fills it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ticketflow_desktop.ui.context import AppContext


class TicketsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tickets"))

    def focus_search(self) -> None:
        self.setFocus()

    def refresh(self) -> None:
        pass
