"""A database password on the command line is visible to every local user (ps): the CLI warns once
and offers --password-stdin; libpq's own ways (PGPASSWORD, ~/.pgpass) need nothing from us. A
password never appears in what the CLI prints."""

from __future__ import annotations

import io
import sys

import pytest
from sqlalchemy import make_url

from ticketflow_desktop import config
from ticketflow_desktop.cli import main

PASSWORD = "S3cret-Pass-4711"
WARNING = "can be read by every user of this computer"


def with_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_a_password_in_the_url_is_warned_about_once_and_never_printed(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(pg_url).set(password=PASSWORD).render_as_string(hide_password=False)
    assert main(["--database-url", url, "list", "--json"]) == 0  # trust auth here: the password is not needed
    out, err = capsys.readouterr()
    assert err.count(WARNING) == 1 and "--password-stdin" in err and PASSWORD not in out + err
    refused = url.replace("127.0.0.1:5432", "127.0.0.1:1").replace("localhost:5432", "127.0.0.1:1")
    assert main(["--database-url", refused, "show", "1"]) == 1
    err = capsys.readouterr().err
    assert PASSWORD not in err and err.count(WARNING) == 1


@pytest.mark.parametrize("query_key", ["password", "sslpassword"])
def test_a_password_in_the_query_string_counts_as_one(query_key: str) -> None:
    url = f"postgresql://agent@db.example.com/tickets?sslmode=require&{query_key}={PASSWORD}"
    assert config.secrets_in_url(url) == [PASSWORD]
    assert config.secrets_in_url("postgresql://agent:p%40ss@db/t") == ["p@ss"]
    assert config.secrets_in_url("postgresql://agent@db/t?sslmode=require") == []


def test_password_stdin_joins_the_password_in_memory(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_stdin(monkeypatch, PASSWORD + "\n")
    assert main(["--database-url", pg_url, "--password-stdin", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "[]" and WARNING not in err and PASSWORD not in err


@pytest.mark.parametrize(
    ("url", "stdin", "words"),
    [
        ("sqlite:///x.sqlite3", "pw\n", "needs a PostgreSQL"),
        (f"postgresql://agent:{PASSWORD}@127.0.0.1/t", "pw\n", "contradict"),
        ("postgresql://agent@127.0.0.1/t", "\n", "read no password"),
    ],
)
def test_password_stdin_refuses_what_makes_no_sense(
    url: str, stdin: str, words: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_stdin(monkeypatch, stdin)
    assert main(["--database-url", url, "--password-stdin", "list"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
