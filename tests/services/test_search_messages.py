"""Search covers the conversation: a ticket is found by what was written on it, whatever its length,
case or script, through every query shape (page, count; rare and common; short terms)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticketflow_desktop.domain import Category, Priority, TicketDraft, TicketFilter
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.search import is_caseless, matches
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService


def make(service: TicketService, title: str, messages: tuple[str, ...] = ()) -> int:
    ticket = service.create(TicketDraft(title, "Nothing special here.", Category.GENERAL, Priority.LOW))
    conversation = ConversationService(service.database, service.clock)
    for body in messages:
        conversation.add(ticket.id, MessageKind.NOTE, body)
    return ticket.id


@pytest.mark.parametrize("term", ["Zebrafish", "zebraFISH", "QX", "ßtraße", "مرحبا", "🦓", "#4711", "A1", "0:3"])
def test_a_ticket_is_found_by_its_thread(service: TicketService, term: str) -> None:
    wanted = make(service, "Plain title", ("Hello", f"The word {term.lower()} is in this note."))
    make(service, "Another plain title", ("Unrelated",))
    found = service.page(TicketFilter(search=term)).tickets
    assert [t.id for t in found] == [wanted]
    assert service.count(TicketFilter(search=term)).value == 1


def test_common_terms_in_threads_walk_and_count(service: TicketService) -> None:
    ids = [make(service, f"Ticket {n}", ("please restart the router",) if n % 2 else ()) for n in range(60)]
    holders = {i for n, i in enumerate(ids) if n % 2}
    page = service.page(TicketFilter(search="restart"), limit=50).tickets
    assert {t.id for t in page} == holders
    assert service.count(TicketFilter(search="restart")).value == len(holders)
    # A ticket found both by its title and its thread is listed once.
    both = make(service, "restart needed", ("restart it",))
    assert [t.id for t in service.page(TicketFilter(search="restart needed")).tickets] == [both]
    assert service.count(TicketFilter(search="restart")).value == len(holders) + 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=6).filter(str.strip))
def test_search_means_substring_of_title_description_or_thread(service: TicketService, term: str) -> None:
    bodies = ("alpha BETA gamma", "ünïcödé ÄÖÜ", "x_y%z\\\\w", "日本語のテキスト", "Order #4711 at 10:30, cell A1")
    ids = {make(service, "t", (body,)): body for body in bodies}
    expected = {i for i, body in ids.items() if matches(term, "t", "Nothing special here.", body)}
    found = {t.id for t in service.page(TicketFilter(search=term), limit=500).tickets} & ids.keys()
    assert found == expected


# Terms without case ("#47", "2024/0047") are tested as written, lower-casing nothing (storage/search.py,
# and tf_tickets_containing on PostgreSQL): the same tickets as `matches`, through the walk of the list
# order (limit 1: the first match ends it) and through the indexes (limit 500: too few for a page).
CASELESS = "#47/10:3-0ǀ価¥,🦓"
TEXTS = ("Order #4711 at 10:30", "ref 2024/0047-B", "ǀ47 (a click letter)", "価格 ¥4,711", "🦓#47🦓", "#47")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term=st.text(st.sampled_from(CASELESS), min_size=1, max_size=4))
def test_a_term_without_case_finds_what_it_matches(service: TicketService, term: str) -> None:
    assert is_caseless(term)
    in_titles = {make(service, text): text for text in TEXTS}
    in_threads = {make(service, "t", (text,)): text for text in TEXTS}
    holders = {i for i, text in (in_titles | in_threads).items() if matches(term, text)}
    every = in_titles.keys() | in_threads.keys()
    found = {t.id for t in service.page(TicketFilter(search=term), limit=500).tickets} & every
    assert found == holders
    first = service.page(TicketFilter(search=term), limit=1).tickets
    assert ({t.id for t in first} & every) <= holders and (bool(first) or not holders)
