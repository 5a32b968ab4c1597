"""Errors with a meaning for the user. Everything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ticketflow_desktop.domain.models import Ticket


class TicketFlowError(Exception):
    """Base of the errors the app expects and explains to the user."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class ValidationError(TicketFlowError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(e.message for e in errors))

    def for_field(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


class NotFound(TicketFlowError):
    def __init__(self, ticket_id: int) -> None:
        self.ticket_id = ticket_id
        super().__init__(f"Ticket #{ticket_id} does not exist")


class Conflict(TicketFlowError):
    """The ticket changed since the caller read it; `current` is what is stored now."""

    def __init__(self, current: Ticket, conflicting_fields: tuple[str, ...] = ()) -> None:
        self.current = current
        self.conflicting_fields = conflicting_fields
        fields = ", ".join(conflicting_fields) or "it"
        super().__init__(
            f"Ticket #{current.id} was changed by someone else ({fields}); it is now at version {current.version}"
        )


class StorageUnavailable(TicketFlowError):
    """The database cannot be reached or used right now (down, locked, read-only, disk full)."""


class StorageBusy(StorageUnavailable):
    """The server answered, but a colleague's transaction held what this one needed (a deadlock, a lock
    wait cut short, a serialization failure): worth trying again, and no sign the database is away."""


class Cancelled(TicketFlowError):
    """The work was stopped because its answer was no longer wanted (see domain.cancel)."""

    def __init__(self) -> None:
        super().__init__("Stopped: the answer was no longer needed.")


class DatabaseTooNew(TicketFlowError):
    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(
            f"This database was upgraded by a newer TicketFlow (schema {revision}). Update TicketFlow to open it."
        )


class PermissionDenied(TicketFlowError):
    """The database refused the act for this login's role (SQLSTATE 42501 and friends).

    Never retried: the same role will be refused again until an administrator changes it.
    """

    def __init__(self, login: str, action: str) -> None:
        self.login, self.action = login, action
        super().__init__(f"Your database role ({login}) may not {action} — ask an administrator.")


class SchemaBehind(TicketFlowError):
    """The shared database's schema is older than this app needs; only an administrator upgrades it."""

    def __init__(self, current: str | None, wanted: str) -> None:
        self.current, self.wanted = current, wanted
        super().__init__(
            f"This database needs an upgrade to schema {wanted}; ask an administrator to run `ticketflow db upgrade`."
        )
