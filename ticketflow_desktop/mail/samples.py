"""A mailbox of varied mails for the benchmark and the count test: people's first mails in several
forms and charsets, their answers (threaded by header), robots' mails, and mails delivered twice."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from email.header import Header


@dataclass(frozen=True)
class SampleMailbox:
    mails: tuple[bytes, ...]
    new_tickets: int
    answers: int
    machines: int
    duplicates: int


def _new(i: int) -> bytes:
    kind = i % 5
    sender = f"customer{i}@customer.example"
    head = f"From: Customer {i} <{sender}>\r\nTo: support@example.test\r\nMessage-ID: <first-{i}@customer.example>\r\n"
    if kind == 0:
        return (head + f"Subject: Cannot log in ({i})\r\n\r\nMy password stopped working, case {i}.\r\n").encode()
    if kind == 1:
        return (
            head + f"Subject: Invoice {i} wrong\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            f"<p>The invoice <b>{i}</b> shows 100&nbsp;&euro;.</p><script>x()</script>\r\n"
        ).encode()
    if kind == 2:
        subject = Header(f"Rückerstattung für März {i}", "iso-8859-1").encode()
        body = f"Grüße, Rückerstattung Nummer {i} bitte.".encode("cp1252")
        return (
            head.encode()
            + (
                f"Subject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n"
            ).encode()
            + base64.encodebytes(body)
        )
    if kind == 3:
        subject = Header(f"ログインできません {i}", "shift_jis").encode()
        return (
            head.encode()
            + (
                f"Subject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=shift_jis\r\n\r\n"
            ).encode()
            + f"パスワード {i}".encode("shift_jis")
            + b"\r\n"
        )
    attachment = base64.encodebytes(b"%PDF-1.4 " + bytes(i % 251 for _ in range(2000)))
    return (
        head.encode()
        + f"Subject: Screenshot {i}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
        f"--B\r\nContent-Type: text/plain\r\n\r\nSee the attached file ({i}).\r\n--B\r\n"
        f'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="shot-{i}.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n".encode()
        + attachment
        + b"--B--\r\n"
    )


def _answer(i: int) -> bytes:
    return (
        f"From: customer{i}@customer.example\r\nSubject: Re: case {i}\r\nMessage-ID: <answer-{i}@customer.example>\r\n"
        f"In-Reply-To: <first-{i}@customer.example>\r\nReferences: <first-{i}@customer.example>\r\n\r\n"
        f"Thanks, one more detail for case {i}.\r\n\r\nOn Monday, Support wrote:\r\n> earlier text\r\n"
    ).encode()


def _machine(i: int) -> bytes:
    if i % 2:
        return (
            f"From: customer{i}@customer.example\r\nSubject: Out of office\r\nMessage-ID: <ooo-{i}@c>\r\n"
            "Auto-Submitted: auto-replied\r\n\r\nAway.\r\n"
        ).encode()
    return (
        f"From: MAILER-DAEMON@mx.example.test\r\nSubject: Undelivered\r\nMessage-ID: <bounce-{i}@mx>\r\n"
        "Return-Path: <>\r\n\r\nCould not deliver.\r\n"
    ).encode()


def sample_mailbox(total: int = 1000) -> SampleMailbox:
    """`total` mails: 60 % first mails, 20 % answers to them, 10 % robots, 10 % delivered twice."""
    new = total * 6 // 10
    answers = total * 2 // 10
    machines = total // 10
    duplicates = total - new - answers - machines
    mails = [_new(i) for i in range(new)]
    mails += [_answer(i) for i in range(answers)]
    mails += [_machine(i) for i in range(machines)]
    mails += [_new(i) for i in range(duplicates)]  # the same mail again (a client that re-delivered)
    return SampleMailbox(tuple(mails), new, answers, machines, duplicates)
