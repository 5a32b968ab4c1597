"""No secret in settings, logs, exported files, the outbox or the command line; connection strings
are masked; PostgreSQL connections honour `sslmode` and never turn certificate checks off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import make_url

from ticketflow_desktop.domain import StorageUnavailable
from ticketflow_desktop.storage.engine import create_engine_for, describe_url, mask_url, open_database

PASSWORD = "Pw-d0-not-l3ak-7731"
API_KEY = "sk-test-NEVER-WRITE-ME-5521"

_SESSION = r"""
import sys
from PySide6.QtCore import QTimer
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.ui.app import build_window, create_application
from ticketflow_desktop.ui.settings import Settings

app = create_application()
settings = Settings()
context, window = build_window(settings)
window.show()
url, from_env = settings.database_url()
assert from_env
print("CMDLINE", open(f"/proc/{__import__('os').getpid()}/cmdline", "rb").read().decode(errors="replace"), flush=True)
print("LABEL", window.database_label.text(), flush=True)

def opened(_service):
    def done(ticket):
        print("CREATED", ticket.id, flush=True)
        QTimer.singleShot(300, window.close)
    context.writes.submit(
        window, TicketDraft("From the window", "secret-free", Category.GENERAL, Priority.LOW), on_done=done
    )

context.database_opened.connect(opened)
context.database_failed.connect(lambda m: (print("FAILED", m, flush=True), window.close()))
context.open(url)
app.exec()
context.close()
settings.sync()
"""


def _with_password(url: str) -> str:
    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False)


@pytest.mark.slow  # 8 s: a whole session in a child process
def test_a_session_writes_no_secret_anywhere(pg_url: str, tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])  # the isolated home of this test (tests/conftest.py)
    secret_url = _with_password(pg_url)  # the test server trusts 127.0.0.1, so any password is accepted
    env = {
        **os.environ,
        "DATABASE_URL": secret_url,
        "LLM_API_KEY": API_KEY,
        "LLM_BASE_URL": "http://127.0.0.1:9/v1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    cli = [sys.executable, "-m", "ticketflow_desktop"]
    outputs = []
    for args in (
        ["create", "--title", "From the CLI", "--description", "text", "--category", "general", "--priority", "low"],
        ["--verbose", "list"],
        ["show", "1"],
        ["stats", "--json"],
        ["export", str(home / "export.csv")],
        ["--database-url", make_url(_with_password(pg_url)).set(port=9).render_as_string(False), "list"],  # fails
    ):
        result = _run([*cli, *args], env, home)
        outputs.append(result.stdout + result.stderr)
    assert "cannot be reached" in outputs[-1] or "unreachable" in outputs[-1].lower()
    gui = _run([sys.executable, "-c", _SESSION], env, home)
    outputs.append(gui.stdout + gui.stderr)
    assert "CREATED" in gui.stdout, gui.stdout + gui.stderr
    assert PASSWORD not in gui.stdout.split("CMDLINE", 1)[1].splitlines()[0]
    assert "***" in gui.stdout.split("LABEL", 1)[1].splitlines()[0] or PASSWORD not in gui.stdout

    for text in outputs:
        assert PASSWORD not in text and API_KEY not in text
    written = [p for p in home.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    assert "export.csv" in names and "outbox.sqlite3" in names  # the session did write files
    assert any(p.suffix in (".ini", ".conf") for p in written), names  # and its settings
    for path in written:
        data = path.read_bytes()
        assert PASSWORD.encode() not in data, path
        assert API_KEY.encode() not in data, path


def test_connection_strings_shown_are_masked() -> None:
    url = f"postgresql://agent:{PASSWORD}@db.example:5432/tickets?sslmode=require"
    assert PASSWORD not in mask_url(url) and "***" in mask_url(url)
    assert PASSWORD not in describe_url(url)
    for broken in (f"postgresql://u:{PASSWORD}@host:notaport/db", f"not a url u:{PASSWORD}@"):
        assert mask_url(broken) == "<invalid database URL>"
        assert describe_url(broken) == "<invalid database URL>"
    in_query = f"postgresql://u@h/db?password={PASSWORD}&sslmode=require"
    assert PASSWORD not in mask_url(in_query) and "sslmode=require" in mask_url(in_query)


def test_sslmode_require_against_a_server_without_ssl_fails_clearly(pg_url: str) -> None:
    url = make_url(pg_url).update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    with pytest.raises(StorageUnavailable, match="secure") as caught:
        open_database(url)
    assert "sslmode" in str(caught.value)


@pytest.mark.parametrize("mode", ["verify-full", "verify-ca", "require"])
def test_sslmode_from_the_url_reaches_the_driver_unchanged(mode: str) -> None:
    engine = create_engine_for(f"postgresql://u@db.example/t?sslmode={mode}&sslrootcert=/etc/ca.pem")
    try:
        _args, kwargs = engine.dialect.create_connect_args(engine.url)
        assert kwargs["sslmode"] == mode and kwargs["sslrootcert"] == "/etc/ca.pem"
    finally:
        engine.dispose()


def test_the_app_never_turns_certificate_checks_off() -> None:
    engine = create_engine_for("postgresql://u@db.example/t")
    try:
        _args, kwargs = engine.dialect.create_connect_args(engine.url)
        assert "sslmode" not in kwargs  # libpq's default (prefer), or what the user's URL says
    finally:
        engine.dispose()
    package = Path(__file__).resolve().parents[2] / "ticketflow_desktop"
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for forbidden in ("sslmode=disable", "CERT_NONE", "verify=False", "check_hostname = False"):
            assert forbidden not in text, f"{source}: {forbidden}"
