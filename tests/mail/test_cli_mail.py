"""`ticketflow mail fetch --once` and `mail status`, as an administrator's cron job runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mail.servers import Dovecot, SmtpInbox
from ticketflow_desktop.cli import main
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database

CORPUS = Path(__file__).parent / "corpus"


def test_fetch_once_then_reply_then_status(
    database_url: str,
    dovecot: Dovecot,
    smtp_inbox: SmtpInbox,
    mail_password: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", dovecot.url)
    monkeypatch.setenv("TICKETFLOW_SMTP_URL", smtp_inbox.url)
    monkeypatch.setenv("TICKETFLOW_MAIL_ADDRESS", "support@example.test")
    dovecot.deliver(*((CORPUS / f"{n}.eml").read_bytes() for n in ("plain", "bounce")))
    assert main(["--database-url", database_url, "mail", "fetch", "--once", "--no-classify"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2 mails: 1 new tickets, 0 customer messages, 1 ignored, 0 rejected, 0 already stored",
        "  ignored: a delivery report (bounce)",
        "0 replies sent, 0 to try again, 0 failed",
    ]
    database = open_database(database_url)
    try:
        [ticket] = TicketService(database).page().tickets
        ConversationService(database).add(ticket.id, MessageKind.REPLY, "On it.")
    finally:
        database.dispose()
    assert main(["--database-url", database_url, "mail", "status"]) == 0
    assert capsys.readouterr().out.strip() == "1 queued, 0 sending, 0 sent, 0 failed"
    assert main(["--database-url", database_url, "mail", "fetch", "--once", "--no-classify"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 replies sent, 0 to try again, 0 failed"
    assert [m["To"] for m in smtp_inbox.received] == ["Ann Lee <ann@customer.example>"]


def test_without_a_mailbox_the_command_says_what_to_set(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TICKETFLOW_SMTP_URL", "smtp://127.0.0.1:1")
    assert main(["--database-url", database_url, "mail", "fetch", "--once", "--no-classify"]) == 2
    assert "The mailbox is not set up: set TICKETFLOW_MAIL_ADDRESS" in capsys.readouterr().err


def test_a_password_in_the_url_is_refused(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", "imaps://support:hunter2@mail.example.test/INBOX")
    assert main(["--database-url", database_url, "mail", "fetch", "--once", "--no-classify"]) == 2
    err = capsys.readouterr().err
    assert "not in the URL" in err and "hunter2" not in err
