"""Tags on tickets and saved views (#19).

Expand only: new tables, and 'tags' allowed as a history field.

Revision ID: 0010_tags_and_views
Revises: 0009_message_key
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_tags_and_views"
down_revision = "0009_message_key"
branch_labels = None
depends_on = None

_FIELDS = ("created", "title", "description", "category", "priority", "status", "group", "assignee", "requester")


def _id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _field_check(fields: tuple[str, ...]) -> None:
    with op.batch_alter_table("ticket_events") as batch:
        batch.drop_constraint(op.f("ck_ticket_events_field"), type_="check")
        batch.create_check_constraint("field", f"field IN ({', '.join(repr(f) for f in fields)})")


def upgrade() -> None:
    op.create_table(
        "ticket_tags",
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("tag", sa.String(50), nullable=False),
        sa.CheckConstraint(
            "length(tag) BETWEEN 1 AND 50 AND tag NOT LIKE '% %' AND tag NOT LIKE '%,%'",
            name=op.f("ck_ticket_tags_tag"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_tags_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("ticket_id", "tag", name=op.f("pk_ticket_tags")),
    )
    op.create_index("ix_ticket_tags_tag", "ticket_tags", ["tag", "ticket_id"])
    op.create_table(
        "saved_views",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("owner", sa.String(128), nullable=False),
        sa.Column("shared", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 100", name=op.f("ck_saved_views_name_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_views")),
        sa.UniqueConstraint("owner", "name", name="uq_saved_views_owner_name"),
    )
    _field_check((*_FIELDS, "tags"))
    # PostgreSQL's triggers, grants and policies for these: storage/team_sql.py, applied after the upgrade.


def downgrade() -> None:
    op.execute("DELETE FROM ticket_events WHERE field = 'tags'")
    _field_check(_FIELDS)
    op.drop_table("saved_views")
    op.drop_index("ix_ticket_tags_tag", table_name="ticket_tags")
    op.drop_table("ticket_tags")
