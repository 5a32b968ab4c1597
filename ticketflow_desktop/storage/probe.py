"""Database URLs for the settings dialog: passwords kept apart from the URL, and a connection test.

The password lives in the keyring; it joins the URL only in memory, right before opening.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import make_url, text
from sqlalchemy.exc import ArgumentError

from ticketflow_desktop.domain.errors import StorageUnavailable
from ticketflow_desktop.storage.engine import create_engine_for, mask_url
from ticketflow_desktop.storage.errors import describe


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None)."""
    parsed = make_url(url)
    password = parsed.password
    if password is None:
        return url, None
    # URL.set() ignores None, so replace the field of the named tuple directly.
    return parsed._replace(password=None).render_as_string(hide_password=False), str(password)


def with_password(url: str, password: str | None) -> str:
    """`url` with `password` put in (only when it has none of its own and is not SQLite)."""
    if not password:
        return url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" or parsed.password is not None:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def check_url(url: str) -> str | None:
    """A message when `url` is not a database URL we can open, else None."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "This is not a database URL: use postgresql://user@host/database or sqlite:///path."
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql", "postgres"):
        return f"Unsupported database {backend!r}: use PostgreSQL or SQLite."
    if backend != "sqlite" and not parsed.host:
        return "The PostgreSQL URL needs a host, e.g. postgresql://user@db.example.com/tickets."
    return None


def probe_connection(url: str) -> str:
    """Connect once (no schema upgrade) and return the server's version, e.g. "PostgreSQL 15.4".

    Raises StorageUnavailable with the plain-words reason and the driver's own first line (masked).
    """
    problem = check_url(url)
    if problem:
        raise StorageUnavailable(problem)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database).expanduser()
        if not path.exists():
            if not path.parent.exists() and not path.parent.parent.exists():
                raise StorageUnavailable(f"The folder {path.parent} does not exist.")
            return "SQLite — the file does not exist yet and will be created"
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                version = connection.execute(text("select sqlite_version()")).scalar_one()
                return f"SQLite {version}"
            version = connection.execute(text("show server_version")).scalar_one()
            return f"PostgreSQL {version}"
    except Exception as error:  # every failure becomes a message for the dialog
        original = str(getattr(error, "orig", None) or error).strip().splitlines()
        detail = original[0] if original else type(error).__name__
        detail = detail.replace(url, mask_url(url))
        raise StorageUnavailable(f"{describe(error)} ({detail})") from error
    finally:
        engine.dispose()
