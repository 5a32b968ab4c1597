"""Importing the same file twice adds nothing twice: rows carry an optional external_id (unique
when present), rows already imported are skipped and counted, or with --update written over."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Priority, Status
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.transfer import ImportFailed, import_csv

HEADER = ["external_id", "title", "description", "category", "priority", "status", "created_at"]


def write(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def rows(n: int, priority: str = "low") -> list[list[str]]:
    return [[f"ZD-{i}", f"Ticket {i}", "Body", "billing", priority, "open", f"2026-01-0{i}T09:00:00Z"] for i in
            range(1, n + 1)]  # fmt: skip


def cli_import(url: str, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["--database-url", url, "import", str(path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_same_file_twice_is_skipped_and_counted(
    service: TicketService, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "in.csv", rows(5))
    assert cli_import(database_url, path, capsys) == {"imported": 5, "skipped": 0, "updated": 0}
    assert cli_import(database_url, path, capsys) == {"imported": 0, "skipped": 5, "updated": 0}
    bigger = write(tmp_path / "more.csv", rows(7))
    assert main(["--database-url", database_url, "import", str(bigger)]) == 0
    assert capsys.readouterr().out.strip() == "Imported 2 tickets; 5 skipped: already imported"
    assert service.count().value == 7
    assert {t.external_id for t in service.iterate()} == {f"ZD-{i}" for i in range(1, 8)}


def test_update_writes_the_rows_over_the_tickets_through_the_history(
    service: TicketService, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in.csv", rows(3))
    assert import_csv(service, tmp_path / "in.csv").imported == 3
    changed = rows(3)
    changed[0][4] = "critical"  # ZD-1 more urgent
    changed[2][5] = "resolved"  # ZD-3 resolved
    write(tmp_path / "changed.csv", changed)
    assert cli_import(database_url, tmp_path / "changed.csv", capsys, "--update") == {
        "imported": 0, "skipped": 1, "updated": 2,
    }  # fmt: skip
    by_external = {t.external_id: t for t in service.iterate()}
    assert by_external["ZD-1"].priority is Priority.CRITICAL and by_external["ZD-1"].version == 2
    assert by_external["ZD-3"].status is Status.RESOLVED
    assert by_external["ZD-2"].version == 1
    assert [(e.field, e.new_value, e.source.value) for e in service.events(by_external["ZD-3"].id)][-1] == (
        "status", "resolved", "import",
    )  # fmt: skip
    assert service.stats().by_status[Status.RESOLVED] == 1  # the summaries follow


def test_a_repeated_external_id_in_one_file_is_refused_with_both_lines(service: TicketService, tmp_path: Path) -> None:
    data = rows(3)
    data[2][0] = "ZD-1"
    with pytest.raises(ImportFailed) as caught:
        import_csv(service, write(tmp_path / "in.csv", data))
    [error] = caught.value.row_errors
    assert error.line == 4 and "'ZD-1' appears again (first on line 2)" in error.message
    assert service.count().value == 0


def test_export_writes_the_external_id_and_round_trips(
    service: TicketService, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_csv(service, write(tmp_path / "in.csv", rows(2)))
    out = tmp_path / "out.csv"
    assert main(["--database-url", database_url, "export", str(out)]) == 0
    exported = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["external_id"] for r in exported] == ["ZD-1", "ZD-2"]
    assert cli_import(database_url, out, capsys) == {"imported": 0, "skipped": 2, "updated": 0}
    assert main(["--database-url", database_url, "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["external_id"] == "ZD-1"
