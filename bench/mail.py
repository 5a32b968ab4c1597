"""The team mailbox: `ticketflow mail fetch --once`'s work on 1,000 varied mails, per backend.

    python -m bench.mail [--mails 1000] [--pg-url postgresql://postgres@127.0.0.1:5432/postgres]

A Dovecot of its own (as the tests start it) is filled with ticketflow_desktop.mail.samples' mailbox
(first mails in five forms and four charsets, answers threaded by header, auto-replies and bounces,
mails delivered twice); one fetch round turns it into tickets and messages. The table shows the rate
and checks the outcome: every mail processed once, none lost, none duplicated.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.databases import recreate_database
from tests.mail.servers import PASSWORD, Dovecot, free_port
from ticketflow_desktop.config import MailSettings
from ticketflow_desktop.mail.fetch import PROCESSED
from ticketflow_desktop.mail.samples import sample_mailbox
from ticketflow_desktop.services.mail import MailService
from ticketflow_desktop.storage.engine import open_database
from ticketflow_desktop.storage.tables import message_table, ticket_table


def run(backend: str, url: str, mails: int) -> list[str]:
    sample = sample_mailbox(mails)
    dovecot = Dovecot(Path(tempfile.mkdtemp(prefix="tfbench-mail-")), free_port())
    dovecot.start()
    try:
        started = time.perf_counter()
        dovecot.deliver(*sample.mails)
        deliver_s = time.perf_counter() - started
        database = open_database(url, upgrade=True)
        try:
            service = MailService(database, MailSettings(dovecot.url, None, "support@example.test", PASSWORD))
            started = time.perf_counter()
            with service.open_mailbox() as mailbox:
                report = service.fetch_once(mailbox)
            fetch_s = time.perf_counter() - started
            with database.reading() as session:
                tickets = session.execute(select(func.count()).select_from(ticket_table)).scalar_one()
                messages = session.execute(select(func.count()).select_from(message_table)).scalar_one()
        finally:
            database.dispose()
        processed = dovecot.folder_count(PROCESSED)
        left = dovecot.folder_count("INBOX")
    finally:
        dovecot.stop()
    lost = mails - processed - left + (sample.new_tickets - tickets) + (sample.answers - messages)
    duplicated = max(0, tickets - sample.new_tickets) + max(0, messages - sample.answers)
    return [
        backend,
        f"{mails}",
        f"{deliver_s:.1f}",
        f"{fetch_s:.1f}",
        f"{mails / fetch_s:.0f}",
        f"{tickets}/{sample.new_tickets}",
        f"{messages}/{sample.answers}",
        f"{report.ignored}/{sample.machines}",
        f"{report.already}/{sample.duplicates}",
        f"{lost}",
        f"{duplicated}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--pg-url", default=os.environ.get("TICKETFLOW_TEST_DATABASE_URL"))
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    rows = [run("sqlite", f"sqlite:///{tempfile.mkdtemp(prefix='tfbench-mail-db-')}/mail.sqlite3", args.mails)]
    if args.pg_url:
        rows.append(run("postgresql", recreate_database(args.pg_url, f"tfbench_mail_{os.getpid()}"), args.mails))
    header = [
        "backend",
        "mails",
        "deliver s",
        "fetch s",
        "mails/s",
        "tickets",
        "messages",
        "ignored",
        "twice",
        "lost",
        "dup",
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
