"""attachment list, attachment save: the files that came with a ticket's mails."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ticketflow_desktop.cli.common import EXIT_BAD_INPUT, fail, open_for, print_json

if TYPE_CHECKING:
    from ticketflow_desktop.domain.attachments import AttachmentInfo


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("attachment", help="the files that came with a ticket's mails")
    actions = p.add_subparsers(dest="attachment_action", metavar="ACTION", required=True)
    a = actions.add_parser("list", help="a ticket's attachments, oldest first")
    a.add_argument("ticket", type=int)
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("save", help="write an attachment's bytes to a file")
    a.add_argument("id", type=int, help="the attachment's id (attachment list, thread --json)")
    a.add_argument("path", type=Path, help="the file to write, or a folder to write it in under its own name")
    a.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(handler=attachment)


def attachment_json(info: AttachmentInfo) -> dict[str, object]:
    return {
        "id": info.id,
        "filename": info.filename,
        "size": info.size,
        "content_type": info.content_type,
        "message_id": info.message_id,  # None: the mail that opened the ticket
    }


def attachment(args: argparse.Namespace) -> int:
    from ticketflow_desktop.domain.attachments import human_size
    from ticketflow_desktop.services.attachments import AttachmentService

    service = AttachmentService(open_for(args))
    if args.attachment_action == "list":
        found = service.of_ticket(args.ticket)
        if args.json:
            print_json([attachment_json(a) for a in found])
        elif not found:
            print(f"Ticket #{args.ticket} has no attachments.")
        for a in [] if args.json else found:
            print(f"{a.id}\t{a.filename}\t{human_size(a.size)}\t{a.content_type}")
        return 0
    path: Path = args.path
    if path.is_dir():
        info, _ = service.content(args.id)  # the name it came with (already made safe)
        path = path / info.filename
    if path.exists() and not args.force:
        return fail(f"{path} exists; give --force to replace it", EXIT_BAD_INPUT)
    if not path.parent.is_dir():
        return fail(f"the folder {path.parent} does not exist", EXIT_BAD_INPUT)
    info = service.save(args.id, path)
    print(f"Saved {info.filename} ({human_size(info.size)}) to {path}")
    return 0
