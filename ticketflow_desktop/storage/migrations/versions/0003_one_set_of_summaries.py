"""One set of summaries: drop `ticket_counts` and `resolution_counts`.

The stats and the dashboard read the same numbers, so every write kept two summaries of each:
`ticket_counts` (per day × category × priority × status) beside `ticket_totals` + `daily_flow`, and
`resolution_counts` beside `resolution_times`. The dashboard's set answers both, from fewer rows, and
each write now updates one.

Revision ID: 0003_one_set_of_summaries
Revises: 0002_perf
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_one_set_of_summaries"
down_revision = "0002_perf"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("resolution_counts")
    op.drop_table("ticket_counts")


def downgrade() -> None:
    op.create_table(
        "ticket_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_ticket_counts_n")),
        sa.PrimaryKeyConstraint("day", "category", "priority", "status", name=op.f("pk_ticket_counts")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    day = "date(timezone('UTC', created_at))" if postgresql else "substr(created_at, 1, 10)"
    op.execute(
        f"INSERT INTO ticket_counts (day, category, priority, status, n) "
        f"SELECT {day}, category, priority, status, count(*) FROM tickets GROUP BY 1, 2, 3, 4"
    )
    # resolution_counts: created and backfilled exactly as its own migration does.
    script = op.get_context().script
    assert script is not None  # run by Alembic's command, which has its script directory
    script.get_revision("0002_perf").module.upgrade()
