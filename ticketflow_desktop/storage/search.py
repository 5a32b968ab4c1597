"""The search condition per backend. Both mean `domain.search.matches`: case-insensitive substring of
the title, the description or any message of the ticket's thread.

PostgreSQL: ILIKE with an escaped pattern, served by pg_trgm GIN indexes for terms of 3+ characters
(over the text with common symbols written as letters, so "#47" is one trigram, not a word break), and
by an index of 2-character pieces for a 2-character term holding a digit or a symbol ("A1", "#4"); other
short terms use strpos(lower()) so the planner walks the list order.
SQLite: the FTS5 trigram index yields candidates for 3+ characters (symbols included), the table of
2-character pieces (`ticket_pieces`) for such 2-character terms, and an exact test decides. The exact
test is SQLite's own C functions for ASCII terms (see `_sqlite_folded`) and `tf_fold` (Python's Unicode
lower-casing, registered on every connection) otherwise.

One query shape cannot serve every term: a rare term is fastest as "fetch every candidate through the
index, then sort"; a common one as "walk the list order and test each row" (its candidates can be a
quarter of the table, too many to fetch and sort per page). Neither planner can tell them apart from
its statistics, so `fetch_page` decides: on SQLite by probing the FTS index (or the pieces), on PostgreSQL by walking
the first rows of the list order and falling back to the search indexes when too few of them match.
`count_matches` decides alike: a term frequent in a small probe is counted by reading rows up to the cap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeAlias

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    TextClause,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy import union as union_of
from sqlalchemy.sql.base import ReadOnlyColumnCollection

from ticketflow_desktop.domain.search import ID_SYMBOLS, PIECE_MARKS, fold, is_caseless, like_pattern
from ticketflow_desktop.storage.dialect import Dialect, dialect_of
from ticketflow_desktop.storage.tables import message_table, ticket_table

# The tickets table's columns, or a subquery's over it, by name (`entity.title`).
Columns: TypeAlias = ReadOnlyColumnCollection[str, Any]

TRIGRAM = 3
# PostgreSQL's trigram indexes see the symbols of identifiers as these letters (migration
# 0017_symbol_search, which keeps the same strings: a test checks them against tf_searchable).
SYMBOL_LETTERS = "ǀǁǂǃƻʔʕʖʡʢƾ"
_AS_LETTERS = str.maketrans(ID_SYMBOLS, SYMBOL_LETTERS)
# A term with more FTS candidates than this is "common" (about 0.2% of a million tickets): walking
# the list order reaches 50 matches within a few thousand rows. Probing costs about 1 ms at worst.
COMMON_CANDIDATES = 2000
# PostgreSQL: the rows of the list order tested before falling back to the search indexes. A term in
# none of the first 200 is taken as rare; one in a few of them is walked for as far as its density says
# a page takes, if that is at most 10,000 rows. Testing 200 rows with their threads costs 3-8 ms at
# 1M tickets and 5M messages on a slow 2-core machine.
FIRST_WALK = 200
MAX_WALK = 10_000
# Counts: a term in at least 5% of a 500-row probe is counted by reading rows (up to 20,000: enough for
# a cap of 1,000 at 5%), not through the search indexes.
DENSE_PROBE = 500
DENSE_SHARE = 0.05
DENSE_WALK = 20_000
# The only characters outside ASCII whose lower case holds ASCII letters (tests check every code
# point); with these rewritten, SQLite's ASCII-only lower() folds exactly for an ASCII term.
_ASCII_FROM_NON_ASCII = (("\u212a", "k"), ("\u0130", "i\u0307"))

_fts = table("tickets_fts", column("rowid"))
# SQLite: the pieces (domain.search.short_pieces) of each ticket's title, description and messages,
# kept by triggers (migration 0017_symbol_search). Pieces of an edited-away text stay: a candidate only.
_pieces = table("ticket_pieces", column("piece"), column("ticket_id"))


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts_match(term: str) -> TextClause:
    return text("tickets_fts MATCH :fts_phrase").bindparams(fts_phrase=_fts_phrase(term))


def _sqlite_folded(column: ColumnElement[str], term: str) -> ColumnElement[str]:
    if not term.isascii():
        return func.tf_fold(column)
    # An ASCII term can only match a run of ASCII characters, which fold() and lower() treat alike.
    for old, new in _ASCII_FROM_NON_ASCII:
        column = func.replace(column, old, new)
    return func.lower(column)


def _sqlite_exact(term: str, entity: Columns = ticket_table.c) -> ColumnElement[bool]:  # the table's or a subquery's
    folded = literal(fold(term))
    return or_(
        func.instr(_sqlite_folded(entity.title, term), folded) > 0,
        func.instr(_sqlite_folded(entity.description, term), folded) > 0,
    )


def _sqlite_contains(entity: Columns, term: str) -> ColumnElement[bool]:  # the table's or a subquery's
    """SQLite, row by row: the ticket's title, description or thread holds `term` (no index)."""
    return or_(_sqlite_exact(term, entity), thread_holds(entity.id, Dialect.SQLITE, term))


