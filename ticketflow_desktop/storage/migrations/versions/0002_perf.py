"""Performance: a resolution-time histogram kept on write, so the dashboard median stays cheap.

Revision ID: 0002_perf
Revises: 0002_dashboard
Create Date: 2026-11-29
"""

import math

import sqlalchemy as sa
from alembic import op

revision = "0002_perf"
down_revision = "0002_dashboard"
branch_labels = None
depends_on = None

STEPS_PER_DOUBLING = 64  # 64 log-scale buckets per doubling of the time, ~1% wide


def _bucket(seconds: float) -> int:
    return 0 if seconds < 1 else 1 + int(math.log2(seconds) * STEPS_PER_DOUBLING)


def upgrade() -> None:
    table = op.create_table(
        "resolution_counts",
        sa.Column("bucket", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_resolution_counts_n")),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_resolution_counts")),
    )
    # Backfill from the history: each ticket's first resolved/closed event after its creation.
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        seconds = "extract(epoch from f.at - t.created_at)"
    else:
        seconds = "(julianday(f.at) - julianday(t.created_at)) * 86400.0"
    rows = bind.execute(
        sa.text(
            f"SELECT {seconds} FROM (SELECT ticket_id, min(at) AS at FROM ticket_events "
            "WHERE field = 'status' AND new_value IN ('resolved', 'closed') GROUP BY ticket_id) f "
            "JOIN tickets t ON t.id = f.ticket_id"
        )
    )
    histogram: dict[int, list[float]] = {}
    for (value,) in rows:
        entry = histogram.setdefault(_bucket(float(value)), [0, 0.0])
        entry[0] += 1
        entry[1] += float(value)
    if histogram:
        op.bulk_insert(table, [{"bucket": b, "n": n, "seconds": s} for b, (n, s) in sorted(histogram.items())])


def downgrade() -> None:
    op.drop_table("resolution_counts")
