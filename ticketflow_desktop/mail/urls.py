"""Mail server URLs: `imaps://user@host:993/INBOX`, `smtp://user@host:587` (STARTTLS), `smtps://…:465`.

Plain text (imap:// or smtp:// without STARTTLS) only to this computer (tests, a local relay):
a password never crosses a network unencrypted.
"""

from __future__ import annotations

import ipaddress
import ssl
import urllib.parse
from dataclasses import dataclass

from ticketflow_desktop.domain.errors import FieldError, ValidationError

_DEFAULT_PORTS = {"imaps": 993, "imap": 143, "smtps": 465, "smtp": 587}


@dataclass(frozen=True)
class ServerUrl:
    scheme: str  # imaps, imap, smtps, smtp
    host: str
    port: int
    user: str | None
    folder: str  # IMAP only: the inbox to read

    @property
    def implicit_tls(self) -> bool:
        return self.scheme in ("imaps", "smtps")

    @property
    def on_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def __str__(self) -> str:
        user = f"{self.user}@" if self.user else ""
        folder = f"/{self.folder}" if self.scheme.startswith("imap") else ""
        return f"{self.scheme}://{user}{self.host}:{self.port}{folder}"


def parse_server_url(text: str, kinds: tuple[str, ...]) -> ServerUrl:
    """`kinds`: ("imaps", "imap") or ("smtps", "smtp"). A password in the URL is refused (keyring/env only)."""
    try:
        parts = urllib.parse.urlsplit(text.strip())
        port = parts.port
    except ValueError as error:
        raise _bad(text, str(error)) from None
    scheme = parts.scheme.lower()
    if scheme not in kinds:
        raise _bad(text, f"it should start with {' or '.join(k + '://' for k in kinds)}")
    if parts.password:
        raise _bad(text, "put the password in the keyring or TICKETFLOW_MAIL_PASSWORD, not in the URL")
    if not parts.hostname:
        raise _bad(text, "it names no server")
    folder = urllib.parse.unquote(parts.path.strip("/")) or "INBOX"
    user = urllib.parse.unquote(parts.username) if parts.username else None
    return ServerUrl(scheme, parts.hostname, port or _DEFAULT_PORTS[scheme], user, folder)


def tls_context(cafile: str | None) -> ssl.SSLContext:
    """Certificates checked, always; `cafile` trusts a private CA (a company's own mail server)."""
    return ssl.create_default_context(cafile=cafile)


def _bad(text: str, why: str) -> ValidationError:
    # The URL itself is not repeated: a password typed into it by mistake would land in a message.
    return ValidationError([FieldError("mail", f"The mail server URL is not usable: {why}.")])