def _sqlite_candidates(term: str) -> ColumnElement[bool]:
    return ticket_table.c.id.in_(select(text("rowid")).select_from(text("tickets_fts")).where(_fts_match(term)))


def _holds(body: Any, dialect: Dialect, term: str) -> ColumnElement[bool]:
    """A message body containing `term`, tested row by row (no index)."""
    if dialect is Dialect.POSTGRESQL:
        return _pg_strpos(body, term)
    return func.instr(_sqlite_folded(body, term), literal(fold(term))) > 0


def message_holders(dialect: Dialect, term: str) -> Select[Any]:
    """SQLite: the ids of tickets whose thread contains `term`, found through the messages' FTS index."""
    m = message_table.c
    if len(term) < TRIGRAM:
        return select(m.ticket_id).where(_holds(m.body, dialect, term))
    phrase = text("messages_fts MATCH :message_phrase").bindparams(message_phrase=_fts_phrase(term))
    candidates = select(text("rowid")).select_from(text("messages_fts")).where(phrase)
    return select(m.ticket_id).where(m.id.in_(candidates), _holds(m.body, dialect, term))


def thread_holds(ticket_id: Any, dialect: Dialect, term: str) -> ColumnElement[bool]:
    """Whether the thread of the ticket `ticket_id` (a correlated column) contains `term`: a few rows
    through the messages' ticket index, for a search that walks the list order."""
    m = message_table.c
    return exists().where(m.ticket_id == ticket_id, _holds(m.body, dialect, term))


def has_index(term: str) -> bool:
    """Whether an index answers `term`: any of 3+ characters, and a 2-character one of printable ASCII
    holding a digit or a symbol (the pieces are of lower-cased words, split at spaces)."""
    if len(term) >= TRIGRAM:
        return True
    printable = term.isascii() and term.isprintable() and " " not in term
    return len(term) == 2 and printable and any(c in PIECE_MARKS for c in term)


def _pg_indexed(term: str) -> Select[Any]:
    """PostgreSQL: the ids of the tickets the caller may see that contain `term` (has_index), found
    through the indexes by the owner's functions (see team_sql)."""
    if len(term) >= TRIGRAM:
        return select(func.tf_tickets_containing(like_pattern(term), like_pattern(term.translate(_AS_LETTERS))))
    return select(func.tf_tickets_with_piece(term.lower()))


def _pg_strpos(text_column: Any, term: str) -> ColumnElement[bool]:
    """PostgreSQL, row by row: ILIKE's meaning (it lower-cases both sides too in a multi-byte encoding)
    at a third less per row; a term without case ("#47") is looked for as it is, lower-casing nothing."""
    if is_caseless(term):
        return func.strpos(text_column, literal(term)) > 0
    return func.strpos(func.lower(text_column), func.lower(literal(term))) > 0


def _pg_contains(entity: Columns, term: str) -> ColumnElement[bool]:  # the table's or a subquery's
    """PostgreSQL, row by row (no index can serve it): the title, the description or the thread."""
    return or_(
        _pg_strpos(entity.title, term),
        _pg_strpos(entity.description, term),
        thread_holds(entity.id, Dialect.POSTGRESQL, term),
    )


