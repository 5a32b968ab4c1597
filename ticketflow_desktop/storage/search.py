"""The search condition per backend. Both mean `domain.search.matches`: case-insensitive substring.

PostgreSQL: ILIKE with an escaped pattern, served by pg_trgm GIN indexes for terms of 3+ characters;
shorter terms use strpos(lower()) so the planner walks the list order instead of the trigram index.
SQLite: the FTS5 trigram index yields candidates for 3+ characters, and `tf_fold` (Python's Unicode
lower-casing, registered on every connection) decides exactly; shorter terms use `tf_fold` alone.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal, or_, select, text

from ticketflow_desktop.domain.search import fold, like_pattern
from ticketflow_desktop.storage.tables import TicketRow

TRIGRAM = 3


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search_condition(dialect: str, term: str) -> ColumnElement[bool]:
    title, description = TicketRow.title, TicketRow.description
    if dialect == "postgresql":
        if len(term) >= TRIGRAM:
            pattern = like_pattern(term)
            return or_(title.ilike(pattern, escape="\\"), description.ilike(pattern, escape="\\"))
        needle = func.lower(literal(term))
        return or_(func.strpos(func.lower(title), needle) > 0, func.strpos(func.lower(description), needle) > 0)

    folded = literal(fold(term))
    exact = or_(
        func.instr(func.tf_fold(title), folded) > 0,
        func.instr(func.tf_fold(description), folded) > 0,
    )
    if len(term) < TRIGRAM:
        return exact
    candidates = (
        select(text("rowid"))
        .select_from(text("tickets_fts"))
        .where(text("tickets_fts MATCH :fts_phrase").bindparams(fts_phrase=_fts_phrase(term)))
    )
    return TicketRow.id.in_(candidates) & exact
