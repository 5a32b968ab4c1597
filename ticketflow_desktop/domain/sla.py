"""SLA rules: what a policy promises, when a ticket's targets fall due, and the state a ticket is in.

A policy per priority sets two targets in business minutes of the team calendar (business_hours.py):
the first response (the first agent reply) and the resolution, both counted from the ticket's creation.

- Waiting on the customer (status pending) stops the resolution clock: when the ticket leaves pending,
  the resolution due moves out by the business minutes it waited (`resume`). The first-response
  target does not pause: a ticket goes pending after an agent asked the customer something.
- A policy or calendar change recomputes the dues of tickets not yet done (resolved or closed), from
  their creation and the business time they already waited; done tickets keep the outcome they had.
- The state is read from the clock (`state`), never stored, except the outcome fixed when a ticket
  becomes done (`outcome`): met when every target was kept, breached otherwise.
- Due soon: less than a fifth of the running target is left, or less than one business hour but at
  most half the target, whichever comes first (8 h: the last 96 min; 4 h: the last hour; 1 h: the
  last 30 min), so a short target is not due soon from the moment it starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ticketflow_desktop.domain.business_hours import Calendar
from ticketflow_desktop.domain.enums import Priority, Status
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.sla_state import NO_DUE, SlaState, TicketSla

__all__ = ["NO_DUE", "SlaState", "TicketSla"]  # re-exported: the rules and their data in one place

DONE = frozenset({Status.RESOLVED, Status.CLOSED})
DUE_SOON_SHARE = 0.2
DUE_SOON_MINUTES = 60
MAX_TARGET_MINUTES = 366 * 24 * 60


@dataclass(frozen=True)
class SlaPolicy:
    priority: Priority
    first_response_minutes: int
    resolution_minutes: int


def validate_policy(policy: SlaPolicy) -> SlaPolicy:
    errors = [
        FieldError(name, f"Give {label} between 1 minute and 366 days.")
        for name, label, value in (
            ("first_response", "the first-response time", policy.first_response_minutes),
            ("resolution", "the resolution time", policy.resolution_minutes),
        )
        if not 1 <= value <= MAX_TARGET_MINUTES
    ]
    if errors:
        raise ValidationError(errors)
    return policy


def parse_duration(text: str, field_name: str) -> int:
    """Minutes from `90m`, `1h`, `1h30m`, `2d` (business minutes: `2d` is 48 business hours)."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*", text.lower())
    if not text.strip() or match is None or not any(match.groups()):
        raise ValidationError([FieldError(field_name, f"{text!r} is not a duration like 30m, 1h, 1h30m or 2d.")])
    days, hours, minutes = (int(g) if g else 0 for g in match.groups())
    return days * 24 * 60 + hours * 60 + minutes


def format_minutes(minutes: int) -> str:
    """`2h 10m`, `45m`, `3d 2h` (business minutes, a day being 24 hours of them)."""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h" if hours else f"{days}d"
    if hours:
        return f"{hours}h {mins}m" if mins else f"{hours}h"
    return f"{mins}m"


def due_times(
    created_at: datetime, policy: SlaPolicy, paused_minutes: int, calendar: Calendar
) -> tuple[datetime, datetime]:
    """(first response due, resolution due) for a ticket created at `created_at` that waited `paused_minutes`.

    Counted from the minute the ticket arrived: business time is whole minutes, so dues fall on one.
    """
    start = created_at.replace(second=0, microsecond=0)
    return (
        calendar.add(start, policy.first_response_minutes),
        calendar.add(start, policy.resolution_minutes + paused_minutes),
    )


def apply_policy(
    sla: TicketSla, created_at: datetime, status: Status, policy: SlaPolicy | None, calendar: Calendar
) -> TicketSla:
    """The dues after a policy, calendar or priority change (a done ticket keeps what it had)."""
    if status in DONE and sla.outcome is not None:
        return sla
    if policy is None:
        return replace(sla, first_response_due=None, resolution_due=None)
    first, resolution = due_times(created_at, policy, sla.paused_minutes, calendar)
    return replace(sla, first_response_due=first, resolution_due=resolution)


def pause(sla: TicketSla, at: datetime) -> TicketSla:
    return sla if sla.paused_at is not None else replace(sla, paused_at=at)


def resume(sla: TicketSla, at: datetime, calendar: Calendar) -> TicketSla:
    """Leave pending at `at`: the business time waited moves the resolution due out by as much."""
    if sla.paused_at is None:
        return sla
    waited = calendar.minutes_between(sla.paused_at, at)
    due = sla.resolution_due
    if due is not None and due > sla.paused_at:  # a target already missed stays missed
        due = calendar.add(due, waited)
    return replace(sla, paused_at=None, paused_minutes=sla.paused_minutes + waited, resolution_due=due)


