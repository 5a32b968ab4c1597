"""The team model: agents, groups, who did what, and on PostgreSQL the roles, grants, triggers and
row-level security that make the database enforce it (storage/team_sql.py).

Expand only: every new column is nullable and every new table is new, so an app of the previous
schema keeps working against this one (schema_meta.min_app_version says so).

Revision ID: 0005_team
Revises: 0004_external_id
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_team"
down_revision = "0004_external_id"
branch_labels = None
depends_on = None

# The oldest app version that can use the schema as this migration leaves it.
# Apps before 0.2.0 write history and summaries themselves, which the triggers now do: they must not
# write to this schema.
MIN_APP_VERSION = "0.2.0"


def _id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "agents",
        sa.Column("login", sa.String(128), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.CheckConstraint("role IN ('viewer', 'agent', 'lead', 'admin')", name=op.f("ck_agents_role")),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_agents")),
    )
    op.create_table(
        "groups",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.CheckConstraint("length(name) BETWEEN 1 AND 100", name=op.f("ck_groups_name_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_groups_name")),
    )
    op.create_table(
        "agent_groups",
        sa.Column("login", sa.String(128), nullable=False),
        sa.Column("group_id", _id(), nullable=False),
        sa.ForeignKeyConstraint(
            ["login"], ["agents.login"], name=op.f("fk_agent_groups_login_agents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_agent_groups_group_id_groups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("login", "group_id", name=op.f("pk_agent_groups")),
    )
    op.create_table(
        "redactions",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_redactions_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redactions")),
    )
    op.create_index(op.f("ix_redactions_ticket_id"), "redactions", ["ticket_id"])
    op.create_table(
        "schema_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_schema_meta")),
    )
    op.bulk_insert(
        sa.table("schema_meta", sa.column("key", sa.String), sa.column("value", sa.Text)),
        [{"key": "min_app_version", "value": MIN_APP_VERSION}],
    )
    # Plain ALTER TABLE on both backends (a batch rebuild of `tickets` would copy its generated columns).
    if op.get_bind().dialect.name == "sqlite":  # SQLite adds a column's reference only in the column itself
        op.execute("ALTER TABLE tickets ADD COLUMN group_id INTEGER REFERENCES groups (id)")
    else:
        op.add_column(
            "tickets",
            sa.Column("group_id", _id(), sa.ForeignKey("groups.id", name="fk_tickets_group_id_groups"), nullable=True),
        )
    op.create_index("ix_tickets_group_created", "tickets", ["group_id", "created_at", "id"])
    op.add_column("ticket_events", sa.Column("actor", sa.String(128), nullable=True))
    op.add_column("ticket_events", sa.Column("written_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("ticket_events") as batch:
        batch.drop_constraint(op.f("ck_ticket_events_field"), type_="check")
        batch.create_check_constraint(
            "field", "field IN ('created', 'title', 'description', 'category', 'priority', 'status', 'group')"
        )
    if op.get_bind().dialect.name == "postgresql":
        # Server time from now on: the first version of tickets and events, stamped by the database.
        op.alter_column("tickets", "created_at", server_default=sa.text("now()"))
        op.alter_column("tickets", "updated_at", server_default=sa.text("now()"))
        op.alter_column("ticket_events", "at", server_default=sa.text("now()"))
        # The roles, grants, triggers and policies: applied by upgrade_to_head after every upgrade.


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "DROP TRIGGER IF EXISTS tf_ticket_before_insert ON tickets;"
            "DROP TRIGGER IF EXISTS tf_ticket_before_update ON tickets;"
            "DROP TRIGGER IF EXISTS tf_tickets_inserted ON tickets;"
            "DROP TRIGGER IF EXISTS tf_tickets_updated ON tickets;"
            "DROP TRIGGER IF EXISTS tf_event_before_insert ON ticket_events;"
            "DROP POLICY IF EXISTS tf_read ON tickets; DROP POLICY IF EXISTS tf_add ON tickets;"
            "DROP POLICY IF EXISTS tf_change ON tickets; DROP POLICY IF EXISTS tf_read ON ticket_events;"
            "ALTER TABLE tickets DISABLE ROW LEVEL SECURITY; ALTER TABLE ticket_events DISABLE ROW LEVEL SECURITY;"
        )
        op.alter_column("tickets", "created_at", server_default=None)
        op.alter_column("tickets", "updated_at", server_default=None)
        op.alter_column("ticket_events", "at", server_default=None)
    with op.batch_alter_table("ticket_events") as batch:
        batch.drop_constraint(op.f("ck_ticket_events_field"), type_="check")
        batch.create_check_constraint(
            "field", "field IN ('created', 'title', 'description', 'category', 'priority', 'status')"
        )
        batch.drop_column("written_at")
        batch.drop_column("actor")
    op.drop_index("ix_tickets_group_created", table_name="tickets")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE tickets DROP COLUMN group_id")
    else:
        op.drop_column("tickets", "group_id")
    for table in ("schema_meta", "redactions", "agent_groups", "groups", "agents"):
        op.drop_table(table)
