"""The keyring is never read or written on the GUI thread: it may wait seconds on D-Bus or the Keychain,
and the window would freeze that long. Every look-up and every store goes through ops, in a worker."""

from __future__ import annotations

import threading
from pathlib import Path

import keyring
import pytest
from pytestqt.qtbot import QtBot

from tests.ui.shell.conftest import MemoryKeyring
from ticketflow_desktop import config
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.dialogs.settings import SAVED_SECRET_HINT, SettingsDialog
from ticketflow_desktop.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")


class RecordingKeyring(MemoryKeyring):
    """A keyring that notes, for every call, whether it came from the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, str, bool]] = []  # (method, entry, on the GUI thread)

    def _note(self, method: str, username: str) -> None:
        self.calls.append((method, username, threading.current_thread() is threading.main_thread()))

    def get_password(self, service: str, username: str) -> str | None:
        self._note("get", username)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._note("set", username)
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._note("delete", username)
        super().delete_password(service, username)


def test_the_keyring_is_never_touched_on_the_gui_thread(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    recorder = RecordingKeyring()
    keyring.set_keyring(recorder)
    # Saved in an earlier session (put straight in: no call).
    recorder.passwords[(config.KEYRING_SERVICE, config.SECRET_DATABASE_PASSWORD)] = "pw-saved-before"
    recorder.passwords[(config.KEYRING_SERVICE, config.SECRET_LLM_API_KEY)] = "sk-saved-before"
    settings.set("database_url", f"sqlite:///{tmp_path / 'first.sqlite3'}")

    context, window = build_window(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        context.open_saved()  # the stored URL, its saved secrets joined in a worker
    qtbot.waitUntil(lambda: window.mode_label.text() == f"Suggestions: {config.DEFAULT_LLM_MODEL}", timeout=10_000)

    dialog = SettingsDialog(context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.api_key.placeholderText() == SAVED_SECRET_HINT, timeout=10_000)
    dialog.base_url.setText("https://models.example.com/v1")  # a server with no key saved
    qtbot.waitUntil(lambda: dialog.api_key.placeholderText() == "", timeout=10_000)
    dialog.test_model_button.click()
    qtbot.waitUntil(lambda: "Type the API key for this server" in dialog.model_result.text(), timeout=10_000)
    dialog.test_database_button.click()
    qtbot.waitUntil(lambda: dialog.database_result.text().startswith("Connected"), timeout=10_000)
    dialog.api_key.setText("sk-typed-now")
    dialog.sqlite_path.setText(str(tmp_path / "second.sqlite3"))  # moved: the old server's password goes
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: window.mode_label.text() == f"Suggestions: {config.DEFAULT_LLM_MODEL}", timeout=10_000)
    context.tasks.wait_idle()

    methods = {method for method, _entry, _gui in recorder.calls}
    assert {"get", "set", "delete"} <= methods  # the test did make the window read, store and forget
    assert [call for call in recorder.calls if call[2]] == []  # ...and never on the GUI thread
    assert recorder.passwords == {
        (config.KEYRING_SERVICE, config.SECRET_LLM_API_KEY): "sk-saved-before",
        (config.KEYRING_SERVICE, config.llm_key_name("https://models.example.com/v1")): "sk-typed-now",
    }
    context.close()
