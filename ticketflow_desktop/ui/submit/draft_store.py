"""The form's draft on disk: written atomically as the user types, restored after a crash or restart.

The form decides what the draft holds (`SubmitTab.draft_state`); its suggestions are in the
codec's format (domain/codec.py)."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from ticketflow_desktop import config
from ticketflow_desktop.domain import Suggestion
from ticketflow_desktop.domain.codec import suggestion_from_dict, suggestion_to_dict

log = logging.getLogger(__name__)
DRAFT_FILE = "submit_draft.json"


def suggestion_to_json(suggestion: Suggestion | None) -> dict[str, object] | None:
    return None if suggestion is None else suggestion_to_dict(suggestion)


def suggestion_from_json(value: object) -> Suggestion | None:
    """The saved suggestion, or None when there is none or it is not readable: a draft is restored
    without a suggestion rather than not at all."""
    if value is None:
        return None
    try:
        return suggestion_from_dict(value)
    except ValueError as error:
        log.warning("the saved draft's suggestion could not be read: %s", error)
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
