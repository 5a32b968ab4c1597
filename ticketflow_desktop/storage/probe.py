"""Database URLs for the settings dialog: passwords kept apart from the URL, and a connection test.

The password lives in the keyring; it joins the URL only in memory, right before opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import make_url, text
from sqlalchemy.exc import ArgumentError

from ticketflow_desktop import config
from ticketflow_desktop.domain.errors import StorageUnavailable
from ticketflow_desktop.storage.dialect import Dialect, backend_of, dialect_of
from ticketflow_desktop.storage.engine import create_engine_for, mask_url
from ticketflow_desktop.storage.errors import describe


def split_secrets(url: str) -> tuple[str, dict[str, str]]:
    """(the URL without any secret, its secrets by name): the password of user:password@ and the query's
    ?password= and ?sslpassword= (config.SECRET_QUERY_KEYS; a ?password= counts only without the other)."""
    parsed = make_url(url)
    secrets: dict[str, str] = {}
    if parsed.password is not None:
        secrets["password"] = str(parsed.password)
        # URL.set() ignores None, so replace the field of the named tuple directly.
        parsed = parsed._replace(password=None)
    query = dict(parsed.query)
    for key in [k for k in query if k.lower() in config.SECRET_QUERY_KEYS]:
        value = query.pop(key)
        secrets.setdefault(key.lower(), value if isinstance(value, str) else value[0])
    if not secrets:
        return url, {}
    return parsed.set(query=query).render_as_string(hide_password=False), secrets


def with_secrets(url: str, secrets: Mapping[str, str | None]) -> str:
    """`url` with the secrets put in (each only where the URL has none of its own; never into SQLite)."""
    wanted = {name: value for name, value in secrets.items() if value}
    if not wanted:
        return url
    parsed = make_url(url)
    if backend_of(parsed) is Dialect.SQLITE:
        return url
    if "password" in wanted and parsed.password is None:
        parsed = parsed.set(password=wanted.pop("password"))
    query = {k.lower() for k in parsed.query}
    extra = {name: value for name, value in wanted.items() if name != "password" and name not in query}
    if extra:
        parsed = parsed.update_query_dict(extra)
    return parsed.render_as_string(hide_password=False)


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its secrets, the password or None)."""
    bare, secrets = split_secrets(url)
    return bare, secrets.get("password")


def with_password(url: str, password: str | None) -> str:
    """`url` with `password` put in (only when it has none of its own and is not SQLite)."""
    return with_secrets(url, {"password": password})


def check_url(url: str) -> str | None:
    """A message when `url` is not a database URL we can open, else None."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "This is not a database URL: use postgresql://user@host/database or sqlite:///path."
    backend = backend_of(parsed)
    if backend is None:
        return f"Unsupported database {parsed.get_backend_name()!r}: use PostgreSQL or SQLite."
    if backend is Dialect.POSTGRESQL and not parsed.host:
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
    if backend_of(parsed) is Dialect.SQLITE and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database).expanduser()
        if not path.exists():
            if not path.parent.exists() and not path.parent.parent.exists():
                raise StorageUnavailable(f"The folder {path.parent} does not exist.")
            return "SQLite — the file does not exist yet and will be created"
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            if dialect_of(engine) is Dialect.SQLITE:
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
