"""On PostgreSQL a ticket's SLA figures are computed and kept by the database (issue 19): the
business-hour arithmetic and the SLA rules in PL/pgSQL, triggers on tickets, messages, the calendar
and the policies, and no agent's privilege on the SLA columns any more (storage/sla_sql.py says why).

The same SQL is applied again with the team schema after every upgrade (storage/team_sql.py), like
the other triggers. No change on SQLite: there the client keeps the figures (services/sla.py).
Expand only: the columns stay; an older app's own SLA writes are refused (its user is told), the
rest of it keeps working.

Revision ID: 0015_sla_in_database
Revises: 0014_mail
Create Date: 2026-12-03
"""

from alembic import op

from ticketflow_desktop.storage.sla_sql import DROP_SQL, SLA_COLUMNS, sla_schema_sql

revision = "0015_sla_in_database"
down_revision = "0014_mail"
branch_labels = None
depends_on = None

_AGENT = "ticketflow_agent"
_ADMIN = "ticketflow_admin"


def _run(sql: str) -> None:
    """Through the driver's own cursor: the SQL's % and : are PostgreSQL's, not bind parameters."""
    dbapi = op.get_bind().connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def _roles_exist() -> bool:
    return bool(
        op.get_bind()
        .exec_driver_sql(f"SELECT count(*) = 2 FROM pg_roles WHERE rolname IN ('{_AGENT}', '{_ADMIN}')")
        .scalar()
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _run(sla_schema_sql())
    if _roles_exist():  # a database made before the team schema gets its roles with it (team_sql)
        columns = ", ".join(SLA_COLUMNS)
        _run(f"REVOKE UPDATE ({columns}) ON tickets FROM {_AGENT}; GRANT UPDATE ({columns}) ON tickets TO {_ADMIN};")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _run(DROP_SQL)
    if _roles_exist():  # the client keeps the figures again: agents write them
        _run(f"GRANT UPDATE ({', '.join(SLA_COLUMNS)}) ON tickets TO {_AGENT};")
