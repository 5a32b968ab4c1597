"""The app's folders are 0700 and its files 0600 (POSIX), whoever made them; SQL parameters (ticket
text) never reach the log, even with --verbose."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.ui.logging_setup import setup_logging, teardown_logging

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def run_app(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "ticketflow_desktop", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def modes_under(*folders: Path) -> dict[str, int]:
    found = {}
    for folder in folders:
        found[str(folder)] = stat.S_IMODE(folder.stat().st_mode)
        for path in folder.rglob("*"):
            found[str(path)] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_every_file_the_app_writes_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # What an earlier version left: a readable data folder and database.
    data = home / "data" / "TicketFlow"
    data.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    old = data / "old-backup.sqlite3"
    old.write_bytes(b"")
    old.chmod(0o644)

    created = run_app(home, "create", "--title", "Private", "--description", "Body", "--category", "general",
                      "--priority", "low")  # fmt: skip
    assert created.returncode == 0, created.stderr
    shown = run_app(home, env={"TICKETFLOW_EXIT_AFTER_SHOW": "1"})
    assert shown.returncode == 0, shown.stderr

    folders = [p for p in (home / "data" / "TicketFlow", home / "state" / "TicketFlow", home / "config") if p.exists()]
    modes = modes_under(*folders)
    names = {Path(p).name for p in modes}
    assert {"tickets.sqlite3", "ticketflow.log", "old-backup.sqlite3"} <= names, sorted(names)
    assert any(name.endswith(".ini") for name in names), sorted(names)  # the settings file
    readable = {path: oct(mode) for path, mode in modes.items() if mode & 0o077}
    assert readable == {}


def test_sql_parameters_never_reach_the_log(tmp_path: Path, sqlite_url: str) -> None:
    path = setup_logging(verbose=True, directory=tmp_path / "log")
    database = open_database(sqlite_url)
    try:
        TicketService(database).create(
            TicketDraft("SECRET-TITLE-4711", "SECRET-BODY-4711", Category.GENERAL, Priority.LOW)
        )
    finally:
        database.dispose()
        teardown_logging()
    log = path.read_text(encoding="utf-8")
    assert "INSERT INTO tickets" in log  # --verbose does log the statements
    assert "SECRET-TITLE-4711" not in log and "SECRET-BODY-4711" not in log
