"""A ticket's SLA figures on PostgreSQL: computed and kept by the database, not by the client.

The PL/pgSQL here is domain/business_hours.py and domain/sla.py written again, rule for rule, so that
both backends store the same figures (tests/team/test_sla_in_database.py compares them):

- `tf_sla_add` / `tf_sla_minutes_between`: business minutes under the team calendar, real (UTC)
  minutes; days without a clock change as one interval, the two days a year with one minute by minute.
- A wall-clock time is read as Python's zoneinfo reads it (fold=0): in the hour skipped in spring and
  the hour that happens twice in autumn, with the offset in force before the change (`tf_sla_local`).
- Triggers: a new ticket takes its priority's dues; a status change pauses, resumes (the waited
  business minutes move the resolution due out) and settles met/breached, reopening clears that; a
  priority change takes the new policy; an agent's first reply stops the first-response clock; a
  change of the calendar or a policy recomputes the tickets not yet done.
- The times are the database's `now()` (the change's, the reply's `messages.at`).

What a client writes into these columns is overwritten with the database's figures (and a NOTICE
names the column), like `created_at` and `version` in storage/team_sql.py. Overwritten rather than
refused: an app from before 0015 still stores its own figures after each write, with the agents'
column privilege it was given; refusing would fail its every ticket write, while overwriting keeps it
working and makes its store harmless (the figures it writes are the same when the rules agree, and
the database's when they do not). Whoever moves a due in raw SQL sees the notice and the unmoved due.
Two paths do write them, each needing a transaction-local setting that only a trigger (depth > 1) or
a role can make count: the triggers' own (`ticketflow.sla_writing`) and an administrator's bulk load
(`ticketflow.trusted_load`, which brings its own figures: sla_store.settle_loaded).
"""

from __future__ import annotations

from ticketflow_desktop.domain.business_hours import HORIZON_DAYS

NO_DUE_SQL = "'9999-12-31 00:00:00+00'::timestamptz"
DONE_SQL = "('resolved', 'closed')"
# The calendar as the functions take it: the zone, per ISO weekday (1 = Monday) the working minutes
# [start, end) after local midnight (NULL: not a working day), and the holidays.
_CAL = "zone text, starts integer[], ends integer[], holidays date[]"
_CAL_ARGS = "zone, starts, ends, holidays"
SLA_COLUMNS = (
    "first_response_due",
    "resolution_due",
    "first_responded_at",
    "sla_paused_at",
    "sla_paused_minutes",
    "sla_outcome",
    "sla_settled_at",
    "sla_due",
)


def _row(prefix: str) -> str:
    return "(" + ", ".join(f"{prefix}.{c}" for c in SLA_COLUMNS) + ")"


_DEFAULTS = {"sla_paused_minutes": "0", "sla_due": NO_DUE_SQL}


def _overwrite(kept: str) -> str:
    """PL/pgSQL: every SLA column of NEW set back to `kept` ('OLD' or the defaults), the client's value
    named in a NOTICE (the first one that differed)."""
    cases = []
    assignments = []
    for c in SLA_COLUMNS:
        value = f"OLD.{c}" if kept == "OLD" else _DEFAULTS.get(c, "NULL")
        cases.append(f"WHEN NEW.{c} IS DISTINCT FROM {value} THEN '{c}'")
        assignments.append(f"NEW.{c} := {value};")
    return (
        f"written := CASE {' '.join(cases)} END;\n"
        "  IF written IS NOT NULL THEN\n"
        "    RAISE NOTICE 'a ticket''s SLA figures are the database''s to keep: % was not written', written\n"
        "      USING HINT = 'Change the status, the priority or the policies; the database computes the dues.';\n"
        "  END IF;\n  " + "\n  ".join(assignments)
    )


# business_hours._HOURS, for a part already stripped of its surrounding space.
_HOURS = r"^([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$"


