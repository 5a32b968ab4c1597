"""create, list, show, update, stats."""

from __future__ import annotations

import argparse
import sys

from ticketflow_desktop.cli.common import (
    CATEGORY,
    PRIORITY,
    STATUS,
    enum_list_type,
    print_json,
    printable,
    read_text_arg,
    service_for,
    ticket_json,
)
from ticketflow_desktop.domain import (
    Category,
    EventField,
    Priority,
    Sort,
    Status,
    TicketChanges,
    TicketDraft,
    TicketFilter,
)
from ticketflow_desktop.domain.conversation import parse_requester
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.domain.sla import SlaState, time_left_text
from ticketflow_desktop.domain.tags import split_tags
from ticketflow_desktop.domain.view_filters import E, narrowed
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.team import whoami
from ticketflow_desktop.services.tickets import MAX_PAGE, TicketService
from ticketflow_desktop.services.views import ViewService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("create", help="create a ticket")
    p.add_argument("--title", required=True)
    p.add_argument("--description", required=True, help="the text, or - to read it from standard input")
    p.add_argument("--category", required=True, type=CATEGORY)
    p.add_argument("--priority", required=True, type=PRIORITY)
    p.add_argument("--group", help="the agents' group the ticket belongs to")
    p.add_argument("--requester", help='the customer: "Ann Lee <ann@example.com>" or an address')
    p.add_argument("--assignee", help="the agent who owns it (a login, or me)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=create)

    p = subparsers.add_parser("list", help="list tickets, newest first")
    add_filter_arguments(p)
    p.add_argument("--view", help="a saved view's filter and order (the other options narrow it further)")
    add_sort_argument(p)
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
    p.add_argument("--group", help="move the ticket to this agents' group")
    p.add_argument("--no-group", action="store_true", help="take the ticket out of its group")
    p.add_argument("--assignee", help="give the ticket to this agent (a login, or me)")
    p.add_argument("--unassign", action="store_true", help="give the ticket to nobody")
    p.add_argument("--requester", help='change the customer: "Ann Lee <ann@example.com>" or an address')
    p.add_argument("--add-tag", action="append", default=[], metavar="TAG", help="add tags (repeatable, or a,b)")
    p.add_argument("--remove-tag", action="append", default=[], metavar="TAG", help="remove tags (repeatable, or a,b)")
    p.add_argument("--expected-version", type=int, help="refuse if the ticket changed since this version")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=update)

    p = subparsers.add_parser("stats", help="counts and averages")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=stats)


def add_sort_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sort",
        help="created (the default), updated, priority, status, title or due (SLA, soonest first); "
        "prefix - for descending",
    )


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    several = "; several separated by commas: any of them"
    p.add_argument("--category", type=enum_list_type(Category), action="append", help=f"a category{several}")
    p.add_argument("--priority", type=enum_list_type(Priority), action="append", help=f"a priority{several}")
    p.add_argument("--status", type=enum_list_type(Status), action="append", help=f"a status{several}")
    p.add_argument("--tag", action="append", metavar="TAG", help=f"carrying this tag{several} (repeatable)")
    p.add_argument("--search", default="", help="case-insensitive text in title or description")
    p.add_argument("--assignee", help="me, none (nobody's) or an agent's login")
    p.add_argument("--requester", help="the customer's email address")
    p.add_argument("--organisation", help="every requester of this organisation")
    p.add_argument(
        "--group", dest="in_group", action="append", help="in this agents' group (repeatable); mine: my groups"
    )
    p.add_argument("--sla-state", type=sla_states, help="ok, due_soon, breached, paused, met (comma-separated)")


def sla_states(text: str) -> frozenset[SlaState]:
    try:
        return frozenset(SlaState(part.strip().lower()) for part in text.split(",") if part.strip())
    except ValueError:
        allowed = ", ".join(s.value for s in SlaState)
        raise argparse.ArgumentTypeError(f"{text!r}: choose from {allowed}") from None


NO_SUCH_CUSTOMER = 0  # no customer has id 0: a filter on an unknown address finds nothing


def filter_from(args: argparse.Namespace, service: TicketService) -> TicketFilter:
    assignee = args.assignee
    if assignee == "me":
        assignee = whoami(service.database).login
    elif assignee == "none":
        assignee = UNASSIGNED
    requester_id = None
    if args.requester:
        known = ConversationService(service.database).customer_by_email(args.requester)
        requester_id = known.id if known else NO_SUCH_CUSTOMER
    groups = None
    if args.in_group:
        groups = tuple(
            name
            for given in args.in_group
            for name in (whoami(service.database).groups if given == "mine" else (given,))
        )
    return TicketFilter(
        category=_joined(args.category),
        priority=_joined(args.priority),
        status=_joined(args.status),
        tags=_tags(args.tag or [], "tag"),
        search=args.search,
        assignee=assignee,
        requester_id=requester_id,
        organisation=args.organisation or None,
        groups=groups,
        sla_states=getattr(args, "sla_state", None),
    )


def _joined(given: list[tuple[E, ...]] | None) -> tuple[E, ...] | None:
    """Repeated or comma-separated values of one option: any of them."""
    return tuple(value for values in given for value in values) if given else None


def _tags(given: list[str], option: str) -> tuple[str, ...]:
    try:
        return tuple(tag for text in given for tag in split_tags(text))
    except ValueError as error:
        raise ValidationError([FieldError(option, str(error))]) from None


def sort_from(args: argparse.Namespace, default: Sort = Sort()) -> Sort:
    if not args.sort:
        return default
    try:
        return Sort.parse(args.sort)
    except ValueError as error:
        raise ValidationError([FieldError("sort", str(error))]) from None