def search_condition(dialect: Dialect, term: str, entity: Columns = ticket_table.c) -> ColumnElement[bool]:
    """One condition that is right for every term (fetch_page and apply_search pick a faster shape)."""
    if dialect is Dialect.POSTGRESQL:
        return entity.id.in_(_pg_indexed(term)) if has_index(term) else _pg_contains(entity, term)
    if len(term) < TRIGRAM:
        return _sqlite_contains(ticket_table.c, term)
    return or_(_sqlite_candidates(term) & _sqlite_exact(term), ticket_table.c.id.in_(message_holders(dialect, term)))


def _sqlite_piece_holders(term: str) -> Select[Any]:
    return select(_pieces.c.ticket_id).where(_pieces.c.piece == term.lower())


def _piece_is_common(session: Connection, term: str) -> bool:
    """SQLite: whether more than COMMON_CANDIDATES tickets hold the piece `term` (walked, then)."""
    return _count(session, _sqlite_piece_holders(term), COMMON_CANDIDATES) > COMMON_CANDIDATES


def is_common(session: Connection, term: str) -> bool:
    """SQLite: whether the FTS index holds more than COMMON_CANDIDATES candidates for `term`."""
    probe: Select[Any] = select(literal_column("rowid")).select_from(text("tickets_fts")).where(_fts_match(term))
    return _count(session, probe, COMMON_CANDIDATES) > COMMON_CANDIDATES


Order = Callable[[Columns], Sequence[ColumnElement[Any]]]


def fetch_page(session: Connection, query: Select[Any], term: str, order: Order, size: int) -> Sequence[Row[Any]]:
    """The rows of `query` (tickets in a list order, LIMIT `size`) that contain `term`.

    `order` gives the list order's ORDER BY for the tickets table's columns or a subquery's.
    """
    dialect = dialect_of(session)
    if dialect is not Dialect.POSTGRESQL or not has_index(term):
        return session.execute(apply_search(query, session, term, ordered=True)).all()
    # A common term: its page lies within the first rows of the list order. The LIMIT inside the
    # subquery keeps the planner from reaching for the search indexes (a quarter of the table). A
    # short walk first: a term absent from it is most likely rare, and goes to the indexes at once.
    rows = _walk(session, query, term, order, size, FIRST_WALK)
    # Found, but too thinly for a page: a walk long enough at the density seen (with room to spare)
    # costs less than the indexes, which fetch and sort every match (at 1M, "47": ten thousand rows),
    # unless that walk is long: each row walked reads its thread too ("#47" at 1M/5M: 20,000 rows, 0.9 s).
    if rows and len(rows) < size:
        longer = FIRST_WALK * size * 3 // (2 * len(rows))
        if longer <= MAX_WALK:
            rows = _walk(session, query, term, order, size, longer)
    if len(rows) == size:
        return rows
    # A rare term (or a short list): every match through the search indexes, then sorted.
    with search_index_scans(session):
        return session.execute(query.where(search_condition(dialect, term))).all()


def _walk(
    session: Connection, query: Select[Any], term: str, order: Order, size: int, window: int
) -> Sequence[Row[Any]]:
    """PostgreSQL: of the first `window` rows of `query`'s list order, the first `size` holding `term`."""
    walked = query.limit(window).subquery()
    page = select(walked).where(_pg_contains(walked.c, term)).order_by(*order(walked.c)).limit(size)
    return session.execute(page).all()


@contextmanager
def search_index_scans(session: Connection) -> Iterator[None]:
    """PostgreSQL: the statements run within reach the rows through the search indexes (bitmap scans).

    Index and sequential scans are off meanwhile: the planner prices ILIKE over long texts as cheap,
    and would rather walk the whole list order (3.8 s at 1M for a rare term) or read every row.
    """
    if session.connection.dbapi_connection.autocommit:  # type: ignore[union-attr]
        # A setting for the transaction would end with this statement: the search's shape would be lost.
        raise RuntimeError("a search runs in a transaction: database.reading(), not transaction=False")
    switch = "SELECT set_config('enable_indexscan', :on, true), set_config('enable_seqscan', :on, true)"
    session.execute(text(switch), {"on": "off"})  # both in one round trip; `true`: for this transaction
    try:
        yield
    finally:
        session.execute(text(switch), {"on": "on"})


