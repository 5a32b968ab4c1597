"""Settings that are not Qt's business: environment overrides, defaults, and secrets in the keyring.

The GUI's stored preferences live in ui/settings.py (QSettings); this module is what the CLI and
the services can read too. Secrets never go to a file: the OS keyring, or the environment.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

APP_NAME = "TicketFlow"  # the folder name under each user directory (data, log/state, config)
KEYRING_SERVICE = "TicketFlow Desktop"
DEFAULT_LLM_MODEL = "gpt-4o-mini"
DEFAULT_LLM_TIMEOUT_S = 15.0
# Retries of 429/5xx/connection errors inside the openai client (its default is 2); a suggestion is not worth more.
DEFAULT_LLM_MAX_RETRIES = 1

# Environment variables that override stored settings (and the UI says so).
ENV_DATABASE_URL = "DATABASE_URL"
ENV_LLM_API_KEY = "LLM_API_KEY"
ENV_LLM_MODEL = "LLM_MODEL"
ENV_LLM_BASE_URL = "LLM_BASE_URL"

# Names of the secrets in the keyring.
SECRET_LLM_API_KEY = "llm_api_key"
SECRET_DATABASE_PASSWORD = "database_password"
SECRET_DATABASE_SSLPASSWORD = "database_sslpassword"  # the passphrase of a client certificate's key


def data_dir() -> Path:
    """The user data folder: the SQLite database, the outbox, the draft, the local model."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_file() -> Path:
    """The embedded SQLite file one person works in when no database is named."""
    return data_dir() / "tickets.sqlite3"


def env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class LlmSettings:
    api_key: str | None
    model: str
    base_url: str | None
    timeout_s: float = DEFAULT_LLM_TIMEOUT_S
    max_retries: int = DEFAULT_LLM_MAX_RETRIES
    offline: bool = False
    key_from_env: bool = False

    @property
    def usable(self) -> bool:
        return not self.offline and bool(self.api_key)

    def __repr__(self) -> str:  # never print the key, not even in a traceback
        key = "set" if self.api_key else "none"
        return f"LlmSettings(model={self.model!r}, base_url={self.base_url!r}, key={key}, offline={self.offline})"


def llm_endpoint(base_url: str | None) -> str:
    """The server a model key is for: scheme://host[:port]/path as compared ("" = the default server)."""
    text = (base_url or "").strip()
    if not text:
        return ""
    try:
        parts = urllib.parse.urlsplit(text)
        host = (parts.hostname or "").lower()
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return text
    return f"{parts.scheme.lower()}://{host}{port}{parts.path.rstrip('/')}"


def llm_key_name(base_url: str | None) -> str:
    """The keyring entry of the key for `base_url`'s server: a saved key never goes to another one."""
    endpoint = llm_endpoint(base_url)
    return f"{SECRET_LLM_API_KEY}@{endpoint}" if endpoint else SECRET_LLM_API_KEY


def sends_key_in_clear(base_url: str | None) -> bool:
    """True for plain http:// to a host other than this computer: the key would cross a network unencrypted."""
    try:
        parts = urllib.parse.urlsplit((base_url or "").strip())
    except ValueError:
        return False
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def saved_llm_key(base_url: str | None, stored: Mapping[str, object]) -> str | None:
    """The keyring's key for `base_url`'s server; over plain http only once the user confirmed that server."""
    if sends_key_in_clear(base_url) and stored.get("llm_clear_text_ok") != llm_endpoint(base_url):
        return None
    return get_secret(llm_key_name(base_url))


def load_llm_settings(stored: Mapping[str, object] | None = None, *, offline: bool = False) -> LlmSettings:
    """env > stored (non-secret values from the GUI's settings) > defaults; the key: env > the keyring's
    key for the server in use (a key saved for one server is never sent to another)."""
    stored = stored or {}
    key_env = env(ENV_LLM_API_KEY)
    base_url = env(ENV_LLM_BASE_URL) or (str(stored["llm_base_url"]) if stored.get("llm_base_url") else None)
    api_key = key_env or saved_llm_key(base_url, stored)
    timeout = stored.get("llm_timeout_s")
    return LlmSettings(
        api_key=api_key,
        model=env(ENV_LLM_MODEL) or str(stored.get("llm_model") or DEFAULT_LLM_MODEL),
        base_url=base_url,
        timeout_s=float(timeout) if timeout and isinstance(timeout, int | float | str) else DEFAULT_LLM_TIMEOUT_S,
        offline=offline or bool(stored.get("offline", False)),
        key_from_env=key_env is not None,
    )


# --- secrets --------------------------------------------------------------------------------------

_session_secrets: dict[str, str] = {}
# Values read from the keyring, so the GUI asks the OS keyring (a D-Bus call on Linux) once per secret.
_keyring_cache: dict[str, str | None] = {}
# Every secret value this process has seen, so the log filter can mask it wherever it appears.
_seen_secrets: set[str] = set()
_MIN_MASKED_LENGTH = 4  # masking a one-letter "secret" everywhere would make logs unreadable


