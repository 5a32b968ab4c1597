"""The Submit tab by keyboard (issue 14): Clear is undoable, focus goes where the agent goes next, and
suggestions come while typing with a confidence per field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.classification.fake_llm import copy_model
from tests.ui.notices import heard
from tests.ui.submit.test_submit_tab import SETTLE_MS, choose, fill
from ticketflow_desktop.classification.local import LocalModel, model_text
from ticketflow_desktop.domain import Category, Priority
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.submit.tab import SUGGEST_PAUSE_MS, SubmitTab

# Texts the starter-corpus model is sure of (filled in) and unsure of (offered), checked in the tests.
SURE = ("Charged twice", "My card was charged twice for the subscription this month, please refund.")
UNSURE = ("Help", "Something is not right here, can someone check")


def stored_draft(tab: SubmitTab) -> dict | None:
    try:
        return json.loads(tab.drafts.path.read_text("utf-8"))
    except FileNotFoundError:
        return None


def offered(qtbot: QtBot, tab: SubmitTab) -> None:
    """Type the unsure text and wait (focus stays in the description) until its suggestion is offered."""
    fill(qtbot, tab, *UNSURE)
    qtbot.waitUntil(tab.use_suggestion_button.isVisible, timeout=SETTLE_MS)
    assert tab.category_box.value() is None  # offered, not filled in


# --- item 4: Use suggestion leads to Submit; Clear can be undone ------------------------------------


def test_use_suggestion_focuses_submit_and_clear_is_undone_with_its_draft(qtbot: QtBot, make_tab) -> None:
    context, tab = make_tab()
    fill(qtbot, tab, *UNSURE)
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS) as settled:
        tab.suggest_now()
    assert settled.args == ["offered"]
    tab.use_suggestion_button.setFocus()
    qtbot.keyClick(tab.use_suggestion_button, Qt.Key.Key_Space)
    assert tab.use_suggestion_button.isHidden()
    assert tab.submit_button.isEnabled() and tab.submit_button.hasFocus()  # not Clear, where Space empties it

    qtbot.waitUntil(lambda: stored_draft(tab) == tab.draft_state())  # the draft is on disk
    before = tab.draft_state()
    marks = (tab.category_mark.text(), tab.priority_mark.text())
    assert before["category"] is not None and all(marks)

    tab.clear_button.setFocus()
    notices = heard(context)
    with qtbot.waitSignal(notices.posted):
        qtbot.keyClick(tab.clear_button, Qt.Key.Key_Space)
    notice = notices.notices[-1]
    text, button = notice.text, notice.action.label if notice.action else None
    assert (text, button) == ("Form cleared.", "Undo")
    assert (tab.title_edit.text(), tab.description_edit.toPlainText()) == ("", "")
    assert tab.category_box.value() is None and tab.priority_box.value() is None
    assert stored_draft(tab) is None
    assert tab.title_edit.hasFocus()  # a fresh form starts at its title
    assert context.undo.newest.label == "clear form"

    assert context.undo.undo()  # what the notice's Undo and Edit → Undo do
    assert tab.draft_state() == before
    assert (tab.title_edit.text(), tab.description_edit.toPlainText()) == UNSURE
    assert (tab.category_mark.text(), tab.priority_mark.text()) == marks
    assert tab.category_mark.isVisible() and tab.priority_mark.isVisible()
    assert stored_draft(tab) == before
    assert tab.submit_button.hasFocus()


def test_an_empty_form_has_nothing_to_clear(qtbot: QtBot, make_tab) -> None:
    context, tab = make_tab(open_database=False)
    assert not tab.clear_button.isEnabled()
    qtbot.keyClicks(tab.title_edit, "x")
    assert tab.clear_button.isEnabled()
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Backspace)
    assert not tab.clear_button.isEnabled()
    assert context.undo.newest is None


def test_undoing_a_clear_keeps_what_was_typed_since_one_undo_away(qtbot: QtBot, make_tab) -> None:
    context, tab = make_tab(open_database=False)
    qtbot.keyClicks(tab.title_edit, "The first ticket")
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.title_edit, "Another one")
    context.undo.undo()
    assert tab.title_edit.text() == "The first ticket"
    assert context.undo.newest.label == "restore form"
    context.undo.undo()  # each Undo swaps: neither text is ever lost
    assert tab.title_edit.text() == "Another one"
    context.undo.undo()
    assert tab.title_edit.text() == "The first ticket"


def test_undo_while_the_next_ticket_is_stored_waits_for_it(qtbot: QtBot, make_tab) -> None:
    context, tab = make_tab()
    qtbot.keyClicks(tab.title_edit, "The cleared one")
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    fill(qtbot, tab, "The next one", "Typed after the clear.")
    choose(qtbot, tab.category_box, Category.GENERAL)
    choose(qtbot, tab.priority_box, Priority.LOW)
    with qtbot.waitSignal(tab.ticket_created, timeout=15_000) as created:
        qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
        context.undo.undo()  # before the write has answered
    assert context.service.get(created.args[0]).title == "The next one"
    assert context.undo.undo()
    assert tab.title_edit.text() == "The cleared one"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, trained_model: Path, make_app) -> MainWindow:
    import platformdirs

    copy_model(trained_model, Path(platformdirs.user_data_dir("TicketFlow", appauthor=False)) / "local_model.npz")
    window = make_app(url=f"sqlite:///{tmp_path / 'db.sqlite3'}", tab="submit").window
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_ctrl_z_in_the_fresh_title_undoes_the_clear(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.submit_tab
    tab.title_edit.setFocus()
    qtbot.keyClicks(tab.title_edit, "Printer jams")
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(tab.description_edit, "Tray 2")
    tab.clear_button.setFocus()
    qtbot.keyClick(tab.clear_button, Qt.Key.Key_Space)
    assert tab.title_edit.hasFocus() and tab.title_edit.text() == ""
    assert window.undo_action.text() == "&Undo clear form"
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (tab.title_edit.text(), tab.description_edit.toPlainText()) == ("Printer jams", "Tray 2")
    # A field with its own typing to undo keeps Ctrl+Z for itself.
    tab.title_edit.setFocus()
    qtbot.keyClicks(tab.title_edit, "!")
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.title_edit.text() == "Printer jams"


# --- item 9: after submitting, the title of the fresh form has focus ---------------------------------


def test_after_submitting_by_keyboard_focus_is_on_the_fresh_title(qtbot: QtBot, window: MainWindow) -> None:
    tab, context = window.submit_tab, window.context
    tab.title_edit.setFocus()
    qtbot.keyClicks(tab.title_edit, "Printer jams")
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(tab.description_edit, "Tray 2 jams on every print job.")
    qtbot.keyClick(tab.description_edit, Qt.Key.Key_Tab)
    choose(qtbot, tab.category_box, Category.GENERAL)  # by Up and Down, as the agent would
    qtbot.keyClick(tab.category_box, Qt.Key.Key_Tab)
    choose(qtbot, tab.priority_box, Priority.MEDIUM)
    assert QApplication.focusWidget() is tab.priority_box
    with qtbot.waitSignal(tab.ticket_created, timeout=15_000) as created:
        qtbot.keyClick(tab.priority_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert context.service.get(created.args[0]).title == "Printer jams"
    assert tab.title_edit.text() == ""
    assert QApplication.focusWidget() is tab.title_edit


# --- item 15: suggestions while typing; the agent's choice wins; a confidence per badge ---------------


def test_a_suggestion_comes_at_a_pause_in_typing_without_leaving_the_field(qtbot: QtBot, make_tab) -> None:
    _context, tab = make_tab()
    fill(qtbot, tab, *SURE)
    assert tab.suggestion is None  # not on every keystroke
    qtbot.waitUntil(tab.category_mark.isVisible, timeout=SETTLE_MS)
    assert tab.description_edit.hasFocus()
    assert tab.category_box.value() is Category.BILLING
    suggestion = tab.suggestion
    assert suggestion.category_confidence != suggestion.priority_confidence
    category_percent = round(suggestion.category_confidence * 100)
    priority_percent = round(suggestion.priority_confidence * 100)
    assert category_percent != priority_percent
    assert tab.category_mark.text() == f"Suggested by local model, {category_percent}%"
    assert tab.priority_mark.text() == f"Suggested by local model, {priority_percent}%"


def test_typing_in_the_title_also_asks_once_per_pause(qtbot: QtBot, make_tab) -> None:
    _context, tab = make_tab()
    asked: list[str] = []
    tab.engine.started.connect(lambda: asked.append(tab.title_edit.text()))
    tab.title_edit.setFocus()
    qtbot.keyClicks(tab.title_edit, "Refund my double charge")
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS):
        pass
    assert asked == ["Refund my double charge"]
    qtbot.wait(SUGGEST_PAUSE_MS + 200)  # the same text is not asked again
    assert asked == ["Refund my double charge"]
    assert tab.title_edit.hasFocus()


def test_choosing_by_hand_withdraws_the_offer(qtbot: QtBot, make_tab) -> None:
    _context, tab = make_tab()
    offered(qtbot, tab)
    choose(qtbot, tab.category_box, Category.ACCOUNT)
    assert tab.use_suggestion_button.isHidden()
    # More typing brings a new suggestion, but no offer to undo the agent's choice.
    tab.description_edit.setFocus()
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS):
        qtbot.keyClicks(tab.description_edit, " again")
    assert tab.use_suggestion_button.isHidden()
    assert tab.category_box.value() is Category.ACCOUNT


def test_the_local_model_gives_each_field_its_own_confidence(trained_model: Path) -> None:
    model = LocalModel.load(trained_model)
    assert model is not None
    category_p, priority_p = model.weights.probabilities(model.features.transform([model_text(*SURE)]))
    suggestion = model.predict(*SURE)
    assert suggestion.category_confidence == round(float(category_p.max()), 3)
    assert suggestion.priority_confidence == round(float(priority_p.max()), 3)
    assert suggestion.confidence == min(suggestion.category_confidence, suggestion.priority_confidence)
