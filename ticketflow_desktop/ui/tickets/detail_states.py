"""What the detail panel says besides showing a ticket: that nothing is selected, or that the ticket
it shows is not (or no longer) in the list beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ticketflow_desktop.domain import Ticket, TicketFilter
from ticketflow_desktop.domain.search import matches

EMPTY_HEADING = "No ticket selected"
EMPTY_HINT = "Select a ticket in the list, or press Ctrl+G to go to one by number."
SIDE_BY_SIDE_WIDTH = 600  # the notice's buttons go beside its text from this width on


def ticket_matches(filter: TicketFilter, ticket: Ticket) -> bool:
    """Whether the list's query returns this ticket: the database's rules, applied to one ticket."""
    return filter.fields_match(ticket) and (
        not filter.search_term or matches(filter.search_term, ticket.title, ticket.description)
    )


def left_list_text(ticket_id: int, was_listed: bool, has_edits: bool) -> str:
    if was_listed:
        text = f"Ticket #{ticket_id} is no longer in this list: it does not match the filters any more."
    else:
        text = f"Ticket #{ticket_id} is not in this list: it does not match the filters."
    if has_edits:
        text += " Your unsaved edits are kept here: save them (Ctrl+S) or discard them (Esc)."
    return text


class EmptyState(QWidget):
    """Shown instead of a form of disabled fields when no ticket is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addStretch(1)
        self.heading = QLabel(EMPTY_HEADING, self)
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(EMPTY_HINT, self)
        self.hint.setProperty("role", "muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addStretch(2)


class LeftListNotice(QFrame):
    """'Ticket #N is no longer in this list', above the ticket, which stays editable below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self.message = QLabel("", self)
        self.message.setProperty("role", "warning")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self._layout.addWidget(self.message, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.keep_viewing_button = QPushButton("Keep viewing", self)
        self.keep_viewing_button.setToolTip("Keep this ticket here although the list does not show it")
        self.close_button = QPushButton("Close", self)
        self.close_button.setToolTip("Stop showing this ticket")
        buttons.addWidget(self.keep_viewing_button)
        buttons.addWidget(self.close_button)
        self._layout.addLayout(buttons)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Wide (the panel under the table): buttons beside the text, so the fields keep their height.
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        self._layout.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)
