"""Unread marks in the tickets list: which shown rows changed since the agent last opened them.

The list asks (in a worker) about the rows it inserts and the tickets a change names; opening a ticket
in the detail panel marks it read (a write in a worker) and clears its mark at once. The ticket on
screen is never marked: what the agent is looking at is read, whatever a late answer says. An answer
asked before a ticket was marked read says nothing about that ticket (it may predate the mark).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ticketflow_desktop.services.reads import ReadService
from ticketflow_desktop.ui.changes import Change
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.theme import current_tokens


class ListedRows(Protocol):
    """What the marks need of the tickets model (ui/tickets/model.py)."""

    rowsInserted: Any
    modelReset: Any

    def ticket_id(self, row: int) -> int: ...
    def row_of(self, ticket_id: int) -> int | None: ...
    def rowCount(self, parent: Any = ...) -> int: ...
    def rows_changed(self, ids: Iterable[int]) -> None: ...


log = logging.getLogger(__name__)

ASK_MAX = 5000  # rows asked about after "anything may have changed" (the first ones: the rest on scroll)
UNREAD_TOOLTIP = "Unread: changed since you last opened it"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)  # only the weight is set: the view's own font fills in the rest
    return font


def _icon(colour: str | None) -> QIcon:
    """A dot (unread) or the same room left empty (read), so that titles stay aligned."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    if colour is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(2, 2, 8, 8)
        painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


class UnreadMarks(QObject):
    def __init__(self, context: AppContext, model: ListedRows, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.model = model
        self.unread: set[int] = set()
        self.open_id: int | None = None  # the ticket in the detail panel
        self._asked = 0  # a number per question, to tell answers older than a mark
        self._marked: dict[int, int] = {}  # ticket -> the question number when it was marked read
        self.bold = _bold()
        self.blank = _icon(None)
        self._dots: dict[str, QIcon] = {}
        model.rowsInserted.connect(self._rows_inserted)
        model.modelReset.connect(self._reset)
        context.tickets_changed.connect(self._tickets_changed)

    def is_unread(self, ticket_id: int) -> bool:
        return ticket_id in self.unread and ticket_id != self.open_id

    @property
    def dot(self) -> QIcon:
        """The unread dot in the current theme's accent."""
        colour = current_tokens().accent
        icon = self._dots.get(colour)
        if icon is None:
            icon = self._dots[colour] = _icon(colour)
        return icon

    # --- asking ------------------------------------------------------------------------------------

    def _service(self) -> ReadService | None:
        service = self.context.service
        return None if service is None else ReadService(service.database, service.clock)

    def ask(self, ids: Iterable[int]) -> None:
        reads, wanted = self._service(), frozenset(ids)
        if reads is None or not wanted:
            return
        self._asked += 1
        on_done = partial(self._answered, self._asked, wanted)
        self.context.ops.read(self, reads.unread_among, wanted, on_done=on_done, on_failed=self._not_answered)

    def _not_answered(self, error: BaseException) -> None:
        log.info("unread marks not read: %s", error)  # the rows keep their marks; the next change asks again

    def _answered(self, asked_as: int, asked: frozenset[int], unread: frozenset[int]) -> None:
        changed = []
        for ticket_id in asked:
            if self._marked.get(ticket_id, 0) >= asked_as:
                continue  # asked before it was marked read: this answer predates the mark
            now = ticket_id in unread
            if now != (ticket_id in self.unread):
                changed.append(ticket_id)
                (self.unread.add if now else self.unread.discard)(ticket_id)
        self._repaint(changed)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.ask(self.model.ticket_id(row) for row in range(first, last + 1))

    def _reset(self) -> None:
        self.unread.clear()

    def _tickets_changed(self, change: Change) -> None:
        if change.ids is None:
            self.ask(self.model.ticket_id(row) for row in range(min(self.model.rowCount(), ASK_MAX)))
        else:
            self.ask(i for i in change.ids if self.model.row_of(i) is not None)
        if self.open_id is not None and change.touches(self.open_id):
            self._mark_read(self.open_id)  # on screen as it changes: read

    # --- reading -------------------------------------------------------------------------------------

    def opened(self, ticket_id: int | None) -> None:
        """The detail panel shows `ticket_id` (None: nothing): it is read, now and in the database."""
        previous, self.open_id = self.open_id, ticket_id
        if ticket_id is not None:
            self.unread.discard(ticket_id)
            self._mark_read(ticket_id)
        self._repaint(i for i in (previous, ticket_id) if i is not None)

    def _mark_read(self, ticket_id: int) -> None:
        reads = self._service()
        if reads is None:
            return
        self._marked[ticket_id] = self._asked
        self.context.ops.write(self, reads.mark_read, ticket_id, on_failed=self._not_marked)

    def _not_marked(self, error: BaseException) -> None:
        log.info("a ticket was not marked read: %s", error)  # it stays unread in the database: no harm

    def _repaint(self, ids: Iterable[int]) -> None:
        self.model.rows_changed(ids)
