"""Business-hour arithmetic against a brute-force minute counter: weekends, holidays, DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ticketflow_desktop.domain import ValidationError
from ticketflow_desktop.domain.business_hours import Calendar

BERLIN = Calendar.parse("Mon-Fri 09:00-17:00", "Europe/Berlin", (date(2026, 12, 25), date(2026, 12, 24)))
# Hours that cross the clock changes themselves (02:00-03:00 local happens twice in autumn, never in spring).
NIGHT_SHIFT = Calendar.parse("Sun 00:00-24:00; Sat 01:30-03:30", "Europe/Berlin")
SYDNEY = Calendar.parse("Mon-Thu 08:30-16:00; Fri 08:30-12:00", "Australia/Sydney", (date(2026, 4, 3),))
CALENDARS = (BERLIN, NIGHT_SHIFT, SYDNEY)


def brute_force(calendar: Calendar, start: datetime, end: datetime) -> int:
    """Each UTC minute in [start, end) whose wall-clock time is within a working day's hours."""
    tz = ZoneInfo(calendar.zone)
    spans = {day: (a, b) for day, a, b in calendar.hours}
    at = start.replace(second=0, microsecond=0)
    if at < start:
        at += timedelta(minutes=1)
    n = 0
    while at < end:
        local = at.astimezone(tz)
        span = spans.get(local.weekday())
        if span and local.date() not in calendar.holidays and span[0] <= local.hour * 60 + local.minute < span[1]:
            n += 1
        at += timedelta(minutes=1)
    return n


# Around the 2026 clock changes (Europe: 29 March, 25 October; Sydney: 5 April, 4 October) and Christmas.
instants = st.sampled_from(
    [datetime(2026, 3, 27, tzinfo=UTC), datetime(2026, 10, 23, tzinfo=UTC), datetime(2026, 4, 2, tzinfo=UTC),
     datetime(2026, 10, 2, tzinfo=UTC), datetime(2026, 12, 22, tzinfo=UTC)]
).flatmap(lambda base: st.integers(0, 5 * 24 * 60).map(lambda m: base + timedelta(minutes=m)))  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(calendar=st.sampled_from(CALENDARS), start=instants, length=st.integers(0, 4 * 24 * 60))
def test_minutes_between_equals_the_brute_force_count(calendar: Calendar, start: datetime, length: int) -> None:
    end = start + timedelta(minutes=length)
    assert calendar.minutes_between(start, end) == brute_force(calendar, start, end)


@settings(max_examples=60, deadline=None)
@given(calendar=st.sampled_from(CALENDARS), start=instants, minutes=st.integers(1, 3 * 8 * 60))
def test_add_is_the_first_instant_with_that_many_business_minutes(
    calendar: Calendar, start: datetime, minutes: int
) -> None:
    due = calendar.add(start, minutes)
    assert brute_force(calendar, start, due) == minutes
    assert brute_force(calendar, start, due - timedelta(minutes=1)) == minutes - 1  # not a minute later


def test_a_friday_evening_ticket_is_due_on_monday() -> None:
    friday_evening = datetime(2026, 12, 4, 16, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    due = BERLIN.add(friday_evening, 60)
    assert due.astimezone(ZoneInfo("Europe/Berlin")) == datetime(2026, 12, 7, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    # Christmas Eve and Day are holidays: from the 23rd at 16:00, 2 hours run to the 28th (a Monday).
    due = BERLIN.add(datetime(2026, 12, 23, 16, tzinfo=ZoneInfo("Europe/Berlin")), 120)
    assert due.astimezone(ZoneInfo("Europe/Berlin")).date() == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("hours", "zone", "words"),
    [
        ("Mon-Fri 17:00-09:00", "UTC", "run forwards"),
        ("Funday 09:00-17:00", "UTC", "not like"),
        ("Mon-Fri 09:00-17:00", "Mars/Olympus", "not a time zone"),
        ("", "UTC", "at least one working day"),
        ("Mon-Fri 09:00-25:00", "UTC", "run forwards"),
    ],
)
def test_bad_calendars_are_refused_with_words(hours: str, zone: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        Calendar.parse(hours, zone)
