"""Notices never cover a control: at 800x600 and 1280x800, on every tab, a notice (with its Undo button)
hides no visible, enabled button, field or list of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.shell.populated import populated_window
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit)
LONG_NOTICE = "Ticket #4821 “Invoice PDF shows the wrong VAT number for customers in 🇩🇪 Germany” saved"


def _in_window(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` a user can see (clipped by scroll areas and splitters), in window coordinates."""
    visible = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(window, visible.topLeft()), visible.size())


def _covered_controls(window: MainWindow, notice: QWidget) -> list[str]:
    area = _in_window(notice, window)
    covered = []
    for control in window.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or not control.isVisible() or not control.isEnabled():
            continue
        if control is notice or notice.isAncestorOf(control):
            continue
        if _in_window(control, window).intersects(area):
            covered.append(control.accessibleName() or control.objectName() or type(control).__name__)
    return covered


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)], ids=["800x600", "1280x800"])
def test_a_notice_covers_no_control_on_any_tab(
    qtbot: QtBot, settings: Settings, theme: ThemeManager, clock: FixedClock, tmp_path: Path, size: tuple[int, int]
) -> None:
    with populated_window(qtbot, settings, theme, clock, tmp_path) as window:
        window.resize(*size)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            for kind, action in (("success", ("Undo", lambda: None)), ("error", None)):
                notice = window.toasts.show(LONG_NOTICE, kind, action)
                qtbot.waitUntil(lambda n=notice: n.isVisible() and not n.visibleRegion().isEmpty())
                qtbot.wait(20)  # the layouts settle after the notice took its room
                assert _covered_controls(window, notice) == [], (window.tabs.tabText(index), kind)
                assert window.rect().contains(_in_window(notice, window))  # shown whole, inside the window
            window.toasts.dismiss_all()
