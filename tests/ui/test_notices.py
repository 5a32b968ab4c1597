"""Notices and error words: plain Python that the window shows; the words a user reads for each error."""

from __future__ import annotations

import subprocess
import sys

from pytestqt.qtbot import QtBot

from tests.clock import TEST_NOW
from ticketflow_desktop.domain import (
    Category,
    Conflict,
    NotFound,
    Priority,
    Status,
    StorageUnavailable,
    Ticket,
    ValidationError,
)
from ticketflow_desktop.domain.errors import FieldError, PermissionDenied, SchemaBehind
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.notices import Action, Notice, Notifier, Severity
from ticketflow_desktop.ui.widgets.toast import ToastHost
from ticketflow_desktop.ui.words import BUG_WORDS, error_words


def test_the_plain_python_modules_import_no_qt() -> None:
    code = (
        "import sys\n"
        "import ticketflow_desktop.ui.notices, ticketflow_desktop.ui.changes, ticketflow_desktop.ui.words\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(qt)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_subscribers_hear_notices_and_withdrawals_until_they_unsubscribe() -> None:
    notifier = Notifier()
    heard: list[Notice] = []
    withdrawn: list[object] = []
    unsubscribe = notifier.subscribe(heard.append, withdrawn.append)
    about = object()
    undo = Action("Undo", lambda: None)
    notifier.success("3 tickets changed.", action=undo, about=about)
    notifier.post("Careful.", "warning")
    notifier.withdraw(about)
    unsubscribe()
    notifier.info("Nobody hears this.")
    assert [(n.text, n.severity, n.action) for n in heard] == [
        ("3 tickets changed.", Severity.SUCCESS, undo),
        ("Careful.", Severity.WARNING, None),
    ]
    assert heard[0].about is about and withdrawn == [about]
    assert Severity.WARNING == "warning"  # a StrEnum: settings and style sheets keep their strings


def test_the_toast_host_shows_what_the_notifier_is_told(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    host = ToastHost(window)
    notifier = Notifier()
    host.follow(notifier)
    pressed: list[str] = []
    about = object()
    notifier.error("Ticket #4 was not changed.", action=Action("Reload", lambda: pressed.append("reload")), about=about)
    notifier.info("Saved.")
    assert host.visible_texts == ["Ticket #4 was not changed.", "Saved."]
    assert host._toasts[0].kind == "error"
    notifier.withdraw(about)
    qtbot.waitUntil(lambda: host.visible_texts == ["Saved."])
    window.deleteLater()
    qtbot.waitUntil(lambda: not host_alive(host))
    notifier.info("After the window went: nobody draws it, nothing breaks.")


def host_alive(host: ToastHost) -> bool:
    import shiboken6

    return shiboken6.isValid(host)


def _ticket() -> Ticket:
    return Ticket(
        id=5,
        title="Printer",
        description="Jams",
        category=Category.GENERAL,
        priority=Priority.LOW,
        status=Status.IN_PROGRESS,
        created_at=TEST_NOW,
        updated_at=TEST_NOW,
        version=3,
    )


def test_each_kind_of_error_has_its_words() -> None:
    queued = Queued(9, "update", "The database is locked by another program.")
    assert error_words(queued, "Ticket #5", "was not changed") == (
        "Ticket #5: The database is locked by another program. The change is kept in the outbox "
        "and will be sent when the database is back."
    )  # not "was not changed": it will be
    conflict = Conflict(_ticket(), ("status",))
    assert error_words(conflict, "Ticket #5", "was not changed") == (
        "Ticket #5 was changed by someone else meanwhile (Status); your change was not saved."
    )
    invalid = ValidationError([FieldError("title", "Title is required."), FieldError("status", "Not allowed.")])
    assert error_words(invalid) == "Title is required.; Not allowed."
    assert error_words(invalid, "Ticket #5", "was not changed") == (
        "Ticket #5 was not changed: Title is required.; Not allowed."
    )
    away = StorageUnavailable("The database server cannot be reached at db:5432")
    assert error_words(away) == "The database server cannot be reached at db:5432."
    assert error_words(away, "Ticket #5") == (
        "Ticket #5 was not saved: the database is unreachable. The database server cannot be reached at db:5432."
    )
    denied = PermissionDenied("agent", "delete tickets")
    assert error_words(denied) == "Your database role (agent) may not delete tickets — ask an administrator."
    behind = SchemaBehind("0002", "0003")
    assert "ask an administrator" in error_words(behind)
    assert error_words(NotFound(12)) == "Ticket #12 does not exist (any more)."
    assert error_words(KeyError("title")) == BUG_WORDS  # a bug: short words, the crash dialog has the rest
    assert "title" not in error_words(KeyError("title"))
