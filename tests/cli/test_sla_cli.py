"""sla and calendar commands, and the SLA fields of show/list, on both backends.

Every minute is a business minute here (Mon-Sun 00:00-24:00) and the targets are long, so what the
commands print does not depend on the day or hour the tests run (the CLI reads the system clock).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from ticketflow_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def create(capsys: pytest.CaptureFixture[str], url: str, priority: str) -> dict:
    code, out, _ = run(
        capsys, url, "create", "--title", "VPN down", "--description", "x", "--category", "technical",
        "--priority", priority, "--json",
    )  # fmt: skip
    assert code == 0
    return json.loads(out)


def test_sla_and_calendar_commands(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = database_url
    assert run(capsys, url, "calendar", "set", "--hours", "Mon-Sun 00:00-24:00", "--tz", "Europe/Berlin",
               "--holiday", "2020-12-26", "--holiday", "2020-12-25")[0] == 0  # fmt: skip
    code, out, _ = run(capsys, url, "calendar", "show", "--json")
    assert json.loads(out) == {
        "hours": "Mon-Sun 00:00-24:00",
        "tz": "Europe/Berlin",
        "holidays": ["2020-12-25", "2020-12-26"],
    }
    code, out, _ = run(
        capsys, url, "sla", "set", "--priority", "critical", "--first-response", "1h", "--resolution", "8h"
    )
    assert code == 0 and "first response 1h, resolution 8h" in out
    assert run(capsys, url, "sla", "set", "--priority", "low", "--first-response", "30d", "--resolution", "60d")[0] == 0
    code, out, _ = run(capsys, url, "sla", "list", "--json")
    assert json.loads(out) == [
        {"priority": "critical", "first_response_minutes": 60, "resolution_minutes": 480},
        {"priority": "low", "first_response_minutes": 43200, "resolution_minutes": 86400},
    ]

    ticket = create(capsys, url, "low")
    code, out, _ = run(capsys, url, "show", str(ticket["id"]), "--json")
    shown = json.loads(out)
    created = datetime.fromisoformat(shown["created_at"]).replace(second=0, microsecond=0)
    assert datetime.fromisoformat(shown["first_response_due"]) == created + timedelta(days=30)
    assert shown["sla_state"] == "ok" and shown["resolution_due"] is not None
    none = create(capsys, url, "medium")
    assert (none["sla_state"], none["first_response_due"]) == (None, None)

    code, out, _ = run(capsys, url, "list", "--sla-state", "ok,due_soon", "--sort", "due", "--json")
    assert [t["id"] for t in json.loads(out)] == [ticket["id"]]
    code, out, _ = run(capsys, url, "list", "--sort", "due", "--json")
    assert [t["id"] for t in json.loads(out)] == [ticket["id"], none["id"]]
    code, out, _ = run(capsys, url, "list", "--sla-state", "breached", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, url, "update", str(ticket["id"]), "--status", "waiting on customer", "--json")
    assert (code, json.loads(out)["status"], json.loads(out)["sla_state"]) == (0, "pending", "paused")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sla", "set", "--priority", "high", "--first-response", "soon", "--resolution", "8h"), "like 30m, 1h"),
        (("sla", "set", "--priority", "high", "--first-response", "0m", "--resolution", "8h"), "first-response"),
        (("calendar", "set", "--hours", "weekdays", "--tz", "UTC"), "Mon-Fri 09:00-17:00"),
        (("calendar", "set", "--hours", "Mon-Fri 09:00-17:00", "--tz", "Mars/Base"), "not a time zone"),
        (("calendar", "set", "--hours", "Mon-Fri 09:00-17:00", "--tz", "UTC", "--holiday", "xmas"), "2026-12-25"),
    ],
)
def test_bad_input_says_what_to_write(
    database_url: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, database_url, *args)
    assert code == 2 and message in err
    assert run(capsys, database_url, "sla", "list", "--json")[1].strip() == "[]"


def test_an_unknown_sla_state_is_refused_by_the_parser(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--database-url", database_url, "list", "--sla-state", "late"])
    assert exited.value.code == 2 and "choose from ok, due_soon, breached, paused, met" in capsys.readouterr().err
