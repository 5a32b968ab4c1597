"""The team through the CLI: who am I, agents and groups managed by an administrator only, redaction,
and a shared schema that only an administrator upgrades."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg2
import pytest
from sqlalchemy import text

from tests.team.conftest import Team
from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Priority
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.storage.migrate import head_revision

pytestmark = pytest.mark.postgresql


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_whoami_names_the_login_its_name_role_and_groups(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, team.urls["agent"], "whoami", "--json")
    assert code == 0
    assert json.loads(out) == {
        "login": team.logins["agent"],
        "name": "Agent Tester",
        "role": "agent",
        "groups": ["Billing"],
    }
    code, out, _ = run(capsys, team.urls["lead"], "whoami")
    assert (code, out.strip()) == (0, f"Lead Tester ({team.logins['lead']}), lead")


def test_whoami_on_sqlite_is_the_os_login_with_every_right(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    import getpass

    code, out, _ = run(capsys, sqlite_url, "whoami", "--json")
    assert code == 0 and json.loads(out) == {
        "login": getpass.getuser(),
        "name": getpass.getuser(),
        "role": "admin",
        "groups": [],
    }


def test_only_an_administrator_manages_agents(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    newcomer = f"tf_rt_{uuid.uuid4().hex[:8]}_carol"
    for role in ("agent", "lead"):
        code, _, err = run(capsys, team.urls[role], "agent", "add", newcomer, "--role", "agent")
        assert code == 1
        assert f"Your database role ({team.logins[role]}) may not manage agents" in err
        code, _, err = run(capsys, team.urls[role], "group", "add", "Mallory's")
        assert code == 1 and "may not manage agents and groups" in err
    admin = team.urls["admin"]
    try:
        code, out, err = run(
            capsys,
            admin,
            "agent",
            "add",
            newcomer,
            "--name",
            "Carol Ng",
            "--email",
            "carol@example.com",
            "--group",
            "Hardware",
        )
        assert (code, err) == (0, "")
        assert out.strip() == f"Added Carol Ng ({newcomer}) as agent"
        code, out, _ = run(capsys, admin, "agent", "list", "--json")
        carol = next(a for a in json.loads(out) if a["login"] == newcomer)
        assert carol == {
            "login": newcomer,
            "name": "Carol Ng",
            "email": "carol@example.com",
            "role": "agent",
            "active": True,
            "groups": ["Hardware"],
        }
        assert run(capsys, admin, "agent", "set-role", newcomer, "lead")[0] == 0
        carol_url = team.urls["agent"].replace(team.logins["agent"], newcomer)
        code, out, _ = run(capsys, carol_url, "whoami", "--json")
        assert json.loads(out)["role"] == "lead"
        # Disabled: no more logins, and the history keeps the name.
        code, out, _ = run(
            capsys,
            carol_url,
            "create",
            "--title",
            "By Carol",
            "--description",
            "d",
            "--category",
            "billing",
            "--priority",
            "low",
            "--json",
        )
        ticket_id = json.loads(out)["id"]
        assert run(capsys, admin, "agent", "disable", newcomer)[0] == 0
        with pytest.raises(psycopg2.OperationalError, match="not permitted to log in"):
            psycopg2.connect(carol_url.replace("postgresql+psycopg2://", "postgresql://")).close()
        code, out, _ = run(capsys, admin, "show", str(ticket_id), "--json")
        assert [e["by"] for e in json.loads(out)["events"]] == [newcomer]
        code, out, _ = run(capsys, admin, "agent", "list", "--json")
        assert next(a for a in json.loads(out) if a["login"] == newcomer)["active"] is False
    finally:
        with team.owner.engine.begin() as connection:
            connection.execute(text(f'DROP OWNED BY "{newcomer}"'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{newcomer}"'))


def test_agent_passwords_reach_the_server_only_as_a_scram_verifier(team: Team, monkeypatch, capsys) -> None:
    import io

    login = f"tf_rt_{uuid.uuid4().hex[:8]}_dave"
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    try:
        code, _, err = run(capsys, team.urls["admin"], "agent", "add", login, "--password-stdin")
        assert (code, err) == (0, "")
        with team.owner.engine.connect() as connection:
            stored = connection.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :l"), {"l": login}
            ).scalar_one()
        assert stored.startswith("SCRAM-SHA-256$") and "correct horse" not in stored
    finally:
        with team.owner.engine.begin() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))


def test_groups_on_create_and_update(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    lead, agent = team.urls["lead"], team.urls["agent"]
    code, out, _ = run(
        capsys,
        lead,
        "create",
        "--title",
        "Hardware thing",
        "--description",
        "d",
        "--category",
        "technical",
        "--priority",
        "low",
        "--group",
        "Hardware",
        "--json",
    )
    hidden = json.loads(out)["id"]
    code, out, _ = run(capsys, agent, "show", str(hidden))
    assert code == 2  # not found: row-level security hides it from an agent of Billing
    code, out, _ = run(capsys, lead, "update", str(hidden), "--group", "Billing", "--json")
    assert code == 0
    code, out, _ = run(capsys, agent, "show", str(hidden), "--json")
    shown = json.loads(out)
    assert [(e["field"], e["old"], e["new"]) for e in shown["events"]][-1] == ("group", "Hardware", "Billing")
    code, _, err = run(capsys, agent, "update", str(hidden), "--group", "Hardware")
    assert code == 1 and "may not put a ticket in a group that is not theirs" in err
    code, _, err = run(capsys, agent, "update", str(hidden), "--group", "Nowhere")
    assert code == 2 and "There is no group called 'Nowhere'" in err


def test_redact_through_the_cli(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        team.urls["agent"],
        "create",
        "--title",
        "Card",
        "--description",
        "4111 1111 1111 1111",
        "--category",
        "billing",
        "--priority",
        "low",
        "--json",
    )
    ticket_id = json.loads(out)["id"]
    code, _, err = run(
        capsys, team.urls["agent"], "redact", str(ticket_id), "--field", "description", "--reason", "PAN"
    )
    assert code == 1 and "may not redact tickets" in err
    code, out, _ = run(capsys, team.urls["lead"], "redact", str(ticket_id), "--field", "description", "--reason", "PAN")
    assert code == 0
    code, out, _ = run(capsys, team.urls["agent"], "show", str(ticket_id), "--json")
    assert json.loads(out)["description"] == "[redacted]"
    assert "4111" not in out


def test_a_schema_behind_is_upgraded_only_by_an_administrator(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    with team.owner.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0004_external_id'"))
    try:
        code, _, err = run(capsys, team.urls["agent"], "list")
        assert code == 1
        assert (
            f"needs an upgrade to schema {head_revision()}; ask an administrator to run `ticketflow db upgrade`" in err
        )
        code, _, err = run(capsys, team.urls["agent"], "db", "current")
        assert code == 1
    finally:
        with team.owner.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
    code, out, _ = run(capsys, team.owner.url, "db", "upgrade")
    assert code == 0 and "Apps older than TicketFlow 0.2.0 cannot use this database" in out


def test_an_administrators_import_is_recorded_as_theirs(team: Team, tmp_path: Path, capsys) -> None:
    """...with the SLA figures its load brings (the load's triggers stand aside; an administrator writes them
    through staging tables, as PostgreSQL refuses COPY under row-level security)."""
    SlaService(team.owner).set_policy(SlaPolicy(Priority.HIGH, 60, 480))
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "title,description,category,priority,status,created_at\n"
        "Old one,From the web app,billing,low,resolved,2024-05-01T09:00:00+00:00\n"
        "Still open,From the web app,billing,high,open,2024-05-02T09:00:00+00:00\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, team.urls["agent"], "import", str(csv_file))
    assert code == 1 and "may not" in err
    code, out, err = run(capsys, team.urls["admin"], "import", str(csv_file), "--json")
    assert (code, json.loads(out)["imported"]) == (0, 2)
    code, out, _ = run(capsys, team.urls["admin"], "list", "--json")
    listed = {t["title"]: t for t in json.loads(out)}
    imported = listed["Old one"]
    assert imported["created_at"].startswith("2024-05-01")  # an import keeps its history's times
    assert (imported["first_response_due"], listed["Still open"]["sla_state"]) == (None, "breached")
    assert listed["Still open"]["first_response_due"].startswith("2024-05-02")
    code, out, _ = run(capsys, team.urls["admin"], "show", str(imported["id"]), "--json")
    assert {e["by"] for e in json.loads(out)["events"]} == {team.logins["admin"]}
