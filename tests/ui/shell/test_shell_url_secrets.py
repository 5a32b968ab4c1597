"""A password in a database URL's query string (?password=, ?sslpassword=) is a secret like the one in
user:password@: taken out before the URL is stored, kept in the keyring, masked in every log line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.shell.conftest import MemoryKeyring
from ticketflow_desktop import config
from ticketflow_desktop.services.connection import mask_url, split_secrets, with_secrets
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.dialogs.settings import SettingsDialog
from ticketflow_desktop.ui.logging_setup import mask_secrets
from ticketflow_desktop.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
PASSWORD, KEY_PASSPHRASE = "Qpw-7781-zz", "Kpass-5519-yy"
URL = f"postgresql://agent@db.example.com/tickets?sslmode=verify-full&password={PASSWORD}&sslpassword={KEY_PASSPHRASE}"


def test_query_secrets_are_split_out_and_joined_back() -> None:
    bare, secrets = split_secrets(URL)
    assert bare == "postgresql://agent@db.example.com/tickets?sslmode=verify-full"
    assert secrets == {"password": PASSWORD, "sslpassword": KEY_PASSPHRASE}
    joined = with_secrets(bare, secrets)
    assert split_secrets(joined) == (bare, secrets)
    assert config.secrets_in_url(joined) == [PASSWORD, KEY_PASSPHRASE]


def test_the_dialog_stores_query_secrets_in_the_keyring_only(
    qtbot: QtBot, settings: Settings, settings_file: Path, memory_keyring: MemoryKeyring
) -> None:
    context, window = build_window(settings)
    qtbot.addWidget(window)
    dialog = SettingsDialog(context, None, window)
    qtbot.addWidget(dialog)
    dialog.postgres_radio.setChecked(True)
    dialog.postgres_url.setText(URL)
    opened: list[object] = []
    context.open = opened.append  # type: ignore[method-assign]  # no server to reach: see what would open
    dialog.save()
    qtbot.waitUntil(lambda: bool(opened))  # the secrets go to the keyring in a worker first
    settings.sync()
    stored = settings_file.read_text(encoding="utf-8")
    assert PASSWORD not in stored and KEY_PASSPHRASE not in stored and "db.example.com" in stored
    assert set(memory_keyring.passwords.values()) == {PASSWORD, KEY_PASSPHRASE}
    assert opened == [settings.connect_url()]
    assert split_secrets(str(opened[0]))[1] == {"password": PASSWORD, "sslpassword": KEY_PASSPHRASE}
    context.close()


@pytest.mark.parametrize(
    "text",
    [
        f"could not connect to {URL}",
        f"connection string: host=db user=agent password={PASSWORD} sslpassword={KEY_PASSPHRASE}",
    ],
)
def test_logs_and_screens_never_show_query_secrets(text: str) -> None:
    masked = mask_secrets(text)
    assert PASSWORD not in masked and KEY_PASSPHRASE not in masked and "***" in masked
    assert PASSWORD not in mask_url(URL) and KEY_PASSPHRASE not in mask_url(URL)
