"""Sample tickets for a first look at an empty local database (the Tickets tab's first-launch button)."""

from __future__ import annotations

from ticketflow_desktop.domain import ValidationError
from ticketflow_desktop.domain.errors import FieldError
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import bulk_insert


def load_samples(service: TicketService, count: int) -> int:
    """Seed `count` synthetic tickets (one transaction) into an empty embedded database, and into nothing
    else (a shared one gets no fake tickets from one click, and it may have filled meanwhile)."""
    database = service.database
    if not database.is_sqlite or service.count().value:
        raise ValidationError([FieldError("database", "sample tickets go only into an empty local database")])
    return bulk_insert(database, synthetic_tickets(count))
