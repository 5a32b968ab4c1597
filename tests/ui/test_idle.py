"""Background work that would stall the event loop waits for a pause in the user's input."""

import threading
import time

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.startup import when_idle, when_quiet
from ticketflow_desktop.ui.tasks import TaskRunner

IDLE_S = 0.3
KEY_GAP_MS = 50  # a sixth of the idle time: typing, not pausing


def test_work_waits_until_the_user_stops_typing(qtbot: QtBot) -> None:
    """Keys every 50 ms for longer than the idle time hold the work back; it runs once they stop.

    On a loaded machine a 50 ms wait can take longer than the idle time: that is a real pause, and the
    work rightly runs in it. What must hold on any machine: the work never runs less than the idle time
    after a key. An attempt whose typing was paused by the machine proves nothing about holding back,
    so it is tried again (the machine is not always that busy)."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    typed = 0
    for _attempt in range(5):
        ran: list[float] = []
        keys: list[float] = []
        when_idle(lambda ran=ran: ran.append(time.monotonic()), int(IDLE_S * 1000))
        while not ran and (not keys or keys[-1] - keys[0] < 2 * IDLE_S):  # typing for twice the idle time
            qtbot.keyClicks(field, "a")
            keys.append(time.monotonic())  # after the key event was delivered
            typed += 1
            qtbot.wait(KEY_GAP_MS)
        qtbot.waitUntil(lambda ran=ran: bool(ran), timeout=5000)
        before = [k for k in keys if k < ran[0]]
        assert ran[0] - before[-1] >= IDLE_S * 0.9  # never while keys keep coming (Qt's timers may be 5% early)
        if before == keys and keys[-1] - keys[0] >= 2 * IDLE_S:  # it waited for the end of typing that outlasted it
            break
    else:
        pytest.fail("five attempts at typing were each paused by the machine for longer than the idle time")
    assert len(ran) == 1
    assert field.text() == "a" * typed  # the filter watched the keys; it did not take them


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
