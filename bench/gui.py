"""GUI benchmark: the real main window, offscreen, on a seeded database.

    python -m bench.gui --rows 1000000 [--backend sqlite|postgresql]
    python -m bench.gui --url postgresql://tfteam_agent001@127.0.0.1/tfteam_1000000   # bench/team_data's set

Plays a user: launch until the first rows show, scroll through 10,000 rows with the mouse wheel, type a
search letter by letter, read the results for 2 s (no input: the app's heavy background work waits
for such a pause), switch to the dashboard. A QTimer heartbeat records how late the event loop runs
(its stalls) in each phase, and the process's peak memory (ru_maxrss) is read after the scroll and at
the end.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

HEARTBEAT_MS = 5
TYPED = "error"
KEY_GAP_MS = 120  # a quick typist
WHEEL_NOTCHES = 40  # per event: 40 x 3 rows
READ_PAUSE_S = 2.0  # looking at the search results before switching tabs


def _process_age_s() -> float:
    """Seconds since this process started (Linux /proc), so launch time includes interpreter and imports."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def _isolate() -> None:
    home = tempfile.mkdtemp(prefix="tfbench-gui-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(Path(home) / "config")
    os.environ["XDG_DATA_HOME"] = str(Path(home) / "data")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        # Every beat's lateness, compact (4 bytes): enough for a launch's few minutes; an hour's session
        # takes them away into histograms (LatenessHistogram) so as not to grow the process it measures.
        self.late = array("f")
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self._last) * 1000 - HEARTBEAT_MS))
        self._last = now

    def mark(self) -> int:
        return len(self.late)

    def stalls(self, since: int = 0) -> tuple[float, float]:
        return self.summary(self.late[since:])

    @staticmethod
    def summary(late: Sequence[float]) -> tuple[float, float]:
        values = sorted(late) or [0.0]
        return values[-1], values[min(len(values) - 1, int(0.99 * len(values)))]

    def last_beat(self) -> float:
        return self._last

    def take(self) -> array[float]:
        """The samples since the last take, forgotten here: a long session keeps histograms instead."""
        taken, self.late = self.late, array("f")
        return taken


class LatenessHistogram:
    """How late the heartbeat ran, as counts per 0.1 ms up to 2 s (the exact maximum kept beside): an
    hour's session in bounded memory, so that the session's memory per minute is the app's, not the
    bench's own samples (an array of every beat grew the process by 5-6 MB an hour)."""

    BIN_MS = 0.1
    BINS = 20_000

    def __init__(self) -> None:
        self.counts = array("I", bytes(4 * self.BINS))
        self.total = 0
        self.worst = 0.0

    def add(self, late: Sequence[float]) -> None:
        last = self.BINS - 1
        for value in late:
            self.counts[min(last, int(value / self.BIN_MS))] += 1
            self.worst = max(self.worst, value)
        self.total += len(late)

    def merge(self, other: LatenessHistogram) -> None:
        for index, count in enumerate(other.counts):
            if count:
                self.counts[index] += count
        self.total += other.total
        self.worst = max(self.worst, other.worst)

    def summary(self) -> tuple[float, float]:
        """(max, p99) in ms, as Heartbeat.summary; p99 to the bin's upper edge."""
        if not self.total:
            return 0.0, 0.0
        rank = min(self.total - 1, int(0.99 * self.total))
        seen = 0
        for index, count in enumerate(self.counts):
            seen += count
            if seen > rank:
                return self.worst, min(self.worst, (index + 1) * self.BIN_MS)
        return self.worst, self.worst


