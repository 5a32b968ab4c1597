"""The team model on PostgreSQL: the database, not the client, enforces who may do what.

Four group roles (viewer < agent < lead < admin, each a member of the one before) carry the
grants; an agent is a login role in one of them. What the client could otherwise fake is set by the
database: triggers stamp `version`, `updated_at` and `created_at` with the server's `now()`, keep the
status workflow, write the history (actor = `session_user`), keep the dashboard's summaries and
compute each ticket's SLA figures (storage/sla_sql.py).
Agents may SELECT those tables but never write them. Row-level security limits an agent to the
tickets of their groups and tickets with no group.

Two trusted paths skip the triggers' stamping, each needing a transaction-local setting AND a role:
a bulk load (`ticketflow.trusted_load`, admin: imports keep their historical times and write their
own history and summaries) and a redaction (`ticketflow.redacting`, lead or admin, through
`tf_redact`). A setting alone proves nothing: any login can set a custom setting.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ticketflow_desktop.domain import ALLOWED_TRANSITIONS
from ticketflow_desktop.storage.personal_sql import PERSONAL_SQL, personal_grants_sql
from ticketflow_desktop.storage.scripts import execute_script
from ticketflow_desktop.storage.sla_settled_sql import PG_SQL as SLA_SETTLED_SQL
from ticketflow_desktop.storage.sla_sql import SLA_COLUMNS, sla_schema_sql

ROLES = ("viewer", "agent", "lead", "admin")  # each a member of the one before it
ROLE_PREFIX = "ticketflow_"
DONE = "('resolved', 'closed')"


def group_role(role: str) -> str:
    return f"{ROLE_PREFIX}{role}"


def _transitions() -> str:
    pairs = sorted((old.value, new.value) for old, news in ALLOWED_TRANSITIONS.items() for new in news)
    return ", ".join(f"('{old}', '{new}')" for old, new in pairs)


ROLES_SQL = f"""
DO $$
BEGIN
  {
    " ".join(
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group_role(r)}') THEN "
        f"CREATE ROLE {group_role(r)} NOLOGIN; END IF;"
        for r in ROLES
    )
}
END $$;
GRANT {group_role("viewer")} TO {group_role("agent")};
GRANT {group_role("agent")} TO {group_role("lead")};
GRANT {group_role("lead")} TO {group_role("admin")};
"""


# Which tickets a login may see: row-level security's policy, and the search function's own test.
# `(SELECT f())` and the uncorrelated IN make the planner evaluate each once per query, not once per row.
def visible(group: str = "group_id") -> str:
    return (
        f"(SELECT tf_sees_all()) OR {group} IS NULL "
        f"OR {group} IN (SELECT ag.group_id FROM agent_groups ag WHERE ag.login = session_user)"
    )


_VISIBLE = visible()

# Functions first: the policies and triggers below call them.
FUNCTIONS_SQL = f"""
-- PL/pgSQL, not SQL: every statement under row-level security calls tf_sees_all() once, and a SQL
-- function with a sub-select is planned anew on each call (0.3-0.6 ms a statement here, most of a list
-- page's 2 ms at a million tickets); PL/pgSQL keeps its plans for the session (0.1 ms).
CREATE OR REPLACE FUNCTION tf_is_owner() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN session_user::text = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'tickets')
      OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user);
END $$;

