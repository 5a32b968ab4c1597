"""SLAs: the status "waiting on customer" (pending), the team calendar, a policy per priority, and per
ticket its dues, first response, time spent waiting and outcome (domain/sla.py).

Expand only: new tables, new columns with defaults, and CHECKs that allow one more status.

SQLite cannot change a CHECK or a generated column in place, and a batch rebuild of `tickets` would
copy its generated columns and, with foreign keys on, delete every history row and message with the
dropped table (ON DELETE CASCADE). Adding a value to an IN list and a rank for it only widens what is
allowed, so the stored table definition is edited (SQLite's documented `writable_schema` procedure for
such changes) and the generated ranks are recomputed by touching every row.

Revision ID: 0011_sla
Revises: 0010_tags_and_views
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_sla"
down_revision = "0010_tags_and_views"
branch_labels = None
depends_on = None

OLD_STATUSES = ("open", "in_progress", "resolved", "closed")
NEW_STATUSES = ("open", "in_progress", "pending", "resolved", "closed")
NO_DUE = {"postgresql": "9999-12-31 00:00:00+00", "sqlite": "9999-12-31 00:00:00.000000"}


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(repr(v) for v in values)


def _rank(values: tuple[str, ...]) -> str:
    return "CASE status " + " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values)) + " END"


def _check(values: tuple[str, ...], nullable: bool = False) -> str:
    return ("status IS NULL OR " if nullable else "") + f"status IN ({_in(values)})"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "sla_calendar",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hours", sa.String(500), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("holidays", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sla_calendar_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_calendar")),
    )
    op.create_table(
        "sla_policies",
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("first_response_minutes", sa.Integer(), nullable=False),
        sa.Column("resolution_minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint("priority IN ('low', 'medium', 'high', 'critical')", name=op.f("ck_sla_policies_priority")),
        sa.CheckConstraint(
            "first_response_minutes > 0 AND resolution_minutes > 0", name=op.f("ck_sla_policies_minutes")
        ),
        sa.PrimaryKeyConstraint("priority", name=op.f("pk_sla_policies")),
    )
    times = ("first_response_due", "resolution_due", "first_responded_at", "sla_paused_at", "sla_settled_at")
    for name in times:
        op.add_column("tickets", sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    if dialect == "postgresql":
        op.add_column("tickets", sa.Column("sla_paused_minutes", sa.Integer(), server_default="0", nullable=False))
        op.add_column("tickets", sa.Column("sla_outcome", sa.String(16), nullable=True))
        op.add_column(
            "tickets",
            sa.Column(
                "sla_due", sa.DateTime(timezone=True), server_default=sa.text(f"'{NO_DUE[dialect]}'"), nullable=False
            ),
        )
        op.create_check_constraint(
            "sla_outcome", "tickets", "sla_outcome IS NULL OR sla_outcome IN ('met', 'breached')"
        )
        op.create_check_constraint("sla_paused_minutes", "tickets", "sla_paused_minutes >= 0")
        _statuses_postgresql()
    else:
        for column in (
            "sla_paused_minutes INTEGER DEFAULT '0' NOT NULL"
            " CONSTRAINT ck_tickets_sla_paused_minutes CHECK (sla_paused_minutes >= 0)",
            "sla_outcome VARCHAR(16)"
            " CONSTRAINT ck_tickets_sla_outcome CHECK (sla_outcome IS NULL OR sla_outcome IN ('met', 'breached'))",
            f"sla_due DATETIME DEFAULT '{NO_DUE[dialect]}' NOT NULL",
        ):
            op.execute(f"ALTER TABLE tickets ADD COLUMN {column}")
        _statuses_sqlite()
    op.create_index("ix_tickets_sla_due", "tickets", ["sla_due", "id"])
    op.create_index("ix_tickets_sla_settled", "tickets", ["sla_settled_at"])
    # PostgreSQL's grants for these and the status workflow's triggers: storage/team_sql.py.


def _statuses_postgresql() -> None:
    op.execute("ALTER TABLE tickets DROP CONSTRAINT ck_tickets_status")
    op.execute(f"ALTER TABLE tickets ADD CONSTRAINT ck_tickets_status CHECK ({_check(NEW_STATUSES)})")
    op.execute("ALTER TABLE macros DROP CONSTRAINT ck_macros_status")
    op.execute(f"ALTER TABLE macros ADD CONSTRAINT ck_macros_status CHECK ({_check(NEW_STATUSES, True)})")
    # A generated column's expression cannot be altered before PostgreSQL 17: drop and add it again.
    op.execute("ALTER TABLE tickets DROP COLUMN status_rank")
    op.execute(f"ALTER TABLE tickets ADD COLUMN status_rank integer GENERATED ALWAYS AS ({_rank(NEW_STATUSES)}) STORED")
    op.execute("ALTER TABLE tickets ALTER COLUMN status_rank SET NOT NULL")
    op.create_index("ix_tickets_status_rank", "tickets", ["status_rank", "id"])


def _statuses_sqlite() -> None:
    _edit_sqlite_definition(
        {
            "tickets": ((_in(OLD_STATUSES), _in(NEW_STATUSES)), (_rank(OLD_STATUSES), _rank(NEW_STATUSES))),
            "macros": ((_in(OLD_STATUSES), _in(NEW_STATUSES)),),
        }
    )
    op.execute("UPDATE tickets SET status = status")  # stored ranks from the new expression


def _edit_sqlite_definition(edits: dict[str, tuple[tuple[str, str], ...]]) -> None:
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, replacements in edits.items():
            sql = bind.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).scalar_one()
            for old, new in replacements:
                if old not in sql:
                    raise RuntimeError(f"{table}'s definition does not hold {old!r}; cannot widen it")
                sql = sql.replace(old, new)
            bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, table))
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("UPDATE tickets SET status = 'open' WHERE status = 'pending'")
    op.execute("UPDATE macros SET status = NULL WHERE status = 'pending'")
    op.drop_index("ix_tickets_sla_due", table_name="tickets")
    op.drop_index("ix_tickets_sla_settled", table_name="tickets")
    if dialect == "postgresql":
        op.execute("ALTER TABLE tickets DROP CONSTRAINT ck_tickets_status")
        op.execute(f"ALTER TABLE tickets ADD CONSTRAINT ck_tickets_status CHECK ({_check(OLD_STATUSES)})")
        op.execute("ALTER TABLE macros DROP CONSTRAINT ck_macros_status")
        op.execute(f"ALTER TABLE macros ADD CONSTRAINT ck_macros_status CHECK ({_check(OLD_STATUSES, True)})")
        op.execute("ALTER TABLE tickets DROP COLUMN status_rank")
        op.execute(
            f"ALTER TABLE tickets ADD COLUMN status_rank integer GENERATED ALWAYS AS ({_rank(OLD_STATUSES)}) STORED"
        )
        op.execute("ALTER TABLE tickets ALTER COLUMN status_rank SET NOT NULL")
        op.create_index("ix_tickets_status_rank", "tickets", ["status_rank", "id"])
    else:
        _edit_sqlite_definition(
            {
                "tickets": ((_in(NEW_STATUSES), _in(OLD_STATUSES)), (_rank(NEW_STATUSES), _rank(OLD_STATUSES))),
                "macros": ((_in(NEW_STATUSES), _in(OLD_STATUSES)),),
            }
        )
        op.execute("UPDATE tickets SET status = status")
    for name in (
        "sla_due",
        "sla_settled_at",
        "sla_outcome",
        "sla_paused_minutes",
        "sla_paused_at",
        "first_responded_at",
    ):
        op.execute(f"ALTER TABLE tickets DROP COLUMN {name}")
    op.execute("ALTER TABLE tickets DROP COLUMN resolution_due")
    op.execute("ALTER TABLE tickets DROP COLUMN first_response_due")
    op.drop_table("sla_policies")
    op.drop_table("sla_calendar")
