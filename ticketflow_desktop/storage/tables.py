"""The schema as SQLAlchemy 2 typed models. Alembic migrations (storage/migrations) create it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TicketRow(Base):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), server_default=Status.OPEN.value)
    # Stored ranks let the list sort by urgency and workflow order through an index.
    priority_rank: Mapped[int] = mapped_column(Integer, Computed(_rank_case("priority", Priority), persisted=True))
    status_rank: Mapped[int] = mapped_column(Integer, Computed(_rank_case("status", Status), persisted=True))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    suggested_category: Mapped[str | None] = mapped_column(String(16))
    suggested_priority: Mapped[str | None] = mapped_column(String(16))
    suggestion_source: Mapped[str | None] = mapped_column(String(16))
    suggestion_model: Mapped[str | None] = mapped_column(String(200))
    suggestion_confidence: Mapped[float | None] = mapped_column(Float)
    idempotency_key: Mapped[str | None] = mapped_column(String(64))
    # The ticket's id in the system it was imported from (unique when present).
    external_id: Mapped[str | None] = mapped_column(String(200))
    # The agents' group the ticket belongs to (row-level security on PostgreSQL), or none.
    group_id: Mapped[int | None] = mapped_column(Id, ForeignKey("groups.id"))
    requester_id: Mapped[int | None] = mapped_column(Id, ForeignKey("customers.id"))
    # An agent's login (on PostgreSQL a trigger checks it names an active agent).
    assignee: Mapped[str | None] = mapped_column(String(128))
    # SLA (domain/sla.py): the dues, the first agent reply, the wait on the customer, the outcome once done.
    first_response_due: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution_due: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sla_paused_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sla_paused_minutes: Mapped[int] = mapped_column(Integer, server_default="0")
    sla_outcome: Mapped[str | None] = mapped_column(String(16))
    sla_settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # when the outcome was fixed
    # The running target's due, NO_DUE when none: the "due first" order's index key (never NULL, which
    # the two backends sort differently).
    sla_due: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
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


class TicketEventRow(Base):
    """Append-only history: one row for the creation and one per changed field."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    # The ticket version this change produced: lets an edit based on an older version find out
    # which fields colleagues changed since, and merge when they do not overlap.
    version: Mapped[int] = mapped_column(Integer)
    # Who made the change: the database login (set by PostgreSQL itself), or the OS login on SQLite.
    actor: Mapped[str | None] = mapped_column(String(128))
    # When the client wrote a change that waited in its outbox while offline (`at` is when it arrived).
    written_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        CheckConstraint(_in("source", EventSource), name="source"),
        CheckConstraint(_in("field", EventField), name="field"),
        Index("ix_ticket_events_field_value_ticket", "field", "new_value", "ticket_id"),
    )


class SuggestionCountRow(Base):
    """How many submitted tickets carried a suggestion from each source, and whether it was kept."""

    __tablename__ = "suggestion_counts"

    source: Mapped[str] = mapped_column(String(16), primary_key=True)
    accepted: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint(_in("source", SuggestionSource), name="source"),
        CheckConstraint("n >= 0", name="n"),
    )


class DailyFlowRow(Base):
    """Per day: tickets created, tickets that became done (resolved or closed), tickets reopened.

    Kept in the same transaction as every write (storage/analytics.py), so the dashboard draws its
    daily lines and the open backlog from one row per day.
    """

    __tablename__ = "daily_flow"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    created: Mapped[int] = mapped_column(BigInteger)
    resolved: Mapped[int] = mapped_column(BigInteger)
    reopened: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (CheckConstraint("created >= 0 AND resolved >= 0 AND reopened >= 0", name="counts"),)


class TicketTotalRow(Base):
    """Current ticket counts by category, priority and status: at most 64 rows for the dashboard."""

    __tablename__ = "ticket_totals"

    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    priority: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (CheckConstraint("n >= 0", name="n"),)


class ResolutionTimeRow(Base):
    """A histogram of the time from creation to first resolution, in buckets 1 % wide (log scale).

    About 1,800 rows cover a year, so the median is read from the histogram instead of sorting every
    resolved ticket.
    """

    __tablename__ = "resolution_times"

    bucket: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (CheckConstraint("n >= 0", name="n"),)


class SlaSettledRow(Base):
    """Settled tickets per (week settled: the Monday of the UTC day, assignee or '', SLA outcome, group or 0):
    the SLA attainment's counts, at most a few thousand rows a week however many tickets there are.

    Kept by triggers on both backends (storage/sla_settled_sql.py), so every write of a ticket's outcome,
    settled time, assignee or group counts. The group is kept so that, on PostgreSQL, row-level security
    shows an agent the counts of exactly the tickets they may see (storage/team_sql.py's policy).
    """

    __tablename__ = "sla_settled"

    week: Mapped[date] = mapped_column(Date, primary_key=True)
    assignee: Mapped[str] = mapped_column(String(128), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16), primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)  # 0: no group
    n: Mapped[int] = mapped_column(BigInteger)

    # SQLite: the rows in key order with their counts, so a range of weeks reads no second structure.
    __table_args__ = ({"sqlite_with_rowid": False},)


