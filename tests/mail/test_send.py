"""Replies reach the customer through a real SMTP server (aiosmtpd), threaded, exactly once."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.mail.servers import Dovecot, SmtpInbox, free_port
from ticketflow_desktop.config import load_mail_settings
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.mail import MailService, outbox_counts
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database

CORPUS = Path(__file__).parent / "corpus"
TEAM = "Support Team <support@example.test>"


@pytest.fixture
def mail(
    database: Database, dovecot: Dovecot, mail_password: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> MailService:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", dovecot.url)
    monkeypatch.setenv("TICKETFLOW_MAIL_ADDRESS", TEAM)
    return MailService(database, load_mail_settings(), clock=clock)


def at(mail: MailService, smtp: SmtpInbox) -> MailService:
    """The same service, sending to `smtp` (the port may have no server yet: one that is away)."""
    from dataclasses import replace

    return MailService(mail.database, replace(mail.settings, smtp_url=smtp.url), clock=mail.clock)


def ticket_from_mail(mail: MailService, dovecot: Dovecot) -> int:
    dovecot.deliver((CORPUS / "plain.eml").read_bytes())
    with mail.open_mailbox() as mailbox:
        mail.fetch_once(mailbox)
    [ticket] = TicketService(mail.database).page().tickets
    return ticket.id


def send(mail: MailService) -> str:
    sender = mail.open_sender()
    try:
        return mail.send_due(sender).summary()
    finally:
        sender.close()


def test_a_reply_arrives_once_threaded_and_the_answer_threads_back(
    mail: MailService, dovecot: Dovecot, smtp_inbox: SmtpInbox
) -> None:
    ticket_id = ticket_from_mail(mail, dovecot)
    conversation = ConversationService(mail.database)
    reply = conversation.add(ticket_id, MessageKind.REPLY, "Hello Ann,\n\nwe reset your password.")
    conversation.add(ticket_id, MessageKind.NOTE, "internal: never mailed")
    mail = at(mail, smtp_inbox)
    assert send(mail) == "1 replies sent, 0 to try again, 0 failed"
    assert send(mail) == "0 replies sent, 0 to try again, 0 failed"
    [sent] = smtp_inbox.received
    assert sent["From"] == TEAM
    assert sent["To"] == "Ann Lee <ann@customer.example>"
    assert sent["Subject"] == f"Re: Cannot log in since this morning [#{ticket_id}]"
    assert sent["In-Reply-To"] == "<plain-1@customer.example>"
    assert sent["References"] == "<plain-1@customer.example>"
    assert sent["Message-ID"].startswith(f"<ticketflow.{ticket_id}.{reply.id}.")
    assert sent["Message-ID"].endswith("@example.test>")
    body = sent.get_payload(decode=True).decode().replace("\r\n", "\n").strip()
    assert body == "Hello Ann,\n\nwe reset your password."
    assert mail.states([reply.id])[reply.id].state == "sent"
    # The customer answers our mail: found by its In-Reply-To, added to the same ticket.
    answer = (
        f"From: ann@customer.example\r\nSubject: {sent['Subject']}\r\nMessage-ID: <ann-answer@customer.example>\r\n"
        f"In-Reply-To: {sent['Message-ID']}\r\nReferences: {sent['References']} {sent['Message-ID']}\r\n\r\n"
        "Thanks, it works.\r\n"
    ).encode()
    dovecot.deliver(answer)
    with mail.open_mailbox() as mailbox:
        assert mail.fetch_once(mailbox).messages == 1
    assert [m.body for m in conversation.thread(ticket_id) if m.kind is MessageKind.CUSTOMER] == ["Thanks, it works."]
    # A second reply names both earlier mails in its References.
    conversation.add(ticket_id, MessageKind.REPLY, "Glad to hear it.")
    send(mail)
    second = smtp_inbox.received[-1]
    assert second["In-Reply-To"] == sent["Message-ID"]
    assert second["References"].split() == [
        "<plain-1@customer.example>",
        "<ann-answer@customer.example>",
        sent["Message-ID"],
    ]


def test_the_smtp_server_away_then_back_sends_once(mail: MailService, dovecot: Dovecot, clock: FixedClock) -> None:
    ticket_id = ticket_from_mail(mail, dovecot)
    reply = ConversationService(mail.database).add(ticket_id, MessageKind.REPLY, "We are on it.")
    away = SmtpInbox(free_port())
    mail = at(mail, away)
    assert send(mail) == "0 replies sent, 1 to try again, 0 failed"
    state = mail.states([reply.id])[reply.id]
    assert (state.state, state.attempts) == ("queued", 1)
    assert state.last_error == "the mail server refused the connection (is it running?)"
    away.start()
    try:
        # It waits its back-off: not tried again at once.
        assert send(mail) == "0 replies sent, 0 to try again, 0 failed"
        time_passes(mail, clock)
        assert send(mail) == "1 replies sent, 0 to try again, 0 failed"
        assert send(mail) == "0 replies sent, 0 to try again, 0 failed"
    finally:
        away.stop()
    assert len(away.received) == 1
    assert outbox_counts(mail.database) == {"sent": 1}


def test_a_lost_answer_is_found_in_the_team_mailbox_and_not_sent_again(
    mail: MailService, dovecot: Dovecot, smtp_inbox: SmtpInbox
) -> None:
    smtp_inbox.team_mailbox = dovecot
    ticket_id = ticket_from_mail(mail, dovecot)
    reply = ConversationService(mail.database).add(ticket_id, MessageKind.REPLY, "Fixed.")
    mail = at(mail, smtp_inbox)
    sender = mail.open_sender()
    accepted = sender.send

    def send_then_die(message: EmailMessage, copy_to: str | None = None) -> None:
        accepted(message, copy_to)
        raise SystemExit("the app was killed before it recorded the server's answer")

    sender.send = send_then_die  # type: ignore[method-assign]
    with pytest.raises(SystemExit):
        mail.send_due(sender)
    sender.close()
    assert mail.states([reply.id])[reply.id].state == "sending"
    with mail.open_mailbox() as mailbox:
        report = mail.send_due(mail.open_sender(), mailbox)
        assert (report.sent, report.found_sent) == (1, 1)
        assert mail.fetch_once(mailbox).summary().startswith("1 mails: 0 new tickets, 0 customer messages, 1 ignored")
    assert smtp_inbox.recipients == [["ann@customer.example", "support@example.test"]]
    assert mail.states([reply.id])[reply.id].state == "sent"


def time_passes(mail: MailService, clock: FixedClock) -> None:
    """A minute later: the app's clock on SQLite; on PostgreSQL the back-off is the server's own time."""
    clock.advance(timedelta(minutes=1))
    if mail.database.enforces_team_rules:
        with mail.database.writing() as session:
            session.execute(text("UPDATE mail_out SET next_try_at = now() - interval '1 second'"))


def test_a_refused_recipient_fails_with_the_servers_words(
    mail: MailService, dovecot: Dovecot, smtp_inbox: SmtpInbox
) -> None:
    ticket_id = ticket_from_mail(mail, dovecot)
    reply = ConversationService(mail.database).add(ticket_id, MessageKind.REPLY, "Hello?")
    smtp_inbox.refuse_recipients = "550 5.1.1 No such user here"
    mail = at(mail, smtp_inbox)
    assert send(mail) == "0 replies sent, 0 to try again, 1 failed"
    state = mail.states([reply.id])[reply.id]
    assert (state.state, state.last_error) == ("failed", "550 5.1.1 No such user here")
    assert send(mail) == "0 replies sent, 0 to try again, 0 failed"  # never tried again by itself


def test_a_ticket_without_a_requester_queues_no_mail(database: Database) -> None:
    ticket = TicketService(database).create(TicketDraft("Printer", "It jams", Category.TECHNICAL, Priority.LOW))
    reply = ConversationService(database).add(ticket.id, MessageKind.REPLY, "Try turning it off and on.")
    assert MailService(database, load_mail_settings()).states([reply.id]) == {}


def test_a_failed_reply_is_mailed_again_when_asked(
    mail: MailService, dovecot: Dovecot, smtp_inbox: SmtpInbox, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from ticketflow_desktop.cli import main
    from ticketflow_desktop.domain.errors import ValidationError

    ticket_id = ticket_from_mail(mail, dovecot)
    conversation = ConversationService(mail.database)
    reply = conversation.add(ticket_id, MessageKind.REPLY, "Hello again?")
    smtp_inbox.refuse_recipients = "550 5.1.1 No such user here"
    mail = at(mail, smtp_inbox)
    send(mail)
    with pytest.raises(ValidationError, match="this one has not failed"):
        conversation.mail_again(conversation.add(ticket_id, MessageKind.NOTE, "a note").id)
    smtp_inbox.refuse_recipients = None  # the customer's server fixed
    assert main(["--database-url", database_url, "mail", "resend", str(reply.id)]) == 0
    assert "queued to be mailed again" in capsys.readouterr().out
    [shown] = [m for m in conversation.thread(ticket_id) if m.id == reply.id]
    assert (shown.mail_state, shown.mail_error) == ("queued", "550 5.1.1 No such user here")  # the last words kept
    assert send(mail) == "1 replies sent, 0 to try again, 0 failed"
    assert [m["Subject"] for m in smtp_inbox.received] == [f"Re: Cannot log in since this morning [#{ticket_id}]"]
    assert main(["--database-url", database_url, "mail", "resend", str(reply.id)]) == 2  # sent: nothing to redo
