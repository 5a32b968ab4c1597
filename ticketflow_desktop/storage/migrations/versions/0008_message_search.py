"""Search covers the conversation: a trigram index over message bodies (PostgreSQL), an FTS5 trigram
index kept by a trigger (SQLite; messages are append-only).

Revision ID: 0008_message_search
Revises: 0007_macros
Create Date: 2026-12-03
"""

from alembic import op

revision = "0008_message_search"
down_revision = "0007_macros"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_messages_body_trgm ON messages USING gin (body gin_trgm_ops)")
        return
    op.execute(
        "CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', content_rowid='id', tokenize='trigram')"
    )
    op.execute("INSERT INTO messages_fts(rowid, body) SELECT id, body FROM messages")
    op.execute(
        "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
        "INSERT INTO messages_fts(rowid, body) VALUES (new.id, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
        "INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.id, old.body); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_messages_body_trgm")
        return
    for trigger in ("messages_fts_insert", "messages_fts_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS messages_fts")
