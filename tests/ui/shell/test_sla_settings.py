"""File → SLA targets and business hours…: the stored settings are shown, a save stores them all at once
and moves the open tickets' dues, bad input is named at its field with nothing stored, and on a team
database an agent's save is refused by the database and said in the dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.team.conftest import Team, team  # noqa: F401 - the fixture
from tests.ui.harness import App
from tests.ui.notices import heard
from ticketflow_desktop.domain import Category, Priority, TicketDraft
from ticketflow_desktop.domain.sla import SlaPolicy
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.dialogs.sla_settings import SlaSettingsDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # dialogs, offscreen


def _open(qtbot: QtBot, app: App) -> SlaSettingsDialog:
    app.window.sla_action.trigger()
    dialog = app.window.sla_dialog
    assert isinstance(dialog, SlaSettingsDialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None or dialog.error.text().startswith("Could not"), timeout=10_000)
    return dialog


def test_the_stored_settings_are_shown_and_a_save_stores_them_and_moves_dues(
    qtbot: QtBot, make_app: Callable[..., App], service: TicketService
) -> None:
    sla = SlaService(service.database, service.clock)
    sla.set_calendar("Mon-Fri 09:00-17:00", "Europe/Berlin")
    sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))
    ticket = service.create(TicketDraft("Printer", "Jammed", Category.TECHNICAL, Priority.CRITICAL))
    assert ticket.sla.resolution_due is None  # no policy for critical yet
    app = make_app()
    told = heard(app.context)
    dialog = _open(qtbot, app)
    assert dialog.hours.text() == "Mon-Fri 09:00-17:00" and dialog.zone.text() == "Europe/Berlin"
    assert (dialog.first[Priority.HIGH].text(), dialog.resolution[Priority.HIGH].text()) == ("1h", "8h")
    assert dialog.first[Priority.CRITICAL].text() == "" and dialog.first[Priority.CRITICAL].hasFocus()

    qtbot.keyClicks(dialog.first[Priority.CRITICAL], "30m")
    dialog.resolution[Priority.CRITICAL].setText("4h")
    dialog.first[Priority.HIGH].clear()  # both empty: high no longer has a policy
    dialog.resolution[Priority.HIGH].clear()
    dialog.hours.setText("Mon-Sun 00:00-24:00")
    dialog.holidays.setText("2026-12-25 2026-12-26")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save is the default button
    qtbot.waitUntil(lambda: app.window.sla_dialog is None, timeout=10_000)  # closed, and deleted

    assert sla.policies() == {Priority.CRITICAL: SlaPolicy(Priority.CRITICAL, 30, 240)}
    calendar = sla.calendar()
    assert (calendar.hours, calendar.zone) == ("Mon-Sun 00:00-24:00", "Europe/Berlin")
    assert [d.isoformat() for d in calendar.holidays] == ["2026-12-25", "2026-12-26"]
    assert service.get(ticket.id).sla.resolution_due is not None  # the open ticket got its dues
    assert told.texts == ["SLA settings saved; 1 open ticket got new dues"]
    told.close()


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("first", "soon", "High: 'soon' is not a duration like 30m, 1h, 1h30m or 2d."),
        ("resolution", "400d", "High: Give the resolution time between 1 minute and 366 days."),
        ("zone", "Mars/Olympus", "'Mars/Olympus' is not a time zone (write e.g. Europe/Berlin)."),
        ("hours", "weekdays", "'weekdays' is not like 'Mon-Fri 09:00-17:00'."),
        ("holidays", "2026-12-25, Christmas", "'Christmas' is not a date like 2026-12-25."),
    ],
)
def test_bad_input_is_named_at_its_field_and_nothing_is_stored(
    qtbot: QtBot, make_app: Callable[..., App], service: TicketService, field: str, text: str, words: str
) -> None:
    sla = SlaService(service.database, service.clock)
    sla.set_policy(SlaPolicy(Priority.HIGH, 60, 8 * 60))
    app = make_app()
    dialog = _open(qtbot, app)
    edit = {"first": dialog.first[Priority.HIGH], "resolution": dialog.resolution[Priority.HIGH]}.get(field)
    edit = edit or getattr(dialog, field)
    edit.setText(text)
    dialog.first[Priority.LOW].setText("2h")  # a good change beside the bad one is not stored either
    dialog.resolution[Priority.LOW].setText("2d")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.error.text() == words
    assert edit.property("invalid") is True and edit.hasFocus()
    assert sla.policies() == {Priority.HIGH: SlaPolicy(Priority.HIGH, 60, 480)}
    dialog.reject()


@pytest.mark.postgresql
def test_an_agent_may_not_change_them_and_the_dialog_says_so(
    qtbot: QtBot,
    make_app: Callable[..., App],
    team: Team,  # noqa: F811
) -> None:
    app = make_app(url=team.urls["agent"])
    dialog = _open(qtbot, app)
    dialog.first[Priority.HIGH].setText("1h")
    dialog.resolution[Priority.HIGH].setText("8h")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "may not" in dialog.error.text(), timeout=10_000)
    assert "change the SLA targets or business hours" in dialog.error.text()
    assert dialog.isVisible() and dialog.first[Priority.HIGH].text() == "1h"  # what was typed stays
    lead = team.service("lead")
    try:
        assert SlaService(lead.database).policies() == {}
    finally:
        lead.database.dispose()
    dialog.reject()


@pytest.mark.postgresql
def test_a_lead_saves_them_and_the_database_recomputes_the_dues(
    qtbot: QtBot,
    make_app: Callable[..., App],
    team: Team,  # noqa: F811
) -> None:
    lead = team.service("lead")
    try:
        ticket = lead.create(TicketDraft("Printer", "Jammed", Category.TECHNICAL, Priority.HIGH))
        app = make_app(url=team.urls["lead"])
        told = heard(app.context)
        dialog = _open(qtbot, app)
        dialog.first[Priority.HIGH].setText("1h")  # one change: the trigger's own count
        dialog.resolution[Priority.HIGH].setText("8h")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: app.window.sla_dialog is None, timeout=10_000)
        assert told.texts == ["SLA settings saved; 1 open ticket got new dues"]
        assert lead.get(ticket.id).sla.resolution_due is not None

        dialog = _open(qtbot, app)  # two changes: each recomputed by its trigger, not summed
        dialog.resolution[Priority.HIGH].setText("16h")
        dialog.zone.setText("Europe/Berlin")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: app.window.sla_dialog is None, timeout=10_000)
        assert told.texts[-1] == "SLA settings saved; the open tickets' dues were recomputed"
        assert SlaService(lead.database).policies()[Priority.HIGH].resolution_minutes == 16 * 60
        told.close()
    finally:
        lead.database.dispose()
