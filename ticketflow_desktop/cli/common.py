"""Shared pieces of the subcommands: opening the service, printing, argument types."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ticketflow_desktop.domain import Category, Priority, Status, Ticket
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import Database, open_database

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def fail(message: str, code: int) -> int:
    print(f"ticketflow: {message}", file=sys.stderr)
    return code


# Databases a command opened, closed when the command ends (main may run many commands in one
# process: a test suite, a script that imports the CLI).
_opened: list[Database] = []


def open_for(args: argparse.Namespace) -> Database:
    database = open_database(args.database_url)
    _opened.append(database)
    return database


def service_for(args: argparse.Namespace) -> TicketService:
    return TicketService(open_for(args))


def close_databases() -> None:
    while _opened:
        _opened.pop().dispose()


def enum_type(enum: Any) -> Any:
    def parse(text: str) -> Any:
        try:
            return enum.parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    parse.__name__ = enum.__name__.lower()
    return parse


def enum_list_type(enum: Any) -> Any:
    """A comma-separated list of an enum's values ("open,in_progress"): any of them."""

    def parse(text: str) -> tuple[Any, ...]:
        try:
            return tuple(enum.parse(part) for part in text.split(",") if part.strip())
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    parse.__name__ = enum.__name__.lower()
    return parse


CATEGORY = enum_type(Category)
PRIORITY = enum_type(Priority)
STATUS = enum_type(Status)


def read_text_arg(value: str) -> str:
    """`-` means standard input, for long or binary-unsafe text."""
    if value != "-":
        return value
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("standard input is not UTF-8 text") from None


def ticket_json(ticket: Ticket) -> dict[str, Any]:
    s = ticket.suggestion
    return {
        "id": ticket.id,
        "title": ticket.title,
        "description": ticket.description,
        "category": ticket.category.value,
        "priority": ticket.priority.value,
        "status": ticket.status.value,
        "created_at": ticket.created_at.isoformat(),
        "updated_at": ticket.updated_at.isoformat(),
        "version": ticket.version,
        "suggested_category": s.category.value if s else None,
        "suggested_priority": s.priority.value if s else None,
        "suggestion_source": s.source.value if s else None,
        "suggestion_model": s.model if s else None,
        "suggestion_confidence": s.confidence if s else None,
        "external_id": ticket.external_id,
        "group_id": ticket.group_id,
        "requester_id": ticket.requester_id,
        "assignee": ticket.assignee,
        "tags": list(ticket.tags),
        **sla_json(ticket),
    }


def sla_json(ticket: Ticket) -> dict[str, Any]:
    sla = ticket.sla
    return {
        "first_response_due": sla.first_response_due.isoformat() if sla.first_response_due else None,
        "resolution_due": sla.resolution_due.isoformat() if sla.resolution_due else None,
        "first_responded_at": sla.first_responded_at.isoformat() if sla.first_responded_at else None,
        "sla_state": sla.state.value if sla.state else None,
    }


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def printable(text: str) -> str:
    """Control characters (ANSI escapes, RTL overrides) shown as escapes, never interpreted by a terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