class AgentRow(Base):
    """A member of the team: on PostgreSQL one per login role (the role is the authentication)."""

    __tablename__ = "agents"

    login: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())

    __table_args__ = (CheckConstraint("role IN ('viewer', 'agent', 'lead', 'admin')", name="role"),)


class GroupRow(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)

    __table_args__ = (CheckConstraint("length(name) BETWEEN 1 AND 100", name="name_length"),)


class AgentGroupRow(Base):
    __tablename__ = "agent_groups"

    login: Mapped[str] = mapped_column(String(128), ForeignKey("agents.login", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)


class RedactionRow(Base):
    """Who removed which text from a ticket and its history, when, and why (the text itself is gone)."""

    __tablename__ = "redactions"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class CustomerRow(Base):
    """A requester: one record per email address, matched case-insensitively (`email_key`)."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320), unique=True)
    organisation: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint("length(name) BETWEEN 1 AND 200", name="name_length"),
        Index("ix_customers_name", "name"),
        Index("ix_customers_organisation", "organisation"),
    )


MESSAGE_KINDS_SQL = "'reply', 'note', 'customer'"


class MessageRow(Base):
    """A ticket's thread: replies, internal notes and the customer's messages, append-only."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    # Who wrote or recorded it: the database login (set by PostgreSQL), the OS login on SQLite.
    author: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    body: Mapped[str] = mapped_column(Text)
    customer_id: Mapped[int | None] = mapped_column(Id, ForeignKey("customers.id"))
    written_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The outbox entry's key: a message sent again after a lost answer is found, not stored twice.
    idempotency_key: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        CheckConstraint(f"kind IN ({MESSAGE_KINDS_SQL})", name="kind"),
        CheckConstraint("length(body) BETWEEN 1 AND 100000", name="body_length"),
        Index("ix_messages_ticket", "ticket_id", "id"),
        Index("ux_messages_idempotency_key", "idempotency_key", unique=True),
    )


class MacroRow(Base):
    """A saved reply: text with placeholders and the field changes applied with it."""

    __tablename__ = "macros"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(16))
    priority: Mapped[str | None] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(128))
    shared: Mapped[bool] = mapped_column(Boolean, server_default=true())

    __table_args__ = (
        CheckConstraint("length(name) BETWEEN 1 AND 100", name="name_length"),
        CheckConstraint("length(body) BETWEEN 1 AND 100000", name="body_length"),
        CheckConstraint(f"status IS NULL OR {_in('status', Status)}", name="status"),
        CheckConstraint(f"priority IS NULL OR {_in('priority', Priority)}", name="priority"),
        CheckConstraint(f"category IS NULL OR {_in('category', Category)}", name="category"),
    )


TAG_MAX_SQL = 50  # domain.tags.TAG_MAX; the database refuses longer and blank ones whatever the client


class TicketTagRow(Base):
    """A free-form tag on a ticket, stored normalised (domain/tags.py)."""

    __tablename__ = "ticket_tags"

    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(TAG_MAX_SQL), primary_key=True)

    __table_args__ = (
        CheckConstraint(
            f"length(tag) BETWEEN 1 AND {TAG_MAX_SQL} AND tag NOT LIKE '% %' AND tag NOT LIKE '%,%'", name="tag"
        ),
        # Filtering by tag (and completion's counts) start from the tag.
        Index("ix_ticket_tags_tag", "tag", "ticket_id"),
    )


class SavedViewRow(Base):
    """A named filter + sort + columns (domain/views.py's JSON), personal or shared with the team."""

    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    # Who saved it: the database login on PostgreSQL (set by a trigger), the OS login on SQLite.
    owner: Mapped[str] = mapped_column(String(128))
    shared: Mapped[bool] = mapped_column(Boolean, server_default=false())
    spec: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, server_default="0")

    __table_args__ = (
        CheckConstraint("length(name) BETWEEN 1 AND 100", name="name_length"),
        UniqueConstraint("owner", "name", name="uq_saved_views_owner_name"),
    )


class SlaCalendarRow(Base):
    """The team calendar SLA clocks count in: one row (id 1)."""

    __tablename__ = "sla_calendar"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hours: Mapped[str] = mapped_column(String(500))  # as written: "Mon-Fri 09:00-17:00"
    zone: Mapped[str] = mapped_column(String(64))
    holidays: Mapped[str] = mapped_column(Text, server_default="")  # ISO dates, comma-separated

    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)


