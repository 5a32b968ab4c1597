"""Launch time: the line bench/launch.py reads, and work held back until the window has painted."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from PySide6.QtWidgets import QLabel

from ticketflow_desktop.ui.startup import after_first_paint, exit_after_show

ROOT = Path(__file__).resolve().parents[2]


def _bench_pattern():
    spec = importlib.util.spec_from_file_location("bench_launch", ROOT / "bench" / "launch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SHOWN


def test_first_paint_prints_the_line_bench_reads_once(qtbot, capsys) -> None:
    window = QLabel("TicketFlow")
    qtbot.addWidget(window)
    exit_after_show(window)
    printed: list[str] = []

    def shown() -> bool:
        printed.extend(capsys.readouterr().out.splitlines())
        return bool(printed)

    window.show()
    qtbot.waitUntil(shown)
    window.repaint()  # a second paint prints nothing more
    qtbot.wait(50)
    printed.extend(capsys.readouterr().out.splitlines())

    assert len(printed) == 1
    match = _bench_pattern().fullmatch(printed[0])
    assert match is not None, printed[0]
    assert float(match["cpu"]) > 0
    if Path("/proc/self/stat").exists():  # time since this process began: the whole test run so far
        assert 0 < float(match["elapsed"]) <= _process_age_s() + 0.1


def _process_age_s() -> float:
    start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def test_work_after_first_paint_runs_once_after_the_window_painted(qtbot) -> None:
    window = QLabel("TicketFlow")
    qtbot.addWidget(window)
    calls: list[bool] = []
    after_first_paint(window, lambda: calls.append(window.isVisible()), fallback_ms=60_000)
    qtbot.wait(20)
    assert calls == []  # nothing before the window is shown
    window.show()
    qtbot.waitUntil(lambda: calls == [True])
    window.repaint()
    qtbot.wait(50)
    assert calls == [True]


def test_work_after_first_paint_still_runs_when_the_window_never_paints(qtbot) -> None:
    window = QLabel("never shown")
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_paint(window, lambda: calls.append(1), fallback_ms=30)
    qtbot.waitUntil(lambda: calls == [1])
    qtbot.wait(50)
    assert calls == [1]


def test_work_after_first_paint_without_fallback_waits_for_a_paint(qtbot) -> None:
    window = QLabel("shown late")
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_paint(window, lambda: calls.append(1), fallback_ms=None)
    qtbot.wait(100)
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: calls == [1])
