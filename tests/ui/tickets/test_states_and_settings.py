"""The error state and its recovery; column widths kept across restarts."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, make_url, text

from tests.ui.tickets.conftest import settled
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.tickets.model import COL_CATEGORY


@pytest.mark.postgresql  # its own database on the server, not the session's fixture
def test_unreachable_database_shows_the_error_state_and_recovers(qtbot: QtBot, tmp_path: Path) -> None:
    admin_url = os.environ.get("TICKETFLOW_TEST_DATABASE_URL")
    if not admin_url:
        pytest.skip("needs TICKETFLOW_TEST_DATABASE_URL")
    admin = create_engine(make_url(admin_url).set(drivername="postgresql+psycopg2"), isolation_level="AUTOCOMMIT")
    name = f"tf_tickets_err_{uuid.uuid4().hex[:8]}"
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    open_database(url, upgrade=True).dispose()  # an administrator's `ticketflow db upgrade`
    try:
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        context, window = build_window(settings)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(context.database_opened, timeout=15_000):
            context.open(url)
        tab = window.tickets_tab
        qtbot.waitUntil(lambda: settled(tab.model))
        with admin.connect() as connection:  # the server loses the database under us
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        tab.refresh()
        qtbot.waitUntil(lambda: tab.model.state == "error", timeout=15_000)
        assert tab.stack.currentWidget() is tab.state_page
        assert tab.state_page.heading.text() == "Database unreachable — retrying"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        open_database(url, upgrade=True).dispose()
        qtbot.waitUntil(lambda: tab.model.state == "first_launch", timeout=20_000)  # retried by itself
        window.close()
        context.tasks.wait_idle()
        context.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_column_widths_are_remembered(qtbot: QtBot, open_app, seed) -> None:
    seed(5)
    app = open_app()
    header = app.tab.table.horizontalHeader()
    header.resizeSection(COL_CATEGORY, 171)
    qtbot.waitUntil(lambda: app.settings.value("tickets_header") is not None, timeout=3000)
    app.window.close()
    again = open_app()
    assert again.tab.table.horizontalHeader().sectionSize(COL_CATEGORY) == 171
