"""SQLite change feed: poll `PRAGMA data_version` on a connection of our own, then read new events.

`data_version` changes when another connection commits; `ticket_events` (append-only, one row per
change) then says which tickets changed since the last event we saw.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import make_url

from ticketflow_desktop.live.feed import Callback, ThreadedFeed

log = logging.getLogger(__name__)

POLL_S = 0.5
# More new events than this in one poll (an import) is reported as "unknown".
MAX_IDS = 2000


class SqliteFeed(ThreadedFeed):
    name = "ticketflow-live-sqlite"

    def __init__(self, url: str, callback: Callback, interval_s: float = POLL_S) -> None:
        super().__init__(callback)
        self._path = make_url(url).database or ""
        self._interval = interval_s

    errors = (sqlite3.Error,)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path, timeout=5, isolation_level=None, check_same_thread=False)

    def _follow(self, connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA query_only = ON")
        last_event = connection.execute("SELECT coalesce(max(id), 0) FROM ticket_events").fetchone()[0]
        version = connection.execute("PRAGMA data_version").fetchone()[0]
        while not self._stopping.wait(self._interval):
            now = connection.execute("PRAGMA data_version").fetchone()[0]
            if now == version:
                continue
            version = now
            rows = connection.execute(
                "SELECT id, ticket_id FROM ticket_events WHERE id > ? ORDER BY id LIMIT ?",
                (last_event, MAX_IDS + 1),
            ).fetchall()
            if not rows:
                continue
            if len(rows) > MAX_IDS:
                last_event = connection.execute("SELECT max(id) FROM ticket_events").fetchone()[0]
                self._emit(None)
                continue
            last_event = rows[-1][0]
            self._emit(frozenset(ticket_id for _, ticket_id in rows))
