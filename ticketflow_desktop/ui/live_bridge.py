"""Turns the Qt-free change feed (live/) into announcements on the GUI thread (`context.ops.announce`)."""

from __future__ import annotations

import logging
import queue

from PySide6.QtCore import QObject, QTimer, Slot

from ticketflow_desktop.live import ChangedIds, ThreadedFeed, open_feed
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext

log = logging.getLogger(__name__)

# The feed's thread hands changes over in a plain queue, read on the GUI thread this often while a feed
# runs (the feed itself coalesces for 250 ms): never a Qt signal emitted from that thread (see ui/tasks.py).
POLL_MS = 50


class LiveBridge(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.feed: ThreadedFeed | None = None
        self._inbox: queue.SimpleQueue[ChangedIds] = queue.SimpleQueue()
        self._presence: queue.SimpleQueue[ChangedIds] = queue.SimpleQueue()  # presence hints, apart
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._deliver)
        context.database_opened.connect(self.start)

    @Slot(object)
    def start(self, service: TicketService) -> None:
        """Listen to the database `service` uses (replacing any earlier feed)."""
        self.stop()
        try:
            self.feed = open_feed(service.database.url, self._inbox.put, self._presence.put)
        except ValueError as error:
            log.info("no live updates: %s", error)
            return
        self.feed.start()
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        if self.feed is not None:
            if not self.feed.stop():
                log.warning("the change feed did not stop in time")
            self.feed = None

    def _deliver(self) -> None:
        self._deliver_presence()
        while self.feed is not None:
            try:
                ids = self._inbox.get_nowait()
            except queue.Empty:
                return
            kind = ChangeKind.BY_COLLEAGUE
            self.context.ops.announce(Change.unknown(kind) if ids is None else Change.of(ids, kind))

    def _deliver_presence(self) -> None:
        """Every presence hint waiting, merged into one announcement (None: any ticket)."""
        merged: set[int] | None = set()
        heard = False
        while True:
            try:
                ids = self._presence.get_nowait()
            except queue.Empty:
                break
            heard = True
            merged = None if ids is None or merged is None else merged | ids
        if heard and self.feed is not None:
            self.context.presence_hinted.emit(None if merged is None else frozenset(merged))
