"""The dashboard's suggestion acceptance: per week and source, the share of suggestions the agents kept.

Corrections are what the local model learns from: a falling line says the model no longer fits the
team's tickets. Built like sla_charts.py's (imported with pyqtgraph when the dashboard is first shown);
a week without suggestions from a source gets no point rather than a misleading 0 %.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from ticketflow_desktop.domain import SuggestionSource
from ticketflow_desktop.services.suggestion_outcomes import WeekAcceptance
from ticketflow_desktop.ui.dashboard.charts import _plot_widget, _style_axes, day_x
from ticketflow_desktop.ui.dashboard.sla_charts import percent_axis
from ticketflow_desktop.ui.theme import Tokens

SOURCE_NAMES = {SuggestionSource.LOCAL: "Local model", SuggestionSource.LLM: "Language model"}
HALF_WEEK_S = 3.5 * 86_400


def source_colours(tokens: Tokens) -> dict[SuggestionSource, str]:
    return {SuggestionSource.LOCAL: tokens.accent, SuggestionSource.LLM: tokens.warning}


class AcceptanceTrend:
    """Per cent of suggestions kept as suggested (category and priority), one line per source."""

    def __init__(self, tokens: Tokens) -> None:
        self.widget = _plot_widget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        percent_axis(self.widget)
        self.weeks: list[WeekAcceptance] = []
        self.curves = {
            source: self.widget.plot([], [], symbol="o", symbolSize=5, connect="finite") for source in SuggestionSource
        }
        self.apply_tokens(tokens)

    def set_weeks(self, weeks: Sequence[WeekAcceptance]) -> None:
        self.weeks = list(weeks)
        for source, curve in self.curves.items():
            mine = [w for w in self.weeks if w.source is source and w.suggested]
            curve.setData([day_x(w.week) for w in mine], [100.0 * w.share for w in mine])
        # No weeks: no dates either (the empty axis spans the epoch's first second: "00.250", "00.500").
        self.widget.getAxis("bottom").setStyle(showValues=bool(self.weeks))
        if self.weeks:
            first, last = min(w.week for w in self.weeks), max(w.week for w in self.weeks)
            self.widget.setXRange(day_x(first) - HALF_WEEK_S, day_x(last) + HALF_WEEK_S, padding=0)

    def totals(self) -> dict[SuggestionSource, tuple[int, int]]:
        """(kept, suggested) per source over the weeks shown, for the legend."""
        return {
            source: (
                sum(w.kept for w in self.weeks if w.source is source),
                sum(w.suggested for w in self.weeks if w.source is source),
            )
            for source in SuggestionSource
        }

    def legend_html(self, tokens: Tokens) -> str:
        colours = source_colours(tokens)
        items = []
        for source, (kept, suggested) in self.totals().items():
            figure = f"<b>{kept:,}</b> of {suggested:,} kept" if suggested else "none suggested"
            items.append(f'<span style="color:{colours[source]}">■</span>&nbsp;{SOURCE_NAMES[source]}&nbsp;{figure}')
        return f'<span style="color:{tokens.text}">' + "&nbsp;&nbsp;&nbsp; ".join(items) + "</span>"

    def apply_tokens(self, tokens: Tokens) -> None:
        _style_axes(self.widget, tokens)
        for source, colour in source_colours(tokens).items():
            curve = self.curves[source]
            curve.setPen(pg.mkPen(colour, width=2))
            curve.setSymbolBrush(colour)
            curve.setSymbolPen(colour)
