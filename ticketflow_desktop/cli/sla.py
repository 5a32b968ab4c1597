"""sla set/list, calendar set/show: the team's service levels (a lead's or an administrator's work)."""

from __future__ import annotations

import argparse
from datetime import date

from ticketflow_desktop.cli.common import PRIORITY, open_for, print_json
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.sla import SlaPolicy, format_minutes, parse_duration
from ticketflow_desktop.services.sla import SlaService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sla = subparsers.add_parser("sla", help="response and resolution targets per priority")
    actions = sla.add_subparsers(dest="sla_action", metavar="ACTION", required=True)
    p = actions.add_parser("set", help="set a priority's targets (business time: 30m, 1h, 1h30m, 2d)")
    p.add_argument("--priority", required=True, type=PRIORITY)
    p.add_argument("--first-response", required=True, help="time to the first agent reply, e.g. 1h")
    p.add_argument("--resolution", required=True, help="time to resolution, e.g. 8h")
    p.set_defaults(handler=sla_set)
    p = actions.add_parser("list", help="the targets per priority")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sla_list)

    calendar = subparsers.add_parser("calendar", help="the team calendar SLA clocks count in")
    actions = calendar.add_subparsers(dest="calendar_action", metavar="ACTION", required=True)
    p = actions.add_parser("set", help="working days and hours, time zone, holidays")
    p.add_argument(
        "--hours", required=True, help='e.g. "Mon-Fri 09:00-17:00" or "Mon-Thu 08:00-16:00; Fri 08:00-12:00"'
    )
    p.add_argument("--tz", required=True, help="an IANA time zone, e.g. Europe/Berlin")
    p.add_argument("--holiday", action="append", default=[], help="a day off, YYYY-MM-DD (repeatable)")
    p.set_defaults(handler=calendar_set)
    p = actions.add_parser("show", help="the team calendar")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=calendar_show)


def _service(args: argparse.Namespace) -> SlaService:
    return SlaService(open_for(args))


def sla_set(args: argparse.Namespace) -> int:
    policy = SlaPolicy(
        args.priority,
        parse_duration(args.first_response, "first_response"),
        parse_duration(args.resolution, "resolution"),
    )
    moved = _service(args).set_policy(policy)
    print(
        f"{args.priority.label}: first response {format_minutes(policy.first_response_minutes)}, "
        f"resolution {format_minutes(policy.resolution_minutes)} ({moved} open tickets' dues recomputed)"
    )
    return 0


def sla_list(args: argparse.Namespace) -> int:
    policies = _service(args).policies()
    if args.json:
        print_json(
            [
                {
                    "priority": p.priority.value,
                    "first_response_minutes": p.first_response_minutes,
                    "resolution_minutes": p.resolution_minutes,
                }
                for p in sorted(policies.values(), key=lambda p: p.priority.rank, reverse=True)
            ]
        )
        return 0
    if not policies:
        print(
            "No SLA policies: set one with"
            " `ticketflow sla set --priority critical --first-response 1h --resolution 8h`."
        )
    for p in sorted(policies.values(), key=lambda p: p.priority.rank, reverse=True):
        first, resolution = format_minutes(p.first_response_minutes), format_minutes(p.resolution_minutes)
        print(f"{p.priority.label:<9} first response {first:<8} resolution {resolution}")
    return 0


def _holidays(values: list[str]) -> list[date]:
    try:
        return [date.fromisoformat(v.strip()) for v in values]
    except ValueError:
        bad = next(v for v in values if not _is_date(v))
        raise ValidationError([FieldError("holiday", f"{bad!r} is not a day like 2026-12-25.")]) from None


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def calendar_set(args: argparse.Namespace) -> int:
    moved = _service(args).set_calendar(args.hours, args.tz, _holidays(args.holiday))
    print(f"Calendar set: {args.hours} ({args.tz}); {moved} open tickets' dues recomputed")
    return 0


def calendar_show(args: argparse.Namespace) -> int:
    calendar = _service(args).calendar()
    if args.json:
        print_json(
            {"hours": calendar.hours, "tz": calendar.zone, "holidays": [d.isoformat() for d in calendar.holidays]}
        )
        return 0
    print(f"{calendar.hours} ({calendar.zone})")
    for day in calendar.holidays:
        print(f"  holiday {day.isoformat()}")
    return 0