ARITHMETIC_SQL = f"""
-- The team calendar's hours, parsed as business_hours.Calendar.parse parses them (same words on error).
CREATE OR REPLACE FUNCTION tf_sla_week(hours text, OUT starts integer[], OUT ends integer[])
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  days constant text[] := ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  part text;
  m text[];
  a integer;
  b integer;
  s integer;
  e integer;
  d integer;
BEGIN
  starts := array_fill(NULL::integer, ARRAY[7]);
  ends := array_fill(NULL::integer, ARRAY[7]);
  FOREACH part IN ARRAY regexp_split_to_array(hours, '[;,]') LOOP
    part := regexp_replace(part, '^\\s+|\\s+$', '', 'g');
    CONTINUE WHEN part = '';
    m := regexp_match(part, '{_HOURS}', 'i');
    IF m IS NULL THEN
      RAISE EXCEPTION '''%'' is not like ''Mon-Fri 09:00-17:00''', part USING ERRCODE = 'invalid_parameter_value';
    END IF;
    a := array_position(days, lower(m[1]));
    b := array_position(days, lower(coalesce(m[2], m[1])));
    IF a IS NULL OR b IS NULL THEN
      RAISE EXCEPTION 'days are written Mon, Tue, Wed, Thu, Fri, Sat, Sun' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    s := m[3]::integer * 60 + m[4]::integer;
    e := m[5]::integer * 60 + m[6]::integer;
    IF NOT (0 <= s AND s < e AND e <= 1440) OR m[4]::integer > 59 OR m[6]::integer > 59 THEN
      RAISE EXCEPTION '''%'': the hours must run forwards within one day (00:00-24:00)', part
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    d := a;  -- a..b, past Sunday when b comes first (Sat-Mon)
    LOOP
      starts[d] := s;
      ends[d] := e;
      EXIT WHEN d = b;
      d := d % 7 + 1;
    END LOOP;
  END LOOP;
  IF array_remove(starts, NULL) = '{{}}' THEN
    RAISE EXCEPTION 'give at least one working day' USING ERRCODE = 'invalid_parameter_value';
  END IF;
END $$;

-- A calendar as the functions take it; an unknown zone is refused here (22023).
CREATE OR REPLACE FUNCTION tf_sla_parse_calendar(hours text, zone_name text, holiday_text text,
  OUT zone text, OUT starts integer[], OUT ends integer[], OUT holidays date[])
LANGUAGE plpgsql STABLE AS $$
BEGIN
  PERFORM now() AT TIME ZONE zone_name;
  zone := zone_name;
  SELECT w.starts, w.ends INTO starts, ends FROM tf_sla_week(hours) w;
  holidays := ARRAY(SELECT d::date FROM unnest(string_to_array(holiday_text, ',')) AS d WHERE d <> '' ORDER BY 1);
END $$;

-- The team's calendar (sla_store.read_calendar's default while none is set).
CREATE OR REPLACE FUNCTION tf_sla_calendar(OUT zone text, OUT starts integer[], OUT ends integer[], OUT holidays date[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
  c record;
BEGIN
  SELECT hours, sla_calendar.zone AS zone_name, sla_calendar.holidays AS holiday_text INTO c
  FROM sla_calendar WHERE id = 1;
  IF NOT FOUND THEN
    SELECT * INTO zone, starts, ends, holidays FROM tf_sla_parse_calendar('Mon-Fri 09:00-17:00', 'UTC', '');
  ELSE
    SELECT * INTO zone, starts, ends, holidays FROM tf_sla_parse_calendar(c.hours, c.zone_name, c.holiday_text);
  END IF;
END $$;

CREATE OR REPLACE FUNCTION tf_sla_offset(instant timestamptz, zone text) RETURNS interval
LANGUAGE sql STABLE AS $$
  SELECT (instant AT TIME ZONE zone) - (instant AT TIME ZONE 'UTC')
$$;

-- A wall-clock time as zoneinfo reads it (fold=0): in a gap or an overlap, the offset before the change.
CREATE OR REPLACE FUNCTION tf_sla_local(local timestamp, zone text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
  x constant timestamptz := local AT TIME ZONE 'UTC';
  before constant interval := tf_sla_offset(x - interval '1 day', zone);
  after constant interval := tf_sla_offset(x + interval '1 day', zone);
BEGIN
  IF before = after OR tf_sla_offset(x - before, zone) = before THEN
    RETURN x - before;
  ELSIF tf_sla_offset(x - after, zone) = after THEN
    RETURN x - after;
  END IF;
  RETURN x - before;  -- in the gap
END $$;

-- A day's business time as UTC intervals [a, b) (business_hours.Calendar._intervals).
CREATE OR REPLACE FUNCTION tf_sla_day(day date, {_CAL}) RETURNS TABLE (a timestamptz, b timestamptz)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  weekday constant integer := extract(isodow FROM day)::integer;
  s constant integer := starts[weekday];
  e constant integer := ends[weekday];
  midnight timestamptz;
  next_midnight timestamptz;
  offset_at_midnight interval;
BEGIN
  IF s IS NULL OR day = ANY(holidays) THEN
    RETURN;
  END IF;
  midnight := tf_sla_local(day::timestamp, zone);
  next_midnight := tf_sla_local((day + 1)::timestamp, zone);
  offset_at_midnight := day::timestamp - (midnight AT TIME ZONE 'UTC');
  IF offset_at_midnight = (day + 1)::timestamp - (next_midnight AT TIME ZONE 'UTC') THEN  -- no clock change
    a := (day::timestamp + make_interval(mins => s) - offset_at_midnight) AT TIME ZONE 'UTC';
    b := (day::timestamp + make_interval(mins => e) - offset_at_midnight) AT TIME ZONE 'UTC';
    RETURN NEXT;
    RETURN;
  END IF;
  -- The clocks change today: every real minute whose wall-clock time is within the hours.
  RETURN QUERY
    SELECT min(m), least(max(m) + interval '1 minute', next_midnight)
    FROM (
      SELECT m, m - row_number() OVER (ORDER BY m) * interval '1 minute' AS run
      FROM generate_series(midnight, next_midnight - interval '1 microsecond', interval '1 minute') AS m
      WHERE extract(hour FROM m AT TIME ZONE zone) * 60 + extract(minute FROM m AT TIME ZONE zone) >= s
        AND extract(hour FROM m AT TIME ZONE zone) * 60 + extract(minute FROM m AT TIME ZONE zone) < e
    ) AS inside
    GROUP BY run ORDER BY 1;
END $$;

-- The instant at which `minutes` business minutes have passed since `start` (Calendar.add).
CREATE OR REPLACE FUNCTION tf_sla_add(start timestamptz, minutes bigint, {_CAL}) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
  remaining bigint := minutes;
  day date := (start AT TIME ZONE zone)::date;
  span record;
  lo timestamptz;
  available bigint;
BEGIN
  IF minutes <= 0 THEN
    RETURN start;
  END IF;
  FOR i IN 1..{HORIZON_DAYS} LOOP
    FOR span IN SELECT * FROM tf_sla_day(day, {_CAL_ARGS}) LOOP
      lo := greatest(span.a, start);
      CONTINUE WHEN span.b <= lo;
      available := floor(extract(epoch FROM span.b - lo) / 60);
      IF available >= remaining THEN
        RETURN lo + make_interval(mins => remaining::integer);
      END IF;
      remaining := remaining - available;
    END LOOP;
    day := day + 1;
  END LOOP;
  RAISE EXCEPTION 'the calendar has no % business minutes within {HORIZON_DAYS} days', minutes
    USING ERRCODE = 'invalid_parameter_value';
END $$;

-- Business minutes in [start, stop) (Calendar.minutes_between).
CREATE OR REPLACE FUNCTION tf_sla_minutes_between(start timestamptz, stop timestamptz, {_CAL}) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
  total bigint := 0;
  day date := (start AT TIME ZONE zone)::date;
  last constant date := (stop AT TIME ZONE zone)::date;
  span record;
BEGIN
  IF stop <= start THEN
    RETURN 0;
  END IF;
  WHILE day <= last LOOP
    FOR span IN SELECT * FROM tf_sla_day(day, {_CAL_ARGS}) LOOP
      IF least(span.b, stop) > greatest(span.a, start) THEN
        total := total + floor(extract(epoch FROM least(span.b, stop) - greatest(span.a, start)) / 60);
      END IF;
    END LOOP;
    day := day + 1;
  END LOOP;
  RETURN total;
END $$;
"""

