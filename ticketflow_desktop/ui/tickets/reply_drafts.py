"""The composer's drafts on disk: one small JSON file per ticket, written atomically as the agent types,
so a reply survives a crash and is back when the ticket is opened again.

Ticket numbers are only unique within one database, so drafts live in a folder per database (a hash
of its URL, the password masked): a draft for #5 on the team's server never shows up on #5 of a
local file. Files are private (0600, folders 0700), as every file of the app.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ticketflow_desktop import config
from ticketflow_desktop.domain.conversation import MessageKind

log = logging.getLogger(__name__)
DRAFTS_FOLDER = "reply_drafts"


@dataclass(frozen=True)
class ReplyDraft:
    body: str
    kind: MessageKind = MessageKind.REPLY


def database_scope(database_url: str) -> str:
    """A short, stable name for a database (its URL with the password masked, hashed)."""
    masked = database_url
    if "@" in database_url and "://" in database_url:
        scheme, rest = database_url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        masked = f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return hashlib.sha256(masked.encode("utf-8")).hexdigest()[:16]


class ReplyDrafts:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or config.data_dir() / DRAFTS_FOLDER

    def path(self, scope: str, ticket_id: int) -> Path:
        return self.folder / scope / f"ticket-{int(ticket_id)}.json"

    def load(self, scope: str, ticket_id: int) -> ReplyDraft | None:
        try:
            value = json.loads(self.path(scope, ticket_id).read_text("utf-8"))
            return ReplyDraft(str(value["body"]), MessageKind(value.get("kind", MessageKind.REPLY)))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("the reply draft of ticket #%s could not be read: %s", ticket_id, error)
            return None

    def save(self, scope: str, ticket_id: int, draft: ReplyDraft) -> bool:
        """Temp file + replace: a crash mid-write leaves the previous draft, never half of one."""
        path = self.path(scope, ticket_id)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=".draft-", suffix=".tmp")  # 0600
            tmp = Path(name)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump({"body": draft.body, "kind": draft.kind.value}, handle, ensure_ascii=False)
                tmp.replace(path)
            finally:
                tmp.unlink(missing_ok=True)
        except OSError as error:
            log.warning("the reply draft of ticket #%s could not be saved: %s", ticket_id, error)
            return False
        return True

    def remove(self, scope: str, ticket_id: int) -> None:
        try:
            self.path(scope, ticket_id).unlink(missing_ok=True)
        except OSError as error:
            log.warning("the reply draft of ticket #%s could not be removed: %s", ticket_id, error)