-- Membership first: a cache lookup (0.4 us; a superuser is a member of every role), where the owner's
-- test reads two catalog views (30 us). An administrator's import calls this for each row it adds
-- (tf_trusted, in three row triggers): 100,000 tickets paid 10 s for it, the owner first. A group role
-- not made yet (a database restored on another server) leaves the owner's test to answer.
CREATE OR REPLACE FUNCTION tf_has_role(wanted text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (to_regrole('{ROLE_PREFIX}' || wanted) IS NOT NULL
          AND pg_has_role(session_user, '{ROLE_PREFIX}' || wanted, 'MEMBER'))
      OR tf_is_owner();
END $$;

-- Leads and admins see every ticket; agents and viewers those of their groups and those with none.
CREATE OR REPLACE FUNCTION tf_sees_all() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN tf_has_role('lead');
END $$;

CREATE OR REPLACE FUNCTION tf_trusted(setting text, role text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('ticketflow.' || setting, true), '') = 'on' AND tf_has_role(role)
$$;

CREATE OR REPLACE FUNCTION tf_source() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('ticketflow.source', true) IN ('user', 'import', 'classifier')
              THEN current_setting('ticketflow.source', true) ELSE 'user' END
$$;

-- When the client wrote the change (a write kept in the outbox while offline); NULL when it was not said.
CREATE OR REPLACE FUNCTION tf_written_at() RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN nullif(current_setting('ticketflow.written_at', true), '')::timestamptz;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tf_bucket(seconds double precision) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN seconds < 1 THEN 0 ELSE 1 + floor(ln(seconds) / ln(1.01))::integer END
$$;

CREATE OR REPLACE FUNCTION tf_ticket_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT tf_trusted('trusted_load', 'admin') THEN
    NEW.created_at := now();
    NEW.updated_at := now();
    NEW.version := 1;
    NEW.status := 'open';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION tf_ticket_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF tf_trusted('trusted_load', 'admin') OR tf_trusted('redacting', 'lead') THEN
    RETURN NEW;
  END IF;
  NEW.id := OLD.id;
  NEW.created_at := OLD.created_at;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND (OLD.status, NEW.status) NOT IN ({_transitions()}) THEN
    RAISE EXCEPTION 'a ticket''s status may not move from % to %', OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tf_status_transition';
  END IF;
  IF NEW.assignee IS DISTINCT FROM OLD.assignee AND NEW.assignee IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM agents WHERE login = NEW.assignee AND active) THEN
    RAISE EXCEPTION 'there is no active agent called %', NEW.assignee USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF (NEW.title, NEW.description, NEW.category, NEW.priority, NEW.status, NEW.group_id, NEW.assignee, NEW.requester_id)
     IS DISTINCT FROM
     (OLD.title, OLD.description, OLD.category, OLD.priority, OLD.status, OLD.group_id, OLD.assignee, OLD.requester_id)
  THEN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
  ELSIF pg_trigger_depth() > 1 AND current_setting('ticketflow.touching', true) = 'on' THEN
    -- A tag added or removed (tf_ticket_tag_changed): the ticket moves on, so conflict checks and
    -- live updates see it. Only a trigger runs at depth > 1, so a client cannot use this path.
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
  ELSE
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;

-- History and summaries for new tickets, one statement for the whole insert (a COPY too).
CREATE OR REPLACE FUNCTION tf_tickets_inserted() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF tf_trusted('trusted_load', 'admin') THEN
    RETURN NULL;
  END IF;
  INSERT INTO ticket_events (ticket_id, at, field, old_value, new_value, source, version, actor, written_at)
  SELECT id, now(), 'created', NULL, status, tf_source(), version, session_user, tf_written_at()
  FROM new_rows ORDER BY id;
  INSERT INTO ticket_totals AS t (category, priority, status, n)
  SELECT category, priority, status, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (category, priority, status) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO daily_flow AS f (day, created, resolved, reopened)
  SELECT (created_at AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE status IN {DONE}), 0
  FROM new_rows GROUP BY 1 ORDER BY 1
  ON CONFLICT (day) DO UPDATE SET created = f.created + excluded.created, resolved = f.resolved + excluded.resolved;
  INSERT INTO suggestion_counts AS s (source, accepted, n)
  SELECT suggestion_source,
         (suggested_category IS NOT DISTINCT FROM category AND suggested_priority IS NOT DISTINCT FROM priority),
         count(*)
  FROM new_rows WHERE suggestion_source IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (source, accepted) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END $$;

