"""The main window: tabs Submit, Tickets, Dashboard; menus; a status bar that tells where the data is."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from ticketflow_desktop import config
from ticketflow_desktop.ui.changes import Change, ChangeKind
from ticketflow_desktop.ui.connection import ConnectionState
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.dashboard.tab import DashboardTab
from ticketflow_desktop.ui.desktop_notifications import NotificationCenter
from ticketflow_desktop.ui.identity import READ_ONLY_TEXT, Identity, identity_text, identity_tooltip
from ticketflow_desktop.ui.live_bridge import LiveBridge
from ticketflow_desktop.ui.mail_fetcher import MailFetcher
from ticketflow_desktop.ui.outbox_panel import OutboxIndicator
from ticketflow_desktop.ui.resources import app_icon
from ticketflow_desktop.ui.startup import IDLE_MS, after_first_paint, when_quiet
from ticketflow_desktop.ui.submit.tab import SubmitTab
from ticketflow_desktop.ui.theme import THEME_CHOICES, ThemeManager, set_style_property
from ticketflow_desktop.ui.tickets.tab import TicketsTab
from ticketflow_desktop.ui.transfer import add_transfer_actions
from ticketflow_desktop.ui.widgets.toast import ToastHost

MIN_SIZE = (760, 540)
DEFAULT_SIZE = (1280, 800)
# Left out of the platform's "next/previous child" keys: Back/Forward (they mean "history" elsewhere) and
# Backtab, which the shortcut map matches as Shift+Tab anyway (so it is listed once, as Ctrl+Shift+Tab).
LEFT_OUT_KEYS = (Qt.Key.Key_Back, Qt.Key.Key_Forward, Qt.Key.Key_Backtab)
STATE_LABELS = {
    ConnectionState.CONNECTING: "Connecting…",
    ConnectionState.CONNECTED: "Connected",
    ConnectionState.UNREACHABLE: "Database unreachable — retrying",
}


def _import_llm_client_if_used(stored: dict[str, object], offline: bool) -> None:
    """In a worker: reading the API key may wait on the keyring."""
    if config.load_llm_settings(stored, offline=offline).usable:
        importlib.import_module("openai")


def mode_text(stored: dict[str, object], offline: bool) -> str:
    """In a worker (it reads the API key from the keyring): where suggestions come from."""
    llm = config.load_llm_settings(stored, offline=offline)
    if llm.usable:
        return f"Suggestions: {llm.model}"
    return "Suggestions: offline (local)" if llm.offline else "Suggestions: local (no API key)"


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, theme: ThemeManager | None = None) -> None:
        super().__init__()
        self.context = context
        self.theme = theme
        self.setWindowTitle("TicketFlow")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(*MIN_SIZE)
        self.settings_dialog: QWidget | None = None
        self.mailbox_dialog: QWidget | None = None
        self.about_dialog: QWidget | None = None
        self.shortcuts_dialog: QWidget | None = None
        self.sla_dialog: QWidget | None = None
        self.first_run_dialog: QWidget | None = None  # the first run's question (ui/app.py)
        self._fitted: QRect | None = None  # the geometry _fit_on_screen chose, until the first show
        self.toasts = ToastHost(self)
        self.toasts.follow(context.notices)  # every notice of the app, from any view
        self.live = LiveBridge(context, self)  # colleagues' changes are announced on context.tickets_changed
        self.mail = MailFetcher(context, self)  # fetches the team mailbox when elected (and one is set up)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.submit_tab = SubmitTab(context, self)
        self.tickets_tab = TicketsTab(context, self)
        self.dashboard_tab = DashboardTab(context, self)
        self.tabs.addTab(self.submit_tab, "Submit")
        self.tabs.addTab(self.tickets_tab, "Tickets")
        self.tabs.addTab(self.dashboard_tab, "Dashboard")
        # Notices get a strip of their own under the tabs: they push the tabs up, never cover a control.
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.toasts.strip)
        self.setCentralWidget(central)
        self.submit_tab.ticket_created.connect(self._select_created_ticket)

        self._build_menus()
        # Desktop notifications: a colleague's assignment, a customer's message, a mention, an SLA due.
        self.news = NotificationCenter(context, self, app_icon(), self)
        self.news.add_menu(self.view_menu)
        self._build_status_bar()
        self._restore_state()
        self.tabs.currentChanged.connect(lambda i: context.settings.set("current_tab", i))

    # --- construction --------------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: object, icon: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setProperty("help_group", "Window")  # its section in the F1 list
        if icon is not None and self.theme is not None:
            self.theme.bind_icon(action, icon)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        # macOS has a standard Preferences key (Cmd+,); Windows and Linux have none, so use Ctrl+, there.
        preferences = QKeySequence.StandardKey.Preferences
        self.settings_action = self._action(
            "&Settings…",
            preferences if QKeySequence.keyBindings(preferences) else "Ctrl+,",
            self.open_settings,
            "settings",
        )
        file_menu.addAction(self.settings_action)
        self.mailbox_action = self._action("Team &mailbox…", None, self.open_mailbox)
        file_menu.addAction(self.mailbox_action)
        self.sla_action = self._action("SLA targets and &business hours…", None, self.open_sla_settings)
        file_menu.addAction(self.sla_action)
        self.transfer = add_transfer_actions(self, file_menu)  # Import CSV…, Export CSV…
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close, "quit"))

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action("&Undo", QKeySequence.StandardKey.Undo, self.context.undo.undo, "undo")
        self.undo_action.setEnabled(False)
        self.context.undo.changed.connect(self._sync_undo_action)
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&New ticket", "Ctrl+N", self.new_ticket, "plus"))
        edit_menu.addAction(self._action("&Find tickets", "Ctrl+F", self.find_tickets, "search"))
        edit_menu.addAction(self._action("S&uggest category and priority", "Ctrl+Shift+S", self.suggest))

        view_menu = bar.addMenu("&View")
        self.view_menu = view_menu
        for index, name in enumerate(("&Submit", "&Tickets", "&Dashboard")):
            view_menu.addAction(
                self._action(name, f"Ctrl+{index + 1}", lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            )
        view_menu.addAction(self._tab_step_action("Ne&xt tab", QKeySequence.StandardKey.NextChild, "Ctrl+PgDown", 1))
        view_menu.addAction(
            self._tab_step_action("Pre&vious tab", QKeySequence.StandardKey.PreviousChild, "Ctrl+PgUp", -1)
        )
        view_menu.addSeparator()
        view_menu.addAction(self._action("&Refresh", "F5", self.refresh, "refresh"))
        self.offline_action = self._action("Work &offline (local suggestions only)", None, self.set_offline)
        self.offline_action.setCheckable(True)
        self.offline_action.setChecked(self.context.offline_flag or bool(self.context.settings.get("offline")))
        view_menu.addAction(self.offline_action)
        if self.theme is not None:
            theme_menu = view_menu.addMenu("T&heme")
            # Exclusive: the menu draws radio marks, and exactly one choice is ever checked.
            self._theme_group = QActionGroup(self)
            self._theme_group.setExclusive(True)
            # No icons: a menu draws an icon in place of the radio mark, and the chosen theme would not show.
            for choice, label in THEME_CHOICES.items():
                action = self._action(label, None, lambda _=False, c=choice: self.set_theme(c))
                action.setCheckable(True)
                action.setChecked(self.theme.choice == choice)
                action.setData(choice)
                action.setActionGroup(self._theme_group)
                theme_menu.addAction(action)
            self._theme_menu = theme_menu
            # The choice, not the colours: "system" may look like "light" and still must be the one checked.
            self.theme.choice_changed.connect(lambda _choice: self._sync_theme_menu())

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard shortcuts", "F1", self.show_shortcuts, "keyboard"))
        help_menu.addAction(self._action("&About TicketFlow", None, self.show_about, "info"))

    def _tab_step_action(self, text: str, standard: QKeySequence.StandardKey, extra: str, step: int) -> QAction:
        """Next/previous tab from anywhere in the window: a window shortcut wins over the table and the text
        fields, which would otherwise take Ctrl+Tab for themselves."""
        action = self._action(text, None, lambda: self.step_tab(step))
        keys = [k for k in QKeySequence.keyBindings(standard) if cast(Any, k)[0].key() not in LEFT_OUT_KEYS]
        if step < 0:
            keys.insert(0, QKeySequence("Ctrl+Shift+Tab"))
        keys.append(QKeySequence(extra))
        action.setShortcuts(list(dict.fromkeys(keys)))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _sync_undo_action(self) -> None:
        newest = self.context.undo.newest
        self.undo_action.setEnabled(newest is not None)
        self.undo_action.setText(f"&Undo {newest.label}" if newest is not None else "&Undo")

    def _after_launch(self) -> None:
        # The objects made so far (modules, widgets, Qt wrappers) live as long as the app: moved out of
        # the collector's reach, each full collection walks thousands of objects instead of hundreds of
        # thousands (40 ms pauses, in whichever thread triggered them, while scrolling at launch).
        gc.freeze()
        # numpy and pyqtgraph take ~250 ms to import: a worker imports the dashboard's charts ahead of the
        # first switch to the dashboard (which would freeze that long), at the user's first pause; the
        # hidden dashboard then builds its charts and loads its numbers, so that the switch only paints.
        when_quiet(
            lambda: self.context.ops.read(
                self,  # the window may close during the import: then nothing is prepared
                importlib.import_module,
                "ticketflow_desktop.ui.dashboard.charts",
                key="preload-charts",
                on_done=self._prepare_dashboard,
                database=False,
            ),
            IDLE_MS,
            self.context.tasks,
        )

    def _preload_llm_client(self) -> None:
        self.context.ops.read(
            self,
            _import_llm_client_if_used,
            self.context.settings.llm_fields(),
            self.context.offline_flag,
            key="preload-openai",
            on_done=self._freeze_long_lived,
            database=False,
        )

    def _freeze_long_lived(self, _result: object = None) -> None:
        """The dashboard's charts with numpy and pyqtgraph, and the language model's client, made since
        launch, live as long as the app too. Left in the collector's reach, every full collection walked
        their ~60,000 objects again (30-35 ms each, about once a minute, in whichever thread set it off:
        a stall under the user's scrolling). Collected once now, at this pause, so that no garbage cycle is
        kept, then frozen like the launch's objects."""
        gc.collect()
        gc.freeze()

    def _prepare_dashboard(self, _charts_module: object) -> None:
        self.dashboard_tab.prepare()
        # The language model's first suggestion would import openai in a worker (0.5 s, much of it holding
        # the GIL: the form stalled 100-200 ms under the user's typing); the next quiet pause imports it,
        # after the dashboard, which a user is likelier to open first.
        when_quiet(self._preload_llm_client, IDLE_MS, self.context.tasks)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(self.context.database_description, self)
        self.database_label.setAccessibleName("Database in use")
        self.connection_label = QLabel(STATE_LABELS[self.context.state], self)
        self.connection_label.setAccessibleName("Connection state")
        self.mode_label = QLabel("Suggestions: …", self)
        self.mode_label.setAccessibleName("Classification mode")
        self.identity_label = QLabel("", self)
        self.identity_label.setAccessibleName("Who you are")
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.identity_label)
        status.addPermanentWidget(self.mode_label)
        self.outbox_indicator = OutboxIndicator(self.context, self)
        status.addPermanentWidget(self.outbox_indicator)
        status.addPermanentWidget(self.connection_label)
        self.context.connection_state.connect(self._on_connection_state)
        self.context.identity.changed.connect(self._apply_identity)
        self.context.settings.changed.connect(self._on_setting_changed)
        # The keyring can take a second to load and answer (D-Bus, Keychain): the key is read in a
        # worker, never on the GUI thread, and first once the window is on screen, off the launch path.
        after_first_paint(self, self.show_mode, fallback_ms=None)
        after_first_paint(self, self._after_launch, fallback_ms=None)

    def show_mode(self) -> None:
        """Say where suggestions come from (the key is looked up in a worker)."""
        self.context.ops.read(
            self,
            mode_text,
            self.context.settings.llm_fields(),
            self.context.offline_flag,
            on_done=self.mode_label.setText,
            key="mode",
            database=False,
        )

    def _on_setting_changed(self, key: str, _value: object) -> None:
        if key in ("offline", "llm_model", "llm_base_url", "llm_api_key"):
            self.show_mode()

    def _on_connection_state(self, state: str) -> None:
        self.connection_label.setText(STATE_LABELS.get(ConnectionState(state), state))
        set_style_property(self.connection_label, "state", state)  # the style sheet colours "unreachable"
        self.database_label.setText(self.context.database_description)

    def _apply_identity(self, identity: Identity) -> None:
        """Who we are, in the status bar; a viewer's app reads but never offers a change."""
        self.identity_label.setText(identity_text(identity))
        self.identity_label.setToolTip(identity_tooltip(identity))
        read_only = not identity.may_write
        words = READ_ONLY_TEXT.format(role=identity.role) if read_only else ""
        self.submit_tab.set_read_only(read_only, words)
        self.tickets_tab.set_read_only(read_only)
        self.transfer.sync_actions()
        if read_only:
            self.setWindowTitle("TicketFlow — read-only")
        else:
            self.setWindowTitle("TicketFlow")

    def _restore_state(self) -> None:
        geometry = self.context.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):  # Qt refuses one saved at another scale
            self.resize(*DEFAULT_SIZE)
        self._fit_on_screen()
        self.tabs.setCurrentIndex(self.context.settings.get("current_tab"))

    def _fit_on_screen(self) -> None:
        """The restored (or default) geometry inside this screen's free area: never larger than it (not even
        through the minimum size: 960x540 at scale 2 is smaller), never off its edges."""
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return  # the platform fits those to the screen itself
        frame = self.geometry()
        screen = QGuiApplication.screenAt(frame.center()) or self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        handle = self.windowHandle()  # the title bar and borders count too, once the platform knows them
        area = screen.availableGeometry() - (handle.frameMargins() if handle is not None else QMargins())
        self.setMinimumSize(min(MIN_SIZE[0], area.width()), min(MIN_SIZE[1], area.height()))
        width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
        left = max(area.left(), min(frame.left(), area.right() + 1 - width))
        top = max(area.top(), min(frame.top(), area.bottom() + 1 - height))
        self.setGeometry(left, top, width, height)
        self._fitted = self.geometry()

    # --- actions -------------------------------------------------------------------------------

    def new_ticket(self) -> None:
        self.tabs.setCurrentWidget(self.submit_tab)
        self.submit_tab.focus_first_field()

    def show_ticket(self, ticket_id: int) -> None:
        """Open the Tickets tab on this ticket (the Submit tab calls it after a submit; a notification too)."""
        self.tabs.setCurrentWidget(self.tickets_tab)
        self.tickets_tab.select_ticket(ticket_id)

    def find_tickets(self) -> None:
        self.tabs.setCurrentWidget(self.tickets_tab)
        self.tickets_tab.focus_search()

    def suggest(self) -> None:
        self.tabs.setCurrentWidget(self.submit_tab)
        self.submit_tab.suggest_now()

    def set_offline(self, offline: bool) -> None:
        self.context.offline_flag = offline  # unchecking also lifts a --offline given at start
        self.context.settings.set("offline", offline)
        self.show_mode()

    def _select_created_ticket(self, ticket_id: int) -> None:
        self.tickets_tab.select_ticket(ticket_id)

    def refresh(self) -> None:
        self.context.ops.announce(Change.unknown(ChangeKind.RELOAD))

    def set_theme(self, choice: str) -> None:
        if self.theme is None:
            return
        self.theme.set_choice(choice)
        self.context.settings.set("theme", choice)
        self._sync_theme_menu()

    def _sync_theme_menu(self) -> None:
        if self.theme is not None:
            for action in self._theme_group.actions():
                if action.data() == self.theme.choice:
                    action.setChecked(True)  # the exclusive group unchecks the others

    def _open_once(self, name: str, make: Callable[[], QDialog]) -> None:
        """Open the dialog kept in attribute `name`, or bring the open one forward (not a second copy)."""
        shown = getattr(self, name)
        if shown is not None and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            return
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None, d=dialog: self._forget_dialog(name, d))
        setattr(self, name, dialog)
        dialog.open()  # window-modal, never a nested event loop: background results keep arriving

    def _forget_dialog(self, name: str, dialog: QWidget) -> None:
        if getattr(self, name) is dialog:  # not a newer one opened while this one was being deleted
            setattr(self, name, None)

    def open_settings(self) -> None:
        from ticketflow_desktop.ui.dialogs.settings import SettingsDialog

        self._open_once("settings_dialog", lambda: SettingsDialog(self.context, self.theme, self))

    def open_sla_settings(self) -> None:
        from ticketflow_desktop.ui.dialogs.sla_settings import SlaSettingsDialog

        self._open_once("sla_dialog", lambda: SlaSettingsDialog(self.context, self))

    def open_mailbox(self) -> None:
        from ticketflow_desktop.ui.dialogs.mailbox import MailboxDialog

        self._open_once("mailbox_dialog", lambda: MailboxDialog(self.context, self))

    def show_shortcuts(self) -> None:
        from ticketflow_desktop.ui.dialogs.shortcuts import ShortcutsDialog

        # Read at each opening: the actions as they are now.
        self._open_once("shortcuts_dialog", lambda: ShortcutsDialog(self))

    def show_about(self) -> None:
        from ticketflow_desktop.ui.dialogs.about import AboutDialog

        self.about_dialog = AboutDialog(self.context.database_description, self.context.settings.file_name, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.destroyed.connect(lambda: setattr(self, "about_dialog", None))
        self.about_dialog.open()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.toasts.dismiss_newest():
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once more with the frame's size, which only a shown window knows; unless someone (a test, a
        # screenshot) sized the window on purpose since.
        if self._fitted is not None and self.geometry().size() == self._fitted.size():
            self._fit_on_screen()
        self._fitted = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tickets_tab.detail.presence.show_ticket(None)  # colleagues no longer see us on it
        self.live.stop()
        self.mail.stop()
        self.context.settings.set_geometry("main", self.saveGeometry())
        self.context.settings.sync()
        super().closeEvent(event)


def tab_widgets(window: MainWindow) -> list[QWidget]:
    return [w for i in range(window.tabs.count()) if (w := window.tabs.widget(i)) is not None]
