"""The Tickets tab: filter bar, the lazily loaded table, the detail panel, and the states between."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import (
    Category,
    Priority,
    Sort,
    SortKey,
    Status,
    Ticket,
    TicketFilter,
    ValidationError,
)
from ticketflow_desktop.domain.conversation import Customer
from ticketflow_desktop.domain.validation import NUMBER_MAX
from ticketflow_desktop.domain.view_filters import narrowed
from ticketflow_desktop.domain.views import SavedView, ViewSpec, decode_view, encode_view
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.samples import load_samples
from ticketflow_desktop.services.tags import TagService
from ticketflow_desktop.services.team import Identity
from ticketflow_desktop.services.views import ViewService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.notices import Action
from ticketflow_desktop.ui.ops import ignore
from ticketflow_desktop.ui.tickets.actions import TicketActions
from ticketflow_desktop.ui.tickets.bulk import BulkChange
from ticketflow_desktop.ui.tickets.delegates import ChoiceDelegate
from ticketflow_desktop.ui.tickets.detail import TicketDetail
from ticketflow_desktop.ui.tickets.edits import ASSIGNEE
from ticketflow_desktop.ui.tickets.filter_bar import FilterBar
from ticketflow_desktop.ui.tickets.model import (
    CHOICE_COLUMNS,
    COL_ASSIGNEE,
    COL_CATEGORY,
    COL_CREATED,
    COL_ID,
    COL_PRIORITY,
    COL_SLA,
    COL_STATUS,
    COL_TITLE,
    COL_UPDATED,
    EDITABLE,
    SORT_COLUMNS,
    SORT_KEYS,
    TICKET_ID_ROLE,
    ListState,
    TicketTableModel,
)
from ticketflow_desktop.ui.tickets.queues import Queue, QueueBar, parse_queue
from ticketflow_desktop.ui.tickets.table import TicketTable
from ticketflow_desktop.ui.tickets.tag_dialog import TagDialog
from ticketflow_desktop.ui.tickets.view_dialogs import SaveViewDialog, ViewPicker
from ticketflow_desktop.ui.tickets.view_sidebar import ViewSidebar
from ticketflow_desktop.ui.words import error_words

SAMPLE_TICKETS = 300
RETRY_MS = 3000
# Rows sized for the default font; 800x600 and a 960x540 logical screen (1920x1080 at scale 2) still
# show ten of them with the detail panel below.
ROW_HEIGHT = 28
VISIBLE_ROWS_MIN = 10
# The title stretches into whatever these leave.
DEFAULT_WIDTHS = {
    COL_ID: 56,
    COL_TITLE: 320,
    COL_CATEGORY: 96,
    COL_PRIORITY: 92,
    COL_STATUS: 112,
    COL_CREATED: 96,
    COL_UPDATED: 96,
    COL_ASSIGNEE: 84,
    COL_SLA: 124,
}
# Under the table, the detail panel may shrink to this (it scrolls) so that the table keeps its rows.
DETAIL_UNDER_MIN = ROW_HEIGHT
# With less room than this beside the views sidebar, the detail panel goes under the table.
SIDE_BY_SIDE_MIN = 1100
HEADER_KEY = "tickets_header"
QUEUE_KEY = "tickets_queue"
SPLITTER_KEY = "tickets_splitter"
TITLE_MIN = 220  # px: the title column is never narrower (the table scrolls sideways instead)
TAG_OPTIONS = 30  # tags offered in the filter bar's menu (the most used; typing more is for Ctrl+T)
FILTER_KEY = "tickets_filter"
VIEW_KEY = "tickets_view"
SIDEBAR_KEY = "tickets_sidebar"
# Narrower than this the views sidebar folds away (Ctrl+K still jumps; Ctrl+Shift+V shows it).
SIDEBAR_WINDOW_MIN = 1000
# A saved view's columns by name (model.HEADERS' order).
COLUMN_NAMES = ("id", "title", "category", "priority", "status", "created", "updated", "assignee")
# A shared (PostgreSQL) database's first launch: it gets no sample tickets from a click.
FIRST_LAUNCH_SHARED = "first_launch_shared"
# How a sort key reads when first chosen: urgency and time newest first, words A to Z.
FIRST_DESCENDING = {
    SortKey.CREATED: True,
    SortKey.UPDATED: True,
    SortKey.PRIORITY: True,
    SortKey.STATUS: False,
    SortKey.TITLE: False,
    SortKey.DUE: False,  # due first
}
STATES: dict[str, tuple[str, str, str]] = {
    # a ListState, or FIRST_LAUNCH_SHARED: (heading, body, button text or "")
    ListState.OPENING: ("Opening the database…", "", ""),
    ListState.LOADING: ("Loading tickets…", "", ""),
    ListState.EMPTY: ("No tickets match these filters", "Try other filters or another search.", "Clear filters"),
    ListState.FIRST_LAUNCH: (
        "No tickets yet",
        "Submit the first ticket, or load sample tickets to look around.",
        "Load sample tickets",
    ),
    # A shared (PostgreSQL) database gets no fake tickets from one click: only from the CLI, on purpose.
    FIRST_LAUNCH_SHARED: (
        "No tickets yet",
        "Submit the first ticket.\nFor a trial database, add sample tickets from the command line:\n"
        "ticketflow seed --count N",
        "Submit the first ticket",
    ),
    ListState.ERROR: ("Database unreachable — retrying", "", "Retry now"),
}


def indicator_order(sort: Sort) -> Qt.SortOrder:
    """The header order that draws ▲ for ascending and ▼ for descending (newest first).

    QHeaderView hands the style SortDown for AscendingOrder and SortUp for DescendingOrder, and the
    app's style (Fusion, set by the theme) draws SortUp as ▲: so the order passed is the opposite of
    the sort's, which is what makes the arrow read as the convention says."""
    return Qt.SortOrder.AscendingOrder if sort.descending else Qt.SortOrder.DescendingOrder


