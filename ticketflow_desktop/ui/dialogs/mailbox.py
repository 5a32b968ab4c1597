"""The team mailbox's settings (File ▸ Team mailbox…): the IMAP URL to fetch, the SMTP URL to send
through, the team's address, and the password.

The URLs and the address go to the settings file; the password only to the OS keyring (or, without
one, this session's memory), never to the file. Environment variables win: their fields are disabled
and say which variable set them. The keyring is read and written in a worker, never on the GUI thread.
What is typed is checked when saving, and a bad value keeps the dialog open with the reason under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop import config
from ticketflow_desktop.domain.conversation import parse_requester
from ticketflow_desktop.domain.errors import ValidationError
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dialogs.buttons import save_cancel_buttons
from ticketflow_desktop.ui.dialogs.settings import SAVED_SECRET_HINT, env_note
from ticketflow_desktop.ui.words import error_words

IMAP_HINT = "imaps://support@mail.example.com/INBOX"
SMTP_HINT = "smtp://support@mail.example.com:587"


# --- in a worker: the keyring ---------------------------------------------------------------------


@dataclass(frozen=True)
class PasswordState:
    keyring: bool  # a system keyring is there
    saved: bool  # a mailbox password is saved in it


def look_up_password() -> PasswordState:
    return PasswordState(config.keyring_available(), bool(config.get_secret(config.SECRET_MAIL_PASSWORD)))


def store_password(password: str) -> bool:
    """True when the keyring holds it; False: kept for this session only (no keyring)."""
    return config.set_secret(config.SECRET_MAIL_PASSWORD, password)


# --- checking what was typed (pure) --------------------------------------------------------------


def check_fields(imap_url: str, smtp_url: str, address: str) -> dict[str, str]:
    """Each field's problem, by settings key (empty when all is well). Empty fields are allowed: no mailbox."""
    from ticketflow_desktop.mail.urls import parse_server_url  # the mail protocols load only when asked

    problems: dict[str, str] = {}
    for key, text, kinds in (
        ("mail_imap_url", imap_url, ("imaps", "imap")),
        ("mail_smtp_url", smtp_url, ("smtps", "smtp")),
    ):
        if text:
            try:
                parse_server_url(text, kinds)
            except ValidationError as error:
                problems[key] = "; ".join(e.message for e in error.errors)
    if address:
        try:
            parse_requester(address)
        except ValidationError as error:
            problems["mail_address"] = "; ".join(e.message for e in error.errors)
    elif smtp_url:
        problems["mail_address"] = "Replies need the team's address (the From of each reply)."
    return problems


class MailboxDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.settings
        self.setWindowTitle("Team mailbox")
        self.setMinimumWidth(600)
        self._saving = False
        layout = QVBoxLayout(self)
        intro = self._note(
            "Mails to the team's address become tickets, and replies are mailed to the customer. "
            "One app of the team fetches at a time."
        )
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.imap_url = self._field(IMAP_HINT, "IMAP URL")
        self.smtp_url = self._field(SMTP_HINT, "SMTP URL")
        self.address = self._field("Support <support@example.com>", "Team address")
        self.password = self._field("", "Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = {"mail_imap_url": self.imap_url, "mail_smtp_url": self.smtp_url, "mail_address": self.address}
        self.problems: dict[str, QLabel] = {}
        for key, label, field in (
            ("mail_imap_url", "&IMAP URL (fetch)", self.imap_url),
            ("mail_smtp_url", "&SMTP URL (send)", self.smtp_url),
            ("mail_address", "Team &address", self.address),
            ("mail_password", "&Password", self.password),
        ):
            form.addRow(label, field)
            override = self.settings.env_override(key)
            if override:
                field.setEnabled(False)
                note = self._note(env_note(override[0]))
                note.setWordWrap(False)  # short; wrapped, a form row would clip its second line
                form.addRow("", note)
            problem = self._note("", "error")
            problem.hide()
            self.problems[key] = problem
            form.addRow("", problem)
        layout.addLayout(form)
        self.keyring_note = self._note("The password is kept in the system keyring, never in the settings file.")
        layout.addWidget(self.keyring_note)
        self.error_label = self._note("", "error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout.addWidget(self.buttons)
        self._load()

    def _note(self, text: str, role: str = "muted") -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _field(self, placeholder: str, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(name)
        field.setClearButtonEnabled(True)
        return field

    def _load(self) -> None:
        for key, field in self.fields.items():
            field.setText(str(self.settings.effective(key) or ""))
        if self.settings.env_override("mail_password"):
            self.password.setPlaceholderText("(from the environment)")
        else:
            self.context.ops.read(self, look_up_password, on_done=self._show_password, key="password", database=False)

    def _show_password(self, state: PasswordState) -> None:
        if state.saved:
            self.password.setPlaceholderText(SAVED_SECRET_HINT)
        if not state.keyring:
            self.keyring_note.setText("No system keyring is available: the password is kept for this session only.")
            self.keyring_note.setProperty("role", "warning")

    # --- saving ----------------------------------------------------------------------------------

    def typed(self) -> dict[str, str]:
        """The fields the environment does not decide, trimmed."""
        return {key: field.text().strip() for key, field in self.fields.items() if not self.settings.env_override(key)}

    def save(self) -> None:
        if self._saving:
            return
        typed = self.typed()
        effective = {key: typed.get(key, str(self.settings.effective(key) or "")) for key in self.fields}
        problems = check_fields(effective["mail_imap_url"], effective["mail_smtp_url"], effective["mail_address"])
        for key, label in self.problems.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if problems:
            first = next(key for key in self.fields if key in problems)
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        password = "" if self.settings.env_override("mail_password") else self.password.text()
        self._saving = True
        self.save_button.setEnabled(False)
        if password:
            self.context.ops.write(
                self,
                store_password,
                password,
                on_done=lambda stored: self._saved(typed, stored),
                on_failed=self._save_failed,
                database=False,
            )
        else:
            self._saved(typed, True)

    def _saved(self, typed: dict[str, str], in_keyring: bool) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        for key, value in typed.items():
            self.settings.set(key, value)
        if self.password.text():
            self.settings.changed.emit("mail_password", None)  # the fetcher logs in again with it
        self.settings.sync()
        if not in_keyring:
            self.context.notices.info("No keyring available: the mailbox password is kept for this session only.")
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.error_label.setText(error_words(error, "The mailbox settings", "were not saved"))
        self.error_label.show()

    def reject(self) -> None:
        if not self._saving:  # the keyring's write finishes first (a moment at most)
            super().reject()