RULES_SQL = f"""
-- The dues after a policy, calendar or priority change (domain/sla.apply_policy); NULL minutes: no policy.
CREATE OR REPLACE FUNCTION tf_sla_apply_policy(t tickets, first_minutes integer, resolution_minutes integer, {_CAL})
RETURNS tickets LANGUAGE plpgsql STABLE AS $$
DECLARE
  start constant timestamptz := date_trunc('minute', t.created_at, 'UTC');  -- dues fall on a whole minute
BEGIN
  IF t.status IN {DONE_SQL} AND t.sla_outcome IS NOT NULL THEN
    RETURN t;
  END IF;
  IF first_minutes IS NULL THEN
    t.first_response_due := NULL;
    t.resolution_due := NULL;
    RETURN t;
  END IF;
  t.first_response_due := tf_sla_add(start, first_minutes, {_CAL_ARGS});
  t.resolution_due := tf_sla_add(start, resolution_minutes + t.sla_paused_minutes, {_CAL_ARGS});
  RETURN t;
END $$;

-- The same with the team's calendar and the ticket's priority's policy.
CREATE OR REPLACE FUNCTION tf_sla_apply_team_policy(t tickets) RETURNS tickets LANGUAGE plpgsql STABLE AS $$
DECLARE
  c record;
  p record;
BEGIN
  SELECT * INTO c FROM tf_sla_calendar();
  SELECT first_response_minutes, resolution_minutes INTO p FROM sla_policies WHERE priority = t.priority;
  RETURN tf_sla_apply_policy(t, p.first_response_minutes, p.resolution_minutes, c.zone, c.starts, c.ends, c.holidays);
END $$;

-- Met or breached for a ticket becoming done at `at` (domain/sla.outcome); NULL without a policy.
CREATE OR REPLACE FUNCTION tf_sla_outcome(t tickets, instant timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN t.resolution_due IS NULL THEN NULL
    WHEN (t.first_response_due IS NULL OR coalesce(t.first_responded_at, instant) <= t.first_response_due)
         AND instant <= t.resolution_due THEN 'met'
    ELSE 'breached'
  END
$$;

-- The due that counts now, the list's sort key (TicketSla.sort_due).
CREATE OR REPLACE FUNCTION tf_sla_sort_due(t tickets) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN t.resolution_due IS NULL OR t.sla_outcome IS NOT NULL THEN {NO_DUE_SQL}
    WHEN t.first_responded_at IS NULL AND t.first_response_due IS NOT NULL THEN t.first_response_due
    ELSE t.resolution_due
  END
$$;

-- The ticket moved from `old_status` to its status at `at` (domain/sla.on_status_change).
CREATE OR REPLACE FUNCTION tf_sla_status_change(t tickets, old_status text, instant timestamptz, {_CAL})
RETURNS tickets LANGUAGE plpgsql STABLE AS $$
DECLARE
  waited bigint;
  settled text;
BEGIN
  IF old_status = 'pending' AND t.status <> 'pending' AND t.sla_paused_at IS NOT NULL THEN
    -- Resumed: the business time waited moves the resolution due out (a missed one stays missed).
    waited := tf_sla_minutes_between(t.sla_paused_at, instant, {_CAL_ARGS});
    IF t.resolution_due IS NOT NULL AND t.resolution_due > t.sla_paused_at THEN
      t.resolution_due := tf_sla_add(t.resolution_due, waited, {_CAL_ARGS});
    END IF;
    t.sla_paused_at := NULL;
    t.sla_paused_minutes := t.sla_paused_minutes + waited;
  END IF;
  IF t.status = 'pending' AND t.sla_paused_at IS NULL THEN
    t.sla_paused_at := instant;
  END IF;
  IF t.status IN {DONE_SQL} AND old_status NOT IN {DONE_SQL} THEN
    settled := tf_sla_outcome(t, instant);
    t.sla_outcome := settled;
    t.sla_settled_at := CASE WHEN settled IS NULL THEN NULL ELSE instant END;
  ELSIF t.status NOT IN {DONE_SQL} AND old_status IN {DONE_SQL} THEN
    t.sla_outcome := NULL;
    t.sla_settled_at := NULL;
  END IF;
  RETURN t;
END $$;

-- Whether this write is one of the SLA triggers' own (a setting counts only at trigger depth > 1).
CREATE OR REPLACE FUNCTION tf_sla_writing() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT pg_trigger_depth() > 1 AND coalesce(current_setting('ticketflow.sla_writing', true), '') = 'on'
$$;

-- A new ticket: its priority's dues, counted from the creation the database stamped.
CREATE OR REPLACE FUNCTION tf_ticket_sla_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written text;
BEGIN
  IF tf_trusted('trusted_load', 'admin') THEN
    RETURN NEW;
  END IF;
  {_overwrite("defaults")}
  NEW := tf_sla_apply_team_policy(NEW);
  NEW.sla_due := tf_sla_sort_due(NEW);
  RETURN NEW;
END $$;

-- A changed ticket: a status change pauses, resumes or settles the clock; a priority change takes
-- its policy (services/sla.after_update). The change's time is the database's.
CREATE OR REPLACE FUNCTION tf_ticket_sla_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written text;
  c record;
BEGIN
  IF tf_trusted('trusted_load', 'admin') OR tf_sla_writing() THEN
    RETURN NEW;
  END IF;
  {_overwrite("OLD")}
  IF NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.priority IS NOT DISTINCT FROM OLD.priority THEN
    RETURN NEW;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    SELECT * INTO c FROM tf_sla_calendar();
    NEW := tf_sla_status_change(NEW, OLD.status, now(), c.zone, c.starts, c.ends, c.holidays);
  END IF;
  IF NEW.priority IS DISTINCT FROM OLD.priority THEN
    NEW := tf_sla_apply_team_policy(NEW);
  END IF;
  IF {_row("NEW")} IS DISTINCT FROM {_row("OLD")} THEN
    NEW.sla_due := tf_sla_sort_due(NEW);
  END IF;
  RETURN NEW;
END $$;

-- An agent's first reply stops the first-response clock (services/sla.after_message), at the
-- reply's time. As the owner: no agent may write the SLA columns.
CREATE OR REPLACE FUNCTION tf_message_sla() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t tickets;
BEGIN
  IF NEW.kind <> 'reply' OR tf_trusted('trusted_load', 'admin') THEN
    RETURN NULL;
  END IF;
  SELECT * INTO t FROM tickets
  WHERE id = NEW.ticket_id AND first_responded_at IS NULL AND resolution_due IS NOT NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  t.first_responded_at := NEW.at;
  PERFORM set_config('ticketflow.sla_writing', 'on', true);
  UPDATE tickets SET first_responded_at = t.first_responded_at, sla_due = tf_sla_sort_due(t) WHERE id = t.id;
  PERFORM set_config('ticketflow.sla_writing', 'off', true);
  RETURN NULL;
END $$;

-- The calendar or policies changed: the tickets not yet done (of `priorities`, NULL: all) take the new dues
-- (sla_store.recompute). Returns how many tickets' figures moved; the service reads it from
-- `ticketflow.sla_recomputed`.
CREATE OR REPLACE FUNCTION tf_sla_recompute(priorities text[]) RETURNS integer LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  changed integer;
BEGIN
  PERFORM set_config('ticketflow.sla_writing', 'on', true);
  UPDATE tickets t
  SET first_response_due = (s.n).first_response_due, resolution_due = (s.n).resolution_due,
      sla_due = tf_sla_sort_due(s.n)
  FROM (
    SELECT x.id, tf_sla_apply_policy(x, p.first_response_minutes, p.resolution_minutes,
                                     c.zone, c.starts, c.ends, c.holidays) AS n
    FROM tickets x
    CROSS JOIN tf_sla_calendar() c
    LEFT JOIN sla_policies p ON p.priority = x.priority
    WHERE x.status NOT IN {DONE_SQL} AND (priorities IS NULL OR x.priority = ANY(priorities))
  ) s
  WHERE t.id = s.id
    AND (t.first_response_due, t.resolution_due, t.sla_due)
        IS DISTINCT FROM ((s.n).first_response_due, (s.n).resolution_due, tf_sla_sort_due(s.n));
  GET DIAGNOSTICS changed = ROW_COUNT;
  PERFORM set_config('ticketflow.sla_writing', 'off', true);
  PERFORM set_config('ticketflow.sla_recomputed', changed::text, true);
  RETURN changed;
END $$;

CREATE OR REPLACE FUNCTION tf_sla_policy_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF tf_trusted('trusted_load', 'admin') THEN  -- a load settles its tickets itself
    RETURN NULL;
  END IF;
  PERFORM tf_sla_recompute(CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[NEW.priority]
    WHEN 'DELETE' THEN ARRAY[OLD.priority]
    ELSE ARRAY[OLD.priority, NEW.priority] END::text[]);
  RETURN NULL;
END $$;

-- A calendar the client could not read back (sla_store.read_calendar) is refused: a zone PostgreSQL
-- takes but Python's zoneinfo does not ('UTC+3'), holidays not written YYYY-MM-DD; bad hours by
-- tf_sla_week. Then the open tickets take it.
CREATE OR REPLACE FUNCTION tf_sla_calendar_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.zone) THEN
      RAISE EXCEPTION '''%'' is not a time zone (write e.g. Europe/Berlin)', NEW.zone
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NEW.holidays !~ '^(\\d{{4}}-\\d{{2}}-\\d{{2}}(,\\d{{4}}-\\d{{2}}-\\d{{2}})*)?$' THEN
      RAISE EXCEPTION 'holidays are dates written 2026-12-25, separated by commas'
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END IF;
  IF tf_trusted('trusted_load', 'admin') THEN
    PERFORM tf_sla_calendar();  -- still refused if it cannot be read
    RETURN NULL;
  END IF;
  PERFORM tf_sla_recompute(NULL);
  RETURN NULL;
END $$;
"""

