"""The form's draft on disk: written atomically as the user types, restored after a crash or restart."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from ticketflow_desktop import config
from ticketflow_desktop.domain import Category, Priority, Suggestion, SuggestionSource

log = logging.getLogger(__name__)
DRAFT_FILE = "submit_draft.json"


def suggestion_to_json(s: Suggestion | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "category": s.category.value,
        "priority": s.priority.value,
        "source": s.source.value,
        "model": s.model,
        "confidence": s.confidence,
        "category_confidence": s.category_confidence,
        "priority_confidence": s.priority_confidence,
    }


def suggestion_from_json(value: object) -> Suggestion | None:
    if not isinstance(value, dict):
        return None
    try:
        return Suggestion(
            Category(value["category"]),
            Priority(value["priority"]),
            SuggestionSource(value["source"]),
            value.get("model"),
            value.get("confidence"),
            value.get("category_confidence"),
            value.get("priority_confidence"),
        )
    except (KeyError, ValueError, TypeError):
        return None


def default_draft_path() -> Path:
    return config.data_dir() / DRAFT_FILE


class DraftStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_draft_path()

    def load(self) -> dict[str, Any] | None:
        try:
            value = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("the saved draft could not be read: %s", error)
            return None
        return value if isinstance(value, dict) else None

    def save(self, draft: dict[str, Any]) -> bool:
        """Temp file + replace: a crash mid-write leaves the previous draft, never half of one."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=".draft-", suffix=".tmp")
            tmp = Path(name)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(draft, handle, ensure_ascii=False)
                tmp.replace(self.path)
            finally:
                tmp.unlink(missing_ok=True)
        except OSError as error:
            log.warning("the draft could not be saved: %s", error)
            return False
        return True

    def clear(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("the draft could not be removed: %s", error)