-- History and summaries for changed tickets (lock order as the client's: totals, flow, times).
CREATE OR REPLACE FUNCTION tf_tickets_updated() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  delta record;
BEGIN
  IF tf_trusted('trusted_load', 'admin') OR tf_trusted('redacting', 'lead') THEN
    RETURN NULL;
  END IF;
  -- Totals: a (category, priority, status) a ticket left loses it (that row exists: an upsert's CHECK
  -- would refuse its -1), the one it reached gains it. Rows in key order, whether they go down or up,
  -- so that two writers cannot deadlock on them.
  FOR delta IN
    SELECT c, p, s, sum(d) AS n FROM (
      SELECT o.category, o.priority, o.status, -1 FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.category, o.priority, o.status) IS DISTINCT FROM (n.category, n.priority, n.status)
      UNION ALL
      SELECT n.category, n.priority, n.status, 1 FROM old_rows o JOIN new_rows n USING (id)
      WHERE (o.category, o.priority, o.status) IS DISTINCT FROM (n.category, n.priority, n.status)
    ) AS moves(c, p, s, d) GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
  LOOP
    IF delta.n < 0 THEN
      UPDATE ticket_totals SET n = n + delta.n WHERE (category, priority, status) = (delta.c, delta.p, delta.s);
    ELSE
      INSERT INTO ticket_totals AS t (category, priority, status, n) VALUES (delta.c, delta.p, delta.s, delta.n)
      ON CONFLICT (category, priority, status) DO UPDATE SET n = t.n + excluded.n;
    END IF;
  END LOOP;
  INSERT INTO daily_flow AS f (day, created, resolved, reopened)
  SELECT (now() AT TIME ZONE 'UTC')::date, 0, done, reopened FROM (
    SELECT count(*) FILTER (WHERE n.status IN {DONE} AND o.status NOT IN {DONE}) AS done,
           count(*) FILTER (WHERE o.status IN {DONE} AND n.status NOT IN {DONE}) AS reopened
    FROM old_rows o JOIN new_rows n USING (id)
  ) moves WHERE done > 0 OR reopened > 0
  ON CONFLICT (day) DO UPDATE SET resolved = f.resolved + excluded.resolved, reopened = f.reopened + excluded.reopened;
  -- The first resolution counts towards the resolution-time histogram (before this change's events exist).
  INSERT INTO resolution_times AS r (bucket, n)
  SELECT tf_bucket(floor(extract(epoch FROM now())) - floor(extract(epoch FROM n.created_at))), count(*)
  FROM old_rows o JOIN new_rows n USING (id)
  WHERE n.status IN {DONE} AND n.status IS DISTINCT FROM o.status
    AND NOT EXISTS (SELECT 1 FROM ticket_events e
                    WHERE e.ticket_id = n.id AND e.field = 'status' AND e.new_value IN {DONE})
  GROUP BY 1 ORDER BY 1
  ON CONFLICT (bucket) DO UPDATE SET n = r.n + excluded.n;
  INSERT INTO ticket_events (ticket_id, at, field, old_value, new_value, source, version, actor, written_at)
  SELECT n.id, now(), f.field, f.old_value, f.new_value, tf_source(), n.version, session_user, tf_written_at()
  FROM old_rows o JOIN new_rows n USING (id)
  CROSS JOIN LATERAL (VALUES
    (1, 'title', o.title, n.title),
    (2, 'description', o.description, n.description),
    (3, 'category', o.category, n.category),
    (4, 'priority', o.priority, n.priority),
    (5, 'status', o.status, n.status),
    (6, 'group', (SELECT name FROM groups WHERE id = o.group_id), (SELECT name FROM groups WHERE id = n.group_id)),
    (7, 'assignee', o.assignee, n.assignee),
    (8, 'requester', (SELECT email FROM customers WHERE id = o.requester_id),
                     (SELECT email FROM customers WHERE id = n.requester_id))
  ) AS f(place, field, old_value, new_value)
  WHERE f.old_value IS DISTINCT FROM f.new_value
  ORDER BY n.id, f.place;
  RETURN NULL;
END $$;

-- Nobody writes history in another's name, not even an administrator's bulk load.
CREATE OR REPLACE FUNCTION tf_event_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor := session_user;
  IF NOT tf_trusted('trusted_load', 'admin') THEN
    NEW.at := now();
  END IF;
  RETURN NEW;
END $$;

-- A message's author and time are the database's; a thread is append-only.
-- (An administrator's load of a helpdesk's past keeps its threads' authors and times.)
CREATE OR REPLACE FUNCTION tf_message_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT tf_trusted('trusted_load', 'admin') THEN
    NEW.author := session_user;
    NEW.at := now();
  END IF;
  RETURN NEW;
END $$;

-- A saved reply is its maker's: the database says who that is.
CREATE OR REPLACE FUNCTION tf_macro_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.owner := session_user;
  RETURN NEW;
END $$;

-- A tag added or removed: the ticket's version and time move on and the history says so, in the
-- database's words (actor = session_user). As the owner: an agent may not write tickets.version.
CREATE OR REPLACE FUNCTION tf_ticket_tag_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  changed bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.ticket_id ELSE OLD.ticket_id END;
  new_version integer;
BEGIN
  IF tf_trusted('trusted_load', 'admin') THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('ticketflow.touching', 'on', true);
  UPDATE tickets SET version = version WHERE id = changed RETURNING version INTO new_version;
  PERFORM set_config('ticketflow.touching', 'off', true);
  IF new_version IS NULL THEN  -- the ticket itself is being deleted (a cascade)
    RETURN NULL;
  END IF;
  INSERT INTO ticket_events (ticket_id, at, field, old_value, new_value, source, version, actor, written_at)
  VALUES (changed, now(), 'tags', CASE WHEN TG_OP = 'DELETE' THEN OLD.tag END,
          CASE WHEN TG_OP = 'INSERT' THEN NEW.tag END, tf_source(), new_version, session_user, tf_written_at());
  RETURN NULL;
END $$;

-- A tag row carries its ticket's group, so that row-level security tests the row itself (migration
-- 0020): set from the ticket, whatever the writer sent; and moved with the ticket (as the owner: nobody
-- else may update a tag row).
CREATE OR REPLACE FUNCTION tf_ticket_tag_before_insert() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  NEW.ticket_group_id := (SELECT group_id FROM tickets WHERE id = NEW.ticket_id);
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION tf_ticket_group_moved() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE ticket_tags SET ticket_group_id = NEW.group_id WHERE ticket_id = NEW.id;
  RETURN NULL;
END $$;

-- A saved view is its maker's: the database says who that is.
CREATE OR REPLACE FUNCTION tf_view_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.owner := session_user;
  RETURN NEW;
END $$;

-- Search through the indexes for a login under row-level security. PostgreSQL may not use an index
-- for ILIKE ahead of a policy (ILIKE is not leakproof), so an agent's rare-term search read the whole
-- table (7.6 s at a million tickets). Run as the owner, with the policy's own test applied here, these
-- return only the ids of tickets the caller may see, found through the indexes of migration 0017.
-- A term of 3+ characters: $1 its LIKE pattern, $2 the pattern of the term with its symbols written as
-- letters (storage/search.py), which the trigram indexes answer; $1 then decides exactly. The patterns
-- go in as constants (format's %L), so the statement is planned for this term: as parameters they got a
-- generic plan expecting 25,000 matches, which joined every visible ticket (a rare term: 0.8 s at 1M).
-- A term without case ("#47", "2024/0047") is matched with LIKE: the same rows, and each candidate's text
-- is not lower-cased twice (a third of such a search's time at 5M messages).
CREATE OR REPLACE FUNCTION tf_tickets_containing(text, text) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
BEGIN
  RETURN QUERY EXECUTE format($q$
    SELECT id FROM tickets
    WHERE (tf_searchable(title) %3$s %2$L OR tf_searchable(description) %3$s %2$L)
      AND (title %3$s %1$L OR description %3$s %1$L) AND ({visible("tickets.group_id")})
    UNION
    SELECT t.id FROM messages m JOIN tickets t ON t.id = m.ticket_id
    WHERE tf_searchable(m.body) %3$s %2$L AND m.body %3$s %1$L AND ({visible("t.group_id")})
  $q$, $1, $2, CASE WHEN lower($1) = upper($1) THEN 'LIKE' ELSE 'ILIKE' END);
END $$;

-- A 2-character term holding a digit or a symbol, in lower case: the pieces indexes answer it.
CREATE OR REPLACE FUNCTION tf_tickets_with_piece(text) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
BEGIN
  RETURN QUERY EXECUTE format($q$
    SELECT id FROM tickets
    WHERE tf_short_pieces(title || ' ' || description) @> ARRAY[%1$L]
      AND (strpos(lower(title), %1$L) > 0 OR strpos(lower(description), %1$L) > 0)
      AND ({visible("tickets.group_id")})
    UNION
    SELECT t.id FROM messages m JOIN tickets t ON t.id = m.ticket_id
    WHERE tf_short_pieces(m.body) @> ARRAY[%1$L] AND strpos(lower(m.body), %1$L) > 0
      AND ({visible("t.group_id")})
  $q$, $1);
END $$;

-- The search of apps built before migration 0017 (expand/contract): right, but its indexes are gone.
CREATE OR REPLACE FUNCTION tf_matching_tickets(pattern text) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
  SELECT id FROM tickets WHERE (title ILIKE pattern OR description ILIKE pattern) AND ({visible("tickets.group_id")})
  UNION
  SELECT t.id FROM messages m JOIN tickets t ON t.id = m.ticket_id
  WHERE m.body ILIKE pattern AND ({visible("t.group_id")})
$$;

-- The news cursor's question (services/notifications.py): which of these history or message ids are
-- committed, whoever may read them. An id that is not is still being written (or was rolled back) and is
-- asked for again; one merely out of the agent's sight must not look like that. Ids only, never content.
-- (Parameters by position: `messages` has columns of their names.)
DROP FUNCTION IF EXISTS tf_committed_ids(text, bigint, bigint, bigint[]);
CREATE FUNCTION tf_committed_ids(which_table text, low bigint, high bigint, more bigint[])
RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.id FROM ticket_events e WHERE $1 = 'events' AND ((e.id > $2 AND e.id <= $3) OR e.id = ANY($4))
  UNION ALL
  SELECT m.id FROM messages m WHERE $1 = 'messages' AND ((m.id > $2 AND m.id <= $3) OR m.id = ANY($4))
$$;

-- GDPR: remove a text from the ticket and its history, and say who did it and why.
CREATE OR REPLACE FUNCTION tf_redact(ticket bigint, what text, why text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  replacement text := '[redacted]';
BEGIN
  IF NOT tf_has_role('lead') THEN
    RAISE EXCEPTION 'only a lead or an administrator may redact' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF what NOT IN ('title', 'description') THEN
    RAISE EXCEPTION 'only the title or the description can be redacted' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF coalesce(length(trim(why)), 0) = 0 THEN
    RAISE EXCEPTION 'a redaction needs a reason' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM tickets WHERE id = ticket) THEN
    RAISE EXCEPTION 'ticket % does not exist', ticket USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM set_config('ticketflow.redacting', 'on', true);
  EXECUTE format('UPDATE tickets SET %I = $1 WHERE id = $2', what) USING replacement, ticket;
  UPDATE ticket_events SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE replacement END,
                           new_value = CASE WHEN new_value IS NULL THEN NULL ELSE replacement END
  WHERE ticket_id = ticket AND field = what;
  PERFORM set_config('ticketflow.redacting', 'off', true);
  INSERT INTO redactions (ticket_id, field, reason, actor, at) VALUES (ticket, what, why, session_user, now());
END $$;
"""


def _row_trigger(name: str, table: str, when: str) -> str:
    """A BEFORE trigger per row, named after the function it runs; replaced on every upgrade."""
    return (
        f"DROP TRIGGER IF EXISTS {name} ON {table};\n"
        f"CREATE TRIGGER {name} BEFORE {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();\n"
    )


TRIGGERS_SQL = (
    _row_trigger("tf_ticket_before_insert", "tickets", "INSERT")
    + _row_trigger("tf_ticket_before_update", "tickets", "UPDATE")
    + _row_trigger("tf_event_before_insert", "ticket_events", "INSERT")
    + _row_trigger("tf_message_before_insert", "messages", "INSERT")
    + _row_trigger("tf_macro_before_insert", "macros", "INSERT")
    + _row_trigger("tf_view_before_insert", "saved_views", "INSERT")
    + _row_trigger("tf_ticket_tag_before_insert", "ticket_tags", "INSERT")
    + """
DROP TRIGGER IF EXISTS tf_ticket_group_moved ON tickets;
CREATE TRIGGER tf_ticket_group_moved AFTER UPDATE OF group_id ON tickets FOR EACH ROW
  WHEN (OLD.group_id IS DISTINCT FROM NEW.group_id) EXECUTE FUNCTION tf_ticket_group_moved();
DROP TRIGGER IF EXISTS tf_ticket_tag_changed ON ticket_tags;
CREATE TRIGGER tf_ticket_tag_changed AFTER INSERT OR DELETE ON ticket_tags
  FOR EACH ROW EXECUTE FUNCTION tf_ticket_tag_changed();
DROP TRIGGER IF EXISTS tf_tickets_inserted ON tickets;
CREATE TRIGGER tf_tickets_inserted AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tf_tickets_inserted();
DROP TRIGGER IF EXISTS tf_tickets_updated ON tickets;
CREATE TRIGGER tf_tickets_updated AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tf_tickets_updated();
"""
)


# A row of a ticket's (its history, thread, files, tags, mail): seen and written with the ticket, whose own
# policy below decides who sees it.
_WITH_TICKET = "EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id)"

POLICIES_SQL = f"""
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON tickets;
CREATE POLICY tf_read ON tickets FOR SELECT USING ({_VISIBLE});
DROP POLICY IF EXISTS tf_add ON tickets;
CREATE POLICY tf_add ON tickets FOR INSERT WITH CHECK ({_VISIBLE});
DROP POLICY IF EXISTS tf_change ON tickets;
CREATE POLICY tf_change ON tickets FOR UPDATE USING ({_VISIBLE}) WITH CHECK ({_VISIBLE});
ALTER TABLE ticket_events ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON ticket_events;
CREATE POLICY tf_read ON ticket_events FOR SELECT USING ({_WITH_TICKET});
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON messages;
CREATE POLICY tf_read ON messages FOR SELECT USING ({_WITH_TICKET});
DROP POLICY IF EXISTS tf_write ON messages;
CREATE POLICY tf_write ON messages FOR INSERT WITH CHECK ({_WITH_TICKET});
-- A mail's files: seen with the ticket they belong to, and only beside a message of that same ticket.
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON attachments;
CREATE POLICY tf_read ON attachments FOR SELECT USING ({_WITH_TICKET});
DROP POLICY IF EXISTS tf_write ON attachments;
CREATE POLICY tf_write ON attachments FOR INSERT WITH CHECK (
  {_WITH_TICKET}
  AND (message_id IS NULL
       OR EXISTS (SELECT 1 FROM messages m WHERE m.id = message_id AND m.ticket_id = attachments.ticket_id)));
-- A reply's mail: seen, queued and re-queued only with its ticket (an agent cannot mail again a reply on
-- a ticket out of sight). The sender reads the reply itself under the messages' rule above.
ALTER TABLE mail_out ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON mail_out;
CREATE POLICY tf_read ON mail_out FOR SELECT USING ({_WITH_TICKET});
DROP POLICY IF EXISTS tf_add ON mail_out;
CREATE POLICY tf_add ON mail_out FOR INSERT WITH CHECK ({_WITH_TICKET});
DROP POLICY IF EXISTS tf_change ON mail_out;
CREATE POLICY tf_change ON mail_out FOR UPDATE USING ({_WITH_TICKET})
  WITH CHECK ({_WITH_TICKET});
-- Shared saved replies are everyone's to use; personal ones their owner's. Only the owner (or a lead)
-- changes or removes one.
ALTER TABLE macros ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON macros;
CREATE POLICY tf_read ON macros FOR SELECT USING (shared OR owner = session_user);
DROP POLICY IF EXISTS tf_add ON macros;
CREATE POLICY tf_add ON macros FOR INSERT WITH CHECK (true);
DROP POLICY IF EXISTS tf_change ON macros;
CREATE POLICY tf_change ON macros FOR UPDATE USING (owner = session_user OR (SELECT tf_has_role('lead')));
DROP POLICY IF EXISTS tf_remove ON macros;
CREATE POLICY tf_remove ON macros FOR DELETE USING (owner = session_user OR (SELECT tf_has_role('lead')));
-- A ticket's tags follow the ticket: seen, added and removed by those who see it. Read and removed
-- by the ticket's group the row carries (the tickets' own test, without a probe into tickets per row).
ALTER TABLE ticket_tags ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON ticket_tags;
CREATE POLICY tf_read ON ticket_tags FOR SELECT USING ({visible("ticket_group_id")});
DROP POLICY IF EXISTS tf_add ON ticket_tags;
CREATE POLICY tf_add ON ticket_tags FOR INSERT WITH CHECK ({_WITH_TICKET});
DROP POLICY IF EXISTS tf_remove ON ticket_tags;
CREATE POLICY tf_remove ON ticket_tags FOR DELETE USING ({visible("ticket_group_id")});
-- Saved views: personal ones are their owner's alone, shared ones everyone's to use. Only an agent
-- shares one; only its owner (or a lead, for a shared one) changes or removes it.
ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON saved_views;
CREATE POLICY tf_read ON saved_views FOR SELECT USING (shared OR owner = session_user);
DROP POLICY IF EXISTS tf_add ON saved_views;
CREATE POLICY tf_add ON saved_views FOR INSERT WITH CHECK (NOT shared OR (SELECT tf_has_role('agent')));
DROP POLICY IF EXISTS tf_change ON saved_views;
CREATE POLICY tf_change ON saved_views FOR UPDATE
  USING (owner = session_user OR (shared AND (SELECT tf_has_role('lead'))))
  WITH CHECK ((owner = session_user OR (SELECT tf_has_role('lead'))) AND (NOT shared OR (SELECT tf_has_role('agent'))));
DROP POLICY IF EXISTS tf_remove ON saved_views;
CREATE POLICY tf_remove ON saved_views FOR DELETE
  USING (owner = session_user OR (shared AND (SELECT tf_has_role('lead'))));
-- The SLA attainment's counts: a row counts tickets of one group (0: none), seen as those tickets are, so an
-- agent's attainment is what they would count from the tickets they see. Visibility depends on the group
-- alone (and on who asks), so the counts per group are exact.
ALTER TABLE sla_settled ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tf_read ON sla_settled;
CREATE POLICY tf_read ON sla_settled FOR SELECT USING ({visible("nullif(group_id, 0)")});
DROP POLICY IF EXISTS tf_load ON ticket_events;
CREATE POLICY tf_load ON ticket_events FOR INSERT WITH CHECK ((SELECT tf_has_role('admin')));
"""

_READ_TABLES = (
    "tickets, ticket_events, suggestion_counts, daily_flow, ticket_totals, resolution_times, "
    "agents, groups, agent_groups, redactions, schema_meta, alembic_version, customers, messages, macros, "
    "ticket_tags, saved_views, sla_calendar, sla_policies, mail_seen, mail_out, attachments, sla_settled"
)
_AGENT_INSERT = (
    "title, description, category, priority, suggested_category, suggested_priority, suggestion_source, "
    "suggestion_model, suggestion_confidence, idempotency_key, group_id, requester_id, assignee"
)
_AGENT_UPDATE = "title, description, category, priority, status, group_id, requester_id, assignee"
# A ticket's SLA figures are the database's (storage/sla_sql.py): its trigger overwrites what a client
# writes. The agents' privilege stays only for apps from before 0015, which still store their own
# figures after each write (harmlessly now); an administrator's bulk load brings its own (under
# `ticketflow.trusted_load`, sla_store.settle_loaded). A contract step may revoke it once no such app
# is left (schema_meta.min_app_version).
_SLA_COLUMNS = ", ".join(SLA_COLUMNS)


def grants_sql() -> str:
    viewer, agent, lead, admin = (group_role(r) for r in ROLES)
    return f"""
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON FUNCTION tf_redact(bigint, text, text) FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {viewer};
GRANT SELECT ON {_READ_TABLES} TO {viewer};
GRANT INSERT ({_AGENT_INSERT}) ON tickets TO {agent};
GRANT UPDATE ({_AGENT_UPDATE}) ON tickets TO {agent};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {agent};
GRANT INSERT (ticket_id, kind, body, customer_id, written_at, idempotency_key) ON messages TO {agent};
-- The mail channel (services/mail.py): a reply queues its mail; the elected fetcher records and sends.
GRANT INSERT (message_ref, ticket_id, token) ON mail_out TO {agent};
GRANT UPDATE (state, attempts, last_error, next_try_at, sent_at) ON mail_out TO {agent};
GRANT INSERT (message_key, message_id, ticket_id, message_ref, outcome, reason, at) ON mail_seen TO {agent};
GRANT INSERT (message_id, ticket_id, filename, content_type, size, content) ON attachments TO {agent};
GRANT INSERT (name, email, email_key, organisation) ON customers TO {agent};
GRANT UPDATE (name, organisation) ON customers TO {agent};
GRANT INSERT (name, body, status, priority, category, shared), DELETE ON macros TO {agent};
GRANT UPDATE (body, status, priority, category, shared) ON macros TO {agent};
GRANT INSERT (ticket_id, tag), DELETE ON ticket_tags TO {agent};
GRANT INSERT (name, shared, spec, position), DELETE ON saved_views TO {viewer};
GRANT UPDATE (name, shared, spec, position) ON saved_views TO {viewer};
GRANT USAGE ON SEQUENCE saved_views_id_seq TO {viewer};
GRANT INSERT ON ticket_tags TO {admin};
GRANT UPDATE ({_SLA_COLUMNS}) ON tickets TO {agent};
GRANT EXECUTE ON FUNCTION tf_redact(bigint, text, text) TO {lead};
GRANT INSERT, UPDATE, DELETE ON sla_calendar, sla_policies TO {lead};
GRANT INSERT, UPDATE ON agents, groups, agent_groups TO {admin};
GRANT DELETE ON agent_groups TO {admin};
GRANT INSERT ON tickets TO {admin};  -- a bulk load brings ids, times and statuses (storage/bulk.py)
GRANT UPDATE (external_id) ON tickets TO {admin};
GRANT INSERT ON ticket_events, messages TO {admin};
GRANT INSERT, UPDATE ON suggestion_counts, daily_flow, ticket_totals, resolution_times TO {admin};
"""


def team_schema_sql() -> str:
    personal = (PERSONAL_SQL, personal_grants_sql(group_role("viewer")))  # read marks, presence
    sla = sla_schema_sql()  # the SLA figures, computed by the database
    return "\n".join(
        (ROLES_SQL, FUNCTIONS_SQL, TRIGGERS_SQL, sla, SLA_SETTLED_SQL, POLICIES_SQL, grants_sql(), *personal)
    )


def apply_team_schema(connection: Connection) -> None:
    """Everything above, idempotent: run by the migration and again by every `ticketflow db upgrade`."""
    execute_script(connection, team_schema_sql())
