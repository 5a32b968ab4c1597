"""The GUI's stored preferences: one typed object over QSettings, with a change signal.

Secrets never come here (see config.py): only non-secret values such as the model name.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from ticketflow_desktop import config

ORGANIZATION = "TicketFlow"
APPLICATION = "TicketFlow Desktop"


class Settings(QObject):
    changed = Signal(str, object)  # key, new value

    # key: (type, default)
    SCHEMA: ClassVar[dict[str, tuple[type, Any]]] = {
        "theme": (str, "system"),  # system | light | dark
        "offline": (bool, False),
        "database_url": (str, ""),  # without a password; the password lives in the keyring
        "llm_model": (str, config.DEFAULT_LLM_MODEL),
        "llm_base_url": (str, ""),
        "current_tab": (int, 0),
        "tickets_sort": (str, "-created"),
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
        kind, default = self.SCHEMA[key]
        value = self._store.value(key, default)
        if kind is bool and isinstance(value, str):  # INI files hold text
            return value.lower() in ("true", "1", "yes")
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        kind, _ = self.SCHEMA[key]
        value = kind(value)
        if self.get(key) == value:
            return
        self._store.setValue(key, value)
        self.changed.emit(key, value)

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

    def database_url(self) -> tuple[str | None, bool]:
        """The URL to use and whether the environment decided it."""
        from_env = config.env(config.ENV_DATABASE_URL)
        if from_env:
            return from_env, True
        return (self.get("database_url") or None), False

    def llm(self, offline_flag: bool = False) -> config.LlmSettings:
        stored = {k: self.get(k) for k in ("llm_model", "llm_base_url", "offline")}
        return config.load_llm_settings(stored, offline=offline_flag)
