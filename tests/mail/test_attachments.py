"""A mail's files are kept with its ticket (real Dovecot; SQLite and PostgreSQL): the right bytes under a
safe name, a file over the cap named on the message instead of kept, and nothing half-stored."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from tests.classification.fake_llm import trained_model  # noqa: F401 - a fixture (used by name)
from tests.mail.servers import Dovecot
from ticketflow_desktop.config import load_mail_settings
from ticketflow_desktop.domain import Category, Sort, SortKey, SuggestionSource, Ticket
from ticketflow_desktop.domain.attachments import ATTACHMENT_CAP, AttachmentNotFound, safe_filename
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.services.attachments import AttachmentService
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.mail import MailService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 700


def multipart(message_id: str, subject: str, text_body: str, *parts: tuple[bytes, bytes], extra: bytes = b"") -> bytes:
    """A mail with a text part and `parts` (their headers and their bytes, sent base64)."""
    out = (
        b"From: Ann Lee <ann@customer.example>\r\nTo: support@example.test\r\nSubject: " + subject.encode() + b"\r\n"
        b"Message-ID: " + message_id.encode() + b"\r\n" + extra + b"MIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=BOUNDARY\r\n\r\n"
        b"--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text_body.encode() + b"\r\n"
    )
    for headers, data in parts:
        out += b"--BOUNDARY\r\n" + headers + b"Content-Transfer-Encoding: base64\r\n\r\n"
        out += base64.encodebytes(data).replace(b"\n", b"\r\n")
    return out + b"--BOUNDARY--\r\n"


# An RFC 2231 name (UTF-8, percent-encoded, with a path) and an RFC 2047 encoded word.
PDF_PART = (
    b"Content-Type: application/pdf\r\n"
    b"Content-Disposition: attachment; filename*=UTF-8''..%2F..%2FRechnung%20M%C3%A4rz.pdf\r\n",
    PDF,
)
PNG_PART = (b'Content-Type: image/png; name="=?utf-8?q?Bildschirmfoto_=C3=A9cran.png?="\r\n', PNG)


@pytest.fixture
def mail(database: Database, dovecot: Dovecot, mail_password: str, monkeypatch: pytest.MonkeyPatch) -> MailService:
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", dovecot.url)
    return MailService(database, load_mail_settings())


def fetch(mail: MailService) -> str:
    with mail.open_mailbox() as mailbox:
        return mail.fetch_once(mailbox).summary()


def only_ticket(database: Database) -> Ticket:
    [ticket] = TicketService(database).iterate(sort=Sort(SortKey.CREATED, descending=False))
    return ticket


def test_a_mails_two_attachments_are_kept_with_their_bytes_and_safe_names(mail: MailService, dovecot: Dovecot) -> None:
    both = multipart("<two@customer.example>", "Invoice and screenshot", "See both files.", PDF_PART, PNG_PART)
    dovecot.deliver(both)
    assert fetch(mail).startswith("1 mails: 1 new tickets")
    ticket = only_ticket(mail.database)
    assert ticket.description == "See both files."
    service = AttachmentService(mail.database)
    listed = service.of_ticket(ticket.id)
    assert [(a.filename, a.content_type, a.size, a.message_id) for a in listed] == [
        ("Rechnung März.pdf", "application/pdf", len(PDF), None),
        ("Bildschirmfoto écran.png", "image/png", len(PNG), None),
    ]
    assert [service.content(a.id)[1] for a in listed] == [PDF, PNG]


def test_an_answers_attachment_belongs_to_its_message_and_one_over_the_cap_is_named_not_kept(
    mail: MailService, dovecot: Dovecot
) -> None:
    dovecot.deliver(multipart("<first@customer.example>", "Broken export", "The export fails."))
    fetch(mail)
    ticket = only_ticket(mail.database)
    big = bytes(ATTACHMENT_CAP + 1)
    answer = multipart(
        "<answer@customer.example>",
        "Re: Broken export",
        "Here are the logs.",
        (b'Content-Type: application/gzip\r\nContent-Disposition: attachment; filename="all-logs.gz"\r\n', big),
        (b'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="/var/log/app.log"\r\n', b"line 1\n"),
        extra=b"In-Reply-To: <first@customer.example>\r\n",
    )
    dovecot.deliver(answer)
    assert "1 customer messages" in fetch(mail)
    [message] = ConversationService(mail.database).thread(ticket.id)
    assert message.kind is MessageKind.CUSTOMER
    assert message.body == (
        "Here are the logs.\n\n[Left out: all-logs.gz (10 MB) over the 10 MB limit; "
        "it stays with the mail in the mailbox's Processed folder]"
    )
    [kept] = message.attachments  # the thread carries them
    assert (kept.filename, kept.size, kept.message_id) == ("app.log", 7, message.id)
    assert AttachmentService(mail.database).content(kept.id)[1] == b"line 1\n"
    with mail.database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM attachments")).scalar_one() == 1


def test_a_failed_store_keeps_neither_ticket_nor_attachment(mail: MailService, dovecot: Dovecot) -> None:
    """The ticket, its files and the mail's record are one transaction: a refused file undoes the ticket."""
    postgresql = mail.database.enforces_team_rules
    refuse = (  # the database refuses any file (as a full disk would)
        [
            "CREATE FUNCTION tf_test_no_files() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE 'no'; END$$",
            "CREATE TRIGGER no_files BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION tf_test_no_files()",
        ]
        if postgresql
        else ["CREATE TRIGGER no_files BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'no'); END"]
    )
    with mail.database.writing() as session:
        for statement in refuse:
            session.execute(text(statement))
    try:
        dovecot.deliver(multipart("<refused@customer.example>", "With a file", "Text.", PNG_PART))
        with pytest.raises(Exception, match="no"), mail.open_mailbox() as mailbox:
            mail.fetch_once(mailbox)
        assert list(TicketService(mail.database).iterate()) == []
        assert dovecot.folder_count("INBOX") == 1  # still there: the next round takes it again
    finally:
        if postgresql:  # the session's database outlives this test: its trigger must not
            with mail.database.writing() as session:
                session.execute(text("DROP TRIGGER no_files ON attachments"))
                session.execute(text("DROP FUNCTION tf_test_no_files()"))


