"""Ticket numbers and versions outside what either database holds are refused in words, and a
version that never existed is a conflict, never a merge (like HTTP's If-Match)."""

from __future__ import annotations

import pytest

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Category, Conflict, Priority, Status, TicketChanges, TicketDraft, ValidationError
from ticketflow_desktop.services.tickets import TicketService

HUGE = ["9223372036854775808", "2147483648", "0", "-5"]


@pytest.mark.parametrize("number", HUGE)
def test_show_and_update_refuse_numbers_out_of_range(
    database_url: str, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", database_url, "show", number]) == 2
    assert main(["--database-url", database_url, "update", number, "--status", "resolved"]) == 2
    err = capsys.readouterr().err
    assert err.count("ticketflow: ") == 2 and "out of range" in err and "Traceback" not in err


@pytest.mark.parametrize("version", ["-5", "0", "99999999999"])
def test_update_refuses_a_version_out_of_range(
    service: TicketService, database_url: str, version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ticket = service.create(TicketDraft("Printer", "Jams", Category.GENERAL, Priority.LOW))
    code = main(["--database-url", database_url, "update", str(ticket.id), "--status", "resolved",
                 "--expected-version", version])  # fmt: skip
    assert code == 2 and "out of range" in capsys.readouterr().err
    assert service.get(ticket.id).status is Status.OPEN  # nothing applied


def test_a_version_that_never_existed_is_a_conflict(service: TicketService, database_url: str) -> None:
    ticket = service.create(TicketDraft("Printer", "Jams", Category.GENERAL, Priority.LOW))
    with pytest.raises(Conflict) as caught:
        service.update(ticket.id, TicketChanges(status=Status.RESOLVED), ticket.version + 5)
    assert caught.value.conflicting_fields == ("status",)
    assert main(["--database-url", database_url, "update", str(ticket.id), "--priority", "high",
                 "--expected-version", "7"]) == 1  # fmt: skip
    assert service.get(ticket.id) == ticket
    with pytest.raises(ValidationError, match="out of range"):
        service.get(2**63)
    assert service.get_many([ticket.id, 2**63, -1]) == {ticket.id: ticket}
