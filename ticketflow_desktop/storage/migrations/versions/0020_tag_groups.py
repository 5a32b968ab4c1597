"""A tag row knows its ticket's group (PostgreSQL): row-level security on `ticket_tags` tests the row
itself instead of probing `tickets` once per tag row read.

Before, the tags' policy was "the ticket is visible" (`EXISTS (SELECT 1 FROM tickets ...)`, itself under
the tickets' policy): at a million tickets, as an agent, counting a common tag's view probed `tickets`
for each of 14,000-95,000 tag rows (95-180 ms). Visibility is a matter of the group alone, so a copy of
the ticket's group on each tag row, kept by the database (storage/team_sql.py: set on insert, moved
with the ticket), lets the policy be the tickets' own test on the tag row, read from an index.

Expand only: an older app's tag writes get the group from the insert trigger (team_sql, applied after
every upgrade). SQLite has no row-level security: nothing changes there.

Revision ID: 0020_tag_groups
Revises: 0019_sla_settled_summary
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_tag_groups"
down_revision = "0019_sla_settled_summary"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.add_column("ticket_tags", sa.Column("ticket_group_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE ticket_tags tt SET ticket_group_id = t.group_id FROM tickets t "
        "WHERE t.id = tt.ticket_id AND t.group_id IS NOT NULL"
    )
    # The tag filter and its counts read the tag's rows with their group from the index alone.
    op.create_index(
        "ix_ticket_tags_tag_group", "ticket_tags", ["tag", "ticket_id"], postgresql_include=["ticket_group_id"]
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY IF EXISTS tf_read ON ticket_tags")
    op.execute("DROP POLICY IF EXISTS tf_remove ON ticket_tags")
    op.execute("DROP TRIGGER IF EXISTS tf_ticket_tag_group ON ticket_tags")
    op.execute("DROP TRIGGER IF EXISTS tf_ticket_group_moved ON tickets")
    op.drop_index("ix_ticket_tags_tag_group", table_name="ticket_tags")
    op.drop_column("ticket_tags", "ticket_group_id")
    ticket = "EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id)"
    op.execute(f"CREATE POLICY tf_read ON ticket_tags FOR SELECT USING ({ticket})")
    op.execute(f"CREATE POLICY tf_remove ON ticket_tags FOR DELETE USING ({ticket})")
