"""Search for short and symbol-heavy terms ("#47", "INV-0047", "A1") through indexes (PostgreSQL).

pg_trgm takes a symbol for a word break, so "#47" reached only the trigrams of "47" (every word
starting with 47), and a 2-character term has no trigram at all (a search for "A1" read every row).
Now the trigram indexes cover the text with eleven common symbols written as letters (tf_searchable),
and a second index holds the 2-character pieces of the words that carry a digit or one of those
symbols (tf_short_pieces): exact for any such 2-character term, and small, since prose has few.
Both functions must never change: the indexes hold their results (a new meaning needs a new function).
storage/search.py mirrors the mapping; tests/storage/test_symbol_search.py checks they agree.

Expand/contract: the old trigram indexes go, tf_matching_tickets (an older app's search) stays and
answers rightly, without an index.

SQLite: FTS5's trigram tokenizer keeps symbols already; the pieces go in a table of their own, kept by
triggers through `tf_short_pieces` (Python's, registered on every connection by storage/engine.py).

Revision ID: 0017_symbol_search
Revises: 0016_attachments
Create Date: 2026-12-04
"""

import sqlite3
from typing import cast

from alembic import op

from ticketflow_desktop.storage.scripts import execute_script

revision = "0017_symbol_search"
down_revision = "0016_attachments"
branch_labels = None
depends_on = None

# One letter for each symbol: caseless letters (lower() and upper() keep them) that pg_trgm counts as
# word characters, and that no ticket is likely to hold (a ticket that does is still found exactly).
SYMBOLS = "#-_./:@+$%&"
LETTERS = "ǀǁǂǃƻʔʕʖʡʢƾ"
PIECE_MARK = "[0-9#_./:@+$%&-]"

FUNCTIONS = f"""
CREATE FUNCTION tf_searchable(body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT translate(body, '{SYMBOLS}', '{LETTERS}') $$;

-- The distinct 2-character pieces (lower case) of the words holding a digit or a symbol, where the
-- piece holds one too. Each word is read as two runs of aligned pairs, which is linear in its length.
CREATE FUNCTION tf_short_pieces(body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT p.piece), '{{}}')
  FROM regexp_matches(lower(body), '[^[:space:]]*{PIECE_MARK}[^[:space:]]*', 'g') AS w(word),
       LATERAL (SELECT m[1] FROM regexp_matches(w.word[1], '..', 'g') AS m
                UNION ALL
                SELECT m[1] FROM regexp_matches(substr(w.word[1], 2), '..', 'g') AS m) AS p(piece)
  WHERE p.piece ~ '{PIECE_MARK}'
$$;
"""

# name -> (table, indexed expression, operator class)
INDEXES = {
    "ix_tickets_title_search": ("tickets", "tf_searchable(title)", "gin_trgm_ops"),
    "ix_tickets_description_search": ("tickets", "tf_searchable(description)", "gin_trgm_ops"),
    "ix_tickets_pieces": ("tickets", "tf_short_pieces(title || ' ' || description)", "array_ops"),
    "ix_messages_body_search": ("messages", "tf_searchable(body)", "gin_trgm_ops"),
    "ix_messages_pieces": ("messages", "tf_short_pieces(body)", "array_ops"),
}
OLD_INDEXES = {
    "ix_tickets_title_trgm": "tickets USING gin (title gin_trgm_ops)",
    "ix_tickets_description_trgm": "tickets USING gin (description gin_trgm_ops)",
    "ix_messages_body_trgm": "messages USING gin (body gin_trgm_ops)",
}


SQLITE_PIECES = (
    "CREATE TABLE ticket_pieces (piece TEXT NOT NULL, ticket_id INTEGER NOT NULL, "
    "PRIMARY KEY (piece, ticket_id)) WITHOUT ROWID",
    # An edit adds the new text's pieces and leaves the old ones, and a deleted ticket's stay: a stale
    # piece is only a candidate (the exact test decides), and keeping them costs no second index.
    *(
        f"CREATE TRIGGER {name} AFTER {event} BEGIN INSERT OR IGNORE INTO ticket_pieces (piece, ticket_id) "
        f"SELECT value, {ticket} FROM json_each(tf_short_pieces({text})); END"
        for name, event, ticket, text in (
            ("ticket_pieces_insert", "INSERT ON tickets", "new.id", "new.title || ' ' || new.description"),
            (
                "ticket_pieces_update",
                "UPDATE OF title, description ON tickets",
                "new.id",
                "new.title || ' ' || new.description",
            ),
            ("message_pieces_insert", "INSERT ON messages", "new.ticket_id", "new.body"),
        )
    ),
    "INSERT OR IGNORE INTO ticket_pieces (piece, ticket_id) "
    "SELECT p.value, t.id FROM tickets t, json_each(tf_short_pieces(t.title || ' ' || t.description)) p",
    "INSERT OR IGNORE INTO ticket_pieces (piece, ticket_id) "
    "SELECT p.value, m.ticket_id FROM messages m, json_each(tf_short_pieces(m.body)) p",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        from ticketflow_desktop.storage.engine import register_sqlite_functions

        dbapi = op.get_bind().connection.dbapi_connection
        assert dbapi is not None
        # An engine of the app's has them; one made only for the upgrade may not.
        register_sqlite_functions(cast(sqlite3.Connection, dbapi))
        for statement in SQLITE_PIECES:
            op.get_bind().exec_driver_sql(statement)
        return
    execute_script(op.get_bind(), FUNCTIONS)
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for name, (table, expression, opclass) in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {table} USING gin (({expression}) {opclass})")
    for name in OLD_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for trigger in ("ticket_pieces_insert", "ticket_pieces_update", "message_pieces_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS ticket_pieces")
        return
    for name, definition in OLD_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {definition}")
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DROP FUNCTION IF EXISTS tf_short_pieces(text)")
    op.execute("DROP FUNCTION IF EXISTS tf_searchable(text)")
