"""The Submit tab on its own, with the local model trained once per session and a database of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.classification.fake_llm import copy_model, llm_server, trained_model  # noqa: F401 - fixtures
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.settings import Settings
from ticketflow_desktop.ui.submit.tab import SubmitTab


@pytest.fixture
def make_tab(qtbot: QtBot, tmp_path: Path, trained_model: Path) -> Iterator:  # noqa: F811
    contexts: list[AppContext] = []

    def make(open_database: bool = True, **settings_values) -> tuple[AppContext, SubmitTab]:
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        for key, value in settings_values.items():
            settings.set(key, value)
        context = AppContext(settings)
        contexts.append(context)
        model = tmp_path / "model" / "local_model.npz"
        if not model.exists():
            copy_model(trained_model, model)
        tab = SubmitTab(context, draft_path=tmp_path / "draft.json", model_path=model)
        qtbot.addWidget(tab)
        tab.setMinimumSize(640, 480)  # a top-level with its own minimum: offscreen cannot propagate size hints
        tab.resize(900, 700)
        tab.show()
        if open_database:
            with qtbot.waitSignal(context.database_opened, timeout=15_000):
                context.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
        return context, tab

    yield make
    for context in contexts:
        context.close()
