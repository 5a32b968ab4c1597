"""Unread marks (ticket_reads) and presence (who has a ticket open, who is typing).

On PostgreSQL the logins are stamped by the database and each agent may touch only their own rows:
defaults, triggers, grants and policies in storage/team_sql.py, applied after every upgrade.

Revision ID: 0012_reads_and_presence
Revises: 0011_sla
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_reads_and_presence"
down_revision = "0011_sla"
branch_labels = None
depends_on = None


def upgrade() -> None:
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "ticket_reads",
        sa.Column("login", sa.String(128), nullable=False),
        sa.Column("ticket_id", id_type, nullable=False),
        sa.Column("seen_event_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("seen_message_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_reads_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("login", "ticket_id", name=op.f("pk_ticket_reads")),
    )
    op.create_index("ix_ticket_reads_ticket", "ticket_reads", ["ticket_id"])
    op.create_table(
        "presence",
        sa.Column("login", sa.String(128), nullable=False),
        sa.Column("ticket_id", id_type, nullable=False),
        sa.Column("typing", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_presence_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("login", "ticket_id", name=op.f("pk_presence")),
    )
    op.create_index("ix_presence_ticket_seen", "presence", ["ticket_id", "seen_at"])


def downgrade() -> None:
    op.drop_index("ix_presence_ticket_seen", table_name="presence")
    op.drop_table("presence")
    op.drop_index("ix_ticket_reads_ticket", table_name="ticket_reads")
    op.drop_table("ticket_reads")
