"""`ticketflow`: the GUI by default, and subcommands for scripting on the same service.

Exit status: 0 success, 1 the environment failed (database unreachable, conflict), 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from ticketflow_desktop import __version__, config
from ticketflow_desktop.domain import Conflict, NotFound, TicketFlowError, ValidationError
from ticketflow_desktop.private_files import keep_files_private


def command_modules() -> list[ModuleType]:
    """Each module adds its subcommands; a new area of the app adds one module here.

    Imported only when a subcommand (or --help) is given: they load SQLAlchemy, which the GUI's
    first window does not need (launch time)."""
    from ticketflow_desktop.cli import admin, attachments, classify, conversation, mail, sla, team, tickets, views

    return [tickets, conversation, admin, team, classify, views, sla, mail, attachments]


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ticketflow", description="TicketFlow Desktop: support tickets.", add_help=commands
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url",
        default=None,
        help="postgresql://user@host/db or sqlite:///path (default: $DATABASE_URL, else the local SQLite file)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the database password from the first line of standard input (instead of putting it in "
        "the URL, where every local user can see it in the process list); PGPASSWORD and ~/.pgpass work too",
    )
    parser.add_argument("--offline", action="store_true", help="never call the language model")
    parser.add_argument("--verbose", "-v", action="store_true", help="log more detail")
    parser.add_argument("--self-test", action="store_true", help="start the app offscreen, exercise it, exit")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    keep_files_private()
    # Only global options (the GUI) parse without loading the command modules.
    args, rest = build_parser(commands=False).parse_known_args(argv)
    if rest:
        args = build_parser().parse_args(argv)
    if args.database_url is not None:
        _warn_if_password_shown(args.database_url)
    if args.database_url is None:
        args.database_url = os.environ.get("DATABASE_URL") or None
    if args.password_stdin:
        problem = _join_password_from_stdin(args)
        if problem:
            print(f"ticketflow: {problem}", file=sys.stderr)
            return 2
    if args.command is None:
        if getattr(args, "self_test", False):
            from ticketflow_desktop.ui.selftest import run_self_test

            return run_self_test()
        from ticketflow_desktop.ui.app import run_gui

        return run_gui(args)
    from ticketflow_desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, close_databases, fail

    try:
        return int(args.handler(args) or 0)
    except (ValidationError, NotFound) as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except Conflict as error:
        return fail(str(error), EXIT_FAILED)
    except TicketFlowError as error:
        return fail(str(error), EXIT_FAILED)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except BrokenPipeError:  # `ticketflow list | head`
        sys.stderr.close()
        return 0
    finally:
        close_databases()


def _warn_if_password_shown(url: str) -> None:
    """A password in --database-url is in the process list for every local user: say so, once."""
    secrets = config.secrets_in_url(url)
    for secret in secrets:
        config.remember_secret(secret)  # masked in the log from here on
    if secrets:
        print(
            "ticketflow: warning: the password in --database-url can be read by every user of this computer "
            "(process list); use --password-stdin, PGPASSWORD, ~/.pgpass or DATABASE_URL instead",
            file=sys.stderr,
        )


def _join_password_from_stdin(args: argparse.Namespace) -> str | None:
    """Put the password read from standard input into the database URL (in memory only)."""
    url = args.database_url
    if not url or not url.startswith(("postgresql:", "postgres:", "postgresql+")):
        return "--password-stdin needs a PostgreSQL --database-url (or DATABASE_URL) without a password"
    if config.secrets_in_url(url):
        return "--password-stdin and a password in the database URL contradict each other"
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        return "--password-stdin read no password from standard input"
    from ticketflow_desktop.storage.probe import with_password

    config.remember_secret(password)
    args.database_url = with_password(url, password)
    return None
