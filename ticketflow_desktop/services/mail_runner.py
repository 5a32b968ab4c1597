"""The mail loop: elected, fetch, send, wait for news; the same for `ticketflow mail run` and the app.

Only the app holding the team's advisory lock (storage/election.py) touches the mailbox; the others
ask again every few seconds, so when the fetcher quits another takes over within seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ticketflow_desktop.config import MailSettings
from ticketflow_desktop.domain.errors import TicketFlowError
from ticketflow_desktop.mail.fetch import Mailbox, MailboxError
from ticketflow_desktop.mail.send import SmtpSender
from ticketflow_desktop.services.mail import Classify, FetchReport, MailService, SendReport
from ticketflow_desktop.storage.election import FetchElection
from ticketflow_desktop.storage.engine import Database

log = logging.getLogger(__name__)

ELECTION_RETRY_S = 2.0  # how soon a standby app notices that the fetcher quit
POLL_S = 30.0  # the longest wait between rounds (IDLE returns sooner when mail arrives)
RECONNECT_S = 10.0  # after the mail server failed


@dataclass
class MailRunner:
    service: MailService
    election: FetchElection
    poll_s: float = POLL_S
    on_round: Callable[[FetchReport | None, SendReport | None], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    _mailbox: Mailbox | None = None

    def run(self) -> None:
        """Until `stop` is set (or KeyboardInterrupt in the CLI)."""
        try:
            while not self.stop.is_set():
                if not self.election.try_lead():
                    self._close_mailbox()
                    self.stop.wait(ELECTION_RETRY_S)
                    continue
                try:
                    self.round()
                    self._wait_for_news()
                except (MailboxError, TicketFlowError) as error:  # the mail server or the database is away
                    if self.stop.is_set():
                        break  # interrupted on purpose
                    log.warning("the team mailbox round failed: %s", error)
                    self._close_mailbox()
                    self.election.release()  # a standby may do better meanwhile
                    self.stop.wait(RECONNECT_S)
        finally:
            self.close()

    def interrupt(self) -> None:
        """From another thread (the app quitting): stop at once, not after the current wait."""
        self.stop.set()
        mailbox = self._mailbox
        if mailbox is not None:
            mailbox.interrupt()

    def close(self) -> None:
        """Log out of the mailbox and give up the lead (another app takes over within seconds)."""
        self._close_mailbox()
        self.election.release()

    def round(self) -> tuple[FetchReport | None, SendReport | None]:
        """One fetch of the inbox and one send of the due replies (each only when set up)."""
        fetched = sent = None
        if self.service.settings.imap_url:
            if self._mailbox is None:
                self._mailbox = self.service.open_mailbox()
            fetched = self.service.fetch_once(self._mailbox)
        if self.service.settings.smtp_url:
            sender: SmtpSender = self.service.open_sender()
            try:
                sent = self.service.send_due(sender, self._mailbox)
            finally:
                sender.close()
        if self.on_round is not None:
            self.on_round(fetched, sent)
        return fetched, sent

    def _wait_for_news(self) -> None:
        if self._mailbox is not None:
            self._mailbox.wait_for_news(self.poll_s)
        else:
            self.stop.wait(self.poll_s)

    def _close_mailbox(self) -> None:
        if self._mailbox is not None:
            self._mailbox.close()
            self._mailbox = None


def mail_runner(
    database: Database,
    settings: MailSettings,
    *,
    classify: Classify | None = None,
    poll_s: float = POLL_S,
    on_round: Callable[[FetchReport | None, SendReport | None], None] | None = None,
) -> MailRunner:
    """The loop for `database`, with its own election (the layers above never touch storage)."""
    service = MailService(database, settings, classify=classify)
    return MailRunner(service, FetchElection(database), poll_s=poll_s, on_round=on_round)
