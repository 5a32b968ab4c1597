"""The tickets in id order with their status and group, from an index alone (PostgreSQL): a tag's view
counted as an agent.

`tickets.id IN (the tag's tickets)` with a status is planned as a merge join along the tickets' primary
key; each ticket walked was a heap fetch for its status and for row-level security's group test. At a
million tickets, as an agent in 3 of 20 groups, the 'VIP, open' count walked 95,000 tickets for its 1,001:
35-40 ms, 15-22 ms with this index (an index-only scan). SQLite's rowid already is the id order, and its
counts meet their target.

Expand only: an older app reads and writes as before. Built in about 3 s at a million tickets.

Revision ID: 0021_tickets_id_cover
Revises: 0020_tag_groups
Create Date: 2026-12-04
"""

from alembic import op

revision = "0021_tickets_id_cover"
down_revision = "0020_tag_groups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index("ix_tickets_id_cover", "tickets", ["id"], postgresql_include=["status", "group_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_tickets_id_cover", table_name="tickets")
