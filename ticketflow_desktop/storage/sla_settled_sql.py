"""The SLA attainment's summary (`sla_settled`), kept by the database on both backends.

A ticket counts in (week settled: the Monday of sla_settled_at's UTC day, assignee or '', sla_outcome,
group_id or 0) while it has an outcome and a settled time. Weeks, not days: the attainment counts whole
weeks (its window starts on a Monday), and per day there were nearly as many keys as tickets (100,000
tickets: 54,506 rows for 78,334 settled ones), so a summary per day saved little reading.

Triggers, not the client, keep it: the SLA columns are written by the database's own triggers on
PostgreSQL (storage/sla_sql.py) and from several places on SQLite (a status or priority change, a bulk
load's settle_loaded, a raw repair), and only a trigger sees every one.

- PostgreSQL: statement triggers with transition tables (one upsert per statement, a COPY too), as the
  owner, also during a trusted load: a load's tickets count from the rows themselves, so no load needs
  to bring its own counts (bench/team_data.py, which stands the triggers aside, recounts instead).
  Agents may only read it, through the tickets' own visibility (storage/team_sql.py).
- SQLite: row triggers, like the search tables' (0001, 0017).

`fill_sql` counts it from the tickets (migration 0019, analytics.rebuild_sla_settled).
"""

from __future__ import annotations

from ticketflow_desktop.storage.dialect import Dialect

COUNTED = "sla_outcome IS NOT NULL AND sla_settled_at IS NOT NULL"
KEYS = "week, assignee, outcome, group_id"


def _pg_key(row: str = "") -> str:
    p = f"{row}." if row else ""
    return (
        f"date_trunc('week', {p}sla_settled_at AT TIME ZONE 'UTC')::date, coalesce({p}assignee, ''), {p}sla_outcome, "
        f"coalesce({p}group_id, 0)"
    )


def _sqlite_key(row: str) -> str:
    # 'weekday 0' moves to the Sunday ending the ISO week (or stays on it); 6 days back is its Monday.
    return (
        f"date({row}.sla_settled_at, 'weekday 0', '-6 days'), coalesce({row}.assignee, ''), {row}.sla_outcome, "
        f"coalesce({row}.group_id, 0)"
    )


# Rows in key order within the one statement, so that two writers cannot deadlock on them. No CHECK on n:
# an upsert's CHECK would refuse the -1 of a row that exists (storage/analytics.py says so too).
PG_SQL = f"""
CREATE OR REPLACE FUNCTION tf_tickets_sla_settled() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sla_settled AS s ({KEYS}, n)
    SELECT {_pg_key()}, count(*) FROM new_rows WHERE {COUNTED} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ({KEYS}) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO sla_settled AS s ({KEYS}, n)
    SELECT {_pg_key()}, -count(*) FROM old_rows WHERE {COUNTED} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ({KEYS}) DO UPDATE SET n = s.n + excluded.n;
  ELSE
    -- Every row's old key out and new key in; a change that moved no key adds up to nothing.
    INSERT INTO sla_settled AS s ({KEYS}, n)
    SELECT d, a, o, g, sum(k) FROM (
      SELECT {_pg_key()}, -1 FROM old_rows WHERE {COUNTED}
      UNION ALL
      SELECT {_pg_key()}, 1 FROM new_rows WHERE {COUNTED}
    ) AS moves(d, a, o, g, k)
    GROUP BY 1, 2, 3, 4 HAVING sum(k) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ({KEYS}) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

-- Emptying the tickets empties their counts (a TRUNCATE has no transition table).
CREATE OR REPLACE FUNCTION tf_tickets_sla_settled_truncated() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM sla_settled;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS tf_tickets_sla_settled_insert ON tickets;
CREATE TRIGGER tf_tickets_sla_settled_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tf_tickets_sla_settled();
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_update ON tickets;
CREATE TRIGGER tf_tickets_sla_settled_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tf_tickets_sla_settled();
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_delete ON tickets;
CREATE TRIGGER tf_tickets_sla_settled_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tf_tickets_sla_settled();
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_truncated ON tickets;
CREATE TRIGGER tf_tickets_sla_settled_truncated AFTER TRUNCATE ON tickets
  FOR EACH STATEMENT EXECUTE FUNCTION tf_tickets_sla_settled_truncated();
"""

PG_DROP_SQL = """
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_insert ON tickets;
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_update ON tickets;
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_delete ON tickets;
DROP TRIGGER IF EXISTS tf_tickets_sla_settled_truncated ON tickets;
DROP FUNCTION IF EXISTS tf_tickets_sla_settled(), tf_tickets_sla_settled_truncated();
"""

_SQLITE_IN = (
    f"INSERT INTO sla_settled ({KEYS}, n) SELECT {_sqlite_key('NEW')}, 1 "
    "WHERE NEW.sla_outcome IS NOT NULL AND NEW.sla_settled_at IS NOT NULL "
    f"ON CONFLICT ({KEYS}) DO UPDATE SET n = n + 1;"
)
_SQLITE_OUT = (
    f"UPDATE sla_settled SET n = n - 1 WHERE ({KEYS}) = "
    f"({_sqlite_key('OLD')});"  # matches nothing when OLD was not counted (a NULL in the key)
)
_SQLITE_MOVED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}" for c in ("sla_settled_at", "sla_outcome", "assignee", "group_id")
)
SQLITE_TRIGGERS = {
    "sla_settled_insert": f"CREATE TRIGGER sla_settled_insert AFTER INSERT ON tickets BEGIN {_SQLITE_IN} END",
    "sla_settled_update": (
        "CREATE TRIGGER sla_settled_update AFTER UPDATE OF sla_settled_at, sla_outcome, assignee, group_id "
        f"ON tickets WHEN {_SQLITE_MOVED} BEGIN {_SQLITE_OUT} {_SQLITE_IN} END"
    ),
    "sla_settled_delete": f"CREATE TRIGGER sla_settled_delete AFTER DELETE ON tickets BEGIN {_SQLITE_OUT} END",
}


def fill_sql(dialect: Dialect) -> str:
    """One INSERT ... SELECT ... GROUP BY over the tickets, into an empty summary."""
    key = _pg_key() if dialect is Dialect.POSTGRESQL else _sqlite_key("tickets")
    return (
        f"INSERT INTO sla_settled ({KEYS}, n) SELECT {key}, count(*) FROM tickets WHERE {COUNTED} "
        "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    )
