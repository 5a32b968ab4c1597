"""Seeded tags and saved views: tags in a power law (a few on most tagged tickets, a long tail of rare
ones; half the tickets carry none) and a handful of shared views, so the sidebar and completion look as
a team's would."""

from __future__ import annotations

import random
from collections.abc import Iterator

from sqlalchemy import Connection, insert, select, text

from ticketflow_desktop.domain import Priority, Status, TicketFilter
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.domain.views import ViewSpec, encode_view
from ticketflow_desktop.storage.tables import saved_view_table, ticket_tag_table
from ticketflow_desktop.storage.team import agent_login

TAGS = (
    "vip", "billing-dispute", "bug", "feature-request", "refund", "outage", "onboarding", "sso", "invoice",
    "mobile", "api", "gdpr", "escalated", "churn-risk", "password-reset", "integration", "slow", "export",
    "duplicate", "needs-info", "q3", "enterprise", "trial", "legacy-plan", "security", "ios", "android",
    "webhook", "csv-import", "2fa", "dns", "email-bounce", "tax", "chargeback", "migration", "beta",
    "accessibility", "i18n", "ldap", "audit",
)  # fmt: skip
# How many tags a ticket carries: none for half, then fewer and fewer.
TAG_COUNTS = (0, 1, 2, 3, 4)
TAG_COUNT_WEIGHTS = (50, 30, 13, 5, 2)
BATCH = 20_000
VIEWS = (
    ("VIP, open", ViewSpec(TicketFilter(status=(Status.OPEN, Status.IN_PROGRESS), tags=("vip",)))),
    ("Urgent, nobody's", ViewSpec(TicketFilter(priority=(Priority.HIGH, Priority.CRITICAL), assignee=UNASSIGNED))),
    ("Billing disputes", ViewSpec(TicketFilter(tags=("billing-dispute", "chargeback", "refund")))),
    ("Bugs and outages", ViewSpec(TicketFilter(tags=("bug", "outage"), status=(Status.OPEN, Status.IN_PROGRESS)))),
)


def _ticket_tags(first_id: int, last_id: int, rng: random.Random) -> Iterator[dict[str, object]]:
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(TAGS))]  # Zipf-like
    for ticket_id in range(first_id, last_id + 1):
        k = rng.choices(TAG_COUNTS, TAG_COUNT_WEIGHTS)[0]
        for tag in {rng.choices(TAGS, weights)[0] for _ in range(k)}:
            yield {"ticket_id": ticket_id, "tag": tag}


def seed_tags_and_views(session: Connection, first_id: int, last_id: int, rng: random.Random) -> int:
    """Tag tickets `first_id`..`last_id` and add the shared views the loader lacks; return the tags added.
    Inside the caller's transaction (on PostgreSQL a trusted load: no history entries per tag)."""
    added, batch = 0, []
    for row in _ticket_tags(first_id, last_id, rng):
        batch.append(row)
        if len(batch) == BATCH:
            session.execute(insert(ticket_tag_table), batch)
            added, batch = added + len(batch), []
    if batch:
        session.execute(insert(ticket_tag_table), batch)
        added += len(batch)
    if session.engine.dialect.name == "postgresql":
        # Fresh statistics now: with stale ones (a few hundred tags; a tenth of the open tickets) the planner
        # fetched every ticket of a common tag and sorted them (620 ms for 'vip' at 200k, 560 ms for two tags
        # and two statuses) instead of walking the list order (26 and 41 ms). The owner's right; otherwise a
        # warning, and autovacuum catches up later.
        session.execute(text("ANALYZE ticket_tags, tickets"))
    me = agent_login(session)
    have = set(session.execute(select(saved_view_table.c.name).where(saved_view_table.c.owner == me)).scalars())
    views = [
        {"name": name, "owner": me, "shared": True, "spec": encode_view(spec), "position": n}
        for n, (name, spec) in enumerate(VIEWS)
        if name not in have
    ]
    if views:
        session.execute(insert(saved_view_table), views)
    return added
