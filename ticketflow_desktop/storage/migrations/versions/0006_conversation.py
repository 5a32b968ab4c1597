"""Working a ticket: requesters (customers), an assignee, and the thread of messages.

Expand only: new tables and nullable columns (schema_meta.min_app_version stays).

Revision ID: 0006_conversation
Revises: 0005_team
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from ticketflow_desktop.storage.tables import MESSAGE_KINDS_SQL

revision = "0006_conversation"
down_revision = "0005_team"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "customers",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("email_key", sa.String(320), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=True),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 200", name=op.f("ck_customers_name_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("email_key", name=op.f("uq_customers_email_key")),
    )
    op.create_index("ix_customers_name", "customers", ["name"])
    op.create_index("ix_customers_organisation", "customers", ["organisation"])
    op.create_table(
        "messages",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()") if postgresql else None
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("customer_id", _id(), nullable=True),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(f"kind IN ({MESSAGE_KINDS_SQL})", name=op.f("ck_messages_kind")),
        sa.CheckConstraint("length(body) BETWEEN 1 AND 100000", name=op.f("ck_messages_body_length")),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_messages_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_messages_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index("ix_messages_ticket", "messages", ["ticket_id", "id"])
    if postgresql:
        op.add_column(
            "tickets",
            sa.Column(
                "requester_id",
                _id(),
                sa.ForeignKey("customers.id", name="fk_tickets_requester_id_customers"),
                nullable=True,
            ),
        )
    else:  # SQLite adds a column's reference only in the column itself
        op.execute("ALTER TABLE tickets ADD COLUMN requester_id INTEGER REFERENCES customers (id)")
    op.add_column("tickets", sa.Column("assignee", sa.String(128), nullable=True))
    op.create_index("ix_tickets_assignee_created", "tickets", ["assignee", "created_at", "id"])
    op.create_index("ix_tickets_requester_created", "tickets", ["requester_id", "created_at", "id"])
    with op.batch_alter_table("ticket_events") as batch:
        batch.drop_constraint(op.f("ck_ticket_events_field"), type_="check")
        batch.create_check_constraint(
            "field",
            "field IN ('created', 'title', 'description', 'category', 'priority', 'status', 'group', 'assignee',"
            " 'requester')",
        )
    # PostgreSQL's triggers, grants and policies for these: storage/team_sql.py, applied after the upgrade.


def downgrade() -> None:
    with op.batch_alter_table("ticket_events") as batch:
        batch.drop_constraint(op.f("ck_ticket_events_field"), type_="check")
        batch.create_check_constraint(
            "field", "field IN ('created', 'title', 'description', 'category', 'priority', 'status', 'group')"
        )
    op.drop_index("ix_tickets_requester_created", table_name="tickets")
    op.drop_index("ix_tickets_assignee_created", table_name="tickets")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS tf_message_before_insert ON messages")
        op.drop_column("tickets", "assignee")
        op.drop_column("tickets", "requester_id")
    else:
        op.execute("ALTER TABLE tickets DROP COLUMN assignee")
        op.execute("ALTER TABLE tickets DROP COLUMN requester_id")
    op.drop_table("messages")
    op.drop_table("customers")
