"""What can be done with the message chosen in the thread, in a row under it: save one of the ticket's
attachments (Ctrl+Shift+D), and mail a reply again whose mail failed (Ctrl+Shift+M).

The row lists every file of the ticket (the opening mail's too, which has no card of its own); choosing
a message picks its first file. Saving asks for a place in a file dialog that does not block the
window, then reads the bytes and writes the file in a worker. The row hides what does not apply.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ticketflow_desktop.domain.attachments import AttachmentInfo
from ticketflow_desktop.domain.conversation import Message
from ticketflow_desktop.domain.errors import TicketFlowError
from ticketflow_desktop.services.attachments import AttachmentService
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.words import error_words

SAVE_KEYS = QKeySequence("Ctrl+Shift+D")
MAIL_AGAIN_KEYS = QKeySequence("Ctrl+Shift+M")
HELP_GROUP = "Ticket detail"


class FileNotWritten(TicketFlowError):
    """The place the agent chose cannot take the file (no room, no right): their words, not a crash."""


def save_attachment(service: AttachmentService, attachment_id: int, path: Path) -> tuple[AttachmentInfo, Path]:
    """In a worker: the bytes read from the database and written to `path`."""
    try:
        return service.save(attachment_id, path), path
    except OSError as error:
        raise FileNotWritten(f"{path} could not be written: {error.strerror or error}") from None


def where_from(info: AttachmentInfo) -> str:
    return "from the opening mail" if info.message_id is None else "from a later mail"


class MessageActions(QWidget):
    mailed_again = Signal(object)  # the reply (Message) as it is now: queued again

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ticket_id: int | None = None
        self.message: Message | None = None
        self.file_dialog: QFileDialog | None = None
        self.attachments: list[AttachmentInfo] = []  # the ticket's, as listed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel("", self)
        self.status.setProperty("role", "muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.files = QComboBox(self)
        self.files.setAccessibleName("Attachments")
        self.files.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.files.setMinimumContentsLength(16)
        self.save_button = QPushButton("Save attachment…", self)
        self.save_button.setToolTip(f"Save the chosen attachment to a file ({_native(SAVE_KEYS)})")
        self.save_button.clicked.connect(self.ask_where)
        self.again_button = QPushButton("Mail again", self)
        self.again_button.setToolTip(f"Queue this reply's mail again ({_native(MAIL_AGAIN_KEYS)})")
        self.again_button.clicked.connect(self.mail_again)
        layout.addWidget(self.status)  # a line of its own: a server's words can be long
        row.addWidget(self.files, 1)
        row.addWidget(self.save_button)
        row.addStretch(0)
        row.addWidget(self.again_button)
        layout.addLayout(row)
        self.save_action = self._action("Save attachment…", SAVE_KEYS, self.ask_where)
        self.again_action = self._action("Mail this reply again", MAIL_AGAIN_KEYS, self.mail_again)
        self._sync()

    def _action(self, text: str, keys: QKeySequence, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setProperty("help_group", HELP_GROUP)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- what is shown -------------------------------------------------------------------------

    def show_ticket(self, ticket_id: int | None) -> None:
        if ticket_id != self.ticket_id:
            self.ticket_id = ticket_id
            self.message = None
            self.attachments = []
            self.files.clear()
            self.status.clear()
            self._sync()

    def set_attachments(self, attachments: list[AttachmentInfo]) -> None:
        """Every file of the ticket; the choice is kept when it is still there."""
        if [a.id for a in attachments] == [a.id for a in self.attachments]:
            return  # the same files (most news is a new message without any): the list is left as it is
        self.attachments = list(attachments)
        chosen = self.files.currentData()
        self.files.clear()
        for info in attachments:
            self.files.addItem(f"{info.label} — {where_from(info)}", info.id)
            self.files.setItemData(self.files.count() - 1, info.content_type, Qt.ItemDataRole.ToolTipRole)
        index = self.files.findData(chosen)
        if index >= 0:
            self.files.setCurrentIndex(index)
        self._sync()

    def set_message(self, message: Message | None) -> None:
        """The message chosen in the thread: its first file is picked, its failed mail offered again."""
        self.message = message
        if message is not None and message.attachments:
            index = self.files.findData(message.attachments[0].id)
            if index >= 0:
                self.files.setCurrentIndex(index)
        if message is not None and message.mail_state == "failed":
            self.status.setText(message.mail_words or "")
        elif self.status.property("kind") != "result":
            self.status.clear()
        self.status.setProperty("kind", None)
        self._sync()

    def _sync(self) -> None:
        has_files = self.files.count() > 0
        failed = self.message is not None and self.message.mail_state == "failed"
        self.files.setVisible(has_files)
        self.save_button.setVisible(has_files)
        self.save_action.setEnabled(has_files)
        self.again_button.setVisible(failed)
        self.again_action.setEnabled(failed)
        self.status.setVisible(bool(self.status.text()))
        self.setVisible(has_files or failed or bool(self.status.text()))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setProperty("kind", "result")  # kept when the chosen message changes next
        self._sync()

    # --- saving --------------------------------------------------------------------------------

    def ask_where(self) -> None:
        attachment_id = self.files.currentData()
        chosen = next((a for a in self.attachments if a.id == attachment_id), None)
        if chosen is None or self.context.service is None:
            return
        name = chosen.filename
        start = Path(str(self.context.settings.value("attachment_folder") or Path.home())) / name
        dialog = QFileDialog(self, "Save attachment", str(start))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(str(start))
        dialog.fileSelected.connect(lambda path, i=attachment_id: self._save(int(i), Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()  # not exec(): the window goes on (the thread keeps following its news)

    def _save(self, attachment_id: int, path: Path) -> None:
        service = self.context.service
        if service is None:
            return
        self.context.settings.set_value("attachment_folder", str(path.parent))
        self._say(f"Saving {path.name}…")
        self.context.ops.read(
            self,
            save_attachment,
            AttachmentService(service.database),
            attachment_id,
            path,
            on_done=self._saved,
            on_failed=lambda error: self._say(error_words(error, "The attachment", "was not saved")),
            key="save-attachment",
        )

    def _saved(self, result: tuple[AttachmentInfo, Path]) -> None:
        info, path = result
        self._say(f"Saved {info.label} to {path}")

    # --- mailing again -------------------------------------------------------------------------

    def mail_again(self) -> None:
        message, service = self.message, self.context.service
        if message is None or message.mail_state != "failed" or service is None:
            return
        self.again_button.setEnabled(False)
        self.context.ops.write(
            self,
            ConversationService(service.database, service.clock).mail_again,
            message.id,
            on_done=self._mailed_again,
            on_failed=self._mail_again_failed,
            change=Change.of([message.ticket_id], ChangeKind.MESSAGE),
        )

    def _mailed_again(self, message: Message) -> None:
        self.again_button.setEnabled(True)
        self.mailed_again.emit(message)
        self.message = message
        self._say("The reply's mail is queued again; the team's mail fetcher sends it in its next round.")

    def _mail_again_failed(self, error: BaseException) -> None:
        self.again_button.setEnabled(True)
        self._say(error_words(error, "The reply's mail", "was not queued again"))


def _native(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)
