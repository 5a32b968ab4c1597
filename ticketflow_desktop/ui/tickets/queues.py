"""The built-in queues of the Tickets tab: Mine, Unassigned, All open (and My groups for an agent in a
group, Breaching soon once the team has SLA policies), a row of toggle buttons above
the filter bar, each with its live count (capped as the table's is: "1,000+"). In the customer view the
row also names the requester whose tickets are listed, with a button back to everyone's.

A queue is a few fields of the table's filter, combined with the filter bar's (ui/tickets/tab.py composes
them). "Mine" needs the agent's login, which the tab reads once per opened database (services.team's
whoami). "My groups" is not among them: TicketFilter cannot say "in one of these groups" (on
PostgreSQL row-level security already limits every queue to the groups an agent may see).

The counts are read through ops (one key per queue, so a newer read supersedes only its own queue's)
and refreshed on `context.tickets_changed`, coalesced: a burst of changes costs one read per queue; and
only while the row is on screen (a hidden tab, a closed window reads nothing; showing it again does).
"""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from ticketflow_desktop.domain import Count, Status, TicketFilter
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.domain.sla_state import SlaState
from ticketflow_desktop.services.sla import SlaService
from ticketflow_desktop.ui.changes import Change
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.ops import ignore

COUNTS_DELAY_MS = 400  # changes arriving within this are counted once


class Queue(StrEnum):
    MINE = "mine"
    UNASSIGNED = "unassigned"
    MY_GROUPS = "my_groups"
    OPEN = "open"
    BREACHING = "breaching"


# queue: (label, shortcut)
QUEUES: dict[Queue, tuple[str, str]] = {
    Queue.MINE: ("Mine", "Alt+M"),
    Queue.UNASSIGNED: ("Unassigned", "Alt+U"),
    Queue.MY_GROUPS: ("My groups", "Alt+G"),
    Queue.OPEN: ("All open", "Alt+O"),
    Queue.BREACHING: ("Breaching soon", "Alt+B"),
}
# What each queue lists, in its button's tooltip (with the count when the row has no room for it).
QUEUE_TIPS: dict[Queue, str] = {
    Queue.MINE: "Tickets assigned to you",
    Queue.UNASSIGNED: "Tickets assigned to nobody",
    Queue.MY_GROUPS: "Tickets of your groups",
    Queue.OPEN: "Open tickets",
    Queue.BREACHING: "Tickets due soon or already late",
}
# Breaching soon: not done, and due soon or already late (services/sla.py's states).
_NOT_DONE = (Status.OPEN, Status.IN_PROGRESS, Status.PENDING)
_BREACHING = frozenset({SlaState.DUE_SOON, SlaState.BREACHED})


