"""The first run's one question: work alone (the embedded database) or join a team (a PostgreSQL server).

Joining takes an invitation an administrator handed over (`ticketflow agent invite`: a link or a
`.ticketflow` file, never with a password) or the server's details typed in, then the password, which
goes to the keyring. **Test** logs in and says who that is ("You are Alice Lee, agent, in Billing.").
Every database and keyring call runs in a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import TicketFlowError
from ticketflow_desktop.services.team import (
    Identity,
    Invitation,
    check_login,
    read_invitation,
    save_team_login,
    team_words,
)
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.words import error_words


class FirstRunDialog(QDialog):
    """Asks once; `chose_team(url)` after the team's login is saved, `chose_alone()` otherwise."""

    chose_team = Signal(str)
    chose_alone = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._sslmode: str | None = None  # from an invitation
        self.setWindowTitle("Welcome to TicketFlow")
        intro = QLabel("Where do your tickets live?", self)
        intro.setProperty("role", "heading")
        self.alone = QRadioButton("&Work alone on this computer — nothing to set up", self)
        self.team = QRadioButton("&Join a team — a PostgreSQL server your administrator set up", self)
        self.alone.setChecked(True)

        self.team_box = QWidget(self)
        form = QFormLayout(self.team_box)
        invitation_row = QHBoxLayout()
        self.invitation = QLineEdit(self.team_box)
        self.invitation.setPlaceholderText("Paste an invitation link (ticketflow://join?…)")
        self.invitation.setAccessibleName("Invitation")
        self.open_file = QPushButton("Open file…", self.team_box)
        invitation_row.addWidget(self.invitation, 1)
        invitation_row.addWidget(self.open_file)
        invitation_label = QLabel("&Invitation", self.team_box)
        invitation_label.setBuddy(self.invitation)  # a row holding a layout gets no buddy by itself
        form.addRow(invitation_label, invitation_row)
        self.host = QLineEdit(self.team_box)
        self.port = QLineEdit(self.team_box)
        self.port.setPlaceholderText("5432")
        self.database = QLineEdit(self.team_box)
        self.login = QLineEdit(self.team_box)
        self.password = QLineEdit(self.team_box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Goes to the keyring, never to a file")
        for label, field in (
            ("&Server", self.host),
            ("P&ort", self.port),
            ("&Database", self.database),
            ("&Login", self.login),
            ("Pass&word", self.password),
        ):
            field.setAccessibleName(label.replace("&", ""))
            form.addRow(label, field)
        test_row = QHBoxLayout()
        self.test_button = QPushButton("&Test", self.team_box)
        self.answer = QLabel("", self.team_box)
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        self.answer.setAccessibleName("Test result")
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.answer, 1)
        form.addRow("", test_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.continue_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.continue_button.setText("Continue")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.alone)
        layout.addWidget(self.team)
        layout.addWidget(self.team_box)
        layout.addWidget(self.buttons)

        self.team.toggled.connect(self._sync)
        self.invitation.textChanged.connect(self._invitation_typed)
        self.open_file.clicked.connect(self._open_file)
        self.test_button.clicked.connect(self.test)
        self.buttons.accepted.connect(self._continue)
        self._sync()
        self.resize(560, 420)

    # --- the form ----------------------------------------------------------------------------------

    def _sync(self) -> None:
        self.team_box.setEnabled(self.team.isChecked())

    def _invitation_typed(self, text: str) -> None:
        if not text.strip():
            return
        try:
            self.fill(read_invitation(text))
        except TicketFlowError as error:
            self.answer.setText(error_words(error))

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open an invitation", "", "TicketFlow invitation (*.ticketflow)")
        if name:
            try:
                self.fill(read_invitation(Path(name).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                self.answer.setText(f"That file cannot be read: {error}")
            except TicketFlowError as error:
                self.answer.setText(error_words(error))

    def fill(self, invitation: Invitation) -> None:
        """An invitation fills in everything but the password, which comes next."""
        self.team.setChecked(True)
        self.host.setText(invitation.host)
        self.port.setText(str(invitation.port or ""))
        self.database.setText(invitation.database)
        self.login.setText(invitation.login)
        self._sslmode = invitation.sslmode
        self.answer.setText("Filled in from the invitation: now your password, then Test.")
        self.password.setFocus()

    def typed_invitation(self) -> Invitation | None:
        port = self.port.text().strip()
        if not (self.host.text().strip() and self.database.text().strip() and self.login.text().strip()):
            self.answer.setText("Give the server, the database and your login (or paste an invitation).")
            return None
        if port and not port.isdigit():
            self.answer.setText("The port is a number, e.g. 5432.")
            return None
        return Invitation(
            self.host.text().strip(),
            self.database.text().strip(),
            self.login.text().strip(),
            int(port) if port else None,
            self._sslmode,
        )

    # --- testing and saving (in workers) --------------------------------------------------------------

    def test(self) -> None:
        invitation = self.typed_invitation()
        if invitation is None:
            return
        self.test_button.setEnabled(False)
        self.answer.setText("Logging in…")
        self.context.ops.read(
            self,
            check_login,
            invitation,
            self.password.text(),
            on_done=self._tested,
            on_failed=self._test_failed,
            key="test",
            database=False,
        )

    def _tested(self, identity: Identity) -> None:
        self.test_button.setEnabled(True)
        self.answer.setText(team_words(identity))

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.answer.setText(error_words(error))

    def _continue(self) -> None:
        self.context.settings.set("first_run_done", True)
        if not self.team.isChecked():
            self.chose_alone.emit()
            self.accept()
            return
        invitation = self.typed_invitation()
        if invitation is None:
            return
        self.continue_button.setEnabled(False)
        url = invitation.url()

        def saved(_kept: bool) -> None:
            self.context.settings.set("database_url", url)
            self.chose_team.emit(url)
            self.accept()

        self.context.ops.write(
            self,
            save_team_login,
            self.password.text(),
            on_done=saved,
            on_failed=lambda error: self.answer.setText(error_words(error)),
            database=False,
        )


def is_first_run(settings_done: bool, database_url: str | None) -> bool:
    """Ask only a new user: no answer yet, no database named anywhere, no embedded file from before."""
    from ticketflow_desktop import config

    return not settings_done and not database_url and not config.default_database_file().exists()
