"""domain/codec.py: every suggestion, draft and change survives the trip through JSON, and what earlier
versions wrote (literal payloads below, in the format they had) still reads."""

from __future__ import annotations

import json
from dataclasses import astuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ticketflow_desktop.domain import (
    Category,
    Priority,
    Status,
    Suggestion,
    SuggestionSource,
    TicketChanges,
    TicketDraft,
)
from ticketflow_desktop.domain.codec import (
    changes_from_dict,
    changes_to_dict,
    draft_from_dict,
    draft_to_dict,
    suggestion_from_dict,
    suggestion_to_dict,
)
from ticketflow_desktop.domain.conversation import Requester

EMOJI_AND_RTL = "Drucker 🖨️🔥 لا يعمل ‏שלום‎ \u202eevil\u202c 👩‍💻 e\u0301"

texts = st.one_of(st.text(), st.just(EMOJI_AND_RTL), st.sampled_from(["", " ", "\n", "\x00", "\\", '"']))
confidences = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(0, 1)
suggestions = st.builds(
    Suggestion,
    st.sampled_from(Category),
    st.sampled_from(Priority),
    st.sampled_from(SuggestionSource),
    st.none() | texts,
    confidences,
    confidences,
    confidences,
)
drafts = st.builds(
    TicketDraft,
    texts,
    texts,
    st.sampled_from(Category),
    st.sampled_from(Priority),
    st.none() | suggestions,
    st.none() | texts,
    st.none() | st.builds(Requester, texts, texts, st.none() | texts),
)
changes = st.builds(
    TicketChanges,
    st.none() | texts,
    st.none() | texts,
    st.none() | st.sampled_from(Category),
    st.none() | st.sampled_from(Priority),
    st.none() | st.sampled_from(Status),
)
# What a newer version might add: keys this one does not know, with any JSON value.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=5,
)
unknown_keys = st.dictionaries(st.text().map(lambda k: f"x-{k}"), json_values, max_size=3)


