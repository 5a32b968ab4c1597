"""reply, thread: a ticket's conversation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ticketflow_desktop.cli.common import open_for, print_json, printable, read_text_arg
from ticketflow_desktop.domain.conversation import Message, MessageKind
from ticketflow_desktop.domain.errors import FieldError, ValidationError

if TYPE_CHECKING:
    from ticketflow_desktop.services.conversation import ConversationService


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("reply", help="write on a ticket: a reply to the customer, or an internal note")
    p.add_argument("id", type=int)
    p.add_argument("--body", required=True, help="the text, or - to read it from standard input")
    p.add_argument("--internal", action="store_true", help="an internal note: never sent to the customer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=reply)

    p = subparsers.add_parser("thread", help="a ticket's conversation, oldest first")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=thread)


def message_json(message: Message) -> dict[str, object]:
    return {
        "id": message.id,
        "kind": message.kind.value,
        "author": message.author,
        "at": message.at.isoformat(),
        "body": message.body,
        "written_at": message.written_at.isoformat() if message.written_at else None,
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
        print(f"— {m.kind.value} by {m.author}, {m.at:%Y-%m-%d %H:%M} UTC")
        print(printable(m.body).replace("\\n", "\n"))
        print()
    if not messages:
        print(f"Ticket #{args.id} has no messages yet.")
    return 0
