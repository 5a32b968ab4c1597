"""At the user's first quiet pause the app imports what its next actions need (the dashboard's charts,
and the language-model client when a key is set), so that neither import stalls the window later; then
it moves what those made out of the cyclic collector's reach, so that no full collection walks them again
(a 30-35 ms stall about once a minute at team scale)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CODE = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ticketflow_desktop.ui.app import build_window
from ticketflow_desktop.ui.settings import Settings
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
context, window = build_window(settings)
window.show()
app.processEvents()
print("at launch", "openai" in sys.modules, "pyqtgraph" in sys.modules)
QTimer.singleShot(6000, app.quit)  # no input meanwhile: a quiet pause
app.exec()
context.tasks.wait_idle()
app.processEvents()  # the last import's answer
print("after a pause", "openai" in sys.modules, "pyqtgraph" in sys.modules)
import gc
walked = {id(o) for o in gc.get_objects()}
charts = [sys.modules["pyqtgraph"].__dict__, *window.dashboard_tab.panels.values()]
print("walked by the collector:", len(charts) > 1 and any(id(o) in walked for o in charts))
"""


def run_app(tmp_path: Path, api_key: str | None) -> list[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    env.pop("LLM_API_KEY", None)
    if api_key is not None:
        env["LLM_API_KEY"] = api_key
    result = subprocess.run(
        [sys.executable, "-c", CODE, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        check=True,
    )
    return [line for line in result.stdout.splitlines() if line.startswith(("at launch", "after a pause", "walked"))]


@pytest.mark.slow  # 7 s each: a child process waits for two idle pauses
@pytest.mark.parametrize(("api_key", "openai_after"), [("test-key", "True"), (None, "False")])
def test_a_quiet_pause_imports_what_comes_next(tmp_path: Path, api_key: str | None, openai_after: str) -> None:
    assert run_app(tmp_path, api_key) == [
        "at launch False False",  # neither slows the launch
        f"after a pause {openai_after} True",  # the client only when there is a model to ask
        "walked by the collector: False",  # pyqtgraph's module and the dashboard's charts: frozen
    ]
