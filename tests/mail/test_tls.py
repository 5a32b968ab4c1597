"""The mailbox over TLS: imaps:// and STARTTLS, the server's certificate checked (a private CA trusted
only when named)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.mail.servers import DOVECOT, PASSWORD, USER, Dovecot, free_port
from ticketflow_desktop.mail.fetch import Mailbox, MailboxError
from ticketflow_desktop.mail.urls import parse_server_url

ADDRESS = USER.replace("@", "%40")


@pytest.fixture
def tls_dovecot(tmp_path: Path) -> Iterator[Dovecot]:
    if not Path(DOVECOT).exists():
        pytest.skip("Dovecot is not installed")
    server = Dovecot(tmp_path / "dovecot", free_port(), tls_port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("scheme", ["imaps", "imap"])  # implicit TLS, and STARTTLS on the plain port
def test_a_trusted_certificate_opens_the_mailbox(tls_dovecot: Dovecot, scheme: str) -> None:
    port = tls_dovecot.tls_port if scheme == "imaps" else tls_dovecot.port
    url = parse_server_url(f"{scheme}://{ADDRESS}@localhost:{port}/INBOX", ("imaps", "imap"))
    with Mailbox(url, PASSWORD, cafile=str(tls_dovecot.certificate)) as mailbox:
        assert mailbox.uids() == []


def test_an_unknown_certificate_is_refused(tls_dovecot: Dovecot) -> None:
    url = parse_server_url(f"imaps://{ADDRESS}@localhost:{tls_dovecot.tls_port}/INBOX", ("imaps",))
    with pytest.raises(MailboxError, match="CERTIFICATE_VERIFY_FAILED"):
        Mailbox(url, PASSWORD)
