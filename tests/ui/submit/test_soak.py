"""Soak: 200 suggestion requests against a server that randomly fails, stalls or talks nonsense while the
agent keeps typing. The GUI never stalls over 50 ms and every request ends in a definite state.

On a loaded machine the event loop is late even when idle (the OS does not schedule it): that lateness is
measured first, in the same process, and only lateness beyond it counts as a stall.
"""

from __future__ import annotations

import os
import random
import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot
from werkzeug import Request, Response

from tests.classification.fake_llm import PATH, answer, completion, error_response, json_response
from tests.ui.submit.test_submit_tab import SETTLE_MS
from ticketflow_desktop.classification.errors import KINDS

REQUESTS = 200
HEARTBEAT_MS = 10
MAX_STALL_MS = 50
OVERLOADED_STALL_MS = 250


def chaos(seed: int):
    rng = random.Random(seed)
    lock = threading.Lock()

    def handler(_request: Request) -> Response:
        with lock:
            roll = rng.random()
        if roll < 0.20:
            return error_response(500)
        if roll < 0.25:
            return error_response(429, headers={"Retry-After": "1"})
        if roll < 0.35:
            time.sleep(0.6)  # past the 0.3 s timeout
            return json_response(answer())
        if roll < 0.50:
            return json_response(completion(rng.choice(["???", '{"category": "urgent"}', "", "critical"])))
        return json_response(answer(rng.choice(["billing", "technical"]), rng.choice(["low", "high"])))

    return handler


def test_soak_gui_never_stalls_and_every_request_ends(
    qtbot: QtBot, make_tab, llm_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLM_API_KEY", "test-key")
    llm_server.expect_request(PATH).respond_with_handler(chaos(1))
    context, tab = make_tab(llm_base_url=llm_server.url_for("/v1"))
    tab.engine.llm_overrides = {"timeout_s": 0.3, "max_retries": 0}

    # Count every request's end in the worker, including those whose result the form drops as superseded.
    ends: list[str] = []
    real_run = tab.engine._run

    def counted(*args):
        try:
            outcome = real_run(*args)
        except BaseException:
            ends.append("crashed")
            raise
        ends.append(
            "superseded" if outcome.superseded and not outcome.error else outcome.error.kind if outcome.error else "ok"
        )
        return outcome

    tab.engine._run = counted
    qtbot.keyClicks(tab.title_edit, "Soak")
    tab.description_edit.setFocus()
    qtbot.keyClicks(tab.description_edit, "warm up the client and the local model")
    with qtbot.waitSignal(tab.suggestion_settled, timeout=SETTLE_MS):
        tab.suggest_now()  # imports openai and loads the local model before measuring

    worst = [0]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0] - HEARTBEAT_MS)
        last[0] = now

    heartbeat = QTimer(interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    qtbot.wait(1500)
    baseline, worst[0] = worst[0], 0
    for i in range(REQUESTS - 1):
        qtbot.keyClicks(tab.description_edit, f" w{i}")
        tab.suggest_now()
        qtbot.wait(5)
    qtbot.waitUntil(lambda: len(ends) == REQUESTS and not context.tasks.is_busy(), timeout=60_000)
    qtbot.waitUntil(lambda: tab.suggestion_state != "pending", timeout=SETTLE_MS)
    heartbeat.stop()

    assert len(ends) == REQUESTS
    assert set(ends) <= {"ok", "superseded", *KINDS}
    assert {"ok", "server_error", "timeout", "bad_answer"} <= set(ends)  # the chaos really happened
    assert tab.suggestion_state in ("applied", "offered", "failed")
    assert tab.description_edit.toPlainText().endswith(f" w{REQUESTS - 2}")  # not a keystroke lost
    # The machine's own scheduling noise (measured idle, same process) is not ours to count. On a machine
    # whose run queue is far longer than its cores (shared CI hosts) the OS itself starves the GUI thread:
    # there only gross stalls are asserted, and the figure is reported.
    budget = MAX_STALL_MS if os.getloadavg()[0] <= 2 * (os.cpu_count() or 1) else OVERLOADED_STALL_MS
    print(f"soak: worst event-loop lateness {worst[0]} ms (idle {baseline} ms, load {os.getloadavg()[0]:.1f})")
    assert worst[0] < budget + baseline, f"the GUI stalled for {worst[0]} ms (idle noise {baseline} ms)"
