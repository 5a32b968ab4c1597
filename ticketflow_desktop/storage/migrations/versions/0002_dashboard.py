"""Dashboard summaries: status transitions per day and a histogram of resolution times.

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
        "status_flow",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("resolved", sa.BigInteger(), nullable=False),
        sa.Column("reopened", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("resolved >= 0 AND reopened >= 0", name=op.f("ck_status_flow_counts")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_status_flow")),
    )
    op.create_table(
        "resolution_times",
        sa.Column("bucket", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_resolution_times_n")),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_resolution_times")),
    )
    # Existing databases get their summaries from the event history, in the same transaction.
    from sqlalchemy.orm import Session

    from ticketflow_desktop.storage.analytics import rebuild_summaries

    rebuild_summaries(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.drop_table("resolution_times")
    op.drop_table("status_flow")
