"""A mail's files in the window: listed on their message's card and under the thread, saved to the file
the agent picks (by keyboard, the bytes read and written in a worker); a reply whose mail failed says
the server's words and is mailed again from its card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.mail.servers import SmtpInbox
from tests.mail.test_attachments import PDF, PDF_PART, PNG, PNG_PART, multipart
from tests.ui.tickets.test_thread import _focus, _open, _rows
from ticketflow_desktop.config import MailSettings
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.mail import MailService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.tickets.thread import Role

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _mail(service: TicketService, smtp_url: str | None = None) -> MailService:
    settings = MailSettings(None, smtp_url, "support@example.test", None)
    return MailService(service.database, settings, clock=service.clock)


def _choose_file(qtbot: QtBot, actions: object, path: Path) -> None:
    qtbot.waitUntil(lambda: actions.file_dialog is not None and actions.file_dialog.isVisible())  # type: ignore[attr-defined]
    dialog: QFileDialog = actions.file_dialog  # type: ignore[attr-defined]
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    dialog.selectFile(str(path))
    dialog.accept()


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_attachments_are_listed_and_saved_by_keyboard(
    qtbot: QtBot, make_app, service: TicketService, tmp_path: Path
) -> None:
    mail = _mail(service)
    ticket_id = mail.take(multipart("<gui-1@customer.example>", "Broken export", "See the screenshot.", PNG_PART))
    ticket_id = ticket_id.ticket_id
    assert ticket_id is not None
    answer = multipart(
        "<gui-2@customer.example>", "Re: Broken export", "And the invoice.", PDF_PART,
        extra=b"In-Reply-To: <gui-1@customer.example>\r\n",
    )  # fmt: skip
    assert mail.take(answer).outcome == "message"
    app, detail = _open(qtbot, make_app, ticket_id, 1)
    panel = detail.conversation
    actions = panel.message_actions
    # The card names its file; the row under the thread lists every file of the ticket (the opening mail's too).
    [message] = _rows(detail, Role.MESSAGE)
    assert [a.label for a in message.attachments] == [f"Rechnung März.pdf ({len(PDF) // 1024} KB)"]
    assert "Attachments: Rechnung März.pdf" in str(_rows(detail, Qt.ItemDataRole.ToolTipRole)[0])
    qtbot.waitUntil(actions.isVisible)
    texts = [actions.files.itemText(i) for i in range(actions.files.count())]
    assert texts == [
        "Bildschirmfoto écran.png (1 KB) — from the opening mail",
        "Rechnung März.pdf (10 KB) — from a later mail",
    ]
    assert not actions.again_button.isVisible()  # nothing failed
    # Choosing the message picks its file; Ctrl+Shift+D asks where to save it.
    _focus(qtbot, app, panel.view)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert actions.files.currentIndex() == 1
    QTest.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    target = tmp_path / "invoice.pdf"
    _choose_file(qtbot, actions, target)
    qtbot.waitUntil(lambda: actions.status.text().startswith("Saved"), timeout=5000)
    assert actions.status.text() == f"Saved Rechnung März.pdf (10 KB) to {target}"
    assert target.read_bytes() == PDF
    # The opening mail's file, chosen in the list.
    actions.files.setCurrentIndex(0)
    actions.save_button.click()
    _choose_file(qtbot, actions, tmp_path / "shot.png")
    qtbot.waitUntil(lambda: (tmp_path / "shot.png").exists(), timeout=5000)
    assert (tmp_path / "shot.png").read_bytes() == PNG
    # A place that cannot take the file: said in the row, nothing else happens.
    actions.save_button.click()
    _choose_file(qtbot, actions, tmp_path / "no-such-folder" / "x.png")
    qtbot.waitUntil(lambda: "could not be written" in actions.status.text(), timeout=5000)
    assert "was not saved" in actions.status.text()


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_a_failed_reply_shows_the_servers_words_and_is_mailed_again(
    qtbot: QtBot, make_app, service: TicketService, smtp_inbox: SmtpInbox
) -> None:
    mail = _mail(service, smtp_inbox.url)
    ticket_id = mail.take(multipart("<gui-3@customer.example>", "Login", "I cannot log in.")).ticket_id
    assert ticket_id is not None
    conversation = ConversationService(service.database)
    reply = conversation.add(ticket_id, MessageKind.REPLY, "Try again now?")
    smtp_inbox.refuse_recipients = "550 5.1.1 No such user here"
    sender = mail.open_sender()
    try:
        assert mail.send_due(sender).failed == 1
    finally:
        sender.close()
    app, detail = _open(qtbot, make_app, ticket_id, 1)
    panel = detail.conversation
    actions = panel.message_actions
    assert str(_rows(detail, Qt.ItemDataRole.ToolTipRole)[0]).endswith("\nMail failed: 550 5.1.1 No such user here")
    _focus(qtbot, app, panel.view)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.waitUntil(actions.again_button.isVisible)
    assert actions.status.text() == "Mail failed: 550 5.1.1 No such user here"
    QTest.keyClick(panel.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "queued again" in actions.status.text(), timeout=5000)
    assert [m.mail_state for m in _rows(detail, Role.MESSAGE)] == ["queued"]
    assert not actions.again_button.isVisible()
    smtp_inbox.refuse_recipients = None
    sender = mail.open_sender()
    try:
        assert mail.send_due(sender).sent == 1
    finally:
        sender.close()
    assert [m["To"] for m in smtp_inbox.received] == ["Ann Lee <ann@customer.example>"]
    assert conversation.thread(ticket_id)[0].id == reply.id
