"""PostgreSQL change feed: LISTEN on a dedicated psycopg2 connection in a thread.

Writers send `pg_notify('ticketflow_changes', '<ids>')` inside their transaction (storage/changes.py),
so a notification arrives only for committed changes. If the connection drops, the feed reconnects
with backoff and then reports one "unknown" change, since notifications sent meanwhile were lost.
"""

from __future__ import annotations

import logging
import select
import time

import psycopg2
import psycopg2.extensions
from sqlalchemy import make_url

from ticketflow_desktop.live.coalesce import Coalescer
from ticketflow_desktop.live.feed import Callback, ThreadedFeed
from ticketflow_desktop.storage.changes import CHANNEL, parse_payload, parse_presence

log = logging.getLogger(__name__)

WAIT_S = 0.25  # how long one select() waits: bounds how late stop() is noticed
PING_S = 10.0  # an idle connection is checked this often, so a silently dead one is noticed


def connect_kwargs(url: str) -> dict[str, object]:
    parsed = make_url(url)
    kwargs: dict[str, object] = parsed.translate_connect_args(username="user", database="dbname")
    kwargs.update(parsed.query)
    kwargs.update(
        connect_timeout=5,
        application_name="ticketflow-live",
        keepalives=1,
        keepalives_idle=10,
        keepalives_interval=5,
        keepalives_count=3,
    )
    return kwargs


class PostgresFeed(ThreadedFeed):
    name = "ticketflow-live-postgresql"

    def __init__(self, url: str, callback: Callback, presence: Callback | None = None) -> None:
        super().__init__(callback)
        self._kwargs = connect_kwargs(url)
        # Presence hints (who opened a ticket, who types) go to their own callback, coalesced apart.
        self._presence = presence

    def _emit_presence(self, ids: frozenset[int] | None) -> None:
        if self._presence is not None and not self._stopping.is_set():
            self._presence(ids)

    errors = (psycopg2.Error, OSError)

    def _connect(self) -> psycopg2.extensions.connection:
        connection = psycopg2.connect(**self._kwargs)
        try:
            connection.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
            with connection.cursor() as cursor:
                cursor.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _follow(self, connection: psycopg2.extensions.connection) -> None:
        last_heard = time.monotonic()
        reports = Coalescer(self._emit)
        presence = Coalescer(self._emit_presence)
        while not self._stopping.is_set():
            dues = [d for d in (reports.seconds_until_due(), presence.seconds_until_due()) if d is not None]
            readable, _, _ = select.select([connection], [], [], min([WAIT_S, *dues]))
            reports.flush_due()
            presence.flush_due()
            if not readable:
                if time.monotonic() - last_heard > PING_S:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT 1")
                    last_heard = time.monotonic()
                continue
            connection.poll()
            last_heard = time.monotonic()
            ignored = 0
            while connection.notifies:
                payload = connection.notifies.pop(0).payload
                try:
                    ticket_id = parse_presence(payload)
                    if ticket_id is not None:
                        presence.add(frozenset({ticket_id}))
                    else:
                        reports.add(parse_payload(payload))
                except ValueError:
                    ignored += 1  # not ours: a hint we cannot read is no reason to re-query
            if ignored:
                log.debug("ignored %d unreadable change notification(s)", ignored)
