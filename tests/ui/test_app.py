"""The whole app starts offscreen, opens its database in a worker and shows where the data is."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.selftest import run_self_test
from ticketflow_desktop.ui.settings import Settings


def test_window_opens_database_and_shows_it(qtbot: QtBot, tmp_path: Path, make_app) -> None:
    window = make_app(url=f"sqlite:///{tmp_path / 'db.sqlite3'}", tab=None).window
    assert window.connection_label.text() == "Connected"
    assert "db.sqlite3" in window.database_label.text()
    assert [window.tabs.tabText(i) for i in range(3)] == ["Submit", "Tickets", "Dashboard"]


def test_unreachable_database_is_said_calmly(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    context, window = build_window(settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(context.database_failed, timeout=15_000) as blocker:
        context.open("postgresql://nobody:secret@127.0.0.1:9/none")
    assert "cannot be reached" in blocker.args[0]
    assert "secret" not in window.database_label.text()
    assert window.connection_label.text().startswith("Database unreachable")
    context.close()


def test_self_test_passes(qtbot: QtBot) -> None:
    assert run_self_test() == 0


def test_submit_and_update_through_the_context_announce_changes(qtbot: QtBot, tmp_path: Path, make_app) -> None:
    from ticketflow_desktop.domain import Category, Conflict, Priority, Status, TicketChanges, TicketDraft

    app = make_app(url=f"sqlite:///{tmp_path / 'db.sqlite3'}", tab=None)
    context, window = app.context, app.window
    created: list = []
    with qtbot.waitSignal(context.tickets_changed) as changed:
        context.writes.submit(
            window, TicketDraft("Printer", "Out of toner", Category.GENERAL, Priority.LOW), on_done=created.append
        )
    qtbot.waitUntil(lambda: bool(created))
    assert changed.args == [Change.of({created[0].id}, ChangeKind.CREATED)]
    errors: list = []
    context.writes.update(window, created[0].id, TicketChanges(status=Status.IN_PROGRESS), 1)
    context.writes.update(window, created[0].id, TicketChanges(status=Status.RESOLVED), 1, on_failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Conflict) and errors[0].current.status is Status.IN_PROGRESS
