"""Background work that would stall the event loop waits for a pause in the user's input."""

import threading
import time

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.startup import when_idle, when_quiet
from ticketflow_desktop.ui.tasks import TaskRunner


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


def test_work_waits_for_an_outstanding_answer_then_a_pause(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    answer = threading.Event()
    answered: list[float] = []
    tasks.read(answer.wait, 10, on_done=lambda _: answered.append(time.monotonic()))  # a search in flight
    ran: list[float] = []
    when_quiet(lambda: ran.append(time.monotonic()), 100, tasks)
    qtbot.wait(400)
    assert ran == []  # no input for 400 ms, but the user is waiting for the answer
    answer.set()
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    assert ran[0] - answered[0] >= 0.09  # then a pause of its own, to read the answer
    assert tasks.wait_idle()
