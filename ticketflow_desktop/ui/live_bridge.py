"""Turns the Qt-free change feed (live/) into announcements on the GUI thread (`context.ops.announce`)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from ticketflow_desktop.live import ChangedIds, ThreadedFeed, open_feed
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext

log = logging.getLogger(__name__)


class LiveBridge(QObject):
    # Emitted on the feed's thread; the connection is queued onto the GUI thread where we live.
    _changed = Signal(object)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.feed: ThreadedFeed | None = None
        self._changed.connect(self._deliver)
        context.database_opened.connect(self.start)

    @Slot(object)
    def start(self, service: TicketService) -> None:
        """Listen to the database `service` uses (replacing any earlier feed)."""
        self.stop()
        try:
            self.feed = open_feed(service.database.url, self._changed.emit)
        except ValueError as error:
            log.info("no live updates: %s", error)
            return
        self.feed.start()

    def stop(self) -> None:
        if self.feed is not None:
            if not self.feed.stop():
                log.warning("the change feed did not stop in time")
            self.feed = None

    @Slot(object)
    def _deliver(self, ids: ChangedIds) -> None:
        if self.feed is not None:
            kind = ChangeKind.BY_COLLEAGUE
            self.context.ops.announce(Change.unknown(kind) if ids is None else Change.of(ids, kind))
