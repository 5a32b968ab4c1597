"""File → Import CSV… and File → Export CSV… in a real window on SQLite and PostgreSQL: all or nothing,
with progress, in the user's documents folder."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.databases import service_at
from tests.ui.notices import heard
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.files import documents_dir
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")

# Titles a widget must not alter: emoji (outside the BMP), right-to-left, CJK.
TITLES = ["Printer on fire 🔥🖨️", "לא מצליח להתחבר", "无法登录账户"]
GOOD_CSV = "title,description,category,priority,status\n" + "".join(
    f'"{title}",Details of {n},technical,high,open\n' for n, title in enumerate(TITLES)
)
# Line 3 holds the one bad row (an unknown priority).
BAD_CSV = (
    "title,description,category,priority\n"
    "VPN drops,Every hour,technical,high\n"
    "Invoice twice,Charged twice,billing,urgent\n"
    "Password reset,Link expired,account,low\n"
)


@pytest.fixture
def window(make_app, database_url: str) -> MainWindow:
    return make_app(url=database_url, tab="tickets").window


def choose(dialog: QFileDialog, path: Path) -> None:
    """What the user does in the file dialog: pick the file, press Open/Save."""
    dialog.selectFile(str(path))
    dialog.accept()


def stored_titles(database_url: str) -> list[str]:
    with service_at(database_url) as service:
        return sorted(t.title for t in service.iterate())


def test_importing_a_good_csv_adds_its_tickets(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, database_url: str
) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    transfer = window.transfer
    assert [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()][:5] == [
        "&Settings…",
        "Team &mailbox…",
        "SLA targets and &business hours…",
        "&Import CSV…",
        "&Export CSV…",
    ]
    assert transfer.import_action.isEnabled()
    changes: list[Change] = []
    window.context.tickets_changed.connect(changes.append)
    with qtbot.waitSignal(transfer.progress, timeout=15_000) as progress:
        choose(transfer.choose_import_file(), path)
        assert transfer.progress_dialog is not None and transfer.progress_dialog.isVisible()
        assert not transfer.import_action.isEnabled()  # one transfer at a time
    assert progress.args == [3, 3]
    # The list and the dashboard reload (on PostgreSQL the live feed may say so first, as a colleague's change).
    qtbot.waitUntil(lambda: Change.unknown(ChangeKind.IMPORTED) in changes, timeout=15_000)
    assert stored_titles(database_url) == sorted(TITLES)
    model = window.tickets_tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10_000)
    assert transfer.progress_dialog is None
    qtbot.waitUntil(transfer.export_action.isEnabled, timeout=5_000)


def test_importing_a_bad_csv_stores_nothing_and_names_the_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, database_url: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    transfer = window.transfer
    choose(transfer.choose_import_file(), path)
    qtbot.waitUntil(lambda: transfer.message_box is not None, timeout=15_000)
    text = transfer.message_box.text()
    assert "Could not import bad.csv: nothing was stored." in text
    assert "line 3:" in text and "urgent" in text
    assert stored_titles(database_url) == []
    assert transfer.import_action.isEnabled() and transfer.progress_dialog is None
    transfer.message_box.accept()  # read and closed, as the user does


def test_export_writes_every_ticket_and_leaves_no_partial_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    with service_at(database_url, clock) as service:
        for title in TITLES:
            service.create(TicketDraft(title, "Details", Category.TECHNICAL, Priority.HIGH))
    transfer = window.transfer
    window.context.ops.announce(Change.unknown(ChangeKind.BY_COLLEAGUE))  # what the live feed says
    qtbot.waitUntil(transfer.export_action.isEnabled, timeout=5_000)
    target = tmp_path / "out.csv"
    target.write_text("an older export\n", encoding="utf-8")  # replaced whole
    choose(transfer.choose_export_file(), target)
    question = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "“out.csv” already exists" in question.text()
    with qtbot.waitSignal(heard(window.context).posted, timeout=15_000) as notice:
        question.button(QMessageBox.StandardButton.Yes).click()  # "Replace"
    assert notice.args == [f"Exported 3 tickets to {target}.", "success"]
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["title", "description", "category", "priority", "status", "created_at", "external_id"]
    assert [row[0] for row in rows[1:]] == TITLES  # oldest first, exactly as stored
    assert not (tmp_path / "out.csv.partial").exists()


def test_an_export_that_fails_leaves_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    with service_at(database_url, clock) as service:
        service.create(TicketDraft("VPN drops", "Every hour", Category.TECHNICAL, Priority.HIGH))
    transfer = window.transfer
    window.context.ops.announce(Change.unknown(ChangeKind.RELOAD))
    qtbot.waitUntil(transfer.export_action.isEnabled, timeout=5_000)
    target = tmp_path / "gone" / "out.csv"  # a folder removed after it was chosen
    transfer.start_export(str(target))
    qtbot.waitUntil(lambda: transfer.message_box is not None, timeout=15_000)
    assert "Could not export to out.csv" in transfer.message_box.text()
    assert not target.parent.exists()
    assert transfer.export_action.isEnabled()
    transfer.message_box.accept()


def test_export_is_disabled_while_there_are_no_tickets(qtbot: QtBot, window: MainWindow) -> None:
    transfer = window.transfer
    qtbot.waitUntil(lambda: transfer.ticket_count == 0, timeout=5_000)
    assert not transfer.export_action.isEnabled()
    assert transfer.import_action.isEnabled()
    draft = TicketDraft("VPN drops", "Every hour", Category.TECHNICAL, Priority.HIGH)
    window.context.writes.submit(window, draft)
    qtbot.waitUntil(transfer.export_action.isEnabled, timeout=5_000)


def test_transfers_wait_for_the_database(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    context, window = build_window(settings, clock=clock)  # the database is never opened
    qtbot.addWidget(window)
    assert not window.transfer.import_action.isEnabled()
    assert not window.transfer.export_action.isEnabled()
    context.tasks.wait_idle()  # the window's first reads (the outbox) answer before it goes
    qtbot.wait(10)
    context.close()


def test_file_dialogs_open_in_the_documents_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the working directory is never where a dialog opens
    home = Path.home()
    dialog = window.transfer.choose_import_file()
    assert Path(dialog.directory().absolutePath()) == home  # no documents folder: home
    dialog.reject()
    (home / "Documents").mkdir()
    assert Path(documents_dir()) == home / "Documents"
    dialog = window.transfer.choose_export_file()
    assert Path(dialog.directory().absolutePath()) == home / "Documents"
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.selectedFiles()[0].endswith("tickets.csv")
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal  # open(), not exec()
    dialog.reject()


def test_cancel_stops_an_import_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, database_url: str
) -> None:
    path = tmp_path / "big.csv"
    rows = "".join(f"Ticket {n},Imported,technical,high\n" for n in range(12_000))  # three batches
    path.write_text("title,description,category,priority\n" + rows, encoding="utf-8")
    transfer = window.transfer
    with qtbot.waitSignal(heard(window.context).posted, timeout=30_000) as notice:
        transfer.start_import(str(path))
        transfer.progress_dialog.findChild(QPushButton).click()  # Cancel, before the first batch is counted
    assert notice.args == ["Import stopped: nothing was stored.", "info"]
    assert stored_titles(database_url) == []
    assert transfer.import_action.isEnabled() and transfer.progress_dialog is None
