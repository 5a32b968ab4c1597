"""`ticketflow`: the GUI by default, and subcommands for scripting on the same service.

Exit status: 0 success, 1 the environment failed (database unreachable, conflict), 2 bad input.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType

from ticketflow_desktop import config
from ticketflow_desktop.domain import Conflict, NotFound, TicketFlowError, ValidationError
from ticketflow_desktop.private_files import keep_files_private

# Each module adds its subcommands, in this order in --help; a new area of the app adds one module here
# and its commands below (tests/cli/test_commands.py checks that the two agree).
MODULES = ("tickets", "conversation", "admin", "team", "classify", "views", "sla", "mail", "attachments")
COMMANDS = {
    **dict.fromkeys(("create", "list", "show", "update", "stats"), "tickets"),
    **dict.fromkeys(("reply", "macro", "thread"), "conversation"),
    **dict.fromkeys(("db", "seed", "import", "export"), "admin"),
    **dict.fromkeys(("whoami", "agent", "group", "redact"), "team"),
    **dict.fromkeys(("classify", "eval", "suggestions"), "classify"),
    **dict.fromkeys(("view", "tags"), "views"),
    **dict.fromkeys(("sla", "calendar"), "sla"),
    "mail": "mail",
    "attachment": "attachments",
}


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The module that registers `command`, or all of them (for --help, or a name that is none of them).

    Imported only when a subcommand (or --help) is given: they load SQLAlchemy, which the GUI's first
    window does not need (launch time); and a call imports its own command's module only."""
    names = (COMMANDS[command],) if command in COMMANDS else MODULES
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


_started = False


@contextmanager
def _start_up() -> Iterator[None]:
    """Importing a command (SQLAlchemy and the storage layer) builds some 100,000 objects that live as
    long as the process. With the cyclic garbage collector on, it walks them again and again while they
    are built, and once more when the process exits; so it is off while they load, and they are then
    frozen out of its reach (a CLI call 0.46 -> 0.35 s, bench/README). Once per process: in a test
    session, freezing again would keep every earlier test's garbage cycles for good."""
    global _started
    if _started or not gc.isenabled():
        yield
        return
    _started = True
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


class _ShowVersion(argparse.Action):
    """--version: the installed version, looked up only when asked for (see ticketflow_desktop/__init__)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from ticketflow_desktop import __version__

        print(f"{parser.prog} {__version__}")  # on standard output, as argparse's own version action
        parser.exit()


def build_parser(*, commands: bool = True, command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ticketflow", description="TicketFlow Desktop: support tickets.", add_help=commands
    )
    parser.add_argument("--version", action=_ShowVersion)
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
    for module in command_modules(command):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    keep_files_private()
    with _start_up():
        # Only global options (the GUI) parse without loading the command modules.
        args, rest = build_parser(commands=False).parse_known_args(argv)
        if rest:
            command = next((word for word in rest if not word.startswith("-")), None)
            args = build_parser(command=command).parse_args(argv)
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
