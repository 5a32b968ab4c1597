"""The schema as SQLAlchemy Core tables. Alembic migrations (storage/migrations) create it.

Core, not the ORM's declarative classes: the app reads and writes rows, never objects with identity, and
the ORM's import and mapping cost a command-line call about 70 ms (bench/README)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Computed,
    Date,
    DateTime,
    FetchedValue,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import false, true

from ticketflow_desktop.domain import Category, EventField, EventSource, Priority, Status, SuggestionSource

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only aliases the rowid for "INTEGER PRIMARY KEY"; PostgreSQL gets a 64-bit identity.
Id = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python; timestamptz on PostgreSQL, sortable ISO text on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        # SQLite stores text; a fixed naive form keeps it sortable and comparable as text.
        return value.replace(tzinfo=None) if getattr(dialect, "name", "") == "sqlite" else value

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], datetime | None]:
        """The driver's value (parsed from SQLite's text) in UTC, in one call (TypeDecorator's own chain
        calls two functions for each value, and a page of tickets reads 400 of them)."""
        parse = self.impl_instance.result_processor(dialect, coltype)

        def process(value: Any) -> datetime | None:
            if value is None:
                return None
            if parse is not None:
                value = parse(value)
            stored: datetime = value
            return stored.replace(tzinfo=UTC) if stored.tzinfo is None else stored.astimezone(UTC)

        return process


def _in(column: str, enum: type[Enum]) -> str:
    values = ", ".join(f"'{m.value}'" for m in enum)
    return f"{column} IN ({values})"


def _rank_case(column: str, enum: type[Priority] | type[Status]) -> str:
    whens = " ".join(f"WHEN '{m.value}' THEN {m.rank}" for m in enum)
    return f"CASE {column} {whens} END"


metadata = MetaData(naming_convention=NAMING_CONVENTION)


ticket_table = Table(
    "tickets",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("category", String(16), nullable=False),
    Column("priority", String(16), nullable=False),
    Column("status", String(16), server_default=Status.OPEN.value, nullable=False),
    # Stored ranks let the list sort by urgency and workflow order through an index.
    Column("priority_rank", Integer, Computed(_rank_case("priority", Priority), persisted=True), nullable=False),
    Column("status_rank", Integer, Computed(_rank_case("status", Status), persisted=True), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("version", Integer, server_default="1", nullable=False),
    Column("suggested_category", String(16)),
    Column("suggested_priority", String(16)),
    Column("suggestion_source", String(16)),
    Column("suggestion_model", String(200)),
    Column("suggestion_confidence", Float),
    Column("idempotency_key", String(64)),
    # The ticket's id in the system it was imported from (unique when present).
    Column("external_id", String(200)),
    # The agents' group the ticket belongs to (row-level security on PostgreSQL), or none.
    Column("group_id", Id, ForeignKey("groups.id")),
    Column("requester_id", Id, ForeignKey("customers.id")),
    # An agent's login (on PostgreSQL a trigger checks it names an active agent).
    Column("assignee", String(128)),
    # SLA (domain/sla.py): the dues, the first agent reply, the wait on the customer, the outcome once done.
    Column("first_response_due", UtcDateTime),
    Column("resolution_due", UtcDateTime),
    Column("first_responded_at", UtcDateTime),
    Column("sla_paused_at", UtcDateTime),
    Column("sla_paused_minutes", Integer, server_default="0", nullable=False),
    Column("sla_outcome", String(16)),
    Column("sla_settled_at", UtcDateTime),  # when the outcome was fixed
    # The running target's due, NO_DUE when none: the "due first" order's index key (never NULL, which
    # the two backends sort differently).
    Column("sla_due", UtcDateTime, nullable=False),
    CheckConstraint(_in("category", Category), name="category"),
    CheckConstraint(_in("priority", Priority), name="priority"),
    CheckConstraint(_in("status", Status), name="status"),
    CheckConstraint(
        f"suggested_category IS NULL OR {_in('suggested_category', Category)}",
        name="suggested_category",
    ),
    CheckConstraint(
        f"suggested_priority IS NULL OR {_in('suggested_priority', Priority)}",
        name="suggested_priority",
    ),
    CheckConstraint(
        f"suggestion_source IS NULL OR {_in('suggestion_source', SuggestionSource)}",
        name="suggestion_source",
    ),
    CheckConstraint(
        "suggestion_confidence IS NULL OR (suggestion_confidence >= 0 AND suggestion_confidence <= 1)",
        name="suggestion_confidence",
    ),
    CheckConstraint("length(title) BETWEEN 1 AND 200", name="title_length"),
    CheckConstraint("length(description) BETWEEN 1 AND 100000", name="description_length"),
    CheckConstraint("version >= 1", name="version"),
    UniqueConstraint("idempotency_key"),
    # A unique index, not a constraint: SQLite adds one without rebuilding the table.
    Index("ix_tickets_external_id", "external_id", unique=True),
    # One index per list order (sort key + id, for keyset seeks) ...
    Index("ix_tickets_created", "created_at", "id"),
    Index("ix_tickets_updated", "updated_at", "id"),
    Index("ix_tickets_priority_rank", "priority_rank", "id"),
    Index("ix_tickets_status_rank", "status_rank", "id"),
    Index("ix_tickets_title", "title", "id"),
    # ... and one per filter, ordered newest first within it.
    Index("ix_tickets_category_created", "category", "created_at", "id"),
    Index("ix_tickets_priority_created", "priority", "created_at", "id"),
    Index("ix_tickets_status_created", "status", "created_at", "id"),
    Index("ix_tickets_all_filters", "status", "category", "priority", "created_at", "id"),
    Index("ix_tickets_group_created", "group_id", "created_at", "id"),
    Index("ix_tickets_assignee_created", "assignee", "created_at", "id"),
    Index("ix_tickets_requester_created", "requester_id", "created_at", "id"),
    Index("ix_tickets_sla_due", "sla_due", "id"),
    # "Mine" / "Unassigned" by SLA due: the queue's tickets in the order shown, not all of them sorted;
    # on PostgreSQL its capped count (status, and group_id for row-level security) from the index alone.
    Index("ix_tickets_assignee_due", "assignee", "sla_due", "id", postgresql_include=["status", "group_id"]),
    # SLA attainment reads what it groups by from the index alone (an agent's visibility included).
    Index("ix_tickets_sla_settled_cover", "sla_settled_at", "sla_outcome", "assignee", "group_id"),
    CheckConstraint("sla_outcome IS NULL OR sla_outcome IN ('met', 'breached')", name="sla_outcome"),
    CheckConstraint("sla_paused_minutes >= 0", name="sla_paused_minutes"),
)


# Append-only history: one row for the creation and one per changed field.
ticket_event_table = Table(
    "ticket_events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("field", String(32), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("source", String(16), nullable=False),
    # The ticket version this change produced: lets an edit based on an older version find out
    # which fields colleagues changed since, and merge when they do not overlap.
    Column("version", Integer, nullable=False),
    # Who made the change: the database login (set by PostgreSQL itself), or the OS login on SQLite.
    Column("actor", String(128)),
    # When the client wrote a change that waited in its outbox while offline (`at` is when it arrived).
    Column("written_at", UtcDateTime),
    CheckConstraint(_in("source", EventSource), name="source"),
    CheckConstraint(_in("field", EventField), name="field"),
    Index("ix_ticket_events_field_value_ticket", "field", "new_value", "ticket_id"),
)


# How many submitted tickets carried a suggestion from each source, and whether it was kept.
suggestion_count_table = Table(
    "suggestion_counts",
    metadata,
    Column("source", String(16), primary_key=True),
    Column("accepted", Boolean, primary_key=True),
    Column("n", BigInteger, nullable=False),
    CheckConstraint(_in("source", SuggestionSource), name="source"),
    CheckConstraint("n >= 0", name="n"),
)


# Per day: tickets created, tickets that became done (resolved or closed), tickets reopened.
#
# Kept in the same transaction as every write (storage/analytics.py), so the dashboard draws its
# daily lines and the open backlog from one row per day.
daily_flow_table = Table(
    "daily_flow",
    metadata,
    Column("day", Date, primary_key=True),
    Column("created", BigInteger, nullable=False),
    Column("resolved", BigInteger, nullable=False),
    Column("reopened", BigInteger, nullable=False),
    CheckConstraint("created >= 0 AND resolved >= 0 AND reopened >= 0", name="counts"),
)


# Current ticket counts by category, priority and status: at most 64 rows for the dashboard.
ticket_total_table = Table(
    "ticket_totals",
    metadata,
    Column("category", String(16), primary_key=True),
    Column("priority", String(16), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("n", BigInteger, nullable=False),
    CheckConstraint("n >= 0", name="n"),
)


# A histogram of the time from creation to first resolution, in buckets 1 % wide (log scale).
#
# About 1,800 rows cover a year, so the median is read from the histogram instead of sorting every
# resolved ticket.
resolution_time_table = Table(
    "resolution_times",
    metadata,
    Column("bucket", Integer, primary_key=True, autoincrement=False),
    Column("n", BigInteger, nullable=False),
    CheckConstraint("n >= 0", name="n"),
)


# Settled tickets per (week settled: the Monday of the UTC day, assignee or '', SLA outcome, group or 0):
# the SLA attainment's counts, at most a few thousand rows a week however many tickets there are.
#
# Kept by triggers on both backends (storage/sla_settled_sql.py), so every write of a ticket's outcome,
# settled time, assignee or group counts. The group is kept so that, on PostgreSQL, row-level security
# shows an agent the counts of exactly the tickets they may see (storage/team_sql.py's policy).
sla_settled_table = Table(
    "sla_settled",
    metadata,
    Column("week", Date, primary_key=True),
    Column("assignee", String(128), primary_key=True),
    Column("outcome", String(16), primary_key=True),
    Column("group_id", Id, primary_key=True, autoincrement=False),  # 0: no group
    Column("n", BigInteger, nullable=False),
    # SQLite: the rows in key order with their counts, so a range of weeks reads no second structure.
    sqlite_with_rowid=False,
)


# A member of the team: on PostgreSQL one per login role (the role is the authentication).
agent_table = Table(
    "agents",
    metadata,
    Column("login", String(128), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("email", String(320)),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, server_default=true(), nullable=False),
    CheckConstraint("role IN ('viewer', 'agent', 'lead', 'admin')", name="role"),
)


group_table = Table(
    "groups",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(100), unique=True, nullable=False),
    CheckConstraint("length(name) BETWEEN 1 AND 100", name="name_length"),
)


agent_group_table = Table(
    "agent_groups",
    metadata,
    Column("login", String(128), ForeignKey("agents.login", ondelete="CASCADE"), primary_key=True),
    Column("group_id", Id, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
)


# Who removed which text from a ticket and its history, when, and why (the text itself is gone).
redaction_table = Table(
    "redactions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("field", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(128), nullable=False),
    Column("at", UtcDateTime, nullable=False),
)


# A requester: one record per email address, matched case-insensitively (`email_key`).
customer_table = Table(
    "customers",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("email", String(320), nullable=False),
    Column("email_key", String(320), unique=True, nullable=False),
    Column("organisation", String(200)),
    CheckConstraint("length(name) BETWEEN 1 AND 200", name="name_length"),
    Index("ix_customers_name", "name"),
    Index("ix_customers_organisation", "organisation"),
)


MESSAGE_KINDS_SQL = "'reply', 'note', 'customer'"


# A ticket's thread: replies, internal notes and the customer's messages, append-only.
message_table = Table(
    "messages",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    # Who wrote or recorded it: the database login (set by PostgreSQL), the OS login on SQLite.
    Column("author", String(128), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("body", Text, nullable=False),
    Column("customer_id", Id, ForeignKey("customers.id")),
    Column("written_at", UtcDateTime),
    # The outbox entry's key: a message sent again after a lost answer is found, not stored twice.
    Column("idempotency_key", String(64)),
    CheckConstraint(f"kind IN ({MESSAGE_KINDS_SQL})", name="kind"),
    CheckConstraint("length(body) BETWEEN 1 AND 100000", name="body_length"),
    Index("ix_messages_ticket", "ticket_id", "id"),
    Index("ux_messages_idempotency_key", "idempotency_key", unique=True),
)


# A saved reply: text with placeholders and the field changes applied with it.
macro_table = Table(
    "macros",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(100), unique=True, nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(16)),
    Column("priority", String(16)),
    Column("category", String(16)),
    Column("owner", String(128), nullable=False),
    Column("shared", Boolean, server_default=true(), nullable=False),
    CheckConstraint("length(name) BETWEEN 1 AND 100", name="name_length"),
    CheckConstraint("length(body) BETWEEN 1 AND 100000", name="body_length"),
    CheckConstraint(f"status IS NULL OR {_in('status', Status)}", name="status"),
    CheckConstraint(f"priority IS NULL OR {_in('priority', Priority)}", name="priority"),
    CheckConstraint(f"category IS NULL OR {_in('category', Category)}", name="category"),
)


TAG_MAX_SQL = 50  # domain.tags.TAG_MAX; the database refuses longer and blank ones whatever the client


# A free-form tag on a ticket, stored normalised (domain/tags.py).
ticket_tag_table = Table(
    "ticket_tags",
    metadata,
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True),
    Column("tag", String(TAG_MAX_SQL), primary_key=True),
    CheckConstraint(
        f"length(tag) BETWEEN 1 AND {TAG_MAX_SQL} AND tag NOT LIKE '% %' AND tag NOT LIKE '%,%'", name="tag"
    ),
    # Filtering by tag (and completion's counts) start from the tag.
    Index("ix_ticket_tags_tag", "tag", "ticket_id"),
)


# A named filter + sort + columns (domain/views.py's JSON), personal or shared with the team.
saved_view_table = Table(
    "saved_views",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False),
    # Who saved it: the database login on PostgreSQL (set by a trigger), the OS login on SQLite.
    Column("owner", String(128), nullable=False),
    Column("shared", Boolean, server_default=false(), nullable=False),
    Column("spec", Text, nullable=False),
    Column("position", Integer, server_default="0", nullable=False),
    CheckConstraint("length(name) BETWEEN 1 AND 100", name="name_length"),
    UniqueConstraint("owner", "name", name="uq_saved_views_owner_name"),
)


# The team calendar SLA clocks count in: one row (id 1).
sla_calendar_table = Table(
    "sla_calendar",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("hours", String(500), nullable=False),  # as written: "Mon-Fri 09:00-17:00"
    Column("zone", String(64), nullable=False),
    Column("holidays", Text, server_default="", nullable=False),  # ISO dates, comma-separated
    CheckConstraint("id = 1", name="one_row"),
)


# Per priority: business minutes to the first response and to the resolution.
sla_policy_table = Table(
    "sla_policies",
    metadata,
    Column("priority", String(16), primary_key=True),
    Column("first_response_minutes", Integer, nullable=False),
    Column("resolution_minutes", Integer, nullable=False),
    CheckConstraint(_in("priority", Priority), name="priority"),
    CheckConstraint("first_response_minutes > 0 AND resolution_minutes > 0", name="minutes"),
)


# How far an agent has read a ticket: the newest history event and message it held when they last
# opened it (storage/reads.py). On PostgreSQL the login is the database's (session_user) and each
# agent reads and writes only their own rows (row-level security).
ticket_read_table = Table(
    "ticket_reads",
    metadata,
    # PostgreSQL's default and trigger: session_user (storage/personal_sql.py); SQLite: the OS login.
    Column("login", String(128), primary_key=True, server_default=FetchedValue()),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True),
    Column("seen_event_id", BigInteger, server_default="0", nullable=False),
    Column("seen_message_id", BigInteger, server_default="0", nullable=False),
    Column("seen_at", UtcDateTime, nullable=False),
    Index("ix_ticket_reads_ticket", "ticket_id"),
)


# Who has a ticket open, and whether they are typing: a heartbeat that expires on its own (readers
# take rows seen in the last seconds, by the server's clock). PostgreSQL only; SQLite is one person.
presence_table = Table(
    "presence",
    metadata,
    Column("login", String(128), primary_key=True, server_default=FetchedValue()),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True),
    Column("typing", Boolean, server_default=false(), nullable=False),
    Column("seen_at", UtcDateTime, nullable=False),
    Index("ix_presence_ticket_seen", "ticket_id", "seen_at"),
)


MAIL_SEEN_OUTCOMES_SQL = "'ticket', 'message', 'ignored', 'rejected'"
MAIL_OUT_STATES_SQL = "'queued', 'sending', 'sent', 'failed'"


# Every mail taken from the team mailbox, by Message-ID: what it became (services/mail.py).
#
# Written in the same transaction as the ticket or message, so a mail fetched again after a crash
# (before it was moved out of the inbox) is recognised, never stored twice.
mail_seen_table = Table(
    "mail_seen",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    # sha256 of the Message-ID: ids may be long; the key is what is unique.
    Column("message_key", String(64), unique=True, nullable=False),
    Column("message_id", Text, nullable=False),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE")),
    Column("message_ref", Id, ForeignKey("messages.id", ondelete="CASCADE")),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text),
    Column("at", UtcDateTime, nullable=False),
    CheckConstraint(f"outcome IN ({MAIL_SEEN_OUTCOMES_SQL})", name="outcome"),
    Index("ix_mail_seen_ticket", "ticket_id", "id"),
)


# A reply waiting to be mailed to the requester, or mailed: the durable mail outbox.
#
# `token` is the stable local part of its Message-ID (`<token@team-domain>`), made when the reply is
# stored: a retry after a lost answer carries the same id, and a customer's answer threads back.
mail_out_table = Table(
    "mail_out",
    metadata,
    Column("message_ref", Id, ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("token", String(128), unique=True, nullable=False),
    Column("state", String(16), server_default="queued", nullable=False),
    Column("attempts", Integer, server_default="0", nullable=False),
    Column("last_error", Text),
    Column("next_try_at", UtcDateTime),
    Column("sent_at", UtcDateTime),
    CheckConstraint(f"state IN ({MAIL_OUT_STATES_SQL})", name="state"),
    CheckConstraint("attempts >= 0", name="attempts"),
    Index("ix_mail_out_state", "state", "next_try_at"),
    Index("ix_mail_out_ticket", "ticket_id"),
)


ATTACHMENT_SIZE_MAX = 10 * 1024 * 1024  # domain/attachments.ATTACHMENT_CAP: the database holds the line too


# A file that came with a customer's mail, kept with the ticket (the opening mail's: no message).
attachment_table = Table(
    "attachments",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("message_id", Id, ForeignKey("messages.id", ondelete="CASCADE")),
    Column("ticket_id", Id, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content_type", String(255), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("length(filename) BETWEEN 1 AND 255", name="filename_length"),
    CheckConstraint(f"size BETWEEN 0 AND {ATTACHMENT_SIZE_MAX}", name="size_cap"),
    CheckConstraint("size = length(content)", name="size_matches"),
    Index("ix_attachments_ticket", "ticket_id", "id"),
    Index("ix_attachments_message", "message_id"),
)


# Facts about the schema itself, e.g. `min_app_version`: the oldest app that can still use it.
schema_meta_table = Table(
    "schema_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


# Schema objects that exist only on one backend and are created by raw DDL in the migrations;
# autogenerate (and `alembic check`) must not treat them as drift.
DIALECT_ONLY_OBJECTS = frozenset(
    {
        "tickets_fts",
        "tickets_fts_data",
        "tickets_fts_idx",
        "tickets_fts_docsize",
        "tickets_fts_config",
        "tickets_fts_content",
        "ix_tickets_title_search",
        "ix_tickets_description_search",
        "ix_tickets_pieces",
        # PostgreSQL: the ticket's group on each tag row, for row-level security (migration 0020).
        "ticket_group_id",
        "ix_ticket_tags_tag_group",
        # PostgreSQL: the tickets in id order with status and group, index-only (migration 0021).
        "ix_tickets_id_cover",
        "messages_fts",
        "messages_fts_data",
        "messages_fts_idx",
        "messages_fts_docsize",
        "messages_fts_config",
        "messages_fts_content",
        "ix_messages_body_search",
        "ix_messages_pieces",
        "ticket_pieces",
    }
)
