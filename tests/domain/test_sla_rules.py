"""SLA rules: dues, the pause while waiting on the customer, outcomes and the state read from the clock."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.test_business_hours import CALENDARS, brute_force, instants
from ticketflow_desktop.domain import Priority, Status, ValidationError
from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.sla import (
    SlaPolicy,
    SlaState,
    TicketSla,
    apply_policy,
    due_soon_minutes,
    format_minutes,
    on_first_reply,
    on_status_change,
    parse_duration,
    read,
    time_left_text,
    validate_policy,
)

BERLIN = Calendar.parse("Mon-Fri 09:00-17:00", "Europe/Berlin", (date(2026, 12, 25),))
POLICY = SlaPolicy(Priority.HIGH, 60, 8 * 60)
MONDAY_9 = datetime(2026, 6, 15, 7, tzinfo=UTC)  # 09:00 in Berlin (summer time)


def started(created: datetime, policy: SlaPolicy = POLICY, calendar: Calendar = BERLIN) -> TicketSla:
    return apply_policy(TicketSla(), created, Status.OPEN, policy, calendar)


def test_dues_count_business_hours_from_creation() -> None:
    sla = started(datetime(2026, 6, 19, 14, tzinfo=UTC))  # Friday 16:00 Berlin: one business hour left
    assert sla.first_response_due == datetime(2026, 6, 19, 15, tzinfo=UTC)  # Friday 17:00 Berlin
    assert sla.resolution_due == datetime(2026, 6, 22, 14, tzinfo=UTC)  # Monday 16:00 Berlin


@settings(max_examples=40, deadline=None)
@given(
    calendar=st.sampled_from(CALENDARS),
    created=instants,
    pause=st.integers(0, 3 * 24 * 60),
    wait=st.integers(0, 3 * 24 * 60),
)
def test_waiting_on_the_customer_moves_the_resolution_due_by_the_business_time_waited(
    calendar: Calendar, created: datetime, pause: int, wait: int
) -> None:
    policy = SlaPolicy(Priority.HIGH, 60, 16 * 60)
    sla = on_first_reply(started(created, policy, calendar), created)
    paused_at, resumed_at = created + timedelta(minutes=pause), created + timedelta(minutes=pause + wait)
    waiting = on_status_change(sla, Status.OPEN, Status.PENDING, paused_at, calendar)
    back = on_status_change(waiting, Status.PENDING, Status.OPEN, resumed_at, calendar)
    waited = brute_force(calendar, paused_at, resumed_at)
    assert back.paused_at is None and back.paused_minutes == waited
    assert sla.resolution_due is not None and back.resolution_due is not None
    if sla.resolution_due > paused_at:  # running when the wait began: the wait does not count
        assert brute_force(calendar, created, back.resolution_due) == policy.resolution_minutes + waited
        # ... and recomputing from creation (a policy change) gives the same due
        assert apply_policy(back, created, Status.OPEN, policy, calendar).resolution_due == back.resolution_due
    else:  # missed before the wait: it stays missed
        assert back.resolution_due == sla.resolution_due


@settings(max_examples=40, deadline=None)
@given(calendar=st.sampled_from(CALENDARS), created=instants, steps=st.lists(st.integers(1, 600), max_size=12))
def test_left_alone_a_ticket_only_moves_towards_breach(calendar: Calendar, created: datetime, steps: list[int]) -> None:
    """ok -> due soon -> breached, never back, and due soon exactly when less than the threshold is left."""
    sla, order = started(created, POLICY, calendar), [SlaState.OK, SlaState.DUE_SOON, SlaState.BREACHED]
    now, seen = created, []
    for step in steps:
        now += timedelta(minutes=step)
        state = read(sla, Status.OPEN, POLICY, now, calendar)
        seen.append(order.index(state.state))  # type: ignore[arg-type]
        assert sla.first_response_due is not None
        if now < sla.first_response_due:
            left = brute_force(calendar, now, sla.first_response_due)
            assert state.minutes_left == left
            assert (state.state is SlaState.DUE_SOON) == (left < due_soon_minutes(60))
    assert seen == sorted(seen)


def test_pending_pauses_and_a_late_first_reply_stays_breached() -> None:
    sla = on_first_reply(started(MONDAY_9), MONDAY_9 + timedelta(minutes=30))
    waiting = on_status_change(sla, Status.OPEN, Status.PENDING, MONDAY_9 + timedelta(hours=1), BERLIN)
    days_later = MONDAY_9 + timedelta(days=3)
    paused = read(waiting, Status.PENDING, POLICY, days_later, BERLIN)
    assert (paused.state, paused.minutes_left) == (SlaState.PAUSED, 7 * 60)
    late = on_first_reply(started(MONDAY_9), MONDAY_9 + timedelta(minutes=61))
    assert read(late, Status.OPEN, POLICY, MONDAY_9 + timedelta(minutes=62), BERLIN).state is SlaState.BREACHED


def test_done_settles_met_or_breached_and_reopening_clears_it() -> None:
    sla = on_first_reply(started(MONDAY_9), MONDAY_9 + timedelta(minutes=10))
    met = on_status_change(sla, Status.OPEN, Status.RESOLVED, MONDAY_9 + timedelta(hours=7), BERLIN)
    assert met.outcome is SlaState.MET and met.sort_due.year == 9999
    closed = on_status_change(met, Status.RESOLVED, Status.CLOSED, MONDAY_9 + timedelta(days=30), BERLIN)
    assert closed.outcome is SlaState.MET  # closing later does not change how it was resolved
    late = on_status_change(sla, Status.OPEN, Status.RESOLVED, MONDAY_9 + timedelta(hours=9), BERLIN)
    assert late.outcome is SlaState.BREACHED
    assert on_status_change(late, Status.RESOLVED, Status.OPEN, MONDAY_9, BERLIN).outcome is None
    no_policy = on_status_change(TicketSla(), Status.OPEN, Status.RESOLVED, MONDAY_9, BERLIN)
    assert no_policy.outcome is None and read(no_policy, Status.RESOLVED, None, MONDAY_9, BERLIN).state is None


def test_what_the_list_shows() -> None:
    sla = started(MONDAY_9)
    assert time_left_text(read(sla, Status.OPEN, POLICY, MONDAY_9 + timedelta(minutes=25), BERLIN)) == "35m"
    replied = on_first_reply(sla, MONDAY_9)
    at = MONDAY_9 + timedelta(minutes=50)
    assert time_left_text(read(replied, Status.OPEN, POLICY, at, BERLIN)) == "7h 10m"
    late = read(replied, Status.OPEN, POLICY, MONDAY_9 + timedelta(hours=8, minutes=35), BERLIN)
    assert time_left_text(late) == "breached 35m"  # real time since the due (17:00)
    assert time_left_text(TicketSla()) == ""


@pytest.mark.parametrize(
    ("text", "minutes"), [("1h", 60), ("90m", 90), ("1h30m", 90), ("2d", 2880), ("8h", 480), (" 45 min ", 45)]
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text, "resolution") == minutes


@pytest.mark.parametrize("text", ["", "soon", "1x", "h", "-1h"])
def test_bad_durations_say_how_to_write_one(text: str) -> None:
    with pytest.raises(ValidationError, match="like 30m, 1h"):
        parse_duration(text, "resolution")


def test_policies_need_positive_targets() -> None:
    with pytest.raises(ValidationError, match="first-response"):
        validate_policy(SlaPolicy(Priority.LOW, 0, 60))


@given(st.integers(0, 10**6))
def test_format_minutes_reads_back(minutes: int) -> None:
    """Exact below a day; beyond, days and hours (the minutes no longer matter)."""
    shown = parse_duration(format_minutes(minutes).replace(" ", ""), "x")
    assert shown == minutes if minutes < 24 * 60 else shown <= minutes < shown + 60


def test_reading_an_sla_keeps_every_stored_field() -> None:
    """`read_as` builds the read SLA field by field (faster than `replace`): a field added later and
    forgotten there would silently read as its default."""
    stored = TicketSla(
        first_response_due=MONDAY_9,
        resolution_due=MONDAY_9 + timedelta(hours=8),
        first_responded_at=MONDAY_9 - timedelta(minutes=5),
        paused_at=MONDAY_9 + timedelta(hours=1),
        paused_minutes=17,
        outcome=SlaState.MET,
        settled_at=MONDAY_9 + timedelta(hours=2),
    )
    read_now = stored.read_as(SlaState.BREACHED, -35)
    for field in fields(TicketSla):
        expected = {"state": SlaState.BREACHED, "minutes_left": -35}.get(field.name, getattr(stored, field.name))
        assert getattr(read_now, field.name) == expected, field.name
