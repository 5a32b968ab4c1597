"""Attachments: the files that came with a customer's mail, kept with the ticket. Expand only: one table.

Revision ID: 0016_attachments
Revises: 0015_sla_in_database
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from ticketflow_desktop.storage.tables import ATTACHMENT_SIZE_MAX

revision = "0016_attachments"
down_revision = "0015_sla_in_database"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "attachments",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("message_id", _id(), nullable=True),
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("content_type", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        # On PostgreSQL the database's time (an agent may not write this column); SQLite: the app's clock.
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            nullable=False,
            server_default=sa.text("now()") if postgresql else None,
        ),
        sa.CheckConstraint("length(filename) BETWEEN 1 AND 255", name=op.f("ck_attachments_filename_length")),
        sa.CheckConstraint(f"size BETWEEN 0 AND {ATTACHMENT_SIZE_MAX}", name=op.f("ck_attachments_size_cap")),
        sa.CheckConstraint("size = length(content)", name=op.f("ck_attachments_size_matches")),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_attachments_message_id_messages"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_attachments_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index("ix_attachments_ticket", "attachments", ["ticket_id", "id"])
    op.create_index("ix_attachments_message", "attachments", ["message_id"])
    # PostgreSQL's grants and row-level security for it: storage/team_sql.py, applied after the upgrade.


def downgrade() -> None:
    op.drop_table("attachments")
