"""What the Dashboard tab shows, as one frozen dataclass computed by services/analytics.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ticketflow_desktop.domain.enums import Category, Priority, Status, SuggestionSource

# The ranges the dashboard offers, in days; None means "all time".
RANGES: tuple[int | None, ...] = (7, 30, 90, 365, None)


def range_label(days: int | None) -> str:
    return "All time" if days is None else f"Last {days} days"


@dataclass(frozen=True)
class Dashboard:
    today: date
    range_days: int | None
    total: int
    by_status: dict[Status, int]  # every member, zeros included, in workflow order
    by_priority: dict[Priority, int]  # low -> critical
    by_category: dict[Category, int]
    # Created per calendar day from the first ticket's day to today, idle days included.
    avg_created_per_day: float
    median_resolution_seconds: float | None
    # (accepted, offered) per source, every source present.
    suggestions: dict[SuggestionSource, tuple[int, int]]
    # One entry per day of the range (per `bucket` on long spans: the first day of each), oldest first,
    # zeros included.
    days: tuple[date, ...]
    created: tuple[int, ...]
    resolved: tuple[int, ...]  # tickets that became resolved or closed that day
    backlog: tuple[int, ...]  # open + in progress at the end of each day
    bucket: str = "day"  # day | week | month | year | "N years"

    @property
    def is_empty(self) -> bool:
        return self.total == 0

    @property
    def active(self) -> int:
        # Not done yet: waiting on the customer still counts as work the team holds.
        return self.by_status[Status.OPEN] + self.by_status[Status.IN_PROGRESS] + self.by_status[Status.PENDING]

    def acceptance(self, source: SuggestionSource) -> float | None:
        """The share of that source's suggestions the agents kept, or None when it made none."""
        accepted, offered = self.suggestions[source]
        return accepted / offered if offered else None