def _assignee(value: str, service: TicketService) -> str:
    return whoami(service.database).login if value == "me" else value


def _text(value: str, field: str) -> str:
    try:
        return read_text_arg(value)
    except ValueError as error:
        raise ValidationError([FieldError(field, str(error))]) from None


def create(args: argparse.Namespace) -> int:
    draft = TicketDraft(args.title, _text(args.description, "description"), args.category, args.priority)
    service = service_for(args)
    ticket = service.create(
        draft,
        group=args.group,
        requester=parse_requester(args.requester) if args.requester else None,
        assignee=_assignee(args.assignee, service) if args.assignee else None,
    )
    if args.json:
        print_json(ticket_json(ticket))
    else:
        print(f"Created ticket #{ticket.id}")
    return 0


def list_tickets(args: argparse.Namespace) -> int:
    service = service_for(args)
    wanted, sort = filter_from(args, service), sort_from(args)
    if args.view:
        view = ViewService(service.database).find(args.view)
        wanted, sort = narrowed(view.spec.filter, wanted), sort_from(args, view.spec.sort)
    page = service.page(wanted, sort, args.limit)
    if args.json:
        print_json([ticket_json(t) for t in page.tickets])
        return 0
    for t in page.tickets:
        title = printable(t.title)
        print(
            f"#{t.id:<7} {t.status.value:<11} {t.priority.value:<8} {t.category.value:<9} "
            f"{t.created_at:%Y-%m-%d %H:%M}  {time_left_text(t.sla):<14} {title[:80]}"
        )
    if not page.tickets:
        print("No tickets match.", file=sys.stderr)
    return 0


def show(args: argparse.Namespace) -> int:
    service = service_for(args)
    ticket = service.get(args.id)
    events = service.events(args.id)
    requester = ConversationService(service.database).customer(ticket.requester_id) if ticket.requester_id else None
    if args.json:
        data = ticket_json(ticket)
        data["requester"] = (
            {"name": requester.name, "email": requester.email, "organisation": requester.organisation}
            if requester
            else None
        )
        data["events"] = [
            {
                "at": e.at.isoformat(),
                "field": e.field.value,
                "old": e.old_value,
                "new": e.new_value,
                "source": e.source.value,
                "by": e.actor,
                "written_at": e.written_at.isoformat() if e.written_at else None,
            }
            for e in events
        ]
        print_json(data)
        return 0
    print(f"#{ticket.id} {printable(ticket.title)}")
    print(f"  {ticket.status.label} · {ticket.priority.label} · {ticket.category.label} · version {ticket.version}")
    print(f"  created {ticket.created_at:%Y-%m-%d %H:%M:%S} UTC, updated {ticket.updated_at:%Y-%m-%d %H:%M:%S} UTC")
    if requester:
        print(f"  requester {printable(requester.name)} <{printable(requester.email)}>")
    print(f"  assignee {ticket.assignee or 'nobody'}")
    if ticket.tags:
        print(f"  tags {', '.join(ticket.tags)}")
    print()
    print(printable(ticket.description).replace("\\n", "\n"))
    print()
    for e in events:
        what = "created" if e.field is EventField.CREATED else f"{e.field}: {e.old_value} → {e.new_value}"
        if e.field in (EventField.TITLE, EventField.DESCRIPTION):
            what = f"{e.field} edited"
        elif e.field is EventField.TAGS:
            what = f"tag {e.new_value} added" if e.new_value else f"tag {e.old_value} removed"
        by = f" by {e.actor}" if e.actor else ""
        written = f", written {e.written_at:%Y-%m-%d %H:%M} offline" if e.written_at else ""
        print(f"  {e.at:%Y-%m-%d %H:%M} {what}{by} ({e.source.value}{written})")
    return 0


def update(args: argparse.Namespace) -> int:
    changes = TicketChanges(
        title=args.title,
        description=_text(args.description, "description") if args.description is not None else None,
        category=args.category,
        priority=args.priority,
        status=args.status,
    )
    moving = args.group is not None or args.no_group
    references = moving or args.assignee is not None or args.unassign or args.requester is not None
    adding, removing = _tags(args.add_tag, "add-tag"), _tags(args.remove_tag, "remove-tag")
    references = references or bool(adding or removing)
    if changes.is_empty() and not references:
        raise ValidationError(
            [
                FieldError(
                    "changes",
                    "Nothing to change: give --status, --category, --priority, --title, --description, --group, "
                    "--assignee, --unassign, --requester, --add-tag or --remove-tag.",
                )
            ]
        )
    if args.group is not None and args.no_group:
        raise ValidationError([FieldError("group", "Give --group or --no-group, not both.")])
    if args.assignee is not None and args.unassign:
        raise ValidationError([FieldError("assignee", "Give --assignee or --unassign, not both.")])
    requester = parse_requester(args.requester) if args.requester is not None else None
    service = service_for(args)
    expected = args.expected_version if args.expected_version is not None else service.get(args.id).version
    ticket = service.update(args.id, changes, expected) if not changes.is_empty() else service.get(args.id)
    if moving:
        ticket = service.move_to_group(args.id, None if args.no_group else args.group)
    if args.assignee is not None or args.unassign:
        ticket = service.assign(args.id, None if args.unassign else _assignee(args.assignee, service))
    if requester is not None:
        ticket = service.set_requester(args.id, requester)
    if adding or removing:
        ticket = TagService(service.database).change([args.id], add=adding, remove=removing)[0]
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
