"""whoami, agent, group, redact: the team on one PostgreSQL (storage/team.py, storage/team_sql.py)."""

from __future__ import annotations

import argparse
import getpass
import sys

from ticketflow_desktop.cli.common import open_for, print_json
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.storage.team_sql import ROLES


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("whoami", help="your login, name and role in this database")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=whoami)

    agent = subparsers.add_parser("agent", help="the team's agents (an administrator's work)")
    actions = agent.add_subparsers(dest="agent_action", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="create a PostgreSQL login for a new agent")
    p.add_argument("login")
    p.add_argument("--name", help="the agent's full name (default: the login)")
    p.add_argument("--email")
    p.add_argument("--role", choices=ROLES, default="agent")
    p.add_argument("--group", action="append", default=[], help="a group the agent works in (repeatable)")
    p.add_argument(
        "--password-stdin",
        "--agent-password-stdin",
        dest="agent_password_stdin",
        action="store_true",
        help="read the new agent's password from standard input (otherwise they log in however pg_hba.conf "
        "says: a certificate, peer, or a password an administrator sets later)",
    )
    p.set_defaults(handler=agent_add)
    p = actions.add_parser("list", help="every agent: login, name, email, role, active, groups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=agent_list)
    p = actions.add_parser("set-role", help="change an agent's role")
    p.add_argument("login")
    p.add_argument("role", choices=ROLES)
    p.set_defaults(handler=agent_set_role)
    p = actions.add_parser("set-groups", help="replace the groups an agent works in")
    p.add_argument("login")
    p.add_argument("--group", action="append", default=[], help="a group (repeatable; none: no group)")
    p.set_defaults(handler=agent_set_groups)
    p = actions.add_parser("invite", help="a link (and optionally a file) that fills in a colleague's first run")
    p.add_argument("login")
    p.add_argument("--file", help="also write the invitation to this .ticketflow file")
    p.set_defaults(handler=agent_invite)
    p = actions.add_parser("disable", help="no more logins for this agent (the history keeps the name)")
    p.add_argument("login")
    p.set_defaults(handler=agent_disable)

    group = subparsers.add_parser("group", help="the agents' groups")
    actions = group.add_subparsers(dest="group_action", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="add a group")
    p.add_argument("name")
    p.set_defaults(handler=group_add)
    p = actions.add_parser("list", help="list the groups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=group_list)

    p = subparsers.add_parser("redact", help="remove a ticket's text from it and its history (lead, admin)")
    p.add_argument("id", type=int)
    p.add_argument("--field", choices=("title", "description"), required=True)
    p.add_argument("--reason", required=True, help="why (kept with who and when)")
    p.set_defaults(handler=redact)


def whoami(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import whoami as who

    me = who(open_for(args))
    if args.json:
        print_json(me.as_json())
    elif me.local:
        print(f"{me.login} (this computer's login; one person's SQLite file: every right)")
    else:
        groups = f", in {', '.join(me.groups)}" if me.groups else ""
        print(f"{me.name} ({me.login}), {me.role}{groups}")
    return 0


def agent_add(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import add_agent

    password = None
    if args.agent_password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") if not sys.stdin.isatty() else getpass.getpass("Password: ")
        if not password:
            raise ValidationError([FieldError("password", "No password was read from standard input.")])
    agent = add_agent(
        open_for(args),
        args.login,
        name=args.name,
        email=args.email,
        role=args.role,
        password=password,
        groups=tuple(args.group),
    )
    print(f"Added {agent.name} ({agent.login}) as {agent.role}")
    return 0


def agent_list(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import list_agents

    agents = list_agents(open_for(args))
    if args.json:
        print_json(
            [
                {
                    "login": a.login,
                    "name": a.name,
                    "email": a.email,
                    "role": a.role,
                    "active": a.active,
                    "groups": list(a.groups),
                }
                for a in agents
            ]
        )
        return 0
    for a in agents:
        state = "" if a.active else "  (disabled)"
        print(f"{a.login:<20} {a.role:<7} {a.name} <{a.email or '-'}> {', '.join(a.groups)}{state}")
    return 0


def agent_set_role(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import set_role

    set_role(open_for(args), args.login, args.role)
    print(f"{args.login} is now {args.role}")
    return 0


def agent_set_groups(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import set_groups

    set_groups(open_for(args), args.login, tuple(args.group))
    print(f"{args.login} works in {', '.join(args.group) or 'no group'}")
    return 0


def agent_disable(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import disable_agent

    disable_agent(open_for(args), args.login)
    print(f"{args.login} can no longer log in; their name stays in the history")
    return 0


def group_add(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import add_group

    add_group(open_for(args), args.name)
    print(f"Added group {args.name}")
    return 0


def group_list(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import list_groups

    names = list_groups(open_for(args))
    if args.json:
        print_json(names)
    else:
        print("\n".join(names) if names else "No groups.")
    return 0


def redact(args: argparse.Namespace) -> int:
    from ticketflow_desktop.storage.team import redact as redact_text

    redact_text(open_for(args), args.id, args.field, args.reason)
    print(f"Redacted the {args.field} of ticket #{args.id} and its history")
    return 0


def agent_invite(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ticketflow_desktop.storage.engine import default_sqlite_url
    from ticketflow_desktop.storage.invitation import invitation_for

    invitation = invitation_for(args.database_url or default_sqlite_url(), args.login)
    if args.file:
        Path(args.file).write_text(invitation.file_text(), encoding="utf-8")
        print(f"Wrote {args.file}: open it in TicketFlow's first-run dialog (no password inside)", file=sys.stderr)
    print(invitation.link())
    return 0
