"""The window's tests: `make_app` builds the main window on a temporary database with settings of its own,
and on teardown closes it and fails the test on what it left behind.

UI tests run on SQLite: `database_url` here is one SQLite file. A test where the backend matters says so,
with `@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)`.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.classification.fake_llm import copy_model, trained_model  # noqa: F401 - a fixture
from tests.databases import fresh_database_url
from tests.ui.harness import App, ExpectedLog, LogWatch, close_left_open, leftovers, settled, visible_top_levels
from ticketflow_desktop import config
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.errors import ExceptionHandler
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.theme import ThemeManager

_EXPECTED_KEY = pytest.StashKey[list[ExpectedLog]]()


@pytest.fixture(autouse=True)
def _trained_local_model(_isolated_user_dirs: None, trained_model: Path) -> None:  # noqa: F811
    """Every window finds a local model trained on the starter corpus, as after its first run: training one
    (seconds of CPU, in a child process) would outlive a short test and leave the pool's threads behind."""
    copy_model(trained_model, config.data_dir() / "local_model.npz")


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, upgraded database: SQLite unless the test parametrizes the backend (see the module's doc)."""
    return fresh_database_url(request, getattr(request, "param", "sqlite"), tmp_path)


@pytest.fixture
def expect_log(request: pytest.FixtureRequest) -> Callable[..., ExpectedLog]:
    """Declare a WARNING-or-worse record the test expects: `expect_log("ticketflow_desktop.ui.x", "regex")`.

    The same can be said with the marker `@pytest.mark.expect_log(logger, pattern, level=logging.WARNING)`.
    An expected record that never comes fails the test too, unless it is declared with required=False."""
    expected: list[ExpectedLog] = request.node.stash.setdefault(_EXPECTED_KEY, [])

    def expect(logger: str, pattern: str, level: int = logging.WARNING, required: bool = True) -> ExpectedLog:
        item = ExpectedLog(logger, level, re.compile(pattern), required)
        expected.append(item)
        return item

    return expect


@pytest.fixture
def make_app(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> Iterator[Callable[..., App]]:
    """Build the main window (`make_app()`), on `database_url` (SQLite here) with settings in tmp_path.

    make_app(url=..., open_database=False, settings=..., settings_name=..., size=..., tab="tickets" | "submit"
    | "dashboard" | None, offline=..., theme=..., **settings_values)

    A bug in a background task reaches `app.crashes` (an ExceptionHandler, wired as start_gui wires it):
    it logs the bug and shows the crash dialog, so an unexpected bug fails the test below.

    Teardown closes every window it built and fails the test on: a visible top-level widget that was not
    there before and that the test did not give to qtbot.addWidget (a dialog, a menu, a message box left
    open), a Python thread still running that was not there before, and a WARNING-or-worse record of a
    ticketflow_desktop logger that the test did not declare with `expect_log`."""
    # The logins a test uses are made before the windows, so they are dropped after the windows close: a
    # login dropped under an open window fails its background reads (news, presence, counts), which log.
    for name in ("team", "logins"):
        if name in request.fixturenames:
            request.getfixturevalue(name)
    widgets_before = visible_top_levels()
    threads_before = set(threading.enumerate())
    expected: list[ExpectedLog] = request.node.stash.setdefault(_EXPECTED_KEY, [])
    for marker in request.node.iter_markers("expect_log"):
        expected.append(
            ExpectedLog(
                marker.args[0],
                marker.kwargs.get("level", logging.WARNING),
                re.compile(marker.args[1]),
                marker.kwargs.get("required", True),
            )
        )
    watch = LogWatch()
    package_logger = logging.getLogger("ticketflow_desktop")
    package_logger.addHandler(watch)
    built: list[App] = []
    left_open: list[str] = []

    def start(
        *,
        url: str | None = None,
        open_database: bool = True,
        settings: Settings | None = None,
        settings_name: str = "s.ini",
        size: tuple[int, int] = (1280, 800),
        tab: str | None = "tickets",
        offline: bool = False,
        theme: ThemeManager | None = None,
        **settings_values: object,
    ) -> App:
        if settings is None:
            settings = Settings(QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat))
        for key, value in settings_values.items():
            settings.set(key, value)
        context, window = build_window(settings, offline=offline, theme=theme, clock=clock)
        crashes = ExceptionHandler(window)  # as start_gui does (its hooks stay pytest-qt's)
        context.tasks.unhandled_error.connect(crashes.report_error)
        app = App(context, window, settings, crashes)
        built.append(app)
        qtbot.addWidget(window)
        window.resize(*size)
        if tab is not None:
            window.tabs.setCurrentWidget(getattr(window, f"{tab}_tab"))
        window.show()
        if open_database:
            if url is None:
                url = request.getfixturevalue("database_url")
            with qtbot.waitSignal(context.database_opened, timeout=15_000):
                context.open(url)
            if tab == "tickets":
                qtbot.waitUntil(lambda: settled(app.model), timeout=10_000)
        return app

    try:
        yield start
        # Widgets the test gave to qtbot.addWidget are closed by pytest-qt; the windows are closed below.
        owned: set[QWidget] = {w for ref, _close in getattr(request.node, "qt_widgets", []) if (w := ref()) is not None}
        owned |= {app.window for app in built}
        left_open = close_left_open(visible_top_levels() - widgets_before - owned)  # closing a window hides them
        # What the test caused, not what shutting the windows down says: work still in flight when a
        # window's database is let go fails, and may log it (a local model's refresh, a last ping).
        records = list(watch.records)
    finally:
        for app in built:
            # The feed's connection and the pool's go now, not whenever the garbage collector gets to
            # them: a PostgreSQL server allows 100, and each window holds several.
            app.window.close()
            app.window.live.stop()
            app.context.close()
        package_logger.removeHandler(watch)
    problems = leftovers(left_open, threads_before, records, expected)
    if problems and not _failed(request):
        pytest.fail("make_app: the test left behind:\n" + "\n".join(f"- {p}" for p in problems), pytrace=False)


def _failed(request: pytest.FixtureRequest) -> bool:
    """The test itself failed: its own report says more than the leftovers of an interrupted test."""
    report = getattr(request.node, "rep_call", None)
    return bool(report is not None and report.failed)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keep each phase's report on the test, so make_app knows whether the test itself failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
