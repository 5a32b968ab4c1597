"""Throwaway PostgreSQL databases for the benchmarks: made anew, copied from a data set, dropped."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, make_url, text


def server_engine(url: str) -> Engine:
    """Statements about databases, on the server's own `postgres` database of `url`'s server."""
    return create_engine(
        make_url(url).set(drivername="postgresql+psycopg2", database="postgres"), isolation_level="AUTOCOMMIT"
    )


def recreate_database(url: str, name: str, template: str | None = None) -> str:
    """`name` on `url`'s server, dropped if there and made anew: empty, or a copy of `template` (no session
    may be connected to it meanwhile). Returns its URL."""
    server = server_engine(url)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    server.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str, name: str) -> None:
    """`name` on `url`'s server gone, its sessions ended."""
    server = server_engine(url)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    server.dispose()
