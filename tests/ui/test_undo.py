"""The undo stack: newest first, each item once, a notice's Undo undoes its own action."""

from __future__ import annotations

from ticketflow_desktop.ui.undo import MAX_ITEMS, UndoStack


def test_newest_first_and_each_once(qtbot) -> None:
    stack = UndoStack()
    done: list[str] = []
    first = stack.push("first", lambda: done.append("first"))
    stack.push("second", lambda: done.append("second"))
    assert stack.undo() and done == ["second"]
    assert stack.run(first) and done == ["second", "first"]
    assert not stack.run(first) and not stack.undo()
    assert done == ["second", "first"] and stack.newest is None


def test_only_the_newest_items_are_kept(qtbot) -> None:
    stack = UndoStack()
    items = [stack.push(str(i), lambda: None) for i in range(MAX_ITEMS + 5)]
    assert not stack.run(items[0])  # forgotten: too old
    assert stack.run(items[-1])
    stack.forget(items[-2])
    assert stack.newest is items[-3]


def test_a_notice_goes_when_its_action_is_undone_another_way(qtbot, make_app) -> None:
    app = make_app(open_database=False, tab=None)
    context, window = app.context, app.window
    undone: list[str] = []
    context.offer_undo("3 tickets changed.", "status of 3 tickets", lambda: undone.append("bulk"))
    context.offer_undo("Form cleared.", "clear form", lambda: undone.append("clear"))
    assert window.toasts.visible_texts == ["3 tickets changed.", "Form cleared."]
    assert window.undo_action.text() == "&Undo clear form"
    window.undo_action.trigger()  # Edit → Undo (Ctrl+Z): the newest
    assert undone == ["clear"]
    qtbot.waitUntil(lambda: window.toasts.visible_texts == ["3 tickets changed."])
    assert window.undo_action.text() == "&Undo status of 3 tickets"
