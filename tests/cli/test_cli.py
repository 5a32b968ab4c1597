"""The CLI on both backends: exit codes, JSON, stdin, CSV round trip, all-or-nothing import."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ticketflow_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_create_list_show_update_stats(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        database_url,
        "create",
        "--title",
        "VPN down",
        "--description",
        "No one can connect",
        "--category",
        "technical",
        "--priority",
        "critical",
        "--json",
    )
    assert code == 0
    created = json.loads(out)
    assert {k: created[k] for k in ("id", "title", "status", "version")} == {
        "id": 1,
        "title": "VPN down",
        "status": "open",
        "version": 1,
    }
    assert created["created_at"].endswith("+00:00") and created["suggestion_source"] is None

    code, out, _ = run(capsys, database_url, "update", "1", "--status", "in_progress")
    assert code == 0 and "version 2" in out

    code, out, _ = run(capsys, database_url, "list", "--search", "vpn", "--json")
    assert [t["status"] for t in json.loads(out)] == ["in_progress"]

    code, out, _ = run(capsys, database_url, "show", "1", "--json")
    assert [e["field"] for e in json.loads(out)["events"]] == ["created", "status"]

    code, out, _ = run(capsys, database_url, "stats", "--json")
    stats = json.loads(out)
    assert stats["total_tickets"] == 1 and stats["open_tickets"] == 0
    assert stats["priority_breakdown"] == {"low": 0, "medium": 0, "high": 0, "critical": 1}
    assert set(stats) >= {"avg_tickets_per_day", "category_breakdown", "status_breakdown"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["create", "--title", " ", "--description", "d", "--category", "billing", "--priority", "low"],
            "Title is required",
        ),
        (["create", "--title", "t", "--description", "d", "--category", "nope", "--priority", "low"], "not a category"),
        (["list", "--limit", "0"], "1 to 500"),
        (["list", "--sort", "colour"], "cannot sort by"),
        (["show", "42"], "#42 does not exist"),
        (["update", "1"], "Nothing to change"),
    ],
)
def test_bad_input_exits_2_with_message(
    database_url: str, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    try:
        code = main(["--database-url", database_url, *args])
    except SystemExit as exit_:  # argparse refuses unknown choices itself
        code = exit_.code
    assert code == 2
    assert words in capsys.readouterr().err


def test_description_from_stdin_keeps_every_character(database_url: str, capsys, monkeypatch) -> None:
    text = "line one\r\nline two\ttab \u202eRTL \x1b[31mred\x1b[0m ✓ " + "x" * 5000
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, _ = run(
        capsys,
        database_url,
        "create",
        "--title",
        "stdin",
        "--description",
        "-",
        "--category",
        "general",
        "--priority",
        "low",
        "--json",
    )
    assert code == 0 and json.loads(out)["description"] == text.strip()


def test_export_import_round_trip(database_url: str, sqlite_url: str, tmp_path: Path, capsys) -> None:
    assert run(capsys, database_url, "seed", "--count", "150")[0] == 0
    exported = tmp_path / "out.csv"
    assert run(capsys, database_url, "export", str(exported))[0] == 0
    target = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    code, out, _ = run(capsys, target, "import", str(exported), "--json")
    assert code == 0 and json.loads(out) == {"imported": 150, "skipped": 0, "updated": 0}
    again = tmp_path / "again.csv"
    assert run(capsys, target, "export", str(again))[0] == 0
    assert again.read_bytes() == exported.read_bytes()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def test_import_stores_oldest_first_keeping_file_order_within_a_time(database_url: str, tmp_path: Path, capsys) -> None:
    header = ["title", "description", "category", "priority", "created_at"]
    rows = [
        ["newest", "d", "billing", "low", "2026-03-03T09:00:00Z"],
        ["tie first", "d", "billing", "low", "2026-03-01T09:00:00Z"],
        ["oldest", "d", "billing", "low", "2026-02-01T09:00:00Z"],
        ["tie second", "d", "billing", "low", "2026-03-01T09:00:00Z"],
    ]
    path = write_csv(tmp_path / "in.csv", [header, *rows])
    assert run(capsys, database_url, "import", str(path))[0] == 0
    code, out, _ = run(capsys, database_url, "list", "--sort", "created", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [t["title"] for t in listed] == ["oldest", "tie first", "tie second", "newest"]
    assert [t["id"] for t in listed] == sorted(t["id"] for t in listed)  # ids follow the tickets' age


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ([["title", "description"], ["t", "d"]], "line 1: missing column(s) category, priority"),
        ([["title", "description", "category", "priority", "colour"]], "unknown column(s) colour"),
        (
            [
                ["title", "description", "category", "priority"],
                ["ok", "d", "billing", "low"],
                ["bad", "d", "billing", "urgent"],
            ],
            "line 3: 'urgent' is not a priority",
        ),
        ([["title", "description", "category", "priority"], ["", "d", "billing", "low"]], "line 2: Title is required"),
        (
            [["title", "description", "category", "priority", "created_at"], ["t", "d", "billing", "low", "yesterday"]],
            "line 2: created_at 'yesterday' is not an ISO 8601 time",
        ),
    ],
)
def test_bad_csv_imports_nothing(database_url: str, tmp_path: Path, capsys, rows, words) -> None:
    code, _, err = run(capsys, database_url, "import", str(write_csv(tmp_path / "in.csv", rows)))
    assert code == 2 and words in err and "nothing was imported" in err
    assert json.loads(run(capsys, database_url, "stats", "--json")[1])["total_tickets"] == 0


def test_bad_enum_deep_in_a_big_file_names_its_line(database_url: str, tmp_path: Path, capsys) -> None:
    rows = [["title", "description", "category", "priority"]] + [
        [f"t{i}", "multi\nline", "billing", "low"] for i in range(3000)
    ]
    rows[2500][2] = "bogus"
    code, _, err = run(capsys, database_url, "import", str(write_csv(tmp_path / "big.csv", rows)))
    assert code == 2 and "line 5000: 'bogus' is not a category" in err  # records span two lines each
    assert json.loads(run(capsys, database_url, "stats", "--json")[1])["total_tickets"] == 0


def test_non_utf8_file_is_refused(database_url: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("title,description,category,priority\nCafé,d,billing,low\n".encode("latin-1"))
    code, _, err = run(capsys, database_url, "import", str(path))
    assert code == 2 and "line 2: the file is not UTF-8" in err


def test_module_entry_point_and_db_command(sqlite_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ticketflow_desktop", "--database-url", sqlite_url, "db", "upgrade"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


@pytest.mark.parametrize(
    "url", ["postgresql://agent:pw@127.0.0.1:9:5432/db", "mysql://agent:pw@host/db", "::nonsense::"]
)
def test_unusable_database_url_is_bad_input_and_never_shows_the_password(url: str, capsys) -> None:
    assert main(["--database-url", url, "list"]) == 2
    err = capsys.readouterr().err
    assert "is not a usable database URL" in err and "pw" not in err
