"""Requesters, assignees and the conversation, on both backends."""

from __future__ import annotations

import getpass
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Category, NotFound, Priority, TicketDraft, TicketFilter, ValidationError
from ticketflow_desktop.domain.conversation import MessageKind, Requester, parse_requester
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService

ME = getpass.getuser()


def draft(title: str = "VPN down") -> TicketDraft:
    return TicketDraft(title, "No tunnel since the update.", Category.TECHNICAL, Priority.HIGH)


def assignee_for(service: TicketService) -> str:
    """Someone who may own tickets: this computer's login on SQLite, an agent made for it on PostgreSQL."""
    if service.database.is_sqlite:
        return ME
    from ticketflow_desktop.storage.tables import agent_table

    with service.database.writing() as session:  # an agent record (no login role needed to own a ticket)
        session.execute(agent_table.insert().values(login="ann_agent", name="Ann Agent", role="agent"))
    return "ann_agent"


def test_one_customer_per_email_matched_case_insensitively(service: TicketService) -> None:
    first = service.create(draft(), requester=parse_requester("Ann Lee <ann@example.com>"))
    second = service.create(draft("Again"), requester=parse_requester("A. Lee <ANN@Example.COM>"))
    assert first.requester_id == second.requester_id is not None
    conversation = ConversationService(service.database)
    customer = conversation.customer(first.requester_id)
    assert (customer.name, customer.email) == ("Ann Lee", "ann@example.com")  # the first name stays
    assert [c.email for c in conversation.customers("an")] == ["ann@example.com"]
    assert conversation.customers("zz") == []
    mine = service.page(TicketFilter(requester_id=first.requester_id)).tickets
    assert {t.id for t in mine} == {first.id, second.id}


def test_assign_unassign_and_queues(service: TicketService) -> None:
    login = assignee_for(service)
    a, b = service.create(draft("A")), service.create(draft("B"))
    a = service.assign(a.id, login)
    assert a.assignee == login and a.version == 2
    assert [t.id for t in service.page(TicketFilter(assignee=login)).tickets] == [a.id]
    assert [t.id for t in service.page(TicketFilter(assignee=UNASSIGNED)).tickets] == [b.id]
    assert service.count(TicketFilter(assignee=UNASSIGNED)).value == 1
    events = service.events(a.id)
    assert (events[-1].field, events[-1].old_value, events[-1].new_value) == ("assignee", None, login)
    a = service.assign(a.id, None)
    assert a.assignee is None and service.count(TicketFilter(assignee=UNASSIGNED)).value == 2
    with pytest.raises(ValidationError, match=r"agent|computer"):
        service.assign(b.id, "nobody_like_this")


def test_the_thread_is_oldest_first_with_authors_and_kinds(service: TicketService) -> None:
    ticket = service.create(draft(), requester=Requester("Ann Lee", "ann@example.com"))
    conversation = ConversationService(service.database, service.clock)
    conversation.add(ticket.id, MessageKind.CUSTOMER, "It still fails 🙁")
    reply = conversation.add(ticket.id, MessageKind.REPLY, "  Could you restart the client?\n")
    note = conversation.add(ticket.id, MessageKind.NOTE, "Probably the new cert. ‏مرحبا")
    thread = conversation.thread(ticket.id)
    assert [(m.kind, m.body) for m in thread] == [
        (MessageKind.CUSTOMER, "It still fails 🙁"),
        (MessageKind.REPLY, "Could you restart the client?"),
        (MessageKind.NOTE, "Probably the new cert. ‏مرحبا"),
    ]
    assert thread[0].customer_id == ticket.requester_id and thread[1].customer_id is None
    assert all(m.author for m in thread) and thread[1] == reply
    assert conversation.thread(ticket.id, after_id=reply.id) == [note]
    with pytest.raises(ValidationError, match="Write something first"):
        conversation.add(ticket.id, MessageKind.NOTE, " \n ")
    with pytest.raises(NotFound):
        conversation.add(999_999, MessageKind.NOTE, "x")
    assert len(conversation.thread(ticket.id)) == 3  # nothing stored half-way


