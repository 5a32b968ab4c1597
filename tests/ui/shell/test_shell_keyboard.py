"""The window's keyboard: tabs switch from anywhere, F1 lists every shortcut the actions have, no two
actions fight over a key, the View → Theme menu marks exactly the chosen theme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.shell.populated import populated_window
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.ui import main_window
from ticketflow_desktop.ui.dialogs.settings import SettingsDialog
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NATIVE = QKeySequence.SequenceFormat.NativeText
WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@pytest.fixture
def window(
    qtbot: QtBot, settings: Settings, theme: ThemeManager, clock: FixedClock, tmp_path: Path
) -> Iterator[MainWindow]:
    with populated_window(qtbot, settings, theme, clock, tmp_path) as window:
        yield window


def test_ctrl_tab_switches_tabs_from_the_table_and_from_the_description(qtbot: QtBot, window: MainWindow) -> None:
    tabs = window.tabs
    tabs.setCurrentWidget(window.tickets_tab)
    table = window.tickets_tab.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    current_cell = table.currentIndex()
    qtbot.keyClick(table, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is window.dashboard_tab
    assert table.currentIndex() == current_cell  # the table did not take the key as "next cell"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab, CTRL | SHIFT)
    assert tabs.currentWidget() is window.tickets_tab

    tabs.setCurrentWidget(window.submit_tab)
    description = window.submit_tab.description_edit
    description.setFocus()
    qtbot.waitUntil(description.hasFocus)
    qtbot.keyClicks(description, "It broke")
    qtbot.keyClick(description, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is window.tickets_tab
    assert description.toPlainText() == "It broke"  # no tab character typed into the customer's text
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageUp, CTRL)
    assert tabs.currentWidget() is window.submit_tab
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageUp, CTRL)
    assert tabs.currentWidget() is window.dashboard_tab  # wraps around
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentWidget() is window.submit_tab


def _shortcut_actions(window: QWidget) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if any(not s.isEmpty() for s in a.shortcuts())]


def _keys(action: QAction) -> str:
    return ", ".join(s.toString(NATIVE) for s in action.shortcuts() if not s.isEmpty())


def test_f1_lists_every_action_with_a_shortcut_including_one_added_to_a_tab(qtbot: QtBot, window: MainWindow) -> None:
    assert not hasattr(main_window, "SHORTCUTS")  # no hand-kept list left to drift
    added = QAction("Jump to the &oldest && newest ticket", window.tickets_tab)
    added.setShortcut(QKeySequence("Ctrl+Alt+J"))
    added.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    added.setProperty("help_group", "Tickets")
    window.tickets_tab.addAction(added)

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    shown = [label.text() for label in dialog.labels]  # what the dialog shows, label by label
    assert "Jump to the oldest & newest ticket" in shown  # mnemonics gone, "&&" a plain "&"
    assert QKeySequence("Ctrl+Alt+J").toString(NATIVE) in shown
    assert shown.index("Window") < shown.index("Tickets") < shown.index("Jump to the oldest & newest ticket")
    assert "Ctrl+Alt+J: Jump to the oldest & newest ticket" in dialog.text()
    listed = {(e.section, e.text, e.keys) for e in dialog.entries}
    assert ("Tickets", "Jump to the oldest & newest ticket", QKeySequence("Ctrl+Alt+J").toString(NATIVE)) in listed
    actions = _shortcut_actions(window)
    assert len(actions) >= 10
    for action in actions:
        readable = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        assert any(e.text == readable and e.keys == _keys(action) for e in dialog.entries), readable
    by_text = {e.text: e for e in dialog.entries}
    assert by_text["Keyboard shortcuts"].section == "Window"
    assert by_text["Next tab"].keys.startswith(QKeySequence("Ctrl+Tab").toString(NATIVE))
    assert "Ctrl+PgDown" in by_text["Next tab"].keys.replace("Page Down", "PgDown")
    assert by_text["Previous tab"].keys.startswith(QKeySequence("Ctrl+Shift+Tab").toString(NATIVE))
    dialog.close()


def test_a_menu_action_without_a_group_is_listed_under_its_menu(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&Reports")
    orphan = QAction("Weekly &report", window)
    orphan.setShortcut(QKeySequence("Ctrl+Alt+W"))
    menu.addAction(orphan)
    window.show_shortcuts()
    entries = {e.text: e.section for e in window.shortcuts_dialog.entries}
    assert entries["Weekly report"] == "Reports"
    window.shortcuts_dialog.close()


def _scope(action: QAction) -> list[QWidget]:
    return [o for o in action.associatedObjects() if isinstance(o, QWidget) and not isinstance(o, QMenu)]


def _overlap(first: QAction, second: QAction) -> bool:
    """Whether both can be live for the same focus: one window-wide, or their widgets the same or nested."""
    if first.shortcutContext() in WINDOW_WIDE or second.shortcutContext() in WINDOW_WIDE:
        return True
    return any(a is b or a.isAncestorOf(b) or b.isAncestorOf(a) for a in _scope(first) for b in _scope(second))


def test_no_key_is_bound_twice_where_both_bindings_are_live(window: MainWindow) -> None:
    window.show_shortcuts()  # its own actions, if any, count too
    actions = _shortcut_actions(window)
    clashes = []
    for i, first in enumerate(actions):
        for second in actions[i + 1 :]:
            shared = {s.toString() for s in first.shortcuts()} & {s.toString() for s in second.shortcuts()}
            shared.discard("")
            if shared and _overlap(first, second):
                clashes.append((first.text(), second.text(), sorted(shared)))
    assert clashes == []
    window.shortcuts_dialog.close()


def test_the_theme_menu_checks_exactly_the_chosen_theme(qtbot: QtBot, window: MainWindow, theme: ThemeManager) -> None:
    actions = window._theme_menu.actions()
    assert all(a.actionGroup() is not None and a.actionGroup().isExclusive() for a in actions)

    def checked() -> list[str]:
        return [a.data() for a in actions if a.isChecked()]

    assert checked() == ["light"]
    by_choice = {a.data(): a for a in actions}
    by_choice["dark"].trigger()  # chosen in the menu
    assert checked() == ["dark"] and theme.choice == "dark"
    by_choice["dark"].trigger()  # choosing it again keeps it checked
    assert checked() == ["dark"]
    window.set_theme("light")
    assert checked() == ["light"]
    # From the settings dialog: "Follow the system" paints like "Light" here, and must still be the one checked.
    dialog = SettingsDialog(window.context, theme, window)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("system"))
    with qtbot.waitSignal(dialog.finished):  # its secrets go to the keyring in a worker first
        dialog.save()
    assert theme.choice == "system"
    assert checked() == ["system"]


def test_the_chosen_theme_shows_a_mark_in_the_menu(qtbot: QtBot, window: MainWindow, theme: ThemeManager) -> None:
    menu = window._theme_menu
    for choice in ("dark", "light"):
        window.set_theme(choice)
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible)
        image = menu.grab().toImage()
        marks = {}
        for action in menu.actions():
            row = menu.actionGeometry(action)
            box = QRect(row.left() + 2, row.top() + 2, row.height() - 4, row.height() - 4)  # where the mark goes
            xs, ys = range(box.left(), box.right()), range(box.top(), box.bottom())
            colours = {image.pixel(x, y) for x in xs for y in ys}
            marks[action.data()] = len(colours) > 1  # anything drawn beside the plain background
        menu.hide()
        assert marks == {c: c == choice for c in ("system", "light", "dark")}
