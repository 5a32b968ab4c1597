"""The app's own mail fetcher: while the window runs, it stands for election to fetch the team mailbox
(services/mail_runner.py), in a daemon thread of its own; only when a mailbox is set up.

One app of the team fetches (PostgreSQL's advisory lock); the others stand by and take over within
seconds when it quits. New tickets reach the views through the live feed like a colleague's.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from ticketflow_desktop import config
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.settings import MAIL_KEYS

if TYPE_CHECKING:
    from ticketflow_desktop.services.mail import Classify
    from ticketflow_desktop.services.mail_runner import MailRunner

log = logging.getLogger(__name__)


class MailFetcher(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner: MailRunner | None = None
        self._stop: threading.Event | None = None
        context.database_opened.connect(self.start)
        # The mailbox dialog saved (several keys at once): one restart with the new settings, or a stop.
        self._restart = QTimer(self, singleShot=True, interval=0)
        self._restart.timeout.connect(self._restart_now)
        context.settings.changed.connect(self._settings_changed)

    @Slot(str, object)
    def _settings_changed(self, key: str, _value: object) -> None:
        if key in (*MAIL_KEYS, "mail_password"):
            self._restart.start()

    def _restart_now(self) -> None:
        if self.context.service is not None:
            self.start(self.context.service)

    @Slot(object)
    def start(self, service: TicketService) -> None:
        self.stop()
        if not self.context.settings.mailbox_set_up():
            return  # no mailbox set up: no thread at all
        stop = threading.Event()
        stored = self.context.settings.mail_fields()  # the settings file here; the keyring in the thread
        # Settings (the keyring's password) are read in the thread: the keyring may be slow to answer.
        thread = threading.Thread(target=self._run, args=(service, stored, stop), name="mail-fetcher", daemon=True)
        self._stop = stop
        thread.start()

    def _run(self, service: TicketService, stored: dict[str, object], stop: threading.Event) -> None:
        # Imported here: the mail protocols (imaplib, smtplib, ssl) are not the window's first paint's business.
        from ticketflow_desktop.services.mail_runner import mail_runner

        settings = config.load_mail_settings(stored)
        if not (settings.imap_url or settings.smtp_url) or stop.is_set():
            return
        runner = mail_runner(service.database, settings, classify=_local_classifier(service))
        runner.stop = stop
        self.runner = runner
        log.info("standing for election to fetch the team mailbox")
        runner.run()

    def stop(self) -> None:
        """The thread ends after its current wait (IDLE, at most POLL_S) and gives up the lead itself;
        when the app exits first, the lock goes with the closed connection."""
        if self._stop is not None:
            self._stop.set()
            self._stop = None
        if self.runner is not None:
            self.runner.interrupt()
            self.runner = None


def _local_classifier(service: TicketService) -> Classify:
    """New mail tickets get the local model's category and priority when it is sure (never the language
    model's). It trains in a child process, as the Submit form's does: never a stall of the window."""
    from ticketflow_desktop.classification.suggest import Suggester
    from ticketflow_desktop.services.examples import DatabaseExamples
    from ticketflow_desktop.services.mail import local_classifier

    suggester = Suggester(None, DatabaseExamples(service.database.url), lambda: service.count(cap=None).value)
    suggester.train_apart = True
    return local_classifier(suggester)