class StallSampler:
    """Where the GUI thread is while the event loop stalls: a watchdog thread looks every 2 ms, and when
    the heartbeat is more than `threshold_ms` late it takes the GUI thread's Python stack (the frames
    from our code, innermost first), once per 10 ms of the stall. Qt's own C++ work, and a wait for the
    interpreter's lock held by a worker, show as the Python call that entered Qt (often the event loop).
    A diagnosis aid: the samples are from the bench process, never a test."""

    def __init__(self, beat: Heartbeat, threshold_ms: float = 30.0) -> None:
        import threading

        self.samples: Counter[tuple[str, ...]] = Counter()
        self._beat = beat
        self._threshold = threshold_ms / 1000
        self._gui = threading.get_ident()
        self._running = True
        self._thread = threading.Thread(target=self._watch, name="stall-sampler", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        last_sample = 0.0
        while self._running:
            time.sleep(0.002)
            now = time.perf_counter()
            if now - self._beat.last_beat() > self._threshold + HEARTBEAT_MS / 1000 and now - last_sample >= 0.01:
                frame = sys._current_frames().get(self._gui)
                if frame is not None:
                    self.samples[_our_frames(frame)] += 1
                    last_sample = now

    def stop(self) -> None:
        self._running = False

    def report(self, top: int = 12) -> None:
        total = sum(self.samples.values())
        print(f"\nwhere the GUI thread was during stalls (samples every 10 ms of a stall; {total} in all):")
        for frames, n in self.samples.most_common(top):
            print(f"{n:6d} x {n * 10:>6d} ms  " + "\n                    <- ".join(frames or ("(outside our code)",)))


def _our_frames(frame: FrameType | None, depth: int = 4) -> tuple[str, ...]:
    """The innermost frame (in brackets when it is a library's), then up to `depth` of the app's and the
    bench's own frames, innermost first."""
    found: list[str] = []
    innermost = None
    while frame is not None and len(found) < depth:
        code = frame.f_code
        where = f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}"
        if innermost is None:
            innermost = where
        if "ticketflow_desktop" in code.co_filename or "/bench/" in code.co_filename:
            found.append(where)
        frame = frame.f_back
    if innermost is not None and (not found or found[0] != innermost):
        found.insert(0, f"[{innermost}]")
    return tuple(found)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    # A nested event loop, not processEvents() in a loop (PySide6 6.12 leaks a None per call).
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        if condition() or time.perf_counter() >= deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return condition()


def pump(seconds: float) -> None:
    wait_until(lambda: False, seconds)


