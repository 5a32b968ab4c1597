"""Business hours: the team calendar SLA clocks count in (working days and hours, a time zone, holidays).

A minute is a business minute when, on the team's wall clock, it falls on a working day that is not a
holiday and within that day's hours. Times are real (UTC) minutes: on the night clocks go back, an
hour of wall-clock time that happens twice counts twice, and the hour skipped in spring does not
exist. Days without a clock change are counted as whole intervals; the two days a year with one are
counted minute by minute, so the rule above holds exactly (tests compare with a brute-force counter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ticketflow_desktop.domain.errors import FieldError, ValidationError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUTE = timedelta(minutes=1)
ONE_DAY = timedelta(days=1)
# `add` gives up after this many days without enough business time (a calendar of only holidays).
HORIZON_DAYS = 3 * 366
_DAYS_REMEMBERED = 8192  # days of intervals a calendar keeps (about 22 years' worth)
# A day's business time: its UTC intervals and their total minutes.
_Day: TypeAlias = tuple[tuple[tuple[datetime, datetime], ...], int]
_HOURS = re.compile(r"^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$", re.I)


def _bad(message: str) -> ValidationError:
    return ValidationError([FieldError("calendar", message)])


@dataclass(frozen=True)
class Calendar:
    """Working hours per weekday (0 = Monday) as minutes after local midnight: [start, end)."""

    zone: str = "UTC"
    hours: tuple[tuple[int, int, int], ...] = tuple((day, 9 * 60, 17 * 60) for day in range(5))
    holidays: frozenset[date] = frozenset()
    _tz: ZoneInfo = field(init=False, repr=False, compare=False)
    _days: dict[date, _Day] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "_tz", ZoneInfo(self.zone))
        except (ZoneInfoNotFoundError, ValueError):
            raise _bad(f"{self.zone!r} is not a time zone (write e.g. Europe/Berlin).") from None

    @classmethod
    def parse(cls, hours: str, zone: str = "UTC", holidays: tuple[date, ...] = ()) -> Calendar:
        """`Mon-Fri 09:00-17:00`; several parts separated by `;` or `,` (`Mon-Thu 08:00-16:00; Fri 08:00-12:00`)."""
        spans: dict[int, tuple[int, int]] = {}
        for part in filter(str.strip, re.split(r"[;,]", hours)):
            match = _HOURS.match(part)
            if not match:
                raise _bad(f"{part.strip()!r} is not like 'Mon-Fri 09:00-17:00'.")
            first, last, h1, m1, h2, m2 = match.groups()
            try:
                a, b = DAYS.index(first.lower()), DAYS.index((last or first).lower())
            except ValueError:
                raise _bad(f"Days are written {', '.join(d.title() for d in DAYS)}.") from None
            start, end = int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)
            if not (0 <= start < end <= 24 * 60) or int(m1) > 59 or int(m2) > 59:
                raise _bad(f"{part.strip()!r}: the hours must run forwards within one day (00:00-24:00).")
            for day in range(a, b + 1) if a <= b else (*range(a, 7), *range(0, b + 1)):
                spans[day] = (start, end)
        if not spans:
            raise _bad("Give at least one working day.")
        return cls(zone, tuple((day, *spans[day]) for day in sorted(spans)), frozenset(holidays))

    # --- counting ------------------------------------------------------------------------------------

    def minutes_between(self, start: datetime, end: datetime) -> int:
        """Business minutes in [start, end) (0 when end is not after start)."""
        if end <= start:
            return 0
        day = start.astimezone(self._tz).date()
        last = end.astimezone(self._tz).date()
        if day == last:
            return self._minutes_within(day, start, end)
        # The first and last days in part, the days between whole (their sums remembered).
        total = self._minutes_within(day, start, end) + self._minutes_within(last, start, end)
        day += ONE_DAY
        while day < last:
            total += self._day(day)[1]
            day += ONE_DAY
        return total

    def _minutes_within(self, day: date, start: datetime, end: datetime) -> int:
        total = 0
        for a, b in self._day(day)[0]:
            lo, hi = max(a, start), min(b, end)
            if hi > lo:
                total += _minutes(hi - lo)
        return total

    def add(self, start: datetime, minutes: int) -> datetime:
        """The instant at which `minutes` business minutes have passed since `start` (its due time)."""
        if minutes <= 0:
            return start
        left = minutes
        day = start.astimezone(self._tz).date()
        for _ in range(HORIZON_DAYS):
            for a, b in self._intervals(day):
                lo = max(a, start)
                if b <= lo:
                    continue
                available = _minutes(b - lo)
                if available >= left:
                    return lo + timedelta(minutes=left)
                left -= available
            day += timedelta(days=1)
        raise _bad(f"The calendar has no {minutes} business minutes within {HORIZON_DAYS} days.")

    def _intervals(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        return self._day(day)[0]

    def _day(self, day: date) -> _Day:
        """The day's business time as UTC intervals, whole minutes, and their sum in minutes (remembered
        per calendar: a page of tickets asks for the same few days thousands of times, and each answer
        costs time-zone arithmetic; a dictionary of its own, as a shared cache hashed the whole calendar
        on every lookup)."""
        days = self._days
        found = days.get(day)
        if found is None:
            if len(days) >= _DAYS_REMEMBERED:
                days.clear()
            intervals = tuple(self._compute_intervals(day))
            found = days[day] = (intervals, sum(_minutes(b - a) for a, b in intervals))
        return found

    def _compute_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        if day in self.holidays:
            return []
        span = next(((a, b) for d, a, b in self.hours if d == day.weekday()), None)
        if span is None:
            return []
        begin, end = span
        midnight = datetime.combine(day, time(), self._tz)
        next_midnight = datetime.combine(day + timedelta(days=1), time(), self._tz)
        if midnight.utcoffset() == next_midnight.utcoffset():  # no clock change: one interval
            offset = midnight.utcoffset() or timedelta()
            naive = datetime.combine(day, time())
            return [
                (
                    (naive + timedelta(minutes=begin) - offset).replace(tzinfo=UTC),
                    (naive + timedelta(minutes=end) - offset).replace(tzinfo=UTC),
                )
            ]
        return self._intervals_by_minute(midnight.astimezone(UTC), next_midnight.astimezone(UTC), begin, end)

    def _intervals_by_minute(
        self, first: datetime, stop: datetime, begin: int, end: int
    ) -> list[tuple[datetime, datetime]]:
        intervals: list[tuple[datetime, datetime]] = []
        open_at: datetime | None = None
        at = first
        while at < stop:
            local = at.astimezone(self._tz)
            inside = begin <= local.hour * 60 + local.minute < end
            if inside and open_at is None:
                open_at = at
            elif not inside and open_at is not None:
                intervals.append((open_at, at))
                open_at = None
            at += MINUTE
        if open_at is not None:
            intervals.append((open_at, stop))
        return intervals


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)
