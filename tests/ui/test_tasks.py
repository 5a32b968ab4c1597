"""The background-work API: results arrive on the GUI thread; stale results are dropped."""

import threading
import time

from pytestqt.qtbot import QtBot

from ticketflow_desktop.domain import StorageUnavailable
from ticketflow_desktop.ui.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    runner.read(
        lambda x: x * 2, 21, on_done=lambda r: seen.append((r, threading.current_thread() is threading.main_thread()))
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    runner.wait_idle()


def test_newer_request_supersedes_a_slower_older_one(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[str] = []

    def slow() -> str:
        time.sleep(0.3)
        return "old"

    runner.read(slow, on_done=results.append, key="search")
    runner.read(lambda: "new", on_done=results.append, key="search")
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert results == ["new"]


def test_failures_reach_on_failed_and_bugs_reach_unhandled_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def unavailable() -> None:
        raise StorageUnavailable("gone")

    runner.read(unavailable, on_failed=errors.append)
    with qtbot.waitSignal(runner.unhandled_error) as blocker:
        runner.read(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "gone"
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_writes_run_in_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    for i in range(20):
        runner.write(lambda i=i: (time.sleep(0.001 * (20 - i)), i)[1], on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 20, timeout=5000)
    assert order == list(range(20))


def test_a_superseded_search_is_stopped_in_the_database(qtbot: QtBot, sqlite_url: str) -> None:
    """A slow read the user typed past ends at once (its worker is free again), and only the newest
    result is delivered."""
    from sqlalchemy import text

    from ticketflow_desktop.storage.engine import open_database

    database = open_database(sqlite_url)
    slow_sql = text(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT count(*) FROM c"
    )
    ended: list[float] = []

    def slow_search() -> object:
        try:
            with database.reading() as session:
                return session.execute(slow_sql).scalar()
        finally:
            ended.append(time.monotonic())

    runner = TaskRunner()
    results: list[object] = []
    runner.read(slow_search, on_done=results.append, on_failed=results.append, key="search", stop_stale=True)
    qtbot.wait(300)
    superseded_at = time.monotonic()
    runner.read(lambda: "newest", on_done=results.append, key="search", stop_stale=True)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert results == ["newest"]
    assert ended and ended[0] - superseded_at < 2  # stopped, not run to its end
    runner.wait_idle()
    database.dispose()
