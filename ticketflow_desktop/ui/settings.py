"""The GUI's stored preferences: one typed object over QSettings, with a change signal.

Precedence: environment variable > stored value > default. Secrets never come here: they go to the
OS keyring through config.set_secret (or live for the session only when there is no keyring).

The methods that read or write the keyring (`secret`, `llm_key`, `set_llm_key`, `set_secret`,
`connect_url`, `database_secrets`, `llm`) may wait seconds on D-Bus or the Keychain: the window calls
them only in a worker (ui/ops.py), never on the GUI thread; tests and scripts may call them anywhere.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from ticketflow_desktop import config
from ticketflow_desktop.ui.theme import ThemeChoice

ORGANIZATION = "TicketFlow"
APPLICATION = "TicketFlow Desktop"

# Stored settings that an environment variable overrides (the settings dialog says so).
ENV_OVERRIDES = {
    "database_url": config.ENV_DATABASE_URL,
    "llm_model": config.ENV_LLM_MODEL,
    "llm_base_url": config.ENV_LLM_BASE_URL,
    "llm_api_key": config.ENV_LLM_API_KEY,  # a secret: never stored here, but overridable all the same
    "mail_imap_url": config.ENV_IMAP_URL,
    "mail_smtp_url": config.ENV_SMTP_URL,
    "mail_address": config.ENV_MAIL_ADDRESS,
    "mail_password": config.ENV_MAIL_PASSWORD,  # a secret, as llm_api_key
}
SECRETS = {
    "llm_api_key": config.SECRET_LLM_API_KEY,
    "database_password": config.SECRET_DATABASE_PASSWORD,
    "database_sslpassword": config.SECRET_DATABASE_SSLPASSWORD,
    "mail_password": config.SECRET_MAIL_PASSWORD,
}
MAIL_KEYS = ("mail_imap_url", "mail_smtp_url", "mail_address")
_CHOICES: dict[str, tuple[str, ...]] = {"theme": tuple(ThemeChoice)}


class Settings(QObject):
    # key, new value (None for secrets: their value is never sent around)
    changed = Signal(str, object)

    # key: (type, default)
    SCHEMA: ClassVar[dict[str, tuple[type, Any]]] = {
        "theme": (str, ThemeChoice.SYSTEM.value),  # a ThemeChoice
        "offline": (bool, False),
        "database_url": (str, ""),  # without a password; the password lives in the keyring
        "llm_model": (str, config.DEFAULT_LLM_MODEL),
        "llm_base_url": (str, ""),
        # The plain-http model server the user agreed to send the key to (config.sends_key_in_clear).
        "llm_clear_text_ok": (str, ""),
        "current_tab": (int, 0),
        "tickets_sort": (str, "-created"),
        "tickets_queue": (str, ""),  # the Tickets tab's queue (ui/tickets/queues.py); "" for none
        "tickets_filter": (str, ""),  # the filter bar's fields, as a saved view's JSON (domain/views.py)
        "tickets_view": (int, 0),  # the saved view chosen in the Tickets tab (its id); 0 for none
        "tickets_sidebar": (bool, True),  # the views sidebar shown (when the window is wide enough)
        "dashboard_range": (int, 30),  # days shown by the dashboard; 0 = all time
        # The first-run question (work alone or join a team) was answered.
        "first_run_done": (bool, False),
        # The kinds of desktop notification turned off (domain.notifications.NotificationKind values).
        "notify_off": (str, ""),
        # The team mailbox (ui/dialogs/mailbox.py); its password lives in the keyring.
        "mail_imap_url": (str, ""),  # imaps://user@host/INBOX
        "mail_smtp_url": (str, ""),  # smtp://user@host:587 or smtps://user@host:465
        "mail_address": (str, ""),  # the team's address: the From of replies
    }

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def get(self, key: str) -> Any:
        """The stored value (or default); see `effective` for the value after environment overrides."""
        kind, default = self.SCHEMA[key]
        value = self._store.value(key, default)
        if kind is bool and isinstance(value, str):  # INI files hold text
            return value.lower() in ("true", "1", "yes")
        try:
            value = kind(value)
        except (TypeError, ValueError):
            return default
        if key in _CHOICES and value not in _CHOICES[key]:
            return default
        return value

    def set(self, key: str, value: Any) -> None:
        kind, _ = self.SCHEMA[key]
        value = kind(value)
        if key in _CHOICES and value not in _CHOICES[key]:
            raise ValueError(f"{key} must be one of {', '.join(_CHOICES[key])}, not {value!r}")
        if self.get(key) == value:
            return
        self._store.setValue(key, value)
        self.changed.emit(key, value)

    # --- environment overrides -------------------------------------------------------------------

    @staticmethod
    def env_override(key: str) -> tuple[str, str] | None:
        """(variable name, value) when an environment variable decides `key`, else None."""
        name = ENV_OVERRIDES.get(key)
        value = config.env(name) if name else None
        return (name, value) if name and value else None

    def effective(self, key: str) -> Any:
        override = self.env_override(key)
        return override[1] if override else self.get(key)

    # --- secrets (keyring) ------------------------------------------------------------------------

    def secret(self, key: str) -> str | None:
        override = self.env_override(key)
        return override[1] if override else config.get_secret(SECRETS[key])

    def llm_key(self, base_url: str | None) -> str | None:
        """The key the environment sets, else the one saved for `base_url`'s server (never another's)."""
        override = self.env_override("llm_api_key")
        return override[1] if override else config.get_secret(config.llm_key_name(base_url))

    def set_llm_key(self, base_url: str | None, key: str) -> bool:
        """Save `key` for `base_url`'s server; False means it is kept for this session only."""
        stored = config.set_secret(config.llm_key_name(base_url), key)
        self.changed.emit("llm_api_key", None)
        return stored

    def set_secret(self, key: str, value: str | None) -> bool:
        """Store in the keyring; False means it is kept for this session only (no keyring backend)."""
        stored = config.set_secret(SECRETS[key], value or None)
        self.changed.emit(key, None)
        return stored

    def secrets_stored(self) -> None:
        """Secrets were stored (in a worker): tell who shows something that depends on them."""
        self.changed.emit("llm_api_key", None)

    # --- free-form state ---------------------------------------------------------------------------

    def geometry(self, name: str) -> QByteArray | None:
        value = self._store.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._store.setValue(f"geometry/{name}", value)

    def value(self, key: str, default: Any = None) -> Any:
        """Free-form UI state (column widths, splitters) that needs no schema."""
        return self._store.value(f"state/{key}", default)

    def set_value(self, key: str, value: Any) -> None:
        self._store.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self._store.sync()

    # --- what the app connects to -----------------------------------------------------------------

    def database_url(self) -> tuple[str | None, bool]:
        """The URL to use (without the keyring's password) and whether the environment decided it."""
        override = self.env_override("database_url")
        if override:
            return override[1], True
        return (self.get("database_url") or None), False

    def connect_url(self) -> str | None:
        """The URL to open: the stored one with the keyring's secrets joined in memory only."""
        from ticketflow_desktop.services.connection import connect_url

        return connect_url(*self.database_url())

    def database_secrets(self) -> dict[str, str | None]:
        """The stored database URL's secrets from the keyring, by their names in a URL."""
        from ticketflow_desktop.services.connection import saved_database_secrets

        return saved_database_secrets()

    def llm_fields(self) -> dict[str, object]:
        """The stored settings the language model's configuration is made from (no secret among them)."""
        return {k: self.get(k) for k in ("llm_model", "llm_base_url", "llm_clear_text_ok", "offline")}

    def mail_fields(self) -> dict[str, object]:
        """The stored mailbox settings (no secret among them); the environment wins in config.load_mail_settings."""
        return {key: self.get(key) for key in MAIL_KEYS}

    def mailbox_set_up(self) -> bool:
        """A mailbox to fetch or a server to send through, by the environment or the stored settings."""
        return bool(self.effective("mail_imap_url") or self.effective("mail_smtp_url"))

    def llm(self, offline_flag: bool = False) -> config.LlmSettings:
        return config.load_llm_settings(self.llm_fields(), offline=offline_flag)
