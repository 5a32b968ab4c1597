"""Parsing mails (pure): the corpus of example mails, and properties of the subject tag and headers."""

from __future__ import annotations

from email.header import Header
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketflow_desktop.domain.validation import DESCRIPTION_MAX, TITLE_MAX
from ticketflow_desktop.mail.html_text import html_to_text
from ticketflow_desktop.mail.parse import (
    ATTACHMENT_CAP,
    MalformedMail,
    decode_header_text,
    parse_mail,
    tagged_subject,
    ticket_tag,
)

CORPUS = Path(__file__).parent / "corpus"
TEAM = "Support <support@example.test>"


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_a_plain_mail_gives_requester_title_and_text() -> None:
    mail = parse_mail(corpus("plain.eml"), team_address=TEAM)
    assert (mail.requester.name, mail.requester.email) == ("Ann Lee", "ann@customer.example")
    assert mail.title == "Cannot log in since this morning"
    assert mail.text.startswith("Hello,\n\nmy password stopped working")
    assert mail.message_id == "<plain-1@customer.example>"
    assert mail.machine_reason is None and mail.references == () and mail.ticket_tag is None


def test_html_only_mail_becomes_clean_text() -> None:
    mail = parse_mail(corpus("html_only.eml"))
    assert mail.title == "Invoice € wrong"
    assert mail.text == "Dear support,\n\nthe invoice shows 100 € instead of 80 €.\n\nRegards,\nBob"
    assert "alert" not in mail.text and "color" not in mail.text


def test_attachments_are_listed_with_their_size_and_the_text_part_wins() -> None:
    mail = parse_mail(corpus("attachment.eml"))
    assert mail.text == "The error is in the attached file."
    [attachment] = mail.attachments
    assert (attachment.filename, attachment.content_type) == ("error report.pdf", "application/pdf")
    assert attachment.size == 3009 and not attachment.over_cap
    assert attachment.left_out is None and len(attachment.content) == 3009
    # Kept: stored beside the ticket, so the text does not list it.
    assert mail.body_with_attachments() == "The error is in the attached file."


@pytest.mark.parametrize(
    ("name", "requester", "title", "text"),
    [
        ("latin1.eml", "René Müller", "Rückerstattung für März", "Grüße, ich möchte eine Rückerstattung € 50."),
        ("windows1252.eml", "dana", "“Quoted” price – 20 €", "The “premium” plan costs 20 € – too much."),
        ("shift_jis.eml", "山田", "ログインできません", "パスワードをリセットしてください。"),
    ],
)
def test_charsets_and_transfer_encodings_are_decoded(name: str, requester: str, title: str, text: str) -> None:
    mail = parse_mail(corpus(name))
    assert (mail.requester.name, mail.title, mail.text) == (requester, title, text)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("auto_reply.eml", "an automatic mail (Auto-Submitted: auto-replied)"),
        ("bounce.eml", "a delivery report (bounce)"),
    ],
)
def test_machines_mail_is_recognised(name: str, reason: str) -> None:
    assert parse_mail(corpus(name)).machine_reason == reason


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("Precedence: bulk", "a bulk or list mail (Precedence: bulk)"),
        ("Precedence: list", "a bulk or list mail (Precedence: list)"),
        ("Return-Path: <>", "a delivery report (bounce): its return path is empty"),
        ("X-Autoreply: yes", "an automatic reply (X-Autoreply)"),
        ("Auto-Submitted: no", None),
    ],
)
def test_loop_headers(headers: str, reason: str | None) -> None:
    raw = f"From: a@customer.example\r\nSubject: x\r\nMessage-ID: <l@c>\r\n{headers}\r\n\r\nhi\r\n".encode()
    assert parse_mail(raw).machine_reason == reason


