"""The selected ticket: full description (plain text), editable fields with a versioned Save, and under
them, in tabs, the conversation (thread.py: the messages; composer.py: replies and notes, drafts, the
traffic cop; macro_picker.py: saved replies by Ctrl+M) and the history.

Unsaved edits are never thrown away: switching to another ticket keeps them as a draft, and a
conflict keeps them in the fields while showing what the colleague stored. Nothing the agent did not
touch is ever sent: each field is compared with the stored value as the field shows it, so a widget
that rewrites text (line ends, no-break spaces) cannot change a ticket behind the agent's back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import partial
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import (
    ALLOWED_TRANSITIONS,
    Category,
    Conflict,
    Priority,
    Status,
    Ticket,
    TicketChanges,
    TicketEvent,
    ValidationError,
)
from ticketflow_desktop.domain.conversation import Message, ThreadMovedOn
from ticketflow_desktop.domain.macros import Macro
from ticketflow_desktop.domain.validation import description_error, title_error
from ticketflow_desktop.services.macros import MacroService
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.ops import ignore
from ticketflow_desktop.ui.tickets.composer import Composer, moved_on_text
from ticketflow_desktop.ui.tickets.detail_states import EmptyState, LeftListNotice, left_list_text, ticket_matches
from ticketflow_desktop.ui.tickets.format import event_text, exact_time, relative_time, value_label
from ticketflow_desktop.ui.tickets.macro_picker import MacroPicker
from ticketflow_desktop.ui.tickets.presence import PresenceLine
from ticketflow_desktop.ui.tickets.thread import ThreadPanel
from ticketflow_desktop.ui.words import error_words

if TYPE_CHECKING:
    from ticketflow_desktop.ui.tickets.model import TicketTableModel

HELP_GROUP = "Ticket detail"
_PARAGRAPH = "\u2029"  # how a text document separates lines; stored text uses "\n"


@dataclass(frozen=True)
class Draft:
    title: str
    description: str
    category: Category
    priority: Priority
    status: Status


def _draft_of(ticket: Ticket) -> Draft:
    return Draft(ticket.title, ticket.description, ticket.category, ticket.priority, ticket.status)


def _document_text(document: QTextDocument) -> str:
    # toPlainText() would also turn no-break spaces into spaces; the raw text keeps every character.
    return document.toRawText().replace(_PARAGRAPH, "\n")


def as_the_editor_shows(text: str) -> str:
    """`text` as a plain-text editor holds it (it folds "\\r\\n" and "\\r" into line breaks)."""
    document = QTextDocument()
    document.setPlainText(text)
    return _document_text(document)


def _shown_form(ticket: Ticket) -> Draft:
    """The stored ticket as the fields show it: a field that still shows this was not edited."""
    return replace(_draft_of(ticket), description=as_the_editor_shows(ticket.description))


class TicketDetail(QWidget):
    saved = Signal(object)  # Ticket
    showing = Signal(object)  # the ticket id now shown (None: none), for its unread mark

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ticket: Ticket | None = None  # the stored version our edits are based on
        self.ticket_id: int | None = None
        self._shown: Draft | None = None  # self.ticket as the fields show it
        self._drafts: dict[int, Draft] = {}
        self._loading = False
        self._saving = False
        self._list: TicketTableModel | None = None
        self._selection: QItemSelectionModel | None = None
        self._was_listed = False  # the shown ticket was in the list at some point
        self._newest: Ticket | None = None  # its newest stored version known (newer than self.ticket with edits)
        self._kept_in_view: int | None = None  # the agent chose to keep this ticket though it left the list
        self._confirmation: QMessageBox | None = None
        self._selection_cleared = QTimer(self, singleShot=True, interval=0)
        self._selection_cleared.timeout.connect(self._after_selection_cleared)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.empty_state = EmptyState(self.pages)
        self.body = QWidget(self.pages)
        self.pages.addWidget(self.empty_state)
        self.pages.addWidget(self.body)
        self._build_body(self.body)
        self._build_actions()
        self.pages.setCurrentWidget(self.empty_state)
        self._set_enabled(False)

    def _build_body(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("", body)
        self.heading.setProperty("role", "muted")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.presence = PresenceLine(self.context, body)  # "Also here: Ann, Bo (typing…)"
        layout.addWidget(self.presence)

        self.left_notice = LeftListNotice(body)
        self.left_notice.keep_viewing_button.clicked.connect(self.keep_viewing)
        self.left_notice.close_button.clicked.connect(self.close_ticket)
        layout.addWidget(self.left_notice)

        self.form = QWidget(body)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        title_cell = QVBoxLayout()
        title_cell.setSpacing(2)
        self.title = QLineEdit(self.form)  # no maxLength: it counts UTF-16 units and would cut stored titles
        self.title.setAccessibleName("Title")
        self.title.textChanged.connect(self._edited)
        self.title.returnPressed.connect(self.save)
        self.title_error = QLabel("", self.form)  # the domain's own words, as the agent types past a limit
        self.title_error.setProperty("role", "error")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        self.title_error.setWordWrap(True)
        self.title_error.hide()
        title_cell.addWidget(self.title)
        title_cell.addWidget(self.title_error)
        form.addRow("Title", title_cell)
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
        self.assignee = QLabel("", self.form)  # read-only here: Ctrl+Shift+A / Ctrl+Shift+U in the table
        self.assignee.setAccessibleName("Assignee")
        form.addRow("Assignee", self.assignee)
        self.tags = QLabel("", self.form)  # read-only here: Ctrl+T on the selection in the table edits them
        self.tags.setAccessibleName("Tags")
        self.tags.setWordWrap(True)
        self.tags.setToolTip("Ctrl+T in the list edits the tags of the selected tickets")
        form.addRow("Tags", self.tags)
        self.description = QPlainTextEdit(self.form)  # plain text: a description is never rendered as HTML
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)  # Tab moves on, as in every form; it never types a tab
        self.description.setMinimumHeight(48)  # the panel may sit under the table on small windows
        self.description.textChanged.connect(self._edited)
        form.addRow("Description", self.description)
        layout.addWidget(self.form, 1)

        self.message = QLabel("", body)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.reload_button = QPushButton("Reload", body)
        self.reload_button.setToolTip("Discard your edits and show the stored ticket")
        self.reload_button.clicked.connect(self.reload)
        self.save_button = QPushButton("Save", body)
        self.save_button.setProperty("primary", True)
        save_keys = QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(f"Save your edits ({save_keys}, or Enter in the title)")
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.read_only = False
        # Edits that wait in the outbox, per ticket: (the stored version they were made on, the values).
        self._queued: dict[int, tuple[int, Draft]] = {}
        # The conversation (the thread and the composer) and the history, in tabs under the fields.
        self.sections = QTabWidget(body)
        self.sections.setDocumentMode(True)
        page = QWidget(self.sections)
        conversation_layout = QVBoxLayout(page)
        conversation_layout.setContentsMargins(0, 4, 0, 0)
        self.conversation = ThreadPanel(self.context, page)
        self.composer = Composer(self.context, self.conversation.newest_id, page)
        self.composer.typing.connect(self.presence.typed)
        self.composer.sent.connect(self._message_sent)
        self.composer.moved_on.connect(self._thread_moved_on)
        self.composer.leave.connect(self._leave_composer)
        self.composer.macros_button.clicked.connect(self.open_macros)
        conversation_layout.addWidget(self.conversation, 1)
        conversation_layout.addWidget(self.composer)
        self.sections.addTab(page, "Conversation")
        self.history = QListWidget(self.sections)
        self.history.setAccessibleName("History")
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(40)
        self.sections.addTab(self.history, "History")
        self.sections.setMinimumHeight(300)
        layout.addWidget(self.sections, 3)
        self.macro_picker: MacroPicker | None = None

    def _build_actions(self) -> None:
        self.save_action = self._action("Save ticket", QKeySequence(QKeySequence.StandardKey.Save), self.save)
        # Enabled only with edits, so that without any Esc still reaches the window (dismissing a notice).
        self.revert_action = self._action("Discard unsaved edits", QKeySequence(Qt.Key.Key_Escape), self.confirm_revert)
        # The conversation's: switching reply/note and focusing the composer act anywhere in the panel;
        # sending (Ctrl+Enter) only in the composer.
        self.addAction(self.composer.write_action)
        self.addAction(self.composer.note_action)
        self.macros_action = self._action("Apply a saved reply…", QKeySequence("Ctrl+M"), self.open_macros)
        # The thread's: save an attachment, mail a failed reply again (anywhere in the panel).
        self.addAction(self.conversation.message_actions.save_action)
        self.addAction(self.conversation.message_actions.again_action)

    def _action(self, text: str, keys: QKeySequence, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only inside this panel
        action.setProperty("help_group", HELP_GROUP)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # --- showing ---------------------------------------------------------------------------------

    def show_ticket(self, ticket_id: int | None) -> None:
        if ticket_id == self.ticket_id:
            return
        self._keep_draft()
        self.ticket_id = ticket_id
        self._set_base(None)
        self._was_listed = False
        self._newest = None
        self._kept_in_view = None
        self.showing.emit(ticket_id)
        self.presence.show_ticket(ticket_id)
        self.left_notice.hide()
        self.message.hide()
        self.history.clear()
        self._set_enabled(False)
        self.conversation.show_ticket(ticket_id)
        self.composer.show_ticket(ticket_id)
        self._update_macros_enabled()
        if ticket_id is None:
            self.pages.setCurrentWidget(self.empty_state)
            return
        self.pages.setCurrentWidget(self.body)
        self.heading.setText(f"Ticket #{ticket_id} — loading…")
        self.heading.setToolTip("")
        self._load(ticket_id)

    def set_read_only(self, read_only: bool) -> None:
        """A viewer's panel: the ticket, its thread and its history are shown; nothing can be edited,
        saved or written (no composer, no saved replies)."""
        self.read_only = read_only
        self.title.setReadOnly(read_only)
        self.description.setReadOnly(read_only)
        for combo in self.combos.values():
            combo.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.reload_button.setVisible(not read_only)
        self.composer.set_read_only(read_only)  # the thread is read, nothing is written on it
        self._update_macros_enabled()

    def reload(self) -> None:
        """Show the stored ticket, discarding edits made here."""
        if self.ticket_id is None:
            return
        self._drafts.pop(self.ticket_id, None)
        self._set_base(None)
        self.message.hide()
        self._load(self.ticket_id)

    def on_tickets_changed(self, change: Change) -> None:
        if self.ticket_id is None or not change.touches(self.ticket_id):
            return
        self.conversation.on_tickets_changed(change)
        if change.ids is None and ChangeKind.RELOAD in change.kinds:
            self.composer.show_ticket(self.ticket_id)  # perhaps another database: its own drafts
        if change.kinds == {ChangeKind.MESSAGE}:
            return  # only the thread moved on: the fields and the history are as they were
        if self.is_dirty():  # keep the agent's edits; a Save will meet the new version as a conflict
            self._load_events(self.ticket_id)
            self._check_newest(self.ticket_id)
            return
        self._load(self.ticket_id)

    def _load(self, ticket_id: int) -> None:
        service = self.context.service
        if service is None:
            return
        self.context.ops.read(
            self, service.get, ticket_id, on_done=self._loaded, on_failed=self._load_failed, key="ticket-detail"
        )
        self._load_events(ticket_id)

    def _load_events(self, ticket_id: int) -> None:
        service = self.context.service
        if service is None:
            return
        self.context.ops.read(
            self, service.events, ticket_id, on_done=self._events_loaded, on_failed=ignore, key="ticket-events"
        )

    def _loaded(self, ticket: Ticket) -> None:
        if ticket.id != self.ticket_id or self._saving:  # a save in flight answers for the ticket itself
            return
        queued = self._queued.get(ticket.id)
        if queued is not None:
            version, kept = queued
            if ticket.version == version:  # the edit still waits in the outbox: show what will be sent
                ticket = replace(ticket, **{f: getattr(kept, f) for f in Draft.__dataclass_fields__})
            else:  # delivered (or refused: the outbox panel says so)
                del self._queued[ticket.id]
        self._set_base(ticket)
        draft = self._drafts.pop(ticket.id, None)
        self._fill(draft or _draft_of(ticket))
        self._set_enabled(True)
        self._update_heading()
        self._follow_list(ticket)

    def _load_failed(self, error: BaseException) -> None:
        self.heading.setText(error_words(error, f"Ticket #{self.ticket_id}", "cannot be shown"))

    def _events_loaded(self, events: tuple[TicketEvent, ...]) -> None:
        if not events or events[0].ticket_id != self.ticket_id:
            return
        self.history.clear()
        for event in reversed(events):  # newest first
            self.history.addItem(event_text(event, self.context.clock.now()))

    def _set_base(self, ticket: Ticket | None) -> None:
        self.ticket = ticket
        self._shown = _shown_form(ticket) if ticket is not None else None
        self.assignee.setText("" if ticket is None else ticket.assignee or "nobody")
        self.tags.setText("" if ticket is None else ", ".join(ticket.tags) or "none")

    def _fill(self, draft: Draft) -> None:
        self._loading = True
        if self.title.text() != draft.title:
            self.title.setText(draft.title)
            self.title.setCursorPosition(0)  # a long title shows its beginning
        if _document_text(self.description.document()) != as_the_editor_shows(draft.description):
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
        self.save_action.setEnabled(enabled)
        self._edited()

    # --- editing ---------------------------------------------------------------------------------

    def current_draft(self) -> Draft | None:
        if self.ticket is None:
            return None
        return Draft(
            self.title.text(),
            _document_text(self.description.document()),
            Category(self.combos["category"].currentData()),
            Priority(self.combos["priority"].currentData()),
            Status(self.combos["status"].currentData()),
        )

    def changes(self) -> TicketChanges:
        """What the agent changed: each field that no longer shows the stored value."""
        draft, shown = self.current_draft(), self._shown
        if draft is None or shown is None:
            return TicketChanges()
        names = (f.name for f in fields(Draft))
        return TicketChanges(**{n: getattr(draft, n) for n in names if getattr(draft, n) != getattr(shown, n)})

    def is_dirty(self) -> bool:
        return not self.changes().is_empty()

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        dirty = self.ticket is not None and self.is_dirty()
        self.save_button.setEnabled(dirty and not self._saving)
        self.revert_action.setEnabled(dirty)
        self._show_title_error()
        if self.left_notice.isVisible() and self.ticket_id is not None:
            self.left_notice.message.setText(left_list_text(self.ticket_id, self._was_listed, dirty))

    def _show_title_error(self) -> None:
        """The domain's message under the title while an edited title breaks its rule."""
        title = self.title.text()
        error = title_error(title) if self._shown is not None and title != self._shown.title else None
        self.title_error.setText(error or "")
        self.title_error.setVisible(error is not None)

    def _keep_draft(self) -> None:
        if self.ticket_id is not None and self.ticket is not None and self.is_dirty():
            draft = self.current_draft()
            assert draft is not None
            self._drafts[self.ticket_id] = draft

    def save(self) -> None:
        if self.ticket is None or self._saving:
            return
        changes = self.changes()
        if changes.is_empty():
            return
        problems = [
            message
            for message in (
                title_error(changes.title) if changes.title is not None else None,
                description_error(changes.description) if changes.description is not None else None,
            )
            if message
        ]
        if problems:  # refused here, in the domain's words, before anything is sent
            self._show_message(" ".join(problems))
            (self.title if self.title_error.isVisible() else self.description).setFocus()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.message.hide()
        ticket_id = self.ticket.id
        self.context.writes.update(
            self,
            ticket_id,
            changes,
            self.ticket.version,
            on_done=self._saved,
            on_failed=lambda error: self._save_failed(ticket_id, error, changes),
        )

    def _saved(self, ticket: Ticket) -> None:
        self._saving = False
        if ticket.id == self.ticket_id:
            self._set_base(ticket)
            self._fill(_draft_of(ticket))
            self._update_heading()
            self._follow_list(ticket)
        self.context.notices.success(f"Ticket #{ticket.id} saved.")
        self.saved.emit(ticket)

    def _save_failed(self, ticket_id: int, error: BaseException, sent: TicketChanges | None = None) -> None:
        self._saving = False
        if isinstance(error, Queued):  # kept on this computer, sent when the database is back
            if ticket_id == self.ticket_id and self.ticket is not None:
                # What was sent, not what the fields hold now: a reload may have landed meanwhile.
                values: dict[str, Any] = sent.as_dict() if sent is not None else {}
                queued_ticket = replace(self.ticket, **values)
                kept = _draft_of(queued_ticket)
                self._queued[ticket_id] = (self.ticket.version, kept)
                self._set_base(queued_ticket)
                self._fill(kept)
                self._edited()
            self.context.notices.info(error_words(error, f"Ticket #{ticket_id}"))
            return
        if ticket_id != self.ticket_id:
            self.context.notices.error(error_words(error, f"Ticket #{ticket_id}"))
            return
        if isinstance(error, Conflict):
            mine = self.current_draft()
            assert mine is not None
            # The colleague's version becomes the base: saving again now overwrites knowingly.
            self._set_base(error.current)
            self._follow_list(error.current)
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
        else:  # the database away, a refusal of its own, or a bug (the crash dialog has that)
            self._show_message(f"Not saved: {error_words(error)} Your edits are kept here.")
        self._edited()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # --- the conversation ---------------------------------------------------------------------------

    def _update_macros_enabled(self) -> None:
        self.macros_action.setEnabled(self.ticket_id is not None and not self.composer.read_only)

    def _leave_composer(self) -> None:
        """Esc in the editor: to the messages (or, with none yet, the Conversation tab)."""
        if not self.conversation.take_focus():
            self.sections.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _message_sent(self, message: Message) -> None:
        self.conversation.add([message])
        self.conversation.view.scroll_to_newest()

    def _thread_moved_on(self, error: ThreadMovedOn) -> None:
        """A reply held back: show what the colleague or the customer wrote (the notice is the composer's)."""
        if error.ticket_id != self.ticket_id:
            return
        self.sections.setCurrentIndex(0)
        self.conversation.add(error.new)
        self.conversation.fetch_new()  # the names of customers among them, and anything newer still
        # Once the notice has taken its room and the rows their place: the first news at the top.
        QTimer.singleShot(0, self, lambda: self._show_news(error.new[0].id))

    def _show_news(self, message_id: int) -> None:
        model, view = self.conversation.model, self.conversation.view
        row = model.row_of(message_id)
        if row >= 0:
            view.scrollTo(model.index(row, 0), view.ScrollHint.PositionAtTop)

    def open_macros(self) -> None:
        """Ctrl+M: pick a saved reply by keyboard and apply it to the shown ticket."""
        service, ticket_id = self.context.service, self.ticket_id
        if service is None or ticket_id is None or self.composer.read_only or self.macro_picker is not None:
            return
        internal = self.composer.kind.value == "note"
        picker = MacroPicker(ticket_id, internal, self)
        picker.chosen.connect(lambda macro: self._apply_macro(ticket_id, internal, macro))
        picker.finished.connect(self._macro_picker_closed)
        self.macro_picker = picker
        macros = MacroService(service.database, service.clock)
        self.context.ops.read(
            picker,
            macros.available,
            on_done=picker.set_macros,
            on_failed=lambda error: picker.set_failed(error_words(error)),
        )
        picker.open()

    def _macro_picker_closed(self, _result: int) -> None:
        self.macro_picker = None

    def _apply_macro(self, ticket_id: int, internal: bool, macro: Macro) -> None:
        service = self.context.service
        if service is None:
            return
        macros = MacroService(service.database, service.clock)

        def applied(_result: object) -> None:
            self.context.notices.success(f"Saved reply “{macro.name}” applied to ticket #{ticket_id}.")

        def failed(error: BaseException) -> None:
            subject = f"Saved reply “{macro.name}” on ticket #{ticket_id}"
            if isinstance(error, ThreadMovedOn) and ticket_id == self.ticket_id:
                self.composer.show_error(moved_on_text(error, f"apply “{macro.name}” again. Nothing was sent yet."))
                self._thread_moved_on(error)
            elif ticket_id == self.ticket_id and not self.composer.read_only:
                self.composer.show_error(error_words(error, subject, "was not applied"))
            else:
                self.context.notices.error(error_words(error, subject, "was not applied"))

        seen = None if internal else self.composer.newest_seen()  # the traffic cop, as for a typed reply
        self.context.ops.write(
            self,
            partial(macros.apply, internal=internal, seen_up_to=seen),
            macro.name,
            ticket_id,
            on_done=applied,
            on_failed=failed,
            change=Change.of({ticket_id}, ChangeKind.MESSAGE, ChangeKind.UPDATED),
        )

    # --- discarding edits --------------------------------------------------------------------------

    def confirm_revert(self) -> None:
        """Esc: put the stored values back, once the agent confirms (there are edits to lose)."""
        self._confirm_discard(self.revert)

    def revert(self) -> None:
        if self.ticket is None or self.ticket_id is None:
            return
        self._drafts.pop(self.ticket_id, None)
        self.message.hide()
        self._fill(_draft_of(self.ticket))
        self._load(self.ticket_id)  # and the newest stored version, should a colleague have saved one

    def _confirm_discard(self, then: Callable[[], None]) -> None:
        ticket_id = self.ticket_id
        if ticket_id is None or not self.is_dirty():
            then()
            return
        if self._confirmation is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Discard edits?",
            f"Discard your unsaved edits to ticket #{ticket_id}?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Discard).setText("&Discard edits")
        box.button(QMessageBox.StandardButton.Cancel).setText("&Keep editing")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a second slip of the finger loses nothing
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        # The box may outlive a panel deleted under it (the window closing): then its answer goes nowhere.
        def answered(button: QAbstractButton) -> None:
            if not shiboken6.isValid(self):
                return
            if box.standardButton(button) == QMessageBox.StandardButton.Discard and self.ticket_id == ticket_id:
                then()

        def closed(_result: int) -> None:
            if shiboken6.isValid(self):
                self._confirmation = None

        box.buttonClicked.connect(answered)
        box.finished.connect(closed)
        self._confirmation = box
        box.open()  # window-modal, no nested event loop: results keep arriving meanwhile

    # --- following the list beside the panel -------------------------------------------------------

    def follow_list(self, model: TicketTableModel, selection: QItemSelectionModel) -> None:
        """Show the empty state when the agent selects nothing, and say so when the shown ticket is not
        (or no longer) in the list: after a filter change or a colleague's change."""
        self._list = model
        self._selection = selection
        model.first_page_loaded.connect(self._list_changed)
        model.rowsRemoved.connect(self._list_changed)
        selection.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        if self._selection is not None and not self._selection.hasSelection():
            # Decided once the model is done: a row being removed clears the selection before it goes.
            self._selection_cleared.start()

    def _after_selection_cleared(self) -> None:
        if self._list is None or self._selection is None or self._selection.hasSelection():
            return
        if self.ticket_id is not None and self._list.row_of(self.ticket_id) is not None:
            self.show_ticket(None)  # the agent deselected it; its edits stay as a draft
        else:
            self._list_changed()

    def _list_changed(self, *_args: object) -> None:
        if self._newest is not None:
            self._follow_list(self._newest)

    def _check_newest(self, ticket_id: int) -> None:
        """With edits in the fields, fetch the colleague's version only to see whether it left the list."""
        service = self.context.service
        if service is None:
            return
        self.context.ops.read(
            self, service.get, ticket_id, on_done=self._follow_list, on_failed=ignore, key="ticket-detail-latest"
        )

    def _follow_list(self, ticket: Ticket) -> None:
        if ticket.id != self.ticket_id:
            return
        if self._newest is None or ticket.version >= self._newest.version:
            self._newest = ticket
        ticket = self._newest
        if self._list is None:
            return
        if ticket_matches(self._list.filter, ticket):
            self._was_listed = True
            self._kept_in_view = None  # should it leave again, say so again
            self.left_notice.hide()
        elif self._kept_in_view != ticket.id:
            self.left_notice.message.setText(left_list_text(ticket.id, self._was_listed, self.is_dirty()))
            self.left_notice.show()

    def keep_viewing(self) -> None:
        self._kept_in_view = self.ticket_id
        self.left_notice.hide()

    def close_ticket(self) -> None:
        """Stop showing a ticket that is not in the list (its unsaved edits go, after a confirmation)."""
        self._confirm_discard(self._close)

    def _close(self) -> None:
        if self.ticket_id is not None:
            self._drafts.pop(self.ticket_id, None)
            self._set_base(None)  # so that no draft is kept
        if self._selection is not None:
            self._selection.clearSelection()
        self.show_ticket(None)


def _text(value: object) -> str:
    return value.value if isinstance(value, Category | Priority | Status) else str(value)