TRIGGERS_SQL = """
-- Only the calendar and policy triggers run the recompute (as the owner).
REVOKE ALL ON FUNCTION tf_sla_recompute(text[]) FROM PUBLIC;
DROP TRIGGER IF EXISTS tf_ticket_sla_before_insert ON tickets;
CREATE TRIGGER tf_ticket_sla_before_insert BEFORE INSERT ON tickets
  FOR EACH ROW EXECUTE FUNCTION tf_ticket_sla_before_insert();
DROP TRIGGER IF EXISTS tf_ticket_sla_before_update ON tickets;
CREATE TRIGGER tf_ticket_sla_before_update BEFORE UPDATE ON tickets
  FOR EACH ROW EXECUTE FUNCTION tf_ticket_sla_before_update();
DROP TRIGGER IF EXISTS tf_message_sla ON messages;
CREATE TRIGGER tf_message_sla AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION tf_message_sla();
DROP TRIGGER IF EXISTS tf_sla_policy_changed ON sla_policies;
CREATE TRIGGER tf_sla_policy_changed AFTER INSERT OR UPDATE OR DELETE ON sla_policies
  FOR EACH ROW EXECUTE FUNCTION tf_sla_policy_changed();
DROP TRIGGER IF EXISTS tf_sla_calendar_changed ON sla_calendar;
CREATE TRIGGER tf_sla_calendar_changed AFTER INSERT OR UPDATE OR DELETE ON sla_calendar
  FOR EACH ROW EXECUTE FUNCTION tf_sla_calendar_changed();
"""

