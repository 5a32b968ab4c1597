"""Desktop notifications: news for the agent (services/notifications.py) as a system tray message when
the desktop has a tray, else as an in-app notice (a toast with an Open button).

When it asks: a second after a colleague's change reaches the live feed (a burst of changes is one
question), when the database opens or answers again, and every minute (an SLA comes due with nobody
changing anything). The question runs in a worker; the GUI thread never waits for it.

What it says: up to COALESCE_AT news one by one; more at once (a flood: a colleague assigning forty
tickets) as one summary. Kinds the agent turned off (View → Notifications) are not said. The cursor
is kept in the settings per database and login, so a restart says only what happened meanwhile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ticketflow_desktop.domain.notifications import (
    News,
    NewsCursor,
    NotificationKind,
    notification_text,
    only_kinds,
    summary_text,
)
from ticketflow_desktop.services.notifications import BreachSource, NotificationService
from ticketflow_desktop.services.sla import BreachesSoon
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.notices import Action, Severity
from ticketflow_desktop.ui.tickets.reply_drafts import database_scope

log = logging.getLogger(__name__)

COALESCE_AT = 3  # more news than this at once become one summary
ASK_DELAY_MS = 1000  # after a colleague's change: the rest of a burst joins the same question
TICK_MS = 60_000
TRAY_MS = 10_000
SETTING = "notify_off"
_ASK_ON = frozenset({ChangeKind.BY_COLLEAGUE, ChangeKind.RELOAD})


class TicketOpener(Protocol):
    def show_ticket(self, ticket_id: int) -> None: ...
    def isMinimized(self) -> bool: ...
    def showNormal(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...


@dataclass(frozen=True)
class Shown:
    heading: str
    body: str
    ticket_id: int | None  # what Open (or a click on the tray message) opens
    tray: bool  # shown by the system tray (else in the window)


def turned_off(value: str) -> frozenset[NotificationKind]:
    return frozenset(NotificationKind(v) for v in value.split(",") if v in NotificationKind.__members__.values())


class NotificationCenter(QObject):
    presented = Signal(object)  # Shown

    def __init__(self, context: AppContext, window: TicketOpener, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.window = window
        # The "about to breach" question (None: the SLA's own, services/sla.BreachesSoon).
        self.breaches: BreachSource | None = None
        self.cursor: NewsCursor | None = None
        self._service: NotificationService | None = None
        self._cursor_key: str | None = None
        self._tray_ticket: int | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("TicketFlow")
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        self._ask_soon = QTimer(self, singleShot=True, interval=ASK_DELAY_MS)
        self._ask_soon.timeout.connect(self.ask)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.ask)
        self.actions: dict[NotificationKind, QAction] = {}
        context.database_opened.connect(self._opened)
        context.tickets_changed.connect(self._changed)

    # --- asking --------------------------------------------------------------------------------------

    def _opened(self, service: TicketService) -> None:
        self.context.ops.renew(self)  # an answer about the previous database is no news here
        breaches = self.breaches or BreachesSoon(service.clock)
        self._service = NotificationService(service.database, service.clock, breaches)
        self._cursor_key = f"news_cursor/{database_scope(str(service.database.url))}"
        self.cursor = NewsCursor.from_text(str(self.context.settings.value(self._cursor_key, "") or ""))
        self._tick.start()
        self.ask()

    def _changed(self, change: Change) -> None:
        if change.kinds & _ASK_ON and self._service is not None and not self._ask_soon.isActive():
            self._ask_soon.start()

    def ask(self) -> None:
        if self._service is None:
            return
        self.context.ops.read(
            self, self._service.news, self.cursor, on_done=self._arrived, on_failed=self._failed, key="news"
        )

    def _failed(self, error: BaseException) -> None:
        log.info("news not read: %s", error)  # asked again on the next change or minute

    def _arrived(self, news: News) -> None:
        self.cursor = news.cursor
        if self._cursor_key is not None:
            self.context.settings.set_value(self._cursor_key, news.cursor.as_text())
        off = turned_off(str(self.context.settings.get(SETTING)))
        wanted = only_kinds(news.notifications, [k for k in NotificationKind if k not in off])
        more = news.more if len(off) < len(NotificationKind) else 0
        if len(wanted) + more > COALESCE_AT:
            heading, body = summary_text(wanted, more)
            self._show(heading, body, wanted[-1].ticket_id if wanted else None)
            return
        for notification in wanted:
            self._show(*notification_text(notification), notification.ticket_id)

    # --- telling ---------------------------------------------------------------------------------------

    def _show(self, heading: str, body: str, ticket_id: int | None) -> None:
        tray = self.tray is not None and self.tray.supportsMessages()
        if tray and self.tray is not None:
            self._tray_ticket = ticket_id
            self.tray.showMessage(heading, body, QSystemTrayIcon.MessageIcon.Information, TRAY_MS)
        else:
            action = Action("Open", lambda: self.open(ticket_id)) if ticket_id is not None else None
            self.context.notices.post(f"{heading}: {body}", Severity.INFO, action=action)
        self.presented.emit(Shown(heading, body, ticket_id, tray))

    def _tray_clicked(self) -> None:
        """A click on the tray's message: the window comes forward (it may be behind others, or minimised)."""
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.open(self._tray_ticket)

    def open(self, ticket_id: int | None) -> None:
        """Bring the window forward on the ticket the notification was about."""
        if ticket_id is not None:
            self.window.show_ticket(ticket_id)

    # --- the setting ------------------------------------------------------------------------------------

    def add_menu(self, parent: QMenu) -> QMenu:
        """View → Notifications: a checkable entry per kind."""
        menu = parent.addMenu("&Notifications")
        off = turned_off(str(self.context.settings.get(SETTING)))
        for kind in NotificationKind:
            action = QAction(kind.label, menu)
            action.setCheckable(True)
            action.setChecked(kind not in off)
            action.toggled.connect(lambda on, k=kind: self.set_enabled(k, on))
            menu.addAction(action)
            self.actions[kind] = action
        return menu

    def set_enabled(self, kind: NotificationKind, on: bool) -> None:
        off = set(turned_off(str(self.context.settings.get(SETTING))))
        (off.discard if on else off.add)(kind)
        self.context.settings.set(SETTING, ",".join(sorted(off)))
        action = self.actions.get(kind)
        if action is not None and action.isChecked() != on:
            action.setChecked(on)
