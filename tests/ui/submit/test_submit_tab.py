"""The Submit tab as an agent uses it: typing, choosing, submitting, suggestions, and the saved draft."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from tests.classification.fake_llm import PATH, answer, completion, copy_model, error_response, refused_url, slow
from tests.ui.notices import heard
from ticketflow_desktop.domain import Category, Priority, SuggestionSource
from ticketflow_desktop.domain.validation import title_error
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.submit.tab import SubmitTab

SETTLE_MS = 20_000


@pytest.fixture
def llm(llm_server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("LLM_API_KEY", "test-key")
    return llm_server


def choose(qtbot: QtBot, box, value) -> None:
    """By keyboard, as an agent would: Up and Down walk through the items."""
    box.setFocus()
    target = box.findData(value.value)
    for _ in range(box.count() + 1):
        if box.currentIndex() == target:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)
    raise AssertionError(f"could not choose {value}")


def fill(qtbot: QtBot, tab: SubmitTab, title: str, description: str) -> None:
    if title:  # QTest aborts on an empty string
        qtbot.keyClicks(tab.title_edit, title)
    tab.description_edit.setFocus()
    qtbot.keyClicks(tab.description_edit, description)


def ask(qtbot: QtBot, tab: SubmitTab) -> str:
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS) as settled:
        qtbot.mouseClick(tab.suggest_button, Qt.MouseButton.LeftButton)
    return settled.args[0]


def test_type_choose_and_submit_stores_the_ticket(qtbot: QtBot, make_tab, tmp_path: Path) -> None:
    context, tab = make_tab()
    assert not tab.submit_button.isEnabled()
    fill(qtbot, tab, "  Printer jams  ", "Tray 2 jams on every print job.")
    assert tab.title_counter.text() == "12/200"
    choose(qtbot, tab.category_box, Category.GENERAL)
    choose(qtbot, tab.priority_box, Priority.MEDIUM)
    assert tab.submit_button.isEnabled()
    qtbot.waitUntil(lambda: (tmp_path / "draft.json").exists())  # saved while typing
    suggested = tab.suggestion  # leaving the description may have asked for one: it is stored beside the choice
    with qtbot.waitSignal(heard(context).posted) as toast, qtbot.waitSignal(tab.ticket_created) as created:
        qtbot.keyClick(tab.description_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ticket = context.service.get(created.args[0])
    assert (ticket.title, ticket.description) == ("Printer jams", "Tray 2 jams on every print job.")
    assert (ticket.category, ticket.priority, ticket.suggestion) == (Category.GENERAL, Priority.MEDIUM, suggested)
    assert toast.args == [f"Ticket #{ticket.id} created", "success"]
    assert tab.title_edit.text() == "" and tab.description_edit.toPlainText() == ""
    assert tab.category_box.value() is None and tab.priority_box.currentText() == ""
    assert not (tmp_path / "draft.json").exists()  # removed once the ticket is stored


def test_invalid_input_shows_messages_and_stores_nothing(qtbot: QtBot, make_tab) -> None:
    context, tab = make_tab()
    tab.description_edit.setFocus()
    qtbot.keyClicks(tab.description_edit, "Something is wrong")
    assert not tab.submit_button.isEnabled()
    qtbot.keyClick(tab.description_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.title_error.text() == "Title is required." and tab.title_error.isVisible()
    assert tab.category_error.text() == "Choose a category."
    assert tab.priority_error.text() == "Choose a priority."
    long_title = "x" * 205
    qtbot.keyClicks(tab.title_edit, long_title)
    assert tab.title_error.text() == title_error(long_title)
    assert tab.title_counter.text() == "205/200 · 5 too many"
    assert tab.title_counter.property("role") == "error"
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    context.tasks.wait_idle()
    assert context.service.count(cap=None).value == 0
    assert tab.description_edit.toPlainText() == "Something is wrong"


def test_title_counter_warns_near_the_limit(qtbot: QtBot, make_tab) -> None:
    _context, tab = make_tab(open_database=False)
    tab.title_edit.setText("y" * 185)
    assert tab.title_counter.text() == "185/200 · 15 left"
    assert tab.title_counter.property("role") == "muted"
    tab.title_edit.setText("y" * 195)
    assert tab.title_counter.property("role") == "error"
    assert tab.title_error.isHidden()  # still valid: a warning, not an error


def test_database_away_the_ticket_waits_in_the_outbox(qtbot: QtBot, make_tab, tmp_path: Path) -> None:
    context, tab = make_tab(open_database=False)
    fill(qtbot, tab, "Cannot export", "The export button does nothing.")
    choose(qtbot, tab.category_box, Category.TECHNICAL)
    choose(qtbot, tab.priority_box, Priority.LOW)
    with qtbot.assertNotEmitted(tab.ticket_created), qtbot.waitSignal(heard(context).posted, timeout=15_000) as toast:
        qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert "outbox" in toast.args[0] and toast.args[1] == "info"
    assert tab.title_edit.text() == ""  # kept safely in the outbox, so the form is free for the next one
    assert context.writes.outbox.pending_count() == 1


def test_draft_survives_closing_and_reopening_the_window(qtbot: QtBot, tmp_path: Path, trained_model: Path) -> None:
    import platformdirs

    from ticketflow_desktop.ui.app import build_window

    data = Path(platformdirs.user_data_dir("TicketFlow", appauthor=False))
    copy_model(trained_model, data / "local_model.npz")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    context, window = build_window(settings)
    qtbot.addWidget(window)
    window.show()
    tab = window.submit_tab
    fill(qtbot, tab, "Half-written", "I was in the middle of")
    choose(qtbot, tab.priority_box, Priority.HIGH)
    window.close()  # at once: the pending save is flushed, not lost
    assert json.loads((data / "submit_draft.json").read_text())["title"] == "Half-written"
    context.close()

    context2, window2 = build_window(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window2)
    tab2 = window2.submit_tab
    assert tab2.title_edit.text() == "Half-written"
    assert tab2.description_edit.toPlainText() == "I was in the middle of"
    assert tab2.priority_box.value() is Priority.HIGH and tab2.category_box.value() is None
    assert tab2.suggestion_status.text() == "Draft restored."
    context2.close()


def test_local_suggestion_is_marked_and_the_mark_goes_on_manual_change(qtbot: QtBot, make_tab) -> None:
    context, tab = make_tab()
    fill(qtbot, tab, "Charged twice", "My card was charged twice for the subscription this month, please refund.")
    state = ask(qtbot, tab)
    assert "No API key is configured" in tab.suggestion_status.text()
    if state == "offered":  # below the confidence threshold it is offered, not filled in
        assert tab.category_box.value() is None
        qtbot.mouseClick(tab.use_suggestion_button, Qt.MouseButton.LeftButton)
    suggestion = tab.suggestion
    assert suggestion.source is SuggestionSource.LOCAL and suggestion.category is Category.BILLING
    assert tab.category_box.value() is Category.BILLING
    assert tab.priority_box.value() is suggestion.priority
    # Each badge shows its own field's confidence (issue 14, item 15), not the pair's.
    category_mark = f"Suggested by local model, {round(suggestion.category_confidence * 100)}%"
    priority_mark = f"Suggested by local model, {round(suggestion.priority_confidence * 100)}%"
    assert tab.category_mark.text() == category_mark and tab.category_mark.isVisible()
    assert tab.priority_mark.text() == priority_mark and tab.priority_mark.isVisible()
    choose(qtbot, tab.category_box, Category.ACCOUNT)  # the agent overrides by hand
    assert tab.category_mark.isHidden() and tab.priority_mark.isVisible()
    with qtbot.waitSignal(tab.ticket_created) as created:
        qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    ticket = context.service.get(created.args[0])
    assert ticket.category is Category.ACCOUNT
    assert ticket.suggestion == suggestion and ticket.suggestion_accepted is False


def test_description_losing_focus_asks_for_a_suggestion(qtbot: QtBot, make_tab) -> None:
    _context, tab = make_tab()
    tab.description_edit.setFocus()
    tab.description_edit.setPlainText("Die App stürzt beim Öffnen eines Berichts sofort ab")  # QTest types ASCII only
    qtbot.keyClicks(tab.description_edit, ".")
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS):
        qtbot.keyClick(tab.description_edit, Qt.Key.Key_Tab)
    assert tab.suggestion is not None and tab.suggestion.category is Category.TECHNICAL
    # Both fields chosen by hand: leaving the description asks nothing.
    choose(qtbot, tab.category_box, Category.GENERAL)
    choose(qtbot, tab.priority_box, Priority.LOW)
    tab.description_edit.setFocus()
    with qtbot.assertNotEmitted(tab.suggestion_settled, wait=300):
        qtbot.keyClick(tab.description_edit, Qt.Key.Key_Tab)


def test_llm_suggestion_fills_the_form(qtbot: QtBot, make_tab, llm: HTTPServer) -> None:
    llm.expect_request(PATH).respond_with_json(answer("technical", "critical"))
    _context, tab = make_tab(llm_base_url=llm.url_for("/v1"), llm_model="test-model")
    fill(qtbot, tab, "Down", "Nothing loads for anyone in the office.")
    assert ask(qtbot, tab) == "applied"
    assert (tab.category_box.value(), tab.priority_box.value()) == (Category.TECHNICAL, Priority.CRITICAL)
    assert tab.category_mark.text() == "Suggested by test-model"
    assert tab.suggestion.source is SuggestionSource.LLM
    # The same text again: answered from the cache, no second request.
    assert ask(qtbot, tab) == "applied"
    assert len(llm.log) == 1


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (lambda s: s.respond_with_response(error_response(401)), "refused the API key"),
        (lambda s: s.respond_with_response(error_response(429, headers={"Retry-After": "30"})), "30 s"),
        (lambda s: s.respond_with_response(error_response(500)), "had an error (500)"),
        (lambda s: s.respond_with_handler(slow(3, answer())), "did not answer within 0.5 s"),
        (lambda s: s.respond_with_json(completion("no idea")), "not JSON"),
        (lambda s: s.respond_with_json(completion("x", choices=False)), "sent no answer"),
        (lambda s: s.respond_with_json(completion('{"category": "x", "priority": "critical"}')), "outside"),
    ],
    ids=["auth", "rate_limited", "server_error", "timeout", "prose", "empty-choices", "out-of-enum"],
)
def test_model_failures_show_a_calm_line_and_the_local_model_steps_in(
    qtbot: QtBot, make_tab, llm: HTTPServer, respond, message: str
) -> None:
    respond(llm.expect_request(PATH))
    _context, tab = make_tab(llm_base_url=llm.url_for("/v1"))
    tab.engine.llm_overrides = {"timeout_s": 0.5, "max_retries": 0}
    fill(qtbot, tab, "Refund", "Please refund the duplicate charge on my card.")
    state = ask(qtbot, tab)
    assert message in tab.suggestion_status.text()
    assert state in ("applied", "offered")  # the local model answered instead
    assert tab.suggestion.source is SuggestionSource.LOCAL
    assert tab.title_edit.isEnabled() and not tab.title_edit.isReadOnly()


def test_unreachable_server(qtbot: QtBot, make_tab, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_API_KEY", "k")
    _context, tab = make_tab(llm_base_url=refused_url())
    tab.engine.llm_overrides = {"max_retries": 0}
    fill(qtbot, tab, "Refund", "Please refund the duplicate charge on my card.")
    ask(qtbot, tab)
    assert "cannot be reached" in tab.suggestion_status.text()


def test_a_slow_older_answer_never_overwrites_a_newer_one(qtbot: QtBot, make_tab, llm: HTTPServer) -> None:
    first_arrived = threading.Event()

    def handler(request):
        body = json.loads(request.get_data())
        if "first" in body["messages"][1]["content"]:
            first_arrived.set()
            return slow(1.5, answer("billing", "low"))(request)
        return slow(0, answer("technical", "critical"))(request)

    llm.expect_request(PATH).respond_with_handler(handler)
    context, tab = make_tab(llm_base_url=llm.url_for("/v1"))
    fill(qtbot, tab, "", "first version of the text")
    tab.suggest_now()
    qtbot.waitUntil(first_arrived.is_set, timeout=SETTLE_MS)  # the slow one is in flight at the server
    tab.description_edit.setPlainText("second version of the text")
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS):
        tab.suggest_now()
    assert tab.category_box.value() is Category.TECHNICAL
    qtbot.waitUntil(lambda: not context.tasks.is_busy(), timeout=SETTLE_MS)  # the slow one has finished too
    assert len(llm.log) == 2
    assert (tab.category_box.value(), tab.priority_box.value()) == (Category.TECHNICAL, Priority.CRITICAL)


def test_offline_mode_makes_no_request(qtbot: QtBot, make_tab, llm: HTTPServer) -> None:
    llm.expect_request(PATH).respond_with_json(answer())
    context, tab = make_tab(llm_base_url=llm.url_for("/v1"))
    context.offline_flag = True
    fill(qtbot, tab, "Login", "I cannot sign in since I changed my password.")
    ask(qtbot, tab)
    assert "Offline mode" in tab.suggestion_status.text()
    assert tab.suggestion.source is SuggestionSource.LOCAL
    assert llm.log == []
