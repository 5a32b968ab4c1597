"""Logging for the GUI: a rotating file in the user log directory, stderr, and a filter that masks secrets.

Every record passes the `SecretMasker` on each handler, so no handler writes the configured API key,
the database password or any password inside a URL, whoever logged it (our code or a library).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

import platformdirs

from ticketflow_desktop import config

LOG_APP_NAME = "TicketFlow"
LOG_FILE_NAME = "ticketflow.log"
MAX_BYTES = 2_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
MASK = "***"

# scheme://user:password@host -> scheme://user:***@host (also without a user: scheme://:password@host)
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:)(?P<password>[^\s@/]+)@")
# ?password=... / &sslpassword=... in a URL, password=... in a libpq connection string
_QUERY_PASSWORD = re.compile(rf"(?i)(?P<head>\b(?:{'|'.join(config.SECRET_QUERY_KEYS)})=)(?P<password>[^&\s'\"]+)")
_MARKER = "_tf_masked"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(LOG_APP_NAME, appauthor=False))


def mask_secrets(text: str) -> str:
    text = _URL_PASSWORD.sub(lambda m: f"{m['head']}{MASK}@", text)
    text = _QUERY_PASSWORD.sub(lambda m: f"{m['head']}{MASK}", text)
    for secret in config.known_secrets():
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class SecretMasker(logging.Filter):
    """Rewrites a record's message (and traceback) with secrets masked, before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, _MARKER, False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not hide the record
            message = str(record.msg)
        record.msg = mask_secrets(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        setattr(record, _MARKER, True)
        return True


# Libraries whose chatter is logged only when asked for (--verbose).
NOISY_LIBRARIES = ("sqlalchemy", "alembic", "httpx", "httpcore", "openai", "urllib3")


def setup_logging(verbose: bool = False, directory: Path | None = None) -> Path:
    """Configure the root logger; returns the log file's path. Calling it again replaces our handlers."""
    directory = directory or log_dir()
    teardown_logging()
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    path = directory / LOG_FILE_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        handlers.append(file_handler)
    except OSError as error:  # a read-only home must not stop the app
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", path, error)
    stream = logging.StreamHandler()
    stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handlers.append(stream)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(SecretMasker())
        handler._tf_handler = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    # Libraries' chatter only when asked for.
    for noisy in NOISY_LIBRARIES:
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.WARNING)
    return path


def log_file() -> Path | None:
    """The file the running app logs to, if any."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and getattr(handler, "_tf_handler", False):
            return Path(handler.baseFilename)
    return None


def teardown_logging() -> None:
    """Remove and close the handlers setup_logging added, and give the libraries their own levels back
    (at exit, and between tests: a verbose run left SQLAlchemy logging every statement after it)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tf_handler", False):
            root.removeHandler(handler)
            handler.close()
    for noisy in NOISY_LIBRARIES:
        logging.getLogger(noisy).setLevel(logging.NOTSET)
