"""The IMAP side on its own: IDLE wakes on a delivery; the inbox is left as found until a mail is moved."""

from __future__ import annotations

import threading

from tests.mail.servers import PASSWORD, Dovecot
from ticketflow_desktop.mail.fetch import PROCESSED, Mailbox
from ticketflow_desktop.mail.urls import parse_server_url


def test_idle_wakes_when_a_mail_arrives(dovecot: Dovecot) -> None:
    with Mailbox(parse_server_url(dovecot.url, ("imap",)), PASSWORD) as mailbox:
        assert "IDLE" in mailbox.capabilities
        assert mailbox.wait_for_news(0.2) is False  # nothing came
        delivery = threading.Thread(target=dovecot.deliver, args=(b"From: a@customer.example\r\n\r\nhi\r\n",))
        delivery.start()
        assert mailbox.wait_for_news(120) is True
        delivery.join()
        assert len(mailbox.uids()) == 1


def test_reading_leaves_the_mail_unseen_in_the_inbox(dovecot: Dovecot) -> None:
    dovecot.deliver(b"From: a@customer.example\r\nSubject: x\r\n\r\nhi\r\n")
    with Mailbox(parse_server_url(dovecot.url, ("imap",)), PASSWORD) as mailbox:
        [uid] = mailbox.uids()
        assert mailbox.fetch(uid, header_only=True) == b"From: a@customer.example\r\nSubject: x\r\n\r\n"
        assert (mailbox.fetch(uid) or b"").endswith(b"hi\r\n")
        assert mailbox.uids() == [uid]
        mailbox.move(uid, PROCESSED)
        assert mailbox.uids() == []
    with dovecot.client() as imap:
        imap.select(PROCESSED, readonly=True)
        assert imap.search(None, "UNSEEN")[1] == [b"1"]
