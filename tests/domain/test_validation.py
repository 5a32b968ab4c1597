import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketflow_desktop.domain import (
    Category,
    Priority,
    Sort,
    SortKey,
    Status,
    TicketChanges,
    TicketDraft,
    ValidationError,
)
from ticketflow_desktop.domain.models import Cursor
from ticketflow_desktop.domain.search import fold, like_pattern, matches
from ticketflow_desktop.domain.validation import (
    DESCRIPTION_MAX,
    TITLE_MAX,
    transition_error,
    validate_changes,
    validate_draft,
)


def draft(title: str = "Printer on fire", description: str = "It is really on fire.") -> TicketDraft:
    return TicketDraft(title, description, Category.TECHNICAL, Priority.HIGH)


def test_trims_title_and_description() -> None:
    result = validate_draft(draft("  Spaces  ", "\n body \t"))
    assert (result.title, result.description) == ("Spaces", "body")


@pytest.mark.parametrize(
    ("title", "description", "field", "words"),
    [
        ("", "body", "title", "Title is required."),
        ("   \t", "body", "title", "Title is required."),
        ("x" * (TITLE_MAX + 1), "body", "title", "the limit is 200"),
        ("a\x00b", "body", "title", "NUL"),
        ("two\nlines", "body", "title", "single line"),
        ("ok", "", "description", "Description is required."),
        ("ok", "x" * (DESCRIPTION_MAX + 1), "description", "the limit is 100,000"),
        ("ok", "nul\x00here", "description", "NUL"),
    ],
)
def test_refusals_name_the_field_in_plain_words(title: str, description: str, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft(title, description))
    message = caught.value.for_field(field)
    assert message is not None and words in message


def test_limits_are_inclusive() -> None:
    result = validate_draft(draft("t" * TITLE_MAX, "d" * DESCRIPTION_MAX))
    assert len(result.title) == TITLE_MAX and len(result.description) == DESCRIPTION_MAX


def test_both_fields_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft("", ""))
    assert [e.field for e in caught.value.errors] == ["title", "description"]


@given(
    # One line (no character str.splitlines breaks at) with something visible (an ASCII letter or digit).
    st.text(min_size=1, max_size=TITLE_MAX).filter(
        lambda s: "\x00" not in s and s.splitlines() == [s] and any(c.isascii() and c.isalnum() for c in s)
    )
)
def test_any_valid_title_is_kept_exactly_after_trimming(title: str) -> None:
    assert validate_draft(draft(title)).title == title.strip()


def test_status_transitions() -> None:
    assert transition_error(Status.OPEN, Status.CLOSED) is None
    assert transition_error(Status.CLOSED, Status.OPEN) is None
    message = transition_error(Status.CLOSED, Status.RESOLVED)
    assert message is not None and "reopen" in message
    with pytest.raises(ValidationError):
        validate_changes(TicketChanges(status=Status.IN_PROGRESS), current_status=Status.CLOSED)


def test_enum_parse_accepts_labels_and_explains_refusals() -> None:
    assert Status.parse("In progress") is Status.IN_PROGRESS
    assert Priority.parse("CRITICAL") is Priority.CRITICAL
    with pytest.raises(ValueError, match="choose one of billing, technical, account, general"):
        Category.parse("bogus")
    assert [p.rank for p in Priority] == [0, 1, 2, 3]


def test_sort_parse() -> None:
    assert Sort.parse("-priority") == Sort(SortKey.PRIORITY, True)
    assert Sort.parse("title") == Sort(SortKey.TITLE, False)
    with pytest.raises(ValueError, match="cannot sort by"):
        Sort.parse("colour")


@given(st.one_of(st.text(max_size=50), st.integers()), st.integers(min_value=1))
def test_cursor_round_trip(value: str | int, ticket_id: int) -> None:
    assert Cursor.decode(Cursor(value, ticket_id).encode()) == Cursor(value, ticket_id)


def test_garbage_cursor_is_refused() -> None:
    with pytest.raises(ValueError):
        Cursor.decode("not-base64!")


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("50%_\\") == "%50\\%\\_\\\\%"


def test_matches_is_case_insensitive_and_literal() -> None:
    assert matches("ÄPFEL", "grüne äpfel")
    assert matches("100%", "a 100% sure")
    assert not matches("100%", "a 1000 sure")
    assert fold("ΣΑΣ") == "σασ"


@pytest.mark.parametrize(
    "title",
    ["\u200b\u200b", "\u2800", "\u3164\u3164", "\u202e", "\u200e\u200f\u2060", "\ufeff", "\u0301", "\u200b \u3164"],
    ids=[
        "zero-width spaces",
        "blank braille",
        "hangul filler",
        "lone RTL override",
        "direction marks",
        "BOM",
        "lone combining mark",
        "mixed blanks",
    ],
)
def test_a_title_needs_a_visible_character(title: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft(title))
    assert "visible character" in (caught.value.for_field("title") or "")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\v", "\f", "\x85", "\x1c", "\x1d", "\x1e"])
def test_every_unicode_line_break_makes_a_title_two_lines(separator: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_draft(draft(f"first{separator}second"))
    assert "single line" in (caught.value.for_field("title") or "")


@pytest.mark.parametrize("title", ["a\u200bb", "\u202einvoice", "Ünïcödé ✓", "😀", "中文", "שלום", "e\u0301"])
def test_titles_with_something_to_see_are_kept_exactly(title: str) -> None:
    assert validate_draft(draft(title)).title == title


@given(st.text(min_size=1, max_size=TITLE_MAX))
def test_every_accepted_title_is_one_visible_line(title: str) -> None:
    try:
        stored = validate_draft(draft(title)).title
    except ValidationError:
        return
    assert len(stored.splitlines()) == 1 and stored == title.strip()
    assert any(not c.isspace() and c.isprintable() for c in stored)
