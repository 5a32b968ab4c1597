"""The team's own tickets as training examples for the local model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ticketflow_desktop.classification.corpus import Example
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.engine import open_database


def ticket_examples(service: TicketService) -> Iterator[Example]:
    """Every ticket, newest first, as an example."""
    for ticket in service.iterate():
        yield Example(ticket.title, ticket.description, ticket.category, ticket.priority)


@dataclass(frozen=True)
class DatabaseExamples:
    """The tickets of the database at `url`, newest first, as examples.

    A picklable callable: the desktop app's child process that trains the local model reads them
    itself. Read in the app (5,000 tickets, 250 ms of work that comes in long stretches of the GIL),
    they stalled its window up to 90 ms at a time.
    """

    url: str = field(repr=False)  # it may hold a password: never printed

    def __call__(self) -> Iterator[Example]:
        database = open_database(self.url, upgrade=False)
        try:
            yield from ticket_examples(TicketService(database))
        finally:
            database.dispose()
