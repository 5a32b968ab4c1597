"""A mailbox of 1,000 varied mails: every one becomes exactly what it should, none lost or doubled."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.mail.servers import Dovecot
from ticketflow_desktop.config import load_mail_settings
from ticketflow_desktop.mail.fetch import PROCESSED
from ticketflow_desktop.mail.samples import sample_mailbox
from ticketflow_desktop.services.mail import MailService
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import message_table, ticket_table


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # PostgreSQL: bench/mail.py, the other tests
def test_a_thousand_mails_none_lost_or_duplicated(
    database: Database, dovecot: Dovecot, mail_password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = sample_mailbox(1000)
    dovecot.deliver(*sample.mails)
    monkeypatch.setenv("TICKETFLOW_IMAP_URL", dovecot.url)
    mail = MailService(database, load_mail_settings())
    with mail.open_mailbox() as mailbox:
        report = mail.fetch_once(mailbox)
    assert (report.tickets, report.messages, report.ignored, report.rejected, report.already) == (
        sample.new_tickets,
        sample.answers,
        sample.machines,
        0,
        sample.duplicates,
    )
    with database.reading() as session:
        assert session.execute(select(func.count()).select_from(ticket_table)).scalar_one() == sample.new_tickets
        assert session.execute(select(func.count()).select_from(message_table)).scalar_one() == sample.answers
    assert (dovecot.folder_count("INBOX"), dovecot.folder_count(PROCESSED)) == (0, 1000)
