"""Saved replies (macros).

Revision ID: 0007_macros
Revises: 0006_conversation
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_macros"
down_revision = "0006_conversation"
branch_labels = None
depends_on = None


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "macros",
        sa.Column("id", id_type, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("priority", sa.String(16), nullable=True),
        sa.Column("category", sa.String(16), nullable=True),
        sa.Column("owner", sa.String(128), nullable=False),
        sa.Column("shared", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 100", name=op.f("ck_macros_name_length")),
        sa.CheckConstraint("length(body) BETWEEN 1 AND 100000", name=op.f("ck_macros_body_length")),
        sa.CheckConstraint(
            "status IS NULL OR " + _in("status", ("open", "in_progress", "resolved", "closed")),
            name=op.f("ck_macros_status"),
        ),
        sa.CheckConstraint(
            "priority IS NULL OR " + _in("priority", ("low", "medium", "high", "critical")),
            name=op.f("ck_macros_priority"),
        ),
        sa.CheckConstraint(
            "category IS NULL OR " + _in("category", ("billing", "technical", "account", "general")),
            name=op.f("ck_macros_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_macros")),
        sa.UniqueConstraint("name", name=op.f("uq_macros_name")),
    )
    # PostgreSQL's trigger, grants and policies: storage/team_sql.py, applied after the upgrade.


def downgrade() -> None:
    op.drop_table("macros")
