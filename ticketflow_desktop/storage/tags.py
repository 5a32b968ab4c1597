"""Tags in the database: reading a page's tags in one query, the tag filter, and completion."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ticketflow_desktop.domain.search import like_pattern
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.tables import TicketRow, TicketTagRow

_CHUNK = 500


def tag_list(session: Session) -> ColumnElement[str | None]:
    """A column for a query of tickets: each ticket's tags joined by commas (a tag never holds one), so
    a page or a ticket brings its tags in the same statement; `split_tag_list` reads it back."""
    tags = TicketTagRow.tag
    joined = func.group_concat(tags, ",") if dialect_of(session) is Dialect.SQLITE else func.string_agg(tags, ",")
    return select(joined).where(TicketTagRow.ticket_id == TicketRow.id).scalar_subquery().label("tag_list")


def split_tag_list(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(joined.split(","))) if joined else ()


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


# SQLite runs `id IN (the tags' tickets)` from the tag index and then sorts every ticket found: a common
# tag's first page took 330 ms at a million tickets ('vip', 144,588 rows). Walking the list order and
# testing each ticket through the tags' primary key (EXISTS) takes 0.4-6 ms then, but reads the whole
# table for a rare tag (2.8-5.5 s). A probe of the tags' size through their index (at most this many rows,
# about a millisecond) picks the shape; PostgreSQL's planner picks well from its statistics.
COMMON_TAG_ROWS = 10_000


def tagged_with_any(tags: Sequence[str], session: Session | None = None) -> ColumnElement[bool]:
    """Tickets carrying one of `tags` (normalised): a semi-join from the tag index, or on SQLite for common
    tags (given the session to probe in) a test of each ticket the list walks."""
    if session is not None and dialect_of(session) is Dialect.SQLITE and _common(session, tags):
        return (
            select(TicketTagRow.ticket_id)
            .where(TicketTagRow.ticket_id == TicketRow.id, TicketTagRow.tag.in_(tags))
            .exists()
        )
    return TicketRow.id.in_(select(TicketTagRow.ticket_id).where(TicketTagRow.tag.in_(tags)))


def _common(session: Session, tags: Sequence[str]) -> bool:
    found = select(TicketTagRow.ticket_id).where(TicketTagRow.tag.in_(tags)).limit(COMMON_TAG_ROWS).subquery()
    return int(session.execute(select(func.count()).select_from(found)).scalar_one()) >= COMMON_TAG_ROWS


def known_tags(session: Session, prefix: str = "", limit: int = 20) -> list[tuple[str, int]]:
    """Tags in use starting with `prefix` (normalised), most used first, with how many tickets carry each
    (tickets this login may see, on PostgreSQL)."""
    n = func.count().label("n")
    query = select(TicketTagRow.tag, n).group_by(TicketTagRow.tag).order_by(n.desc(), TicketTagRow.tag).limit(limit)
    if prefix:
        query = query.where(TicketTagRow.tag.like(like_pattern(prefix, anywhere=False), escape="\\"))
    return [(tag, int(count)) for tag, count in session.execute(query)]
