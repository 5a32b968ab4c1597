"""Mentions, the words of a notification, and a flood's summary."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from ticketflow_desktop.domain.notifications import (
    NewsCursor,
    Notification,
    NotificationKind,
    PresentAgent,
    excerpt,
    mentions,
    mentions_login,
    notification_text,
    only_kinds,
    presence_text,
    summary_text,
)

AT = datetime(2026, 6, 15, 12, tzinfo=UTC)
# Logins as storage/team allows them: letters, digits, _ . - ; here starting and ending with a letter.
logins = st.from_regex(r"[A-Za-z]([A-Za-z0-9_.-]{0,14}[A-Za-z0-9])?", fullmatch=True)
words = st.text(alphabet=st.characters(categories=("L", "N", "Zs")), max_size=20)


@given(logins, words, words, st.sampled_from(["", ".", ",", "!", "?", ":", ")", ";", " "]))
def test_an_at_sign_before_a_login_mentions_it(login: str, before: str, after: str, punctuation: str) -> None:
    body = f"{before} @{login}{punctuation} {after}"
    assert login.casefold() in mentions(body)
    assert mentions_login(body, login.upper())  # case does not matter
    assert mentions_login(f"(@{login})", login)


@given(logins, logins, st.sampled_from(["com", "example.org", "b.c"]))
def test_an_email_address_is_not_a_mention(user: str, login: str, domain: str) -> None:
    assert not mentions_login(f"write to {user}@{login}.{domain} please", login)
    assert not mentions_login(f"write to @{login}@{domain}", login)  # an address written after an @


@given(logins)
def test_a_longer_login_is_not_a_shorter_one(login: str) -> None:
    assert not mentions_login(f"@{login}x please", login)
    assert mentions("no mention at all") == frozenset()


def test_examples() -> None:
    assert mentions("@bob please look, cc @Ann.") == {"bob", "ann"}
    assert mentions("a@b.c and x.y@host and @@bob and foo+@bob") == frozenset()
    assert mentions("thanks @tf_rt_1_bob!") == {"tf_rt_1_bob"}


def test_words_of_one_notification_and_of_a_flood() -> None:
    assigned = Notification(NotificationKind.ASSIGNED, 7, "Printer on fire", "ann", AT)
    mention = Notification(NotificationKind.MENTIONED, 8, "VPN", "bo", AT, "@me look")
    assert notification_text(assigned) == ("ann assigned a ticket to you", "#7 Printer on fire")
    assert notification_text(mention) == ("bo mentioned you on #8", "@me look")
    heading, body = summary_text([assigned, assigned, mention], more=4)
    assert heading == "7 new notifications"
    assert body == "2 × assigned to me; 1 × a note mentions me; 4 more"
    assert only_kinds([assigned, mention], [NotificationKind.MENTIONED]) == [mention]


def test_excerpt_is_one_line_and_short() -> None:
    assert excerpt("a\n\nb   c") == "a b c"
    assert len(excerpt("x" * 500)) == 120


def test_presence_words() -> None:
    assert presence_text([]) == ""
    assert presence_text([PresentAgent("b", "Bo", True), PresentAgent("a", "Ann", False)]) == (
        "Also here: Ann, Bo (typing…)"
    )


def test_cursor_round_trips_as_text() -> None:
    cursor = NewsCursor(5, 9, AT)
    assert NewsCursor.from_text(cursor.as_text()) == cursor
    assert NewsCursor.from_text(NewsCursor(1, 2).as_text()) == NewsCursor(1, 2)
    assert NewsCursor.from_text("garbage") is None
