"""Sending a reply over SMTP (stdlib smtplib): the mail built with threading headers, and the
server's answer sorted into "sent", "try again later" and "will never go".
"""

from __future__ import annotations

import smtplib
import socket
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, parseaddr

from ticketflow_desktop.mail.parse import tagged_subject
from ticketflow_desktop.mail.urls import ServerUrl, tls_context

TIMEOUT_S = 30.0


class TemporaryFailure(Exception):
    """The server is away or said 4xx: the same mail may be tried again later."""


class PermanentFailure(Exception):
    """The server said 5xx (no such recipient, refused): trying again would not help."""


@dataclass(frozen=True)
class Reply:
    ticket_id: int
    title: str
    body: str
    to_name: str
    to_email: str
    message_id: str  # `<token@team-domain>`, the same on every attempt
    references: tuple[str, ...]  # the thread, oldest first; the last is what this answers


def address_domain(address: str) -> str:
    return parseaddr(address)[1].rsplit("@", 1)[-1] or "ticketflow.invalid"


def build_reply(reply: Reply, team_address: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = team_address
    message["To"] = formataddr((reply.to_name, reply.to_email))
    message["Subject"] = tagged_subject(reply.title, reply.ticket_id)
    message["Message-ID"] = reply.message_id
    message["Date"] = formatdate(localtime=False, usegmt=True)
    if reply.references:
        message["In-Reply-To"] = reply.references[-1]
        message["References"] = " ".join(reply.references)
    # RFC 3834: our answers are written by people, but out-of-office robots should still not answer a
    # helpdesk in a loop; this header asks them not to.
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(reply.body)
    return message


class SmtpSender:
    """One connection per batch of replies; `send` raises TemporaryFailure or PermanentFailure."""

    def __init__(self, url: ServerUrl, password: str | None, cafile: str | None = None) -> None:
        self.url, self._password, self._cafile = url, password, cafile
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        url = self.url
        try:
            if url.implicit_tls:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    url.host, url.port, timeout=TIMEOUT_S, context=tls_context(self._cafile)
                )
            else:
                smtp = smtplib.SMTP(url.host, url.port, timeout=TIMEOUT_S)
                smtp.ehlo()
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=tls_context(self._cafile))
                    smtp.ehlo()
                elif not url.on_loopback:
                    smtp.close()
                    raise PermanentFailure(f"{url.host} offers no STARTTLS: refusing to send in clear")
            if url.user:
                smtp.login(url.user, self._password or "")
        except smtplib.SMTPAuthenticationError as error:
            raise PermanentFailure(server_words(error)) from None
        except (OSError, smtplib.SMTPException) as error:
            raise TemporaryFailure(server_words(error)) from None
        return smtp

    def send(self, message: EmailMessage, copy_to: str | None = None) -> None:
        """Returns only when the server accepted the mail for every recipient. `copy_to`: a blind copy
        (the team mailbox keeps each reply, which is how a retry after a lost answer is detected)."""
        if self._smtp is None:
            self._smtp = self._connect()
        recipients = [parseaddr(message["To"])[1]] + ([parseaddr(copy_to)[1]] if copy_to else [])
        try:
            refused = self._smtp.send_message(message, to_addrs=recipients)
        except smtplib.SMTPRecipientsRefused as error:
            raise _by_code(error.recipients) from None
        except smtplib.SMTPResponseException as error:
            self.close()
            failure = PermanentFailure if 500 <= error.smtp_code < 600 else TemporaryFailure
            raise failure(server_words(error)) from None
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            raise TemporaryFailure(server_words(error)) from None
        if refused:
            raise _by_code(refused)

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


def _by_code(refused: dict[str, tuple[int, bytes]]) -> Exception:
    code, text = next(iter(refused.values()))
    words = f"{code} {text.decode('utf-8', 'replace')}"
    return PermanentFailure(words) if 500 <= code < 600 else TemporaryFailure(words)


def server_words(error: BaseException) -> str:
    """What the server (or the network) said, as a person can read it."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        return f"{error.smtp_code} {text}"
    if isinstance(error, ConnectionRefusedError):
        return "the mail server refused the connection (is it running?)"
    if isinstance(error, socket.timeout | TimeoutError):
        return "the mail server did not answer in time"
    return str(error) or type(error).__name__
