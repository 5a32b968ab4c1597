"""Starting the GUI: logging, exception hooks, the application, theme, context and window."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtWidgets import QApplication

from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.main_window import MainWindow
from ticketflow_desktop.ui.settings import APPLICATION, ORGANIZATION, Settings
from ticketflow_desktop.ui.startup import EXIT_AFTER_SHOW_ENV, after_first_paint, exit_after_show
from ticketflow_desktop.ui.theme import ThemeManager

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("TicketFlow")
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
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    app = create_application()
    settings = Settings()
    theme = ThemeManager(app, settings.get("theme"))
    context, window = build_window(settings, offline=args.offline, theme=theme)
    url, _from_env = settings.database_url()
    if os.environ.get(EXIT_AFTER_SHOW_ENV):  # bench/launch.py: time to the first paint, then quit
        exit_after_show(window)
    # Opening the database loads SQLAlchemy and Alembic: let the window reach the screen first.
    after_first_paint(window, lambda: context.open(args.database_url or url))
    window.show()
    code = app.exec()
    context.close()
    return code

