"""Indexes for a team at scale (issue 21): "Mine" / "Unassigned" by SLA due, and SLA attainment read from
an index alone. Expand only: two indexes in, one (now a prefix of the new) out.

At a million tickets, as an agent under row-level security: the first page of "Mine, active, by SLA due"
8 ms -> 0.8 ms (it walked the SLA-due index across every team member's tickets), and its capped count
from the index alone on PostgreSQL; the 30-day attainment's read 690 ms -> 55-63 ms (a heap fetch per
settled ticket, mostly not cached, became an index-only scan).

Revision ID: 0018_team_scale_indexes
Revises: 0017_symbol_search
Create Date: 2026-12-04
"""

from alembic import op

revision = "0018_team_scale_indexes"
down_revision = "0017_symbol_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_tickets_assignee_due", "tickets", ["assignee", "sla_due", "id"], postgresql_include=["status", "group_id"]
    )
    op.create_index(
        "ix_tickets_sla_settled_cover", "tickets", ["sla_settled_at", "sla_outcome", "assignee", "group_id"]
    )
    op.drop_index("ix_tickets_sla_settled", table_name="tickets")


def downgrade() -> None:
    op.create_index("ix_tickets_sla_settled", "tickets", ["sla_settled_at"])
    op.drop_index("ix_tickets_sla_settled_cover", table_name="tickets")
    op.drop_index("ix_tickets_assignee_due", table_name="tickets")
