"""Invitations: what an administrator hands a colleague, never with a password in it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import ValidationError
from ticketflow_desktop.storage.invitation import Invitation, invitation_for, read_invitation

names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)


@given(
    host=st.from_regex(r"[a-z][a-z0-9.-]{0,30}", fullmatch=True),
    database=names,
    login=names,
    port=st.none() | st.integers(1, 65535),
    sslmode=st.sampled_from([None, "require", "verify-full"]),
)
def test_a_link_and_a_file_round_trip(
    host: str, database: str, login: str, port: int | None, sslmode: str | None
) -> None:
    invitation = Invitation(host, database, login, port, sslmode)
    assert read_invitation(invitation.link()) == invitation
    assert read_invitation(invitation.file_text()) == invitation


def test_the_administrators_url_becomes_an_invitation_without_the_password() -> None:
    invitation = invitation_for("postgresql://boss:s3cret@db.example.com:6543/tickets?sslmode=verify-full", "alice")
    assert invitation == Invitation("db.example.com", "tickets", "alice", 6543, "verify-full")
    assert "s3cret" not in invitation.link() + invitation.file_text()
    assert invitation.url() == "postgresql://alice@db.example.com:6543/tickets?sslmode=verify-full"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ticketflow://join?host=db&database=t&login=a&password=x", "carries a password"),
        ("ticketflow://join?host=db&login=a", "lacks database"),
        ("ticketflow://join?host=db&database=t&login=a&port=99999", "out of range"),
        ("ticketflow://evil?host=db", "not a TicketFlow invitation link"),
        ('{"ticketflow_invitation": 7, "host": "db"}', "newer TicketFlow"),
        ("hello", "neither a TicketFlow invitation link nor an invitation file"),
    ],
)
def test_bad_invitations_are_refused_with_words(text: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        read_invitation(text)


def test_invite_from_the_cli(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "alice.ticketflow"
    url = "postgresql://boss@db.example.com/tickets"
    assert main(["--database-url", url, "agent", "invite", "alice", "--file", str(file)]) == 0
    link = capsys.readouterr().out.strip()
    assert (
        read_invitation(link)
        == read_invitation(file.read_text(encoding="utf-8"))
        == Invitation("db.example.com", "tickets", "alice")
    )
    assert main(["--database-url", "sqlite:///x.db", "agent", "invite", "alice"]) == 2
