"""The Tickets tab: filter bar, the lazily loaded table, the detail panel, and the states between."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import Category, Priority, Sort, SortKey, Status, TicketFilter
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.guard import while_alive
from ticketflow_desktop.ui.tickets.delegates import ChoiceDelegate
from ticketflow_desktop.ui.tickets.detail import TicketDetail
from ticketflow_desktop.ui.tickets.filter_bar import FilterBar
from ticketflow_desktop.ui.tickets.model import (
    COL_CATEGORY,
    COL_CREATED,
    COL_ID,
    COL_PRIORITY,
    COL_STATUS,
    COL_TITLE,
    COL_UPDATED,
    EDITABLE,
    SORT_COLUMNS,
    SORT_KEYS,
    TICKET_ID_ROLE,
    TicketTableModel,
)

SAMPLE_TICKETS = 300
RETRY_MS = 3000
ROW_HEIGHT = 30
DEFAULT_WIDTHS = {
    COL_ID: 64,
    COL_TITLE: 320,
    COL_CATEGORY: 100,
    COL_PRIORITY: 96,
    COL_STATUS: 116,
    COL_CREATED: 88,
    COL_UPDATED: 88,
}
# Below this width the detail panel goes under the table instead of beside it.
SIDE_BY_SIDE_MIN = 1100
HEADER_KEY = "tickets_header"
SPLITTER_KEY = "tickets_splitter"
# How a sort key reads when first chosen: urgency and time newest first, words A to Z.
FIRST_DESCENDING = {
    SortKey.CREATED: True,
    SortKey.UPDATED: True,
    SortKey.PRIORITY: True,
    SortKey.STATUS: False,
    SortKey.TITLE: False,
}
STATES = {
    # state: (heading, body, button text or "")
    "opening": ("Opening the database…", "", ""),
    "loading": ("Loading tickets…", "", ""),
    "empty": ("No tickets match these filters", "Try other filters or another search.", "Clear filters"),
    "first_launch": (
        "No tickets yet",
        "Submit the first ticket, or load sample tickets to look around.",
        "Load sample tickets",
    ),
    "error": ("Database unreachable — retrying", "", "Retry now"),
}


def sort_text(sort: Sort) -> str:
    return f"{'-' if sort.descending else ''}{sort.key.value}"


def load_samples(service: object, count: int) -> int:
    """Runs in the write worker: seed `count` synthetic tickets (one transaction)."""
    from ticketflow_desktop.services.seed import synthetic_tickets
    from ticketflow_desktop.storage.bulk import bulk_insert

    return bulk_insert(service.database, synthetic_tickets(count))  # type: ignore[attr-defined]


class StatePage(QWidget):
    """One centred message with an optional action: loading, empty, first launch, error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addStretch(1)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(self)
        self.body.setProperty("role", "muted")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self)
        self.button.setProperty("primary", True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_state(self, heading: str, body: str, button: str) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.button.setText(button)
        self.button.setVisible(bool(button))
        self.button.setEnabled(True)


class TicketsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = TicketTableModel(context, self)
        self._selected_id: int | None = None
        self._select_after_load: int | None = None

        self.filter_bar = FilterBar(self)
        self.search_error = QLabel("", self)
        self.search_error.setProperty("role", "error")
        self.search_error.setTextFormat(Qt.TextFormat.PlainText)
        self.search_error.hide()

        self.table = self._build_table()
        self.detail = TicketDetail(context, self)
        self.detail.follow_list(self.model, self.table.selectionModel())  # empty state; "left the list"
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.state_page = StatePage(self)
        self.state_page.button.clicked.connect(self._state_action)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.state_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.search_error)
        layout.addWidget(self.stack, 1)

        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.model.reload)
        self._clock = QTimer(self, interval=60_000)  # "5m ago" moves on
        self._clock.timeout.connect(self.table.viewport().update)
        self._clock.start()
        self._save_header_timer = QTimer(self, singleShot=True, interval=500)
        self._save_header_timer.timeout.connect(self._save_header)

        self.filter_bar.changed.connect(self._filter_changed)
        self.model.state_changed.connect(self._show_state)
        self.model.count_changed.connect(self.filter_bar.count_label.setText)
        self.model.load_failed.connect(self._load_failed)
        self.model.conflict.connect(self._conflict)
        self.model.first_page_loaded.connect(self._restore_selection)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.rows_prepended.connect(lambda _n: self._restore_selection(scroll=False))
        context.tickets_changed.connect(self.model.on_tickets_changed)
        context.tickets_changed.connect(self.detail.on_tickets_changed)
        context.database_opened.connect(lambda _service: self.model.reload())
        context.database_failed.connect(self._database_failed)

        self._restore_settings()
        self._show_state(self.model.state)
        if context.service is not None:
            self.model.reload()

    # --- construction --------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName("Tickets")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        # Fixed row heights and no size-to-contents: measuring a million rows would freeze the window.
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setMinimumSectionSize(40)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.sectionClicked.connect(self._header_clicked)
        header.sectionResized.connect(lambda *_args: self._save_header_timer.start())
        delegate = ChoiceDelegate(table)
        for column in EDITABLE:
            table.setItemDelegateForColumn(column, delegate)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _restore_settings(self) -> None:
        settings = self.context.settings
        try:
            sort = Sort.parse(settings.get("tickets_sort"))
        except ValueError:
            sort = Sort()
        self.model.sort_order = sort
        header = self.table.horizontalHeader()
        state = settings.value(HEADER_KEY)
        if isinstance(state, QByteArray):
            header.restoreState(state)
            header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self._show_sort_indicator()
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([760, 460])
        self.splitter.splitterMoved.connect(lambda *_a: settings.set_value(SPLITTER_KEY, self.splitter.saveState()))

    def _save_header(self) -> None:
        self.context.settings.set_value(HEADER_KEY, self.table.horizontalHeader().saveState())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_MIN
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            total = event.size().width() if wide else event.size().height()
            share = 0.62 if wide else 0.6
            self.splitter.setSizes([int(total * share), total - int(total * share)])

    # --- public --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def refresh(self) -> None:
        self.model.reload()

    def select_ticket(self, ticket_id: int) -> None:
        """Select (and show) a ticket, e.g. the one just submitted; it may arrive with the next refresh."""
        self.detail.show_ticket(ticket_id)
        if not self._select_row(ticket_id):
            self._select_after_load = ticket_id

    # --- filters and sort ------------------------------------------------------------------------

    def _filter_changed(self, filter: TicketFilter) -> None:
        self.search_error.hide()
        self.model.set_query(filter)

    def _header_clicked(self, column: int) -> None:
        key = SORT_KEYS.get(column)
        current = self.model.sort_order
        if key is None:
            self._show_sort_indicator()
            return
        descending = not current.descending if key == current.key else FIRST_DESCENDING[key]
        sort = Sort(key, descending)
        self.context.settings.set("tickets_sort", sort_text(sort))
        self.model.set_sort(sort)
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        sort = self.model.sort_order
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(SORT_COLUMNS[sort.key], order)

    # --- states ----------------------------------------------------------------------------------

    def _show_state(self, state: str) -> None:
        if state == "ready":
            self._retry.stop()
            self.stack.setCurrentWidget(self.splitter)
            return
        heading, body, button = STATES[state]
        self.state_page.show_state(heading, body, button)
        self.state_page.setProperty("state", state)
        self.stack.setCurrentWidget(self.state_page)

    def _state_action(self) -> None:
        state = self.model.state
        if state == "empty":
            self.filter_bar.clear()
        elif state == "first_launch":
            self._load_samples()
        elif state == "error":
            self._retry.stop()
            self.model.reload()

    def _load_samples(self) -> None:
        service = self.context.service
        if service is None:
            return
        self.state_page.button.setEnabled(False)
        self.state_page.heading.setText("Loading sample tickets…")

        def done(count: int) -> None:
            self.context.notify.emit(f"Loaded {count} sample tickets.", "success")
            self.context.tickets_changed.emit(None)

        def failed(error: BaseException) -> None:
            self.state_page.button.setEnabled(True)
            self.context.notify.emit(f"Sample tickets were not loaded: {error}", "error")

        self.context.tasks.write(
            load_samples, service, SAMPLE_TICKETS, on_done=while_alive(self, done), on_failed=while_alive(self, failed)
        )

    def _load_failed(self, message: str, error: BaseException) -> None:
        from ticketflow_desktop.domain import ValidationError

        if isinstance(error, ValidationError):
            self.search_error.setText(message)
            self.search_error.show()
            return
        if self.model.state == "error":
            self.state_page.show_state(STATES["error"][0], "" if "unreachable" in message else message, "Retry now")
        else:
            self.context.notify.emit(message, "error")
        self._retry.start()

    def _database_failed(self, message: str) -> None:
        self.state_page.show_state("The database cannot be opened", message, "")
        self.stack.setCurrentWidget(self.state_page)

    # --- selection -------------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) == 1:
            self._selected_id = rows[0].data(TICKET_ID_ROLE)
            self.detail.show_ticket(self._selected_id)
        elif not rows:
            self._selected_id = None

    def _remember_selection(self) -> None:
        if self._selected_id is not None and self._select_after_load is None:
            self._select_after_load = self._selected_id

    def _restore_selection(self, scroll: bool = True) -> None:
        wanted = self._select_after_load
        if wanted is not None and self._select_row(wanted, scroll):
            self._select_after_load = None

    def _select_row(self, ticket_id: int, scroll: bool = True) -> bool:
        row = self.model.row_of(ticket_id)
        if row is None:
            return False
        index = self.model.index(row, COL_TITLE)
        self.table.selectionModel().select(
            index,
            self.table.selectionModel().SelectionFlag.ClearAndSelect | self.table.selectionModel().SelectionFlag.Rows,
        )
        self.table.selectionModel().setCurrentIndex(index, self.table.selectionModel().SelectionFlag.NoUpdate)
        if scroll:
            self.table.scrollTo(index)
        return True

    # --- changes ---------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [index.data(TICKET_ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        menu = self.build_context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))

    def build_context_menu(self) -> QMenu:
        ids = self.selected_ids()
        menu = QMenu(self)
        suffix = f" of {len(ids)} tickets" if len(ids) > 1 else ""
        for field, enum in (("status", Status), ("priority", Priority), ("category", Category)):
            sub = menu.addMenu(f"Set {field}{suffix}")
            for member in enum:
                action = sub.addAction(member.label)
                action.triggered.connect(lambda _=False, f=field, m=member: self.change_selected(f, m))
        return menu

    def change_selected(self, field: str, value: Category | Priority | Status) -> int:
        return self.model.change(self.selected_ids(), field, value)

    def _conflict(self, ticket_id: int, message: str) -> None:
        window = self.window()
        toasts = getattr(window, "toasts", None)
        if toasts is not None:
            toasts.show(message, "error", ("Reload", lambda: self.select_ticket_fresh(ticket_id)))
        else:
            self.context.notify.emit(message, "error")

    def select_ticket_fresh(self, ticket_id: int) -> None:
        self.select_ticket(ticket_id)
        self.detail.reload()
        self.context.tickets_changed.emit(frozenset({ticket_id}))
