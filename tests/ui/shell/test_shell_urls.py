"""Database URLs: the password kept apart from the stored URL and joined only in memory."""

from __future__ import annotations

import pytest

from ticketflow_desktop.storage.probe import check_url, split_password, with_password


def test_split_and_join_the_password() -> None:
    bare, password = split_password("postgresql://agent:p%40ss:w@db.example.com:5432/tickets?sslmode=require")
    assert bare == "postgresql://agent@db.example.com:5432/tickets?sslmode=require"
    assert password == "p@ss:w"
    joined = with_password(bare, password)
    assert split_password(joined) == (bare, "p@ss:w")
    assert split_password(bare) == (bare, None)
    assert with_password(bare, None) == bare
    assert with_password("sqlite:////tmp/t.sqlite3", "x") == "sqlite:////tmp/t.sqlite3"
    assert with_password("postgresql://a:own@h/d", "other") == "postgresql://a:own@h/d"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("postgresql://agent@db/tickets", None),
        ("sqlite:////tmp/t.sqlite3", None),
        ("not a url", "This is not a database URL"),
        ("mysql://a@h/d", "Unsupported database 'mysql'"),
        ("postgresql:///tickets", "The PostgreSQL URL needs a host"),
    ],
)
def test_check_url(url: str, problem: str | None) -> None:
    message = check_url(url)
    assert (message is None) if problem is None else message.startswith(problem)
