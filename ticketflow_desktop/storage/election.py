"""Who fetches the team mailbox: exactly one app at a time, elected by PostgreSQL.

`pg_try_advisory_lock` on a connection of its own, held while fetching. When that app quits (or its
connection drops), PostgreSQL frees the lock and the next app that asks gets it. On SQLite (one
person's file) the one app is always elected.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from ticketflow_desktop.storage.engine import Database

log = logging.getLogger(__name__)

# One constant for the whole team: 'TFMAIL' as a number; other users of advisory locks pick others.
MAIL_FETCH_LOCK = 0x5446_4D41_494C


class FetchElection:
    """`try_lead()` is cheap to call every round: it answers from the held connection once elected.

    Only an app whose login sees every group's tickets (a lead's or an administrator's) stands: the
    fetcher threads a customer's answer onto any ticket and mails the replies of every ticket, and
    row-level security would hide the other groups' tickets and replies from an agent's app."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._connection: Connection | None = None
        self._may: bool | None = None

    def may_fetch(self) -> bool:
        """Whether this login sees every ticket (asked once; always on one person's SQLite file)."""
        if self.database.is_sqlite:
            return True
        if self._may is None:
            with self.database.engine.connect() as connection:
                self._may = bool(connection.execute(text("SELECT tf_sees_all()")).scalar())
            if not self._may:
                log.info("this login sees only its groups' tickets: a lead's or an administrator's app fetches mail")
        return self._may

    def try_lead(self) -> bool:
        if self.database.is_sqlite:
            return True
        if not self.may_fetch():
            return False
        if self._connection is not None:
            if self._still_held():
                return True
            self.release()
        connection = self.database.engine.connect()
        try:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": MAIL_FETCH_LOCK}).scalar()
            connection.commit()  # the lock is the session's, not the transaction's: keep no transaction open
        except DBAPIError:
            connection.close()
            raise
        if got:
            self._connection = connection
            log.info("elected to fetch the team mailbox")
            return True
        connection.close()
        return False

    def _still_held(self) -> bool:
        assert self._connection is not None
        try:
            held = self._connection.execute(
                text(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                    " AND granted AND ((classid::bigint << 32) | objid::bigint) = :key)"
                ),
                {"key": MAIL_FETCH_LOCK},
            ).scalar()
            self._connection.commit()
            return bool(held)
        except DBAPIError:
            return False  # the connection dropped: the lock went with it

    def release(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.invalidate()  # closes the server session: the lock is freed with it
        finally:
            self._connection = None

    @property
    def leading(self) -> bool:
        return self._connection is not None or self.database.is_sqlite
