"""Tags in the database: reading a page's tags in one query, the tag filter, and completion."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ticketflow_desktop.domain.models import Ticket
from ticketflow_desktop.domain.search import like_pattern
from ticketflow_desktop.storage.tables import TicketRow, TicketTagRow

_CHUNK = 500


def tags_of(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each ticket's tags, sorted, by ticket id (through the primary key; tickets without tags are absent)."""
    wanted = sorted(set(ids))
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(TicketTagRow.ticket_id, TicketTagRow.tag)
            .where(TicketTagRow.ticket_id.in_(wanted[start : start + _CHUNK]))
            .order_by(TicketTagRow.ticket_id, TicketTagRow.tag)
        )
        for ticket_id, tag in rows:
            found[ticket_id].append(tag)
    return {ticket_id: tuple(tags) for ticket_id, tags in found.items()}


def with_tags(session: Session, tickets: Sequence[Ticket]) -> list[Ticket]:
    """`tickets` carrying their stored tags."""
    tags = tags_of(session, (t.id for t in tickets))
    return [replace(t, tags=tags.get(t.id, ())) for t in tickets]


def tagged_with_any(tags: Sequence[str]) -> ColumnElement[bool]:
    """Tickets carrying one of `tags` (normalised): a semi-join from the tag index."""
    return TicketRow.id.in_(select(TicketTagRow.ticket_id).where(TicketTagRow.tag.in_(tags)))


def known_tags(session: Session, prefix: str = "", limit: int = 20) -> list[tuple[str, int]]:
    """Tags in use starting with `prefix` (normalised), most used first, with how many tickets carry each
    (tickets this login may see, on PostgreSQL)."""
    n = func.count().label("n")
    query = select(TicketTagRow.tag, n).group_by(TicketTagRow.tag).order_by(n.desc(), TicketTagRow.tag).limit(limit)
    if prefix:
        query = query.where(TicketTagRow.tag.like(like_pattern(prefix, anywhere=False), escape="\\"))
    return [(tag, int(count)) for tag, count in session.execute(query)]
