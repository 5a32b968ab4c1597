"""The one clock the app reads for "now" and "today" (UTC), injectable so tests can move time.

Times a team shares will come from the database's now(); this clock serves everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that stands still until moved (tests, benchmarks, reproducible seeds)."""

    at: datetime = field(default_factory=lambda: datetime(2026, 6, 15, 12, tzinfo=UTC))

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("a FixedClock needs a timezone-aware time")

    def now(self) -> datetime:
        return self.at

    def advance(self, delta: timedelta) -> None:
        self.at += delta


def today(clock: Clock) -> date:
    """The current UTC day of `clock`."""
    return clock.now().date()


SYSTEM_CLOCK: Clock = SystemClock()