def through_json(value: dict[str, object]) -> object:
    """As the outbox and the draft file store it."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def same(a: object, b: object) -> bool:
    """Equal in every field, the per-field confidences too (Suggestion's == leaves them out)."""
    return type(a) is type(b) and astuple(a) == astuple(b)


@given(suggestions)
@example(Suggestion(Category.BILLING, Priority.LOW, SuggestionSource.LLM, EMOJI_AND_RTL, None, None, None))
def test_a_suggestion_survives_json(suggestion: Suggestion) -> None:
    assert same(suggestion_from_dict(through_json(suggestion_to_dict(suggestion))), suggestion)


@given(drafts)
@example(TicketDraft(EMOJI_AND_RTL, EMOJI_AND_RTL, Category.ACCOUNT, Priority.CRITICAL))
@example(TicketDraft("t", "d", Category.ACCOUNT, Priority.LOW, requester=Requester("Ann Lee", "Ann@Example.com", None)))
def test_a_draft_survives_json(draft: TicketDraft) -> None:
    assert same(draft_from_dict(through_json(draft_to_dict(draft))), draft)


@given(changes)
@example(TicketChanges(title=EMOJI_AND_RTL))
@example(TicketChanges())
def test_changes_survive_json(change: TicketChanges) -> None:
    data = changes_to_dict(change)
    assert None not in data.values()  # absent means "leave as it is": nothing to overwrite a merged edit with
    assert changes_from_dict(through_json(data)) == change


@given(changes, changes)
def test_merged_changes_are_the_later_edit_over_the_earlier(first: TicketChanges, second: TicketChanges) -> None:
    merged = changes_from_dict({**changes_to_dict(first), **changes_to_dict(second)})
    for name in ("title", "description", "category", "priority", "status"):
        later = getattr(second, name)
        assert getattr(merged, name) == (getattr(first, name) if later is None else later)


@given(drafts, unknown_keys, unknown_keys)
def test_unknown_keys_are_ignored(
    draft: TicketDraft, extra: dict[str, object], extra_inside: dict[str, object]
) -> None:
    data = {**draft_to_dict(draft), **extra}
    if draft.suggestion is not None:
        data["suggestion"] = {**suggestion_to_dict(draft.suggestion), **extra_inside}
    assert same(draft_from_dict(through_json(data)), draft)


# --- what earlier versions wrote ------------------------------------------------------------------

# services/outbox.py's _draft_payload before the codec: no idempotency key (it is the record's own
# column) and no per-field confidences.
OLD_OUTBOX_CREATE = """{"title": "VPN down 🔒", "description": "Since 9:00 nobody can connect — \\u0644\\u0627",
 "category": "technical", "priority": "critical",
 "suggestion": {"category": "technical", "priority": "high", "source": "local", "model": "local",
 "confidence": 0.62}}"""
OLD_OUTBOX_CREATE_WITHOUT_SUGGESTION = (
    '{"title": "Invoice", "description": "Wrong VAT", "category": "billing", "priority": "low", "suggestion": null}'
)
# _changes_payload: the changed fields only, enums as values; two offline edits merged into one.
OLD_OUTBOX_UPDATE = '{"status": "resolved", "priority": "low", "title": "Printer fixed ✅"}'


def test_an_old_outbox_create_payload_reads() -> None:
    draft = draft_from_dict(json.loads(OLD_OUTBOX_CREATE))
    assert draft == TicketDraft(
        "VPN down 🔒",
        "Since 9:00 nobody can connect — لا",
        Category.TECHNICAL,
        Priority.CRITICAL,
        Suggestion(Category.TECHNICAL, Priority.HIGH, SuggestionSource.LOCAL, "local", 0.62),
    )
    assert draft.suggestion is not None and draft.suggestion.category_confidence is None
    assert draft.requester is None  # written before tickets had requesters
    plain = draft_from_dict(json.loads(OLD_OUTBOX_CREATE_WITHOUT_SUGGESTION))
    assert (plain.suggestion, plain.idempotency_key, plain.requester) == (None, None, None)


def test_a_drafts_requester_survives_json_and_a_damaged_one_is_a_value_error() -> None:
    draft = TicketDraft(
        "t", "d", Category.BILLING, Priority.LOW, requester=Requester("Ann Lee", "ann@example.com", "Acme")
    )
    data = through_json(draft_to_dict(draft))
    assert data["requester"] == {"name": "Ann Lee", "email": "ann@example.com", "organisation": "Acme"}  # type: ignore[index]
    assert draft_from_dict(data).requester == Requester("Ann Lee", "ann@example.com", "Acme")
    for damaged in ("ann@example.com", {"name": "Ann"}, {"name": "Ann", "email": 5}):
        with pytest.raises(ValueError):
            draft_from_dict({**draft_to_dict(draft), "requester": damaged})


def test_an_old_outbox_update_payload_reads() -> None:
    assert changes_from_dict(json.loads(OLD_OUTBOX_UPDATE)) == TicketChanges(
        title="Printer fixed ✅", priority=Priority.LOW, status=Status.RESOLVED
    )


def test_what_the_codec_writes_old_readers_find_where_they_looked() -> None:
    """An outbox written now and read by the previous version (a downgrade) loses nothing it knew."""
    suggestion = Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LLM, "gpt", None)
    data = draft_to_dict(TicketDraft("t", "d", Category.BILLING, Priority.HIGH, suggestion, "key-1"))
    old = json.loads(OLD_OUTBOX_CREATE)
    assert old.keys() <= data.keys()
    assert old["suggestion"].keys() <= data["suggestion"].keys()


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "billing",
        {"priority": "low", "source": "local"},  # no category
        {"category": "urgent", "priority": "low", "source": "local"},
        {"category": "billing", "priority": "low", "source": "oracle"},
        {"category": "billing", "priority": "low", "source": "local", "confidence": "0.9"},
        {"category": "billing", "priority": "low", "source": "local", "confidence": True},
        {"category": "billing", "priority": "low", "source": "local", "model": 3},
        {"category": ["billing"], "priority": "low", "source": "local"},
    ],
)
def test_a_damaged_suggestion_is_a_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        suggestion_from_dict(data)


@pytest.mark.parametrize(
    "data",
    [
        {"description": "d", "category": "billing", "priority": "low"},  # no title
        {"title": "t", "description": None, "category": "billing", "priority": "low"},
        {"title": "t", "description": "d", "category": "billing", "priority": "low", "suggestion": "local"},
        {"title": "t", "description": "d", "category": "billing", "priority": "low", "idempotency_key": 7},
    ],
)
def test_a_damaged_draft_is_a_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        draft_from_dict(data)


@pytest.mark.parametrize("data", [[], {"status": "done"}, {"title": 5}, {"priority": ["low"]}])
def test_damaged_changes_are_a_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        changes_from_dict(data)
