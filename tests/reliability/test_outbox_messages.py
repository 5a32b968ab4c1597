"""Replies, notes and assignments wait in the outbox like tickets and edits: none is lost when
PostgreSQL goes away, none is stored twice when an answer was lost, and a colleague's news on replay is
shown, never talked over (the traffic cop) or overwritten (an assignment)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ticketflow_desktop.domain import Category, OutboxKind, OutboxState, Priority, TicketDraft
from ticketflow_desktop.domain.conversation import Message, MessageKind
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.outbox import Outbox, Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.outbox_store import OutboxStore
from ticketflow_desktop.storage.tables import agent_table

from .proxy import FaultProxy


def new_ticket(service: TicketService) -> int:
    return service.create(TicketDraft("VPN down", "No tunnel.", Category.TECHNICAL, Priority.HIGH)).id


def bodies(service: TicketService, ticket_id: int) -> list[str]:
    return [m.body for m in ConversationService(service.database).thread(ticket_id)]


def make_agents(service: TicketService, *logins: str) -> None:
    with service.database.writing() as session:
        for login in logins:
            session.execute(agent_table.insert().values(login=login, name=login.title(), role="agent"))


def test_a_reply_written_during_an_outage_is_sent_once_it_is_back(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    ticket_id = new_ticket(direct_service)
    proxy.cut()
    with pytest.raises(Queued, match="Your message is kept in the outbox"):
        outbox.message(ticket_id, MessageKind.REPLY, "We are on it.", seen_up_to=0)
    with pytest.raises(Queued):
        outbox.message(ticket_id, MessageKind.NOTE, "Checked the gateway logs.")
    assert [i.summary for i in outbox.items()] == [
        f"Reply on ticket #{ticket_id}: We are on it.",
        f"Note on ticket #{ticket_id}: Checked the gateway logs.",
    ]
    assert bodies(direct_service, ticket_id) == []

    proxy.restore()
    delivered = outbox.flush()
    assert [(d.kind, d.ticket_id) for d in delivered] == [(OutboxKind.MESSAGE, ticket_id)] * 2
    thread = ConversationService(direct_service.database).thread(ticket_id)
    assert [(m.kind, m.body) for m in thread] == [
        (MessageKind.REPLY, "We are on it."),
        (MessageKind.NOTE, "Checked the gateway logs."),
    ]
    assert all(m.written_at is not None and m.written_at <= m.at for m in thread)  # when it was written
    assert outbox.pending_count() == 0


@pytest.mark.parametrize("cut_after", [b"INSERT INTO messages", b"COMMIT"])
def test_a_reply_whose_answer_was_lost_is_stored_exactly_once(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService, cut_after: bytes
) -> None:
    ticket_id = new_ticket(direct_service)
    proxy.lose_answer_after(cut_after)
    with pytest.raises(Queued):
        outbox.message(ticket_id, MessageKind.REPLY, "Fixed on our side.", seen_up_to=0)
    assert bodies(direct_service, ticket_id) == (["Fixed on our side."] if cut_after == b"COMMIT" else [])
    proxy.restore()
    [delivery] = outbox.flush()
    assert isinstance(delivery.result, Message) and delivery.result.body == "Fixed on our side."
    assert bodies(direct_service, ticket_id) == ["Fixed on our side."]


def test_a_waiting_reply_is_held_when_the_customer_wrote_meanwhile(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    ticket_id = new_ticket(direct_service)
    conversation = ConversationService(direct_service.database)
    seen = conversation.add(ticket_id, MessageKind.CUSTOMER, "It is down again.").id
    proxy.cut()
    with pytest.raises(Queued):
        outbox.message(ticket_id, MessageKind.REPLY, "Please restart the client.", seen_up_to=seen)
    conversation.add(ticket_id, MessageKind.CUSTOMER, "Never mind, it works now!")  # while we were away
    proxy.restore()
    assert outbox.flush() == []
    [item] = outbox.items()
    assert item.state is OutboxState.CONFLICT
    assert "the customer wrote a new message" in item.message
    assert bodies(direct_service, ticket_id) == ["It is down again.", "Never mind, it works now!"]

    outbox.retry(item.id, mine_anyway=True)  # the agent read it and sends all the same
    assert bodies(direct_service, ticket_id)[-1] == "Please restart the client."
    assert outbox.items() == []


def test_an_assignment_waits_and_a_colleagues_reassignment_meanwhile_is_a_conflict(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    make_agents(direct_service, "ann_outbox", "bo_outbox")
    calm, contested = new_ticket(direct_service), new_ticket(direct_service)
    proxy.cut()
    with pytest.raises(Queued, match="The assignment is kept"):
        outbox.assign(calm, "ann_outbox", None)
    with pytest.raises(Queued):
        outbox.assign(contested, "ann_outbox", None)
    direct_service.assign(contested, "bo_outbox")  # a colleague took it meanwhile
    proxy.restore()
    [delivered] = outbox.flush()
    assert delivered.ticket_id == calm
    assert direct_service.get(calm).assignee == "ann_outbox"
    [item] = outbox.items()
    assert (item.ticket_id, item.state) == (contested, OutboxState.CONFLICT)
    assert item.summary == f"Assignment of ticket #{contested} to ann_outbox"
    assert direct_service.get(contested).assignee == "bo_outbox"  # not overwritten

    outbox.retry(item.id, mine_anyway=True)
    assert direct_service.get(contested).assignee == "ann_outbox"


def test_an_assignment_whose_answer_was_lost_is_applied_once(
    outbox: Outbox, proxy: FaultProxy, direct_service: TicketService
) -> None:
    make_agents(direct_service, "cy_outbox")
    ticket_id = new_ticket(direct_service)
    proxy.lose_answer_after(b"COMMIT")
    with pytest.raises(Queued):
        outbox.assign(ticket_id, "cy_outbox", None)
    proxy.restore()
    [delivery] = outbox.flush()
    assert delivery.ticket_id == ticket_id
    events = [e for e in direct_service.events(ticket_id) if e.field == "assignee"]
    assert [(e.old_value, e.new_value) for e in events] == [(None, "cy_outbox")]


def test_an_outbox_file_of_the_previous_version_keeps_its_writes_and_takes_the_new_kinds(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, target TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('create', 'update')), key TEXT NOT NULL UNIQUE,
            ticket_id INTEGER, expected_version INTEGER, payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'failed')),
            message TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
        INSERT INTO outbox (target, kind, key, ticket_id, expected_version, payload, created_at)
        VALUES ('sqlite:///x', 'update', 'k1', 7, 3, '{"status": "resolved"}', '2026-12-01T10:00:00+00:00');
        """
    )
    old.close()
    store = OutboxStore(path)
    try:
        [kept] = store.all()
        assert (kept.kind, kept.ticket_id, kept.payload) == (OutboxKind.UPDATE, 7, {"status": "resolved"})
        store.add("sqlite:///x", OutboxKind.MESSAGE, "k2", {"kind": "note", "body": "hi"}, 7)
        assert [r.kind for r in store.all()] == [OutboxKind.UPDATE, OutboxKind.MESSAGE]
    finally:
        store.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1


@pytest.mark.parametrize("database_url", ["sqlite", "postgresql"], indirect=True)
def test_messages_and_assignments_through_the_outbox_on_both_backends(
    service: TicketService, outbox_store: OutboxStore
) -> None:
    outbox = Outbox(outbox_store, service.database.url, service)
    ticket_id = new_ticket(service)
    login = "dee_outbox"
    if service.database.is_sqlite:
        import getpass

        login = getpass.getuser()
    else:
        make_agents(service, login)
    message = outbox.message(ticket_id, MessageKind.NOTE, "Looking into it 🔧")
    assert (message.kind, message.body, message.ticket_id) == (MessageKind.NOTE, "Looking into it 🔧", ticket_id)
    assert outbox.assign(ticket_id, login, None).assignee == login
    assert outbox.assign(ticket_id, None, login).assignee is None
    assert bodies(service, ticket_id) == ["Looking into it 🔧"]
    assert outbox.items() == []
