"""The settings dialog: database, model, offline mode, theme.

Environment variables win over stored values; their fields are disabled and say which variable set
them. Secrets (API key, database password) go to the keyring, never to the settings file. The
keyring is never touched on the GUI thread (it may wait seconds on D-Bus or the Keychain): what is
saved is looked up, and what is typed is stored, by ops in a worker; so are both "Test" buttons, so
the window never waits on the network either.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop import config
from ticketflow_desktop.services.connection import (
    DATABASE_SECRETS,
    check_url,
    connect_url,
    default_sqlite_url,
    mask_url,
    probe_connection,
    saved_database_secrets,
    split_secrets,
    with_secrets,
)
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dialogs.buttons import save_cancel_buttons
from ticketflow_desktop.ui.files import in_documents
from ticketflow_desktop.ui.logging_setup import mask_secrets
from ticketflow_desktop.ui.theme import THEME_CHOICES, ThemeManager, set_style_property
from ticketflow_desktop.ui.words import error_words

log = logging.getLogger(__name__)

SAVED_SECRET_HINT = "Saved in the keyring — leave empty to keep it"
NO_KEYRING = (
    "No system keyring is available: the API key and database password are kept for this session only "
    "and must be entered again after a restart."
)


def env_note(variable: str) -> str:
    return f"Set by the environment variable {variable}"


def _sqlite_path(url: str) -> str | None:
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    return None


# --- in a worker: everything that reads or writes the keyring ---------------------------------------


@dataclass(frozen=True)
class Saved:
    """What the keyring holds, as the dialog shows it (never the values)."""

    keyring: bool  # a system keyring is there (else secrets live for the session only)
    database_password: bool
    llm_key: bool  # for the server in the form


def look_up_saved(base_url: str | None) -> Saved:
    return Saved(
        config.keyring_available(),
        bool(config.get_secret(config.SECRET_DATABASE_PASSWORD)),
        bool(config.get_secret(config.llm_key_name(base_url))),
    )


def saved_llm_key(base_url: str | None) -> str | None:
    return config.get_secret(config.llm_key_name(base_url))


def join_saved_secrets(bare: str, typed: Mapping[str, str], stored_url: str) -> str:
    """The URL the form means, its secrets joined in: those typed, and the saved ones only when the form
    names the saved URL (a saved password is never sent to another server)."""
    if not bare:
        return default_sqlite_url()
    saved = saved_database_secrets() if bare == stored_url else {}
    return with_secrets(bare, {**saved, **typed})


def probe_form_url(bare: str, typed: Mapping[str, str], stored_url: str) -> str:
    return probe_connection(join_saved_secrets(bare, typed, stored_url))


@dataclass(frozen=True)
class SecretsToStore:
    """What Save does in the keyring, and the URLs to compare before and after."""

    database: dict[str, str] = dataclasses.field(default_factory=dict)  # keyring name -> value typed
    forget: tuple[str, ...] = ()  # keyring names of the previous server's secrets
    llm_key: tuple[str, str] | None = None  # (keyring name, key typed)
    url_before: tuple[str | None, bool] = (None, False)  # (stored URL, from the environment)
    url_after: tuple[str | None, bool] = (None, False)


@dataclass(frozen=True)
class Stored:
    before: str | None  # the URL to open, before and after
    after: str | None
    kept_for_session: bool  # no keyring: secrets live for this session only


def store_secrets(plan: SecretsToStore) -> Stored:
    before = connect_url(*plan.url_before)
    kept_for_session = False
    for name, value in plan.database.items():
        kept_for_session |= not config.set_secret(name, value)
    for name in plan.forget:
        config.set_secret(name, None)  # it belonged to the previous server
    if plan.llm_key is not None:
        kept_for_session |= not config.set_secret(*plan.llm_key)
    return Stored(before, connect_url(*plan.url_after), kept_for_session)


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, theme: ThemeManager | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.settings
        self.theme = theme
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self.env_notes: dict[str, QLabel] = {}
        self.file_dialog: QFileDialog | None = None

        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self._database_box())
        layout.addWidget(self._model_box())
        layout.addWidget(self._general_box())
        self.keyring_note: QLabel | None = None  # shown once the keyring turns out to be missing
        self._notes_layout = layout
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.error_label = self._note("", "error")
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        outer.addWidget(self.buttons)
        self._saving = False
        self._key_saved_here: bool | None = None  # a key is saved for the form's server (None: not known yet)
        self._load()
        # Show everything without scrolling when the screen allows; scroll on small screens.
        wanted = body.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() else None
        height = wanted.height() + self.buttons.sizeHint().height() + 48
        if screen is not None:
            height = min(height, int(screen.height() * 0.9))
        self.resize(max(560, wanted.width() + 48), height)

    # --- construction --------------------------------------------------------------------------------

    def _note(self, text: str, role: str = "muted") -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _env_note(self, key: str, form: QFormLayout) -> None:
        override = self.settings.env_override(key)
        if override:
            note = self._note(env_note(override[0]))
            note.setWordWrap(False)  # short; a wrapped label in a form row gets a needlessly tall row
            self.env_notes[key] = note
            form.addRow("", note)

    def _database_box(self) -> QGroupBox:
        box = QGroupBox("Database", self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sqlite_radio = QRadioButton("SQLite file on this computer", box)
        self.postgres_radio = QRadioButton("PostgreSQL server (shared with the team)", box)
        group = QButtonGroup(box)
        group.addButton(self.sqlite_radio)
        group.addButton(self.postgres_radio)
        form.addRow(self.sqlite_radio)

        path_row = QHBoxLayout()
        self.sqlite_path = QLineEdit(box)
        self.sqlite_path.setPlaceholderText(_sqlite_path(default_sqlite_url()) or "")
        self.sqlite_path.setAccessibleName("SQLite file")
        self.browse_button = QPushButton("Browse…", box)
        self.browse_button.clicked.connect(self._browse)
        path_row.addWidget(self.sqlite_path, 1)
        path_row.addWidget(self.browse_button)
        form.addRow("File:", path_row)

        form.addRow(self.postgres_radio)
        self.postgres_url = QLineEdit(box)
        self.postgres_url.setPlaceholderText("postgresql://user@host:5432/tickets")
        self.postgres_url.setAccessibleName("PostgreSQL URL")
        form.addRow("URL:", self.postgres_url)
        self.postgres_password = QLineEdit(box)
        self.postgres_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.postgres_password.setAccessibleName("Database password")
        form.addRow("Password:", self.postgres_password)
        self._env_note("database_url", form)

        test_row = QHBoxLayout()
        self.test_database_button = QPushButton("Test connection", box)
        self.test_database_button.clicked.connect(self.test_database)
        self.database_result = self._note("")
        test_row.addWidget(self.test_database_button)
        test_row.addWidget(self.database_result, 1)
        form.addRow(test_row)
        self.sqlite_radio.toggled.connect(self._update_enabled)
        return box

    def _model_box(self) -> QGroupBox:
        box = QGroupBox("Suggestions model", self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.api_key = QLineEdit(box)
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName("API key")
        form.addRow("API key:", self.api_key)
        self._env_note("llm_api_key", form)
        self.model_name = QLineEdit(box)
        self.model_name.setPlaceholderText(config.DEFAULT_LLM_MODEL)
        self.model_name.setAccessibleName("Model name")
        form.addRow("Model:", self.model_name)
        self._env_note("llm_model", form)
        self.base_url = QLineEdit(box)
        self.base_url.setPlaceholderText("https://api.openai.com/v1 (default)")
        self.base_url.setAccessibleName("Base URL")
        form.addRow("Base URL:", self.base_url)
        self._env_note("llm_base_url", form)
        test_row = QHBoxLayout()
        self.test_model_button = QPushButton("Test", box)
        self.test_model_button.clicked.connect(self.test_model)
        self.model_result = self._note("")
        test_row.addWidget(self.test_model_button)
        test_row.addWidget(self.model_result, 1)
        form.addRow(test_row)
        return box

    def _general_box(self) -> QGroupBox:
        box = QGroupBox("General", self)
        form = QFormLayout(box)
        self.offline = QCheckBox("Offline mode: never call the model; suggest locally", box)
        form.addRow(self.offline)
        if self.context.offline_flag:
            form.addRow("", self._note("Started with --offline: offline for this session whatever is set here."))
        self.theme_combo = QComboBox(box)
        for choice, label in THEME_CHOICES.items():
            self.theme_combo.addItem(label, choice)
        self.theme_combo.setAccessibleName("Theme")
        form.addRow("Theme:", self.theme_combo)
        return box

    # --- values in and out ---------------------------------------------------------------------------

    def _load(self) -> None:
        s = self.settings
        url, from_env = s.database_url()
        url = url or ""
        path = _sqlite_path(url) if url else ""
        if path is not None:
            self.sqlite_radio.setChecked(True)
            self.sqlite_path.setText(path)
        else:
            self.postgres_radio.setChecked(True)
            self.postgres_url.setText(mask_url(url) if from_env else url)
        if from_env:
            for widget in (
                self.sqlite_radio,
                self.postgres_radio,
                self.sqlite_path,
                self.browse_button,
                self.postgres_url,
                self.postgres_password,
            ):
                widget.setEnabled(False)

        key_env = s.env_override("llm_api_key")
        if key_env:
            self.api_key.setEnabled(False)
            self.api_key.setPlaceholderText("(from the environment)")
        for key, field in (("llm_model", self.model_name), ("llm_base_url", self.base_url)):
            field.setText(str(s.effective(key) or ""))
            field.setEnabled(s.env_override(key) is None)
        self._clear_text_ok = s.get("llm_clear_text_ok")
        self.context.ops.read(
            self, look_up_saved, self._form_base_url(), on_done=self._show_saved, key="saved", database=False
        )
        self.base_url.textChanged.connect(self._show_key_hint)
        self.offline.setChecked(s.get("offline"))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(s.get("theme"))))
        self._update_enabled()

    def _update_enabled(self) -> None:
        if self.settings.env_override("database_url"):
            return
        sqlite = self.sqlite_radio.isChecked()
        for widget in (self.sqlite_path, self.browse_button):
            widget.setEnabled(sqlite)
        for widget in (self.postgres_url, self.postgres_password):
            widget.setEnabled(not sqlite)

    def _browse(self) -> None:
        # A file already chosen: start beside it; otherwise in the user's documents, not the working directory.
        current = self.sqlite_path.text().strip()
        start = str(Path(current).expanduser()) if current else in_documents("tickets.sqlite3")
        dialog = QFileDialog(
            self, "SQLite database file", start, "SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # choosing an existing database opens it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.sqlite_path.setText)
        self.file_dialog = dialog
        dialog.open()  # window-modal, no nested event loop

    def form_database_url(self) -> tuple[str, dict[str, str]]:
        """(URL without secrets, the secrets typed or pasted in the URL) from the form; '' = the default file.

        A password or sslpassword pasted into the URL (user:pw@ or ?password=) is taken out of it, so
        that it goes to the keyring and never to the settings file."""
        if self.sqlite_radio.isChecked():
            text = self.sqlite_path.text().strip()
            return (f"sqlite:///{Path(text).expanduser().absolute()}" if text else ""), {}
        url = self.postgres_url.text().strip()
        if not url:
            return "", {}
        problem = check_url(url)
        if problem:
            raise ValueError(problem)
        bare, secrets = split_secrets(url)
        if self.postgres_password.text():
            secrets["password"] = self.postgres_password.text()
        return bare, secrets

    def _form_base_url(self) -> str | None:
        return self.base_url.text().strip() or None

    def _show_saved(self, saved: Saved) -> None:
        if not saved.keyring and self.keyring_note is None:
            self.keyring_note = self._note(NO_KEYRING, "warning")
            self._notes_layout.insertWidget(self._notes_layout.count() - 1, self.keyring_note)
        if saved.database_password and not self.settings.env_override("database_url"):
            self.postgres_password.setPlaceholderText(SAVED_SECRET_HINT)
        self._key_hint(saved.llm_key)

    def _show_key_hint(self) -> None:
        """Say "saved" only when a key is saved for the server now in the form: a key belongs to its server."""
        self._key_hint(None)
        self.context.ops.read(
            self,
            lambda base: look_up_saved(base).llm_key,
            self._form_base_url(),
            on_done=self._key_hint,
            key="key-hint",
            database=False,
        )

    def _key_hint(self, saved: bool | None) -> None:
        self._key_saved_here = saved
        if not self.settings.env_override("llm_api_key"):
            self.api_key.setPlaceholderText(SAVED_SECRET_HINT if saved else "")

    def form_llm_settings(self, saved_key: str | None = None) -> config.LlmSettings:
        """The model settings in the form: the key typed (or the environment's), else `saved_key`."""
        s = self.settings
        env_key = s.env_override("llm_api_key")
        typed = None if env_key else (self.api_key.text().strip() or None)
        return config.LlmSettings(
            api_key=(env_key[1] if env_key else None) or typed or saved_key,
            model=self.model_name.text().strip() or config.DEFAULT_LLM_MODEL,
            base_url=self._form_base_url(),
            key_from_env=env_key is not None,
        )

    def _confirmed_for_clear_text(self, then: Callable[[], None]) -> bool:
        """True when the key may go to the form's server; else ask (plain http to another computer) and
        run `then` once the user agrees."""
        base = self._form_base_url()
        endpoint = config.llm_endpoint(base)
        if not config.sends_key_in_clear(base) or self._clear_text_ok == endpoint:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Send the API key unencrypted?",
            f"{base} uses plain http:// to another computer: the API key and the tickets' text would cross "
            "the network unencrypted, readable by anyone on the way. Use https:// if the server offers it.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        send = box.addButton("Send unencrypted", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if button is send:
                self._clear_text_ok = endpoint
                then()

        box.buttonClicked.connect(answered)
        self.clear_text_box = box
        box.open()  # no nested event loop
        return False

    # --- tests of the connections (workers) ----------------------------------------------------------

    def _say(self, label: QLabel, text: str, role: str) -> None:
        label.setText(text)
        set_style_property(label, "role", role)

    def test_database(self) -> None:
        typed: dict[str, str]
        if self.settings.env_override("database_url"):
            bare, typed, stored = self.settings.database_url()[0] or "", {}, ""
        else:
            try:
                bare, typed = self.form_database_url()
            except ValueError as error:
                self._say(self.database_result, str(error), "error")
                return
            stored = self.settings.get("database_url")
        self._say(self.database_result, "Testing…", "muted")
        self.test_database_button.setEnabled(False)
        self.context.ops.read(
            self,  # the dialog may be closed before the answer: it then goes nowhere
            probe_form_url,
            bare,
            typed,
            stored,
            on_done=self._database_ok,
            on_failed=self._database_failed,
            key="settings-test-database",
            database=False,  # a test of the form's database, not of the one in use
        )

    def _database_ok(self, version: str) -> None:
        self.test_database_button.setEnabled(True)
        self._say(self.database_result, f"Connected: {version}", "success")

    def _database_failed(self, error: BaseException) -> None:
        self.test_database_button.setEnabled(True)
        self._say(self.database_result, mask_secrets(error_words(error)), "error")

    def test_model(self) -> None:
        try:
            from ticketflow_desktop.classification import check_connection  # noqa: F401 - is it in this build?
        except ImportError:
            self._say(self.model_result, "Not available in this build.", "muted")
            return
        llm = self.form_llm_settings()
        if llm.api_key:
            self._test_model_with(llm)
            return
        self.context.ops.read(
            self,
            saved_llm_key,
            self._form_base_url(),
            on_done=lambda key: self._test_model_with(self.form_llm_settings(key)),
            key="settings-model-key",
            database=False,
        )

    def _test_model_with(self, llm: config.LlmSettings) -> None:
        from ticketflow_desktop.classification import check_connection
        from ticketflow_desktop.ui.submit.suggestions import model_errors_explained

        if not llm.api_key:
            self._say(
                self.model_result,
                "Type the API key for this server: a saved key is only ever sent to the server it was saved for.",
                "error",
            )
            return
        if not self._confirmed_for_clear_text(self.test_model):
            return
        self._say(self.model_result, "Testing…", "muted")
        self.test_model_button.setEnabled(False)
        self.context.ops.read(
            self,
            model_errors_explained(check_connection),  # a refusal is the server's answer, not a bug
            llm,
            on_done=self._model_ok,
            on_failed=self._model_failed,
            key="settings-test-model",
            database=False,
        )

    def _model_ok(self, text: object) -> None:
        self.test_model_button.setEnabled(True)
        self._say(self.model_result, f"Works: {text}", "success")

    def _model_failed(self, error: BaseException) -> None:
        self.test_model_button.setEnabled(True)
        message = getattr(error, "message", None) or str(error) or type(error).__name__
        self._say(self.model_result, mask_secrets(str(message)), "error")

    # --- saving -------------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the secrets typed (in a worker: the keyring), then the rest, then reopen if the URL changed."""
        s = self.settings
        if self._saving:
            return
        may_send_key = bool(self.form_llm_settings().api_key) or self._key_saved_here is not False
        if may_send_key and not self._confirmed_for_clear_text(self.save):
            return
        try:
            bare, secrets = (None, {}) if s.env_override("database_url") else self.form_database_url()
        except ValueError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.error_label.hide()
        stored_url, stored_from_env = s.database_url()
        moved = bare is not None and bare != s.get("database_url")
        typed_key = None if s.env_override("llm_api_key") else (self.api_key.text().strip() or None)
        plan = SecretsToStore(
            database={DATABASE_SECRETS[name]: value for name, value in secrets.items() if value},
            forget=tuple(key for name, key in DATABASE_SECRETS.items() if moved and not secrets.get(name)),
            llm_key=(config.llm_key_name(self._form_base_url()), typed_key) if typed_key else None,
            url_before=(stored_url, stored_from_env),
            url_after=(stored_url, stored_from_env) if bare is None else (bare or None, False),
        )
        self._saving = True
        self.save_button.setEnabled(False)
        self.context.ops.write(
            self, store_secrets, plan, on_done=lambda stored: self._saved(bare, stored), on_failed=self._save_failed,
            database=False,
        )  # fmt: skip

    def _saved(self, bare: str | None, stored: Stored) -> None:
        s = self.settings
        self._saving = False
        self.save_button.setEnabled(True)
        if bare is not None:
            s.set("database_url", bare)
        s.secrets_stored()  # the window says again where suggestions come from
        s.set("llm_clear_text_ok", self._clear_text_ok if config.sends_key_in_clear(self._form_base_url()) else "")
        for key, field in (("llm_model", self.model_name), ("llm_base_url", self.base_url)):
            if s.env_override(key) is None:
                s.set(key, field.text().strip() or (config.DEFAULT_LLM_MODEL if key == "llm_model" else ""))
        s.set("offline", self.offline.isChecked())
        choice = self.theme_combo.currentData()
        s.set("theme", choice)
        if self.theme is not None:
            self.theme.set_choice(choice)
        s.sync()
        if stored.after != stored.before:
            log.info("switching database to %s", mask_url(stored.after or default_sqlite_url()))
            self.context.open(stored.after)
        if stored.kept_for_session:
            self.context.notices.info("No keyring available: secrets are kept for this session only.")
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.error_label.setText(error_words(error, "The settings", "were not saved"))
        self.error_label.show()

    def reject(self) -> None:
        if not self._saving:  # a save in the keyring finishes first (it takes a moment at most)
            super().reject()
