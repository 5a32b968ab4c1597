"""The Submit tab: a form with inline validation, a saved draft, and suggestions for category and priority.

This module lays the form out and submits it; when to ask for a suggestion and what to do with the
answer is the SuggestionFlow's (ui/submit/suggestion_flow.py). Writes go through
`context.writes.submit`; suggestions through a SuggestionEngine in a worker. The
form never waits: a slow model or database only shows a calm line, and nothing typed is lost.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import (
    Category,
    Priority,
    StorageUnavailable,
    Suggestion,
    Ticket,
    TicketDraft,
    ValidationError,
)
from ticketflow_desktop.domain.conversation import Requester, parse_requester
from ticketflow_desktop.domain.validation import TITLE_MAX, description_error, title_error
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.notices import Severity
from ticketflow_desktop.ui.submit.draft_store import DraftStore
from ticketflow_desktop.ui.submit.fields import (
    DescriptionEdit,
    EnumChooser,
    ErrorLine,
    FormLineEdit,
    SuggestionMark,
)
from ticketflow_desktop.ui.submit.requester import RequesterCompletion
from ticketflow_desktop.ui.submit.suggestion_flow import SuggestionFlow
from ticketflow_desktop.ui.submit.suggestions import SuggestionEngine, SuggestionState
from ticketflow_desktop.ui.undo import UndoItem
from ticketflow_desktop.ui.words import error_words

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 500
# A suggestion is asked for at the agent's pause in typing, not on every keystroke.
SUGGEST_PAUSE_MS = 600
TITLE_WARN_AT = TITLE_MAX - 20
FORM_MAX_WIDTH = 860


def _set_role(widget: QWidget, role: str) -> None:
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class SubmitTab(QWidget):
    ticket_created = Signal(int)
    # The suggestion area reached a definite state (a SuggestionState other than pending).
    suggestion_settled = Signal(str)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        draft_path: Path | None = None,
        model_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.drafts = DraftStore(draft_path)
        self.engine = SuggestionEngine(context, model_path, self)
        self._touched: set[str] = set()
        self._submitting = False
        self._title = ""
        self._counter_text: str | None = None
        self._submit_enabled: bool | None = None
        self._clear_enabled: bool | None = None
        self._undo_item: UndoItem | None = None  # the newest undoable Clear (or restore) of this form
        self._focus_parked: QWidget | None = None

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)
        self._suggest_timer = QTimer(self, singleShot=True, interval=SUGGEST_PAUSE_MS)
        self._suggest_timer.timeout.connect(self._maybe_auto_suggest)
        self._build()
        self.suggestions = SuggestionFlow(
            self.engine,
            texts=lambda: (self.title_edit.text(), self.description_edit.toPlainText()),
            may_ask=lambda: not self._submitting and self.isVisible(),
            fields={
                "category": (self.category_box, self.category_mark),
                "priority": (self.priority_box, self.priority_mark),
            },
            status=self.suggestion_status,
            use_button=self.use_suggestion_button,
            parent=self,
        )
        self.suggestions.settled.connect(self.suggestion_settled)
        self.suggestions.filled.connect(self._validate)
        self.suggestions.suggested.connect(self._save_timer.start)
        self.suggestions.taken.connect(self._focus_next_step)
        self._restore_draft()
        self._validate()

    # --- construction --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel("New ticket", self)
        self.heading.setProperty("role", "heading")

        self.title_edit = FormLineEdit(self)
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("A short summary, e.g. “Invoice PDF shows the wrong VAT number”")
        self.title_counter = QLabel(f"0/{TITLE_MAX}", self)
        self.title_counter.setProperty("role", "muted")
        self.title_counter.setAccessibleName("Title length")
        self.title_error = ErrorLine(self)

        self.description_edit = DescriptionEdit(self)
        self.description_edit.setAccessibleName("Description")
        self.description_edit.setPlaceholderText("What happened, what was expected, who is affected…")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.focus_lost.connect(self._description_left)
        self.description_error = ErrorLine(self)
        for field in (self.title_edit, self.description_edit):
            field.app_undo_wanted = self._undo_is_ours

        self.category_box = EnumChooser(Category, "Category", self)
        self.priority_box = EnumChooser(Priority, "Priority", self)
        self.category_mark = SuggestionMark("Category suggestion", self)
        self.priority_mark = SuggestionMark("Priority suggestion", self)
        self.category_error = ErrorLine(self)
        self.priority_error = ErrorLine(self)

        self.requester_edit = FormLineEdit(self)
        self.requester_edit.setAccessibleName("Requester")
        self.requester_edit.setPlaceholderText("Optional: a customer's name or email, or “Ann Lee <ann@example.com>”")
        self.requester_edit.app_undo_wanted = self._undo_is_ours
        self.requester_completion = RequesterCompletion(self.context, self.requester_edit)
        self.requester_error = ErrorLine(self)

        self.suggest_button = QPushButton("Suggest", self)
        self.suggest_button.setToolTip("Suggest a category and priority from the text (Ctrl+Shift+S)")
        self.suggest_button.setAccessibleName("Suggest category and priority")
        self.suggestion_status = QLabel("", self)
        self.suggestion_status.setProperty("role", "muted")
        self.suggestion_status.setWordWrap(True)
        self.suggestion_status.setAccessibleName("Suggestion status")
        self.use_suggestion_button = QPushButton("Use suggestion", self)
        self.use_suggestion_button.hide()

        self.form_message = ErrorLine(self)
        self.form_message.setAccessibleName("Submit status")
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setToolTip("Empty the form (it can be undone: Ctrl+Z or Undo on the notice)")
        self.submit_button = QPushButton("Submit", self)
        self.submit_button.setProperty("primary", True)
        self.submit_button.setToolTip("Submit the ticket (Ctrl+Enter)")
        self.submit_button.setDefault(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        title_label = self._field_label("&Title", self.title_edit)
        grid.addWidget(title_label, 0, 0)
        grid.addWidget(self.title_edit, 0, 1, 1, 3)
        under_title = QHBoxLayout()
        under_title.addWidget(self.title_error, 1)
        under_title.addWidget(self.title_counter, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addLayout(under_title, 1, 1, 1, 3)
        grid.addWidget(self._field_label("&Description", self.description_edit), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.description_edit, 2, 1, 1, 3)
        grid.addWidget(self.description_error, 3, 1, 1, 3)
        grid.setRowStretch(2, 1)
        grid.addWidget(self._field_label("&Category", self.category_box), 4, 0)
        grid.addWidget(self.category_box, 4, 1)
        grid.addWidget(self._field_label("&Priority", self.priority_box), 4, 2)
        grid.addWidget(self.priority_box, 4, 3)
        grid.addWidget(self.category_mark, 5, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.priority_mark, 5, 3, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.category_error, 6, 1)
        grid.addWidget(self.priority_error, 6, 3)
        grid.addWidget(self._field_label("Re&quester", self.requester_edit), 7, 0)
        grid.addWidget(self.requester_edit, 7, 1, 1, 3)
        grid.addWidget(self.requester_error, 8, 1, 1, 3)

        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggest_button)
        suggestion_row.addWidget(self.suggestion_status, 1)
        suggestion_row.addWidget(self.use_suggestion_button)
        grid.addLayout(suggestion_row, 9, 1, 1, 3)

        buttons = QHBoxLayout()
        buttons.addWidget(self.form_message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)
        grid.addLayout(buttons, 10, 1, 1, 3)

        form = QWidget(self)
        form.setMaximumWidth(FORM_MAX_WIDTH)
        inner = QVBoxLayout(form)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        # A viewer's form: said once, above the fields it disables (set_read_only).
        self.read_only_note = QLabel("", form)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setProperty("role", "muted")
        self.read_only_note.setAccessibleName("Read-only")
        self.read_only_note.hide()
        inner.addWidget(self.read_only_note)
        inner.addSpacing(8)
        inner.addLayout(grid, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addStretch(0)
        outer.addWidget(form, 1)
        outer.addStretch(0)

        for first, second in (
            (self.title_edit, self.description_edit),
            (self.description_edit, self.category_box),
            (self.category_box, self.priority_box),
            (self.priority_box, self.requester_edit),
            (self.requester_edit, self.suggest_button),
            (self.suggest_button, self.use_suggestion_button),
            (self.use_suggestion_button, self.clear_button),
            (self.clear_button, self.submit_button),
        ):
            QWidget.setTabOrder(first, second)

        self.title_edit.textChanged.connect(lambda: self._edited("title"))
        self.description_edit.textChanged.connect(lambda: self._edited("description"))
        self.title_edit.editingFinished.connect(lambda: self._touch("title"))
        self.requester_edit.textChanged.connect(self._requester_edited)
        self.requester_edit.editingFinished.connect(lambda: self._touch("requester"))
        self.category_box.activated.connect(lambda _i: self._chosen_by_hand("category"))
        self.priority_box.activated.connect(lambda _i: self._chosen_by_hand("priority"))
        self.suggest_button.clicked.connect(self.suggest_now)
        self.use_suggestion_button.clicked.connect(self.use_offered_suggestion)
        self.clear_button.clicked.connect(self.clear_by_agent)
        self.submit_button.clicked.connect(self.submit)
        # Ctrl+Enter anywhere in the form; Return and Enter are two keys, so both.
        self.submit_action = QAction("Submit the ticket", self)
        self.submit_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.submit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.submit_action.setProperty("help_group", "Submit")
        self.submit_action.triggered.connect(self.submit)
        self.addAction(self.submit_action)

    def set_read_only(self, read_only: bool, words: str = "") -> None:
        """A viewer may not create tickets: the form says so and takes no input."""
        for widget in (
            self.title_edit,
            self.description_edit,
            self.category_box,
            self.priority_box,
            self.suggest_button,
            self.use_suggestion_button,
            self.clear_button,
            self.submit_button,
        ):
            widget.setEnabled(not read_only)
        self.read_only_note.setText(words)
        self.read_only_note.setVisible(read_only)

    def _field_label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # --- values --------------------------------------------------------------------------------

    def focus_first_field(self) -> None:
        self.title_edit.setFocus()

    def draft(self) -> TicketDraft | None:
        category, priority = self.category_box.value(), self.priority_box.value()
        if not isinstance(category, Category) or not isinstance(priority, Priority):
            return None
        return TicketDraft(
            self.title_edit.text(),
            self.description_edit.toPlainText(),
            category,
            priority,
            suggestion=self.suggestion,
            requester=self.requester(),
        )

    def requester(self) -> Requester | None:
        """The requester typed (None when the field is empty or not an address: see errors())."""
        text = self.requester_edit.text().strip()
        if not text:
            return None
        try:
            return parse_requester(text)
        except ValidationError:
            return None

    def _requester_problem(self) -> str | None:
        text = self.requester_edit.text().strip()
        if not text:
            return None  # optional
        try:
            parse_requester(text)
        except ValidationError as error:
            return error.for_field("requester") or str(error)
        return None

    def errors(self) -> dict[str, str]:
        self._title = self.title_edit.text()
        found = {
            "title": title_error(self._title),
            "description": description_error(self.description_edit.toPlainText()),
            "category": None if self.category_box.currentIndex() >= 0 else "Choose a category.",
            "priority": None if self.priority_box.currentIndex() >= 0 else "Choose a priority.",
            "requester": self._requester_problem(),
        }
        return {k: v for k, v in found.items() if v}

    # --- editing -------------------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        if field == "title":
            self._touched.add("title")
        elif self.description_edit.toPlainText():
            self._touched.add("description")
        self.form_message.show_message(None)
        self._validate()
        self._save_timer.start()
        self._suggest_timer.start()

    def _requester_edited(self) -> None:
        self.form_message.show_message(None)
        self._validate()
        self._save_timer.start()

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self._validate()

    def _chosen_by_hand(self, field: str) -> None:
        self.suggestions.chosen_by_hand(field)
        self._touched.add(field)
        self._validate()
        self._save_timer.start()

    def _validate(self, show_all: bool = False) -> bool:
        errors = self.errors()
        shown = set(errors) if show_all else self._touched
        self.title_error.show_message(errors.get("title") if "title" in shown else None)
        self.description_error.show_message(errors.get("description") if "description" in shown else None)
        self.category_error.show_message(errors.get("category") if "category" in shown else None)
        self.priority_error.show_message(errors.get("priority") if "priority" in shown else None)
        self.requester_error.show_message(errors.get("requester") if "requester" in shown else None)
        n = len(self._title.strip())
        if n >= TITLE_WARN_AT:
            counter = (
                f"{n}/{TITLE_MAX} · {TITLE_MAX - n} left"
                if n <= TITLE_MAX
                else f"{n}/{TITLE_MAX} · {n - TITLE_MAX} too many"
            )
        else:
            counter = f"{n}/{TITLE_MAX}"
        # Only changes reach Qt: this runs on every keystroke (see ErrorLine.show_message).
        if counter != self._counter_text:
            self._counter_text = counter
            self.title_counter.setText(counter)
            _set_role(self.title_counter, "error" if n >= TITLE_MAX - 10 else "muted")
        enabled = not errors and not self._submitting
        if enabled != self._submit_enabled:
            self._submit_enabled = enabled
            self.submit_button.setEnabled(enabled)
        clearable = not self._submitting and not self._is_empty()
        if clearable != self._clear_enabled:
            self._clear_enabled = clearable
            self.clear_button.setEnabled(clearable)
        return not errors

    def _is_empty(self) -> bool:
        return not (
            self._title
            or self.description_edit.toPlainText()
            or self.category_box.currentIndex() >= 0
            or self.priority_box.currentIndex() >= 0
            or self.requester_edit.text()
        )

    def _focus_next_step(self) -> None:
        """Submit when the ticket is ready, else the first field that still needs the agent."""
        if self.submit_button.isEnabled():
            self.submit_button.setFocus()
            return
        errors = self.errors()
        for name, widget in (
            ("title", self.title_edit),
            ("description", self.description_edit),
            ("category", self.category_box),
            ("priority", self.priority_box),
            ("requester", self.requester_edit),
        ):
            if name in errors:
                widget.setFocus()
                return

    def _description_left(self) -> None:
        if self._submitting or not self.isVisible():
            return
        self._touched.add("description")
        self._validate()
        self._maybe_auto_suggest()

    # --- suggestions ---------------------------------------------------------------------------

    def _maybe_auto_suggest(self) -> None:
        self._suggest_timer.stop()
        self.suggestions.ask_at_pause()

    def suggest_now(self) -> None:
        self.suggestions.suggest_now()

    def use_offered_suggestion(self) -> None:
        self.suggestions.use_offered()

    @property
    def suggestion(self) -> Suggestion | None:
        """What the classifier said for this draft (stored with the ticket)."""
        return self.suggestions.suggestion

    @property
    def suggestion_state(self) -> SuggestionState:
        return self.suggestions.state

    # --- submitting ----------------------------------------------------------------------------

    def submit(self) -> None:
        if self._submitting:
            return
        if not self._validate(show_all=True):
            self._touched.update(self.errors())
            return
        draft = self.draft()
        assert draft is not None
        self._set_submitting(True)
        # Disabling the focused field sends Qt's focus on along the chain (out of the tab, at the end of it).
        self._focus_parked = QApplication.focusWidget()
        self.context.writes.submit(self, draft, self._submitted, self._submit_failed)

    def _set_submitting(self, busy: bool) -> None:
        self._submitting = busy
        for widget in (self.title_edit, self.description_edit, self.requester_edit):
            widget.setReadOnly(busy)
        for control in (self.category_box, self.priority_box, self.suggest_button):
            control.setEnabled(not busy)
        self.submit_button.setText("Submitting…" if busy else "Submit")
        self._submit_enabled = self._clear_enabled = None
        self._validate()

    def _submitted(self, ticket: Ticket) -> None:
        self._set_submitting(False)
        self.context.notices.success(f"Ticket #{ticket.id} created")
        self.clear_form()
        self._focus_fresh_form()
        self.ticket_created.emit(ticket.id)

    def _agent_still_here(self) -> bool:
        """Focus is where submitting left it (or in the form): the agent has not gone elsewhere meanwhile."""
        focused = QApplication.focusWidget()
        return self.isVisible() and (
            focused is None or focused is self._focus_parked or focused is self or self.isAncestorOf(focused)
        )

    def _focus_fresh_form(self) -> None:
        """The next ticket starts at its title."""
        if self._agent_still_here():
            self.title_edit.setFocus()

    def _submit_failed(self, error: BaseException) -> None:
        self._set_submitting(False)
        if isinstance(error, ValidationError):
            self._touched.update(e.field for e in error.errors)
            self._validate()
            lines = (("title", self.title_error), ("description", self.description_error))
            for field, line in (*lines, ("requester", self.requester_error)):
                message = error.for_field(field)
                if message:
                    line.show_message(message)
            other = [e.message for e in error.errors if e.field not in ("title", "description", "requester")]
            self.form_message.show_message(" ".join(other) or None)
        elif isinstance(error, Queued):
            # Durable in the outbox: the form's job is done; the ticket is stored once the database is back.
            self.context.notices.info(error_words(error))
            self.clear_form()
            self._focus_fresh_form()
        elif isinstance(error, StorageUnavailable):
            self.form_message.show_message(
                f"Not stored: {error_words(error)} Your text is kept; try again in a moment."
            )
        else:  # refused by the database, or a bug (which ui/ops.py has sent to the crash dialog)
            self.form_message.show_message(f"Not stored: {error_words(error)} Your text is kept.")

    # --- clearing, and undoing it -------------------------------------------------------------

    def clear_by_agent(self) -> None:
        """The Clear button: empties the form and its saved draft, undoably (a stray Space must not cost a ticket)."""
        if self._submitting:
            return
        before = self.form_state()
        if self._state_is_empty(before):
            return
        self.clear_form()
        self.title_edit.setFocus()
        self._offer_undo("Form cleared.", "clear form", before)

    def _offer_undo(self, text: str, label: str, state: dict[str, Any]) -> None:
        self._undo_item = self.context.offer_undo(
            text, label, lambda: self._bring_back(state), Severity.INFO, owner=self
        )

    def _bring_back(self, state: dict[str, Any]) -> None:
        """Undo a Clear: every field, the suggestion and the draft on disk. What was typed since is not
        lost either: it becomes the next Undo."""
        if self._submitting:  # the fields hold the ticket being stored: the Clear stays undoable, for later
            self._offer_undo("Still storing this ticket; undo again in a moment.", "clear form", state)
            return
        typed_since = self.form_state()
        self._apply_state(state)
        self.save_draft()
        if self.isVisible():  # Edit → Undo may be used from another tab: focus stays there then
            self._focus_next_step()
        if not self._state_is_empty(typed_since):
            self._offer_undo(
                "Cleared form restored; what you typed since is one Undo away.", "restore form", typed_since
            )
        else:
            self._undo_item = None

    def _undo_is_ours(self) -> bool:
        """Ctrl+Z in an empty field undoes the Clear, never another tab's action."""
        return self._undo_item is not None and self.context.undo.newest is self._undo_item

    def clear_form(self) -> None:
        self._save_timer.stop()
        self.title_edit.setText("")  # setText, not clear(): the field's own undo must not hold the old text
        self.description_edit.setPlainText("")
        self.requester_edit.setText("")
        self.category_box.set_value(None)
        self.priority_box.set_value(None)
        self.suggestions.reset()
        self._touched.clear()
        self.form_message.show_message(None)
        self._save_timer.stop()
        self._suggest_timer.stop()
        self.suggestions.asked_text = None
        self.drafts.clear()
        self._validate()

    # --- the draft on disk ---------------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        """What is saved on disk."""
        category, priority = self.category_box.value(), self.priority_box.value()
        return {
            "title": self.title_edit.text(),
            "description": self.description_edit.toPlainText(),
            "category": category.value if category else None,
            "priority": priority.value if priority else None,
            "requester": self.requester_edit.text(),
            **self.suggestions.draft_state(),
        }

    def form_state(self) -> dict[str, Any]:
        """The draft and what only lives in the window (an offer, the status line), for undoing a Clear."""
        return {
            **self.draft_state(),
            **self.suggestions.window_state(),
            "touched": sorted(self._touched),
        }

    @staticmethod
    def _state_is_empty(state: dict[str, Any]) -> bool:
        return not (
            state["title"] or state["description"] or state["category"] or state["priority"] or state.get("requester")
        )

    def save_draft(self) -> None:
        self._save_timer.stop()
        state = self.draft_state()
        if self._state_is_empty(state):
            self.drafts.clear()
            return
        self.drafts.save(state)

    def _restore_draft(self) -> None:
        state = self.drafts.load()
        if not state:
            return
        self._apply_state(state)
        self.suggestion_status.setText("Draft restored.")

    def _apply_state(self, state: dict[str, Any]) -> None:
        """Fill the form from a saved draft or a form_state(); restoring is not typing, so nothing is asked."""
        self.suggestions.reset()
        self.title_edit.setText(str(state.get("title") or ""))
        self.description_edit.setPlainText(str(state.get("description") or ""))
        self.requester_edit.setText(str(state.get("requester") or ""))
        for box, key in ((self.category_box, "category"), (self.priority_box, "priority")):
            try:
                box.set_value(box.enum(state[key]) if state.get(key) else None)
            except ValueError:
                box.set_value(None)
        self.suggestions.restore(state)
        self._save_timer.stop()
        self._suggest_timer.stop()
        self._touched = set(state.get("touched") or ())
        self._validate()

    def hideEvent(self, event) -> None:
        if self._save_timer.isActive():
            self.save_draft()
        super().hideEvent(event)
