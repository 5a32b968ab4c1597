"""The team mailbox's settings in the app: reached from the File menu, checked when saved (the reason
under the field), URLs and address to the settings file, the password to the keyring only; the
environment wins; the app's fetcher uses what was saved (a real Dovecot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.mail.servers import PASSWORD, Dovecot
from tests.ui.shell.conftest import MemoryKeyring
from ticketflow_desktop import config
from ticketflow_desktop.ui.dialogs.mailbox import MailboxDialog
from ticketflow_desktop.ui.dialogs.settings import SAVED_SECRET_HINT
from ticketflow_desktop.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
MAIL_PASSWORD = "mailbox-Secret-7x"
PLAIN = Path(__file__).parents[2] / "mail" / "corpus" / "plain.eml"


def _open(qtbot: QtBot, window) -> MailboxDialog:
    [action] = [a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Team &mailbox…"]
    action.trigger()  # File ▸ Team mailbox… (Alt+F, M)
    qtbot.waitUntil(lambda: window.mailbox_dialog is not None and window.mailbox_dialog.isVisible())
    dialog = window.mailbox_dialog
    qtbot.waitUntil(lambda: "password" not in window.context.ops.pending_keys(dialog))
    return dialog


def test_urls_go_to_the_settings_and_the_password_to_the_keyring_only(
    qtbot: QtBot, make_app, settings: Settings, settings_file: Path, memory_keyring: MemoryKeyring
) -> None:
    window = make_app(settings=settings, open_database=False, tab=None).window
    dialog = _open(qtbot, window)
    # Bad values: the reasons where the agent looks, nothing stored, the dialog stays.
    dialog.imap_url.setText("http://mail.example.com/INBOX")
    dialog.smtp_url.setText(f"smtp://support:{MAIL_PASSWORD}@mail.example.com:587")
    dialog.address.setText("not an address")
    dialog.password.setText(MAIL_PASSWORD)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "it should start with imaps:// or imap://" in dialog.problems["mail_imap_url"].text()
    assert "not in the URL" in dialog.problems["mail_smtp_url"].text()
    assert MAIL_PASSWORD not in dialog.problems["mail_smtp_url"].text()
    assert dialog.problems["mail_address"].isVisible()
    assert settings.get("mail_imap_url") == "" and memory_keyring.passwords == {}
    # Good values: saved, the password in the keyring.
    dialog.imap_url.setText("imaps://support@mail.example.com/INBOX")
    dialog.smtp_url.setText("smtp://support@mail.example.com:587")
    dialog.address.setText("Support <support@example.com>")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.save_button.click()
    assert not any(label.isVisible() for label in dialog.problems.values())
    assert (settings.get("mail_imap_url"), settings.get("mail_smtp_url"), settings.get("mail_address")) == (
        "imaps://support@mail.example.com/INBOX",
        "smtp://support@mail.example.com:587",
        "Support <support@example.com>",
    )
    assert memory_keyring.passwords == {(config.KEYRING_SERVICE, config.SECRET_MAIL_PASSWORD): MAIL_PASSWORD}
    settings.sync()
    text = settings_file.read_text()
    assert "imaps://support@mail.example.com/INBOX" in text and MAIL_PASSWORD not in text
    # What the fetcher reads: the stored settings, the keyring's password.
    config._keyring_cache.clear()
    loaded = config.load_mail_settings(settings.mail_fields())
    assert (loaded.imap_url, loaded.address, loaded.password) == (
        "imaps://support@mail.example.com/INBOX",
        "Support <support@example.com>",
        MAIL_PASSWORD,
    )
    # Opened again: the password is not shown, only that one is saved.
    again = _open(qtbot, window)
    assert again.password.text() == "" and again.password.placeholderText() == SAVED_SECRET_HINT
    assert again.imap_url.text() == "imaps://support@mail.example.com/INBOX"
    again.reject()


def test_the_environment_wins_and_the_dialog_says_so(
    qtbot: QtBot, make_app, settings: Settings, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", "imaps://ops@imap.example.org/Support")
    settings.set("mail_imap_url", "imaps://old@mail.example.com/INBOX")
    window = make_app(settings=settings, open_database=False, tab=None).window
    dialog = _open(qtbot, window)
    assert dialog.imap_url.text() == "imaps://ops@imap.example.org/Support" and not dialog.imap_url.isEnabled()
    notes = [label.text() for label in dialog.findChildren(type(dialog.keyring_note))]
    assert "Set by the environment variable TICKETFLOW_IMAP_URL" in notes
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.save_button.click()
    assert settings.get("mail_imap_url") == "imaps://old@mail.example.com/INBOX"  # the stored value is not replaced
    assert config.load_mail_settings(settings.mail_fields()).imap_url == "imaps://ops@imap.example.org/Support"


@pytest.mark.expect_log("ticketflow_desktop", "elected to fetch|standing for election", level=20, required=False)
def test_the_app_fetches_the_mailbox_saved_in_the_dialog(
    qtbot: QtBot, make_app, settings: Settings, memory_keyring: MemoryKeyring, dovecot: Dovecot
) -> None:
    app = make_app(settings=settings)
    assert app.window.mail.runner is None  # nothing set up: no fetcher
    dialog = _open(qtbot, app.window)
    dialog.imap_url.setText(dovecot.url)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.save_button.click()
    dovecot.deliver(PLAIN.read_bytes())
    qtbot.waitUntil(lambda: app.model.rowCount() == 1, timeout=60000)
    assert app.model.ticket_at(0).title == "Cannot log in since this morning"
    app.window.mail.stop()
