"""reply, thread: a ticket's conversation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ticketflow_desktop.cli.attachments import attachment_json
from ticketflow_desktop.cli.common import CATEGORY, PRIORITY, STATUS, open_for, print_json, printable, read_text_arg
from ticketflow_desktop.domain.conversation import Message, MessageKind
from ticketflow_desktop.domain.errors import FieldError, ValidationError

if TYPE_CHECKING:
    from ticketflow_desktop.services.conversation import ConversationService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("reply", help="write on a ticket: a reply to the customer, or an internal note")
    p.add_argument("id", type=int)
    p.add_argument("--body", required=True, help="the text, or - to read it from standard input")
    p.add_argument("--internal", action="store_true", help="an internal note: never sent to the customer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=reply)

    p = subparsers.add_parser("macro", help="saved replies: text with placeholders and field changes")
    actions = p.add_subparsers(dest="macro_action", metavar="ACTION", required=True)
    a = actions.add_parser("add", help="save a reply ({{requester.name}}, {{ticket.id}}, {{agent.name}} ...)")
    a.add_argument("name")
    a.add_argument("--body", required=True, help="the text, or - to read it from standard input")
    a.add_argument("--status", type=STATUS, help="also set this status when applied")
    a.add_argument("--priority", type=PRIORITY)
    a.add_argument("--category", type=CATEGORY)
    a.add_argument("--personal", action="store_true", help="yours only (default: shared with the team)")
    a = actions.add_parser("list", help="the saved replies you may use")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("remove", help="remove one of your saved replies")
    a.add_argument("name")
    a = actions.add_parser("apply", help="write a saved reply on a ticket and make its changes")
    a.add_argument("name")
    a.add_argument("id", type=int)
    a.add_argument("--internal", action="store_true", help="as an internal note")
    a.add_argument("--json", action="store_true")
    p.set_defaults(handler=macro)

    p = subparsers.add_parser("thread", help="a ticket's conversation, oldest first")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=thread)


def message_json(message: Message) -> dict[str, object]:
    return {
        "id": message.id,
        "kind": message.kind.value,
        "author": message.author,
        "author_name": message.author_name,
        "at": message.at.isoformat(),
        "body": message.body,
        "written_at": message.written_at.isoformat() if message.written_at else None,
        "mail_state": message.mail_state,
        "mail_error": message.mail_error,
        "attachments": [attachment_json(a) for a in message.attachments],
    }


def _conversation(args: argparse.Namespace) -> ConversationService:
    from ticketflow_desktop.services.conversation import ConversationService

    return ConversationService(open_for(args))


def reply(args: argparse.Namespace) -> int:
    try:
        body = read_text_arg(args.body)
    except ValueError as error:
        raise ValidationError([FieldError("body", str(error))]) from None
    kind = MessageKind.NOTE if args.internal else MessageKind.REPLY
    message = _conversation(args).add(args.id, kind, body)
    if args.json:
        print_json(message_json(message))
    else:
        print(f"Added {'a note' if args.internal else 'a reply'} to ticket #{args.id}")
    return 0


def thread(args: argparse.Namespace) -> int:
    messages = _conversation(args).thread(args.id)
    if args.json:
        print_json([message_json(m) for m in messages])
        return 0
    for m in messages:
        print(f"— {m.kind.value} by {m.shown_author}, {m.at:%Y-%m-%d %H:%M} UTC")
        print(printable(m.body).replace("\\n", "\n"))
        for a in m.attachments:
            print(f"  [attachment {a.id}: {printable(a.label)}]")
        print()
    if not messages:
        print(f"Ticket #{args.id} has no messages yet.")
    return 0


def macro(args: argparse.Namespace) -> int:
    from ticketflow_desktop.services.macros import MacroService

    service = MacroService(open_for(args))
    if args.macro_action == "add":
        body = read_text_arg(args.body)
        made = service.add(
            args.name,
            body,
            status=args.status,
            priority=args.priority,
            category=args.category,
            shared=not args.personal,
        )
        print(f"Saved reply {made.name!r} added ({'shared with the team' if made.shared else 'yours only'})")
    elif args.macro_action == "list":
        macros = service.available()
        if args.json:
            print_json(
                [
                    {
                        "name": m.name,
                        "body": m.body,
                        "changes": {k: str(v) for k, v in m.changes.as_dict().items()},
                        "owner": m.owner,
                        "shared": m.shared,
                    }
                    for m in macros
                ]
            )
        else:
            for m in macros:
                changes = ", ".join(f"{k} {v}" for k, v in m.changes.as_dict().items())
                print(f"{printable(m.name):<30} {changes}")
    elif args.macro_action == "remove":
        service.remove(args.name)
        print(f"Removed saved reply {args.name!r}")
    else:
        message, ticket = service.apply(args.name, args.id, internal=args.internal)
        if args.json:
            print_json({"message": message_json(message), "status": ticket.status.value, "version": ticket.version})
        else:
            print(f"Applied {args.name!r} to ticket #{ticket.id} (now {ticket.status.label.lower()})")
    return 0