def test_our_own_mail_and_the_team_address_never_make_tickets() -> None:
    own = b"From: x@customer.example\r\nMessage-ID: <ticketflow.5.9.ab@example.test>\r\n\r\nhi\r\n"
    assert parse_mail(own).machine_reason == "our own reply (the team mailbox's copy, or a loop)"
    team = b"From: SUPPORT@example.test\r\nMessage-ID: <t@c>\r\n\r\nhi\r\n"
    assert parse_mail(team, team_address=TEAM).machine_reason == "mail from the team's own address"


def test_replies_carry_threading_keys_and_lose_the_quoted_history() -> None:
    by_header = parse_mail(corpus("reply_header.eml"))
    assert by_header.references == ("<plain-1@customer.example>",)
    assert by_header.text == "It works again, thank you!"
    by_tag = parse_mail(corpus("reply_tag.eml").replace(b"TICKET", b"1234"))
    assert by_tag.ticket_tag == 1234
    assert by_tag.title == "Cannot log in since this morning"


def test_a_mail_without_a_usable_sender_is_malformed() -> None:
    with pytest.raises(MalformedMail, match="no From address"):
        parse_mail(b"Subject: hi\r\n\r\nbody\r\n")
    with pytest.raises(MalformedMail, match="is not an email address"):
        parse_mail(b"From: nobody\r\nSubject: hi\r\n\r\nbody\r\n")


def test_a_mail_without_message_id_gets_a_stable_one() -> None:
    raw = b"From: a@customer.example\r\nSubject: hi\r\n\r\nbody\r\n"
    assert parse_mail(raw).message_id == parse_mail(raw).message_id
    assert parse_mail(raw).message_id != parse_mail(raw + b"more").message_id


def test_limits_title_description_and_attachment_cap() -> None:
    big = "x" * (ATTACHMENT_CAP + 1)
    raw = (
        "From: a@customer.example\r\nSubject: "
        + "long " * 100
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"
        "Content-Type: text/plain\r\n\r\n" + "y" * (DESCRIPTION_MAX + 10) + "\r\n--B\r\n"
        'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="big.bin"\r\n\r\n'
        + big
        + "\r\n--B--\r\n"
    ).encode()
    mail = parse_mail(raw)
    assert len(mail.title) == TITLE_MAX and mail.title.endswith("…")
    body = mail.body_with_attachments()
    assert len(body) <= DESCRIPTION_MAX
    assert body.endswith(
        "[Left out: big.bin (10 MB) over the 10 MB limit; it stays with the mail in the mailbox's Processed folder]"
    )


def test_html_to_text_keeps_blocks_and_drops_scripts() -> None:
    assert html_to_text("<ul><li>one</li><li>two &amp; three</li></ul><script>x()</script>") == "one\n\ntwo & three"


# --- properties ------------------------------------------------------------------------------------

subjects = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)
ticket_ids = st.integers(min_value=1, max_value=2**63 - 1)


@given(subjects, ticket_ids)
def test_the_subject_tag_survives_any_subject(subject: str, ticket_id: int) -> None:
    tagged = tagged_subject(subject, ticket_id)
    assert ticket_tag(tagged) == ticket_id
    assert tagged.startswith("Re: ") and tagged.endswith(f"[#{ticket_id}]")


@given(ticket_ids)
def test_replying_to_a_reply_keeps_one_tag(ticket_id: int) -> None:
    once = tagged_subject("Printer on fire", ticket_id)
    assert tagged_subject(once, ticket_id) == once


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=120))
@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1", "shift_jis"])
def test_encoded_headers_decode_to_what_was_written(charset: str, text: str) -> None:
    try:
        encoded = Header(text, charset).encode()
    except UnicodeEncodeError:
        return  # not writable in that charset
    assert decode_header_text(encoded) == " ".join(text.split())


@given(st.binary(max_size=2000))
def test_no_bytes_crash_the_parser(raw: bytes) -> None:
    try:
        mail = parse_mail(raw)
    except MalformedMail:
        return
    assert mail.message_id and mail.title and "\x00" not in mail.text
