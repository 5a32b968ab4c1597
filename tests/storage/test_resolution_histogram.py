"""The resolution-time histogram kept on write equals a full recount, and its median the exact one
(within half a bucket: 0.5%)."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.storage.exact_median import exact_median_resolution_seconds
from ticketflow_desktop.domain import Category, NewTicket, Priority, Status, TicketChanges, TicketDraft
from ticketflow_desktop.services.seed import synthetic_tickets
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.analytics import median_resolution, recount_resolution_times, stored_resolution_times
from ticketflow_desktop.storage.bulk import bulk_insert

START = datetime(2026, 2, 1, 8, tzinfo=UTC)


def check(service: TicketService) -> float | None:
    with service.database.reading() as session:
        assert stored_resolution_times(session) == recount_resolution_times(session)
        exact = exact_median_resolution_seconds(session)
        kept = median_resolution(session)
    assert (kept is None) == (exact is None)
    if exact is not None:
        assert kept == pytest.approx(exact, rel=0.005)
    return kept


def test_histogram_follows_bulk_loads_and_edits(service: TicketService) -> None:
    bulk_insert(service.database, synthetic_tickets(300, now=START + timedelta(days=30), seed=3), batch_size=64)
    check(service)
    ticket = service.create(TicketDraft("Printer", "on fire", Category.TECHNICAL, Priority.HIGH))
    ticket = service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)
    check(service)
    # Reopening and resolving again, or closing later, does not count a second resolution.
    ticket = service.update(ticket.id, TicketChanges(status=Status.OPEN), ticket.version)
    ticket = service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version)
    ticket = service.update(ticket.id, TicketChanges(status=Status.CLOSED), ticket.version)
    with service.database.reading() as session:
        assert sum(stored_resolution_times(session).values()) == sum(recount_resolution_times(session).values())
    check(service)


def test_median_of_repeated_values(service: TicketService) -> None:
    assert check(service) is None
    done = [(START + timedelta(hours=h), Status.RESOLVED) for h in (1, 2, 2, 5)]
    bulk_insert(
        service.database,
        [NewTicket("t", "d", Category.BILLING, Priority.LOW, START, status_changes=(c,)) for c in done],
    )
    assert check(service) == pytest.approx(7200.0, rel=0.005)
