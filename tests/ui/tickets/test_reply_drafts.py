"""The composer's drafts on disk: per database and ticket, private, and a damaged one is no draft."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.ui.tickets.reply_drafts import ReplyDraft, ReplyDrafts, database_scope


def test_a_draft_is_kept_per_database_and_ticket(tmp_path: Path) -> None:
    drafts = ReplyDrafts(tmp_path)
    here, there = database_scope("sqlite:////home/a/tickets.sqlite3"), database_scope("postgresql://ann@db/team")
    assert here != there
    assert drafts.save(here, 5, ReplyDraft("Dear Ann, 🙂\nsecond line", MessageKind.NOTE))
    assert drafts.load(here, 5) == ReplyDraft("Dear Ann, 🙂\nsecond line", MessageKind.NOTE)
    assert drafts.load(there, 5) is None  # #5 of another database is another ticket
    assert drafts.load(here, 6) is None
    mode = drafts.path(here, 5).stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert stat.S_IMODE(drafts.path(here, 5).parent.stat().st_mode) == 0o700
    drafts.remove(here, 5)
    assert drafts.load(here, 5) is None
    assert list(drafts.path(here, 5).parent.iterdir()) == []  # no temporary file left behind


def test_the_scope_does_not_depend_on_the_password() -> None:
    assert database_scope("postgresql://ann:secret@db:5432/team") == database_scope(
        "postgresql://ann:other@db:5432/team"
    )
    assert database_scope("postgresql://ann@db:5432/team") != database_scope("postgresql://bob@db:5432/team")


def test_a_damaged_draft_is_no_draft_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    drafts = ReplyDrafts(tmp_path)
    path = drafts.path("x", 1)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    with caplog.at_level(logging.WARNING, "ticketflow_desktop.ui.tickets.reply_drafts"):
        assert drafts.load("x", 1) is None
    assert "could not be read" in caplog.text
