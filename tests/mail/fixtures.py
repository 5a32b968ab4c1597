"""The mail servers as fixtures, for tests/mail and for the window's mail tests (import them by name)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.mail.servers import DOVECOT, PASSWORD, Dovecot, SmtpInbox, free_port


@pytest.fixture
def dovecot(tmp_path: Path) -> Iterator[Dovecot]:
    """A Dovecot of this test's own, in a temporary folder, on a free port."""
    if not Path(DOVECOT).exists():
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd; .ci/run does)")
    server = Dovecot(tmp_path / "dovecot", free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_inbox() -> Iterator[SmtpInbox]:
    """An SMTP server in this process (aiosmtpd) that keeps what it received."""
    server = SmtpInbox(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mail_password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TICKETFLOW_MAIL_PASSWORD", PASSWORD)
    return PASSWORD
