"""Starting the GUI: logging, exception hooks, the application, theme, context and window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication

from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.errors import ExceptionHandler
from ticketflow_desktop.ui.logging_setup import setup_logging
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.resources import app_icon
from ticketflow_desktop.ui.settings import APPLICATION, ORGANIZATION, Settings
from ticketflow_desktop.ui.theme import ThemeManager

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("TicketFlow")
    app.setDesktopFileName("ticketflow")  # Wayland/X11 match the window to the .desktop entry
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def build_window(
    settings: Settings, *, offline: bool = False, theme: ThemeManager | None = None
) -> tuple[AppContext, MainWindow]:
    context = AppContext(settings, offline=offline)
    window = MainWindow(context, theme)
    return context, window


def run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from ticketflow_desktop.ui.selftest import run_self_test

        return run_self_test()
    from ticketflow_desktop import __version__
    from ticketflow_desktop.storage.engine import mask_url

    log_path = setup_logging(verbose=args.verbose)
    errors = ExceptionHandler()
    errors.install()
    app = create_application()
    settings = Settings()
    theme = ThemeManager(app, settings.get("theme"))
    context, window = build_window(settings, offline=args.offline, theme=theme)
    errors.window = window
    context.tasks.unhandled_error.connect(errors.report_error)
    url = args.database_url or settings.connect_url()
    log.info("TicketFlow %s starting; log file %s; database %s", __version__, log_path,
             mask_url(url) if url else "default SQLite file")
    window.show()
    context.open(url)
    try:
        code = app.exec()
    finally:
        context.close()
        errors.uninstall()
    return code

