"""An optional external id per ticket (unique when present): importing a file twice adds nothing twice.

Revision ID: 0004_external_id
Revises: 0003_one_set_of_summaries
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_external_id"
down_revision = "0003_one_set_of_summaries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE and CREATE INDEX on both backends: a batch rebuild of the SQLite table would
    # copy its generated columns, which SQLite refuses.
    op.add_column("tickets", sa.Column("external_id", sa.String(200), nullable=True))
    op.create_index("ix_tickets_external_id", "tickets", ["external_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_tickets_external_id", table_name="tickets")
    op.drop_column("tickets", "external_id")
