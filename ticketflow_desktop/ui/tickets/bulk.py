"""One field set on the selected tickets, announced with an Undo that restores each ticket's previous
value through the same version check as any edit: a ticket a colleague changed meanwhile keeps the
colleague's value and is named in the notice."""

from __future__ import annotations

from functools import partial

from ticketflow_desktop.domain import Conflict, Ticket, TicketChanges
from ticketflow_desktop.services.outbox import Queued
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.tickets.edits import ASSIGNEE, FieldValue, write_error_text
from ticketflow_desktop.ui.tickets.model import TicketTableModel


def value_text(value: FieldValue) -> str:
    """A member's label ("In progress"); a title as it is; nobody for no assignee. (The enums are str
    enums: ask for the label.)"""
    return "nobody" if value is None else str(getattr(value, "label", value))


def id_list(ids: list[int]) -> str:
    return ", ".join(f"#{i}" for i in sorted(ids))


class BulkChange:
    """Set `field = value` on `ids` (shown at once, written in the background); when every write has
    ended, offer an Undo for the ones that were stored."""

    def __init__(self, context: AppContext, model: TicketTableModel, field: str, value: FieldValue) -> None:
        self.context, self.model = context, model
        self.field, self.value = field, value
        self.previous: dict[int, FieldValue] = {}
        # The version each of our writes produced: the Undo is an edit made on that version.
        self.versions: dict[int, int] = {}
        self._waiting: set[int] = set()
        self._restored: list[int] = []
        self._not_restored: dict[int, str] = {}  # id -> why
        self._undoing: set[int] = set()

    def start(self, ids: list[int]) -> list[int]:
        """Apply the change; return the ids it was made on (those not already at `value`)."""
        for ticket_id in ids:
            row = self.model.row_of(ticket_id)
            shown = None if row is None else self.model.ticket_at(row)
            if shown is not None:
                self.previous[ticket_id] = getattr(shown, self.field)
        changed = self.model.change(ids, self.field, self.value, on_written=self._written)  # told by the model
        self._waiting = set(changed)
        for ticket_id in set(self.previous) - self._waiting:
            del self.previous[ticket_id]
        return changed

    @property
    def what(self) -> str:
        n = len(self.versions)
        return f"{self.field} of {n} tickets" if n > 1 else f"{self.field} of ticket #{next(iter(self.versions))}"

    def _written(self, ticket_id: int, ticket: Ticket | None) -> None:
        self._waiting.discard(ticket_id)
        if ticket is not None:
            self.versions[ticket_id] = ticket.version
        if self._waiting or not self.versions:
            return  # refusals were announced by the model, each with its reason
        n = len(self.versions)
        whom = f"{n} tickets" if n > 1 else f"ticket #{next(iter(self.versions))}"
        self.context.offer_undo(
            f"{self.field.capitalize()} set to {value_text(self.value)} on {whom}.", self.what, self.undo
        )

    # --- undo ------------------------------------------------------------------------------------

    def undo(self) -> None:
        self._undoing = set(self.versions)
        for ticket_id, version in self.versions.items():
            if self.field == ASSIGNEE:  # not a versioned edit: refused if reassigned meanwhile
                self._assign_back(ticket_id)
                continue
            self.context.writes.update(
                self.model,  # the table's model: its window gone, nobody is left to tell
                ticket_id,
                TicketChanges(**{self.field: self.previous[ticket_id]}),  # type: ignore[arg-type]
                version,
                on_done=partial(self._restored_one, ticket_id),
                on_failed=partial(self._undone, ticket_id),
            )

    def _assign_back(self, ticket_id: int) -> None:
        ours, previous = self.value, self.previous[ticket_id]
        self.context.writes.assign(
            self.model,
            ticket_id,
            previous if isinstance(previous, str) else None,
            ours if isinstance(ours, str) else None,
            on_done=partial(self._restored_one, ticket_id),
            on_failed=partial(self._undone, ticket_id),
        )

    def _restored_one(self, ticket_id: int, _ticket: Ticket) -> None:
        self._undone(ticket_id, None)

    def _undone(self, ticket_id: int, error: BaseException | None) -> None:
        self._undoing.discard(ticket_id)
        if error is None or isinstance(error, Queued):  # a queued restore is sent when the database is back
            self._restored.append(ticket_id)
        elif isinstance(error, Conflict):
            self._not_restored[ticket_id] = "changed by someone else meanwhile"
        else:
            self._not_restored[ticket_id] = write_error_text(ticket_id, error)
        if not self._undoing:
            self._report()

    def _report(self) -> None:
        restored, refused = self._restored, self._not_restored
        if not refused:
            n = len(restored)
            self.context.notices.success(f"Restored the {self.field} of {n} ticket{'s' if n > 1 else ''}.")
            return
        colleague = [i for i, why in refused.items() if why == "changed by someone else meanwhile"]
        parts = [f"Restored the {self.field} of {len(restored)} of {len(restored) + len(refused)} tickets."]
        if colleague:
            parts.append(f"Not restored, changed by someone else meanwhile: {id_list(colleague)}.")
        parts += [why for i, why in sorted(refused.items()) if i not in colleague]
        self.context.notices.warning(" ".join(parts))
