"""The log: a rotating file in the user log directory, with every secret masked."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ticketflow_desktop import config
from ticketflow_desktop.ui import logging_setup
from ticketflow_desktop.ui.logging_setup import mask_secrets, setup_logging


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgresql://agent:s3cret@db/x", "postgresql://agent:***@db/x"),
        (
            "postgresql+psycopg2://agent:p%40ss@db:5432/x?sslmode=require",
            "postgresql+psycopg2://agent:***@db:5432/x?sslmode=require",
        ),
        ("redis://:onlypass@h", "redis://:***@h"),
        ("postgresql://agent@db/x", "postgresql://agent@db/x"),
        ("sqlite:////home/a:b/t.sqlite3", "sqlite:////home/a:b/t.sqlite3"),
        ("time 12:30 at host", "time 12:30 at host"),
    ],
)
def test_url_passwords_are_masked(text: str, expected: str) -> None:
    assert mask_secrets(text) == expected


def test_known_secrets_are_masked_and_short_ones_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_API_KEY", "sk-env-123456")
    monkeypatch.setenv("DATABASE_URL", "postgresql://agent:pg%40secret@db/x")
    config.set_secret(config.SECRET_LLM_API_KEY, "sk-stored-abcdef")  # no keyring: session only
    config.remember_secret("ab")
    assert mask_secrets("keys sk-env-123456 and sk-stored-abcdef, ab") == "keys *** and ***, ab"
    assert mask_secrets("password 'pg@secret' refused") == "password '***' refused"


def test_log_file_lives_in_the_user_log_directory_and_rotates(tmp_path: Path) -> None:
    level = logging.getLogger().level
    try:
        path = setup_logging()
        assert path == Path(logging_setup.log_dir()) / "ticketflow.log"
        assert "TicketFlow" in str(path) and str(path).startswith(str(Path.home()))
        assert logging.getLogger().level == logging.INFO
        logging.getLogger("ticketflow_desktop.test").info("hello")
        assert "hello" in path.read_text()
        handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler))
        assert handler.maxBytes == logging_setup.MAX_BYTES and handler.backupCount == logging_setup.BACKUPS
        verbose = setup_logging(verbose=True, directory=tmp_path)
        assert logging.getLogger().level == logging.DEBUG
        logging.getLogger("ticketflow_desktop.test").debug("details")
        assert "details" in verbose.read_text()
        assert logging_setup.log_file() == verbose
        assert sum(1 for h in logging.getLogger().handlers if getattr(h, "_tf_handler", False)) == 2
    finally:
        logging_setup.teardown_logging()
        logging.getLogger().setLevel(level)
    assert logging_setup.log_file() is None


def test_a_verbose_run_leaves_the_libraries_quiet_after_it(tmp_path: Path) -> None:
    setup_logging(verbose=True, directory=tmp_path)
    assert logging.getLogger("sqlalchemy").level == logging.INFO
    logging_setup.teardown_logging()
    assert logging.getLogger("sqlalchemy").level == logging.NOTSET  # as before: the next test's own choice
