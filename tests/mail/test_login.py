"""A wrong mailbox password is said in the server's words, and nothing is left open."""

from __future__ import annotations

import pytest

from tests.mail.servers import Dovecot
from ticketflow_desktop.mail.fetch import Mailbox, MailboxError
from ticketflow_desktop.mail.urls import parse_server_url


def test_a_wrong_password_is_refused_in_the_servers_words(dovecot: Dovecot) -> None:
    with pytest.raises(MailboxError, match="AUTHENTICATIONFAILED"):
        Mailbox(parse_server_url(dovecot.url, ("imap",)), "not-the-password")
