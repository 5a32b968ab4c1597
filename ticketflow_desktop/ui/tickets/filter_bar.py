"""Category, priority, status, SLA-state and tag filters (several values each: any of them), a debounced
search box, clear-all and "N tickets". The tags offered are the ones in use, most used first, which the
tab reads when the tag menu opens (`tags_wanted`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ticketflow_desktop.domain import Category, Priority, Status, TicketFilter
from ticketflow_desktop.domain.sla_state import SlaState
from ticketflow_desktop.domain.validation import SEARCH_MAX
from ticketflow_desktop.ui.tickets.multi_choice import MultiChoice

SEARCH_DEBOUNCE_MS = 400


class FilterBar(QWidget):
    changed = Signal(object)  # TicketFilter
    tags_wanted = Signal()  # the tag menu is opening: offer the tags in use (set_tag_options)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search title and description…")
        self.search.setAccessibleName("Search tickets")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(SEARCH_MAX)
        self.search.installEventFilter(self)
        layout.addWidget(self.search, 3)
        self.choices: dict[str, MultiChoice[Any]] = {}
        for name, enum, everything in (
            ("category", Category, "All categories"),
            ("priority", Priority, "All priorities"),
            ("status", Status, "All statuses"),
            ("sla", SlaState, "Any SLA"),
            ("tags", (), "Any tag"),
        ):
            choice: MultiChoice[Any] = MultiChoice(enum, everything, name if name != "sla" else "SLA state", self)
            choice.changed.connect(self._emit)
            self.choices[name] = choice
            layout.addWidget(choice, 1)
        self.choices["tags"].options_wanted.connect(self.tags_wanted)
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.count_label = QLabel("", self)
        self.count_label.setProperty("role", "muted")
        self.count_label.setAccessibleName("Number of tickets")
        self.count_label.setMinimumWidth(110)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.count_label)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self._last = self.current()
        self._update_clear()

    def current(self) -> TicketFilter:
        return TicketFilter(
            category=self.choices["category"].values(),
            priority=self.choices["priority"].values(),
            status=self.choices["status"].values(),
            search=self.search.text(),
            sla_states=frozenset(states) if (states := self.choices["sla"].values()) else None,
            tags=self.choices["tags"].values() or (),
        )

    def set_tag_options(self, tags: list[str]) -> None:
        self.choices["tags"].set_options(tags)

    def choose(self, name: str, *values: Any) -> None:
        """Tick exactly `values` of the filter `name` (none: any), as the agent would."""
        self.choices[name].set_values(values)
        self._emit()

    def set_filter(self, filter: TicketFilter) -> None:
        self.choices["category"].set_values(filter.categories)
        self.choices["priority"].set_values(filter.priorities)
        self.choices["status"].set_values(filter.statuses)
        self.choices["sla"].set_values(filter.sla_states)
        self.choices["tags"].set_values(filter.tags)
        self.search.blockSignals(True)
        self.search.setText(filter.search)
        self.search.blockSignals(False)
        self._emit()

    def clear(self) -> None:
        self.set_filter(TicketFilter())

    def _emit(self) -> None:
        self._debounce.stop()
        current = self.current()
        self._update_clear()
        if current == self._last:
            return
        self._last = current
        self.changed.emit(current)

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(not self.current().is_empty())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            self.search.clear()
            self._emit()
            return True
        return super().eventFilter(watched, event)
