"""Saved replies on both backends: placeholders filled in, field changes made, all in one change."""

from __future__ import annotations

import json

import pytest

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Category, Priority, Status, TicketChanges, TicketDraft, ValidationError
from ticketflow_desktop.domain.conversation import MessageKind, parse_requester
from ticketflow_desktop.domain.macros import render
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.macros import MacroService
from ticketflow_desktop.services.tickets import TicketService

BODY = "Hi {{requester.name}},\nticket #{{ticket.id}} ({{ ticket.title }}) is solved.\n— {{agent.name}}"


def test_apply_fills_the_placeholders_and_makes_the_changes(service: TicketService) -> None:
    ticket = service.create(
        TicketDraft("VPN down", "No tunnel", Category.TECHNICAL, Priority.HIGH),
        requester=parse_requester("Zoë Ångström <zoe@example.com>"),
    )
    macros = MacroService(service.database, service.clock)
    macros.add("Solved", BODY, status=Status.RESOLVED)
    message, updated = macros.apply("Solved", ticket.id)
    assert message.kind is MessageKind.REPLY
    assert message.body.startswith(f"Hi Zoë Ångström,\nticket #{ticket.id} (VPN down) is solved.\n— ")
    assert "{{" not in message.body
    assert updated.status is Status.RESOLVED and updated.version == 2
    assert ConversationService(service.database).thread(ticket.id) == [message]
    assert [m.name for m in macros.available()] == ["Solved"]


def test_a_refused_change_stores_no_reply_either(service: TicketService) -> None:
    ticket = service.create(TicketDraft("Closed one", "x", Category.BILLING, Priority.LOW))
    service.update(ticket.id, TicketChanges(status=Status.CLOSED), ticket.version)
    macros = MacroService(service.database)
    macros.add("Start", "Working on it, {{requester.name}}.", status=Status.IN_PROGRESS)
    with pytest.raises(ValidationError, match="closed ticket cannot become in progress"):
        macros.apply("Start", ticket.id)
    assert ConversationService(service.database).thread(ticket.id) == []  # nothing half-way


def test_bad_saved_replies_are_refused_with_words(service: TicketService) -> None:
    macros = MacroService(service.database)
    with pytest.raises(ValidationError, match=r"Unknown placeholder \{\{customer.name\}\}"):
        macros.add("Oops", "Hi {{customer.name}}")
    with pytest.raises(ValidationError, match="needs its text"):
        macros.add("Empty", "   ")
    macros.add("Once", "x")
    with pytest.raises(ValidationError, match="exists already"):
        macros.add("Once", "y")
    with pytest.raises(ValidationError, match="no saved reply called 'Nope'"):
        macros.apply("Nope", 1)


def test_render_never_leaves_braces() -> None:
    assert render("{{requester.name}}!", {}) == "!"


def test_macros_through_the_cli(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--database-url", database_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run(
        "create",
        "--title",
        "Printer",
        "--description",
        "Jammed",
        "--category",
        "technical",
        "--priority",
        "low",
        "--requester",
        "Ann Lee <ann@example.com>",
        "--json",
    )
    ticket_id = json.loads(out)["id"]
    assert run("macro", "add", "Thanks", "--body", "Thanks {{requester.name}}!", "--status", "resolved")[0] == 0
    code, out, _ = run("macro", "list", "--json")
    assert json.loads(out)[0]["changes"] == {"status": "resolved"}
    code, out, _ = run("macro", "apply", "Thanks", str(ticket_id), "--json")
    applied = json.loads(out)
    assert (applied["message"]["body"], applied["status"]) == ("Thanks Ann Lee!", "resolved")
    assert run("macro", "remove", "Thanks")[0] == 0
    code, _, err = run("macro", "apply", "Thanks", str(ticket_id))
    assert code == 2 and "no saved reply called 'Thanks'" in err


def test_a_saved_reply_is_held_when_the_customer_wrote_since_the_agent_read(service: TicketService) -> None:
    from ticketflow_desktop.domain.conversation import ThreadMovedOn

    ticket = service.create(TicketDraft("VPN down", "No tunnel", Category.TECHNICAL, Priority.HIGH))
    macros = MacroService(service.database, service.clock)
    macros.add("Solved", "It is solved.", status=Status.RESOLVED)
    conversation = ConversationService(service.database, service.clock)
    seen = conversation.add(ticket.id, MessageKind.NOTE, "Looking.").id
    news = conversation.add(ticket.id, MessageKind.CUSTOMER, "Still broken!")
    with pytest.raises(ThreadMovedOn) as held:
        macros.apply("Solved", ticket.id, seen_up_to=seen)
    assert [m.id for m in held.value.new] == [news.id]
    assert service.get(ticket.id).status is Status.OPEN  # neither the reply nor the change was stored
    assert [m.body for m in conversation.thread(ticket.id)] == ["Looking.", "Still broken!"]
    macros.apply("Solved", ticket.id, internal=True, seen_up_to=seen)  # a note is never held back
    _message, updated = macros.apply("Solved", ticket.id, seen_up_to=news.id)
    assert updated.status is Status.RESOLVED
