"""The user interface's door to the database's setup: open, describe, probe, and the URL's secrets.

The UI imports no storage module (an import-linter contract says so); what it needs of the engine,
the probe and the outbox's file comes through here. Functions that read the keyring say so: call
them in a worker (ui/ops.py), never on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from ticketflow_desktop import config
from ticketflow_desktop.services.health import ping
from ticketflow_desktop.storage.engine import Database, default_sqlite_url, describe_url, mask_url, open_database
from ticketflow_desktop.storage.outbox_store import OutboxStore
from ticketflow_desktop.storage.probe import check_url, probe_connection, split_secrets, with_secrets

__all__ = [
    "DATABASE_SECRETS",
    "Database",
    "OutboxStore",
    "check_url",
    "connect_url",
    "default_sqlite_url",
    "describe_url",
    "mask_url",
    "open_database",
    "open_outbox_store",
    "ping",
    "probe_connection",
    "saved_database_secrets",
    "split_secrets",
    "with_secrets",
]

# A database URL's secrets (split_secrets' names) and their names in the keyring.
DATABASE_SECRETS = {
    "password": config.SECRET_DATABASE_PASSWORD,
    "sslpassword": config.SECRET_DATABASE_SSLPASSWORD,
}


def open_outbox_store(path: Path | None = None) -> OutboxStore:
    """The local file where writes wait while the database is away (the default path when None)."""
    return OutboxStore(path)


def saved_database_secrets() -> dict[str, str | None]:
    """The saved database URL's secrets, by their names in a URL. Reads the keyring: in a worker."""
    return {name: config.get_secret(key) for name, key in DATABASE_SECRETS.items()}


def connect_url(url: str | None, from_env: bool) -> str | None:
    """The URL to open: a stored one with the keyring's secrets joined in (in memory only); one from the
    environment as it is. Reads the keyring: in a worker."""
    if url is None or from_env:
        return url
    return with_secrets(url, saved_database_secrets())
