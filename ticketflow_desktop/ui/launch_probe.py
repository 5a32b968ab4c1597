"""`TICKETFLOW_EXIT_AFTER_SHOW=1`: print how long the launch took once the main window is first
painted, then quit. bench/launch.py reads the line; nothing else uses it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "TICKETFLOW_EXIT_AFTER_SHOW"


def seconds_since_process_start() -> float | None:
    """From the kernel's record of when this process started (Linux); None elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22, "starttime", in clock ticks after boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            elapsed = seconds_since_process_start()
            shown = f"elapsed={elapsed:.3f}" if elapsed is not None else "elapsed=unknown"
            # CPU time says what the launch costs when the machine is busy with other work.
            print(f"TICKETFLOW_SHOWN epoch={time.time():.3f} {shown} cpu={time.process_time():.3f}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def exit_after_show(window: QWidget) -> None:
    window.installEventFilter(_FirstPaint(window))