def queue_fields(queue: Queue | None, login: str | None, groups: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The filter fields of `queue` (none for no queue); None when they cannot be said yet (Mine and My
    groups before the login is known)."""
    if queue is None:
        return {}
    if queue is Queue.MINE:
        return None if login is None else {"assignee": login}
    if queue is Queue.MY_GROUPS:
        return None if login is None else {"groups": groups}
    if queue is Queue.UNASSIGNED:
        return {"assignee": UNASSIGNED}
    if queue is Queue.BREACHING:
        return {"status": _NOT_DONE, "sla_states": _BREACHING}
    return {"status": Status.OPEN}


def parse_queue(text: str) -> Queue | None:
    try:
        return Queue(text)
    except ValueError:
        return None


class QueueBar(QWidget):
    """The queue buttons. Choosing the chosen queue again leaves it (all tickets)."""

    chosen = Signal(object)  # Queue | None, chosen by the agent
    counts_changed = Signal()  # a queue's count was read (the views sidebar shows them too)
    requester_cleared = Signal()  # the agent left the customer view

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.login: str | None = None
        self.groups: tuple[str, ...] = ()  # the agent's groups (My groups is shown only when there are some)
        self.sla = False  # whether the team has SLA policies (Breaching soon is shown only then)
        self.current: Queue | None = None
        self.counts: dict[Queue, Count] = {}
        self._stale = True  # counts to read once the row is shown
        self._compact = False  # the counts left out of the buttons' text: the row is too narrow for them
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = QLabel("Queues", self)
        heading.setProperty("role", "muted")
        layout.addWidget(heading)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # the chosen one can be unchosen
        self.buttons: dict[Queue, QPushButton] = {}
        self.queue_actions: dict[Queue, QAction] = {}
        for queue, (label, keys) in QUEUES.items():
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setProperty("queue", True)
            button.setAccessibleName(f"Queue: {label}")
            button.clicked.connect(partial(self._clicked, queue))
            self.group.addButton(button)
            self.buttons[queue] = button
            layout.addWidget(button)
            action = QAction(f"Queue: {label} (again: all tickets)", self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setProperty("help_group", "Tickets")
            action.triggered.connect(partial(self._clicked, queue))
            self.addAction(action)
            self.queue_actions[queue] = action
        for queue in (Queue.MY_GROUPS, Queue.BREACHING):  # until the agent is in a group, the team has SLAs
            self.buttons[queue].hide()
            self.queue_actions[queue].setEnabled(False)
        layout.addStretch(1)
        self.requester_button = QPushButton("", self)
        self.requester_button.setProperty("queue", True)
        self.requester_button.setCheckable(True)
        self.requester_button.setAccessibleName("Requester shown; press to show everyone's tickets")
        self.requester_button.setToolTip("Only this requester's tickets: press (or Esc in the table) for everyone's")
        self.requester_button.clicked.connect(lambda _checked=False: self.requester_cleared.emit())
        self.requester_button.hide()
        layout.addWidget(self.requester_button)
        self._refresh = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._refresh.timeout.connect(self.refresh_counts)
        context.tickets_changed.connect(self._tickets_changed)  # a method: dropped with the bar
        self._show_counts()

    # --- choosing --------------------------------------------------------------------------------

    def _clicked(self, queue: Queue, _checked: bool = False) -> None:
        self.set_queue(None if self.current is queue else queue)
        self.chosen.emit(self.current)

    def set_queue(self, queue: Queue | None) -> None:
        """Show `queue` as the chosen one (without telling `chosen`)."""
        self.current = queue
        for each, button in self.buttons.items():
            button.setChecked(each is queue)

    def show_requester(self, name: str | None, what: str = "Requester") -> None:
        """The customer view's requester, or organisation (None: everyone's tickets)."""
        self.requester_button.setText(f"{what}: {name}  ✕" if name else "")
        self.requester_button.setChecked(bool(name))
        self.requester_button.setVisible(bool(name))

    def fields(self) -> dict[str, Any] | None:
        return queue_fields(self.current, self.login, self.groups)

    # --- counts ----------------------------------------------------------------------------------

    def is_shown(self, queue: Queue) -> bool:
        return not ((queue is Queue.MY_GROUPS and not self.groups) or (queue is Queue.BREACHING and not self.sla))

    def _show_or_hide(self, queue: Queue) -> None:
        self.buttons[queue].setVisible(self.is_shown(queue))
        self.queue_actions[queue].setEnabled(self.is_shown(queue))

    def set_sla(self, has_policies: bool) -> None:
        if has_policies != self.sla:
            self.sla = has_policies
            self._show_or_hide(Queue.BREACHING)
            self.counts_changed.emit()  # the sidebar lists the queues shown
            if has_policies:
                self.refresh_counts()

    def set_login(self, login: str | None, groups: tuple[str, ...] = ()) -> None:
        self.login, self.groups = login, groups
        self._show_or_hide(Queue.MY_GROUPS)
        if login is None:
            self.counts.pop(Queue.MINE, None)
            self.counts.pop(Queue.MY_GROUPS, None)
            self._show_counts()

    def _tickets_changed(self, _change: Change) -> None:
        self._refresh.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_counts()

    def refresh_counts(self) -> None:
        self._refresh.stop()
        service = self.context.service
        self._stale = not self.isVisible()
        if service is None or self._stale:
            return
        self.context.ops.read(
            self,
            SlaService(service.database, service.clock).policies,
            on_done=lambda policies: self.set_sla(bool(policies)),
            on_failed=ignore,
            key="queue-sla-policies",
            stop_stale=True,
        )
        for queue in Queue:
            if not self.is_shown(queue):
                continue
            fields = queue_fields(queue, self.login, self.groups)
            if fields is None:
                continue
            self.context.ops.read(
                self,
                service.count,
                TicketFilter(**fields),
                on_done=partial(self._counted, queue),
                on_failed=ignore,  # the table says what went wrong
                key=f"queue-count-{queue.value}",
                stop_stale=True,
            )

    def _counted(self, queue: Queue, count: Count) -> None:
        self.counts[queue] = count
        self._show_counts()
        self.counts_changed.emit()

    def _full_text(self, queue: Queue) -> str:
        label, count = QUEUES[queue][0], self.counts.get(queue)
        return label if count is None else f"{label} · {count}"

    def _show_counts(self) -> None:
        self._compact = self.width() < self._width_with_counts()
        for queue, button in self.buttons.items():
            label, count = QUEUES[queue][0], self.counts.get(queue)
            button.setText(label if self._compact else self._full_text(queue))
            shortcut = self.queue_actions[queue].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            counted = "" if count is None else f": {count}"
            tip = f"{QUEUE_TIPS[queue]}{counted} ({shortcut}; again for all tickets)"
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)  # the count for a screen reader too, whatever the text shows

    def _width_with_counts(self) -> int:
        """The row's width with every shown button naming its count: on a narrow window ("Breaching soon ·
        1,000+" and four more) the buttons would be squeezed until their text was cut, so then they name
        their queue alone and the count moves to the tooltip."""
        layout = self.layout()
        assert layout is not None
        items = (layout.itemAt(i) for i in range(layout.count()))
        widgets = [w for w in (item.widget() for item in items if item is not None) if w and not w.isHidden()]
        width = layout.spacing() * max(0, len(widgets) - 1)
        queues = {id(button): queue for queue, button in self.buttons.items()}
        for widget in widgets:
            queue = queues.get(id(widget))
            if queue is None:
                width += max(widget.minimumSizeHint().width(), widget.minimumWidth())
                continue
            button = self.buttons[queue]
            metrics = button.fontMetrics()
            padding = button.sizeHint().width() - metrics.horizontalAdvance(button.text())
            width += padding + metrics.horizontalAdvance(self._full_text(queue))
        return width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (self.width() < self._width_with_counts()) != self._compact:
            self._show_counts()
