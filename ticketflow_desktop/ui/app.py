"""Starting the GUI: logging, exception hooks, the application, theme, context and window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.errors import ExceptionHandler
from ticketflow_desktop.ui.logging_setup import setup_logging, teardown_logging
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.resources import app_icon
from ticketflow_desktop.ui.settings import APPLICATION, ORGANIZATION, Settings
from ticketflow_desktop.ui.startup import EXIT_AFTER_SHOW_ENV, after_first_paint, exit_after_show
from ticketflow_desktop.ui.theme import ThemeManager

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    # Workers hold the GIL in 5 ms slices by default, which the GUI thread feels as stutter while
    # pages and searches are parsed; 0.5 ms slices cut the worst scroll stall ~4x (698 -> 188 ms).
    # Here, where every GUI process (the app, its self-test, the benchmarks) makes its application.
    sys.setswitchinterval(0.0005)
    app = cast(QApplication, QApplication.instance()) or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("TicketFlow")
    app.setDesktopFileName("ticketflow")  # Wayland/X11 match the window to the .desktop entry
    app.setWindowIcon(app_icon())
    return app


def build_window(
    settings: Settings, *, offline: bool = False, theme: ThemeManager | None = None, clock: Clock = SYSTEM_CLOCK
) -> tuple[AppContext, MainWindow]:
    context = AppContext(settings, offline=offline, clock=clock)
    window = MainWindow(context, theme)
    return context, window


@dataclass
class Gui:
    """What start_gui made: everything run_gui needs to run the loop and to shut down."""

    app: QApplication
    settings: Settings
    theme: ThemeManager
    context: AppContext
    window: MainWindow
    errors: ExceptionHandler
    log_path: Path

    def shutdown(self) -> None:
        self.window.live.stop()
        self.window.mail.stop()
        self.context.close()
        self.errors.uninstall()
        teardown_logging()


def start_gui(args: argparse.Namespace, settings: Settings | None = None) -> Gui:
    """Logging, exception hooks, application, theme, window; the database opens in a worker."""
    from ticketflow_desktop import __version__

    log_path = setup_logging(verbose=args.verbose)
    errors = ExceptionHandler()
    errors.install()
    app = create_application()
    settings = settings or Settings()
    theme = ThemeManager(app, settings.get("theme"))
    context, window = build_window(settings, offline=args.offline, theme=theme)
    errors.window = window
    context.tasks.unhandled_error.connect(errors.report_error)  # every bug of an op (ui/ops.py)

    def open_database() -> None:  # loads SQLAlchemy and Alembic, so only once the window is on screen
        from ticketflow_desktop.services.connection import mask_url
        from ticketflow_desktop.ui.dialogs.first_run import is_first_run

        url = args.database_url or settings.database_url()[0]  # without the keyring's secrets
        log.info(
            "TicketFlow %s starting; log file %s; database %s",
            __version__,
            log_path,
            mask_url(url) if url else "the default SQLite file",
        )
        if args.database_url:
            context.open(args.database_url)
        elif is_first_run(bool(settings.get("first_run_done")), settings.database_url()[0]):
            ask_where_tickets_live(context, window)  # the database opens once answered
        else:
            context.open_saved()  # its secrets are read from the keyring in a worker

    if os.environ.get(EXIT_AFTER_SHOW_ENV):  # bench/launch.py: time to the first paint, then quit
        exit_after_show(window)
    after_first_paint(window, open_database)
    window.show()
    return Gui(app, settings, theme, context, window, errors, log_path)


def ask_where_tickets_live(context: AppContext, window: MainWindow) -> QWidget:
    """The first run's question, over the window: alone opens the embedded file, a team its server."""
    from ticketflow_desktop.ui.dialogs.first_run import FirstRunDialog

    dialog = FirstRunDialog(context, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chose_alone.connect(lambda: context.open(None))
    dialog.chose_team.connect(lambda _url: context.open_saved())  # the password from the keyring, in a worker
    dialog.rejected.connect(lambda: context.open(None))  # closed unanswered: alone, as before; asked again
    dialog.open()
    window.first_run_dialog = dialog
    return dialog


def run_gui(args: argparse.Namespace) -> int:
    """The window's event loop (`--self-test` is cli's to dispatch: ui/selftest.py builds on this module)."""
    gui = start_gui(args)
    try:
        return gui.app.exec()
    finally:
        gui.shutdown()
