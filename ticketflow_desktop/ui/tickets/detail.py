"""The selected ticket: full description (plain text), editable fields with a versioned Save, history.

Unsaved edits are never thrown away: switching to another ticket keeps them as a draft, and a
conflict keeps them in the fields while showing what the colleague stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import (
    ALLOWED_TRANSITIONS,
    Category,
    Conflict,
    Priority,
    Status,
    StorageUnavailable,
    Ticket,
    TicketChanges,
    TicketEvent,
    ValidationError,
)
from ticketflow_desktop.domain.validation import TITLE_MAX
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.guard import while_alive
from ticketflow_desktop.ui.tickets.format import event_text, exact_time, relative_time, value_label


@dataclass(frozen=True)
class Draft:
    title: str
    description: str
    category: Category
    priority: Priority
    status: Status


def _draft_of(ticket: Ticket) -> Draft:
    return Draft(ticket.title, ticket.description, ticket.category, ticket.priority, ticket.status)


class TicketDetail(QWidget):
    saved = Signal(object)  # Ticket

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ticket: Ticket | None = None  # the stored version our edits are based on
        self.ticket_id: int | None = None
        self._drafts: dict[int, Draft] = {}
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel("Select a ticket to see it here.", self)
        self.heading.setProperty("role", "muted")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit(self.form)
        self.title.setMaxLength(TITLE_MAX)
        self.title.setAccessibleName("Title")
        form.addRow("Title", self.title)
        row = QHBoxLayout()
        self.combos: dict[str, QComboBox] = {}
        for name, enum in (("category", Category), ("priority", Priority), ("status", Status)):
            combo = QComboBox(self.form)
            combo.setAccessibleName(name.capitalize())
            for member in enum:
                combo.addItem(member.label, member.value)
            combo.currentIndexChanged.connect(self._edited)
            self.combos[name] = combo
            row.addWidget(combo)
        form.addRow("Triage", row)
        self.description = QPlainTextEdit(self.form)  # plain text: a description is never rendered as HTML
        self.description.setAccessibleName("Description")
        self.description.setMinimumHeight(48)  # the panel may sit under the table on small windows
        form.addRow("Description", self.description)
        layout.addWidget(self.form, 2)

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.reload_button = QPushButton("Reload", self)
        self.reload_button.setToolTip("Discard your edits and show the stored ticket")
        self.reload_button.clicked.connect(self.reload)
        self.save_button = QPushButton("Save", self)
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        history_label = QLabel("History", self)
        history_label.setProperty("role", "muted")
        layout.addWidget(history_label)
        self.history = QListWidget(self)
        self.history.setAccessibleName("History")
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(40)
        layout.addWidget(self.history, 1)

        self.title.textEdited.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self._set_enabled(False)

    # --- showing ---------------------------------------------------------------------------------

    def show_ticket(self, ticket_id: int | None) -> None:
        if ticket_id == self.ticket_id:
            return
        self._keep_draft()
        self.ticket_id = ticket_id
        self.ticket = None
        self.message.hide()
        self.history.clear()
        if ticket_id is None:
            self.heading.setText("Select a ticket to see it here.")
            self._set_enabled(False)
            return
        self.heading.setText(f"Ticket #{ticket_id} — loading…")
        self._set_enabled(False)
        self._load(ticket_id)

    def reload(self) -> None:
        """Show the stored ticket, discarding edits made here."""
        if self.ticket_id is None:
            return
        self._drafts.pop(self.ticket_id, None)
        self.ticket = None
        self.message.hide()
        self._load(self.ticket_id)

    def on_tickets_changed(self, ids: frozenset[int] | None) -> None:
        if self.ticket_id is None or (ids is not None and self.ticket_id not in ids):
            return
        if self.is_dirty():  # keep the agent's edits; a Save will meet the new version as a conflict
            self._load_events(self.ticket_id)
            return
        self._load(self.ticket_id)

    def _load(self, ticket_id: int) -> None:
        service = self.context.service
        if service is None:
            return
        self.context.tasks.read(
            service.get,
            ticket_id,
            on_done=while_alive(self, self._loaded),
            on_failed=while_alive(self, self._load_failed),
            key="ticket-detail",
        )
        self._load_events(ticket_id)

    def _load_events(self, ticket_id: int) -> None:
        service = self.context.service
        if service is None:
            return
        self.context.tasks.read(
            service.events,
            ticket_id,
            on_done=while_alive(self, self._events_loaded),
            on_failed=while_alive(self, lambda _e: None),
            key="ticket-events",
        )

    def _loaded(self, ticket: Ticket) -> None:
        if ticket.id != self.ticket_id:
            return
        self.ticket = ticket
        draft = self._drafts.pop(ticket.id, None)
        self._fill(draft or _draft_of(ticket))
        self._set_enabled(True)
        self._update_heading()

    def _load_failed(self, error: BaseException) -> None:
        self.heading.setText(f"Ticket #{self.ticket_id} cannot be shown: {error}")

    def _events_loaded(self, events: tuple[TicketEvent, ...]) -> None:
        if not events or events[0].ticket_id != self.ticket_id:
            return
        self.history.clear()
        for event in reversed(events):  # newest first
            self.history.addItem(event_text(event, self.context.clock.now()))

    def _fill(self, draft: Draft) -> None:
        self._loading = True
        self.title.setText(draft.title)
        if self.description.toPlainText() != draft.description:
            self.description.setPlainText(draft.description)
        for name in ("category", "priority"):
            combo = self.combos[name]
            combo.setCurrentIndex(combo.findData(getattr(draft, name).value))
        self._fill_status(draft.status)
        self._loading = False
        self._edited()

    def _fill_status(self, wanted: Status) -> None:
        combo = self.combos["status"]
        stored = self.ticket.status if self.ticket is not None else wanted
        allowed = ALLOWED_TRANSITIONS[stored] | {stored}
        combo.blockSignals(True)
        combo.clear()
        for status in Status:
            if status in allowed:
                combo.addItem(status.label, status.value)
        combo.setCurrentIndex(max(0, combo.findData(wanted.value)))
        combo.blockSignals(False)

    def _update_heading(self) -> None:
        if self.ticket is None:
            return
        t, now = self.ticket, self.context.clock.now()
        self.heading.setText(
            f"Ticket #{t.id} · created {relative_time(t.created_at, now)} · updated {relative_time(t.updated_at, now)}"
        )
        self.heading.setToolTip(f"Created {exact_time(t.created_at)}\nUpdated {exact_time(t.updated_at)}")

    def _set_enabled(self, enabled: bool) -> None:
        self.form.setEnabled(enabled)
        self.reload_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled and self.is_dirty())

    # --- editing ---------------------------------------------------------------------------------

    def current_draft(self) -> Draft | None:
        if self.ticket is None:
            return None
        return Draft(
            self.title.text(),
            self.description.toPlainText(),
            Category(self.combos["category"].currentData()),
            Priority(self.combos["priority"].currentData()),
            Status(self.combos["status"].currentData()),
        )

    def changes(self) -> TicketChanges:
        draft = self.current_draft()
        if draft is None or self.ticket is None:
            return TicketChanges()
        stored = _draft_of(self.ticket)
        return TicketChanges(
            **{
                name: getattr(draft, name)
                for name in draft.__dataclass_fields__
                if getattr(draft, name) != getattr(stored, name)
            }
        )

    def is_dirty(self) -> bool:
        return not self.changes().is_empty()

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self.save_button.setEnabled(self.ticket is not None and self.is_dirty())

    def _keep_draft(self) -> None:
        if self.ticket_id is not None and self.ticket is not None and self.is_dirty():
            draft = self.current_draft()
            assert draft is not None
            self._drafts[self.ticket_id] = draft

    def save(self) -> None:
        if self.ticket is None:
            return
        changes = self.changes()
        if changes.is_empty():
            return
        self.save_button.setEnabled(False)
        self.message.hide()
        ticket_id = self.ticket.id
        self.context.update_ticket(
            ticket_id,
            changes,
            self.ticket.version,
            on_done=while_alive(self, self._saved),
            on_failed=while_alive(self, lambda error: self._save_failed(ticket_id, error)),
        )

    def _saved(self, ticket: Ticket) -> None:
        if ticket.id == self.ticket_id:
            self.ticket = ticket
            self._fill(_draft_of(ticket))
            self._update_heading()
        self.context.notify.emit(f"Ticket #{ticket.id} saved.", "success")
        self.saved.emit(ticket)

    def _save_failed(self, ticket_id: int, error: BaseException) -> None:
        if ticket_id != self.ticket_id:
            self.context.notify.emit(f"Ticket #{ticket_id} was not saved: {error}", "error")
            return
        if isinstance(error, Conflict):
            mine = self.current_draft()
            assert mine is not None
            # The colleague's version becomes the base: saving again now overwrites knowingly.
            self.ticket = error.current
            theirs = ", ".join(
                f"{f.capitalize()} is now {value_label(f, _text(getattr(error.current, f)))}"
                f" (yours: {value_label(f, _text(getattr(mine, f)))})"
                for f in error.conflicting_fields
            )
            self._show_message(
                f"A colleague changed this ticket meanwhile: {theirs}. Your edits are kept here — "
                "Save again to keep yours, or Reload to take theirs."
            )
            self._fill_status(mine.status)
            self._update_heading()
            self._load_events(ticket_id)
        elif isinstance(error, ValidationError):
            self._show_message("; ".join(f"{e.field.capitalize()}: {e.message}" for e in error.errors))
        elif isinstance(error, StorageUnavailable):
            self._show_message(f"Not saved — the database is unreachable. Your edits are kept. ({error})")
        else:
            self._show_message(f"Not saved: {error}")
        self._edited()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def _text(value: object) -> str:
    return value.value if isinstance(value, Category | Priority | Status) else str(value)
