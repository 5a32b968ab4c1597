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
