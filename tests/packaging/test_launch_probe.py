"""TICKETFLOW_EXIT_AFTER_SHOW: the line bench/launch.py reads is printed once the window paints."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtWidgets import QLabel

from ticketflow_desktop.ui.launch_probe import exit_after_show

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
    if Path("/proc/self/stat").exists():
        assert 0 < float(match["elapsed"]) < 600
