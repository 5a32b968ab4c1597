"""A reply written in the window reaches the customer's inbox once, threaded, and its card says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.mail.servers import SmtpInbox
from tests.ui.tickets.test_thread import _open, _rows, _send_by_keyboard
from ticketflow_desktop.config import MailSettings
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.mail import MailService
from ticketflow_desktop.services.tickets import TicketService

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
PLAIN = Path(__file__).parents[2] / "mail" / "corpus" / "plain.eml"


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_a_reply_from_the_window_is_mailed_once_and_its_state_shown(
    qtbot: QtBot, make_app, service: TicketService, smtp_inbox: SmtpInbox
) -> None:
    mail = MailService(
        service.database, MailSettings(None, smtp_inbox.url, "support@example.test", None), clock=service.clock
    )
    ticket_id = mail.take(PLAIN.read_bytes()).ticket_id
    assert ticket_id is not None
    app, detail = _open(qtbot, make_app, ticket_id, 0)
    _send_by_keyboard(qtbot, app, detail, "We reset your password.")
    conversation = ConversationService(service.database)
    qtbot.waitUntil(lambda: [m.kind for m in conversation.thread(ticket_id)] == [MessageKind.REPLY], timeout=5000)
    qtbot.waitUntil(lambda: str((_rows(detail, Qt.ItemDataRole.ToolTipRole) or [""])[-1]).endswith("\nMail queued"))

    sender = mail.open_sender()
    try:
        assert mail.send_due(sender).sent == 1
        assert mail.send_due(sender).sent == 0
    finally:
        sender.close()
    [sent] = smtp_inbox.received
    assert sent["To"] == "Ann Lee <ann@customer.example>"
    assert sent["Subject"] == f"Re: Cannot log in since this morning [#{ticket_id}]"
    assert (sent["In-Reply-To"], sent["References"]) == ("<plain-1@customer.example>",) * 2
    if not service.database.enforces_team_rules:
        # SQLite's change feed follows ticket history only: the card shows the new state when read again.
        detail.conversation.reload()
    # On PostgreSQL the card follows by itself (NOTIFY), no reopening needed.
    qtbot.waitUntil(
        lambda: str((_rows(detail, Qt.ItemDataRole.ToolTipRole) or [""])[-1]).endswith("\nMailed to the customer"),
        timeout=10000,
    )
