"""A long scripted session in the real main window, offscreen: does memory stay flat, and how long does
the event loop stall while an agent works (issue 21)?

    python -m bench.gui_session --url sqlite:////tmp/tfbench/team_1000000.db --minutes 60
    python -m bench.gui_session --rows 1000000 --backend postgresql --minutes 15

One round of the script: scroll 2,000 rows down the list and back to the top, type a search letter by
letter (a rotating set: common word, order number, 2-character code, no match) and clear it, open three
tickets (their threads), switch to the dashboard and back. Rounds repeat until the time is up. A QTimer
heartbeat records how late the event loop runs (kept as histograms, so the bench does not grow the
process it measures); the resident memory and where it is (anonymous and file pages, malloc's used and
free, Python's blocks, live QObjects) are sampled each minute. Printed: the stall max and p99 per phase and
over all, and memory per minute with the growth after minute 10.
Launch is not part of it (bench/gui.py measures launch).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench.gui import (
    Heartbeat,
    LatenessHistogram,
    StallSampler,
    _isolate,
    pump,
    show_main_window,
    wait_until,
    wheel,
)

TERMS = ("error", "#47", "A1", "refund", "zqxv")
KEY_GAP_MS = 120
SCROLL_ROWS = 2000
WHEEL_NOTCHES = 40
TICKETS_OPENED = 3
TARGET_MAX_MS = 33.0
TARGET_P99_MS = 16.0
TARGET_MEMORY_MB = 300.0


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            *("arena", "ordblks", "smblks", "hblks", "hblkhd"),
            *("usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"),
        )
    ]


def _memory_parts(window) -> dict[str, float]:
    """The resident memory now (not the peak) and where it is (MB unless said), to tell a leak from the
    allocator keeping freed memory or from library pages touched for the first time: anonymous and
    file-backed resident memory (/proc), what C and C++ code holds through malloc and what malloc keeps
    free (glibc's mallinfo2, every arena), Python's allocated blocks (thousands), the window's QObjects."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    parts = {
        "resident": int(status["VmRSS"].split()[0]) / 1024,
        "anon": int(status["RssAnon"].split()[0]) / 1024,
        "file": int(status["RssFile"].split()[0]) / 1024,
    }
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):  # not glibc 2.33+
        pass
    else:
        mallinfo2.restype = _MallInfo2
        info = mallinfo2()
        parts["malloc used"] = (info.uordblks + info.hblkhd) / 2**20
        parts["malloc free"] = info.fordblks / 2**20
    parts["py blocks k"] = sys.getallocatedblocks() / 1000
    parts["qobjects"] = float(len(window.findChildren(QObject)) + len(QApplication.topLevelWidgets()))
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui_session", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an existing database (else --rows/--backend, seeded by bench.service)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1")
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--trace", action="store_true", help="print where Python's memory grew after round 2")
    parser.add_argument("--why", action="store_true", help="sample the GUI thread's stack during each stall")
    args = parser.parse_args(argv)
    _isolate()

    url = args.url
    if url is None:
        from bench.service import prepare

        database, _ = prepare(args.backend, args.rows, args.pg_url)
        url = database.url
        database.dispose()

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    app, context, window = show_main_window()
    context.open(url)
    tab = window.tickets_tab
    if not wait_until(lambda: tab.model.rowCount() > 0, 120):
        print("MISSING: no rows in the tickets table within 120 s")
        os._exit(1)
    view = tab.table
    edits = [e for e in tab.findChildren(QLineEdit) if e.accessibleName() == "Search tickets"]
    if not edits:
        print("MISSING: no search field named 'Search tickets'")
        os._exit(1)
    search = edits[0]
    panel = tab.detail.conversation

    def idle() -> bool:
        return not tab.model.is_fetching() and not context.tasks.is_busy()

    beat = Heartbeat()
    sampler = StallSampler(beat) if args.why else None
    phases: dict[str, LatenessHistogram] = defaultdict(LatenessHistogram)
    durations: dict[str, list[float]] = defaultdict(list)
    timeouts: dict[str, int] = defaultdict(int)

    def phase(name: str, action) -> None:
        beat.take()  # between phases: nobody's
        began = time.perf_counter()
        action()
        durations[name].append(time.perf_counter() - began)
        phases[name].add(beat.take())

    def until(what: str, condition, timeout_s: float) -> None:
        if not wait_until(condition, timeout_s):
            timeouts[what] += 1

    def scroll() -> None:
        viewport = view.viewport()
        start = time.perf_counter()
        while tab.model.rowCount() < SCROLL_ROWS and time.perf_counter() - start < 60:
            QApplication.sendEvent(viewport, wheel(viewport, WHEEL_NOTCHES))
            pump(0.016)
        for _ in range(10):
            QApplication.sendEvent(viewport, wheel(viewport, WHEEL_NOTCHES))
            pump(0.016)
        view.scrollToTop()
        pump(0.2)

    def type_search(term: str) -> None:
        window.find_tickets()
        for ch in term:
            QTest.keyClicks(search, ch)
            pump(KEY_GAP_MS / 1000)
        until("search results", lambda: tab.model.filter.search_term == term and idle(), 30)
        pump(0.5)
        search.clear()
        until("search cleared", lambda: not tab.model.filter.search_term and idle(), 30)

    def open_tickets(offset: int) -> None:
        for n in range(TICKETS_OPENED):
            row = (offset * TICKETS_OPENED + n) % max(1, min(50, tab.model.rowCount()))
            ticket = tab.model.ticket_at(row)
            if ticket is None:
                continue
            view.selectRow(row)
            until("thread open", lambda t=ticket: panel.ticket_id == t.id and idle(), 10)
            pump(0.3)

    def dashboard() -> None:
        window.tabs.setCurrentWidget(window.dashboard_tab)
        # Its data comes once, then again only when tickets change: wait for the first load only.
        until("dashboard data", lambda: getattr(window.dashboard_tab, "loads", 0) >= 1, 30)
        pump(0.5)
        window.tabs.setCurrentWidget(tab)
        pump(0.3)

    start = time.perf_counter()
    memory: list[tuple[float, dict[str, float]]] = [(0.0, _memory_parts(window))]
    rounds = 0
    deadline = start + args.minutes * 60
    while time.perf_counter() < deadline:
        phase("scroll", scroll)
        phase("search", lambda r=rounds: type_search(TERMS[r % len(TERMS)]))
        phase("open tickets", lambda r=rounds: open_tickets(r))
        phase("switch tabs", dashboard)
        rounds += 1
        if args.trace and rounds == 2:
            import tracemalloc

            tracemalloc.start(8)
            baseline = tracemalloc.take_snapshot()
        minute = (time.perf_counter() - start) / 60
        if minute - memory[-1][0] >= 1.0:
            memory.append((minute, _memory_parts(window)))
            resident = memory[-1][1]["resident"]
            print(f"  minute {minute:5.1f}: {resident:6.0f} MB, {rounds} rounds", file=sys.stderr, flush=True)
    memory.append(((time.perf_counter() - start) / 60, _memory_parts(window)))
    if args.trace and rounds > 2:
        import tracemalloc

        grown = tracemalloc.take_snapshot().compare_to(baseline, "traceback")
        print("\nPython memory grown since round 2 (tracemalloc):")
        for stat in grown[:12]:
            print(f"{stat.size_diff / 1024:+9.0f} KiB {stat.count_diff:+7d} blocks")
            for line in stat.traceback.format()[-6:]:
                print("     ", line)
    app.processEvents()

    print(f"\n== GUI session, {url.split('@')[-1]}, {args.minutes:g} min, {rounds} rounds (offscreen, 1280x800)")
    print(f"{'phase':<16} {'stall max':>10} {'p99':>8} {'target':>14} {'met':>4} {'phase time p50':>15}")
    every = LatenessHistogram()
    for name, late in phases.items():
        every.merge(late)
        worst, p99 = late.summary()
        met = "yes" if worst <= TARGET_MAX_MS and p99 <= TARGET_P99_MS else "NO"
        took = sorted(durations[name])[len(durations[name]) // 2]
        print(f"{name:<16} {worst:>8.0f} ms {p99:>5.0f} ms {'33 / 16 ms':>14} {met:>4} {took:>13.1f} s")
    worst, p99 = every.summary()
    met = "yes" if worst <= TARGET_MAX_MS and p99 <= TARGET_P99_MS else "NO"
    print(f"{'all':<16} {worst:>8.0f} ms {p99:>5.0f} ms {'33 / 16 ms':>14} {met:>4}")
    for what, n in timeouts.items():
        print(f"TIMED OUT: {what} ({n} times)")
    names = [name for name in memory[0][1] if name != "resident"]
    print(f"\n{'minute':>7} {'resident MB':>12}" + "".join(f" {name:>12}" for name in names))
    for minute, part in memory:
        print(f"{minute:>7.1f} {part['resident']:>12.0f}" + "".join(f" {part.get(name, 0.0):>12.1f}" for name in names))
    after_ten = [part["resident"] for minute, part in memory if minute >= 10]
    peak = max(part["resident"] for _, part in memory)
    print(f"peak {peak:.0f} MB (target ≤ {TARGET_MEMORY_MB:.0f}): {'yes' if peak <= TARGET_MEMORY_MB else 'NO'}")
    if len(after_ten) >= 2:
        print(f"growth from minute 10 to the end: {after_ten[-1] - after_ten[0]:+.0f} MB")
    if sampler is not None:
        sampler.stop()
        sampler.report()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (a PySide6 crash at exit, not ours to measure)


if __name__ == "__main__":
    sys.exit(main())
