"""Initial schema: tickets, their history, per-day counts, and each backend's search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

CATEGORIES = ("billing", "technical", "account", "general")
PRIORITIES = ("low", "medium", "high", "critical")
STATUSES = ("open", "in_progress", "resolved", "closed")
SOURCES = ("llm", "local")
EVENT_SOURCES = ("user", "import", "classifier")
EVENT_FIELDS = ("created", "title", "description", "category", "priority", "status")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _rank(column: str, values: tuple[str, ...]) -> str:
    return f"CASE {column} " + " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values)) + " END"


def _id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), server_default="open", nullable=False),
        sa.Column(
            "priority_rank", sa.Integer(), sa.Computed(_rank("priority", PRIORITIES), persisted=True), nullable=False
        ),
        sa.Column("status_rank", sa.Integer(), sa.Computed(_rank("status", STATUSES), persisted=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("suggested_category", sa.String(16), nullable=True),
        sa.Column("suggested_priority", sa.String(16), nullable=True),
        sa.Column("suggestion_source", sa.String(16), nullable=True),
        sa.Column("suggestion_model", sa.String(200), nullable=True),
        sa.Column("suggestion_confidence", sa.Float(), nullable=True),
        sa.Column("idempotency_key", sa.String(64), nullable=True),
        sa.CheckConstraint(_in("category", CATEGORIES), name=op.f("ck_tickets_category")),
        sa.CheckConstraint(_in("priority", PRIORITIES), name=op.f("ck_tickets_priority")),
        sa.CheckConstraint(_in("status", STATUSES), name=op.f("ck_tickets_status")),
        sa.CheckConstraint(
            f"suggested_category IS NULL OR {_in('suggested_category', CATEGORIES)}",
            name=op.f("ck_tickets_suggested_category"),
        ),
        sa.CheckConstraint(
            f"suggested_priority IS NULL OR {_in('suggested_priority', PRIORITIES)}",
            name=op.f("ck_tickets_suggested_priority"),
        ),
        sa.CheckConstraint(
            f"suggestion_source IS NULL OR {_in('suggestion_source', SOURCES)}",
            name=op.f("ck_tickets_suggestion_source"),
        ),
        sa.CheckConstraint(
            "suggestion_confidence IS NULL OR (suggestion_confidence >= 0 AND suggestion_confidence <= 1)",
            name=op.f("ck_tickets_suggestion_confidence"),
        ),
        sa.CheckConstraint("length(title) BETWEEN 1 AND 200", name=op.f("ck_tickets_title_length")),
        sa.CheckConstraint("length(description) BETWEEN 1 AND 100000", name=op.f("ck_tickets_description_length")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_tickets_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_tickets_idempotency_key")),
    )
    for name, columns in (
        ("ix_tickets_created", ["created_at", "id"]),
        ("ix_tickets_updated", ["updated_at", "id"]),
        ("ix_tickets_priority_rank", ["priority_rank", "id"]),
        ("ix_tickets_status_rank", ["status_rank", "id"]),
        ("ix_tickets_title", ["title", "id"]),
        ("ix_tickets_category_created", ["category", "created_at", "id"]),
        ("ix_tickets_priority_created", ["priority", "created_at", "id"]),
        ("ix_tickets_status_created", ["status", "created_at", "id"]),
        ("ix_tickets_all_filters", ["status", "category", "priority", "created_at", "id"]),
    ):
        op.create_index(name, "tickets", columns)

    op.create_table(
        "ticket_events",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(_in("source", EVENT_SOURCES), name=op.f("ck_ticket_events_source")),
        sa.CheckConstraint(_in("field", EVENT_FIELDS), name=op.f("ck_ticket_events_field")),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    op.create_index("ix_ticket_events_ticket_id", "ticket_events", ["ticket_id"])
    op.create_index("ix_ticket_events_field_value_ticket", "ticket_events", ["field", "new_value", "ticket_id"])

    op.create_table(
        "ticket_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("n >= 0", name=op.f("ck_ticket_counts_n")),
        sa.PrimaryKeyConstraint("day", "category", "priority", "status", name=op.f("pk_ticket_counts")),
    )

    op.create_table(
        "suggestion_counts",
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(_in("source", SOURCES), name=op.f("ck_suggestion_counts_source")),
        sa.CheckConstraint("n >= 0", name=op.f("ck_suggestion_counts_n")),
        sa.PrimaryKeyConstraint("source", "accepted", name=op.f("pk_suggestion_counts")),
    )

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_tickets_title_trgm ON tickets USING gin (title gin_trgm_ops)")
        op.execute("CREATE INDEX ix_tickets_description_trgm ON tickets USING gin (description gin_trgm_ops)")
    else:
        # An external-content FTS5 trigram index over title and description, kept in step by
        # triggers; it finds candidates for terms of 3+ characters (see storage/search.py).
        op.execute(
            "CREATE VIRTUAL TABLE tickets_fts USING fts5("
            "title, description, content='tickets', content_rowid='id', tokenize='trigram')"
        )
        op.execute(
            "CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN "
            "INSERT INTO tickets_fts(rowid, title, description) "
            "VALUES (new.id, new.title, new.description); END"
        )
        op.execute(
            "CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN "
            "INSERT INTO tickets_fts(tickets_fts, rowid, title, description) "
            "VALUES ('delete', old.id, old.title, old.description); END"
        )
        op.execute(
            "CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description ON tickets BEGIN "
            "INSERT INTO tickets_fts(tickets_fts, rowid, title, description) "
            "VALUES ('delete', old.id, old.title, old.description); "
            "INSERT INTO tickets_fts(rowid, title, description) "
            "VALUES (new.id, new.title, new.description); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_tickets_description_trgm")
        op.execute("DROP INDEX IF EXISTS ix_tickets_title_trgm")
    else:
        for trigger in ("tickets_fts_insert", "tickets_fts_delete", "tickets_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS tickets_fts")
    op.drop_table("suggestion_counts")
    op.drop_table("ticket_counts")
    op.drop_table("ticket_events")
    op.drop_table("tickets")
