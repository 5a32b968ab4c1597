"""Bugs reach a crash dialog (slot, plain thread, background task) and the app keeps running."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.errors import ExceptionHandler
from ticketflow_desktop.ui.settings import Settings

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
    pytest.mark.qt_no_exception_capture,  # our hook is the one under test
]


@pytest.fixture
def window(qtbot: QtBot, settings: Settings):
    context, window = build_window(settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    context.close()


@pytest.fixture
def handler(window, log_directory: Path) -> Iterator[ExceptionHandler]:
    handler = ExceptionHandler(window)
    handler.install()
    window.context.tasks.unhandled_error.connect(handler.report_error)
    try:
        yield handler
    finally:
        handler.uninstall()
        if handler.dialog is not None:
            handler.dialog.close()


def test_exception_in_a_slot_shows_the_crash_dialog(
    qtbot: QtBot, window, handler: ExceptionHandler, log_directory: Path
) -> None:
    button = QPushButton("Do it", window)

    def broken_slot() -> None:
        raise ZeroDivisionError("slot went wrong")

    button.clicked.connect(broken_slot)
    button.click()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    dialog = handler.dialog
    details = dialog.details.toPlainText()
    assert "ZeroDivisionError: slot went wrong" in details and "broken_slot" in details
    assert str(log_directory / "ticketflow.log") in dialog.log_label.text()
    assert not dialog.isModal()
    assert window.isVisible()  # the app keeps running
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    assert dialog.copied_label.text() == "Copied to the clipboard."
    assert "ZeroDivisionError: slot went wrong" in (log_directory / "ticketflow.log").read_text()


def test_exception_in_a_thread_shows_the_crash_dialog(qtbot: QtBot, handler: ExceptionHandler) -> None:
    def worker() -> None:
        raise KeyError("from a thread")

    thread = threading.Thread(target=worker, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    details = handler.dialog.details.toPlainText()
    assert "KeyError: 'from a thread'" in details and "In importer" in details


def test_unhandled_bug_in_a_background_task_shows_the_crash_dialog(
    qtbot: QtBot, window, handler: ExceptionHandler
) -> None:
    def buggy_read() -> None:
        raise AttributeError("worker bug")

    window.context.tasks.read(buggy_read)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "AttributeError: worker bug" in handler.dialog.details.toPlainText()
    assert "In a background task" in handler.dialog.details.toPlainText()


def test_more_bugs_join_the_open_dialog_and_secrets_are_masked(qtbot: QtBot, window, handler: ExceptionHandler) -> None:
    handler.report_error(ValueError("cannot open postgresql://agent:hunter2-Pw9@db/tickets"))
    qtbot.waitUntil(lambda: handler.dialog is not None)
    first = handler.dialog
    handler.report_error(RuntimeError("second"))
    qtbot.waitUntil(lambda: len(handler.reports) == 2)
    assert handler.dialog is first
    assert first.windowTitle() == "TicketFlow hit a bug (2 errors)"
    text = first.details.toPlainText()
    assert "RuntimeError: second" in text
    assert "postgresql://agent:***@db/tickets" in text and "hunter2" not in text


def test_keyboard_interrupt_is_not_a_crash(qtbot: QtBot, handler: ExceptionHandler, capsys) -> None:
    import sys

    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    qtbot.wait(10)
    assert handler.dialog is None and handler.reports == []


def test_a_repeating_bug_does_not_grow_the_dialog_without_end(qtbot: QtBot, handler: ExceptionHandler) -> None:
    from ticketflow_desktop.ui.dialogs.crash import MAX_DETAILED

    for n in range(MAX_DETAILED + 5):
        handler.report_error(RuntimeError(f"paint failed {n}"))
    qtbot.waitUntil(lambda: len(handler.reports) == MAX_DETAILED + 5)
    text = handler.dialog.details.toPlainText()
    assert text.count("RuntimeError: paint failed") == MAX_DETAILED
    assert "see the log file for all of them" in text
    assert handler.dialog.windowTitle() == f"TicketFlow hit a bug ({MAX_DETAILED + 5} errors)"