def remember_secret(value: str | None) -> None:
    if value and len(value) >= _MIN_MASKED_LENGTH:
        _seen_secrets.add(value)


# Query parameters of a database URL that hold a secret (libpq reads both from the connection string).
SECRET_QUERY_KEYS = ("password", "sslpassword")


def secrets_in_url(url: str) -> list[str]:
    """Every secret a database URL carries: the password of user:password@ and the query's secrets.

    The one answer to "what in this URL is secret", for masking, warnings and storing.
    """
    try:
        parts = urllib.parse.urlsplit(url)
        password = parts.password
        query = urllib.parse.parse_qsl(parts.query, keep_blank_values=False)
    except ValueError:
        return []
    found = [urllib.parse.unquote(password)] if password else []
    found += [value for key, value in query if key.lower() in SECRET_QUERY_KEYS]
    return found


def known_secrets() -> list[str]:
    """Secret values to mask in logs: those read or stored here and the API key from the environment."""
    remember_secret(env(ENV_LLM_API_KEY))
    for secret in secrets_in_url(env(ENV_DATABASE_URL) or ""):
        remember_secret(secret)
    return sorted(_seen_secrets, key=len, reverse=True)  # longest first: a secret may contain another


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
        return not isinstance(backend, fail.Keyring | null.Keyring)
    except Exception:  # noqa: BLE001 - a broken keyring setup means "no keyring", never a crash
        return False


def get_secret(name: str) -> str | None:
    if name in _session_secrets:
        return _session_secrets[name]
    if name in _keyring_cache:
        return _keyring_cache[name]
    if not keyring_available():
        return None
    import keyring

    try:
        value = keyring.get_password(KEYRING_SERVICE, name)
    except Exception as error:  # noqa: BLE001
        log.warning("keyring read failed: %s", type(error).__name__)
        return None
    remember_secret(value)
    _keyring_cache[name] = value
    return value


def set_secret(name: str, value: str | None) -> bool:
    """Store in the OS keyring; False means it is kept for this session only (no keyring backend)."""
    _session_secrets.pop(name, None)
    _keyring_cache.pop(name, None)
    remember_secret(value)
    if keyring_available():
        import keyring

        try:
            if value:
                keyring.set_password(KEYRING_SERVICE, name, value)
            else:
                with contextlib.suppress(keyring.errors.PasswordDeleteError):
                    keyring.delete_password(KEYRING_SERVICE, name)
            _keyring_cache[name] = value or None
            return True
        except Exception as error:  # noqa: BLE001
            log.warning("keyring write failed: %s", type(error).__name__)
    if value:
        _session_secrets[name] = value
    return False


# --- the team mailbox (mail/, services/mail.py) -------------------------------------------------

ENV_IMAP_URL = "TICKETFLOW_IMAP_URL"  # imaps://user@host:993/INBOX
ENV_SMTP_URL = "TICKETFLOW_SMTP_URL"  # smtp://user@host:587 (STARTTLS) or smtps://user@host:465
ENV_MAIL_ADDRESS = "TICKETFLOW_MAIL_ADDRESS"  # the team's address: From of replies (default: the IMAP user)
ENV_MAIL_PASSWORD = "TICKETFLOW_MAIL_PASSWORD"
ENV_MAIL_CAFILE = "TICKETFLOW_MAIL_CAFILE"  # a CA bundle for a mail server with a private certificate
SECRET_MAIL_PASSWORD = "mail_password"


@dataclass(frozen=True)
class MailSettings:
    imap_url: str | None
    smtp_url: str | None
    address: str | None
    password: str | None
    cafile: str | None = None

    def __repr__(self) -> str:  # never print the password, not even in a traceback
        return (
            f"MailSettings(imap_url={self.imap_url!r}, smtp_url={self.smtp_url!r}, address={self.address!r}, "
            f"password={'set' if self.password else 'none'})"
        )


def load_mail_settings(stored: Mapping[str, object] | None = None) -> MailSettings:
    """env > stored (the GUI's non-secret settings); the password: env > the keyring, never a URL or a file."""
    stored = stored or {}

    def pick(env_name: str, key: str) -> str | None:
        value = env(env_name) or stored.get(key)
        return str(value).strip() or None if value else None

    imap_url = pick(ENV_IMAP_URL, "mail_imap_url")
    address = pick(ENV_MAIL_ADDRESS, "mail_address")
    if address is None and imap_url:
        user = urllib.parse.unquote(urllib.parse.urlsplit(imap_url).username or "")
        address = user if "@" in user else None
    password = env(ENV_MAIL_PASSWORD)
    remember_secret(password)
    return MailSettings(
        imap_url=imap_url,
        smtp_url=pick(ENV_SMTP_URL, "mail_smtp_url"),
        address=address,
        password=password or get_secret(SECRET_MAIL_PASSWORD),
        cafile=env(ENV_MAIL_CAFILE),
    )
