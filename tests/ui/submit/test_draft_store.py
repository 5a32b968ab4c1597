"""The Submit form's draft file as an earlier version wrote it still restores its suggestion."""

from __future__ import annotations

import json
from pathlib import Path

from ticketflow_desktop.domain import Category, Priority, SuggestionSource
from ticketflow_desktop.ui.submit.draft_store import DraftStore, suggestion_from_json, suggestion_to_json

# Copied from a submit_draft.json written before domain/codec.py (SubmitTab.draft_state with the
# draft store's own suggestion_to_json).
OLD_DRAFT = """{"title": "Refund 💸", "description": "مرحبا — charged twice", "category": "billing", "priority": null,
"manual": {"category": false, "priority": true}, "marks": {"category": true, "priority": false},
"suggestion": {"category": "billing", "priority": "medium", "source": "local", "model": "local",
"confidence": 0.81, "category_confidence": 0.93, "priority_confidence": 0.81}}"""


def test_an_old_draft_restores_its_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "submit_draft.json"
    path.write_text(OLD_DRAFT, "utf-8")
    state = DraftStore(path).load()
    assert state is not None and state["title"] == "Refund 💸"
    suggestion = suggestion_from_json(state["suggestion"])
    assert suggestion is not None
    assert (suggestion.category, suggestion.priority, suggestion.source) == (
        Category.BILLING,
        Priority.MEDIUM,
        SuggestionSource.LOCAL,
    )
    assert (suggestion.confidence, suggestion.category_confidence, suggestion.priority_confidence) == (0.81, 0.93, 0.81)
    assert suggestion_to_json(suggestion) == json.loads(OLD_DRAFT)["suggestion"]  # and it is written the same way


def test_a_damaged_suggestion_leaves_the_rest_of_the_draft(tmp_path: Path) -> None:
    assert suggestion_from_json({"category": "billing", "priority": "urgent", "source": "local"}) is None
    assert suggestion_from_json("billing") is None
    assert suggestion_from_json(None) is None
