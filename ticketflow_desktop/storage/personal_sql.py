"""PostgreSQL rules for the rows that are one agent's own: read marks (ticket_reads) and presence.

The login on such a row is the database's (`session_user`, stamped by a trigger; the client may not
even name the column), and row-level security lets an agent touch only their own rows. Presence is
read by everyone who may see the ticket; read marks only by their owner. Applied with the rest of the
team schema (storage/team_sql.py) by every upgrade.
"""

from __future__ import annotations

_SEES_TICKET = "EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id)"  # under the tickets' own policy

PERSONAL_SQL = f"""
ALTER TABLE ticket_reads ALTER COLUMN login SET DEFAULT session_user;
ALTER TABLE ticket_reads ALTER COLUMN seen_at SET DEFAULT now();
ALTER TABLE presence ALTER COLUMN login SET DEFAULT session_user;
ALTER TABLE presence ALTER COLUMN seen_at SET DEFAULT now();

-- Whose row it is and when it was written are the server's, on every insert and update.
CREATE OR REPLACE FUNCTION tf_personal_row_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.login := session_user;
  NEW.seen_at := now();
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS tf_personal_row_stamp ON ticket_reads;
CREATE TRIGGER tf_personal_row_stamp BEFORE INSERT OR UPDATE ON ticket_reads
  FOR EACH ROW EXECUTE FUNCTION tf_personal_row_stamp();
DROP TRIGGER IF EXISTS tf_personal_row_stamp ON presence;
CREATE TRIGGER tf_personal_row_stamp BEFORE INSERT OR UPDATE ON presence
  FOR EACH ROW EXECUTE FUNCTION tf_personal_row_stamp();

ALTER TABLE ticket_reads ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_own ON ticket_reads;
CREATE POLICY tf_own ON ticket_reads FOR ALL USING (login = session_user)
  WITH CHECK (login = session_user AND {_SEES_TICKET});

ALTER TABLE presence ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON presence;
CREATE POLICY tf_read ON presence FOR SELECT USING ({_SEES_TICKET});
DROP POLICY IF EXISTS tf_add ON presence;
CREATE POLICY tf_add ON presence FOR INSERT WITH CHECK (login = session_user AND {_SEES_TICKET});
DROP POLICY IF EXISTS tf_change ON presence;
CREATE POLICY tf_change ON presence FOR UPDATE USING (login = session_user) WITH CHECK (login = session_user);
DROP POLICY IF EXISTS tf_remove ON presence;
CREATE POLICY tf_remove ON presence FOR DELETE USING (login = session_user);
"""


def personal_grants_sql(viewer: str) -> str:
    """To the `viewer` group role (and so to all): marks and presence are the reader's own state, not a
    change to any ticket."""
    return f"""
GRANT SELECT ON ticket_reads, presence TO {viewer};
GRANT INSERT (ticket_id, seen_event_id, seen_message_id) ON ticket_reads TO {viewer};
GRANT UPDATE (seen_event_id, seen_message_id, seen_at) ON ticket_reads TO {viewer};
GRANT INSERT (ticket_id, typing), UPDATE (typing, seen_at), DELETE ON presence TO {viewer};
"""
