"""PostgreSQL's search indexes for short and symbol-heavy terms (migration 0017_symbol_search): the
database's functions agree with storage/search.py, the searches reach the rows through the indexes, and a
seed load rebuilds exactly the indexes the migration made."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ticketflow_desktop.domain import Category, NewTicket, Priority, TicketFilter
from ticketflow_desktop.domain.search import ID_SYMBOLS, PIECE_MARKS, short_pieces
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import bulk
from ticketflow_desktop.storage.search import SYMBOL_LETTERS, has_index

on_postgresql = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def scalar(service: TicketService, sql: str, **params: object) -> object:
    with service.database.reading() as session:
        return session.execute(text(sql), params).scalar_one()


@on_postgresql
def test_the_database_writes_the_symbols_as_the_app_does(service: TicketService) -> None:
    assert scalar(service, "SELECT tf_searchable(:s)", s=ID_SYMBOLS) == SYMBOL_LETTERS
    marks = "".join(sorted(PIECE_MARKS))
    pieces = scalar(service, "SELECT tf_short_pieces(:s)", s=" ".join("x" + c for c in marks))
    assert sorted(pieces) == sorted("x" + c for c in marks)  # type: ignore[arg-type]
    # Letters and prose punctuation make no piece; a piece is of one word, in lower case, each once.
    assert scalar(service, "SELECT tf_short_pieces(:s)", s="Plain words, only!") == []
    pieces = scalar(service, "SELECT tf_short_pieces(:s)", s="Order #4711 A1 A1\tB2")
    assert sorted(pieces) == sorted(["#4", "47", "71", "11", "a1", "b2"])  # type: ignore[arg-type]


def test_which_terms_the_indexes_answer() -> None:
    assert has_index("abc") and has_index("#47") and has_index("ab c")
    assert has_index("A1") and has_index("47") and has_index("#4") and has_index("a.")
    assert not has_index("ab")  # letters only: walked (common in prose)
    assert not has_index("a") and not has_index("4")
    assert not has_index("é1") and not has_index("1 ")  # outside the pieces' alphabet


def plan(service: TicketService, sql: str, **params: object) -> str:
    with service.database.reading() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        return "\n".join(session.execute(text("EXPLAIN " + sql), params).scalars())


@on_postgresql
def test_symbol_terms_are_found_through_the_indexes(service: TicketService) -> None:
    """The functions' expressions are the indexes': a drifted one would read every row instead."""
    trigram = plan(service, "SELECT id FROM tickets WHERE tf_searchable(title) ILIKE :p", p="%ǂ47%")
    assert "ix_tickets_title_search" in trigram
    pieces = plan(
        service, "SELECT id FROM tickets WHERE tf_short_pieces(title || ' ' || description) @> ARRAY[:p]", p="a1"
    )
    assert "ix_tickets_pieces" in pieces
    messages = plan(service, "SELECT id FROM messages WHERE tf_short_pieces(body) @> ARRAY[:p]", p="a1")
    assert "ix_messages_pieces" in messages
    body = plan(service, "SELECT id FROM messages WHERE tf_searchable(body) ILIKE :p", p="%ǂ47%")
    assert "ix_messages_body_search" in body


def index_definitions(service: TicketService) -> set[str]:
    with service.database.reading() as session:
        rows = session.execute(text("SELECT indexdef FROM pg_indexes WHERE tablename = 'tickets'")).scalars()
        return set(rows)


@on_postgresql
def test_a_seed_load_rebuilds_the_migrations_indexes(service: TicketService, monkeypatch: pytest.MonkeyPatch) -> None:
    before = index_definitions(service)
    monkeypatch.setattr(bulk, "PG_REBUILD_THRESHOLD", 10)  # a "large" load into the empty table
    now = datetime(2026, 12, 1, tzinfo=UTC)
    load = [NewTicket(f"Order #47{i:02d}", f"cell A{i}", Category.BILLING, Priority.LOW, now) for i in range(30)]
    assert bulk.bulk_insert(service.database, load, expected=len(load)) == 30
    assert index_definitions(service) == before
    assert service.count(TicketFilter(search="#4705")).value == 1
    assert service.count(TicketFilter(search="A1"), cap=None).value == 11  # A1, A10..A19


def test_an_edited_or_answered_ticket_is_found_by_its_new_pieces(service: TicketService) -> None:
    """Both backends: the pieces follow an edit and a new message; an edited-away piece finds nothing."""
    from ticketflow_desktop.domain import TicketChanges, TicketDraft
    from ticketflow_desktop.domain.conversation import MessageKind
    from ticketflow_desktop.services.conversation import ConversationService

    ticket = service.create(TicketDraft("Cell A1 is wrong", "see sheet", Category.GENERAL, Priority.LOW))
    service.create(TicketDraft("Another", "nothing to see", Category.GENERAL, Priority.LOW))
    service.update(ticket.id, TicketChanges(title="Cell B7 is wrong"), ticket.version)
    ConversationService(service.database, service.clock).add(ticket.id, MessageKind.NOTE, "also row 9#")
    for term, wanted in (("B7", [ticket.id]), ("b7", [ticket.id]), ("9#", [ticket.id]), ("A1", [])):
        assert [t.id for t in service.page(TicketFilter(search=term)).tickets] == wanted, term
        assert service.count(TicketFilter(search=term)).value == len(wanted), term


# Characters whose lower case is one character on every backend (as in tests/services/test_search.py).
TEXT = st.lists(st.sampled_from([*"aB1 9#-_./:@+$%&é日\t\n", "x7", "Ö"]), max_size=40).map("".join)


@on_postgresql
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=TEXT)
def test_the_app_and_the_database_cut_the_same_pieces(service: TicketService, body: str) -> None:
    """SQLite's pieces are Python's, PostgreSQL's its own function's: every ASCII piece agrees."""
    database = scalar(service, "SELECT tf_short_pieces(:s)", s=body)
    assert {p for p in database if p.isascii()} == short_pieces(body)  # type: ignore[attr-defined]
