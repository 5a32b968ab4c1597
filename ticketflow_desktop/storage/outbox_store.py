"""The durable local outbox: a small SQLite file of its own in the user data directory.

It holds writes (new tickets, edits, messages, assignments) until the main database has confirmed
them. It is separate from the main database on purpose: it must work exactly when the main
database (a server, or a file that is locked or on a full disk) does not. Every change is
committed with synchronous=FULL before the caller goes on, so a `kill -9` right after an enqueue loses nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ticketflow_desktop import config
from ticketflow_desktop.domain import OutboxKind, OutboxState
from ticketflow_desktop.domain.errors import StorageUnavailable

# The kinds are checked by the code that reads them (OutboxKind), not by the file: a CHECK here would
# need a table rebuild for every new kind.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target TEXT NOT NULL,          -- the database it is meant for (masked URL: never a password)
    kind TEXT NOT NULL,            -- an OutboxKind
    key TEXT NOT NULL UNIQUE,      -- idempotency key of the request
    ticket_id INTEGER,             -- for anything but a new ticket
    expected_version INTEGER,      -- for an edit
    payload TEXT NOT NULL,         -- JSON of the draft, the changes, the message or the assignee
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'failed')),
    message TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
"""
# user_version 1: `kind` lost its CHECK (create, update), so messages and assignments can wait too.
_SCHEMA_VERSION = 1
_UPGRADE_TO_1 = (
    """
BEGIN IMMEDIATE;
ALTER TABLE outbox RENAME TO outbox_v0;
"""
    + _SCHEMA
    + """
INSERT INTO outbox SELECT * FROM outbox_v0;
DROP TABLE outbox_v0;
PRAGMA user_version = 1;
COMMIT;
"""
)


@dataclass(frozen=True)
class OutboxRecord:
    id: int
    target: str
    kind: OutboxKind
    key: str
    ticket_id: int | None
    expected_version: int | None
    payload: dict[str, Any]
    state: OutboxState
    message: str
    attempts: int
    created_at: datetime


def default_outbox_path() -> Path:
    return config.data_dir() / "outbox.sqlite3"


class OutboxStore:
    """Thread-safe; each call is one committed transaction."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_outbox_path()
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = FULL")  # an enqueue survives a power cut
                _create_or_upgrade(connection)
            except (sqlite3.Error, OSError) as error:
                raise StorageUnavailable(f"The local outbox ({self.path}) cannot be opened: {error}") from error
            self._connection = connection
        return self._connection

    def _run(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self._connect().execute(sql, params)
            except sqlite3.Error as error:
                raise StorageUnavailable(f"The local outbox cannot be written: {error}") from error

    def add(
        self,
        target: str,
        kind: OutboxKind,
        key: str,
        payload: dict[str, Any],
        ticket_id: int | None = None,
        expected_version: int | None = None,
    ) -> int:
        cursor = self._run(
            "INSERT INTO outbox (target, kind, key, ticket_id, expected_version, payload, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (target, kind.value, key, ticket_id, expected_version, json.dumps(payload), datetime.now(UTC).isoformat()),
        )
        return int(cursor.lastrowid or 0)

    def get(self, record_id: int) -> OutboxRecord | None:
        rows = self._run(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (record_id,)).fetchall()
        return _record(rows[0]) if rows else None

    def all(self, target: str | None = None) -> list[OutboxRecord]:
        if target is None:
            rows = self._run(f"SELECT {_COLUMNS} FROM outbox ORDER BY id").fetchall()
        else:
            rows = self._run(f"SELECT {_COLUMNS} FROM outbox WHERE target = ? ORDER BY id", (target,)).fetchall()
        return [_record(r) for r in rows]

    def set_state(self, record_id: int, state: OutboxState, message: str = "", *, attempted: bool = True) -> None:
        self._run(
            "UPDATE outbox SET state = ?, message = ?, attempts = attempts + ? WHERE id = ?",
            (state.value, message, 1 if attempted else 0, record_id),
        )

    def update_payload(self, record_id: int, payload: dict[str, Any], expected_version: int | None = None) -> None:
        if expected_version is None:
            self._run("UPDATE outbox SET payload = ? WHERE id = ?", (json.dumps(payload), record_id))
        else:
            self._run(
                "UPDATE outbox SET payload = ?, expected_version = ? WHERE id = ?",
                (json.dumps(payload), expected_version, record_id),
            )

    def remove(self, record_id: int) -> None:
        self._run("DELETE FROM outbox WHERE id = ?", (record_id,))

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def _create_or_upgrade(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'outbox'").fetchone() is not None
    if not exists:
        connection.executescript(_SCHEMA + f"PRAGMA user_version = {_SCHEMA_VERSION};")
    elif version < 1:
        connection.executescript(_UPGRADE_TO_1)


_COLUMNS = "id, target, kind, key, ticket_id, expected_version, payload, state, message, attempts, created_at"


def _record(row: tuple[Any, ...]) -> OutboxRecord:
    return OutboxRecord(
        id=row[0],
        target=row[1],
        kind=OutboxKind(row[2]),
        key=row[3],
        ticket_id=row[4],
        expected_version=row[5],
        payload=json.loads(row[6]),
        state=OutboxState(row[7]),
        message=row[8],
        attempts=row[9],
        created_at=datetime.fromisoformat(row[10]),
    )