def count_matches(session: Connection, conditions: Sequence[ColumnElement[bool]], term: str, cap: int | None) -> int:
    """How many tickets meeting `conditions` contain `term`; with a cap, any number above it means "more"."""
    dialect = dialect_of(session)
    # A common word passes the cap within a few thousand rows, read in any order; through the indexes
    # it would cost their whole posting lists (at 1M, 'error': ~90 ms against ~20 on PostgreSQL, 1.1 s
    # on SQLite, whose FTS index hands over every candidate).
    if cap is not None and has_index(term) and _dense(session, conditions, term):
        n = _count(session, _rows_holding(session, conditions, term, DENSE_WALK), cap)
        if n > cap:
            return n
    if dialect is not Dialect.POSTGRESQL or not has_index(term):
        query = select(literal(1)).select_from(ticket_table).where(*conditions)
        return _count(session, apply_search(query, session, term, ordered=False), cap)
    # Otherwise through the search indexes, whatever the planner guesses: it would read rows until
    # the cap whenever it expects many matches.
    with search_index_scans(session):
        query = select(literal(1)).select_from(ticket_table).where(*conditions, search_condition(dialect, term))
        return _count(session, query, cap)


def _count(session: Connection, query: Select[Any], cap: int | None) -> int:
    """The rows of `query`, counted up to cap + 1."""
    query = query.limit(cap + 1) if cap is not None else query
    return session.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def _dense(session: Connection, conditions: Sequence[ColumnElement[bool]], term: str) -> bool:
    """Whether `term` is in at least DENSE_SHARE of DENSE_PROBE rows meeting `conditions`."""
    probe = _rows_holding(session, conditions, term, DENSE_PROBE)
    return _count(session, probe, None) >= DENSE_PROBE * DENSE_SHARE


def _rows_holding(session: Connection, conditions: Sequence[ColumnElement[bool]], term: str, rows: int) -> Select[Any]:
    """Of the first `rows` tickets meeting `conditions` (in any order), those holding `term`."""
    read = (
        select(ticket_table.c.id, ticket_table.c.title, ticket_table.c.description)
        .where(*conditions)
        .limit(rows)
        .subquery()
    )
    if dialect_of(session) is Dialect.POSTGRESQL:
        return select(literal(1)).select_from(read).where(_pg_contains(read.c, term))
    return select(literal(1)).select_from(read).where(_sqlite_contains(read.c, term))


def apply_search(query: Select[Any], session: Connection, term: str, *, ordered: bool) -> Select[Any]:
    """`query` (over tickets) narrowed to `term`, in the shape fastest for it on this backend (but a
    PostgreSQL page: see fetch_page).

    `ordered`: the query walks a list order to a LIMIT (a page); otherwise it visits matches in any
    order (a capped count), which on SQLite is fastest driven by the FTS index.
    """
    dialect = dialect_of(session)
    pieces = dialect is Dialect.SQLITE and len(term) < TRIGRAM and has_index(term)
    if pieces and (not ordered or not _piece_is_common(session, term)):  # driven by the pieces
        return query.where(ticket_table.c.id.in_(_sqlite_piece_holders(term)), _sqlite_contains(ticket_table.c, term))
    if dialect is Dialect.POSTGRESQL or len(term) < TRIGRAM:
        return query.where(search_condition(dialect, term))
    if not ordered:  # driven by the two FTS indexes
        in_ticket = (
            select(ticket_table.c.id)
            .join(_fts, _fts.c.rowid == ticket_table.c.id)
            .where(_fts_match(term), _sqlite_exact(term))
        )
        return query.where(ticket_table.c.id.in_(union_of(in_ticket, message_holders(dialect, term))))
    if is_common(session, term):
        return query.where(_sqlite_contains(ticket_table.c, term))
    return query.where(search_condition(dialect, term))  # a rare term: through the FTS candidates
