"""The running app fetches the team mailbox when one is set up: a customer's mail appears as a ticket."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.mail.servers import PASSWORD, Dovecot

PLAIN = Path(__file__).parents[1] / "mail" / "corpus" / "plain.eml"
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.mark.expect_log("ticketflow_desktop", "elected to fetch|standing for election", level=20, required=False)
def test_a_mail_becomes_a_ticket_in_the_open_window(
    qtbot: QtBot, make_app, dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", dovecot.url)
    monkeypatch.setenv("TICKETFLOW_MAIL_PASSWORD", PASSWORD)
    app = make_app()
    qtbot.waitUntil(lambda: app.context.service is not None, timeout=10000)
    dovecot.deliver(PLAIN.read_bytes())
    qtbot.waitUntil(lambda: app.model.rowCount() == 1, timeout=60000)  # a bound for a stuck test
    assert app.model.ticket_at(0).title == "Cannot log in since this morning"
    qtbot.waitUntil(lambda: dovecot.folder_count("INBOX") == 0, timeout=60000)
    app.window.mail.stop()
