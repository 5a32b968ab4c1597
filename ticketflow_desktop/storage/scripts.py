"""SQL scripts of several statements (functions, triggers, policies), run as written."""

from __future__ import annotations

from sqlalchemy import Connection


def execute_script(connection: Connection, sql: str) -> None:
    """Through the driver's own cursor: the script's % and : are PostgreSQL's, not bind parameters."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()
