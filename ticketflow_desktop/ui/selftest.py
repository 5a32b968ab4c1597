"""`ticketflow --self-test`: the whole app offscreen on a temporary database, exercised once.

Used on the frozen build to prove that migrations, resources, drivers and charts were bundled.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

TIMEOUT_S = 60


def _wait(predicate: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> bool:
    """Run the event loop until `predicate()` holds, checking every 20 ms.

    A nested QEventLoop, not a processEvents() loop: PySide6 6.12 leaks a reference to None on
    every processEvents() call and aborts the interpreter after a few thousand of them.
    """
    if predicate():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    poll = QTimer(interval=20)

    def check() -> None:
        if predicate() or time.monotonic() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return bool(predicate())


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ticketflow_desktop.domain import Category, Priority, TicketDraft, TicketFilter
    from ticketflow_desktop.ui.app import build_window, create_application
    from ticketflow_desktop.ui.changes import Change, ChangeKind
    from ticketflow_desktop.ui.settings import Settings
    from ticketflow_desktop.ui.theme import ThemeManager

    steps: list[str] = []
    # An exception in a slot or event handler (e.g. a chart module missing from a frozen build) goes
    # to sys.excepthook and the app carries on: the self-test must fail on it.
    unhandled: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, _tb: unhandled.append(f"{kind.__name__}: {value}")
    with tempfile.TemporaryDirectory(prefix="ticketflow-selftest-") as tmp:
        try:
            app = create_application()
            store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            settings = Settings(store)
            theme = ThemeManager(app, "light")
            context, window = build_window(settings, theme=theme)
            window.resize(1280, 800)
            window.show()
            context.open(f"sqlite:///{Path(tmp) / 'selftest.sqlite3'}")
            if not _wait(lambda: context.service is not None or context.state == "unreachable"):
                raise RuntimeError("the database did not open in time")
            if context.service is None:
                raise RuntimeError("the database could not be opened")
            steps.append("database opened and migrated")
            service = context.service
            ticket = service.create(
                TicketDraft("Self-test", "The self-test created this ticket.", Category.GENERAL, Priority.LOW)
            )
            steps.append(f"created ticket #{ticket.id}")
            found = service.page(TicketFilter(search="self-test")).tickets
            if [t.id for t in found] != [ticket.id]:
                raise RuntimeError(f"search found {[t.id for t in found]}, expected [{ticket.id}]")
            steps.append("listed and searched")
            stats = service.stats()
            if stats.total != 1:
                raise RuntimeError(f"stats counted {stats.total} tickets, expected 1")
            steps.append("computed stats")
            context.ops.announce(Change.of({ticket.id}, ChangeKind.CREATED))
            tickets = window.tickets_tab.model
            if not _wait(lambda: tickets.row_of(ticket.id) is not None, 20):
                raise RuntimeError("the Tickets tab did not show the created ticket")
            if tickets.index(tickets.row_of(ticket.id) or 0, 1).data() != "Self-test":
                raise RuntimeError("the Tickets tab showed the created ticket without its title")
            steps.append("Tickets tab showed it")
            for choice in ("light", "dark"):
                theme.set_choice(choice)
                for index in range(window.tabs.count()):
                    window.tabs.setCurrentIndex(index)
                    QTimer.singleShot(0, lambda: None)
                    _wait(lambda: not context.tasks.is_busy(), 20)
                    if window.grab().isNull():
                        raise RuntimeError(f"tab {window.tabs.tabText(index)} did not render")
            if unhandled:
                raise RuntimeError(f"unhandled error while rendering: {unhandled[0]}")
            steps.append("rendered every tab in both themes")
            window.close()
            context.close()
        except Exception as error:  # noqa: BLE001 - the self-test reports every failure the same way
            print(f"self-test FAILED after: {', '.join(steps) or 'nothing'}: {error}", file=sys.stderr)
            return 1
        finally:
            sys.excepthook = previous_hook
    print("self-test passed: " + "; ".join(steps))
    return 0
