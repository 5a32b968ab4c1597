"""An outbox written by an earlier version (the payloads as it wrote them) is still sent after an upgrade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ticketflow_desktop.domain import (
    Category,
    OutboxKind,
    OutboxState,
    Priority,
    Status,
    SuggestionSource,
    TicketDraft,
)
from ticketflow_desktop.domain.conversation import Requester
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.outbox import Outbox, Queued
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.outbox_store import OutboxStore

# Copied from what services/outbox.py wrote before domain/codec.py (its _draft_payload and
# _changes_payload): the idempotency key lived only in the record's key column.
OLD_CREATE = (
    '{"title": "Caf\\u00e9 printer \\ud83d\\udda8 broken", "description": "\\u05e9\\u05dc\\u05d5\\u05dd, it jams",'
    ' "category": "technical", "priority": "high", "suggestion": {"category": "technical", "priority": "medium",'
    ' "source": "local", "model": "local", "confidence": 0.71}}'
)
OLD_UPDATE = '{"status": "resolved", "title": "Printer fixed"}'


def test_an_old_outbox_is_sent(service: TicketService, tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    outbox = Outbox(store, service.database.url, service)
    existing = service.create(TicketDraft("Printer", "It jams", Category.TECHNICAL, Priority.LOW))
    store.add(outbox.target, OutboxKind.CREATE, "key-from-an-old-version", json.loads(OLD_CREATE))
    store.add(outbox.target, OutboxKind.UPDATE, "edit-key", json.loads(OLD_UPDATE), existing.id, existing.version)
    assert [item.state for item in outbox.items()] == [OutboxState.PENDING, OutboxState.PENDING]

    delivered = outbox.flush()

    assert [d.kind for d in delivered] == [OutboxKind.CREATE, OutboxKind.UPDATE]
    created, updated = (d.result for d in delivered)
    assert (created.title, created.description) == ("Café printer 🖨 broken", "שלום, it jams")
    assert (created.category, created.priority) == (Category.TECHNICAL, Priority.HIGH)
    assert created.suggestion is not None and created.suggestion.source is SuggestionSource.LOCAL
    assert created.suggestion.confidence == 0.71
    assert (updated.id, updated.title, updated.status) == (existing.id, "Printer fixed", Status.RESOLVED)
    assert outbox.items() == []
    # The old record's key is the one the service knows it by: sending it again stores nothing new.
    again = service.create(
        TicketDraft("x", "y", Category.BILLING, Priority.LOW, idempotency_key="key-from-an-old-version")
    )
    assert again.id == created.id
    store.close()


def test_a_ticket_that_waited_in_the_outbox_keeps_its_requester(service: TicketService, tmp_path: Path) -> None:
    store = OutboxStore(tmp_path / "outbox.sqlite3")
    waiting = Outbox(store, service.database.url)  # the database not open yet: the submit waits
    requester = Requester("Ann Lee", "Ann@Example.com")
    with pytest.raises(Queued):
        waiting.submit(TicketDraft("Refund", "Charged twice.", Category.BILLING, Priority.LOW, requester=requester))

    (delivery,) = Outbox(store, service.database.url, service).flush()

    customer = ConversationService(service.database).customer_by_email("ann@example.com")
    assert customer is not None and customer.name == "Ann Lee"
    assert service.get(delivery.result.id).requester_id == customer.id
    store.close()
