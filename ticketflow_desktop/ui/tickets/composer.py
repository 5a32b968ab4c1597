"""Writing on a ticket: a reply to the customer or an internal note, Ctrl+Enter to send.

- Reply / Internal note: two toggle buttons (Ctrl+Shift+N switches); a note tints the editor with the
  theme's warning colour and says that only the team sees it.
- The editor takes plain text only (a paste of formatted text arrives as its text; NUL characters,
  which PostgreSQL cannot store, are dropped). Esc leaves it for the thread.
- A draft per ticket is saved (debounced) to a file in the user data folder (reply_drafts.py) and is
  back when the ticket is opened again, after a crash too; it is removed once the message is stored.
- The traffic cop: a reply goes with `seen_up_to`, the newest message the thread showed. When someone
  else wrote since (ThreadMovedOn), nothing is sent and nothing is lost: the news goes into the thread,
  a notice says who wrote, and "Send anyway" sends it as it is. Notes are never held back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import ValidationError
from ticketflow_desktop.domain.conversation import Message, MessageKind, ThreadMovedOn, validate_body
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.theme import ThemeManager, current_tokens
from ticketflow_desktop.ui.tickets.reply_drafts import ReplyDraft, ReplyDrafts, database_scope
from ticketflow_desktop.ui.tickets.thread import blend
from ticketflow_desktop.ui.words import error_words

HELP_GROUP = "Ticket detail"
SAVE_DELAY_MS = 400
SEND_KEYS = (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"))
NOTE_KEYS = QKeySequence("Ctrl+Shift+N")
PLACEHOLDERS = {
    MessageKind.REPLY: "Write a reply to the customer… (Ctrl+Enter sends)",
    MessageKind.NOTE: "Write an internal note: only your team sees it… (Ctrl+Enter adds it)",
}
SEND_LABELS = {MessageKind.REPLY: "Send reply", MessageKind.NOTE: "Add note"}


def moved_on_text(error: ThreadMovedOn, then: str = "send. Your reply was not sent yet.") -> str:
    """ "Ann wrote since you opened this ticket — read it, then send." """
    who = sorted({"The customer" if m.kind is MessageKind.CUSTOMER else m.shown_author for m in error.new})
    names = who[0] if len(who) == 1 else ", ".join(who[:-1]) + f" and {who[-1]}"
    what = "read it" if len(error.new) == 1 else f"read the {len(error.new)} new messages"
    return f"{names} wrote since you opened this ticket — {what}, then {then}"


class PlainEditor(QPlainTextEdit):
    """Plain text in, whatever was pasted; Esc leaves (before any shortcut of the panel sees it)."""

    left = Signal()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 72)  # a few lines; the panel's room goes to the thread

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(source.text().replace("\x00", ""))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()  # Esc is ours here: it leaves the editor (the panel's Esc discards field edits)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.left.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    sent = Signal(object)  # Message, once stored
    moved_on = Signal(object)  # ThreadMovedOn: the messages the agent has not seen
    leave = Signal()  # Esc in the editor
    typing = Signal()  # the agent typed (not a draft put back): presence says "typing…"

    def __init__(
        self,
        context: AppContext,
        newest_seen: Callable[[], int],
        parent: QWidget | None = None,
        drafts: ReplyDrafts | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.newest_seen = newest_seen  # the newest message id the thread shows
        self.drafts = drafts or ReplyDrafts()
        self.ticket_id: int | None = None
        self.read_only = False
        self._scope: str | None = None
        self._sending: int | None = None  # the ticket a send is under way for
        self._restoring = False
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_draft)
        self._build()
        self._build_actions()
        self._set_kind(MessageKind.REPLY)
        manager = ThemeManager.instance()
        if manager is not None:
            manager.changed.connect(self._theme_changed)
        self._update_enabled()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        modes = QHBoxLayout()
        self.reply_button = QPushButton("Reply", self)
        self.note_button = QPushButton("Internal note", self)
        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        for button, kind in ((self.reply_button, MessageKind.REPLY), (self.note_button, MessageKind.NOTE)):
            button.setCheckable(True)
            button.setProperty("kind", kind.value)
            button.clicked.connect(partial(self._chosen, kind))
            self.kind_buttons.addButton(button)
            modes.addWidget(button)
        keys = NOTE_KEYS.toString(QKeySequence.SequenceFormat.NativeText)
        self.note_button.setToolTip(f"Write an internal note, which the customer never sees ({keys} switches)")
        self.reply_button.setToolTip(f"Write a reply to the customer ({keys} switches)")
        self.kind_hint = QLabel("", self)
        self.kind_hint.setProperty("role", "muted")
        self.kind_hint.setTextFormat(Qt.TextFormat.PlainText)
        modes.addWidget(self.kind_hint, 1)
        layout.addLayout(modes)

        self.notice = QFrame(self)  # the traffic cop
        self.notice.setProperty("role", "card")
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(10, 6, 10, 6)
        self.notice_text = QLabel("", self.notice)
        self.notice_text.setProperty("role", "warning")
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_text.setWordWrap(True)
        self.send_anyway_button = QPushButton("Send anyway", self.notice)
        self.send_anyway_button.setToolTip("Send your reply as it is, now that you have seen the news")
        self.send_anyway_button.clicked.connect(self.send_anyway)
        notice_layout.addWidget(self.notice_text, 1)
        notice_layout.addWidget(self.send_anyway_button)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.editor = PlainEditor(self)
        self.editor.setAccessibleName("Message")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(60)
        self.editor.setMaximumHeight(140)
        self.editor.textChanged.connect(self._typed)
        self.editor.left.connect(self.leave)
        layout.addWidget(self.editor)

        self.error = QLabel("", self)  # under the editor: what the database or the rules said
        self.error.setProperty("role", "error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        self.macros_button = QPushButton("Saved replies…", self)
        self.macros_button.setToolTip("Apply a saved reply to this ticket (Ctrl+M)")
        self.status = QLabel("", self)
        self.status.setProperty("role", "muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.send_button = QPushButton("Send reply", self)
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send)
        buttons.addWidget(self.macros_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.send_button)
        layout.addLayout(buttons)

    def _build_actions(self) -> None:
        self.send_action = QAction("Send the reply or note", self)
        self.send_action.setShortcuts(list(SEND_KEYS))
        self.send_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # in the composer
        self.send_action.setProperty("help_group", HELP_GROUP)
        self.send_action.triggered.connect(lambda _checked=False: self.send())
        self.addAction(self.send_action)
        # Added to the detail panel by it (active anywhere in the panel).
        self.note_action = QAction("Switch between reply and internal note", self)
        self.note_action.setShortcut(NOTE_KEYS)
        self.note_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.note_action.setProperty("help_group", HELP_GROUP)
        self.note_action.triggered.connect(lambda _checked=False: self.toggle_kind())
        self.write_action = QAction("Write on the ticket (focus the composer)", self)
        self.write_action.setShortcut(QKeySequence("Ctrl+R"))
        self.write_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.write_action.setProperty("help_group", HELP_GROUP)
        self.write_action.triggered.connect(lambda _checked=False: self.focus_editor())

    # --- the kind ----------------------------------------------------------------------------------

    @property
    def kind(self) -> MessageKind:
        return MessageKind.NOTE if self.note_button.isChecked() else MessageKind.REPLY

    def toggle_kind(self) -> None:
        if self.read_only or self.ticket_id is None:
            return
        self._chosen(MessageKind.REPLY if self.kind is MessageKind.NOTE else MessageKind.NOTE)
        self.focus_editor()

    def _chosen(self, kind: MessageKind, _checked: bool = False) -> None:
        self._set_kind(kind)
        self._schedule_save()

    def _set_kind(self, kind: MessageKind) -> None:
        (self.note_button if kind is MessageKind.NOTE else self.reply_button).setChecked(True)
        self.editor.setPlaceholderText(PLACEHOLDERS[kind])
        self.send_button.setText(SEND_LABELS[kind])
        self.kind_hint.setText("Only your team sees notes." if kind is MessageKind.NOTE else "")
        self.editor.setProperty("kind", kind.value)
        if kind is MessageKind.NOTE:
            self.notice.hide()  # notes are never held back
        self._tint()

    def _tint(self) -> None:
        tokens = current_tokens()
        if self.kind is MessageKind.NOTE:
            tint = blend(tokens.surface, tokens.warning, 0.14).name()
            self.editor.setStyleSheet(
                f"QPlainTextEdit {{ background: {tint}; border: 1px solid {tokens.warning}; color: {tokens.text}; }}"
            )
            self.note_button.setStyleSheet(
                f"QPushButton:checked {{ background: {tint}; border: 1px solid {tokens.warning}; }}"
            )
            self.reply_button.setStyleSheet("")
        else:
            self.editor.setStyleSheet("")
            self.note_button.setStyleSheet("")
            tint = blend(tokens.surface, tokens.accent, 0.10).name()
            self.reply_button.setStyleSheet(
                f"QPushButton:checked {{ background: {tint}; border: 1px solid {tokens.accent}; }}"
            )

    def _theme_changed(self, _tokens: object) -> None:
        self._tint()

    # --- the ticket and its draft --------------------------------------------------------------------

    def _current_scope(self) -> str | None:
        service = self.context.service
        return None if service is None else database_scope(str(service.database.url))

    def show_ticket(self, ticket_id: int | None) -> None:
        if ticket_id == self.ticket_id and self._scope == self._current_scope():
            return
        self.save_draft()  # the previous ticket's, now
        self.ticket_id = ticket_id
        self._scope = self._current_scope()
        self.notice.hide()
        self.error.hide()
        self.status.clear()
        draft = None
        if ticket_id is not None and self._scope is not None:
            draft = self.drafts.load(self._scope, ticket_id)
        self._restoring = True
        self.editor.setPlainText(draft.body if draft else "")
        self._set_kind(draft.kind if draft else MessageKind.REPLY)
        self._restoring = False
        if draft and draft.body.strip():
            self.status.setText("Your draft is back.")
        self._update_enabled()

    def _typed(self) -> None:
        if self._restoring:
            return
        self.typing.emit()
        self.error.hide()
        self.status.clear()
        self._schedule_save()

    def _schedule_save(self) -> None:
        if not self._restoring and self.ticket_id is not None:
            self._save_timer.start()

    def save_draft(self) -> None:
        """Write the shown ticket's draft now (or remove it when the editor is empty)."""
        self._save_timer.stop()
        if self.ticket_id is None or self._scope is None:
            return
        body = self.editor.toPlainText()
        if body.strip():
            self.drafts.save(self._scope, self.ticket_id, ReplyDraft(body, self.kind))
        else:
            self.drafts.remove(self._scope, self.ticket_id)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._save_timer.isActive():  # the window closing: what was typed is on disk before it goes
            self.save_draft()
        super().hideEvent(event)

    # --- enabled state -----------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """A viewer sees the thread but cannot write: no composer, no shortcuts that write."""
        self.read_only = read_only
        self.setVisible(not read_only)
        self._update_enabled()

    def _update_enabled(self) -> None:
        usable = not self.read_only and self.ticket_id is not None
        sending = self._sending is not None and self._sending == self.ticket_id
        for widget in (self.reply_button, self.note_button, self.macros_button):
            widget.setEnabled(usable)
        self.editor.setEnabled(usable)
        self.editor.setReadOnly(sending)
        self.send_button.setEnabled(usable and not sending)
        self.send_anyway_button.setEnabled(usable and not sending)
        for action in (self.send_action, self.note_action, self.write_action):
            action.setEnabled(usable)

    def focus_editor(self) -> None:
        if self.isVisible() and self.editor.isEnabled():
            self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- sending -----------------------------------------------------------------------------------

    def send(self) -> None:
        self._send(anyway=False)

    def send_anyway(self) -> None:
        self._send(anyway=True)

    def _send(self, *, anyway: bool) -> None:
        ticket_id = self.ticket_id
        if self.read_only or ticket_id is None or self.context.service is None or self._sending is not None:
            return
        kind, body = self.kind, self.editor.toPlainText()
        try:
            validate_body(body)
        except ValidationError as error:
            self.show_error(error_words(error))
            self.focus_editor()
            return
        self.save_draft()  # on disk until the database (or the outbox) has it
        seen = None if anyway or kind is not MessageKind.REPLY else self.newest_seen()
        self._sending = ticket_id
        self.error.hide()
        self.notice.hide()
        self.status.setText("Sending…" if kind is MessageKind.REPLY else "Adding the note…")
        self._update_enabled()
        self.context.writes.message(
            self,
            ticket_id,
            kind,
            body,
            seen,
            on_done=lambda message: self._sent(ticket_id, body, message),
            on_failed=lambda error: self._send_failed(ticket_id, body, error),
        )

    def _sent(self, ticket_id: int, body: str, message: Message) -> None:
        self._sending = None
        self._forget_draft(ticket_id, body, "Sent." if message.kind is MessageKind.REPLY else "Note added.")
        if ticket_id != self.ticket_id:
            self.context.notices.success(f"Your message on ticket #{ticket_id} was stored.")
        self._update_enabled()
        self.sent.emit(message)

    def _forget_draft(self, ticket_id: int, body: str, status: str) -> None:
        """The database or the outbox has `body`: it leaves the editor (unless more was typed) and the disk."""
        scope = self._scope
        if ticket_id == self.ticket_id:
            self.status.setText(status)
            if self.editor.toPlainText() == body:
                self._restoring = True
                self.editor.clear()
                self._restoring = False
                self._save_timer.stop()
                if scope is not None:
                    self.drafts.remove(scope, ticket_id)
            else:
                self.save_draft()
        elif scope is not None:
            self.drafts.remove(scope, ticket_id)

    def _send_failed(self, ticket_id: int, body: str, error: BaseException) -> None:
        self._sending = None
        self._update_enabled()
        if isinstance(error, Queued):  # safe on this computer: sent when the database is back
            self._forget_draft(ticket_id, body, "Kept in the outbox: it is sent when the database is back.")
            if ticket_id != self.ticket_id:
                self.context.notices.info(f"Your message on ticket #{ticket_id} waits in the outbox.")
            return
        if ticket_id != self.ticket_id:  # the draft stays on disk for that ticket
            self.context.notices.error(error_words(error, f"Your message on ticket #{ticket_id}", "was not sent"))
            return
        self.status.clear()
        if isinstance(error, ThreadMovedOn):
            self.notice_text.setText(moved_on_text(error))
            self.notice.show()
            self.moved_on.emit(error)
            self.send_anyway_button.setFocus()
            return
        self.show_error(error_words(error, "Your message", "was not sent") + " Your text is kept here.")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def is_sending(self) -> bool:
        return self._sending is not None
