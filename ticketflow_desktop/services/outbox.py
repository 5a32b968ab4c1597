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
  is a Conflict, shown to the user, never a silent overwrite;
* a message (reply or note) carries an idempotency key too, and a reply the newest message the agent
  had read: if a colleague or the customer wrote since, its replay is held (ThreadMovedOn) for the
  agent to read first, as the composer does online;
* an assignment keeps who had the ticket before: if a colleague gave it to someone else meanwhile,
  its replay is a Conflict.

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
from ticketflow_desktop.domain.conversation import Message, MessageKind, ThreadMovedOn, validate_body
from ticketflow_desktop.domain.validation import validate_changes, validate_draft
from ticketflow_desktop.services.conversation import ConversationService
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
        what = _WHAT_WAITS[kind]
        super().__init__(f"{reason} {what} is kept in the outbox and will be sent when the database is back.")


_WHAT_WAITS = {
    OutboxKind.CREATE: "The ticket",
    OutboxKind.UPDATE: "The change",
    OutboxKind.MESSAGE: "Your message",
    OutboxKind.ASSIGN: "The assignment",
}
ASSIGNEE_BEFORE = "before"  # an assignment's payload: who had the ticket when it was made


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
    ticket_id: int
    result: Ticket | Message


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
        return self._deliver_ticket(item_id, OutboxKind.CREATE, fresh=True)

    def update(self, ticket_id: int, changes: TicketChanges, expected_version: int) -> Ticket:
        """Apply an edit made on `expected_version`; raises Queued when it had to stay in the outbox."""
        changes = validate_changes(changes)
        try:
            merged = self._merge_into_pending(ticket_id, changes, expected_version)
        except StorageUnavailable:
            merged = None
        if merged is not None:
            return self._deliver_ticket(merged, OutboxKind.UPDATE, fresh=False)
        try:
            item_id = self.store.add(
                self.target, OutboxKind.UPDATE, uuid.uuid4().hex, changes_to_dict(changes), ticket_id, expected_version
            )
        except StorageUnavailable as error:
            log.warning("outbox unusable, sending directly: %s", error)
            return self._service().update(ticket_id, changes, expected_version)
        return self._deliver_ticket(item_id, OutboxKind.UPDATE, fresh=True)

    def message(self, ticket_id: int, kind: MessageKind, body: str, seen_up_to: int | None = None) -> Message:
        """Add a reply or a note; raises Queued when it had to stay in the outbox. A reply with
        `seen_up_to` is held back (ThreadMovedOn) when someone else wrote since, now or on replay."""
        body = validate_body(body)
        payload = {"kind": kind.value, "body": body, "seen_up_to": seen_up_to}
        try:
            item_id = self.store.add(self.target, OutboxKind.MESSAGE, uuid.uuid4().hex, payload, ticket_id)
        except StorageUnavailable as error:
            log.warning("outbox unusable, sending directly: %s", error)
            return self._conversation().add(ticket_id, kind, body, seen_up_to=seen_up_to)
        result = self._deliver_up_to(item_id, OutboxKind.MESSAGE, fresh=True)
        assert isinstance(result, Message)
        return result

    def assign(self, ticket_id: int, login: str | None, before: str | None) -> Ticket:
        """Give the ticket to `login` (None: nobody), which `before` had; raises Queued when it had to
        stay in the outbox, Conflict when someone else assigned it otherwise meanwhile."""
        payload = {"assignee": login, ASSIGNEE_BEFORE: before}
        try:
            item_id = self.store.add(self.target, OutboxKind.ASSIGN, uuid.uuid4().hex, payload, ticket_id)
        except StorageUnavailable as error:
            log.warning("outbox unusable, sending directly: %s", error)
            return _assign_if_unchanged(self._service(), ticket_id, login, before)
        return self._deliver_ticket(item_id, OutboxKind.ASSIGN, fresh=True)

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
        elif mine_anyway and record.kind is OutboxKind.MESSAGE:  # the agent has read the news
            self.store.update_payload(record.id, {**record.payload, "seen_up_to": None})
        elif mine_anyway and record.kind is OutboxKind.ASSIGN and record.ticket_id is not None:
            current = self._service().get(record.ticket_id)
            self.store.update_payload(record.id, {**record.payload, ASSIGNEE_BEFORE: current.assignee})
        record = self.store.get(item_id) or record
        self.store.set_state(record.id, OutboxState.PENDING, attempted=False)
        result = self._attempt(record, fresh=False).result
        return result if isinstance(result, Ticket) else self._service().get(record.ticket_id or 0)

    def discard(self, item_id: int) -> None:
        self.store.remove(item_id)

    # --- internals -----------------------------------------------------------------------------

    def _service(self) -> TicketService:
        if self.service is None:
            raise StorageUnavailable("The database is not open.")
        return self.service

    def _conversation(self) -> ConversationService:
        service = self._service()
        return ConversationService(service.database, service.clock)

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

    def _deliver_ticket(self, item_id: int, kind: OutboxKind, *, fresh: bool) -> Ticket:
        result = self._deliver_up_to(item_id, kind, fresh=fresh)
        assert isinstance(result, Ticket)  # every kind but MESSAGE answers with the ticket
        return result

    def _deliver_up_to(self, item_id: int, kind: OutboxKind, *, fresh: bool) -> Ticket | Message:
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
                return delivery.result
        raise StorageUnavailable("The write vanished from the outbox.")  # discarded meanwhile

    def _attempt(self, record: OutboxRecord, *, fresh: bool) -> Delivery:
        """Send one record. A fresh write refused for good is removed (the caller shows the error where
        the user still has their input); a replayed one is kept, marked, for the user to decide."""
        try:
            result = self._send(record, fresh=fresh)
        except StorageUnavailable as error:
            self.store.set_state(record.id, OutboxState.PENDING, str(error))
            raise
        except (Conflict, ThreadMovedOn, ValidationError, NotFound, PermissionDenied) as error:  # refused for good
            if fresh:
                self.store.remove(record.id)
            else:
                state = OutboxState.CONFLICT if isinstance(error, Conflict | ThreadMovedOn) else OutboxState.FAILED
                self.store.set_state(record.id, state, str(error))
            raise
        except Exception as error:
            # A bug: keep the write (nothing lost), mark it, and let the crash handler see it.
            self.store.set_state(record.id, OutboxState.FAILED, f"Unexpected error: {type(error).__name__}")
            raise
        self.store.remove(record.id)
        ticket_id = result.ticket_id if isinstance(result, Message) else result.id
        delivery = Delivery(record.id, record.kind, ticket_id, result)
        if not fresh:
            self.deliveries.append(delivery)
        return delivery

    def _send(self, record: OutboxRecord, *, fresh: bool) -> Ticket | Message:
        service = self._service()
        written_at = None if fresh else record.created_at  # a write that waited keeps when it was made
        if record.kind is OutboxKind.CREATE:
            draft = replace(draft_from_dict(record.payload), idempotency_key=record.key)
            return service.create(draft, written_at=written_at)
        assert record.ticket_id is not None
        payload = record.payload
        if record.kind is OutboxKind.MESSAGE:
            return self._conversation().add(
                record.ticket_id,
                MessageKind(payload["kind"]),
                payload["body"],
                written_at=written_at,
                seen_up_to=payload.get("seen_up_to"),
                idempotency_key=record.key,
            )
        if record.kind is OutboxKind.ASSIGN:
            return _assign_if_unchanged(service, record.ticket_id, payload["assignee"], payload[ASSIGNEE_BEFORE])
        assert record.expected_version is not None
        return service.update(
            record.ticket_id, changes_from_dict(payload), record.expected_version, written_at=written_at
        )


def _assign_if_unchanged(service: TicketService, ticket_id: int, login: str | None, before: str | None) -> Ticket:
    """Assign unless a colleague gave the ticket to someone else since `before` was read. Sending it again
    after a lost answer finds `login` already set and changes nothing."""
    current = service.get(ticket_id)
    if current.assignee not in (before, login):
        raise Conflict(current, ("assignee",))
    return service.assign(ticket_id, login)


def _item(record: OutboxRecord) -> OutboxItem:
    payload = record.payload
    if record.kind is OutboxKind.CREATE:
        summary = f"New ticket: {payload.get('title', '')}"
    elif record.kind is OutboxKind.MESSAGE:
        what = "Note" if payload.get("kind") == MessageKind.NOTE else "Reply"
        first_line = str(payload.get("body", "")).strip().splitlines()[0] if payload.get("body") else ""
        summary = f"{what} on ticket #{record.ticket_id}: {first_line[:60]}"
    elif record.kind is OutboxKind.ASSIGN:
        summary = f"Assignment of ticket #{record.ticket_id} to {payload.get('assignee') or 'nobody'}"
    else:
        fields = ", ".join(sorted(payload))
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
