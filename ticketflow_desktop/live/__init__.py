"""Change feeds (no Qt): tell which tickets other clients changed, for live-updating views.

PostgreSQL: LISTEN/NOTIFY. SQLite: polling `PRAGMA data_version` and the events table.
"""

from __future__ import annotations

from sqlalchemy import make_url

from ticketflow_desktop.live.feed import Callback, ChangedIds, ThreadedFeed


def open_feed(url: str, callback: Callback, presence: Callback | None = None) -> ThreadedFeed:
    """A (not yet started) feed for the database at `url`; `presence` hears presence hints (PostgreSQL:
    SQLite is one person's, with nobody else to be present)."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        from ticketflow_desktop.live.sqlite import SqliteFeed

        return SqliteFeed(url, callback)
    if backend in ("postgresql", "postgres"):
        from ticketflow_desktop.live.postgres import PostgresFeed

        return PostgresFeed(url, callback, presence)
    raise ValueError(f"no change feed for '{backend}' databases")


__all__ = ["Callback", "ChangedIds", "ThreadedFeed", "open_feed"]
