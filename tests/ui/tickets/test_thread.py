"""The conversation in the detail panel: the thread, the composer, its drafts, the traffic cop, saved
replies; on SQLite, with a real window and the services writing as colleagues and customers would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.harness import App, break_the_outbox, write_locked
from ticketflow_desktop.domain import Category, Priority, Status, Ticket, TicketDraft
from ticketflow_desktop.domain.conversation import MessageKind, Requester
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.macros import MacroService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import engine as engine_module
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.dialogs.shortcuts import shortcut_entries
from ticketflow_desktop.ui.theme import DARK, LIGHT, contrast_ratio
from ticketflow_desktop.ui.tickets.detail import TicketDetail
from ticketflow_desktop.ui.tickets.macro_picker import MacroPicker
from ticketflow_desktop.ui.tickets.reply_drafts import ReplyDrafts, database_scope
from ticketflow_desktop.ui.tickets.thread import Role, ThreadModel, kind_look

CONNECTION_LOGGER = "ticketflow_desktop.ui.connection"
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def conversation(service: TicketService) -> ConversationService:
    return ConversationService(service.database, service.clock)


@pytest.fixture
def ticket(service: TicketService) -> Ticket:
    return service.create(
        TicketDraft("Printer prints blank pages", "Since this morning.", Category.TECHNICAL, Priority.HIGH),
        requester=Requester("Ann Lee", "ann@example.com"),
    )


@contextmanager
def written_by(monkeypatch: pytest.MonkeyPatch, login: str) -> Iterator[None]:
    """On SQLite the author is the OS login: a colleague is another login name."""
    with monkeypatch.context() as patch:
        patch.setenv("LOGNAME", login)
        yield


def _open(qtbot: QtBot, make_app: Callable[..., App], ticket_id: int, messages: int) -> tuple[App, TicketDetail]:
    app = make_app()
    app.tab.select_ticket(ticket_id)
    detail = app.tab.detail
    panel = detail.conversation
    qtbot.waitUntil(lambda: panel.is_loaded and panel.ticket_id == ticket_id, timeout=5000)
    assert panel.model.rowCount() == messages
    return app, detail


def _focus(qtbot: QtBot, app: App, widget: QWidget) -> None:
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _send_by_keyboard(qtbot: QtBot, app: App, detail: TicketDetail, text: str) -> None:
    editor = detail.composer.editor
    _focus(qtbot, app, editor)
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _rows(detail: TicketDetail, role: int) -> list[object]:
    model = detail.conversation.model
    return [model.index(r, 0).data(role) for r in range(model.rowCount())]


def _bodies(conversation: ConversationService, ticket_id: int) -> list[str]:
    return [m.body for m in conversation.thread(ticket_id)]


def _draft_path(app: App, ticket_id: int) -> object:
    service = app.context.service
    assert service is not None
    return ReplyDrafts().path(database_scope(str(service.database.url)), ticket_id)


# --- the thread ----------------------------------------------------------------------------------------


def test_the_thread_shows_every_kind_oldest_first_as_plain_text(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversation.add(ticket.id, MessageKind.CUSTOMER, "It prints <b>blank</b> pages &amp; beeps.")
    with written_by(monkeypatch, "bob"):
        conversation.add(ticket.id, MessageKind.REPLY, "Which printer is it?")
        conversation.add(ticket.id, MessageKind.NOTE, "Toner contract ends in June.")
    _app, detail = _open(qtbot, make_app, ticket.id, 3)
    assert _rows(detail, Role.KIND) == ["customer", "reply", "note"]
    assert _rows(detail, Role.KIND_LABEL) == ["Customer", "Reply", "Internal note"]
    assert _rows(detail, Role.AUTHOR) == ["Ann Lee", "bob", "bob"]  # the customer by name
    assert _rows(detail, Qt.ItemDataRole.DisplayRole) == [
        "It prints <b>blank</b> pages &amp; beeps.",
        "Which printer is it?",
        "Toner contract ends in June.",
    ]
    assert detail.conversation.view.isVisible()
    # The text box for selecting (Enter on a message) shows the text as typed, read-only.
    view = detail.conversation.view
    view.setCurrentIndex(view.model().index(0, 0))
    view.edit(view.currentIndex())
    boxes = [w for w in view.findChildren(QPlainTextEdit) if w.isVisible()]
    assert len(boxes) == 1 and boxes[0].isReadOnly()
    assert boxes[0].toPlainText() == "It prints <b>blank</b> pages &amp; beeps."
    assert boxes[0].textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


@pytest.mark.parametrize("tokens", [LIGHT, DARK], ids=["light", "dark"])
def test_a_note_never_looks_like_a_reply_and_both_read_well(tokens) -> None:
    note, reply, customer = (kind_look(k, tokens) for k in (MessageKind.NOTE, MessageKind.REPLY, MessageKind.CUSTOMER))
    assert note.background != reply.background and note.bar != reply.bar and note.label != reply.label
    assert note.background != customer.background
    for look in (note, reply, customer):
        assert contrast_ratio(tokens.text, look.background.name()) >= 4.5
        assert contrast_ratio(look.label.name(), look.background.name()) >= 3.0  # a bold label


def test_the_thread_model_is_a_sound_qt_model(qtmodeltester, clock, conversation, ticket) -> None:
    for body in ("one", "two"):
        conversation.add(ticket.id, MessageKind.NOTE, body)
    model = ThreadModel(clock)
    model.reset(conversation.thread(ticket.id), {})
    qtmodeltester.check(model)
    assert model.merge(conversation.thread(ticket.id)) == 0  # nothing twice


def test_a_live_change_adds_only_the_new_message(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Hello?")
    app, detail = _open(qtbot, make_app, ticket.id, 1)
    model = detail.conversation.model
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Anyone there?")  # the customer writes meanwhile
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted, timeout=5000):
        app.context.ops.announce(Change.of({ticket.id}, ChangeKind.BY_COLLEAGUE))  # as the live feed would
    assert _rows(detail, Qt.ItemDataRole.DisplayRole) == ["Hello?", "Anyone there?"]
    assert _rows(detail, Role.AUTHOR)[-1] == "Ann Lee"


# --- the composer ----------------------------------------------------------------------------------------


def test_ctrl_enter_sends_a_reply_and_it_is_stored(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    assert detail.conversation.state.text().startswith("No messages yet")
    _send_by_keyboard(qtbot, app, detail, "We are on it.")
    qtbot.waitUntil(lambda: _bodies(conversation, ticket.id) == ["We are on it."], timeout=5000)
    assert conversation.thread(ticket.id)[0].kind is MessageKind.REPLY
    qtbot.waitUntil(lambda: _rows(detail, Qt.ItemDataRole.DisplayRole) == ["We are on it."])
    assert detail.composer.editor.toPlainText() == ""
    assert detail.composer.status.text() == "Sent."


def test_ctrl_shift_n_switches_to_a_note_visibly_and_the_note_is_stored_as_one(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    composer = detail.composer
    _focus(qtbot, app, composer.editor)
    assert composer.reply_button.isChecked() and composer.send_button.text() == "Send reply"
    QTest.keyClick(
        composer.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert composer.kind is MessageKind.NOTE
    assert composer.note_button.isChecked() and not composer.reply_button.isChecked()
    assert composer.send_button.text() == "Add note"
    assert composer.kind_hint.text() == "Only your team sees notes."
    assert composer.editor.property("kind") == "note"
    QTest.keyClicks(composer.editor, "Checked the spooler.")
    QTest.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _bodies(conversation, ticket.id) == ["Checked the spooler."], timeout=5000)
    assert conversation.thread(ticket.id)[0].kind is MessageKind.NOTE
    qtbot.waitUntil(lambda: _rows(detail, Role.KIND) == ["note"])


def test_an_empty_message_is_explained_under_the_editor_and_nothing_is_stored(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    _send_by_keyboard(qtbot, app, detail, "   ")
    assert detail.composer.error.isVisible()
    assert detail.composer.error.text() == "Write something first."
    app.context.tasks.wait_idle()
    assert _bodies(conversation, ticket.id) == []


@pytest.mark.expect_log(CONNECTION_LOGGER, "database unreachable")
# The local model, prepared in the background, may meet the lock too.
@pytest.mark.expect_log("ticketflow_desktop.ui.submit.suggestions", "could not be prepared", required=False)
def test_a_reply_written_while_the_database_is_locked_waits_in_the_outbox_and_arrives(
    qtbot: QtBot,
    make_app,
    ticket: Ticket,
    conversation: ConversationService,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)  # told at once, not after 5 s
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    composer = detail.composer
    with write_locked(database_url):
        _send_by_keyboard(qtbot, app, detail, "Rebooting it now.")
        qtbot.waitUntil(lambda: "outbox" in composer.status.text(), timeout=15_000)
        assert composer.status.text() == "Kept in the outbox: it is sent when the database is back."
        assert composer.editor.toPlainText() == ""  # the outbox has it; the editor is free for the next
        assert not composer.error.isVisible()
        assert not _draft_path(app, ticket.id).exists()  # type: ignore[attr-defined]
        assert [i.summary for i in app.context.writes.outbox.items()] == [
            f"Reply on ticket #{ticket.id}: Rebooting it now."
        ]
        assert _bodies(conversation, ticket.id) == []
    # The lock is gone: the outbox sends it and the thread shows it.
    qtbot.waitUntil(lambda: "Rebooting it now." in _rows(detail, Qt.ItemDataRole.DisplayRole), timeout=15_000)
    assert _bodies(conversation, ticket.id) == ["Rebooting it now."]
    assert app.context.writes.outbox.items() == []
    assert app.crashes.reports == []


@pytest.mark.expect_log(CONNECTION_LOGGER, "database unreachable")
@pytest.mark.expect_log("ticketflow_desktop.services.outbox", "outbox unusable, sending directly")
@pytest.mark.expect_log("ticketflow_desktop.ui.submit.suggestions", "could not be prepared", required=False)
def test_a_reply_nobody_can_take_keeps_the_text_and_says_why(
    qtbot: QtBot,
    make_app,
    ticket: Ticket,
    conversation: ConversationService,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    break_the_outbox()
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    with write_locked(database_url):
        _send_by_keyboard(qtbot, app, detail, "Rebooting it now.")
        qtbot.waitUntil(detail.composer.error.isVisible, timeout=15_000)
    assert detail.composer.error.text().startswith("Your message was not sent: the database is unreachable.")
    assert "locked" in detail.composer.error.text()
    assert detail.composer.editor.toPlainText() == "Rebooting it now."  # kept, to send again
    assert detail.composer.send_button.isEnabled()
    assert _bodies(conversation, ticket.id) == []
    assert app.crashes.reports == []


def test_esc_leaves_the_editor_for_the_thread_and_keeps_the_text(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Hello")
    app, detail = _open(qtbot, make_app, ticket.id, 1)
    detail.title.setText("Printer prints blank pages on floor 3")  # a field edit: the panel's Esc would discard it
    editor = detail.composer.editor
    _focus(qtbot, app, editor)
    QTest.keyClicks(editor, "Half a reply")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert detail.conversation.view.hasFocus()
    assert editor.toPlainText() == "Half a reply"
    assert not [b for b in app.window.findChildren(QMessageBox) if b.isVisible()]  # no "discard edits?" asked
    assert detail.title.text() == "Printer prints blank pages on floor 3"


def test_a_paste_arrives_as_plain_text(qtbot: QtBot, make_app, ticket: Ticket) -> None:
    _app, detail = _open(qtbot, make_app, ticket.id, 0)
    data = QMimeData()
    data.setHtml("<p><b>Bold</b> text</p>")
    data.setText("Bold text\x00 as typed")
    detail.composer.editor.insertFromMimeData(data)
    assert detail.composer.editor.toPlainText() == "Bold text as typed"


def test_the_shortcuts_are_listed_in_help(qtbot: QtBot, make_app) -> None:
    app = make_app()
    listed = {(e.section, e.text): e.keys for e in shortcut_entries(app.window)}
    assert listed[("Ticket detail", "Send the reply or note")] == "Ctrl+Return, Ctrl+Enter"
    assert listed[("Ticket detail", "Switch between reply and internal note")] == "Ctrl+Shift+N"
    assert listed[("Ticket detail", "Apply a saved reply…")] == "Ctrl+M"
    assert listed[("Ticket detail", "Write on the ticket (focus the composer)")] == "Ctrl+R"


# --- drafts -------------------------------------------------------------------------------------------------


def test_a_draft_survives_closing_the_window_and_goes_once_sent(
    qtbot: QtBot, make_app, service: TicketService, ticket: Ticket, conversation: ConversationService
) -> None:
    other = service.create(TicketDraft("Other", "Other.", Category.GENERAL, Priority.LOW))
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    _focus(qtbot, app, detail.composer.editor)
    QTest.keyClick(
        detail.composer.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QTest.keyClicks(detail.composer.editor, "Dear Ann, half written")
    path = _draft_path(app, ticket.id)
    qtbot.waitUntil(path.exists, timeout=5000)  # saved while typing: a crash now loses nothing
    app.window.close()

    again, detail = _open(qtbot, make_app, ticket.id, 0)  # the window opened again on the same data folder
    assert detail.composer.editor.toPlainText() == "Dear Ann, half written"
    assert detail.composer.kind is MessageKind.NOTE
    assert detail.composer.status.text() == "Your draft is back."
    again.tab.select_ticket(other.id)  # a draft per ticket
    qtbot.waitUntil(lambda: detail.conversation.ticket_id == other.id)
    assert detail.composer.editor.toPlainText() == ""
    again.tab.select_ticket(ticket.id)
    qtbot.waitUntil(lambda: detail.composer.editor.toPlainText() == "Dear Ann, half written")
    _focus(qtbot, again, detail.composer.editor)
    QTest.keyClick(detail.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _bodies(conversation, ticket.id) == ["Dear Ann, half written"], timeout=5000)
    qtbot.waitUntil(lambda: not path.exists())
    assert detail.composer.editor.toPlainText() == ""


# --- the traffic cop ------------------------------------------------------------------------------------------


def test_a_reply_waits_when_a_colleague_wrote_since_and_send_anyway_sends_it(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(30):  # a long thread: the news arrives below what fits
        conversation.add(ticket.id, MessageKind.CUSTOMER, f"Message {n}: the printer is broken.")
    app, detail = _open(qtbot, make_app, ticket.id, 30)
    with written_by(monkeypatch, "ann"):  # a colleague answers while this agent is still typing
        conversation.add(ticket.id, MessageKind.REPLY, "I'll send someone over.")
    composer = detail.composer
    detail.conversation.view.scrollToTop()  # the agent reads the start of the thread
    _send_by_keyboard(qtbot, app, detail, "Have you tried turning it off and on?")
    qtbot.waitUntil(composer.notice.isVisible, timeout=5000)
    assert composer.notice_text.text().startswith("ann wrote since you opened this ticket — read it, then send.")
    assert _bodies(conversation, ticket.id)[-2:] == ["Message 29: the printer is broken.", "I'll send someone over."]
    assert _rows(detail, Qt.ItemDataRole.DisplayRole)[-1] == "I'll send someone over."  # the news is shown
    assert _rows(detail, Role.AUTHOR)[-1] == "ann"
    view = detail.conversation.view
    news = view.model().index(30, 0)
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(news)))  # in sight, whole
    assert composer.editor.toPlainText() == "Have you tried turning it off and on?"  # nothing lost
    assert _draft_path(app, ticket.id).exists()
    assert composer.send_anyway_button.hasFocus()
    QTest.keyClick(composer.send_anyway_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(_bodies(conversation, ticket.id)) == 32, timeout=5000)
    assert _bodies(conversation, ticket.id)[-1] == "Have you tried turning it off and on?"
    assert not composer.notice.isVisible()
    qtbot.waitUntil(lambda: not _draft_path(app, ticket.id).exists())


def test_a_customer_message_holds_a_reply_but_never_a_note(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Still broken!")
    composer = detail.composer
    _send_by_keyboard(qtbot, app, detail, "Reply text")
    qtbot.waitUntil(composer.notice.isVisible, timeout=5000)
    assert composer.notice_text.text().startswith("The customer wrote since you opened this ticket")
    qtbot.waitUntil(lambda: _rows(detail, Role.AUTHOR) == ["Ann Lee"])  # by name, once it is read
    # Sending again once the news is shown: it is no longer news.
    composer.editor.clear()
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Hello??")
    composer.toggle_kind()
    assert not composer.notice.isVisible()
    _send_by_keyboard(qtbot, app, detail, "A note goes through")
    qtbot.waitUntil(lambda: _bodies(conversation, ticket.id)[-1] == "A note goes through", timeout=5000)


# --- saved replies and roles ----------------------------------------------------------------------------------


def test_a_saved_reply_is_applied_by_keyboard_and_changes_the_status(
    qtbot: QtBot, make_app, service: TicketService, ticket: Ticket, conversation: ConversationService
) -> None:
    macros = MacroService(service.database, service.clock)
    macros.add("Fixed, closing", "Hi {{requester.name}}, ticket {{ticket.id}} is fixed.", status=Status.RESOLVED)
    macros.add("Need more info", "Could you send a photo?")
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    _focus(qtbot, app, detail.composer.editor)
    QTest.keyClick(detail.composer.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.macro_picker is not None and detail.macro_picker.isVisible())
    picker = detail.macro_picker
    assert isinstance(picker, MacroPicker)
    qtbot.waitUntil(lambda: picker.names() == ["Fixed, closing", "Need more info"], timeout=5000)
    qtbot.waitUntil(picker.filter.hasFocus)
    QTest.keyClicks(picker.filter, "fixed")
    assert picker.names() == ["Fixed, closing"]
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    text = f"Hi Ann Lee, ticket {ticket.id} is fixed."
    qtbot.waitUntil(lambda: _bodies(conversation, ticket.id) == [text], timeout=5000)
    assert service.get(ticket.id).status is Status.RESOLVED
    qtbot.waitUntil(lambda: _rows(detail, Qt.ItemDataRole.DisplayRole) == [text], timeout=5000)
    qtbot.waitUntil(lambda: detail.combos["status"].currentData() == Status.RESOLVED.value, timeout=5000)
    assert _rows(detail, Role.KIND) == ["reply"]
    assert detail.macro_picker is None


def test_a_saved_reply_waits_when_the_customer_wrote_since_and_applies_once_read(
    qtbot: QtBot, make_app, service: TicketService, ticket: Ticket, conversation: ConversationService
) -> None:
    MacroService(service.database, service.clock).add("Fixed, closing", "It is fixed.", status=Status.RESOLVED)
    app, detail = _open(qtbot, make_app, ticket.id, 0)
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Actually it still fails.")  # unseen by the agent

    def apply() -> None:
        _focus(qtbot, app, detail.composer.editor)
        QTest.keyClick(detail.composer.editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: detail.macro_picker is not None and detail.macro_picker.names() == ["Fixed, closing"])
        picker = detail.macro_picker
        assert picker is not None
        qtbot.waitUntil(picker.filter.hasFocus)
        QTest.keyClick(picker.filter, Qt.Key.Key_Return)

    apply()
    qtbot.waitUntil(detail.composer.error.isVisible, timeout=5000)
    assert detail.composer.error.text() == (
        "The customer wrote since you opened this ticket — read it, then apply “Fixed, closing” again."
        " Nothing was sent yet."
    )
    qtbot.waitUntil(lambda: _rows(detail, Qt.ItemDataRole.DisplayRole) == ["Actually it still fails."], timeout=5000)
    assert service.get(ticket.id).status is Status.OPEN  # nothing of it was stored
    apply()  # the agent has read it now
    qtbot.waitUntil(lambda: _bodies(conversation, ticket.id)[-1:] == ["It is fixed."], timeout=5000)
    assert service.get(ticket.id).status is Status.RESOLVED


def test_a_viewer_sees_the_thread_but_no_composer(
    qtbot: QtBot, make_app, ticket: Ticket, conversation: ConversationService
) -> None:
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Hello")
    app, detail = _open(qtbot, make_app, ticket.id, 1)
    detail.set_read_only(True)
    assert detail.conversation.view.isVisible()
    assert not detail.composer.isVisible()
    assert not detail.composer.send_action.isEnabled()
    assert not detail.macros_action.isEnabled()
    _focus(qtbot, app, detail.conversation.view)
    QTest.keyClick(detail.conversation.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert detail.macro_picker is None
    detail.set_read_only(False)
    assert detail.composer.isVisible() and detail.composer.send_action.isEnabled()
