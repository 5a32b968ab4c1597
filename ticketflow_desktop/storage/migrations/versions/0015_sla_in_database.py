"""On PostgreSQL a ticket's SLA figures are computed and kept by the database (issue 19): the
business-hour arithmetic and the SLA rules in PL/pgSQL, and triggers on tickets, messages, the
calendar and the policies that compute the figures and overwrite whatever a client writes into them
(storage/sla_sql.py says why overwrite, not refuse).

The same SQL is applied again with the team schema after every upgrade (storage/team_sql.py), like
the other triggers. No change on SQLite: there the client keeps the figures (services/sla.py).
Expand only: no column or privilege goes; an app from before this revision keeps working (the figures
it still stores after each write are replaced by the database's), so schema_meta.min_app_version stays.
The figures already stored are kept as they are.

Revision ID: 0015_sla_in_database
Revises: 0014_mail
Create Date: 2026-12-03
"""

from alembic import op

from ticketflow_desktop.storage.scripts import execute_script
from ticketflow_desktop.storage.sla_sql import DROP_SQL, sla_schema_sql

revision = "0015_sla_in_database"
down_revision = "0014_mail"
branch_labels = None
depends_on = None


def _run(sql: str) -> None:
    execute_script(op.get_bind(), sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(sla_schema_sql())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # the client keeps the figures again
        _run(DROP_SQL)
