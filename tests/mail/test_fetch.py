"""A mailbox on a real Dovecot becomes tickets and customer messages, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mail.servers import Dovecot
from ticketflow_desktop.config import load_mail_settings
from ticketflow_desktop.domain import Sort, SortKey, Status, Ticket, TicketChanges
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.mail.fetch import PROCESSED, REJECTED
from ticketflow_desktop.services.attachments import AttachmentService
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.mail import MailService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database

CORPUS = Path(__file__).parent / "corpus"
PEOPLE = ["plain", "html_only", "attachment", "latin1", "windows1252", "shift_jis"]
MACHINES = ["auto_reply", "bounce"]


def corpus(name: str) -> bytes:
    return (CORPUS / f"{name}.eml").read_bytes()


@pytest.fixture
def mail(database: Database, dovecot: Dovecot, mail_password: str, monkeypatch: pytest.MonkeyPatch) -> MailService:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", dovecot.url)
    return MailService(database, load_mail_settings())


def tickets(database: Database) -> list[Ticket]:
    return list(TicketService(database).iterate(sort=Sort(SortKey.CREATED, descending=False)))


def fetch(mail: MailService) -> str:
    with mail.open_mailbox() as mailbox:
        return mail.fetch_once(mailbox).summary()


def test_people_mail_becomes_tickets_and_machines_mail_does_not(mail: MailService, dovecot: Dovecot) -> None:
    dovecot.deliver(*(corpus(n) for n in PEOPLE + MACHINES))
    assert fetch(mail) == ("8 mails: 6 new tickets, 0 customer messages, 2 ignored, 0 rejected, 0 already stored")
    made = tickets(mail.database)
    assert [t.title for t in made] == [
        "Cannot log in since this morning",
        "Invoice € wrong",
        "Screenshot of the error",
        "Rückerstattung für März",
        "“Quoted” price – 20 €",
        "ログインできません",
    ]
    assert made[1].description == "Dear support,\n\nthe invoice shows 100 € instead of 80 €.\n\nRegards,\nBob"
    assert made[2].description == "The error is in the attached file."
    [pdf] = AttachmentService(mail.database).of_ticket(made[2].id)
    assert (pdf.filename, pdf.content_type, pdf.size) == ("error report.pdf", "application/pdf", 3009)
    requester = ConversationService(mail.database).customer(made[0].requester_id or 0)
    assert requester is not None and (requester.name, requester.email) == ("Ann Lee", "ann@customer.example")
    assert (dovecot.folder_count("INBOX"), dovecot.folder_count(PROCESSED)) == (0, 8)
    # A second round finds nothing new.
    assert fetch(mail).startswith("0 mails")
    assert len(tickets(mail.database)) == 6


def test_answers_thread_by_header_and_by_subject_tag_and_reopen(mail: MailService, dovecot: Dovecot) -> None:
    dovecot.deliver(corpus("plain"))
    fetch(mail)
    [ticket] = tickets(mail.database)
    service = TicketService(mail.database)
    service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)
    dovecot.deliver(corpus("reply_header"))
    assert "1 customer messages" in fetch(mail)
    assert service.get(ticket.id).status is Status.OPEN  # the customer's answer reopens it
    dovecot.deliver(corpus("reply_tag").replace(b"TICKET", str(ticket.id).encode()))
    # A stranger quoting the number gets a ticket of their own, not a say in Ann's.
    stranger = corpus("reply_tag").replace(b"TICKET", str(ticket.id).encode())
    stranger = stranger.replace(b"From: ann@", b"From: mallory@").replace(b"plain-3@", b"plain-4@")
    dovecot.deliver(stranger)
    assert fetch(mail).startswith("2 mails: 1 new tickets, 1 customer messages")
    thread = ConversationService(mail.database).thread(ticket.id)
    assert [(m.kind, m.body) for m in thread] == [
        (MessageKind.CUSTOMER, "It works again, thank you!"),
        (MessageKind.CUSTOMER, "One more thing: the app also logs me out."),
    ]
    assert len(tickets(mail.database)) == 2


def test_a_crash_between_commit_and_move_stores_nothing_twice(mail: MailService, dovecot: Dovecot) -> None:
    dovecot.deliver(corpus("plain"), corpus("html_only"))

    def crash(uid: int) -> None:
        raise SystemExit("the power went out")

    with mail.open_mailbox() as mailbox, pytest.raises(SystemExit):
        mail.fetch_once(mailbox, after_commit=crash)
    assert len(tickets(mail.database)) == 1 and dovecot.folder_count("INBOX") == 2
    assert fetch(mail) == "2 mails: 1 new tickets, 0 customer messages, 0 ignored, 0 rejected, 1 already stored"
    assert len(tickets(mail.database)) == 2 and dovecot.folder_count("INBOX") == 0


def test_a_crash_before_the_commit_loses_nothing(mail: MailService, dovecot: Dovecot) -> None:
    dovecot.deliver(corpus("plain"))

    def crash(title: str, text: str) -> None:
        raise SystemExit("killed while classifying")

    crashing = MailService(mail.database, mail.settings, classify=crash)
    with crashing.open_mailbox() as mailbox, pytest.raises(SystemExit):
        crashing.fetch_once(mailbox)
    assert tickets(mail.database) == [] and dovecot.folder_count("INBOX") == 1
    assert fetch(mail).startswith("1 mails: 1 new tickets")


def test_malformed_mail_is_put_aside_with_its_reason(mail: MailService, dovecot: Dovecot) -> None:
    dovecot.deliver(b"Subject: who sent this?\r\nMessage-ID: <anon@x>\r\n\r\nbody\r\n")
    with mail.open_mailbox() as mailbox:
        report = mail.fetch_once(mailbox)
    assert report.reasons == ["rejected: the mail has no From address"]
    assert (dovecot.folder_count("INBOX"), dovecot.folder_count(REJECTED)) == (0, 1)
    assert tickets(mail.database) == []


@pytest.mark.slow
def test_a_25_mb_mail_keeps_its_text_and_lists_the_attachment_over_the_cap(mail: MailService, dovecot: Dovecot) -> None:
    import base64

    payload = base64.encodebytes(b"\x00" * (25 * 1024 * 1024))
    raw = (
        b"From: big@customer.example\r\nSubject: Log files\r\nMessage-ID: <big@c>\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\n"
        b"The logs are attached.\r\n--B\r\nContent-Type: application/gzip\r\n"
        b'Content-Disposition: attachment; filename="logs.gz"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + payload
        + b"\r\n--B--\r\n"
    )
    dovecot.deliver(raw)
    assert fetch(mail).startswith("1 mails: 1 new tickets")
    [ticket] = tickets(mail.database)
    assert ticket.description == (
        "The logs are attached.\n\n[Left out: logs.gz (25 MB) over the 10 MB limit; "
        "it stays with the mail in the mailbox's Processed folder]"
    )
    # A mailbox may refuse mails that big outright: then it is put aside, with the reason.
    dovecot.deliver(raw.replace(b"<big@c>", b"<big2@c>"))
    strict = MailService(mail.database, mail.settings, mail_max=1024 * 1024)
    with strict.open_mailbox() as mailbox:
        report = strict.fetch_once(mailbox)
    assert report.reasons == ["rejected: the mail is 34.2 MB, over the 1 MB a ticket may take"]
    assert dovecot.folder_count(REJECTED) == 1
