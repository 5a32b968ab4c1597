"""The window's chrome: toasts, About, menus with icons, minimum size."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from ticketflow_desktop import __version__
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager
from ticketflow_desktop.ui.widgets.toast import MAX_VISIBLE

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, theme: ThemeManager):
    context, window = build_window(settings, theme=theme)
    qtbot.addWidget(window)
    window.show()
    yield window
    context.close()


def test_toasts_stack_dismiss_by_keyboard_and_by_time(qtbot: QtBot, window) -> None:
    host = window.toasts
    for n in range(MAX_VISIBLE + 2):
        host.show(f"note {n}", "info")
    assert host.visible_texts == [f"note {n}" for n in range(2, MAX_VISIBLE + 2)]
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert host.visible_texts[-1] == f"note {MAX_VISIBLE}"
    oldest = host._toasts[0]
    oldest._timer.timeout.emit()  # what the auto-dismiss timer does when it fires
    assert "note 2" not in host.visible_texts
    host.dismiss_all()
    assert host.visible_texts == []
    toast = host.show("Could not save", "error")
    assert toast._timer.isActive() and toast._timer.interval() > host.show("ok")._timer.interval()
    assert not toast.isWindow() and toast.isVisible()  # non-modal, inside the window
    qtbot.keyClick(toast, Qt.Key.Key_Escape)
    assert "Could not save" not in host.visible_texts


def test_about_shows_versions_database_and_licence(qtbot: QtBot, window, tmp_path) -> None:
    with qtbot.waitSignal(window.context.database_opened, timeout=10_000):
        window.context.open(f"sqlite:///{tmp_path / 'about.sqlite3'}")
    window.show_about()
    dialog = window.about_dialog
    assert dialog.isVisible()
    values = {k: v.text() for k, v in dialog.values.items()}
    assert values["Version"] == __version__
    assert values["Qt"].startswith(qVersion())
    assert values["Python"].startswith(platform.python_version())
    assert "about.sqlite3" in values["Database"] and values["Database"].startswith("SQLite")
    assert values["Licence"] == "MIT licence"
    dialog.close()


def test_settings_action_opens_one_settings_dialog(qtbot: QtBot, window) -> None:
    window.settings_action.trigger()
    first = window.settings_dialog
    assert (first is not None and first.isVisible() and first.isModal() is False) or first.isWindow()
    window.settings_action.trigger()
    assert window.settings_dialog is first
    first.reject()


def test_menus_have_tinted_icons_and_the_window_a_minimum_size(window) -> None:
    assert not window.settings_action.icon().isNull()
    assert not window.windowIcon().isNull()
    assert window.minimumSize().width() <= 800 and window.minimumSize().height() <= 600


def test_start_gui_wires_logging_hooks_theme_and_database(
    qtbot: QtBot, settings: Settings, tmp_path, memory_keyring
) -> None:
    import argparse
    import sys
    import threading

    from ticketflow_desktop.ui.app import start_gui

    settings.set("theme", "dark")
    settings.set("database_url", f"sqlite:///{tmp_path / 'start.sqlite3'}")
    args = argparse.Namespace(verbose=False, offline=False, database_url=None, self_test=False)
    hooks = (sys.excepthook, threading.excepthook)
    gui = start_gui(args, settings)
    qtbot.addWidget(gui.window)
    try:
        assert sys.excepthook == gui.errors._sys_hook and threading.excepthook == gui.errors._thread_hook
        assert gui.theme.tokens.name == "dark" and gui.window.isVisible()
        qtbot.waitUntil(lambda: gui.context.state == "connected", timeout=10_000)
        assert "start.sqlite3" in gui.window.database_label.text()
        assert gui.log_path.is_file() and "starting" in gui.log_path.read_text()
        gui.window.context.tasks.read(lambda: 1 / 0)  # a bug nobody handles reaches the crash dialog
        qtbot.waitUntil(lambda: gui.errors.dialog is not None)
        assert "ZeroDivisionError" in gui.errors.dialog.details.toPlainText()
        gui.errors.dialog.close()
        settings.set("llm_model", "gpt-4.1-mini")
        settings.set_secret("llm_api_key", "sk-test-statusbar")
        qtbot.waitUntil(lambda: gui.window.mode_label.text() == "Suggestions: gpt-4.1-mini")  # the key: a worker
    finally:
        gui.shutdown()
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(gui.theme._on_system_scheme)
        gui.theme.setParent(None)
        gui.app.setStyleSheet("")
        gui.app.setPalette(QPalette())
    assert (sys.excepthook, threading.excepthook) == hooks
