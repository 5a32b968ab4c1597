"""create, list, show, update, stats."""

from __future__ import annotations

import argparse
import sys

from ticketflow_desktop.cli.common import (
    CATEGORY,
    PRIORITY,
    STATUS,
    print_json,
    printable,
    read_text_arg,
    service_for,
    ticket_json,
)
from ticketflow_desktop.domain import EventField, Sort, TicketChanges, TicketDraft, TicketFilter
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.services.tickets import MAX_PAGE


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("create", help="create a ticket")
    p.add_argument("--title", required=True)
    p.add_argument("--description", required=True, help="the text, or - to read it from standard input")
    p.add_argument("--category", required=True, type=CATEGORY)
    p.add_argument("--priority", required=True, type=PRIORITY)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=create)

    p = subparsers.add_parser("list", help="list tickets, newest first")
    add_filter_arguments(p)
    p.add_argument(
        "--sort", default="-created", help="created, updated, priority, status or title; prefix - for descending"
    )
    p.add_argument("--limit", type=int, default=50, help=f"at most {MAX_PAGE}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_tickets)

    p = subparsers.add_parser("show", help="show one ticket and its history")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show)

    p = subparsers.add_parser("update", help="change a ticket")
    p.add_argument("id", type=int)
    p.add_argument("--status", type=STATUS)
    p.add_argument("--category", type=CATEGORY)
    p.add_argument("--priority", type=PRIORITY)
    p.add_argument("--title")
    p.add_argument("--description", help="the text, or - to read it from standard input")
    p.add_argument("--expected-version", type=int, help="refuse if the ticket changed since this version")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=update)

    p = subparsers.add_parser("stats", help="counts and averages")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=stats)


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", type=CATEGORY)
    p.add_argument("--priority", type=PRIORITY)
    p.add_argument("--status", type=STATUS)
    p.add_argument("--search", default="", help="case-insensitive text in title or description")


def filter_from(args: argparse.Namespace) -> TicketFilter:
    return TicketFilter(category=args.category, priority=args.priority, status=args.status, search=args.search)


def _text(value: str, field: str) -> str:
    try:
        return read_text_arg(value)
    except ValueError as error:
        raise ValidationError([FieldError(field, str(error))]) from None


def create(args: argparse.Namespace) -> int:
    draft = TicketDraft(args.title, _text(args.description, "description"), args.category, args.priority)
    ticket = service_for(args).create(draft)
    if args.json:
        print_json(ticket_json(ticket))
    else:
        print(f"Created ticket #{ticket.id}")
    return 0


def list_tickets(args: argparse.Namespace) -> int:
    try:
        sort = Sort.parse(args.sort)
    except ValueError as error:
        raise ValidationError([FieldError("sort", str(error))]) from None
    page = service_for(args).page(filter_from(args), sort, args.limit)
    if args.json:
        print_json([ticket_json(t) for t in page.tickets])
        return 0
    for t in page.tickets:
        title = printable(t.title)
        print(
            f"#{t.id:<7} {t.status.value:<11} {t.priority.value:<8} {t.category.value:<9} "
            f"{t.created_at:%Y-%m-%d %H:%M}  {title[:80]}"
        )
    if not page.tickets:
        print("No tickets match.", file=sys.stderr)
    return 0


def show(args: argparse.Namespace) -> int:
    service = service_for(args)
    ticket = service.get(args.id)
    events = service.events(args.id)
    if args.json:
        data = ticket_json(ticket)
        data["events"] = [
            {
                "at": e.at.isoformat(),
                "field": e.field.value,
                "old": e.old_value,
                "new": e.new_value,
                "source": e.source.value,
            }
            for e in events
        ]
        print_json(data)
        return 0
    print(f"#{ticket.id} {printable(ticket.title)}")
    print(f"  {ticket.status.label} · {ticket.priority.label} · {ticket.category.label} · version {ticket.version}")
    print(f"  created {ticket.created_at:%Y-%m-%d %H:%M:%S} UTC, updated {ticket.updated_at:%Y-%m-%d %H:%M:%S} UTC")
    print()
    print(printable(ticket.description).replace("\\n", "\n"))
    print()
    for e in events:
        what = "created" if e.field is EventField.CREATED else f"{e.field}: {e.old_value} → {e.new_value}"
        if e.field in (EventField.TITLE, EventField.DESCRIPTION):
            what = f"{e.field} edited"
        print(f"  {e.at:%Y-%m-%d %H:%M} {what} ({e.source.value})")
    return 0


def update(args: argparse.Namespace) -> int:
    changes = TicketChanges(
        title=args.title,
        description=_text(args.description, "description") if args.description is not None else None,
        category=args.category,
        priority=args.priority,
        status=args.status,
    )
    if changes.is_empty():
        raise ValidationError(
            [
                FieldError(
                    "changes", "Nothing to change: give --status, --category, --priority, --title or --description."
                )
            ]
        )
    service = service_for(args)
    expected = args.expected_version if args.expected_version is not None else service.get(args.id).version
    ticket = service.update(args.id, changes, expected)
    if args.json:
        print_json(ticket_json(ticket))
    else:
        print(f"Updated ticket #{ticket.id} (version {ticket.version})")
    return 0


def stats(args: argparse.Namespace) -> int:
    s = service_for(args).stats()
    data = {
        "total_tickets": s.total,
        "open_tickets": s.open,
        "avg_tickets_per_day": round(s.avg_per_day, 2),
        "median_resolution_hours": None
        if s.median_resolution_seconds is None
        else round(s.median_resolution_seconds / 3600, 2),
        "priority_breakdown": {k.value: v for k, v in s.by_priority.items()},
        "category_breakdown": {k.value: v for k, v in s.by_category.items()},
        "status_breakdown": {k.value: v for k, v in s.by_status.items()},
        "created_per_day": {d.day.isoformat(): d.count for d in s.created_per_day[-30:]},
    }
    if args.json:
        print_json(data)
        return 0
    print(f"Total {s.total:,} · open {s.open:,} · {s.avg_per_day:.2f} per day")
    if data["median_resolution_hours"] is not None:
        print(f"Median time to resolution: {data['median_resolution_hours']} h")
    for name in ("status", "priority", "category"):
        breakdown = data[f"{name}_breakdown"]
        assert isinstance(breakdown, dict)
        parts = ", ".join(f"{k} {v:,}" for k, v in breakdown.items())
        print(f"By {name}: {parts}")
    return 0
