"""db, seed, import, export."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ticketflow_desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, fail, print_json, service_for
from ticketflow_desktop.cli.tickets import add_filter_arguments, filter_from
from ticketflow_desktop.domain.errors import FieldError, ValidationError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("db", help="the database schema")
    p.add_argument("action", choices=("upgrade", "current"))
    p.set_defaults(handler=db)

    p = subparsers.add_parser("seed", help="add realistic synthetic tickets")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--seed", type=int, default=7, help="random seed (same seed, same tickets)")
    p.add_argument(
        "--no-team",
        dest="team",
        action="store_false",
        help="tickets only: no groups, agents, requesters, assignees or threads",
    )
    p.set_defaults(handler=seed)

    p = subparsers.add_parser("import", help="import tickets from CSV (all or nothing)")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--update",
        action="store_true",
        help="a row whose external_id a ticket already has updates that ticket (default: the row is skipped)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=import_file)

    p = subparsers.add_parser("export", help="export tickets to CSV")
    p.add_argument("file", help="a path, or - for standard output")
    p.add_argument(
        "--raw",
        action="store_true",
        help="cells exactly as stored; by default a cell starting with = + - @ is prefixed with ' so that "
        "spreadsheets show it instead of running it (import removes the prefix again)",
    )
    add_filter_arguments(p)
    p.set_defaults(handler=export_file)


class ProgressLine:
    """A progress line on a terminal; silent when output is redirected."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.start = label, total, time.monotonic()
        self.enabled = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        width = 30
        filled = int(width * done / max(self.total, 1))
        rate = done / max(now - self.start, 1e-9)
        sys.stderr.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,} ({rate:,.0f}/s)"
        )
        if done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def db(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.engine import create_engine_for, default_sqlite_url, mask_url
    from ticketflow_desktop.storage.migrate import current_revision, head_revision, min_app_version, upgrade_to_head

    url = args.database_url or default_sqlite_url()
    engine = create_engine_for(url)
    try:
        if args.action == "upgrade":
            upgrade_to_head(engine)
        revision = current_revision(engine)
        oldest = min_app_version(engine)
    finally:
        engine.dispose()
    state = "up to date" if revision == head_revision() else f"head is {head_revision()}"
    print(f"{mask_url(url)}: schema {revision or 'none'} ({state})")
    if oldest:
        print(f"Apps older than TicketFlow {oldest} cannot use this database; update them first.")
    return 0 if args.action == "upgrade" or revision == head_revision() else 1


def seed(args: argparse.Namespace) -> int:
    from ticketflow_desktop.services.seed import synthetic_tickets
    from ticketflow_desktop.services.seed_team import seed_team
    from ticketflow_desktop.storage.bulk import bulk_insert

    if args.count < 1:
        raise ValidationError([FieldError("count", "--count must be at least 1.")])
    service = service_for(args)
    start = time.monotonic()
    first = service.last_id() + 1
    n = bulk_insert(
        service.database,
        synthetic_tickets(args.count, seed=args.seed),
        progress=ProgressLine("Seeding", args.count),
        expected=args.count,  # a large load rebuilds the search indexes once instead of per row
    )
    messages = seed_team(service.database, first, service.last_id(), seed=args.seed) if args.team else 0
    team = f", with requesters, assignees, groups and {messages:,} messages" if args.team else ""
    print(f"Added {n:,} tickets{team} in {time.monotonic() - start:.1f} s")
    return 0


def import_file(args: argparse.Namespace) -> int:
    from ticketflow_desktop.services.transfer import ImportFailed, import_csv

    if not args.file.is_file():
        raise ValidationError([FieldError("file", f"{args.file}: no such file")])
    service = service_for(args)
    progress: ProgressLine | None = None

    def report(done: int, total: int) -> None:
        nonlocal progress
        progress = progress or ProgressLine("Importing", total)
        progress(done)

    try:
        result = import_csv(service, args.file, report, update=args.update)
    except ImportFailed as error:
        for row_error in error.row_errors:
            print(f"ticketflow: {args.file}: {row_error}", file=sys.stderr)
        print("ticketflow: nothing was imported", file=sys.stderr)
        return 2
    if args.json:
        print_json({"imported": result.imported, "skipped": result.skipped, "updated": result.updated})
    else:
        print(result)
    return 0


def export_file(args: argparse.Namespace) -> int:
    from ticketflow_desktop.services.transfer import export_csv, export_file

    service = service_for(args)
    if args.file == "-":
        export_csv(service, sys.stdout, filter_from(args, service), raw=args.raw)
        return 0
    path = Path(args.file)
    if not path.parent.is_dir():
        return fail(f"cannot export to {path}: the folder {path.parent} does not exist", EXIT_BAD_INPUT)
    try:
        n = export_file(service, path, filter_from(args, service), raw=args.raw)
    except OSError as error:
        reason = error.strerror or str(error)
        return fail(f"cannot export to {path}: {reason}; nothing was written", EXIT_FAILED)
    print(f"Exported {n:,} tickets to {path}", file=sys.stderr)
    return 0
