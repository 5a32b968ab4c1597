"""SLA attainment from a summary (issue 21): settled tickets counted per (week settled (UTC), assignee,
outcome, group) in `sla_settled`, kept by triggers (storage/sla_settled_sql.py) and filled here from the
tickets with one INSERT ... SELECT ... GROUP BY. The dashboard's attainment reads at most a few thousand rows a
week instead of every settled ticket of the window.

On PostgreSQL the triggers are made before the fill, in this transaction: making them locks out every
writer of `tickets` until the commit, so no write falls between the count and the triggers. The read
policy and the grants come with the team schema (storage/team_sql.py), applied after every upgrade.

Expand only: an older app still counts from the tickets (0018's covering index stays for it).

Revision ID: 0019_sla_settled_summary
Revises: 0018_team_scale_indexes
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.scripts import execute_script
from ticketflow_desktop.storage.sla_settled_sql import PG_DROP_SQL, PG_SQL, SQLITE_TRIGGERS, fill_sql

revision = "0019_sla_settled_summary"
down_revision = "0018_team_scale_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sla_settled",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("assignee", sa.String(128), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("group_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("week", "assignee", "outcome", "group_id", name=op.f("pk_sla_settled")),
        sqlite_with_rowid=False,
    )
    dialect = dialect_of(op.get_bind())
    if dialect is Dialect.POSTGRESQL:
        execute_script(op.get_bind(), PG_SQL)
    else:
        for sql in SQLITE_TRIGGERS.values():
            op.execute(sql)
    op.execute(fill_sql(dialect))


def downgrade() -> None:
    if dialect_of(op.get_bind()) is Dialect.POSTGRESQL:
        execute_script(op.get_bind(), PG_DROP_SQL)
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("sla_settled")