def test_an_unknown_attachment_is_not_found(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    with pytest.raises(AttachmentNotFound, match="Attachment 99 does not exist"):
        AttachmentService(database).save(99, folder / "x")
    assert list(folder.iterdir()) == []


def test_an_obvious_billing_mail_is_classified_by_the_local_model(
    mail: MailService,
    dovecot: Dovecot,
    trained_model: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    from tests.classification.fake_llm import copy_model
    from ticketflow_desktop.classification.suggest import Suggester
    from ticketflow_desktop.services.mail import local_classifier
    from ticketflow_desktop.services.suggestion_outcomes import SuggestionOutcomes

    suggester = Suggester(copy_model(trained_model, tmp_path / "model" / "local_model.npz"))
    classified = MailService(mail.database, mail.settings, classify=local_classifier(suggester))
    dovecot.deliver(
        multipart(
            "<refund@customer.example>",
            "Charged twice for my subscription, please refund",
            "My credit card was charged twice this month for the invoice. Please refund the duplicate payment.",
        )
    )
    assert fetch(classified).startswith("1 mails: 1 new tickets")
    ticket = only_ticket(mail.database)
    assert ticket.category is Category.BILLING
    assert ticket.suggestion is not None and ticket.suggestion.source is SuggestionSource.LOCAL
    assert ticket.suggestion.category is Category.BILLING
    [week] = SuggestionOutcomes(mail.database).acceptance_by_week(1)
    assert (week.source, week.suggested, week.kept) == (SuggestionSource.LOCAL, 1, 1)


def test_an_unsure_suggestion_leaves_the_defaults_but_is_recorded(mail: MailService, dovecot: Dovecot) -> None:
    from ticketflow_desktop.domain import Priority, Suggestion
    from ticketflow_desktop.services.suggestion_outcomes import SuggestionOutcomes

    def unsure(title: str, text: str) -> Suggestion:
        return Suggestion(Category.TECHNICAL, Priority.HIGH, SuggestionSource.LOCAL, "local", 0.3, 0.3, 0.3)

    dovecot.deliver(multipart("<vague@customer.example>", "Hello", "Something is odd."))
    fetch(MailService(mail.database, mail.settings, classify=unsure))
    ticket = only_ticket(mail.database)
    assert (ticket.category, ticket.priority) == (Category.GENERAL, Priority.MEDIUM)
    assert ticket.suggestion is not None and ticket.suggestion.category is Category.TECHNICAL
    [week] = SuggestionOutcomes(mail.database).acceptance_by_week(1)
    assert (week.suggested, week.kept) == (1, 0)


@pytest.mark.parametrize(
    ("claimed", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\report.pdf", "report.pdf"),
        ("con.txt", "_con.txt"),
        ("a\x00b\x1fc.txt", "a_b_c.txt"),
        ("...", "attachment.bin"),
        ("", "attachment.bin"),
    ],
)
def test_safe_filenames(claimed: str, safe: str) -> None:
    assert safe_filename(claimed, "application/octet-stream") == safe


@given(st.text(max_size=400))
def test_a_safe_filename_is_one_plain_name_whatever_the_mail_claims(claimed: str) -> None:
    name = safe_filename(claimed, "image/png")
    assert 1 <= len(name) <= 200
    assert not set(name) & set('/\\<>:"|?*') and name.isprintable()
    assert name not in (".", "..") and not name.startswith(".") and not name.endswith((" ", "."))


def test_the_command_line_lists_and_saves_attachments(
    mail: MailService, dovecot: Dovecot, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from ticketflow_desktop.cli import main

    dovecot.deliver(multipart("<cli-1@customer.example>", "Broken", "See the file.", PNG_PART))
    answer = multipart(
        "<cli-2@customer.example>",
        "Re: Broken",
        "And the invoice.",
        PDF_PART,
        extra=b"References: <cli-1@customer.example>\r\n",
    )
    dovecot.deliver(answer)
    assert fetch(mail).startswith("2 mails: 1 new tickets, 1 customer messages")
    ticket = only_ticket(mail.database)
    base = ["--database-url", database_url]
    assert main([*base, "thread", str(ticket.id), "--json"]) == 0
    [message] = json.loads(capsys.readouterr().out)
    [pdf] = message["attachments"]
    assert pdf | {"id": 0} == {
        "id": 0, "filename": "Rechnung März.pdf", "size": len(PDF), "content_type": "application/pdf",
        "message_id": message["id"],
    }  # fmt: skip
    assert main([*base, "attachment", "list", str(ticket.id), "--json"]) == 0
    assert [a["filename"] for a in json.loads(capsys.readouterr().out)] == [
        "Bildschirmfoto écran.png",
        "Rechnung März.pdf",
    ]
    folder = tmp_path / "downloads"
    folder.mkdir()
    assert main([*base, "attachment", "save", str(pdf["id"]), str(folder)]) == 0
    assert (folder / "Rechnung März.pdf").read_bytes() == PDF
    assert main([*base, "attachment", "save", str(pdf["id"]), str(folder)]) == 2  # exists: not replaced
    assert "exists; give --force" in capsys.readouterr().err
    assert main([*base, "attachment", "save", "999999", str(folder / "x.bin")]) == 2
    assert "Attachment 999999 does not exist" in capsys.readouterr().err
