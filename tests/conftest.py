"""Fixtures shared by every test: real databases (SQLite and PostgreSQL), isolated user dirs."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.clock import TEST_NOW
from tests.databases import fresh_database_url, service_at
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database
from ticketflow_desktop.storage.tables import metadata

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch a real keyring or the user's real settings.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

# The mail servers (Dovecot, an SMTP inbox) as fixtures for the mail tests and the window's.
pytest_plugins = ["tests.mail.fixtures"]

PG_ENV = "TICKETFLOW_TEST_DATABASE_URL"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BACKENDS = ["sqlite", "postgresql"]


def _postgres_unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"PostgreSQL tests are mandatory in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of this test session's own on the server named by TICKETFLOW_TEST_DATABASE_URL."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        _postgres_unavailable(f"set {PG_ENV} to a PostgreSQL URL (e.g. postgresql://postgres@127.0.0.1/postgres)")
    admin = make_url(admin_url).set(drivername="postgresql+psycopg2")
    name = f"tf_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any failure to reach the server means the same here
        engine.dispose()
        _postgres_unavailable(f"cannot reach {admin.render_as_string(hide_password=True)}: {error}")
    url = admin.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(scope="session")
def _postgres_database(postgres_url: str) -> Iterator[Database]:
    database = open_database(postgres_url, upgrade=True)  # what an administrator's `db upgrade` does
    yield database
    database.dispose()


def _truncate(database: Database) -> None:
    """Empty every table of the schema (taken from the tables module, so a new table is never missed),
    and end the connections earlier tests left behind.

    A window's pooled connections outlive it until the garbage collector finds them; with a hundred
    GUI tests on PostgreSQL they reached the server's max_connections (100). The engine here re-pings."""
    names = ", ".join(table.name for table in metadata.sorted_tables if table.name != "schema_meta")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="session")
def empty_database() -> Callable[[Database], None]:
    """The function that empties a shared PostgreSQL test database, for tests that open their own."""
    return _truncate


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tickets.sqlite3'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, upgraded database's URL on each backend (tests/ui narrows this to SQLite)."""
    return fresh_database_url(request, request.param, tmp_path)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    with service_at(database_url) as service:
        yield service.database


@pytest.fixture
def clock() -> FixedClock:
    """The service's clock in tests: TEST_NOW until a test moves it."""
    return FixedClock(TEST_NOW)


@pytest.fixture
def service(database: Database, clock: FixedClock) -> TicketService:
    return TicketService(database, clock)


# Fixtures that reach a PostgreSQL server: a test that uses one (directly or through another fixture)
# is marked `postgresql`; so is the PostgreSQL half of a test parametrized over `database_url`.
_POSTGRES_FIXTURES = frozenset({"postgres_url", "_postgres_database", "pg_url"})
# Marked by where a test lives: the directory under tests/ and the marker it gets.
_DIRECTORY_MARKERS = {"ui": "gui", "reliability": "reliability", "packaging": "packaging"}
_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test by what it is: `gui`, `reliability`, `packaging`, `postgresql` (`slow` is by hand)."""
    for item in items:
        try:
            top = item.path.relative_to(_TESTS).parts[0]
        except (ValueError, IndexError):
            top = ""
        marker = _DIRECTORY_MARKERS.get(top)
        if marker:
            item.add_marker(marker)
        fixtures = set(getattr(item, "fixturenames", ()))
        if top != "ui" and fixtures & {"qtbot", "qapp"}:
            item.add_marker("gui")
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("database_url") if callspec is not None else None
        if fixtures & _POSTGRES_FIXTURES or backend == "postgresql":
            item.add_marker("postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shift-clock-days",
        type=int,
        default=0,
        help="run the whole suite with the machine's clock moved this many days (proves no test is bound "
        "to the date it runs on); e.g. --shift-clock-days 365",
    )


@pytest.fixture(scope="session", autouse=True)
def _shifted_clock(request: pytest.FixtureRequest) -> Iterator[None]:
    days = request.config.getoption("--shift-clock-days")
    if not days:
        yield
        return
    import time_machine

    with time_machine.travel(datetime.now(UTC) + timedelta(days=days), tick=True):
        yield


@pytest.fixture(autouse=True)
def _no_keys_held_after(request: pytest.FixtureRequest) -> Iterator[None]:
    """A Qt test ends with no modifier key held down for the next one.

    QApplication keeps the modifiers of the last key event it saw. A test that clicks Shift+F10 opens
    a context menu on the press; the menu takes the release, and Shift stayed "held" for the rest of
    the session: the next test's `selectRow` then toggled instead of selecting (found in random order)."""
    yield
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        receiver = QWidget()
        QTest.keyRelease(receiver, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)  # the state follows the event
        receiver.deleteLater()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs and QSettings point into a temporary home, so no test sees the user's files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("LLM_API_KEY", raising=False)
    monkeypatch.delenv("LLM_BASE_URL", raising=False)
    monkeypatch.delenv("LLM_MODEL", raising=False)
