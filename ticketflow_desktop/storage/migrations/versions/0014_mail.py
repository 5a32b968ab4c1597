"""The mail channel: the mails taken from the team mailbox (dedupe on Message-ID) and the replies
waiting to be mailed (the durable mail outbox). Expand only: two new tables.

Revision ID: 0014_mail
Revises: 0012_reads_and_presence
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from ticketflow_desktop.storage.tables import MAIL_OUT_STATES_SQL, MAIL_SEEN_OUTCOMES_SQL

revision = "0014_mail"
down_revision = "0012_reads_and_presence"
branch_labels = None
depends_on = None


def _id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "mail_seen",
        sa.Column("id", _id(), primary_key=True, autoincrement=True),
        sa.Column("message_key", sa.String(64), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=False),
        sa.Column("ticket_id", _id(), nullable=True),
        sa.Column("message_ref", _id(), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"outcome IN ({MAIL_SEEN_OUTCOMES_SQL})", name=op.f("ck_mail_seen_outcome")),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_mail_seen_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["message_ref"], ["messages.id"], name=op.f("fk_mail_seen_message_ref_messages"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_seen")),
        sa.UniqueConstraint("message_key", name=op.f("uq_mail_seen_message_key")),
    )
    op.create_index("ix_mail_seen_ticket", "mail_seen", ["ticket_id", "id"])
    op.create_table(
        "mail_out",
        sa.Column("message_ref", _id(), nullable=False),
        sa.Column("ticket_id", _id(), nullable=False),
        sa.Column("token", sa.String(128), nullable=False),
        sa.Column("state", sa.String(16), server_default="queued", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(f"state IN ({MAIL_OUT_STATES_SQL})", name=op.f("ck_mail_out_state")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_mail_out_attempts")),
        sa.ForeignKeyConstraint(
            ["message_ref"], ["messages.id"], name=op.f("fk_mail_out_message_ref_messages"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_mail_out_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("message_ref", name=op.f("pk_mail_out")),
        sa.UniqueConstraint("token", name=op.f("uq_mail_out_token")),
    )
    op.create_index("ix_mail_out_state", "mail_out", ["state", "next_try_at"])
    op.create_index("ix_mail_out_ticket", "mail_out", ["ticket_id"])
    # PostgreSQL's grants for these: storage/team_sql.py, applied after the upgrade.


def downgrade() -> None:
    op.drop_table("mail_out")
    op.drop_table("mail_seen")