# What 0015's downgrade removes (the functions' signatures, for DROP FUNCTION).
DROP_SQL = """
DROP TRIGGER IF EXISTS tf_ticket_sla_before_insert ON tickets;
DROP TRIGGER IF EXISTS tf_ticket_sla_before_update ON tickets;
DROP TRIGGER IF EXISTS tf_message_sla ON messages;
DROP TRIGGER IF EXISTS tf_sla_policy_changed ON sla_policies;
DROP TRIGGER IF EXISTS tf_sla_calendar_changed ON sla_calendar;
DROP FUNCTION IF EXISTS tf_ticket_sla_before_insert(), tf_ticket_sla_before_update(), tf_message_sla(),
  tf_sla_policy_changed(), tf_sla_calendar_changed(), tf_sla_recompute(text[]), tf_sla_writing(),
  tf_sla_status_change(tickets, text, timestamptz, text, integer[], integer[], date[]),
  tf_sla_sort_due(tickets), tf_sla_outcome(tickets, timestamptz), tf_sla_apply_team_policy(tickets),
  tf_sla_apply_policy(tickets, integer, integer, text, integer[], integer[], date[]),
  tf_sla_minutes_between(timestamptz, timestamptz, text, integer[], integer[], date[]),
  tf_sla_add(timestamptz, bigint, text, integer[], integer[], date[]),
  tf_sla_day(date, text, integer[], integer[], date[]), tf_sla_local(timestamp, text),
  tf_sla_offset(timestamptz, text), tf_sla_calendar(), tf_sla_parse_calendar(text, text, text), tf_sla_week(text);
"""


def sla_schema_sql() -> str:
    """The functions and triggers, idempotent (CREATE OR REPLACE, DROP/CREATE TRIGGER)."""
    return "\n".join((ARITHMETIC_SQL, RULES_SQL, TRIGGERS_SQL))
