"""The per-day summary tables, kept in the same transaction as each write."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ticketflow_desktop.storage.analytics import add_count_deltas
from ticketflow_desktop.storage.tables import SuggestionCountRow, TicketCountRow, TicketRow

CountKey = tuple[date, str, str, str]  # created day, category, priority, status


def _upsert(session: Session, table: type, keys: list[str], rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert_fn(table).values(rows)
    statement = statement.on_conflict_do_update(index_elements=keys, set_={"n": table.n + statement.excluded.n})
    session.execute(statement)


def add_ticket_counts(session: Session, deltas: Counter[CountKey]) -> None:
    # A fixed order of keys keeps concurrent writers from deadlocking on the summary rows: rows are
    # touched in key order, whether decremented or incremented (runs of increments in one statement).
    keys = ["day", "category", "priority", "status"]
    batch: list[dict[str, object]] = []
    for (day, c, p, s), n in sorted(deltas.items()):
        if n > 0:
            batch.append({"day": day, "category": c, "priority": p, "status": s, "n": n})
        elif n < 0:  # the row exists: the ticket being moved was counted in it
            _upsert(session, TicketCountRow, keys, batch)
            batch = []
            session.execute(
                update(TicketCountRow)
                .where(
                    TicketCountRow.day == day,
                    TicketCountRow.category == c,
                    TicketCountRow.priority == p,
                    TicketCountRow.status == s,
                )
                .values(n=TicketCountRow.n + n)
            )
    _upsert(session, TicketCountRow, keys, batch)
    add_count_deltas(session, deltas)  # the dashboard's own summaries, in the same transaction


def add_suggestion_counts(session: Session, deltas: Counter[tuple[str, bool]]) -> None:
    rows = [{"source": s, "accepted": a, "n": n} for (s, a), n in sorted(deltas.items()) if n]
    _upsert(session, SuggestionCountRow, ["source", "accepted"], rows)


def day_expression(dialect: str):
    if dialect == "postgresql":
        return func.date(func.timezone("UTC", TicketRow.created_at))
    return func.substr(TicketRow.created_at, 1, 10)


def recount(session: Session) -> dict[CountKey, int]:
    """A full recount from the tickets themselves, to check the summary against."""
    dialect = session.get_bind().dialect.name
    day = day_expression(dialect).label("day")
    query = select(day, TicketRow.category, TicketRow.priority, TicketRow.status, func.count()).group_by(
        day, TicketRow.category, TicketRow.priority, TicketRow.status
    )
    result: dict[CountKey, int] = {}
    for d, c, p, s, n in session.execute(query):
        key_day = d if isinstance(d, date) else date.fromisoformat(d)
        result[(key_day, c, p, s)] = n
    return result


def stored_counts(session: Session) -> dict[CountKey, int]:
    rows = session.execute(select(TicketCountRow).where(TicketCountRow.n > 0)).scalars()
    return {(r.day, r.category, r.priority, r.status): r.n for r in rows}


def rebuild(session: Session, keys: Iterable[CountKey] | None = None) -> None:
    """Replace the summary with a full recount (after bulk loads, or to repair)."""
    session.execute(delete(TicketCountRow))
    rows = [
        {"day": k[0], "category": k[1], "priority": k[2], "status": k[3], "n": n} for k, n in recount(session).items()
    ]
    for start in range(0, len(rows), 1000):
        session.execute(insert(TicketCountRow), rows[start : start + 1000])