def wheel(widget, notches: int):
    """A wheel event scrolling `notches` notches down over the middle of `widget`."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    middle = QPointF(widget.width() / 2, widget.height() / 2)
    return QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def show_main_window():
    """The app's main window as a user starts it: the user's settings and theme, 1280x800, on the
    tickets tab, shown (no database opened yet). Returns (application, context, window)."""
    from ticketflow_desktop.ui.app import build_window, create_application
    from ticketflow_desktop.ui.settings import Settings
    from ticketflow_desktop.ui.theme import ThemeManager

    app = create_application()
    settings = Settings()
    theme = ThemeManager(app, settings.get("theme"))
    context, window = build_window(settings, theme=theme)
    window.resize(1280, 800)
    window.tabs.setCurrentWidget(window.tickets_tab)
    window.show()
    return app, context, window


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1")
    parser.add_argument("--scroll-rows", type=int, default=10_000)
    parser.add_argument("--url", help="an existing database instead of --rows/--backend (e.g. the team data set)")
    args = parser.parse_args(argv)
    _isolate()

    prepare_start = time.perf_counter()
    if args.url:
        url, args.backend = args.url, args.url.split(":", 1)[0].split("+", 1)[0]
    else:
        from bench.service import prepare

        database, _ = prepare(args.backend, args.rows, args.pg_url)  # seeds when needed, before the clock starts
        url = database.url
        database.dispose()
    prepare_s = time.perf_counter() - prepare_start

    launch_start = time.perf_counter()
    age_at_start = _process_age_s()
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    _app, context, window = show_main_window()
    beat = Heartbeat()
    context.open(url)
    report: list[tuple[str, str]] = []
    missing: list[str] = []

    def table() -> QTableView | None:
        # The tickets table, not the filter combo boxes' popup lists (item views too, with rows at once).
        views = [v for v in window.tickets_tab.findChildren(QTableView) if v.model() is not None]
        return views[0] if views else None

    def rows() -> int:
        view = table()
        return view.model().rowCount() if view is not None else 0

    shown = wait_until(lambda: rows() > 0, 60)
    launch_ms = (time.perf_counter() - launch_start) * 1000
    if shown:
        report.append(("launch to first rows (from main())", f"{launch_ms:.0f} ms"))
        since_start = launch_ms + (age_at_start - prepare_s) * 1000
        report.append(("launch to first rows (from process start, less seeding)", f"{since_start:.0f} ms"))
    else:
        missing.append("tickets table: no item view with rows in window.tickets_tab within 60 s")
    max_s, p99_s = beat.stalls()
    report.append(("stall during launch: max / p99", f"{max_s:.0f} / {p99_s:.0f} ms"))
    launched = beat.mark()  # the window's first layout and paint are the launch's, not the user's

    if shown:
        view = table()
        assert view is not None
        mark = beat.mark()
        start = time.perf_counter()
        viewport = view.viewport()
        while rows() < args.scroll_rows and time.perf_counter() - start < 120:
            QApplication.sendEvent(viewport, wheel(viewport, WHEEL_NOTCHES))
            pump(0.016)
        scrolled = rows()
        elapsed = time.perf_counter() - start
        max_s, p99_s = beat.stalls(mark)
        report.append((f"scroll to {scrolled:,} rows", f"{elapsed * 1000:.0f} ms"))
        report.append(("stall while scrolling: max / p99", f"{max_s:.0f} / {p99_s:.0f} ms"))
        report.append(("peak memory after scrolling", f"{_peak_mb():.0f} MB"))
        if scrolled < args.scroll_rows:
            missing.append(f"scrolling reached only {scrolled:,} rows in 120 s")

        window.find_tickets()
        edits = [e for e in window.tickets_tab.findChildren(QLineEdit) if e.accessibleName() == "Search tickets"]
        edit = edits[0] if edits else None
        if edit is None:
            missing.append("search field: no QLineEdit named 'Search tickets' in window.tickets_tab")
        else:
            from PySide6.QtTest import QTest

            mark = beat.mark()
            for ch in TYPED:
                QTest.keyClicks(edit, ch)
                typed = time.perf_counter()
                pump(KEY_GAP_MS / 1000)
            model = view.model()

            # After the debounce the model asks for the search; done when its first page is in.
            def searched() -> bool:
                return model.filter.search_term == TYPED and not model.is_fetching() and not context.tasks.is_busy()

            settled = wait_until(searched, 30)
            done_ms = (time.perf_counter() - typed) * 1000
            max_s, p99_s = beat.stalls(mark)
            label = f"search '{TYPED}': results after last key, debounce incl."
            report.append((label, f"{done_ms:.0f} ms ({rows()} rows)"))
            report.append(("stall while typing: max / p99", f"{max_s:.0f} / {p99_s:.0f} ms"))
            if not settled:
                missing.append(f"search: tasks still busy 30 s after typing: {context.tasks.pending_keys()}")

    # A user reads the results before going on; the app keeps its heavy background work (the
    # dashboard's imports, training the local model) for such pauses in the input.
    mark = beat.mark()
    pump(READ_PAUSE_S)
    max_s, p99_s = beat.stalls(mark)
    report.append((f"stall while reading, no input ({READ_PAUSE_S:.0f} s)", f"{max_s:.0f} / {p99_s:.0f} ms"))
    idle_marks = (mark, beat.mark())

    mark = beat.mark()
    start = time.perf_counter()
    window.tabs.setCurrentWidget(window.dashboard_tab)
    wait_until(lambda: getattr(window.dashboard_tab, "loads", 0) >= 1, 30)
    switch_ms = (time.perf_counter() - start) * 1000
    pump(0.5)
    max_s, p99_s = beat.stalls(mark)
    report.append(("switch to dashboard until its data is in", f"{switch_ms:.0f} ms"))
    report.append(("stall after switching: max / p99", f"{max_s:.0f} / {p99_s:.0f} ms"))
    from PySide6.QtWidgets import QLabel

    if len(window.dashboard_tab.findChildren(QLabel)) <= 1:
        missing.append("dashboard: still the placeholder tab")

    acting = beat.late[launched : idle_marks[0]] + beat.late[idle_marks[1] :]
    max_s, p99_s = Heartbeat.summary(acting)
    report.append(("stall while scrolling, typing, switching: max / p99", f"{max_s:.0f} / {p99_s:.0f} ms"))
    report.append(("peak memory (ru_maxrss)", f"{_peak_mb():.0f} MB"))
    window.close()
    context.close()

    data = f"{args.url.rsplit('/', 1)[-1]}" if args.url else f"{args.rows:,} tickets"
    print(f"\n== GUI, {args.backend}, {data} (offscreen, 1280x800)")
    for name, value in report:
        print(f"{name:<52} {value}")
    for item in missing:
        print(f"MISSING: {item}")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (a PySide6 crash at exit, not ours to measure)


if __name__ == "__main__":
    sys.exit(main())
