"""view save|list|remove (saved views) and tags (the tags in use, for completion in scripts)."""

from __future__ import annotations

import argparse
import json

from ticketflow_desktop.cli.common import open_for, print_json, printable, service_for
from ticketflow_desktop.cli.tickets import add_filter_arguments, add_sort_argument, filter_from, sort_from
from ticketflow_desktop.domain.views import SavedView, ViewSpec, encode_view
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.views import ViewService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    view = subparsers.add_parser("view", help="saved views: a named filter, order and columns")
    actions = view.add_subparsers(dest="view_command", metavar="ACTION", required=True)

    p = actions.add_parser("save", help="save the list options as a view (replacing your view of that name)")
    p.add_argument("name")
    p.add_argument("--shared", action="store_true", help="for the whole team (otherwise only you see it)")
    p.add_argument("--columns", help="the table's columns, comma-separated (default: the table's own)")
    add_filter_arguments(p)
    add_sort_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=save)

    p = actions.add_parser("list", help="the views you may use: yours and the shared ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_views)

    p = actions.add_parser("remove", help="remove one of your views (a lead: any shared one)")
    p.add_argument("name")
    p.set_defaults(handler=remove)

    p = subparsers.add_parser("tags", help="the tags in use, most used first")
    p.add_argument("prefix", nargs="?", default="", help="only tags starting with this")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=tags)


def view_json(view: SavedView) -> dict[str, object]:
    """A view as scripts read it: its filter in the saved form (only the fields it sets, by the codec that
    stores it, so fields added to filters later appear without changes here)."""
    stored = json.loads(encode_view(view.spec))
    return {
        "id": view.id,
        "name": view.name,
        "owner": view.owner,
        "shared": view.shared,
        "position": view.position,
        "filter": stored["filter"],
        "sort": ("-" if view.spec.sort.descending else "") + view.spec.sort.key.value,
        "columns": list(view.spec.columns),
    }


def save(args: argparse.Namespace) -> int:
    service = service_for(args)
    columns = tuple(c.strip() for c in (args.columns or "").split(",") if c.strip())
    spec = ViewSpec(filter_from(args, service), sort_from(args), columns)
    view = ViewService(service.database).save(args.name, spec, shared=args.shared)
    if args.json:
        print_json(view_json(view))
    else:
        print(f"Saved view {printable(view.name)!r} ({'shared' if view.shared else 'personal'})")
    return 0


def list_views(args: argparse.Namespace) -> int:
    views = ViewService(open_for(args)).available()
    if args.json:
        print_json([view_json(v) for v in views])
        return 0
    for v in views:
        print(f"{printable(v.name):<30} {'shared' if v.shared else 'personal':<8} {v.owner}")
    return 0


def remove(args: argparse.Namespace) -> int:
    views = ViewService(open_for(args))
    view = views.find(args.name)
    views.remove(view.id)
    print(f"Removed view {printable(view.name)!r}")
    return 0


def tags(args: argparse.Namespace) -> int:
    known = TagService(open_for(args)).known(args.prefix, args.limit)
    if args.json:
        print_json([{"tag": tag, "tickets": n} for tag, n in known])
        return 0
    for tag, n in known:
        print(f"{n:>8,}  {tag}")
    return 0
