"""Tags in the database: reading a page's tags in one query, the tag filter, and completion."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, Connection, func, select

from ticketflow_desktop.domain.search import like_pattern
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.tables import ticket_table, ticket_tag_table

_CHUNK = 500


def tag_list(session: Connection) -> ColumnElement[str | None]:
    """A column for a query of tickets: each ticket's tags joined by commas (a tag never holds one), so
    a page or a ticket brings its tags in the same statement; `split_tag_list` reads it back."""
    tags = ticket_tag_table.c.tag
    joined = func.group_concat(tags, ",") if dialect_of(session) is Dialect.SQLITE else func.string_agg(tags, ",")
    return select(joined).where(ticket_tag_table.c.ticket_id == ticket_table.c.id).scalar_subquery().label("tag_list")


def split_tag_list(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(joined.split(","))) if joined else ()


def tags_of(session: Connection, ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each ticket's tags, sorted, by ticket id (through the primary key; tickets without tags are absent)."""
    wanted = sorted(set(ids))
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(ticket_tag_table.c.ticket_id, ticket_tag_table.c.tag)
            .where(ticket_tag_table.c.ticket_id.in_(wanted[start : start + _CHUNK]))
            .order_by(ticket_tag_table.c.ticket_id, ticket_tag_table.c.tag)
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


def tagged_with_any(tags: Sequence[str], session: Connection | None = None) -> ColumnElement[bool]:
    """Tickets carrying one of `tags` (normalised): a semi-join from the tag index, or on SQLite for common
    tags (given the session to probe in) a test of each ticket the list walks."""
    if session is not None and dialect_of(session) is Dialect.SQLITE and _common(session, tags):
        return (
            select(ticket_tag_table.c.ticket_id)
            .where(ticket_tag_table.c.ticket_id == ticket_table.c.id, ticket_tag_table.c.tag.in_(tags))
            .exists()
        )
    return ticket_table.c.id.in_(select(ticket_tag_table.c.ticket_id).where(ticket_tag_table.c.tag.in_(tags)))


def _common(session: Connection, tags: Sequence[str]) -> bool:
    found = (
        select(ticket_tag_table.c.ticket_id).where(ticket_tag_table.c.tag.in_(tags)).limit(COMMON_TAG_ROWS).subquery()
    )
    return int(session.execute(select(func.count()).select_from(found)).scalar_one()) >= COMMON_TAG_ROWS


def known_tags(session: Connection, prefix: str = "", limit: int = 20) -> list[tuple[str, int]]:
    """Tags in use starting with `prefix` (normalised), most used first, with how many tickets carry each
    (tickets this login may see, on PostgreSQL)."""
    n = func.count().label("n")
    query = (
        select(ticket_tag_table.c.tag, n)
        .group_by(ticket_tag_table.c.tag)
        .order_by(n.desc(), ticket_tag_table.c.tag)
        .limit(limit)
    )
    if prefix:
        query = query.where(ticket_tag_table.c.tag.like(like_pattern(prefix, anywhere=False), escape="\\"))
    return [(tag, int(count)) for tag, count in session.execute(query)]
