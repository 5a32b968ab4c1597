"""A SQLite file that is locked, read-only, on a full disk, damaged, or newer than the app: a clear
message each time, no crash, nothing half-written - and, where the write can wait, nothing lost.

Read-only is made two ways, because the tests run as root and root ignores file permissions:
SQLite's own read-only open (`?mode=ro`) and a read-only bind mount. The full disk is a real
512 KiB tmpfs mounted by the test. Both need root and `mount`; without them those cases skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ticketflow_desktop.domain import (
    Category,
    DatabaseTooNew,
    Priority,
    Status,
    StorageUnavailable,
    TicketChanges,
    TicketDraft,
)
from ticketflow_desktop.services.outbox import Outbox, Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import engine as engine_module
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.storage.outbox_store import OutboxStore
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings


def draft(title: str = "A ticket", size: int = 20) -> TicketDraft:
    return TicketDraft(title, "d" * size, Category.GENERAL, Priority.LOW)


def fresh_file(path: Path, tickets: int = 2) -> str:
    url = f"sqlite:///{path}"
    database = open_database(url)
    service = TicketService(database)
    for i in range(tickets):
        service.create(draft(f"existing {i}"))
    database.dispose()
    return url


def snapshot(url: str) -> tuple[int, int, int]:
    """Tickets, events and the summary's total: all three agree when nothing is half-written."""
    database = open_database(url)
    try:
        with database.reading() as session:
            return tuple(  # type: ignore[return-value]
                session.execute(text(q)).scalar_one()
                for q in (
                    "SELECT count(*) FROM tickets",
                    "SELECT count(*) FROM ticket_events",
                    "SELECT coalesce(sum(n), 0) FROM ticket_totals",
                )
            )
    finally:
        database.dispose()


def _can_mount() -> bool:
    return os.geteuid() == 0 and sys.platform.startswith("linux")


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)


_LOCKER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


