"""An invitation to join a team: the connection without its password, as a file or a link.

An administrator hands a colleague `ticketflow://join?...` (or a `.ticketflow` file of the same
content); the first-run dialog fills in the server, the database and the login from it and asks
only for the password, which goes to the keyring. Nothing secret is ever in an invitation: a URL
carrying one is refused rather than stripped silently.
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import asdict, dataclass

from sqlalchemy import make_url

from ticketflow_desktop import config
from ticketflow_desktop.domain.errors import FieldError, ValidationError

SCHEME = "ticketflow"
FORMAT = 1


@dataclass(frozen=True)
class Invitation:
    host: str
    database: str
    login: str
    port: int | None = None
    sslmode: str | None = None

    def url(self) -> str:
        """The database URL it stands for (no password: the keyring or libpq's files supply one)."""
        port = f":{self.port}" if self.port else ""
        query = f"?sslmode={urllib.parse.quote(self.sslmode)}" if self.sslmode else ""
        login = urllib.parse.quote(self.login, safe="")
        return f"postgresql://{login}@{self.host}{port}/{urllib.parse.quote(self.database, safe='')}{query}"

    def link(self) -> str:
        fields = {k: str(v) for k, v in asdict(self).items() if v is not None}
        return f"{SCHEME}://join?{urllib.parse.urlencode(fields)}"

    def file_text(self) -> str:
        return json.dumps({"ticketflow_invitation": FORMAT, **asdict(self)}, indent=2) + "\n"


def _bad(message: str) -> ValidationError:
    return ValidationError([FieldError("invitation", message)])


def invitation_for(url: str, login: str) -> Invitation:
    """An invitation for `login` to the database at `url` (the administrator's own URL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("postgresql", "postgres") or not parsed.host or not parsed.database:
        raise _bad("An invitation needs a PostgreSQL database with a host (a SQLite file is one person's).")
    sslmode = parsed.query.get("sslmode")
    return Invitation(
        host=parsed.host,
        database=parsed.database,
        login=login,
        port=parsed.port,
        sslmode=sslmode if isinstance(sslmode, str) else None,
    )


def read_invitation(text: str) -> Invitation:
    """From a `ticketflow://join?...` link or the JSON of a `.ticketflow` file."""
    text = text.strip()
    if text.startswith(f"{SCHEME}://"):
        parts = urllib.parse.urlsplit(text)
        if parts.netloc != "join":
            raise _bad("This is not a TicketFlow invitation link (ticketflow://join?...).")
        pairs = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        fields: dict[str, object] = {k: v[0] for k, v in pairs.items()}
    else:
        try:
            loaded = json.loads(text)
        except ValueError:
            raise _bad("This is neither a TicketFlow invitation link nor an invitation file.") from None
        if not isinstance(loaded, dict) or loaded.get("ticketflow_invitation") != FORMAT:
            raise _bad("This file is not a TicketFlow invitation (or one from a newer TicketFlow).")
        fields = {k: v for k, v in loaded.items() if k != "ticketflow_invitation"}
    if any(key.lower() in config.SECRET_QUERY_KEYS for key in fields):
        raise _bad("This invitation carries a password; ask for one without it (passwords go to the keyring).")
    missing = [name for name in ("host", "database", "login") if not fields.get(name)]
    if missing:
        raise _bad(f"The invitation lacks {', '.join(missing)}.")
    port = fields.get("port")
    try:
        port_number = int(str(port)) if port not in (None, "") else None
    except ValueError:
        raise _bad(f"The invitation's port {port!r} is not a number.") from None
    if port_number is not None and not 1 <= port_number <= 65535:
        raise _bad(f"The invitation's port {port_number} is out of range.")
    sslmode = fields.get("sslmode")
    return Invitation(
        host=str(fields["host"]),
        database=str(fields["database"]),
        login=str(fields["login"]),
        port=port_number,
        sslmode=str(sslmode) if sslmode else None,
    )
