"""Search finds exactly the tickets that contain the term, case-insensitively, wildcards literal."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticketflow_desktop.domain import Category, NewTicket, Priority, TicketDraft, TicketFilter
from ticketflow_desktop.domain.search import matches
from ticketflow_desktop.domain.validation import has_visible_character
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import bulk_insert

# Letters whose lower case is one character on every backend (Python, PostgreSQL's C.UTF-8, FTS5),
# plus the characters that break naive LIKE and FTS queries, digits and the symbols PostgreSQL's
# indexes write as letters (and two of those letters: a ticket holding one must not match the symbol).
ALPHABET = st.sampled_from(
    [*"abcXYZ ÄäÖöÉéßÇçΣσΑαДдЖж日本💥%_\\'\"*-()^:.", *"47#@/+$&ǂǀ", "NEAR", "AND", "OR", "\u0301", "\u200f"]
)
WORDS = st.lists(ALPHABET, min_size=1, max_size=12).map("".join)

CORPUS = [
    ("Refund 100% now", "Customer wants a_refund"),
    ("Login", "C:\\Users\\agent path"),
    ("Ärger mit der Straße", "ÄPFEL und äpfel"),
    ('Quote "here"', "it's * wild (really) ^ NEAR"),
    ("ΣΑΣ upper greek", "Жжж кириллица"),
    ("日本語のチケット", "絵文字 💥 emoji"),
    ("plain", "nothing special"),
    ("Order #4711", "invoice INV-2024/0047, cell A1"),
    ("Not an order ǂ47", "x-ray 4 7"),
]


@pytest.fixture
def corpus(service: TicketService) -> TicketService:
    bulk_insert(
        service.database,
        [NewTicket(t, d, Category.GENERAL, Priority.LOW, datetime.now(UTC)) for t, d in CORPUS],
    )
    return service


def found(service: TicketService, term: str) -> set[str]:
    return {t.title for t in service.page(TicketFilter(search=term), limit=500).tickets}


def expected(term: str, rows: list[tuple[str, str]]) -> set[str]:
    return {t for t, d in rows if matches(term, t, d)}


@pytest.mark.parametrize(
    "term",
    [
        "100%",
        "%",
        "_",
        "a_r",
        "\\",
        "C:\\Users",
        "äpfel",
        "ÄRGER",
        "straße",
        "σας",
        "жжж",
        "日本",
        "💥",
        '"here"',
        "'s *",
        "NEAR",
        "(really)",
        "zz",
        "no such thing at all",
        "#47",
        "A1",
        "a1",
        "1-",
        "ǂ47",
        "47",
    ],
)
def test_examples(corpus: TicketService, term: str) -> None:
    assert found(corpus, term) == expected(term, CORPUS)
    assert corpus.count(TicketFilter(search=term)).value == len(expected(term, CORPUS))


def as_title(text: str) -> str:
    """A valid title from generated text: a title needs something visible (a lone combining mark or
    space is not), so such text gets a letter to sit on."""
    return text.strip() if has_visible_character(text) else "t" + text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(WORDS, WORDS), min_size=1, max_size=6), data=st.data())
def test_any_term_matches_exactly_the_containing_tickets(service: TicketService, rows, data) -> None:
    rows = [(as_title(t), d.strip() or "d") for t, d in rows]
    created = {service.create(TicketDraft(t, d, Category.GENERAL, Priority.LOW)).id: (t, d) for t, d in rows}
    text = data.draw(st.sampled_from([t + " " + d for t, d in rows]))
    start = data.draw(st.integers(0, max(len(text) - 1, 0)))
    term = data.draw(st.one_of(st.just(text[start : start + data.draw(st.integers(1, 6))]), WORDS))
    if not term.strip():
        return
    result = {t.id for t in service.page(TicketFilter(search=term), limit=500).tickets if t.id in created}
    assert result == {i for i, (t, d) in created.items() if matches(term, t, d)}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=WORDS, description=WORDS)
def test_any_valid_draft_round_trips_exactly(service: TicketService, title: str, description: str) -> None:
    title, description = as_title(title), description.strip() or "d"
    ticket = service.create(TicketDraft(title, description, Category.BILLING, Priority.CRITICAL))
    stored = service.get(ticket.id)
    assert (stored.title, stored.description) == (title, description)
    assert stored.title.encode() == title.encode()


# 150 tickets: "walrus" in two of three, "penguin" in the others, "zebra" in one of forty, "zz" elsewhere.
ANIMALS = [
    (f"Walrus {i}" if i % 3 else f"Penguin {i}", "a zebra" if i % 40 == 0 else "grey zz sky") for i in range(150)
]
START = datetime(2026, 5, 1, tzinfo=UTC)


def load_animals(service: TicketService, when: Callable[[int], datetime], category: Callable[[int], Category]) -> None:
    tickets = [NewTicket(t, d, category(i), Priority.LOW, when(i)) for i, (t, d) in enumerate(ANIMALS)]
    bulk_insert(service.database, tickets)


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("term", ["walrus", "penguin", "zebra", "zz"])
def test_pages_are_the_same_whichever_query_shape_serves_the_term(
    service: TicketService, monkeypatch: pytest.MonkeyPatch, term: str, descending: bool
) -> None:
    """Common terms walk the list order, rare ones go through the index; the pages must not differ."""
    from ticketflow_desktop.domain import Sort, SortKey
    from ticketflow_desktop.storage import search

    # Small thresholds, so 150 tickets hold both a "common" and a "rare" term on each backend.
    monkeypatch.setattr(search, "FIRST_WALK", 4)
    monkeypatch.setattr(search, "MAX_WALK", 12)
    monkeypatch.setattr(search, "COMMON_CANDIDATES", 20)
    # Equal times for neighbours: the id breaks ties, across pages too.
    load_animals(service, lambda i: START + timedelta(minutes=i // 2), lambda i: Category.GENERAL)
    tickets = sorted(service.iterate(), key=lambda t: (t.created_at, t.id), reverse=descending)
    want = [t.id for t in tickets if matches(term, t.title, t.description)]
    got: list[int] = []
    cursor = None
    while True:
        page = service.page(TicketFilter(search=term), Sort(SortKey.CREATED, descending), limit=8, cursor=cursor)
        got += [t.id for t in page.tickets]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert got == want


@pytest.mark.parametrize("category", [None, Category.BILLING])
@pytest.mark.parametrize("term", ["walrus", "penguin", "zebra", "zz", "nowhere"])
def test_counts_are_the_same_whichever_query_shape_serves_the_term(
    service: TicketService, monkeypatch: pytest.MonkeyPatch, term: str, category: Category | None
) -> None:
    """Dense terms are counted by reading rows, others through the index; each count must be exact up
    to the cap, and "capped" exactly when more tickets match."""
    from ticketflow_desktop.storage import search

    # Small thresholds: 150 tickets hold a dense term that passes the cap within the walk, a dense
    # one that does not (the walk ends first: the index decides), and rare ones.
    monkeypatch.setattr(search, "DENSE_PROBE", 10)
    monkeypatch.setattr(search, "DENSE_WALK", 40)
    load_animals(
        service, lambda i: START + timedelta(minutes=i), lambda i: Category.BILLING if i % 2 else Category.GENERAL
    )
    wanted = [(t, d) for i, (t, d) in enumerate(ANIMALS) if matches(term, t, d) and (category is None or i % 2 == 1)]
    search_filter = TicketFilter(category=category, search=term)
    assert service.count(search_filter, cap=None).value == len(wanted)
    for cap in (5, 20, 30, 200):
        count = service.count(search_filter, cap=cap)
        assert (count.value, count.capped) == ((cap, True) if len(wanted) > cap else (len(wanted), False))
