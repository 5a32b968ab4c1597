"""The Tickets tab's actions: set status/priority/category of the selection, edit a cell, open the
context menu, go to a ticket by number. Each is a QAction (shortcut, text for Help → Keyboard shortcuts)
and the context menu shows the same actions.

Assigning: Ctrl+Shift+A gives the selection to the agent, Ctrl+Shift+U to nobody; Ctrl+Shift+R lists the
current ticket's requester's tickets (the customer view) and Esc in the table leaves it.

Shortcuts: Alt+1..4 sets the status and Ctrl+Alt+1..4 the priority (in the order of the lists). Digits
with Alt or Ctrl+Alt are the same key on every layout (Shift+digit is a symbol on many, e.g. French,
where "Ctrl+Shift+1" would never match); Ctrl+1..3 switch tabs and Alt+letter opens menus. They act
in the table only, so that AltGr (Ctrl+Alt on Windows) still types characters in the detail's fields.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ticketflow_desktop.domain import Category, Priority, Status

HELP_GROUP = "Tickets"
STATUS_KEYS = "Alt+{n}"
PRIORITY_KEYS = "Ctrl+Alt+{n}"
# Alt+1..4 kept their statuses when "Waiting on customer" came between them: it is Alt+5.
KEY_NUMBERS: dict[Category | Priority | Status, int] = {
    Status.OPEN: 1,
    Status.IN_PROGRESS: 2,
    Status.RESOLVED: 3,
    Status.CLOSED: 4,
    Status.PENDING: 5,
}
FIELDS: tuple[tuple[str, type[Category | Priority | Status]], ...] = (
    ("status", Status),
    ("priority", Priority),
    ("category", Category),
)


def _action(parent: QObject, text: str, slot: Callable[[], object], keys: list[QKeySequence] | None = None) -> QAction:
    action = QAction(text, parent)
    action.triggered.connect(lambda _checked=False: slot())
    if keys:
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setProperty("help_group", HELP_GROUP)
    return action


class TicketActions(QObject):
    def __init__(
        self,
        table: QWidget,
        tab: QWidget,
        set_field: Callable[[str, Category | Priority | Status], object],
        edit_cell: Callable[[], object],
        open_menu: Callable[[], object],
        go_to_ticket: Callable[[], object],
    ) -> None:
        super().__init__(tab)
        # field -> [action per value], in the enum's order
        self.set_value: dict[str, list[QAction]] = {}
        self.read_only = False
        for field, enum in FIELDS:
            keys = {"status": STATUS_KEYS, "priority": PRIORITY_KEYS}.get(field)
            actions = []
            for member in enum:
                n = KEY_NUMBERS.get(member, member.rank + 1)
                action = _action(
                    tab,
                    f"Set {field}: {member.label}",
                    partial(set_field, field, member),
                    [QKeySequence(keys.format(n=n))] if keys else None,
                )
                action.setData(member.value)
                table.addAction(action)
                actions.append(action)
            self.set_value[field] = actions
        self.edit_cell = _action(tab, "Edit the title (or the focused cell)", edit_cell, [QKeySequence("F2")])
        # Shift+F10 is the context-menu key's stand-in on keyboards without one (Windows' convention).
        self.open_menu = _action(
            tab, "Open the context menu", open_menu, [QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)]
        )
        for action in (self.edit_cell, self.open_menu):
            table.addAction(action)
        self.go_to = _action(tab, "Go to ticket by number…", go_to_ticket, [QKeySequence("Ctrl+G")])
        tab.addAction(self.go_to)

        self.menu = QMenu(tab)
        self.submenus: dict[str, QMenu] = {}
        for field, _enum in FIELDS:
            sub = self.menu.addMenu(f"Set {field}")
            sub.addActions(self.set_value[field])
            self.submenus[field] = sub
        self.menu.addSeparator()
        self.menu.addAction(self.edit_cell)
        self.menu.addAction(self.go_to)

    def set_read_only(self, read_only: bool) -> None:
        """A viewer's list: nothing that changes a ticket can be triggered, by key or by menu."""
        people = [getattr(self, name) for name in ("assign_to_me", "unassign") if hasattr(self, name)]
        for action in (*(a for actions in self.set_value.values() for a in actions), self.edit_cell, *people):
            action.setEnabled(not read_only)
        self.read_only = read_only

    def add_people_actions(
        self,
        table: QWidget,
        assign_to_me: Callable[[], object],
        unassign: Callable[[], object],
        requester_tickets: Callable[[], object],
        organisation_tickets: Callable[[], object],
        leave_customer: Callable[[], object],
    ) -> None:
        tab = self.parent()
        assert isinstance(tab, QWidget)
        self.assign_to_me = _action(tab, "Assign to me", assign_to_me, [QKeySequence("Ctrl+Shift+A")])
        self.unassign = _action(tab, "Unassign", unassign, [QKeySequence("Ctrl+Shift+U")])
        self.requester_tickets = _action(
            tab, "Tickets of this requester", requester_tickets, [QKeySequence("Ctrl+Shift+R")]
        )
        # Only while the table itself has focus (a cell's editor keeps its own Esc), and only in the view.
        self.leave_customer = _action(tab, "Back from the requester's tickets", leave_customer, [QKeySequence("Esc")])
        self.leave_customer.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.leave_customer.setEnabled(False)
        self.organisation_tickets = _action(
            tab, "Tickets of this requester's organisation", organisation_tickets, [QKeySequence("Ctrl+Shift+O")]
        )
        people = (self.assign_to_me, self.unassign, self.requester_tickets, self.organisation_tickets)
        for action in (*people, self.leave_customer):
            table.addAction(action)
        first = self.menu.actions()[0]
        self.menu.insertActions(first, list(people))
        self.menu.insertSeparator(first)

    def prepare_menu(self, selected: int) -> QMenu:
        """The context menu, its headings saying how many tickets it acts on."""
        suffix = f" of {selected} tickets" if selected > 1 else ""
        for field, sub in self.submenus.items():
            sub.setTitle(f"Set {field}{suffix}")
            sub.setEnabled(selected > 0 and not self.read_only)
        return self.menu
