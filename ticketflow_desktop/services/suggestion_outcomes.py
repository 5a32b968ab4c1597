"""Suggestions kept per source and per week: are the agents taking what the model says, and is it getting
better? (Corrections are the signal the local model learns from.)"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from ticketflow_desktop.domain import SuggestionSource
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.suggestion_outcomes import outcomes_since


@dataclass(frozen=True)
class WeekAcceptance:
    week: date  # the Monday (UTC) the week starts on
    source: SuggestionSource
    suggested: int  # tickets submitted with a suggestion from this source
    kept: int  # ...whose category and priority were submitted as suggested

    @property
    def share(self) -> float:
        return self.kept / self.suggested if self.suggested else 0.0


@dataclass(frozen=True)
class SuggestionOutcomes:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    def acceptance_by_week(self, weeks: int = 12) -> list[WeekAcceptance]:
        """The last `weeks` weeks (this one included), oldest first; weeks without suggestions are left out."""
        if weeks < 1:
            raise ValueError("at least one week")
        today = self.clock.now().astimezone(UTC).date()
        first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
        since = datetime.combine(first_monday, time(), UTC)
        with self.database.reading() as session:
            rows = outcomes_since(session, since)
        suggested: Counter[tuple[date, str]] = Counter()
        kept: Counter[tuple[date, str]] = Counter()
        for created_at, source, accepted in rows:
            day = created_at.astimezone(UTC).date()
            key = (day - timedelta(days=day.weekday()), source)
            suggested[key] += 1
            kept[key] += accepted
        return [
            WeekAcceptance(week, SuggestionSource(source), suggested[(week, source)], kept[(week, source)])
            for week, source in sorted(suggested)
        ]
