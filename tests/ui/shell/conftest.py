"""Fixtures for the app shell's tests: isolated settings, an in-memory keyring, a theme manager."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ticketflow_desktop import config
from ticketflow_desktop.ui import logging_setup
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict: no file, no OS service."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def _fresh_secrets() -> Iterator[None]:
    previous = keyring.get_keyring()
    for cache in (config._session_secrets, config._seen_secrets, config._keyring_cache):
        cache.clear()
    yield
    keyring.set_keyring(previous)
    for cache in (config._session_secrets, config._seen_secrets, config._keyring_cache):
        cache.clear()


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager(qapp, "light")
    yield manager
    QGuiApplication.styleHints().colorSchemeChanged.disconnect(manager._on_system_scheme)
    manager.setParent(None)
    manager.deleteLater()
    if hasattr(QGuiApplication.styleHints(), "unsetColorScheme"):
        QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())


@pytest.fixture
def log_directory(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "logs"
    level = logging.getLogger().level
    logging_setup.setup_logging(directory=directory)
    yield directory
    logging_setup.teardown_logging()
    logging.getLogger().setLevel(level)
