"""The outbox: no ticket and no edit is lost when the database is away.

Every write is first committed to a local SQLite file (storage/outbox_store.py), then sent. If the
database is unreachable the write stays there and is sent, in order, once it is back - also after a
restart or a `kill -9`. (Only when the outbox file itself cannot be used does a write go straight
to the database, logged.) Sending is exactly-once:

* a new ticket carries an idempotency key; `TicketService.create` returns the stored ticket for a
  known key, so a submit whose commit succeeded but whose answer was lost is not stored twice;
* an edit keeps the version it was made on and sets absolute values (never deltas). Replaying it
  after a lost answer finds its own values already stored: `TicketService.update` then changes
  nothing (no new version, no events). If a colleague changed the same field in between, the replay
  is a Conflict, shown to the user, never a silent overwrite.

Successive offline edits of the same ticket made on the same version are merged into one entry,
so an agent's second edit does not conflict with their own first one.

Synchronous, for one serial writer: calls must not overlap.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from dataclasses import dataclass, replace
from datetime import datetime

from ticketflow_desktop.domain import (
    Conflict,
    NotFound,
    OutboxKind,
    OutboxState,
    PermissionDenied,
    StorageUnavailable,
    Ticket,
    TicketChanges,
    TicketDraft,
    TicketFlowError,
    ValidationError,
)
from ticketflow_desktop.domain.codec import changes_from_dict, changes_to_dict, draft_from_dict, draft_to_dict
from ticketflow_desktop.domain.validation import validate_changes, validate_draft
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import mask_url
from ticketflow_desktop.storage.outbox_store import OutboxRecord, OutboxStore

log = logging.getLogger(__name__)

# The names ui/outbox_panel.py imports (OutboxState is the vocabulary; these go once it uses it).
CONFLICT, FAILED = OutboxState.CONFLICT, OutboxState.FAILED


class Queued(StorageUnavailable):
    """The write is safe in the local outbox and will be sent when the database is back."""

    def __init__(self, item_id: int, kind: OutboxKind, reason: str) -> None:
        self.item_id = item_id
        self.kind = kind
        what = "The ticket" if kind is OutboxKind.CREATE else "The change"
        super().__init__(f"{reason} {what} is kept in the outbox and will be sent when the database is back.")


@dataclass(frozen=True)
class OutboxItem:
    """What the user sees of a waiting write."""

    id: int
    kind: OutboxKind
    ticket_id: int | None
    summary: str
    state: OutboxState
    message: str
    attempts: int
    created_at: datetime


@dataclass(frozen=True)
class Delivery:
    item_id: int
    kind: OutboxKind
    ticket: Ticket


class Outbox:
    def __init__(self, store: OutboxStore, url: str, service: TicketService | None = None) -> None:
        self.store = store
        self.target = mask_url(url)
        self.service = service
        # Writes that reached the database, for the GUI to announce (drained on its thread).
        self.deliveries: deque[Delivery] = deque()

    # --- the two writes ------------------------------------------------------------------------

    def submit(self, draft: TicketDraft) -> Ticket:
        """Store `draft`; raises Queued when it had to stay in the outbox."""
        draft = validate_draft(draft)  # bad input is refused at once, never queued
        draft = replace(draft, idempotency_key=draft.idempotency_key or uuid.uuid4().hex)
        try:
            item_id = self.store.add(self.target, OutboxKind.CREATE, draft.idempotency_key or "", draft_to_dict(draft))
        except StorageUnavailable as error:  # a broken outbox must not stop a write the database can take
            log.warning("outbox unusable, sending directly: %s", error)
            return self._service().create(draft)
        return self._deliver_up_to(item_id, OutboxKind.CREATE, fresh=True)

    def update(self, ticket_id: int, changes: TicketChanges, expected_version: int) -> Ticket:
        """Apply an edit made on `expected_version`; raises Queued when it had to stay in the outbox."""
        changes = validate_changes(changes)
        try:
            merged = self._merge_into_pending(ticket_id, changes, expected_version)
        except StorageUnavailable:
            merged = None
        if merged is not None:
            return self._deliver_up_to(merged, OutboxKind.UPDATE, fresh=False)
        try:
            item_id = self.store.add(
                self.target, OutboxKind.UPDATE, uuid.uuid4().hex, changes_to_dict(changes), ticket_id, expected_version
            )
        except StorageUnavailable as error:
            log.warning("outbox unusable, sending directly: %s", error)
            return self._service().update(ticket_id, changes, expected_version)
        return self._deliver_up_to(item_id, OutboxKind.UPDATE, fresh=True)

    # --- the queue -----------------------------------------------------------------------------

    def items(self) -> list[OutboxItem]:
        return [_item(r) for r in self.store.all(self.target)]

    def pending_count(self) -> int:
        return len(self.store.all(self.target))

    def waiting(self) -> int:
        """How many writes wait only for the database (not for a decision of the user)."""
        return sum(1 for r in self.store.all(self.target) if r.state is OutboxState.PENDING)

    def flush_and_count(self) -> int:
        self.flush()
        return self.waiting()

    def flush(self) -> list[Delivery]:
        """Send every pending write in order; stop at the first sign the database is away."""
        delivered: list[Delivery] = []
        for record in self.store.all(self.target):
            if record.state is not OutboxState.PENDING:
                continue
            try:
                delivered.append(self._attempt(record, fresh=False))
            except StorageUnavailable:
                break
            except TicketFlowError:
                continue  # recorded on the item; the user decides
        return delivered

    def retry(self, item_id: int, *, mine_anyway: bool = False) -> Ticket | None:
        """Send one item again. For a conflict, `mine_anyway` re-bases the edit on the stored version."""
        record = self.store.get(item_id)
        if record is None:
            return None
        if mine_anyway and record.kind is OutboxKind.UPDATE and record.ticket_id is not None:
            current = self._service().get(record.ticket_id)
            self.store.update_payload(record.id, record.payload, current.version)
            record = self.store.get(item_id) or record
        self.store.set_state(record.id, OutboxState.PENDING, attempted=False)
        return self._attempt(record, fresh=False).ticket

    def discard(self, item_id: int) -> None:
        self.store.remove(item_id)

    # --- internals -----------------------------------------------------------------------------

    def _service(self) -> TicketService:
        if self.service is None:
            raise StorageUnavailable("The database is not open.")
        return self.service

    def _merge_into_pending(self, ticket_id: int, changes: TicketChanges, expected_version: int) -> int | None:
        for record in self.store.all(self.target):
            if (
                record.kind is OutboxKind.UPDATE
                and record.state is OutboxState.PENDING
                and record.ticket_id == ticket_id
                and record.expected_version == expected_version
            ):
                self.store.update_payload(record.id, {**record.payload, **changes_to_dict(changes)})
                return record.id
        return None

    def _deliver_up_to(self, item_id: int, kind: OutboxKind, *, fresh: bool) -> Ticket:
        """Send older pending writes first (order matters for edits), then this one."""
        for record in self.store.all(self.target):
            if record.id > item_id:
                break
            if record.state is not OutboxState.PENDING and record.id != item_id:
                continue
            try:
                delivery = self._attempt(record, fresh=fresh and record.id == item_id)
            except StorageUnavailable as error:
                raise Queued(item_id, kind, str(error)) from error
            except TicketFlowError:
                if record.id == item_id:
                    raise
                continue
            if record.id == item_id:
                return delivery.ticket
        raise StorageUnavailable("The write vanished from the outbox.")  # discarded meanwhile

    def _attempt(self, record: OutboxRecord, *, fresh: bool) -> Delivery:
        """Send one record. A fresh write refused for good is removed (the caller shows the error where
        the user still has their input); a replayed one is kept, marked, for the user to decide."""
        try:
            ticket = self._send(record, fresh=fresh)
        except StorageUnavailable as error:
            self.store.set_state(record.id, OutboxState.PENDING, str(error))
            raise
        except (Conflict, ValidationError, NotFound, PermissionDenied) as error:  # refused for good: never retried
            if fresh:
                self.store.remove(record.id)
            else:
                state = OutboxState.CONFLICT if isinstance(error, Conflict) else OutboxState.FAILED
                self.store.set_state(record.id, state, str(error))
            raise
        except Exception as error:
            # A bug: keep the write (nothing lost), mark it, and let the crash handler see it.
            self.store.set_state(record.id, OutboxState.FAILED, f"Unexpected error: {type(error).__name__}")
            raise
        self.store.remove(record.id)
        delivery = Delivery(record.id, record.kind, ticket)
        if not fresh:
            self.deliveries.append(delivery)
        return delivery

    def _send(self, record: OutboxRecord, *, fresh: bool) -> Ticket:
        service = self._service()
        written_at = None if fresh else record.created_at  # a write that waited keeps when it was made
        if record.kind is OutboxKind.CREATE:
            draft = replace(draft_from_dict(record.payload), idempotency_key=record.key)
            return service.create(draft, written_at=written_at)
        assert record.ticket_id is not None and record.expected_version is not None
        return service.update(
            record.ticket_id, changes_from_dict(record.payload), record.expected_version, written_at=written_at
        )


def _item(record: OutboxRecord) -> OutboxItem:
    if record.kind is OutboxKind.CREATE:
        summary = f"New ticket: {record.payload.get('title', '')}"
    else:
        fields = ", ".join(sorted(record.payload))
        summary = f"Edit of ticket #{record.ticket_id}: {fields}"
    return OutboxItem(
        record.id,
        record.kind,
        record.ticket_id,
        summary,
        record.state,
        record.message,
        record.attempts,
        record.created_at,
    )