def sort_text(sort: Sort) -> str:
    return f"{'-' if sort.descending else ''}{sort.key.value}"


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
        # Who the agent is on the open database: asked once per opening by context.identity.
        self.identity: Identity | None = context.identity.identity
        self.customer_id: int | None = None  # the customer view: only this requester's tickets
        self.organisation: str | None = None  # ... or those of every requester of this organisation
        self._queue_before_customer: Queue | None = None
        self.view: SavedView | None = None  # the saved view chosen (the filter bar narrows it further)
        self._view_to_restore = 0
        self._sidebar_forced = False  # shown by Ctrl+Shift+V in a window too narrow for it

        self.queue_bar = QueueBar(context, self)
        self.queue_bar.chosen.connect(self._queue_chosen)
        self.filter_bar = FilterBar(self)
        self.queue_bar.requester_cleared.connect(self.leave_customer_view)
        self.search_error = QLabel("", self)
        self.search_error.setProperty("role", "error")
        self.search_error.setTextFormat(Qt.TextFormat.PlainText)
        self.search_error.hide()

        self.table = self._build_table()
        self.table.viewport().installEventFilter(self)  # the title column keeps its room (_fit_title)
        # "N tickets" at the end of the queue row: the filter bar's room goes to its five filters.
        queue_row = self.queue_bar.layout()
        assert queue_row is not None
        queue_row.addWidget(self.filter_bar.count_label)
        self.detail = TicketDetail(context, self)
        self.detail.follow_list(self.model, self.table.selectionModel())  # empty state; "left the list"
        self.detail.showing.connect(self.model.unread.opened)  # opening a ticket reads it
        # Under the table on small screens the panel scrolls rather than taking the table's rows.
        self.detail_scroll = QScrollArea(self)
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.installEventFilter(self)

        self.state_page = StatePage(self)
        self.state_page.button.clicked.connect(self._state_action)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.state_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.queue_bar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.search_error)
        self.view_sidebar = ViewSidebar(context, self.queue_bar, self)
        self.view_sidebar.queue_chosen.connect(self._sidebar_queue)
        self.view_sidebar.view_chosen.connect(self.apply_view)
        self.view_sidebar.save_requested.connect(self.ask_save_view)
        self.view_sidebar.views_loaded.connect(self._views_loaded)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.view_sidebar)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self.view_picker: ViewPicker | None = None
        self.save_view_dialog: SaveViewDialog | None = None
        self.picker_action = self._tab_action("Go to a queue or saved view…", "Ctrl+K", self.open_view_picker)
        self.sidebar_action = self._tab_action("Show or hide the views sidebar", "Ctrl+Shift+V", self.toggle_sidebar)
        self.tag_dialog: TagDialog | None = None
        self.tags_action = QAction("Tags of the selected tickets…", self.table)
        self.tags_action.setShortcut(QKeySequence("Ctrl+T"))
        self.tags_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tags_action.setProperty("help_group", "Tickets")
        self.tags_action.triggered.connect(lambda _checked=False: self.edit_tags())
        self.table.addAction(self.tags_action)

        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.model.reload)
        self._clock = QTimer(self, interval=60_000)  # "5m ago" and the SLA time left move on
        self._clock.timeout.connect(self._minute_passed)
        self._clock.start()
        self._save_header_timer = QTimer(self, singleShot=True, interval=500)
        self._save_header_timer.timeout.connect(self._save_header)

        self.filter_bar.changed.connect(self._filter_changed)
        self.filter_bar.tags_wanted.connect(self._read_tag_options)
        self.model.state_changed.connect(self._show_state)
        self.model.count_changed.connect(self.filter_bar.count_label.setText)
        self.model.load_failed.connect(self._load_failed)
        self.model.conflict.connect(self._conflict)
        self.model.first_page_loaded.connect(self._restore_selection)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.rows_prepended.connect(lambda _n: self._restore_selection(scroll=False))
        context.tickets_changed.connect(self.model.on_tickets_changed)
        context.tickets_changed.connect(self.detail.on_tickets_changed)
        context.identity.changed.connect(self._identified)
        context.database_opened.connect(self._database_opened)  # a method: dropped with the tab
        context.database_failed.connect(self._database_failed)
        self._upgrade_url: str | None = None
        self.upgrade_dialog: QWidget | None = None
        context.connection.needs_upgrade.connect(self._needs_upgrade)

        self.ticket_actions = TicketActions(
            self.table, self, self.change_selected, self.edit_current, self.open_context_menu, self.go_to_ticket
        )
        self.ticket_actions.add_people_actions(
            self.table, self.assign_selected_to_me, self.unassign_selected, self.show_requester_tickets,
            self.show_organisation_tickets, self.leave_customer_view,
        )  # fmt: skip
        for action in self.queue_bar.queue_actions.values():
            self.table.addAction(action)  # the queue keys work from the table too
        self.context_menu = self.ticket_actions.menu
        self.go_to_dialog: QInputDialog | None = None

        self._restore_settings()
        self._show_state(self.model.state)
        if context.service is not None:
            self._database_opened(context.service)

    # --- construction --------------------------------------------------------------------------

    def _build_table(self) -> TicketTable:
        table = TicketTable(self)
        table.setModel(self.model)
        table.setAccessibleName("Tickets")
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
        table.menu_requested.connect(self._context_menu)
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
        header.moveSection(header.visualIndex(COL_ASSIGNEE), header.visualIndex(COL_STATUS) + 1)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.sectionClicked.connect(self._header_clicked)
        header.sectionResized.connect(lambda *_args: self._save_header_timer.start())
        delegate = ChoiceDelegate(table)
        for column in CHOICE_COLUMNS:
            table.setItemDelegateForColumn(column, delegate)  # the title keeps the line edit: Enter saves
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _tab_action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setProperty("help_group", "Tickets")
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _restore_settings(self) -> None:
        settings = self.context.settings
        stored_filter = settings.get(FILTER_KEY)
        if stored_filter:
            with contextlib.suppress(ValueError):  # an unreadable setting: the filters start empty
                self.filter_bar.set_filter(decode_view(stored_filter).spec.filter)
        self._view_to_restore = settings.get(VIEW_KEY)
        try:
            sort = Sort.parse(settings.get("tickets_sort"))
        except ValueError:
            sort = Sort()
        self.model.sort_order = sort
        self.queue_bar.set_queue(parse_queue(settings.get(QUEUE_KEY)))
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
            self.splitter.setSizes([800, 430])
        self.splitter.splitterMoved.connect(lambda *_a: settings.set_value(SPLITTER_KEY, self.splitter.saveState()))

    def _minute_passed(self) -> None:
        self.table.viewport().update()
        if not self.table.isColumnHidden(COL_SLA):
            self.model.tick_slas(self.table.visible_rows())

    def _save_header(self) -> None:
        self.context.settings.set_value(HEADER_KEY, self.table.horizontalHeader().saveState())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_layout(event.size().width(), event.size().height())

    def _fit_layout(self, width: int, height: int) -> None:
        """The sidebar for the window's width; the detail panel beside the table when the room left
        beside the sidebar allows, else under it."""
        self._fit_sidebar(width)
        room = width - (self.view_sidebar.width() if self.view_sidebar.isVisibleTo(self) else 0)
        wide = room >= SIDE_BY_SIDE_MIN
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            # Under the table the panel scrolls: on a short window it gives way to the table's rows.
            self.detail_scroll.setMinimumHeight(0 if wide else DETAIL_UNDER_MIN)
            total = room if wide else height
            table = int(total * 0.65) if wide else int(total * 0.6)
            self.splitter.setSizes([table, max(0, total - table)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._keep_rows_visible()
        elif watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        """The title takes the room the other columns leave, but never less than TITLE_MIN: in a narrow
        table the columns on the right scroll into view instead of squeezing the title to "…"."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c) for c in range(header.count()) if c != COL_TITLE and not header.isSectionHidden(c)
        )
        stretch = self.table.viewport().width() - others >= TITLE_MIN
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(COL_TITLE) != mode:
            header.setSectionResizeMode(COL_TITLE, mode)
        if not stretch and header.sectionSize(COL_TITLE) != TITLE_MIN:
            header.resizeSection(COL_TITLE, TITLE_MIN)

    def _keep_rows_visible(self) -> None:
        """With the detail panel under the table, the table keeps room for VISIBLE_ROWS_MIN rows
        (the panel scrolls instead), whatever height the window is given."""
        if self.splitter.orientation() != Qt.Orientation.Vertical:
            return
        total = self.splitter.height() - self.splitter.handleWidth()
        wanted = min(self._table_height_for_rows(), total)
        table, _detail = self.splitter.sizes()
        if table < wanted:
            self.splitter.setSizes([wanted, total - wanted])

    def _table_height_for_rows(self, rows: int = VISIBLE_ROWS_MIN) -> int:
        """The table's height that shows `rows` whole rows under the header (plus half a row, which
        tells that the list goes on), and under them the sideways scroll bar when the columns need it."""
        header = self.table.horizontalHeader()
        frame = 2 * self.table.frameWidth()
        sideways = header.length() > self.table.viewport().width()
        bar = self.table.horizontalScrollBar().sizeHint().height() if sideways else 0
        return header.sizeHint().height() + frame + bar + int((rows + 0.5) * ROW_HEIGHT)

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
        self.context.settings.set(FILTER_KEY, encode_view(ViewSpec(filter)))
        self._apply_query()

    def query(self) -> TicketFilter:
        """The table's filter: the saved view's, narrowed by the filter bar's fields, the queue's and the
        customer view's requester (ValidationError when the bar asks for what the view rules out)."""
        asked = replace(
            self.filter_bar.current(),
            **(self.queue_bar.fields() or {}),
            requester_id=self.customer_id,
            organisation=self.organisation,
        )
        return asked if self.view is None else narrowed(self.view.spec.filter, asked)

    def _apply_query(self) -> None:
        self.model.held = self.queue_bar.fields() is None  # Mine, until the login is known
        try:
            query = self.query()
        except ValidationError as error:
            self.search_error.setText(str(error))
            self.search_error.show()
            return
        self.model.set_query(query)

    # --- queues ----------------------------------------------------------------------------------

    def choose_queue(self, queue: Queue | None) -> None:
        self.queue_bar.set_queue(queue)
        self._queue_chosen(queue)

    def _queue_chosen(self, queue: Queue | None) -> None:
        self.context.settings.set(QUEUE_KEY, queue.value if queue is not None else "")
        self._set_view(None)
        self.view_sidebar.set_current(("queue", queue) if queue is not None else None)
        self._apply_query()

    def _sidebar_queue(self, queue: Queue) -> None:
        self.choose_queue(queue)

    # --- saved views -----------------------------------------------------------------------------

    def apply_view(self, view: SavedView | None) -> None:
        """Show `view`: its filter (the filter bar starts empty, to narrow it), its order and columns."""
        self.queue_bar.set_queue(None)
        self.context.settings.set(QUEUE_KEY, "")
        self._set_view(view)
        if view is not None:
            self.model.sort_order = view.spec.sort
            self.context.settings.set("tickets_sort", sort_text(view.spec.sort))
            self._show_sort_indicator()
            self._show_columns(view.spec.columns)
        self.filter_bar.blockSignals(True)
        self.filter_bar.clear()
        self.filter_bar.blockSignals(False)
        self.context.settings.set(FILTER_KEY, "")
        self.search_error.hide()
        self._apply_query()

    def jump_to(self, number: int) -> None:
        """The Nth entry of the sidebar (queues first, then saved views), 1-based."""
        entries = self.view_sidebar.entries()
        if 1 <= number <= len(entries):
            self.view_sidebar.choose(entries[number - 1])

    def _set_view(self, view: SavedView | None) -> None:
        self.view = view
        self.context.settings.set(VIEW_KEY, view.id if view is not None else 0)
        if view is not None:
            self.view_sidebar.set_current(("view", view.id))

    def _views_loaded(self, views: list[SavedView]) -> None:
        wanted = self.view.id if self.view is not None else self._view_to_restore
        self._view_to_restore = 0
        if not wanted:
            return
        found = next((v for v in views if v.id == wanted), None)
        if found != self.view:  # restored after a restart, changed by its owner, or deleted
            self.view = found
            self.context.settings.set(VIEW_KEY, found.id if found is not None else 0)
            self.view_sidebar.set_current(("view", found.id) if found is not None else None)
            self._apply_query()

    def _show_columns(self, columns: tuple[str, ...]) -> None:
        if not columns:
            return  # the view keeps whatever columns the agent has
        header = self.table.horizontalHeader()
        for column, name in enumerate(COLUMN_NAMES):
            header.setSectionHidden(column, name not in columns and column != COL_TITLE)

    def current_spec(self) -> ViewSpec:
        header = self.table.horizontalHeader()
        columns = tuple(name for column, name in enumerate(COLUMN_NAMES) if not header.isSectionHidden(column))
        return ViewSpec(self.query(), self.model.sort_order, columns)

    def ask_save_view(self) -> None:
        try:
            spec = self.current_spec()
        except ValidationError as error:
            self.context.notices.warning(str(error))
            return
        may_share = self.identity is None or self.identity.may_write
        name = self.view.name if self.view is not None else ""
        dialog = SaveViewDialog(lambda name, shared: self.save_view(name, spec, shared), may_share, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "save_view_dialog", None))
        self.save_view_dialog = dialog
        dialog.open()

    def save_view(self, name: str, spec: ViewSpec, shared: bool) -> None:
        service = self.context.service
        if service is None:
            return

        def saved(view: SavedView) -> None:
            self.context.notices.success(f"Saved the view “{view.name}”.")
            self.view = view
            self._view_to_restore = view.id
            self.context.settings.set(VIEW_KEY, view.id)
            self.view_sidebar.set_current(("view", view.id))
            self.view_sidebar.refresh()

        self.context.ops.write(
            self,
            partial(ViewService(service.database).save, shared=shared),
            name,
            spec,
            on_done=saved,
            on_failed=lambda error: self.context.notices.error(error_words(error, f"View “{name}”")),
        )

    def edit_tags(self) -> None:
        """Ctrl+T: the tags of the selected tickets, as stored (read first, then the dialog opens)."""
        ids, service = self.selected_ids(), self.context.service
        if not ids or service is None or self.model.read_only:
            return
        self.context.ops.read(self, service.get_many, ids, on_done=lambda found: self._open_tags(ids, found))

    def _open_tags(self, ids: list[int], found: dict[int, Ticket]) -> None:
        tickets = [found[i] for i in ids if i in found]
        if not tickets:
            return
        dialog = TagDialog(self.context, tickets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "tag_dialog", None))
        self.tag_dialog = dialog
        dialog.open()

    def open_view_picker(self) -> None:
        entries = [(entry, self.view_sidebar.label(entry)) for entry in self.view_sidebar.entries()]
        picker = ViewPicker(entries, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.picked.connect(self.view_sidebar.choose)
        picker.destroyed.connect(lambda: setattr(self, "view_picker", None))
        self.view_picker = picker
        picker.open()

    def toggle_sidebar(self) -> None:
        """Ctrl+Shift+V: in a wide window, shown or not from now on; in a narrow one, shown until hidden."""
        narrow = self.width() < SIDEBAR_WINDOW_MIN
        if self.view_sidebar.isVisible():
            if narrow:
                self._sidebar_forced = False
            else:
                self.context.settings.set(SIDEBAR_KEY, False)
        else:
            self.context.settings.set(SIDEBAR_KEY, True)
            self._sidebar_forced = narrow
        self._fit_layout(self.width(), self.height())

    def _fit_sidebar(self, width: int) -> None:
        wanted = bool(self.context.settings.get(SIDEBAR_KEY))
        self.view_sidebar.setVisible(wanted and (self._sidebar_forced or width >= SIDEBAR_WINDOW_MIN))

    def _identified(self, identity: Identity) -> None:
        self.identity = identity
        self.queue_bar.set_login(identity.login, identity.groups)
        self.queue_bar.refresh_counts()
        if self.model.held:
            self._apply_query()

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
        self.table.horizontalHeader().setSortIndicator(SORT_COLUMNS[sort.key], indicator_order(sort))

    # --- states ----------------------------------------------------------------------------------

    def _show_state(self, state: str) -> None:
        # A ticket the panel shows (with the agent's edits, perhaps) is never hidden by an empty list:
        # the panel says it left the list; the empty table beside it says the rest.
        if state == ListState.READY or (state == ListState.EMPTY and self.detail.ticket_id is not None):
            self._retry.stop()
            self.stack.setCurrentWidget(self.splitter)
            return
        heading, body, button = STATES[self._state_key(state)]
        self.state_page.show_state(heading, body, button)
        self.state_page.setProperty("state", state)
        self.stack.setCurrentWidget(self.state_page)

    def _state_key(self, state: str) -> str:
        service = self.context.service
        if state == ListState.FIRST_LAUNCH and service is not None and not service.database.is_sqlite:
            return FIRST_LAUNCH_SHARED
        return state

    def _state_action(self) -> None:
        if self._upgrade_url is not None:
            self._offer_upgrade(self._upgrade_url)
            return
        state = self._state_key(self.model.state)
        if state == ListState.EMPTY:
            self.clear_all_filters()
        elif state == ListState.FIRST_LAUNCH:
            self._load_samples()
        elif state == FIRST_LAUNCH_SHARED:
            new_ticket = getattr(self.window(), "new_ticket", None)
            if new_ticket is not None:
                new_ticket()
        elif state == ListState.ERROR:
            self._retry.stop()
            self.model.reload()

    def _load_samples(self) -> None:
        service = self.context.service
        if service is None or not service.database.is_sqlite:
            return
        self.state_page.button.setEnabled(False)
        self.state_page.heading.setText("Loading sample tickets…")

        def failed(error: BaseException) -> None:
            self.state_page.button.setEnabled(True)
            self.context.notices.error(error_words(error, "Sample tickets", "were not loaded"))

        self.context.ops.write(
            self,
            load_samples,
            service,
            SAMPLE_TICKETS,
            on_done=lambda count: self.context.notices.success(f"Loaded {count} sample tickets."),
            on_failed=failed,
            change=Change.unknown(ChangeKind.IMPORTED),
        )

    def _load_failed(self, message: str, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.search_error.setText(message)
            self.search_error.show()
            return
        if self.model.state == ListState.ERROR:
            self.state_page.show_state(
                STATES[ListState.ERROR][0], "" if "unreachable" in message else message, "Retry now"
            )
        else:
            self.context.notices.error(message)
        self._retry.start()

    def clear_all_filters(self) -> None:
        """The filter bar's fields, the queue, the saved view and the customer view."""
        self._set_view(None)
        self.view_sidebar.set_current(None)
        self.queue_bar.set_queue(None)
        self.context.settings.set(QUEUE_KEY, "")
        self.customer_id = self.organisation = None
        self.queue_bar.show_requester(None)
        self.ticket_actions.leave_customer.setEnabled(False)
        self.filter_bar.clear()
        self._apply_query()

    def _read_tag_options(self) -> None:
        """The tags in use, most used first, for the filter bar's tag menu (read as it opens)."""
        service = self.context.service
        if service is None:
            return
        self.context.ops.read(
            self,
            TagService(service.database).known,
            "",
            TAG_OPTIONS,
            on_done=lambda known: self.filter_bar.set_tag_options([tag for tag, _count in known]),
            on_failed=ignore,  # the menu keeps what it offered
            key="filter-tag-options",
        )

    def _database_opened(self, _service: object) -> None:
        self._upgrade_url = None
        self._read_tag_options()
        self.identity = None  # another database may know the agent by another login (context.identity asks)
        self.queue_bar.set_login(None)
        self._apply_query()
        self.queue_bar.refresh_counts()
        self.view_sidebar.refresh()

    def _database_failed(self, message: str) -> None:
        self._upgrade_url = None
        self.state_page.show_state("The database cannot be opened", message, "")
        self.stack.setCurrentWidget(self.state_page)

    def _needs_upgrade(self, message: str, url: str) -> None:
        """In place, where the tickets would be: what is wrong, and for the owner a way to upgrade."""
        self._upgrade_url = url
        self.state_page.show_state(
            "This database is older than this TicketFlow",
            f"{message} If you own it, Upgrade… says first who an upgrade would lock out.",
            "Upgrade…",
        )
        self.stack.setCurrentWidget(self.state_page)

    def _offer_upgrade(self, url: str) -> None:
        from ticketflow_desktop.ui.dialogs.upgrade import UpgradeDialog

        dialog = UpgradeDialog(self.context, url, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.upgraded.connect(lambda: self.context.open(url))
        dialog.open()
        self.upgrade_dialog = dialog

    def set_read_only(self, read_only: bool) -> None:
        """A viewer's list: tickets are read, never changed (the database refuses it anyway)."""
        self.model.read_only = read_only
        self.tags_action.setEnabled(not read_only)
        self.ticket_actions.set_read_only(read_only)
        self.detail.set_read_only(read_only)

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
        """The selected tickets, in the order of the rows."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [index.data(TICKET_ID_ROLE) for index in rows]

    def _context_menu(self, position: QPoint, keyboard: bool) -> None:
        """Open the menu for exactly the selected rows (a right click on an unselected row selects it)."""
        selection = self.table.selectionModel()
        if keyboard:
            current = self.table.currentIndex()
            if not selection.hasSelection() and current.isValid():
                flags = QItemSelectionModel.SelectionFlag
                selection.select(current, flags.Select | flags.Rows)
        else:
            index = self.table.indexAt(position)
            if not index.isValid():
                return
            if not selection.isRowSelected(index.row(), QModelIndex()):
                self.table.selectRow(index.row())
        if not selection.hasSelection():
            return
        menu = self.build_context_menu()
        menu.popup(self.table.viewport().mapToGlobal(position))  # no nested event loop

    def open_context_menu(self) -> None:
        """The Menu key and Shift+F10: the menu at the current row, for the selection."""
        self._context_menu(self.table.current_row_point(), True)

    def build_context_menu(self) -> QMenu:
        return self.ticket_actions.prepare_menu(len(self.selected_ids()))

    def change_selected(self, field: str, value: Category | Priority | Status) -> list[int]:
        """Set `field` on every selected ticket; an Undo is offered once the writes are stored."""
        return BulkChange(self.context, self.model, field, value).start(self.selected_ids())

    # --- people: the assignee, the requester ----------------------------------------------------------

    def assign_selected(self, login: str | None) -> list[int]:
        """Give every selected ticket to `login` (None: nobody); Undo gives each its previous assignee back."""
        return BulkChange(self.context, self.model, ASSIGNEE, login).start(self.selected_ids())

    def assign_selected_to_me(self) -> list[int]:
        if self.identity is None:
            self.context.notices.info("Your login is not known yet (the database has not answered); try again.")
            return []
        return self.assign_selected(self.identity.login)

    def unassign_selected(self) -> list[int]:
        return self.assign_selected(None)

    def _current_requester(self) -> int | None:
        index = self.table.currentIndex()
        ids = self.selected_ids()
        row = index.row() if index.isValid() else self.model.row_of(ids[0]) if ids else None
        ticket = self.model.ticket_at(row) if row is not None else None
        if ticket is None:
            return None
        if ticket.requester_id is None:
            self.context.notices.info(f"Ticket #{ticket.id} has no requester.")
        return ticket.requester_id

    def show_requester_tickets(self) -> None:
        """The customer view: the current ticket's requester's tickets (Esc in the table goes back)."""
        requester = self._current_requester()
        if requester is not None:
            self.show_customer(requester)

    def show_organisation_tickets(self) -> None:
        """The customer view of a whole organisation: every ticket of its requesters."""
        requester = self._current_requester()
        service = self.context.service
        if requester is None or service is None:
            return
        customers = ConversationService(service.database, self.context.clock)
        self.context.ops.read(self, customers.customer, requester, on_done=self._show_organisation, key="customer")

    def _show_organisation(self, customer: Customer | None) -> None:
        if customer is None or not customer.organisation:
            self.context.notices.info("This requester belongs to no organisation.")
            return
        if self.customer_id is None and self.organisation is None:
            self._queue_before_customer = self.queue_bar.current
            self.queue_bar.set_queue(None)
        self.customer_id, self.organisation = None, customer.organisation
        self.queue_bar.show_requester(customer.organisation, "Organisation")
        self.ticket_actions.leave_customer.setEnabled(True)
        self._apply_query()

    def show_customer(self, customer_id: int) -> None:
        self.organisation = None
        if self.customer_id is None:
            self._queue_before_customer = self.queue_bar.current
            self.queue_bar.set_queue(None)  # all their tickets, whoever owns them
        self.customer_id = customer_id
        self.queue_bar.show_requester(f"#{customer_id}")
        self.ticket_actions.leave_customer.setEnabled(True)
        service = self.context.service
        if service is not None:
            customers = ConversationService(service.database, self.context.clock)
            self.context.ops.read(
                self, customers.customer, customer_id, on_done=partial(self._customer_read, customer_id), key="customer"
            )
        self._apply_query()

    def _customer_read(self, customer_id: int, customer: Customer | None) -> None:
        if customer is not None and customer_id == self.customer_id:
            self.queue_bar.show_requester(customer.name)
            self.queue_bar.requester_button.setToolTip(
                f"{customer.name} <{customer.email}>: press (or Esc in the table) for everyone's tickets"
            )

    def leave_customer_view(self) -> None:
        if self.customer_id is None and self.organisation is None:
            self.queue_bar.show_requester(None)
            return
        self.customer_id = self.organisation = None
        self.queue_bar.show_requester(None)
        self.ticket_actions.leave_customer.setEnabled(False)
        if self.queue_bar.current is None:
            self.queue_bar.set_queue(self._queue_before_customer)
        self._apply_query()
        self.table.setFocus()

    def edit_current(self) -> None:
        """F2: edit the focused cell if it can be edited, else the title of the current row."""
        index = self.table.currentIndex()
        if not index.isValid() or self.table.state() == QAbstractItemView.State.EditingState:
            return
        if index.column() not in EDITABLE:
            index = self.model.index(index.row(), COL_TITLE)
            self.table.setCurrentIndex(index)
        self.table.edit(index)

    # --- go to a ticket by number ----------------------------------------------------------------

    def go_to_ticket(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Go to ticket")
        dialog.setLabelText("Ticket number:")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._go_to_number)
        dialog.destroyed.connect(lambda: setattr(self, "go_to_dialog", None))
        self.go_to_dialog = dialog
        dialog.open()  # window-modal, no nested event loop

    def _go_to_number(self, text: str) -> None:
        digits = text.strip().lstrip("#").strip()
        service = self.context.service
        if not digits.isdigit() or int(digits) < 1:
            self.context.notices.warning(f"“{text.strip()}” is not a ticket number.")
            return
        if service is None:
            return
        ticket_id = int(digits)
        if ticket_id > NUMBER_MAX:  # beyond any stored id (and PostgreSQL's integer)
            self._went_to(ticket_id, None)
            return
        self.context.ops.read(
            self,
            service.get_many,
            [ticket_id],
            on_done=lambda found: self._went_to(ticket_id, found.get(ticket_id)),
            on_failed=lambda error: self.context.notices.error(
                error_words(error, f"Ticket #{ticket_id}", "could not be looked up")
            ),
        )

    def _went_to(self, ticket_id: int, ticket: Ticket | None) -> None:
        if ticket is None:
            self.context.notices.warning(f"There is no ticket #{ticket_id}.")
            return
        if self._select_row(ticket_id):
            self.table.setFocus()
            return
        self.table.selectionModel().clearSelection()
        self.detail.show_ticket(ticket_id)
        self.context.notices.info(
            f"Ticket #{ticket_id} is not among the rows listed (filters, or further down); "
            "it is shown in the detail panel."
        )

    def _conflict(self, ticket_id: int, message: str) -> None:
        self.context.notices.error(message, action=Action("Reload", lambda: self.select_ticket_fresh(ticket_id)))

    def select_ticket_fresh(self, ticket_id: int) -> None:
        """Show the ticket as stored now: in the panel, and in its row."""
        self.select_ticket(ticket_id)
        self.detail.reload()
        self.model.on_tickets_changed(Change.of({ticket_id}, ChangeKind.RELOAD))
