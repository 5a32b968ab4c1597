"""The views sidebar beside the tickets table: the built-in queues (ui/tickets/queues.py's; chosen through
the queue bar, their counts are the queue bar's) and the saved views, each with a live count capped as the
table's ("1,000+"). Views are read and counted through ops; counts refresh on `tickets_changed`,
coalesced, and only while the sidebar is on screen.

Save view… keeps the table's current filter, order and columns as a personal or shared view; the context
menu renames or deletes one. Which view is chosen is the tab's business (ui/tickets/tab.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ticketflow_desktop.domain import Count
from ticketflow_desktop.domain.views import SavedView
from ticketflow_desktop.services.views import ViewService
from ticketflow_desktop.ui.changes import Change
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.ops import ignore
from ticketflow_desktop.ui.tickets.queues import QUEUES, Queue, QueueBar
from ticketflow_desktop.ui.words import error_words

COUNTS_DELAY_MS = 400
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # ("queue", Queue) or ("view", view id)
SIDEBAR_WIDTH = 184


class ViewSidebar(QWidget):
    queue_chosen = Signal(object)  # Queue
    view_chosen = Signal(object)  # SavedView
    save_requested = Signal()
    views_loaded = Signal(object)  # list[SavedView]

    def __init__(self, context: AppContext, queue_bar: QueueBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.queue_bar = context, queue_bar
        self.views: list[SavedView] = []
        self.counts: dict[int, Count] = {}
        self.current: tuple[str, object] | None = None
        self._stale = True
        self.setAccessibleName("Views")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Views", self)
        heading.setProperty("role", "muted")
        layout.addWidget(heading)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Queues and saved views")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.save_button = QPushButton("Save view…", self)
        self.save_button.setToolTip("Keep the current filters, order and columns as a view (Ctrl+Shift+S in the list)")
        self.save_button.clicked.connect(self.save_requested)
        layout.addWidget(self.save_button)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.setFixedWidth(SIDEBAR_WIDTH)  # the list's hint follows its longest name; the table needs the room
        self._refresh = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._refresh.timeout.connect(self.refresh)
        context.tickets_changed.connect(self._tickets_changed)
        queue_bar.counts_changed.connect(self._fill)
        self._fill()

    # --- what is listed --------------------------------------------------------------------------

    def entries(self) -> list[tuple[str, object]]:
        """The entries in order, as Ctrl+K's picker and the list show them."""
        queues = [("queue", q) for q in QUEUES if self.queue_bar.is_shown(q)]
        return [*queues, *(("view", v.id) for v in self.views)]

    def label(self, entry: tuple[str, object]) -> str:
        kind, key = entry
        if kind == "queue":
            assert isinstance(key, Queue)
            name, count = QUEUES[key][0], self.queue_bar.counts.get(key)
        else:
            view = self.view(key)
            name = view.name if view else "?"
            count = self.counts.get(key) if isinstance(key, int) else None
            if view is not None and view.shared:
                name += " (shared)"
        return name if count is None else f"{name} · {count}"

    def view(self, view_id: object) -> SavedView | None:
        return next((v for v in self.views if v.id == view_id), None)

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for n, entry in enumerate(self.entries(), start=1):
            item = QListWidgetItem(self.label(entry))
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip(f"{self.label(entry)} (Ctrl+K, then {n})" if n <= 9 else self.label(entry))
            self.list.addItem(item)
            if entry == self.current:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def set_current(self, entry: tuple[str, object] | None) -> None:
        self.current = entry
        self._fill()

    # --- choosing ----------------------------------------------------------------------------------

    def choose(self, entry: tuple[str, object]) -> None:
        kind, key = entry
        if kind == "queue":
            self.queue_chosen.emit(key)
            return
        view = self.view(key)
        if view is not None:
            self.view_chosen.emit(view)

    def _activated(self, item: QListWidgetItem) -> None:
        self.choose(item.data(ENTRY_ROLE))

    # --- reading -------------------------------------------------------------------------------------

    def _tickets_changed(self, _change: Change) -> None:
        self._refresh.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the views again, then count each (only while on screen)."""
        self._refresh.stop()
        service = self.context.service
        self._stale = not self.isVisible()
        if service is None or self._stale:
            return
        views = ViewService(service.database)
        self.context.ops.read(self, views.available, on_done=self._loaded, on_failed=ignore, key="views")

    def _loaded(self, views: list[SavedView]) -> None:
        self.views = views
        self.counts = {v.id: self.counts[v.id] for v in views if v.id in self.counts}
        self._fill()
        self.views_loaded.emit(views)
        service = self.context.service
        if service is None:
            return
        for view in views:
            self.context.ops.read(
                self,
                service.count,
                view.spec.filter,
                on_done=partial(self._counted, view.id),
                on_failed=ignore,  # a view that cannot be counted shows its name alone
                key=f"view-count-{view.id}",
                stop_stale=True,
            )

    def _counted(self, view_id: int, count: Count) -> None:
        self.counts[view_id] = count
        self._fill()

    # --- rename, delete ------------------------------------------------------------------------------

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        entry = item.data(ENTRY_ROLE) if item else None
        if not entry or entry[0] != "view":
            return
        view = self.view(entry[1])
        if view is None:
            return
        menu = QMenu(self)
        menu.addAction("Rename…", partial(self.ask_rename, view))
        menu.addAction("Delete", partial(self.delete, view))
        menu.popup(self.list.viewport().mapToGlobal(position))

    def ask_rename(self, view: SavedView) -> None:
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self)
        dialog.setWindowTitle("Rename view")
        dialog.setLabelText("Name:")
        dialog.setTextValue(view.name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(partial(self.rename, view))
        dialog.open()

    def rename(self, view: SavedView, name: str) -> None:
        self._write(ViewService.rename, view.id, name, what=f"View “{view.name}”")

    def delete(self, view: SavedView) -> None:
        self._write(ViewService.remove, view.id, what=f"View “{view.name}”", failed="was not deleted")

    def _write(self, method: Callable[..., object], *args: object, what: str, failed: str = "was not saved") -> None:
        service = self.context.service
        if service is None:
            return
        views = ViewService(service.database)
        self.context.ops.write(
            self,
            partial(method, views),
            *args,
            on_done=lambda _result: self.refresh(),
            on_failed=lambda error: self.context.notices.error(error_words(error, what, failed)),
        )
