"""A message carries the idempotency key of its outbox entry, so a reply whose commit succeeded but
whose answer was lost is not stored twice when the outbox sends it again.

Revision ID: 0009_message_key
Revises: 0008_message_search
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_message_key"
down_revision = "0008_message_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("messages", sa.Column("idempotency_key", sa.String(64), nullable=True))
    # A unique index rather than a constraint: SQLite adds it without rebuilding the table.
    op.create_index("ux_messages_idempotency_key", "messages", ["idempotency_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_messages_idempotency_key", table_name="messages")
    op.drop_column("messages", "idempotency_key")
