"""The first run's one question: work alone, or join a team from an invitation, tested before saving."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.team.conftest import Team, team  # noqa: F401 - the fixture
from tests.ui.harness import App
from ticketflow_desktop.storage.invitation import invitation_for
from ticketflow_desktop.ui.app import ask_where_tickets_live
from ticketflow_desktop.ui.dialogs.first_run import FirstRunDialog, is_first_run

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # dialogs, offscreen


def test_only_a_new_user_is_asked(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ticketflow_desktop import config

    monkeypatch.setattr(config, "data_dir", lambda: tmp_path)
    assert is_first_run(False, None)
    assert not is_first_run(True, None)  # answered before
    assert not is_first_run(False, "postgresql://alice@db/tickets")  # a database is named
    (tmp_path / "tickets.sqlite3").write_bytes(b"")
    assert not is_first_run(False, None)  # a user of an earlier version: their file is there


def test_working_alone_opens_the_embedded_database(qtbot: QtBot, make_app: Callable[..., App]) -> None:
    app = make_app(open_database=False)
    dialog = ask_where_tickets_live(app.context, app.window)
    assert isinstance(dialog, FirstRunDialog) and dialog.alone.isChecked() and not dialog.team_box.isEnabled()
    with qtbot.waitSignal(app.context.database_opened, timeout=15_000):
        dialog.continue_button.click()
    assert app.context.settings.get("first_run_done") is True
    assert app.context.database_description.startswith("SQLite")


def test_a_bad_invitation_says_why(qtbot: QtBot, make_app: Callable[..., App]) -> None:
    app = make_app(open_database=False)
    dialog = ask_where_tickets_live(app.context, app.window)
    dialog.invitation.setText("ticketflow://join?host=db&database=t&login=a&password=hunter2")
    assert "carries a password" in dialog.answer.text()
    assert dialog.host.text() == ""  # nothing filled in from it
    dialog.team.setChecked(True)
    dialog.continue_button.click()
    assert dialog.answer.text().startswith("Give the server, the database and your login")
    dialog.reject()


@pytest.mark.postgresql
def test_joining_a_team_from_an_invitation(qtbot: QtBot, make_app: Callable[..., App], team: Team) -> None:  # noqa: F811
    from sqlalchemy import make_url

    app = make_app(open_database=False)
    dialog = ask_where_tickets_live(app.context, app.window)
    invitation = invitation_for(team.owner.url, team.logins["agent"])
    dialog.invitation.setText(invitation.link())
    assert dialog.team.isChecked() and dialog.login.text() == team.logins["agent"]
    assert dialog.host.text() == make_url(team.owner.url).host
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.answer.text() == "You are Agent Tester, agent, in Billing.", timeout=15_000)
    with qtbot.waitSignal(app.context.database_opened, timeout=15_000):
        dialog.continue_button.click()
    assert app.context.settings.get("database_url") == invitation.url()
    qtbot.waitUntil(lambda: app.window.identity_label.text() == "Agent Tester · agent · Billing", timeout=15_000)
