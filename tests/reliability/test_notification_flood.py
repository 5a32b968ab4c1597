"""Notifications are hints: anyone who can connect may flood the channel, and an open window then
refreshes at most once per coalescing interval, never once per notification."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, event, make_url, text

from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.live.coalesce import INTERVAL_S
from ticketflow_desktop.storage.changes import CHANNEL
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings

FLOOD = 20_000
BURSTS = 20  # one transaction each, spread over about two seconds


def test_a_flood_of_notifications_costs_a_few_refreshes(qtbot: QtBot, pg_url: str, tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    context, window = build_window(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(context.database_opened, timeout=15_000):
        context.open(pg_url)
    assert context.service is not None
    ticket = context.service.create(TicketDraft("Printer", "Jams", Category.GENERAL, Priority.LOW))
    qtbot.waitUntil(lambda: window.live.feed is not None and window.live.feed.connected.is_set(), timeout=10_000)
    qtbot.wait(500)  # the window's own first reads are done
    context.tasks.wait_idle()

    reports: list[object] = []
    statements: list[str] = []
    context.tickets_changed.connect(reports.append)
    engine = context.service.database.engine
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    attacker = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg2"), isolation_level="AUTOCOMMIT")
    started = time.monotonic()
    try:
        with attacker.connect() as connection:
            per_burst = FLOOD // BURSTS
            for burst in range(BURSTS):
                # Half name the real ticket, half are garbage the app cannot read.
                connection.execute(
                    text(
                        "SELECT pg_notify(:channel, CASE WHEN g % 2 = 0 THEN :id ELSE 'x' || g END)"
                        " FROM generate_series(:first, :last) g"
                    ),
                    {
                        "channel": CHANNEL,
                        "id": str(ticket.id),
                        "first": burst * per_burst,
                        "last": (burst + 1) * per_burst - 1,
                    },
                )
                qtbot.wait(100)
    finally:
        attacker.dispose()
    qtbot.wait(1000)  # the last coalesced report arrives and its refreshes finish
    context.tasks.wait_idle()
    elapsed = time.monotonic() - started

    allowed_reports = elapsed / INTERVAL_S + 2
    assert 1 <= len(reports) <= allowed_reports, (len(reports), elapsed)
    assert all(r.ids == frozenset({ticket.id}) for r in reports)  # garbage never became "unknown, reload all"
    # A refresh of the visible views is a few statements; 20,000 notifications must not mean 20,000.
    assert len(statements) <= 12 * allowed_reports, len(statements)
    print(f"\nflood: {FLOOD} notifications in {elapsed:.1f} s -> {len(reports)} refreshes, {len(statements)} queries")

    # A quiet spell later, a single change is still reported at once.
    reports.clear()
    context.service.create(TicketDraft("Scanner", "Offline", Category.GENERAL, Priority.LOW))
    qtbot.waitUntil(lambda: len(reports) >= 1, timeout=5_000)
    context.close()
