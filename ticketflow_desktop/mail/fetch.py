"""Reading the team mailbox over IMAP (stdlib imaplib): list, fetch, move aside, wait for news.

A mail is only read (BODY.PEEK, so it stays unseen) until the caller has committed what it became;
then `move` takes it out of the inbox into Processed (or Rejected). IMAP MOVE where the server has
it, else COPY + \\Deleted + expunge.
"""

from __future__ import annotations

import contextlib
import functools
import imaplib
import logging
import re
import select
import socket
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from ticketflow_desktop.mail.urls import ServerUrl, tls_context

log = logging.getLogger(__name__)

PROCESSED = "Processed"
REJECTED = "Rejected"
TIMEOUT_S = 30.0
IDLE_MAX_S = 25 * 60  # RFC 2177: re-issue IDLE before the server's 30-minute inactivity timeout
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_UID = re.compile(rb"UID (\d+)")


class MailboxError(Exception):
    """The mail server is unreachable or refused: an environment error, said in the server's words."""


_T = TypeVar("_T")
_P = ParamSpec("_P")


def _spoken(method: Callable[_P, _T]) -> Callable[_P, _T]:
    """A dropped connection or a protocol error, whatever its type, becomes a MailboxError."""

    @functools.wraps(method)
    def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return method(*args, **kwargs)
        except (OSError, imaplib.IMAP4.error) as error:
            raise MailboxError(f"the connection to the mail server failed: {_words(error)}") from None

    return guarded


