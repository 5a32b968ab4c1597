"""Dashboard summaries: created/resolved/reopened per day, current totals, resolution-time histogram.

Revision ID: 0002_dashboard
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_dashboard"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daily_flow",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created", sa.BigInteger(), nullable=False),
        sa.Column("resolved", sa.BigInteger(), nullable=False),
        sa.Column("reopened", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("created >= 0 AND resolved >= 0 AND reopened >= 0", name=op.f("ck_daily_flow_counts")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_flow")),
    )
    op.create_table(
        "ticket_totals",
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_ticket_totals_n")),
        sa.PrimaryKeyConstraint("category", "priority", "status", name=op.f("pk_ticket_totals")),
    )
    op.create_table(
        "resolution_times",
        sa.Column("bucket", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_resolution_times_n")),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_resolution_times")),
    )
    # An existing database gets its summaries from its tickets and their history, in this transaction.
    from ticketflow_desktop.storage.analytics import rebuild_summaries

    rebuild_summaries(op.get_bind())


def downgrade() -> None:
    op.drop_table("resolution_times")
    op.drop_table("ticket_totals")
    op.drop_table("daily_flow")