def outcome(sla: TicketSla, at: datetime) -> SlaState | None:
    """Met or breached, for a ticket becoming done at `at` (None without a policy)."""
    if not sla.has_policy:
        return None
    first_ok = sla.first_response_due is None or (sla.first_responded_at or at) <= sla.first_response_due
    resolved_ok = sla.resolution_due is not None and at <= sla.resolution_due
    return SlaState.MET if first_ok and resolved_ok else SlaState.BREACHED


def as_loaded(
    sla: TicketSla, created_at: datetime, updated_at: datetime, status: Status, policy: SlaPolicy, calendar: Calendar
) -> TicketSla:
    """The SLA of a ticket a bulk load brings with its history (a seed, an import): its policy's dues
    counted from its creation, the first reply `sla` holds, and a done ticket settled when it was last
    changed. The load's tickets never waited as pending in this app: no pause is counted."""
    sla = apply_policy(replace(sla, outcome=None), created_at, Status.OPEN, policy, calendar)
    if status in DONE:
        sla = replace(sla, outcome=outcome(sla, updated_at), settled_at=updated_at)
    return sla


def on_status_change(sla: TicketSla, old: Status, new: Status, at: datetime, calendar: Calendar) -> TicketSla:
    """The SLA after the ticket moved from `old` to `new` at `at`."""
    if old is Status.PENDING and new is not Status.PENDING:
        sla = resume(sla, at, calendar)
    if new is Status.PENDING:
        sla = pause(sla, at)
    if new in DONE and old not in DONE:
        settled = outcome(sla, at)
        sla = replace(sla, outcome=settled, settled_at=at if settled else None)
    elif new not in DONE and old in DONE:
        sla = replace(sla, outcome=None, settled_at=None)
    return sla


def on_first_reply(sla: TicketSla, at: datetime) -> TicketSla:
    return sla if sla.first_responded_at is not None else replace(sla, first_responded_at=at)


def due_soon_minutes(target_minutes: int) -> int:
    """Left below this many business minutes, a target is due soon (see the module's words)."""
    return max(int(target_minutes * DUE_SOON_SHARE), min(DUE_SOON_MINUTES, target_minutes // 2))


def running_target(sla: TicketSla, policy: SlaPolicy | None) -> int | None:
    if policy is None:
        return None
    if sla.first_responded_at is None and sla.first_response_due is not None:
        return policy.first_response_minutes
    return policy.resolution_minutes


def read(sla: TicketSla, status: Status, policy: SlaPolicy | None, now: datetime, calendar: Calendar) -> TicketSla:
    """`sla` with its state and minutes left at `now`."""
    if not sla.has_policy:
        return sla.read_as(None, None)
    if sla.outcome is not None:
        return sla.read_as(sla.outcome, None)
    due = sla.running_due
    assert due is not None
    # While pending the resolution clock stands at the moment the wait began.
    clock_at = sla.paused_at if status is Status.PENDING and sla.paused_at and due == sla.resolution_due else None
    at = min(now, clock_at) if clock_at is not None else now
    # Time left is business time (what the target counts); time since a breach is real time.
    left = calendar.minutes_between(at, due) if at < due else -int((at - due).total_seconds() // 60)
    if sla.first_response_late or at >= due:
        state = SlaState.BREACHED
    elif status is Status.PENDING:
        state = SlaState.PAUSED
    else:
        target = running_target(sla, policy)
        soon = due_soon_minutes(target) if target is not None else DUE_SOON_MINUTES
        state = SlaState.DUE_SOON if left < soon else SlaState.OK
    return sla.read_as(state, left)


def time_left_text(sla: TicketSla) -> str:
    """What the list shows: `2h 10m`, `breached 35m`, `paused`, `met`; empty without a policy."""
    match sla.state:
        case None:
            return ""
        case SlaState.MET:
            return "met"
        case SlaState.PAUSED:
            return "paused"
        case SlaState.BREACHED:
            left = sla.minutes_left
            return f"breached {format_minutes(left)}" if left is not None and left < 0 else "breached"
        case _:
            return format_minutes(sla.minutes_left or 0)


@dataclass(frozen=True)
class Attainment:
    """Tickets settled (became done with a policy) within targets, and all settled: per period and agent."""

    weeks: tuple[date, ...]  # each period's first day (a Monday)
    met_per_week: tuple[int, ...]
    settled_per_week: tuple[int, ...]
    # (agent login, or "" for tickets nobody owned; met; settled), by agent
    per_agent: tuple[tuple[str, int, int], ...]

    @staticmethod
    def share(met: int, settled: int) -> float | None:
        """Per cent met, None when nothing settled (no bar rather than a misleading 0 %)."""
        return 100.0 * met / settled if settled else None

    @property
    def is_empty(self) -> bool:
        return not any(self.settled_per_week) and not self.per_agent


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
