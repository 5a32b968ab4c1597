"""The window on a team database: who you are, a viewer's read-only app, and a schema behind."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.team.conftest import Team, team  # noqa: F401 - the fixture, for the window's tests
from tests.ui.harness import App
from tests.ui.tickets.conftest import settled
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.ui.tickets.model import COL_TITLE

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # dialogs, offscreen


def test_on_sqlite_you_are_this_computers_login(qtbot: QtBot, make_app: Callable[..., App]) -> None:
    app = make_app()
    qtbot.waitUntil(lambda: app.window.identity_label.text() != "", timeout=10_000)
    assert app.window.identity_label.text() == f"{getpass.getuser()} · this computer"
    assert app.window.submit_tab.submit_button.isEnabled() or not app.window.submit_tab.read_only_note.isVisible()


@pytest.mark.postgresql
def test_a_viewer_gets_a_clearly_read_only_app(qtbot: QtBot, make_app: Callable[..., App], team: Team) -> None:  # noqa: F811
    service = team.service("lead")
    try:
        service.create(TicketDraft("Printer", "Jammed", Category.TECHNICAL, Priority.LOW))
    finally:
        service.database.dispose()
    app = make_app(url=team.urls["viewer"])
    window = app.window
    qtbot.waitUntil(lambda: window.identity_label.text() == "Viewer Tester · viewer", timeout=15_000)
    assert window.windowTitle() == "TicketFlow — read-only"
    submit = window.submit_tab
    assert not submit.submit_button.isEnabled() and not submit.title_edit.isEnabled()
    assert submit.read_only_note.text().startswith("Read-only: your role (viewer) may read tickets")
    assert not window.transfer.import_action.isEnabled()  # an import is an administrator's load
    qtbot.waitUntil(lambda: settled(app.model) and app.model.rowCount() == 1, timeout=15_000)
    index = app.model.index(0, COL_TITLE)
    assert index.data() == "Printer"
    assert not app.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    actions = window.tickets_tab.ticket_actions
    assert not any(a.isEnabled() for group in actions.set_value.values() for a in group)
    assert not actions.edit_cell.isEnabled()
    detail = window.tickets_tab.detail
    assert detail.title.isReadOnly() and not detail.save_button.isVisibleTo(detail)


@pytest.mark.postgresql
@pytest.mark.expect_log("ticketflow_desktop.ui.connection", "needs an upgrade", level=logging.ERROR)
def test_a_schema_behind_is_said_in_place_and_the_owner_may_upgrade(
    qtbot: QtBot,
    make_app: Callable[..., App],
    team: Team,  # noqa: F811
) -> None:
    from alembic import command

    from ticketflow_desktop.services.team import upgrade_database
    from ticketflow_desktop.storage.migrate import alembic_config, head_revision

    with team.owner.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004_external_id")
    try:
        agent_app = make_app(url=team.urls["agent"], open_database=False)
        agent_app.context.open(team.urls["agent"])
        page = agent_app.window.tickets_tab.state_page
        qtbot.waitUntil(lambda: page.heading.text() == "This database is older than this TicketFlow", timeout=15_000)
        assert f"needs an upgrade to schema {head_revision()}" in page.body.text()
        page.button.click()
        dialog = agent_app.window.tickets_tab.upgrade_dialog
        qtbot.waitUntil(lambda: "Only its owner can upgrade it" in dialog.text.text(), timeout=15_000)
        assert not dialog.upgrade_button.isVisible()
        dialog.reject()

        owner_app = make_app(url=team.owner.url, open_database=False)
        owner_app.context.open(team.owner.url)
        owner_page = owner_app.window.tickets_tab.state_page
        qtbot.waitUntil(
            lambda: owner_page.heading.text() == "This database is older than this TicketFlow", timeout=15_000
        )
        owner_page.button.click()
        owner_dialog = owner_app.window.tickets_tab.upgrade_dialog
        qtbot.waitUntil(lambda: owner_dialog.upgrade_button.isEnabled(), timeout=15_000)
        assert owner_dialog.text.text().startswith("Upgrade the team's database from schema 0004_external_id")
        with qtbot.waitSignal(owner_app.context.database_opened, timeout=30_000):
            owner_dialog.upgrade_button.click()
    finally:
        upgrade_database(team.owner.url)  # whatever happened: the session's database at head again