class SlaPolicyRow(Base):
    """Per priority: business minutes to the first response and to the resolution."""

    __tablename__ = "sla_policies"

    priority: Mapped[str] = mapped_column(String(16), primary_key=True)
    first_response_minutes: Mapped[int] = mapped_column(Integer)
    resolution_minutes: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint(_in("priority", Priority), name="priority"),
        CheckConstraint("first_response_minutes > 0 AND resolution_minutes > 0", name="minutes"),
    )


class TicketReadRow(Base):
    """How far an agent has read a ticket: the newest history event and message it held when they last
    opened it (storage/reads.py). On PostgreSQL the login is the database's (session_user) and each
    agent reads and writes only their own rows (row-level security)."""

    __tablename__ = "ticket_reads"

    # PostgreSQL's default and trigger: session_user (storage/personal_sql.py); SQLite: the OS login.
    login: Mapped[str] = mapped_column(String(128), primary_key=True, server_default=FetchedValue())
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    seen_event_id: Mapped[int] = mapped_column(BigInteger, server_default="0")
    seen_message_id: Mapped[int] = mapped_column(BigInteger, server_default="0")
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_ticket_reads_ticket", "ticket_id"),)


class PresenceRow(Base):
    """Who has a ticket open, and whether they are typing: a heartbeat that expires on its own (readers
    take rows seen in the last seconds, by the server's clock). PostgreSQL only; SQLite is one person."""

    __tablename__ = "presence"

    login: Mapped[str] = mapped_column(String(128), primary_key=True, server_default=FetchedValue())
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    typing: Mapped[bool] = mapped_column(Boolean, server_default=false())
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_presence_ticket_seen", "ticket_id", "seen_at"),)


MAIL_SEEN_OUTCOMES_SQL = "'ticket', 'message', 'ignored', 'rejected'"
MAIL_OUT_STATES_SQL = "'queued', 'sending', 'sent', 'failed'"


class MailSeenRow(Base):
    """Every mail taken from the team mailbox, by Message-ID: what it became (services/mail.py).

    Written in the same transaction as the ticket or message, so a mail fetched again after a crash
    (before it was moved out of the inbox) is recognised, never stored twice."""

    __tablename__ = "mail_seen"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    # sha256 of the Message-ID: ids may be long; the key is what is unique.
    message_key: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"))
    message_ref: Mapped[int | None] = mapped_column(Id, ForeignKey("messages.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        CheckConstraint(f"outcome IN ({MAIL_SEEN_OUTCOMES_SQL})", name="outcome"),
        Index("ix_mail_seen_ticket", "ticket_id", "id"),
    )


class MailOutRow(Base):
    """A reply waiting to be mailed to the requester, or mailed: the durable mail outbox.

    `token` is the stable local part of its Message-ID (`<token@team-domain>`), made when the reply is
    stored: a retry after a lost answer carries the same id, and a customer's answer threads back."""

    __tablename__ = "mail_out"

    message_ref: Mapped[int] = mapped_column(Id, ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(128), unique=True)
    state: Mapped[str] = mapped_column(String(16), server_default="queued")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    next_try_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        CheckConstraint(f"state IN ({MAIL_OUT_STATES_SQL})", name="state"),
        CheckConstraint("attempts >= 0", name="attempts"),
        Index("ix_mail_out_state", "state", "next_try_at"),
        Index("ix_mail_out_ticket", "ticket_id"),
    )


ATTACHMENT_SIZE_MAX = 10 * 1024 * 1024  # domain/attachments.ATTACHMENT_CAP: the database holds the line too


class AttachmentRow(Base):
    """A file that came with a customer's mail, kept with the ticket (the opening mail's: no message)."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    message_id: Mapped[int | None] = mapped_column(Id, ForeignKey("messages.id", ondelete="CASCADE"))
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        CheckConstraint("length(filename) BETWEEN 1 AND 255", name="filename_length"),
        CheckConstraint(f"size BETWEEN 0 AND {ATTACHMENT_SIZE_MAX}", name="size_cap"),
        CheckConstraint("size = length(content)", name="size_matches"),
        Index("ix_attachments_ticket", "ticket_id", "id"),
        Index("ix_attachments_message", "message_id"),
    )


class SchemaMetaRow(Base):
    """Facts about the schema itself, e.g. `min_app_version`: the oldest app that can still use it."""

    __tablename__ = "schema_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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


def table_of(row: type[Base]) -> Table:
    """A mapped class's table, as the Core statements (insert, update) take it."""
    return cast(Table, row.__table__)
