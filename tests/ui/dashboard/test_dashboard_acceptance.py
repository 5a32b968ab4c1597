"""The dashboard's "Suggestions kept per week" chart holds the service's numbers per source and week, its
legend says how many were kept of how many, and the CSV carries them (issue 22)."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.clock import TEST_NOW
from tests.databases import service_at
from tests.ui.dashboard.test_dashboard_tab import context, shown_tab  # noqa: F401 - `context` is a fixture
from ticketflow_desktop.domain import Category, Priority, Suggestion, SuggestionSource, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.domain.sla import week_of
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dashboard.charts import day_x
from ticketflow_desktop.ui.dashboard.export import export_csv
from ticketflow_desktop.ui.theme import DARK, LIGHT, ThemeManager

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # a first top level, offscreen

LLM = Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LLM, model="m")
LOCAL = Suggestion(Category.TECHNICAL, Priority.LOW, SuggestionSource.LOCAL, model="local", confidence=0.8)


def _submit(service, suggestion: Suggestion, kept: bool) -> None:
    priority = suggestion.priority if kept else Priority.CRITICAL
    service.create(TicketDraft("Submitted", "With a suggestion", suggestion.category, priority, suggestion=suggestion))


def test_kept_suggestions_per_week_and_source_are_drawn_and_saved(
    qtbot: QtBot,
    context: AppContext,  # noqa: F811
    database_url: str,
    tmp_path: Path,
) -> None:
    clock = FixedClock(TEST_NOW - timedelta(days=8))
    with service_at(database_url, clock) as service:
        _submit(service, LOCAL, kept=True)  # last week: the local model, 1 of 2 kept
        _submit(service, LOCAL, kept=False)
        clock.at = TEST_NOW - timedelta(hours=2)
        for kept in (True, True, True, False):  # this week: the local model 3 of 4, the language model 1 of 1
            _submit(service, LOCAL, kept)
        _submit(service, LLM, kept=True)
        service.create(TicketDraft("Typed", "No suggestion", Category.GENERAL, Priority.LOW))  # not counted
    tab = shown_tab(qtbot, context)
    qtbot.waitUntil(lambda: tab.acceptance_weeks is not None, timeout=15_000)

    this_week, last_week = week_of(TEST_NOW.date()), week_of(TEST_NOW.date() - timedelta(days=8))
    local_xs, local_ys = tab.acceptance.curves[SuggestionSource.LOCAL].getData()
    llm_xs, llm_ys = tab.acceptance.curves[SuggestionSource.LLM].getData()
    assert dict(zip(local_xs, local_ys, strict=True)) == {day_x(last_week): 50.0, day_x(this_week): 75.0}
    assert dict(zip(llm_xs, llm_ys, strict=True)) == {day_x(this_week): 100.0}  # no point where none was made
    legend = tab.panels["acceptance"].legend.text()
    assert "Local model&nbsp;<b>4</b> of 6 kept" in legend and "Language model&nbsp;<b>1</b> of 1 kept" in legend

    path = tmp_path / "dashboard.csv"
    assert tab.dashboard is not None
    export_csv(tab.dashboard, path, tab.sla_attainment, tab.acceptance_weeks)
    with path.open(encoding="utf-8") as handle:
        rows = [tuple(row) for row in csv.reader(handle)]
    assert ("suggestions_kept_per_week", f"{this_week.isoformat()} local", "3") in rows
    assert ("suggestions_made_per_week", f"{this_week.isoformat()} local", "4") in rows
    assert ("suggestions_made_per_week", f"{last_week.isoformat()} llm", "0") not in rows  # weeks without: none


def test_the_chart_follows_the_theme(qtbot: QtBot, context: AppContext) -> None:  # noqa: F811
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    theme = ThemeManager(app, "light")
    try:
        tab = shown_tab(qtbot, context, theme=theme)
        qtbot.waitUntil(lambda: tab.acceptance_weeks is not None, timeout=15_000)
        curve = tab.acceptance.curves[SuggestionSource.LOCAL]
        assert curve.opts["pen"].color().name() == LIGHT.accent
        theme.set_choice("dark")
        assert curve.opts["pen"].color().name() == DARK.accent
        assert tab.acceptance.widget.backgroundBrush().color().name() == DARK.surface
        assert DARK.text in tab.panels["acceptance"].legend.text()
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
        theme.deleteLater()
