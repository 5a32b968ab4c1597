"""Launch time: work that waits until the main window is on screen, and the probe that times it.

`TICKETFLOW_EXIT_AFTER_SHOW=1` makes the app print how long the launch took once the main window
is first painted, then quit; bench/launch.py reads that line.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ticketflow_desktop.ui.tasks import TaskRunner

EXIT_AFTER_SHOW_ENV = "TICKETFLOW_EXIT_AFTER_SHOW"
FALLBACK_MS = 1000  # a window that never paints (started minimised) must not hold the work back
IDLE_MS = 700  # no input for this long: the user is reading, not scrolling or typing
# Work that can wait for a second pause: the first goes to preparing the dashboard, which has to be
# done before the user's next move (often a switch to it) to be of use.
LATER_IDLE_MS = 2 * IDLE_MS


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._callback: Callable[[], object] | None = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.fire)  # after this paint has reached the screen
        return False

    def fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], object], fallback_ms: int | None = FALLBACK_MS) -> None:
    """Run `callback` once, when `window` has first painted (or after `fallback_ms` at the latest;
    None: only ever after a paint)."""
    waiter = _FirstPaint(window, callback)
    if fallback_ms is not None:
        QTimer.singleShot(fallback_ms, waiter, waiter.fire)


# What counts as the user being busy: background work that holds the GIL in long stretches (imports of
# C-heavy modules, training the local model) waits until none of these has arrived for a while.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class _WhenIdle(QObject):
    def __init__(self, app: QCoreApplication, callback: Callable[[], None], idle_ms: int) -> None:
        super().__init__(app)
        self._app, self._callback = app, callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self._fire)
        app.installEventFilter(self)  # removed as soon as it fires: no cost after that
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._timer.start()  # the user is busy: wait for the next pause
        return False

    def _fire(self) -> None:
        self._app.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def when_idle(callback: Callable[[], None], idle_ms: int) -> None:
    """Run `callback` on the GUI thread once no key, mouse or wheel input has arrived for `idle_ms`.

    Background work started while the user scrolls or types would make them wait: a worker that holds
    the GIL in long stretches stalls the event loop they are watching (100-140 ms here).
    """
    app = QCoreApplication.instance()
    if app is None:
        callback()
        return
    _WhenIdle(app, callback, idle_ms)


def when_quiet(callback: Callable[[], object], idle_ms: int, tasks: TaskRunner) -> None:
    """Like `when_idle`, and only once no answer is outstanding either: a user who waits for search
    results is watching the window, and work started then would delay them (100 ms here)."""

    def at_pause() -> None:
        if not tasks.is_busy():
            callback()
            return

        def answered(busy: bool) -> None:
            if not busy:
                tasks.busy_changed.disconnect(answered)
                when_idle(at_pause, idle_ms)  # a pause after the answer came in

        tasks.busy_changed.connect(answered)

    when_idle(at_pause, idle_ms)


def seconds_since_process_start() -> float | None:
    """From the kernel's record of when this process started (Linux); None elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22, "starttime", in clock ticks after boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def exit_after_show(window: QWidget) -> None:
    """Print the launch line at the first paint (not after the fallback), then quit."""

    def report() -> None:
        elapsed = seconds_since_process_start()
        shown = f"elapsed={elapsed:.3f}" if elapsed is not None else "elapsed=unknown"
        # CPU time says what the launch costs when other work shares the machine's cores.
        print(f"TICKETFLOW_SHOWN epoch={time.time():.3f} {shown} cpu={time.process_time():.3f}", flush=True)
        QCoreApplication.quit()

    _FirstPaint(window, report)
