"""Tags' normalisation and validation, and the saved-view codec, as properties."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketflow_desktop.domain import Category, Priority, Sort, SortKey, Status, TicketFilter
from ticketflow_desktop.domain.sla_state import SlaState
from ticketflow_desktop.domain.tags import TAG_MAX, TAG_PUNCTUATION, normalize_tag, split_tags, tag_error
from ticketflow_desktop.domain.views import ViewSpec, decode_view, encode_view


@given(st.text(max_size=80))
def test_a_valid_tag_is_stored_as_its_normal_form_which_is_stable(text: str) -> None:
    if tag_error(text) is None:
        tag = normalize_tag(text)
        assert tag_error(tag) is None
        assert normalize_tag(tag) == tag  # idempotent: saved and typed again, the same tag
        assert 1 <= len(tag) <= TAG_MAX
        assert all(c.isalnum() or c in TAG_PUNCTUATION for c in tag)
        assert normalize_tag(text.upper()) == tag or tag_error(text.upper()) is not None


@given(st.text(max_size=80))
def test_anything_refused_gets_words_and_anything_with_a_comma_or_nul_is_refused(text: str) -> None:
    message = tag_error(text)
    assert message is None or message.strip()
    if "," in text or "\x00" in text:
        assert message is not None


def test_tags_are_case_and_space_insensitive() -> None:
    assert normalize_tag("  Needs   Review ") == "needs-review"
    assert normalize_tag("STRASSE") == normalize_tag("strasse")
    assert split_tags("VIP, vip ,, Billing") == ("vip", "billing")
    with pytest.raises(ValueError, match="limit is 50"):
        split_tags("a" * 51)


def _one_or_more(values: tuple[object, ...]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), st.sampled_from(values), st.lists(st.sampled_from(values)).map(tuple))


specs = st.builds(
    ViewSpec,
    filter=st.builds(
        TicketFilter,
        category=_one_or_more(tuple(Category)),
        priority=_one_or_more(tuple(Priority)),
        status=_one_or_more(tuple(Status)),
        search=st.text(max_size=20),
        assignee=st.one_of(st.none(), st.text(max_size=10)),
        requester_id=st.one_of(st.none(), st.integers(1, 10**6)),
        organisation=st.one_of(st.none(), st.text(max_size=10)),
        groups=st.one_of(st.none(), st.lists(st.text(max_size=5)).map(tuple)),
        tags=st.lists(st.sampled_from(("a", "b-c", "ü"))).map(tuple),
        sla_states=st.one_of(st.none(), st.frozensets(st.sampled_from(tuple(SlaState)), min_size=1)),
    ),
    sort=st.builds(Sort, st.sampled_from(tuple(SortKey)), st.booleans()),
    columns=st.lists(st.sampled_from(("title", "status", "tags")), unique=True).map(tuple),
)


@given(specs)
def test_a_view_reads_back_as_saved(spec: ViewSpec) -> None:
    decoded = decode_view(encode_view(spec))
    assert decoded.spec == spec and decoded.skipped == ()


def test_reading_ignores_what_it_does_not_know_and_skips_what_it_cannot_read() -> None:
    text = json.dumps(
        {
            "format": 7,
            "filter": {"status": ["open", "limbo"], "priority": "high", "mood_of_the_day": "calm"},
            "sort": {"key": "moon_phase", "descending": False},
            "columns": ["title", 3],
            "theme": "dark",
        }
    )
    decoded = decode_view(text)
    assert decoded.spec == ViewSpec(TicketFilter(priority=Priority.HIGH), Sort(), ("title",))
    assert decoded.skipped == ("status", "sort")
    for bad in ("[]", "nonsense", "3"):
        with pytest.raises(ValueError):
            decode_view(bad)


def test_equal_filters_are_equal_however_written() -> None:
    assert TicketFilter(status=(Status.CLOSED, Status.OPEN, Status.OPEN)) == TicketFilter(
        status=(Status.OPEN, Status.CLOSED)
    )
    assert TicketFilter(status=(Status.OPEN,)) == TicketFilter(status=Status.OPEN)
    assert TicketFilter(status=()) == TicketFilter()
    assert TicketFilter(tags=("b", "a")) == TicketFilter(tags=("a", "b"))
