"""Attachments under the team's rules, tried in raw SQL as each login: an agent reads a ticket's files
only when they may see the ticket, cannot place a file on another's ticket or message, and never
changes or removes one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.team.conftest import Team
from tests.team.test_red_team import refused, ticket
from ticketflow_desktop.domain.attachments import AttachmentNotFound
from ticketflow_desktop.services.attachments import AttachmentService
from ticketflow_desktop.storage.engine import open_database

pytestmark = pytest.mark.postgresql
FILE = "INSERT INTO attachments (ticket_id, message_id, filename, content_type, size, content) "


def attach(team: Team, role: str, ticket_id: int, data: bytes, message_id: int | None = None) -> int:
    with team.connect(role) as connection, connection.begin():
        return int(
            connection.execute(
                text(FILE + "VALUES (:t, :m, 'f.bin', 'application/octet-stream', :n, :c) RETURNING id"),
                {"t": ticket_id, "m": message_id, "n": len(data), "c": data},
            ).scalar_one()
        )


def test_an_agent_reads_only_the_attachments_of_tickets_they_may_see(team: Team, tmp_path: Path) -> None:
    with team.owner.engine.connect() as connection:
        groups = dict(connection.execute(text("SELECT name, id FROM groups")).all())
    billing = ticket(team, "lead", group_id=groups["Billing"])
    hardware = ticket(team, "lead", group_id=groups["Hardware"])
    mine = attach(team, "lead", billing, b"billing bytes")
    theirs = attach(team, "lead", hardware, b"hardware secret")
    with team.connect("agent") as connection:  # alice: Billing
        rows = connection.execute(text("SELECT id, content FROM attachments ORDER BY id")).all()
        assert [(r.id, bytes(r.content)) for r in rows] == [(mine, b"billing bytes")]
        assert connection.execute(text("SELECT count(*) FROM attachments WHERE id = :i"), {"i": theirs}).scalar() == 0
        # A file for a ticket out of sight is refused (row-level security), as is one on another ticket's message.
        assert refused(connection, FILE + "VALUES (:t, NULL, 'x', 'a/b', 1, 'x')", {"t": hardware}) == "42501"
        with team.owner.engine.begin() as owner:
            hardware_message = owner.execute(
                text("INSERT INTO messages (ticket_id, kind, author, body) VALUES (:t, 'note', 'x', 'n') RETURNING id"),
                {"t": hardware},
            ).scalar_one()
        assert (
            refused(connection, FILE + "VALUES (:t, :m, 'x', 'a/b', 1, 'x')", {"t": billing, "m": hardware_message})
            == "42501"
        )
        # Files are append-only for agents, and their time is the database's.
        assert refused(connection, "UPDATE attachments SET content = 'evil' WHERE id = :i", {"i": mine}) == "42501"
        assert refused(connection, "DELETE FROM attachments WHERE id = :i", {"i": mine}) == "42501"
        stamped = FILE[:-2] + ", created_at) VALUES (:t, NULL, 'x', 'a/b', 1, 'x', now())"
        assert refused(connection, stamped, {"t": billing}) == "42501"
        # The database holds the size line itself, whatever the client says.
        assert refused(connection, FILE + "VALUES (:t, NULL, 'x', 'a/b', 5, 'x')", {"t": billing}) == "23514"
    with team.connect("viewer") as connection:  # in no group: sees tickets without one only
        assert connection.execute(text("SELECT count(*) FROM attachments")).scalar() == 0
        assert refused(connection, FILE + "VALUES (:t, NULL, 'x', 'a/b', 1, 'x')", {"t": billing}) == "42501"
    # The service as alice: hers saved, the other group's "not found" (not a leak of its existence).
    database = open_database(team.urls["agent"])
    try:
        service = AttachmentService(database)
        assert [a.id for a in service.of_ticket(billing)] == [mine]
        assert service.of_ticket(hardware) == []
        service.save(mine, tmp_path / "saved.bin")
        assert (tmp_path / "saved.bin").read_bytes() == b"billing bytes"
        with pytest.raises(AttachmentNotFound):
            service.save(theirs, tmp_path / "stolen.bin")
        assert not (tmp_path / "stolen.bin").exists()
    finally:
        database.dispose()


def test_an_agent_cannot_mail_again_a_reply_on_a_ticket_out_of_sight(team: Team) -> None:
    """The mail outbox follows its ticket: out of sight, a reply's mail is neither seen nor queued again."""
    with team.owner.engine.connect() as connection:
        groups = dict(connection.execute(text("SELECT name, id FROM groups")).all())
    hardware = ticket(team, "lead", group_id=groups["Hardware"])
    with team.owner.engine.begin() as owner:
        reply = owner.execute(
            text("INSERT INTO messages (ticket_id, kind, author, body) VALUES (:t, 'reply', 'x', 'r') RETURNING id"),
            {"t": hardware},
        ).scalar_one()
        owner.execute(
            text("INSERT INTO mail_out (message_ref, ticket_id, token, state) VALUES (:m, :t, 'tok-1', 'failed')"),
            {"m": reply, "t": hardware},
        )
    requeue = text("UPDATE mail_out SET state = 'queued' WHERE message_ref = :m")
    with team.connect("agent") as connection:  # alice: Billing
        with connection.begin():
            assert connection.execute(text("SELECT count(*) FROM mail_out")).scalar() == 0
            assert connection.execute(requeue, {"m": reply}).rowcount == 0
        insert = "INSERT INTO mail_out (message_ref, ticket_id, token) VALUES (:m, :t, 'tok-2')"
        assert refused(connection, insert, {"m": reply, "t": hardware}) == "42501"
    with team.connect("other") as connection, connection.begin():  # bob: Hardware, his ticket's reply
        assert connection.execute(requeue, {"m": reply}).rowcount == 1
    with team.owner.engine.connect() as connection:
        assert connection.execute(text("SELECT state FROM mail_out")).scalar() == "queued"