@pytest.fixture
def locked_by_another_process(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    url = fresh_file(tmp_path / "locked.sqlite3")
    locker = subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(tmp_path / "locked.sqlite3")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    yield url, locker
    if locker.poll() is None:
        locker.stdin.close()  # type: ignore[union-attr]
        locker.wait(10)
    locker.stdout.close()
    if locker.stdin and not locker.stdin.closed:
        locker.stdin.close()


def release(locker: subprocess.Popen) -> None:
    locker.stdin.close()  # type: ignore[union-attr]
    locker.wait(10)


def test_a_file_locked_by_another_process_keeps_the_write_in_the_outbox(
    short_busy_timeout: None, locked_by_another_process: tuple[str, subprocess.Popen], tmp_path: Path
) -> None:
    url, locker = locked_by_another_process
    database = open_database(url)  # reading still works in WAL mode
    service = TicketService(database)
    try:
        assert service.count().value == 2
        with pytest.raises(StorageUnavailable, match="locked by another program"):
            service.create(draft("direct"))
        outbox = Outbox(OutboxStore(tmp_path / "outbox.sqlite3"), url, service)
        with pytest.raises(Queued, match=r"locked by another program.*kept in the outbox"):
            outbox.submit(draft("waits"))
        with pytest.raises(Queued):
            outbox.update(1, TicketChanges(status=Status.IN_PROGRESS), 1)
        assert snapshot(url) == (2, 2, 2)
        release(locker)
        assert [d.kind for d in outbox.flush()] == ["create", "update"]
        assert snapshot(url) == (3, 4, 3)
        assert service.get(1).status is Status.IN_PROGRESS
        outbox.store.close()
    finally:
        database.dispose()


def test_the_window_sends_what_waited_for_a_lock_by_itself(
    qtbot: QtBot, short_busy_timeout: None, locked_by_another_process: tuple[str, subprocess.Popen], tmp_path: Path
) -> None:
    url, locker = locked_by_another_process
    context, window = build_window(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(context.database_opened, timeout=10_000):
            context.open(url)
        outcome: list[BaseException] = []
        context.writes.submit(window, draft("typed during the lock"), on_failed=outcome.append)
        qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
        assert isinstance(outcome[0], Queued) and "locked" in str(outcome[0])
        qtbot.waitUntil(lambda: window.outbox_indicator.text() == "1 pending", timeout=5_000)
        release(locker)
        qtbot.waitUntil(lambda: not window.outbox_indicator.isVisible(), timeout=15_000)
        assert snapshot(url) == (3, 3, 3)
    finally:
        context.close()


def test_read_only_open_says_so_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    fresh_file(path)
    database = open_database(f"sqlite:///file:{path}?mode=ro&uri=true")
    service = TicketService(database)
    try:
        assert service.count().value == 2
        with pytest.raises(StorageUnavailable, match="read-only"):
            service.create(draft())
        with pytest.raises(StorageUnavailable, match="read-only"):
            service.update(1, TicketChanges(status=Status.IN_PROGRESS), 1)
    finally:
        database.dispose()
    assert snapshot(f"sqlite:///{path}") == (2, 2, 2)


def test_edits_in_the_list_and_the_panel_during_a_lock_are_kept_and_sent(
    qtbot: QtBot, short_busy_timeout: None, locked_by_another_process: tuple[str, subprocess.Popen], tmp_path: Path
) -> None:
    """An edit the database cannot take now waits in the outbox: the list and the panel say so and keep
    showing it (they said "was not changed" and rolled it back, and then it was saved)."""
    url, locker = locked_by_another_process
    context, window = build_window(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.tickets_tab)
    window.show()
    notices: list[tuple[str, str]] = []
    context.notices.subscribe(lambda notice: notices.append((notice.text, notice.severity)))
    try:
        with qtbot.waitSignal(context.database_opened, timeout=10_000):
            context.open(url)
        model, detail = window.tickets_tab.model, window.tickets_tab.detail
        qtbot.waitUntil(lambda: model.rowCount() == 2 and model.ticket_at(1) is not None, timeout=10_000)
        assert model.change([1], "status", Status.IN_PROGRESS) == [1]
        qtbot.waitUntil(lambda: any("#1" in text for text, _kind in notices), timeout=10_000)
        assert notices[-1][1] == "info" and "will be sent when the database is back" in notices[-1][0]
        assert not any("was not changed" in text for text, _kind in notices)
        assert model.ticket_at(model.row_of(1)).status is Status.IN_PROGRESS  # type: ignore[union-attr, arg-type]

        window.tickets_tab.select_ticket(2)
        qtbot.waitUntil(lambda: detail.ticket is not None and detail.ticket.id == 2, timeout=10_000)
        detail.title.setText("renamed during the lock")
        detail.save()
        qtbot.waitUntil(lambda: any("#2" in text for text, _kind in notices), timeout=10_000)
        assert "will be sent" in notices[-1][0] and not detail.save_button.isEnabled()
        assert detail.title.text() == "renamed during the lock"
        qtbot.waitUntil(lambda: window.outbox_indicator.text() == "2 pending", timeout=5_000)

        release(locker)
        qtbot.waitUntil(lambda: not window.outbox_indicator.isVisible(), timeout=15_000)
        database = open_database(url)
        try:
            service = TicketService(database)
            assert service.get(1).status is Status.IN_PROGRESS
            assert service.get(2).title == "renamed during the lock"
        finally:
            database.dispose()
        qtbot.waitUntil(lambda: model.ticket_at(model.row_of(1)).version == 2, timeout=10_000)  # type: ignore[union-attr, arg-type]
        assert model.ticket_at(model.row_of(1)).status is Status.IN_PROGRESS  # type: ignore[union-attr, arg-type]
        assert not any(kind == "error" for _text, kind in notices)
    finally:
        context.close()


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    if not _can_mount():
        pytest.skip("needs root and Linux to mount a tmpfs / bind mount")
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True)


def test_a_read_only_disk_says_so_and_writes_nothing(tmp_path: Path, mount_point: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    fresh_file(source / "t.sqlite3")
    bind = subprocess.run(
        f"mount --bind {source} {mount_point} && mount -o remount,ro,bind {mount_point}",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    if bind.returncode != 0:
        pytest.skip(f"cannot make a read-only bind mount here: {bind.stderr.strip()}")
    url = f"sqlite:///{mount_point / 't.sqlite3'}"
    # In WAL mode SQLite must create its shared-memory file next to the database, which a read-only
    # disk forbids: the file cannot even be opened for reading. The user is told, nothing changes.
    with pytest.raises(StorageUnavailable, match=r"read-only|cannot be opened"):
        database = open_database(url)
        try:
            TicketService(database).create(draft())
        finally:
            database.dispose()
    assert snapshot(f"sqlite:///{source / 't.sqlite3'}") == (2, 2, 2)


def test_a_full_disk_says_so_writes_nothing_half_and_recovers(mount_point: Path) -> None:
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    url = fresh_file(mount_point / "t.sqlite3", tickets=0)
    database = open_database(url)  # the app is running when the disk fills up
    service = TicketService(database)
    service.create(draft("before the disk filled"))
    filler = mount_point / "filler"
    with filler.open("wb", buffering=0) as out:  # take the rest of the disk
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    stored = 1
    try:
        with pytest.raises(StorageUnavailable, match="disk holding the database is full"):
            for i in range(200):
                service.create(draft(f"filling {i}", size=2000))
                stored += 1
        assert snapshot(url) == (stored, stored, stored)
        filler.unlink()  # the user frees some space
        service.create(draft("after freeing space"))
    finally:
        database.dispose()
    assert snapshot(url) == (stored + 1, stored + 1, stored + 1)


@pytest.mark.parametrize("damage", ["garbage", "zeroed pages", "truncated", "empty header"])
def test_a_damaged_file_is_refused_with_a_clear_message(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "damaged.sqlite3"
    fresh_file(path, tickets=30)
    data = bytearray(path.read_bytes())
    if damage == "garbage":
        data = bytearray(os.urandom(len(data)))
    elif damage == "zeroed pages":
        data[4096:] = bytes(len(data) - 4096)
    elif damage == "truncated":
        data = data[: len(data) // 3]
    else:
        data[:16] = b"not sqlite at al"
    path.write_bytes(bytes(data))
    with pytest.raises(StorageUnavailable, match=r"damaged|malformed") as caught:
        database = open_database(f"sqlite:///{path}")
        try:  # some damage is only found when the pages are read
            service = TicketService(database)
            service.page()
            service.create(draft())
        finally:
            database.dispose()
    assert str(path) not in str(caught.value)


def test_a_database_from_a_newer_app_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    url = fresh_file(path)
    database = open_database(url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    database.dispose()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer TicketFlow"):
        open_database(url)
    assert path.read_bytes() == before


@pytest.mark.parametrize("fault", ["damaged", "future"])
def test_the_window_shows_the_message_and_does_not_crash(qtbot: QtBot, tmp_path: Path, fault: str) -> None:
    path = tmp_path / "bad.sqlite3"
    url = fresh_file(path)
    if fault == "damaged":
        path.write_bytes(os.urandom(path.stat().st_size))
    else:
        database = open_database(url)
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        database.dispose()
    context, window = build_window(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(context.database_failed, timeout=10_000) as failed:
            context.open(url)
        expected = "damaged" if fault == "damaged" else "newer TicketFlow"
        assert expected in failed.args[0]
        from ticketflow_desktop.ui.widgets.toast import Toast

        assert any(expected in t.text for t in window.findChildren(Toast))  # where the user looks
    finally:
        context.close()
