"""The tickets table model: keyset pages fetched lazily in workers, rows held in a bounded cache.

Edits made in the table show at once and are written behind (ui/tickets/edits.py).

What grows with scrolling is only an array of ids (8 bytes a row). Ticket data lives in an LRU cache
of CACHE_ROWS tickets; a row whose ticket was evicted is fetched again (by id, in a worker) when it
is painted. `data()` never queries: it answers from the cache or schedules a fetch.
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ticketflow_desktop.domain import (
    Category,
    Count,
    Page,
    Priority,
    Sort,
    SortKey,
    Status,
    StorageUnavailable,
    Ticket,
    TicketFilter,
    ValidationError,
)
from ticketflow_desktop.domain.sla import time_left_text
from ticketflow_desktop.domain.sla_state import SlaState
from ticketflow_desktop.ui.changes import Change
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.ops import ignore
from ticketflow_desktop.ui.theme import PRIORITY_COLOURS, STATUS_COLOURS, current_tokens, sla_colour
from ticketflow_desktop.ui.tickets.edits import FieldValue, OptimisticEdits, Written
from ticketflow_desktop.ui.tickets.format import count_text, exact_time, plain_tooltip, relative_time
from ticketflow_desktop.ui.tickets.unread import UNREAD_TOOLTIP, UnreadMarks
from ticketflow_desktop.ui.words import error_words

if TYPE_CHECKING:
    from ticketflow_desktop.services.tickets import TicketService

log = logging.getLogger(__name__)

FIRST_PAGE = 100
PAGE = 200
CACHE_ROWS = 3000

# SLA states whose time left moves with the clock (paused and settled ones stand still).
RUNNING_SLA = frozenset({SlaState.OK, SlaState.DUE_SOON, SlaState.BREACHED})
COL_ID, COL_TITLE, COL_CATEGORY, COL_PRIORITY, COL_STATUS, COL_CREATED, COL_UPDATED, COL_ASSIGNEE, COL_SLA = range(9)
# The assignee came last (a saved header state keeps its meaning); the view shows it after the status.
# The SLA column (time left to the running target, coloured by its state) came after it.
HEADERS = ("#", "Title", "Category", "Priority", "Status", "Created", "Updated", "Assignee", "SLA")
NOBODY = "—"  # the assignee column of a ticket nobody owns
# Columns edited in place (F2, double click) and the field each one writes.
EDITABLE = {COL_TITLE: "title", COL_CATEGORY: "category", COL_PRIORITY: "priority", COL_STATUS: "status"}
# The ones edited by picking a value from a list.
CHOICE_COLUMNS = {COL_CATEGORY: "category", COL_PRIORITY: "priority", COL_STATUS: "status"}
ENUMS: dict[str, type[Category | Priority | Status]] = {
    "category": Category,
    "priority": Priority,
    "status": Status,
}
SORT_KEYS = {
    COL_TITLE: SortKey.TITLE,
    COL_PRIORITY: SortKey.PRIORITY,
    COL_STATUS: SortKey.STATUS,
    COL_CREATED: SortKey.CREATED,
    COL_UPDATED: SortKey.UPDATED,
    COL_SLA: SortKey.DUE,
}
SORT_COLUMNS = {key: column for column, key in SORT_KEYS.items()}
# A ticket's place in each list order, as the database sorts it (ties broken by id).
_SORT_VALUE: dict[SortKey, Callable[[Ticket], Any]] = {
    SortKey.CREATED: lambda t: t.created_at,
    SortKey.UPDATED: lambda t: t.updated_at,
    SortKey.PRIORITY: lambda t: t.priority.rank,
    SortKey.STATUS: lambda t: t.status.rank,
    SortKey.DUE: lambda t: t.sla.sort_due,
}
TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SLA_STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the SLA column's state (an SlaState), None without a policy
_LOADING = "…"
# How much of the description the title's tooltip quotes.
TOOLTIP_DESCRIPTION = 300
_LABELS: dict[Category | Priority | Status, str] = {m: m.label for e in (Category, Priority, Status) for m in e}
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_ID_ROLE = int(TICKET_ID_ROLE)
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_SLA_ROLE = int(SLA_STATE_ROLE)
_FONT = Qt.ItemDataRole.FontRole.value  # unread rows in bold (ui/tickets/unread.py)
_ROLES = frozenset(
    {_DISPLAY, _EDIT, _TOOLTIP, _ALIGN, _ID_ROLE, Qt.ItemDataRole.DecorationRole.value, _FOREGROUND, _SLA_ROLE, _FONT}
)
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable


def _dot(colour: str, cache: dict[str, QIcon] = {}) -> QIcon:  # noqa: B006 - a deliberate per-process cache
    icon = cache.get(colour)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = cache[colour] = QIcon(pixmap)
        icon.addPixmap(pixmap, QIcon.Mode.Selected)  # keep the colour true on a selected row
    return icon


class ListState(StrEnum):
    OPENING = "opening"  # no database yet
    LOADING = "loading"
    READY = "ready"
    EMPTY = "empty"  # the filters match nothing
    FIRST_LAUNCH = "first_launch"  # no ticket at all
    ERROR = "error"  # the first page could not be read


class TicketTableModel(QAbstractTableModel):
    state_changed = Signal(str)  # a ListState
    count_changed = Signal(str)
    # A read failed: (message, error)
    load_failed = Signal(str, object)
    # A write was refused because a colleague changed the ticket: (ticket id, message)
    conflict = Signal(int, str)
    # The first page of a new query has arrived (the view restores the selection then).
    first_page_loaded = Signal()
    # Rows were inserted at the top by a live update: (count)
    rows_prepended = Signal(int)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.filter = TicketFilter()
        self.sort_order = Sort()
        self.state = ListState.OPENING
        self.read_only = False  # a viewer's list: no cell is editable
        # The query cannot be read yet (the "Mine" queue before the login is known): loading, no reads.
        self.held = False
        self._ids = array("q")
        self._cache: OrderedDict[int, Ticket] = OrderedDict()
        self._cursor: str | None = None
        self._fetching_more = False
        self._max_id = 0
        self.edits = OptimisticEdits(self, self)  # edits shown before the database has them
        self._missing: set[int] = set()
        self._requested: set[int] = set()
        self._fetch_missing_timer = QTimer(self, singleShot=True, interval=0)
        self._fetch_missing_timer.timeout.connect(self._fetch_missing)
        self._count_timer = QTimer(self, singleShot=True, interval=300)
        self._count_timer.timeout.connect(self._request_count)
        self.unread = UnreadMarks(context, self, self)  # bold rows with a dot: changed since last opened

    # --- queries -------------------------------------------------------------------------------

    def set_query(self, filter: TicketFilter, sort: Sort | None = None) -> None:
        self.filter = filter
        if sort is not None:
            self.sort_order = sort
        self.reload()

    def set_sort(self, sort: Sort) -> None:
        self.set_query(self.filter, sort)

    def reload(self) -> None:
        """Start the query again from its first page (filters or sort changed, or a retry).

        What the reads of the previous query would deliver is dropped (ops.renew): a page, a count or a
        fetch of rows made for other filters never lands in this one."""
        self.context.ops.renew(self)
        self.beginResetModel()
        self._ids = array("q")
        self._cursor = None
        self._fetching_more = False
        self._missing.clear()
        self._requested.clear()
        self.endResetModel()
        service = self.context.service
        if service is None:
            self._set_state(ListState.OPENING)
            return
        self._set_state(ListState.LOADING)
        if self.held:
            return
        self._read_first_page(
            service, on_done=self._first_page, on_failed=self._read_failed, key="tickets-list", stop_stale=True
        )
        self._request_count()

    def _read_first_page(
        self, service: TicketService, *, on_done: Callable, on_failed: Callable, key: str, stop_stale: bool = False
    ) -> None:
        """The first page of the current query, read in a worker."""
        self.context.ops.read(
            self,
            service.page,
            self.filter,
            self.sort_order,
            FIRST_PAGE,
            None,
            on_done=on_done,
            on_failed=on_failed,
            key=key,
            stop_stale=stop_stale,
        )

    def _request_count(self) -> None:
        service = self.context.service
        if service is None or self.held:
            return
        self.context.ops.read(
            self,
            service.count,
            self.filter,
            on_done=self._counted,
            on_failed=ignore,  # the first page's read says what went wrong
            key="tickets-count",
            stop_stale=True,
        )

    def _counted(self, count: Count) -> None:
        self.count_changed.emit(count_text(count))

    def _first_page(self, page: Page) -> None:
        self._append(page)
        if page.tickets:
            self._set_state(ListState.READY)
        else:
            self._set_state(ListState.EMPTY if not self.filter.is_empty() else ListState.FIRST_LAUNCH)
        self.first_page_loaded.emit()

    def _append(self, page: Page) -> None:
        self._cursor = page.next_cursor
        if not page.tickets:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(page.tickets) - 1)
        self._ids.extend(t.id for t in page.tickets)
        self._remember(page.tickets)
        self.endInsertRows()

    def _read_failed(self, error: BaseException) -> None:
        self._fetching_more = False
        if isinstance(error, ValidationError):  # e.g. a search the database cannot take: nothing matches
            self._set_state(ListState.EMPTY)
            self.load_failed.emit(error_words(error), error)
            return
        elif isinstance(error, StorageUnavailable):
            message = "Database unreachable — retrying"
        else:
            message = f"Cannot read tickets: {error_words(error)}"
        if not self._ids:
            self._set_state(ListState.ERROR)
        self.load_failed.emit(message, error)

    def _set_state(self, state: ListState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # --- lazy pages ------------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._cursor is not None and not self._fetching_more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        service = self.context.service
        if parent.isValid() or self._cursor is None or self._fetching_more or service is None:
            return
        self._fetching_more = True
        self.context.ops.read(
            self,
            service.page,
            self.filter,
            self.sort_order,
            PAGE,
            self._cursor,
            on_done=self._more,
            on_failed=self._read_failed,
            key="tickets-more",
            stop_stale=True,
        )

    def _more(self, page: Page) -> None:
        self._fetching_more = False
        self._append(page)

    def is_fetching(self) -> bool:
        return self._fetching_more or self.state == ListState.LOADING

    # --- the cache -----------------------------------------------------------------------------

    def _remember(self, tickets: Iterable[Ticket]) -> None:
        for ticket in tickets:
            self.edits.arrived(ticket)
            self._cache[ticket.id] = ticket
            self._cache.move_to_end(ticket.id)
            self._max_id = max(self._max_id, ticket.id)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _ticket(self, row: int) -> Ticket | None:
        ticket_id = self._ids[row]
        ticket = self._cache.get(ticket_id)
        if ticket is None and ticket_id not in self._requested:
            self._missing.add(ticket_id)
            self._fetch_missing_timer.start()
        return ticket

    def _fetch_missing(self) -> None:
        service = self.context.service
        if not self._missing or service is None:
            return
        wanted = frozenset(self._missing)
        self._missing.clear()
        self._read_rows(service, wanted)

    def _read_rows(self, service: TicketService, wanted: frozenset[int]) -> None:
        """Fetch these tickets again (evicted rows being painted, or changed ones)."""
        self._requested |= wanted
        self.context.ops.read(
            self,
            service.get_many,
            wanted,
            on_done=partial(self._fetched, wanted),
            on_failed=partial(self._fetch_failed, wanted),
        )

    def tick_slas(self, rows: range) -> int:
        """A minute passed: the SLA time left of these rows (those on screen) is read again, for the
        tickets whose clock runs. The database's calendar counts the business minutes, so the rows are
        re-read rather than counted down here. Returns how many were asked for."""
        service = self.context.service
        if service is None:
            return 0
        running = frozenset(
            ticket_id
            for row in rows
            if 0 <= row < len(self._ids)
            and (ticket := self._cache.get(ticket_id := self._ids[row])) is not None
            and ticket.sla.state in RUNNING_SLA
        )
        wanted = running - self._requested
        if wanted:
            self._read_rows(service, wanted)
        return len(wanted)

    def _fetch_failed(self, wanted: frozenset[int], _error: BaseException) -> None:
        self._requested -= wanted  # asked again when painted

    def _fetched(self, wanted: frozenset[int], tickets: dict[int, Ticket]) -> None:
        self._requested -= wanted
        fresh = [t for t in tickets.values() if (old := self._cache.get(t.id)) is None or t.version >= old.version]
        self._remember(fresh)
        self._rows_changed(t.id for t in fresh)
        self._drop_unmatched(t.id for t in fresh)
        entered = [t for t in fresh if self.row_of(t.id) is None and self._matches(t) and self._within_loaded(t)]
        if entered and self.state == ListState.READY and self._filters_fields():
            self.reload()  # a ticket entered the filter (a colleague's change): its place is the database's to say

    # --- rows that left the filter ---------------------------------------------------------------

    def _matches(self, ticket: Ticket) -> bool:
        """Whether the ticket as stored fits the filter's category, priority and status (the search
        is the database's to judge: a row is never dropped or added for it here)."""
        return self.filter.fields_match(ticket)

    def _within_loaded(self, ticket: Ticket) -> bool:
        """Whether the ticket sorts among the rows loaded so far (beyond them, scrolling brings it)."""
        if self._cursor is None:
            return True
        last = self._cache.get(self._ids[-1]) if self._ids else None
        key = _SORT_VALUE.get(self.sort_order.key)
        if last is None or key is None:
            return False  # a title's order is the database's collation: not guessed here
        mine, theirs = (key(ticket), ticket.id), (key(last), last.id)
        return mine > theirs if self.sort_order.descending else mine < theirs

    def _drop_unmatched(self, ids: Iterable[int]) -> None:
        """Remove the rows of tickets that no longer fit the filter (a colleague resolved one while
        the list shows Open ones), so that the rows and the count agree."""
        for ticket_id in list(ids):
            if self.edits.unsettled(ticket_id):
                continue  # an edit of ours is on its way: judge the row once it has settled
            ticket, row = self._cache.get(ticket_id), self.row_of(ticket_id)
            if ticket is None or row is None or self._matches(ticket):
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        if not self._ids and self.state == ListState.READY and self._cursor is None:
            self._set_state(ListState.EMPTY)  # rows only leave under a filter: "no tickets match these filters"

    def _rows_changed(self, ids: Iterable[int]) -> None:
        last = len(HEADERS) - 1
        for ticket_id in ids:
            row = self.row_of(ticket_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def row_of(self, ticket_id: int) -> int | None:
        try:
            return self._ids.index(ticket_id)
        except ValueError:
            return None

    def ticket_id(self, row: int) -> int:
        return self._ids[row]

    def ticket_at(self, row: int) -> Ticket | None:
        """The ticket as shown (with optimistic edits applied), or None while it loads."""
        ticket = self._cache.get(self._ids[row])
        return None if ticket is None else self.edits.shown(ticket)

    def cached_count(self) -> int:
        return len(self._cache)

    # --- live updates ----------------------------------------------------------------------------

    def on_tickets_changed(self, change: Change) -> None:
        """Refresh only the changed rows we hold; look for new tickets at the top."""
        ids = change.ids
        service = self.context.service
        if service is None:
            return
        if self.state in (ListState.OPENING, ListState.ERROR):
            self.reload()
            return
        held = set(self._cache) if ids is None else {i for i in ids if i in self._cache}
        if ids is not None and self._filters_fields():
            held |= set(ids)  # a changed ticket we do not show may have entered the filter
        if held:
            self._read_rows(service, frozenset(held))
        if ids is None or any(i > self._max_id for i in ids):
            self._look_for_new_rows()
        self._count_timer.start()

    def _filters_fields(self) -> bool:
        f = self.filter
        return bool(f.tags) or any(
            v is not None for v in (f.category, f.priority, f.status, f.assignee, f.requester_id)
        )

    def _look_for_new_rows(self) -> None:
        service = self.context.service
        if service is None:
            return
        if self.state == ListState.LOADING:
            return  # the query in flight will bring it
        if self.state in (ListState.EMPTY, ListState.FIRST_LAUNCH) or not self._ids:
            self.reload()
            return
        if self.sort_order != Sort():
            return  # a new ticket belongs somewhere in the middle; it shows on the next query
        self._read_first_page(service, on_done=self._head, on_failed=ignore, key="tickets-head")

    def _head(self, page: Page) -> None:
        top = self._cache.get(self._ids[0]) if self._ids else None
        new = [t for t in page.tickets if t.id > self._max_id or (top is None and self.row_of(t.id) is None)]
        new = [t for t in new if self.row_of(t.id) is None]
        if not new:
            return
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._ids = array("q", [t.id for t in new]) + self._ids
        self._remember(new)
        self.endInsertRows()
        self.rows_prepended.emit(len(new))

    # --- Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if index.column() in EDITABLE and not self.read_only and self._ids[index.row()] in self._cache:
            return _EDITABLE_FLAGS
        return _FLAGS

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: Any) -> None:
        # The painting delegate asks a cell's seven roles in one call: one entry into Python a cell
        # instead of seven, and each entry waits for the interpreter's lock while a worker holds it
        # (a table's repaint went from 792 entries to 198, flags() being the rest).
        for role_data in roleDataSpan:
            role_data.setData(self.data(index, role_data.role()))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        # Called thousands of times per paint: plain int comparisons, no queries, early exits.
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _ID_ROLE:
            return self._ids[row]
        if role == _ALIGN:
            return _RIGHT if column == COL_ID else None
        if role == _FONT:
            return self.unread.bold if self.unread.is_unread(self._ids[row]) else None
        if column == COL_ID and role == _DISPLAY:
            return str(self._ids[row])
        if self._ids[row] not in self._cache:
            self._ticket(row)
            return _LOADING if role == _DISPLAY and column == COL_TITLE else None
        ticket = self.ticket_at(row)
        assert ticket is not None
        self._cache.move_to_end(ticket.id)
        if column == COL_SLA and role in (_FOREGROUND, _SLA_ROLE, _TOOLTIP):
            return self._sla_data(ticket, role)
        if role in (_FOREGROUND, _SLA_ROLE):
            return None
        if role == _DISPLAY:
            return self._display(ticket, column)
        if role == _EDIT:
            field = CHOICE_COLUMNS.get(column)
            return getattr(ticket, field).value if field else self._display(ticket, column)
        if role == _TOOLTIP:
            if column == COL_TITLE:
                tooltip = plain_tooltip(ticket.title, ticket.description, TOOLTIP_DESCRIPTION)
                return f"{UNREAD_TOOLTIP}\n{tooltip}" if self.unread.is_unread(ticket.id) else tooltip
            if column == COL_CREATED:
                return exact_time(ticket.created_at)
            if column == COL_UPDATED:
                return exact_time(ticket.updated_at)
            if column == COL_ASSIGNEE:
                return f"Assigned to {ticket.assignee}" if ticket.assignee else "Assigned to nobody"
            return None
        if column == COL_TITLE:  # DecorationRole: a dot says "unread" in shape, not only in weight
            return self.unread.dot if self.unread.is_unread(ticket.id) else self.unread.blank
        if column == COL_PRIORITY:
            return _dot(PRIORITY_COLOURS[ticket.priority])
        if column == COL_STATUS:
            return _dot(STATUS_COLOURS[ticket.status])
        return None

    def _sla_data(self, ticket: Ticket, role: int) -> Any:
        state = ticket.sla.state
        if role == _SLA_ROLE:
            return state
        if state is None:
            return None if role == _FOREGROUND else "No SLA policy for this priority"
        if role == _FOREGROUND:
            return QColor(sla_colour(state, current_tokens()))
        due = ticket.sla.running_due
        return f"{state.label}" + (f" · due {exact_time(due)}" if due else "")

    def _display(self, ticket: Ticket, column: int) -> str:
        match column:
            case 0:
                return str(ticket.id)
            case 1:
                return ticket.title
            case 2:
                return _LABELS[ticket.category]
            case 3:
                return _LABELS[ticket.priority]
            case 4:
                return _LABELS[ticket.status]
            case 5:
                return relative_time(ticket.created_at, self.context.clock.now())
            case 7:
                return ticket.assignee or NOBODY
            case 8:
                return time_left_text(ticket.sla)
            case _:
                return relative_time(ticket.updated_at, self.context.clock.now())

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        field = EDITABLE.get(index.column())
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or field is None:
            return False
        if field == "title":
            parsed: FieldValue = str(value)  # the service validates it; a refusal rolls back with the reason
        else:
            try:
                parsed = ENUMS[field].parse(str(value))
            except ValueError:
                return False
        return bool(self.change([self._ids[index.row()]], field, parsed))

    # --- optimistic edits (ui/tickets/edits.py) ---------------------------------------------------------

    def change(self, ids: Iterable[int], field: str, value: FieldValue, on_written: Written | None = None) -> list[int]:
        """Show `field = value` on these tickets at once and write it; return the ids changed (see
        OptimisticEdits.change)."""
        return self.edits.change(ids, field, value, on_written)

    def stored(self, ticket_id: int) -> Ticket | None:
        """The ticket as the database last gave it (no optimistic edit applied), if it is cached."""
        return self._cache.get(ticket_id)

    def remember(self, tickets: Iterable[Ticket]) -> None:
        self._remember(tickets)

    def rows_changed(self, ids: Iterable[int]) -> None:
        self._rows_changed(ids)

    def drop_unmatched(self, ids: Iterable[int]) -> None:
        self._drop_unmatched(ids)
