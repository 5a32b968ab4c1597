"""Background work that would stall the event loop waits for a pause in the user's input."""

import time

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.startup import when_idle


def test_work_waits_until_the_user_stops_typing(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    ran: list[float] = []
    when_idle(lambda: ran.append(time.monotonic()), 300)
    for _ in range(6):  # typing for 0.6 s, a key every 0.1 s
        qtbot.keyClicks(field, "a")
        qtbot.wait(100)
    last_key = time.monotonic() - 0.1
    assert ran == []  # never while keys keep coming
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    assert ran[0] - last_key >= 0.25
    assert field.text() == "aaaaaa"  # the filter watched the keys; it did not take them


def test_work_runs_once_and_the_filter_goes_away(qtbot: QtBot) -> None:
    ran: list[int] = []
    when_idle(lambda: ran.append(1), 50)
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    field = QLineEdit()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "x")
    qtbot.wait(150)
    assert ran == [1]
