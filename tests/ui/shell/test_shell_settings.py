"""Settings: typed values, environment overrides shown and winning, secrets only in the keyring,
connection tests in a worker, switching database without a restart."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend as MemoryKeyring  # the fixture gives our in-memory one
from keyring.backends import fail
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.notices import heard
from ticketflow_desktop import config
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.dialogs.settings import NO_KEYRING, SAVED_SECRET_HINT, SettingsDialog, join_saved_secrets
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
API_KEY = "sk-test-Zq81xYpLmN"
DB_PASSWORD = "hunter2-Pw9"


@pytest.fixture
def window(make_app, settings: Settings):
    return make_app(settings=settings, open_database=False, tab=None).window


def _dialog(qtbot: QtBot, window, theme: ThemeManager | None = None) -> SettingsDialog:
    dialog = SettingsDialog(window.context, theme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    # What the keyring holds is looked up in a worker: the dialog shows it once that answers.
    qtbot.waitUntil(lambda: "saved" not in window.context.ops.pending_keys(dialog))
    return dialog


def test_values_are_typed_and_validated(qtbot: QtBot, settings: Settings, settings_file: Path) -> None:
    assert settings.get("theme") == "system"
    assert settings.get("offline") is False
    with qtbot.waitSignal(settings.changed) as changed:
        settings.set("offline", True)
    assert changed.args == ["offline", True]
    with qtbot.assertNotEmitted(settings.changed):
        settings.set("offline", True)
    with pytest.raises(ValueError, match="theme must be one of"):
        settings.set("theme", "sepia")
    settings.sync()
    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("theme", "garbage")
    assert Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).get("theme") == "system"
    assert Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).get("offline") is True


def test_environment_wins_and_the_dialog_says_so(
    qtbot: QtBot, window, settings: Settings, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    settings.set("llm_model", "stored-model")
    settings.set("database_url", "sqlite:////tmp/stored.sqlite3")
    monkeypatch.setenv("LLM_MODEL", "env-model")
    monkeypatch.setenv("LLM_API_KEY", API_KEY)
    monkeypatch.setenv("DATABASE_URL", f"postgresql://agent:{DB_PASSWORD}@db.example.com/tickets")
    assert settings.llm().model == "env-model"
    assert settings.llm().api_key == API_KEY and settings.llm().key_from_env
    assert settings.connect_url() == f"postgresql://agent:{DB_PASSWORD}@db.example.com/tickets"

    dialog = _dialog(qtbot, window)
    assert dialog.model_name.text() == "env-model" and not dialog.model_name.isEnabled()
    assert not dialog.api_key.isEnabled() and dialog.api_key.text() == ""
    assert not dialog.postgres_url.isEnabled() and not dialog.sqlite_radio.isEnabled()
    assert DB_PASSWORD not in dialog.postgres_url.text()
    assert "db.example.com" in dialog.postgres_url.text()
    notes = {key: label.text() for key, label in dialog.env_notes.items()}
    assert notes == {
        "database_url": "Set by the environment variable DATABASE_URL",
        "llm_api_key": "Set by the environment variable LLM_API_KEY",
        "llm_model": "Set by the environment variable LLM_MODEL",
    }
    assert dialog.base_url.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        dialog.save_button.click()
    # Saving did not copy the environment's values into the stored settings or the keyring.
    assert settings.get("llm_model") == "stored-model"
    assert settings.get("database_url") == "sqlite:////tmp/stored.sqlite3"
    assert memory_keyring.passwords == {}


# No server listens on port 9.
@pytest.mark.expect_log("ticketflow_desktop.ui.connection", "opening the database failed", required=False)
def test_api_key_and_password_go_to_the_keyring_only(
    qtbot: QtBot, window, settings: Settings, settings_file: Path, memory_keyring: MemoryKeyring, log_directory: Path
) -> None:
    dialog = _dialog(qtbot, window)
    assert dialog.keyring_note is None
    dialog.api_key.setText(API_KEY)
    dialog.postgres_radio.setChecked(True)
    dialog.postgres_url.setText(f"postgresql://agent:{DB_PASSWORD}@127.0.0.1:9/tickets")  # a pasted URL
    with qtbot.waitSignal(window.context.connection_state):  # saving switches the database
        dialog.save_button.click()
    assert memory_keyring.passwords == {
        (config.KEYRING_SERVICE, config.SECRET_LLM_API_KEY): API_KEY,
        (config.KEYRING_SERVICE, config.SECRET_DATABASE_PASSWORD): DB_PASSWORD,
    }
    assert settings.get("database_url") == "postgresql://agent@127.0.0.1:9/tickets"
    assert settings.connect_url() == f"postgresql://agent:{DB_PASSWORD}@127.0.0.1:9/tickets"
    assert settings.llm().api_key == API_KEY
    # Whatever anyone logs, the secrets do not reach the file.
    logging.getLogger("test").warning("calling with key %s on postgresql://agent:%s@h/db", API_KEY, DB_PASSWORD)
    try:
        raise RuntimeError(f"failed with {API_KEY}")
    except RuntimeError:
        logging.getLogger("test").exception("boom")
    window.context.tasks.wait_idle()
    qtbot.waitUntil(lambda: window.context.state == "unreachable", timeout=15_000)
    settings.sync()
    for handler in logging.getLogger().handlers:
        handler.flush()
    settings_text = settings_file.read_text()
    log_text = (log_directory / "ticketflow.log").read_text()
    assert "agent@127.0.0.1" in settings_text and "calling with key ***" in log_text
    for secret in (API_KEY, DB_PASSWORD):
        assert secret not in settings_text
        assert secret not in log_text
    assert "RuntimeError: failed with ***" in log_text

    reopened = _dialog(qtbot, window)
    assert reopened.api_key.text() == "" and reopened.api_key.placeholderText() == SAVED_SECRET_HINT
    assert reopened.postgres_password.placeholderText() == SAVED_SECRET_HINT
    assert reopened.postgres_url.text() == "postgresql://agent@127.0.0.1:9/tickets"


def test_without_a_keyring_secrets_live_for_the_session(
    qtbot: QtBot, window, settings: Settings, settings_file: Path
) -> None:
    import keyring

    keyring.set_keyring(fail.Keyring())
    dialog = _dialog(qtbot, window)
    assert dialog.keyring_note is not None and dialog.keyring_note.text() == NO_KEYRING
    dialog.api_key.setText(API_KEY)
    dialog.model_name.setText("gpt-session")
    with qtbot.waitSignal(heard(window.context).posted) as notified:
        dialog.save_button.click()
    assert "session only" in notified.args[0]
    assert settings.llm().api_key == API_KEY
    settings.sync()
    assert "gpt-session" in settings_file.read_text() and API_KEY not in settings_file.read_text()


def test_test_connection_reports_the_version_or_the_exact_failure(qtbot: QtBot, window, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, window)
    dialog.sqlite_radio.setChecked(True)
    existing = tmp_path / "t.sqlite3"
    import sqlite3

    sqlite3.connect(existing).close()
    dialog.sqlite_path.setText(str(existing))
    dialog.test_database_button.click()
    qtbot.waitUntil(lambda: dialog.database_result.text().startswith("Connected: SQLite 3."))
    pg = os.environ.get("TICKETFLOW_TEST_DATABASE_URL")
    if pg:
        dialog.postgres_radio.setChecked(True)
        dialog.postgres_url.setText(pg)
        dialog.test_database_button.click()
        qtbot.waitUntil(lambda: dialog.database_result.text().startswith("Connected: PostgreSQL "), timeout=10_000)
    dialog.postgres_radio.setChecked(True)
    dialog.postgres_url.setText("postgresql://nobody@127.0.0.1:9/none")
    dialog.postgres_password.setText(DB_PASSWORD)
    dialog.test_database_button.click()
    qtbot.waitUntil(lambda: dialog.database_result.property("role") == "error", timeout=15_000)
    text = dialog.database_result.text()
    assert text.startswith("The database server cannot be reached")
    assert "127.0.0.1" in text and DB_PASSWORD not in text
    dialog.postgres_url.setText("mysql://x@y/z")
    dialog.test_database_button.click()
    assert dialog.database_result.text() == "Unsupported database 'mysql': use PostgreSQL or SQLite."


def test_model_test_runs_in_a_worker_or_says_not_available(qtbot: QtBot, window) -> None:
    import ticketflow_desktop.classification as classification

    dialog = _dialog(qtbot, window)
    dialog.api_key.setText(API_KEY)
    dialog.base_url.setText("http://127.0.0.1:9/v1")
    dialog.test_model_button.click()
    if not hasattr(classification, "check_connection"):
        assert dialog.model_result.text() == "Not available in this build."
        return
    qtbot.waitUntil(lambda: dialog.model_result.property("role") in ("error", "success"), timeout=30_000)
    assert dialog.model_result.property("role") == "error"
    assert API_KEY not in dialog.model_result.text()


def test_switching_the_database_reconnects_without_restart(qtbot: QtBot, window, tmp_path: Path) -> None:
    context = window.context
    with qtbot.waitSignal(context.database_opened, timeout=10_000):
        context.open(f"sqlite:///{tmp_path / 'first.sqlite3'}")
    dialog = _dialog(qtbot, window)
    dialog.sqlite_radio.setChecked(True)
    dialog.sqlite_path.setText(str(tmp_path / "second.sqlite3"))
    with qtbot.waitSignal(context.database_opened, timeout=10_000) as opened:
        dialog.save_button.click()
    assert opened.args[0].database.url.endswith("second.sqlite3")
    assert "second.sqlite3" in window.database_label.text()
    assert not dialog.isVisible()


def test_a_bad_url_keeps_the_dialog_open_with_the_reason(qtbot: QtBot, window, settings: Settings) -> None:
    dialog = _dialog(qtbot, window)
    dialog.postgres_radio.setChecked(True)
    dialog.postgres_url.setText("not a url")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("This is not a database URL")
    assert settings.get("database_url") == ""


def test_theme_chosen_in_the_dialog_applies_and_persists(qtbot: QtBot, settings: Settings, theme: ThemeManager) -> None:
    context, window = build_window(settings, theme=theme)
    qtbot.addWidget(window)
    dialog = _dialog(qtbot, window, theme)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    with qtbot.waitSignal(theme.changed):
        dialog.save_button.click()
    assert settings.get("theme") == "dark"
    assert [a.data() for a in window._theme_menu.actions() if a.isChecked()] == ["dark"]
    context.close()


# No server listens on port 9.
@pytest.mark.expect_log("ticketflow_desktop.ui.connection", "opening the database failed", required=False)
def test_saved_password_is_never_sent_to_another_server(
    qtbot: QtBot, window, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    settings.set("database_url", "postgresql://agent@127.0.0.1:9/tickets")
    settings.set_secret("database_password", DB_PASSWORD)
    dialog = _dialog(qtbot, window)
    stored = settings.get("database_url")
    assert (
        join_saved_secrets(*dialog.form_database_url(), stored)
        == f"postgresql://agent:{DB_PASSWORD}@127.0.0.1:9/tickets"
    )
    dialog.postgres_url.setText("postgresql://agent@127.0.0.1:8/elsewhere")
    assert join_saved_secrets(*dialog.form_database_url(), stored) == "postgresql://agent@127.0.0.1:8/elsewhere"
    with qtbot.waitSignal(window.context.connection_state):
        dialog.save_button.click()
    assert memory_keyring.passwords == {}
    assert settings.connect_url() == "postgresql://agent@127.0.0.1:8/elsewhere"
    window.context.tasks.wait_idle()


def test_closing_settings_while_test_connection_runs_is_calm(
    qtbot: QtBot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer of a Test connection still running when the dialog closes goes nowhere (its callbacks
    were bare: 'already deleted' reached the crash dialog)."""
    import time

    from PySide6.QtCore import Qt

    import ticketflow_desktop.ui.dialogs.settings as settings_dialog

    monkeypatch.setattr(settings_dialog, "probe_form_url", lambda *_args: (time.sleep(0.5), "SQLite 3")[1])
    dialog = SettingsDialog(window.context, None, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the window opens it
    dialog.show()
    dialog.test_database_button.click()
    assert dialog.database_result.text() == "Testing…"
    assert "settings-test-database" in window.context.ops.pending_keys()
    dialog.close()
    qtbot.waitUntil(lambda: "settings-test-database" not in window.context.ops.pending_keys(), timeout=5_000)
    qtbot.wait(100)  # the answer's callback had its turn: pytest-qt fails the test on an exception in it