class Mailbox:
    def __init__(self, url: ServerUrl, password: str | None, cafile: str | None = None) -> None:
        self.url = url
        try:
            if url.implicit_tls:
                self._imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                    url.host, url.port, ssl_context=tls_context(cafile), timeout=TIMEOUT_S
                )
            else:
                self._imap = imaplib.IMAP4(url.host, url.port, timeout=TIMEOUT_S)
                if "STARTTLS" in self._imap.capabilities:
                    self._imap.starttls(ssl_context=tls_context(cafile))
                elif not url.on_loopback:
                    self._imap.shutdown()
                    raise MailboxError(f"{url.host} offers no STARTTLS: refusing to send the password in clear")
            if url.user:
                self._imap.login(url.user, password or "")
                # imaplib keeps the greeting's capabilities; a server names more (MOVE, IDLE) once logged in.
                answer = self._check(self._imap.capability(), "list its capabilities")
                self._imap.capabilities = tuple(answer[-1].decode("ascii", "replace").upper().split())
            self._check(self._imap.select(self._quote(url.folder)), f"open {url.folder}")
        except (OSError, imaplib.IMAP4.error) as error:
            if hasattr(self, "_imap"):  # connected, then refused (login, folder): the socket is ours to close
                with contextlib.suppress(OSError):
                    self._imap.shutdown()
            raise MailboxError(f"{url.host}: {_words(error)}") from None
        for folder in (PROCESSED, REJECTED):
            self._imap.create(folder)  # "already exists" is the usual answer, and fine

    @property
    def capabilities(self) -> tuple[str, ...]:
        return tuple(self._imap.capabilities)

    @_spoken
    def uids(self) -> list[int]:
        """The inbox's mails not yet moved aside, oldest first."""
        data = self._ok(self._imap.uid("SEARCH", "UNDELETED"), "list the inbox")
        return sorted(int(u) for u in (data[0] or b"").split())

    @_spoken
    def sizes(self) -> dict[int, int]:
        """Every inbox mail's size by uid, in one command (one round trip, not one per mail)."""
        data = self._ok(self._imap.uid("FETCH", "1:*", "(RFC822.SIZE)"), "read the mails' sizes")
        found: dict[int, int] = {}
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            uid, size = _UID.search(line or b""), _SIZE.search(line or b"")
            if uid and size:
                found[int(uid.group(1))] = int(size.group(1))
        return found

    @_spoken
    def size(self, uid: int) -> int:
        data = self._ok(self._imap.uid("FETCH", str(uid), "(RFC822.SIZE)"), "read a mail's size")
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            match = _SIZE.search(line or b"")
            if match:
                return int(match.group(1))
        return 0

    @_spoken
    def fetch(self, uid: int, *, header_only: bool = False) -> bytes | None:
        """The mail's bytes (left unseen), or None when it is gone (another client moved it)."""
        part = "(BODY.PEEK[HEADER])" if header_only else "(BODY.PEEK[])"
        data = self._ok(self._imap.uid("FETCH", str(uid), part), "read a mail")
        for item in data:
            if isinstance(item, tuple) and len(item) == 2:
                return bytes(item[1])
        return None

    @_spoken
    def holds_message_id(self, message_id: str) -> bool:
        """Whether a mail with this Message-ID is in the inbox or Processed (a sent reply's copy)."""
        found = False
        try:
            for folder in (self.url.folder, PROCESSED):
                if self._imap.select(self._quote(folder), readonly=True)[0] != "OK":
                    continue
                data = self._ok(self._imap.uid("SEARCH", "HEADER", "Message-ID", message_id), "search")
                if (data[0] or b"").split():
                    found = True
                    break
        finally:
            self._check(self._imap.select(self._quote(self.url.folder)), f"open {self.url.folder}")
        return found

    @_spoken
    def move(self, uid: int, folder: str) -> None:
        if "MOVE" in self._imap.capabilities:
            self._ok(self._imap.uid("MOVE", str(uid), folder), f"move a mail to {folder}")
            return
        self._ok(self._imap.uid("COPY", str(uid), folder), f"copy a mail to {folder}")
        self._ok(self._imap.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)"), "mark a mail moved")
        if "UIDPLUS" in self._imap.capabilities:
            self._ok(self._imap.uid("EXPUNGE", str(uid)), "expunge a moved mail")
        else:
            self._ok(self._imap.expunge(), "expunge moved mails")

    @_spoken
    def wait_for_news(self, timeout_s: float) -> bool:
        """Until a mail may have arrived or `timeout_s` passed: IMAP IDLE where the server has it, else a
        NOOP after sleeping (polling). True when the server said something arrived."""
        if "IDLE" not in self._imap.capabilities:
            time.sleep(timeout_s)
            self._ok(self._imap.noop(), "poll the inbox")
            return True
        return self._idle(min(timeout_s, IDLE_MAX_S))

    def _idle(self, timeout_s: float) -> bool:
        # imaplib gains idle() only in Python 3.14: the command by hand (RFC 2177).
        imap = self._imap
        tag = imap._new_tag()
        imap.send(tag + b" IDLE\r\n")
        if not imap.readline().startswith(b"+"):
            raise MailboxError("the server refused IDLE")
        news = False
        sock = imap.socket()
        deadline = time.monotonic() + timeout_s
        try:
            # select(), not a socket timeout: a file object that once timed out cannot be read again.
            # A line already buffered is read after DONE below, so nothing is missed, only seen later.
            while not news and (left := deadline - time.monotonic()) > 0:
                readable, _, _ = select.select([sock], [], [], left)
                if not readable:
                    break
                line = imap.readline()
                if not line:
                    raise MailboxError("the server closed the connection")
                news = b"EXISTS" in line or b"RECENT" in line
        finally:
            imap.send(b"DONE\r\n")
            while True:  # the untagged lines until IDLE's own answer
                line = imap.readline()
                if not line or line.startswith(tag):
                    break
                news = news or b"EXISTS" in line
        return news

    def interrupt(self) -> None:
        """From another thread: end a wait (IDLE) at once; the mailbox is unusable afterwards."""
        with contextlib.suppress(OSError):
            self._imap.socket().shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            self._imap.logout()
        with contextlib.suppress(OSError):  # a logout cut short leaves the socket open
            self._imap.shutdown()

    def __enter__(self) -> Mailbox:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    @staticmethod
    def _quote(folder: str) -> str:
        return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def _ok(self, answer: tuple[str, list[Any]], what: str) -> list[Any]:
        return self._check(answer, what)

    def _check(self, answer: tuple[str, list[Any]], what: str) -> list[Any]:
        status, data = answer
        if status != "OK":
            detail = b" ".join(d for d in data if isinstance(d, bytes)).decode("utf-8", "replace")
            raise MailboxError(f"the server would not {what}: {detail or status}")
        return data


def _words(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.removeprefix("b'").removesuffix("'")