@given(st.text(min_size=1, max_size=40).filter(lambda s: "@" not in s))
def test_text_without_an_address_is_not_a_requester(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_requester(text)


def test_the_cli_works_a_ticket(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--database-url", database_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    service_login = ME
    if database_url.startswith("postgresql"):
        from ticketflow_desktop.storage.engine import open_database

        database = open_database(database_url)
        service_login = assignee_for(TicketService(database))
        database.dispose()
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
    assert run("update", str(ticket_id), "--assignee", service_login)[0] == 0
    code, out, _ = run("list", "--assignee", service_login, "--json")
    assert [t["id"] for t in json.loads(out)] == [ticket_id]
    code, out, _ = run("list", "--assignee", "none", "--json")
    assert json.loads(out) == []
    code, out, _ = run("list", "--requester", "ANN@example.com", "--json")
    assert [t["id"] for t in json.loads(out)] == [ticket_id]
    code, out, _ = run("list", "--requester", "nobody@example.com", "--json")
    assert json.loads(out) == []
    assert run("reply", str(ticket_id), "--body", "On it.")[0] == 0
    assert run("reply", str(ticket_id), "--body", "Toner low", "--internal")[0] == 0
    code, out, _ = run("thread", str(ticket_id), "--json")
    assert [(m["kind"], m["body"]) for m in json.loads(out)] == [("reply", "On it."), ("note", "Toner low")]
    code, out, _ = run("show", str(ticket_id), "--json")
    shown = json.loads(out)
    assert shown["requester"] == {"name": "Ann Lee", "email": "ann@example.com", "organisation": None}
    assert shown["assignee"] == service_login
    assert run("update", str(ticket_id), "--unassign")[0] == 0
    code, _, err = run(
        "create",
        "--title",
        "x",
        "--description",
        "y",
        "--category",
        "billing",
        "--priority",
        "low",
        "--requester",
        "not an address",
    )
    assert code == 2 and "is not an email address" in err


def test_a_reply_waits_when_someone_wrote_since_the_agent_read(service: TicketService) -> None:
    from ticketflow_desktop.domain.conversation import ThreadMovedOn

    ticket = service.create(draft(), requester=Requester("Ann Lee", "ann@example.com"))
    conversation = ConversationService(service.database, service.clock)
    first = conversation.add(ticket.id, MessageKind.CUSTOMER, "Help!")
    seen = first.id  # the agent opens the ticket
    mine = conversation.add(ticket.id, MessageKind.NOTE, "Looking", seen_up_to=seen)  # my own note: fine
    conversation.add(ticket.id, MessageKind.CUSTOMER, "Never mind, it works now.")
    with pytest.raises(
        ThreadMovedOn, match=r"the customer wrote a new message on ticket #\d+ since you opened it"
    ) as caught:
        conversation.add(ticket.id, MessageKind.REPLY, "Have you tried restarting?", seen_up_to=mine.id)
    assert [m.body for m in caught.value.new] == ["Never mind, it works now."]
    assert [m.body for m in conversation.thread(ticket.id)][-1] == "Never mind, it works now."  # not sent
    latest = conversation.thread(ticket.id)[-1].id
    sent = conversation.add(ticket.id, MessageKind.REPLY, "Glad it works!", seen_up_to=latest)
    assert conversation.thread(ticket.id)[-1] == sent


def test_an_organisations_tickets_and_a_groups_tickets(service: TicketService, database_url: str, capsys) -> None:
    from ticketflow_desktop.storage.team import add_group

    acme_ann = service.create(draft("A"), requester=parse_requester("Ann <ann@acme.example>", "Acme"))
    acme_bo = service.create(draft("B"), requester=parse_requester("Bo <bo@acme.example>", "Acme"))
    service.create(draft("C"), requester=parse_requester("Cy <cy@globex.example>", "Globex"))
    assert {t.id for t in service.page(TicketFilter(organisation="Acme")).tickets} == {acme_ann.id, acme_bo.id}
    assert service.count(TicketFilter(organisation="Acme")).value == 2
    assert service.count(TicketFilter(organisation="Nobody Ltd")).value == 0
    assert main(["--database-url", database_url, "list", "--organisation", "Acme", "--json"]) == 0
    assert {t["id"] for t in json.loads(capsys.readouterr().out)} == {acme_ann.id, acme_bo.id}
    if service.database.is_sqlite:
        return  # groups are a team database's
    add_group(service.database, "Billing")
    billed = service.move_to_group(acme_ann.id, "Billing")
    assert [t.id for t in service.page(TicketFilter(groups=("Billing",))).tickets] == [billed.id]
    assert service.count(TicketFilter(groups=("Billing",))).value == 1
    assert service.count(TicketFilter(groups=())).value == 0  # in no group: "My groups" is empty


def test_the_thread_names_agents_by_their_team_name_and_falls_back_to_the_login(service: TicketService) -> None:
    conversation = ConversationService(service.database, service.clock)
    ticket = service.create(draft())
    first = conversation.add(ticket.id, MessageKind.NOTE, "Before I had a name.")
    [unnamed] = conversation.thread(ticket.id)
    assert (unnamed.author_name, unnamed.shown_author) == (None, first.author)
    from ticketflow_desktop.storage.tables import agent_table

    with service.database.writing() as session:
        session.execute(agent_table.insert().values(login=first.author, name="Pat Müller", role="agent"))
    [named] = conversation.thread(ticket.id)
    assert (named.author, named.shown_author) == (first.author, "Pat Müller")
