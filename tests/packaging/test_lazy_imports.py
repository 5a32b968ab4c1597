"""The layers below the UI leave the slow libraries to the functions that need them (ruff's TID253
checks each import; this checks what a start actually loads, through every module it imports)."""

from __future__ import annotations

import subprocess
import sys

SLOW = ("numpy", "openai", "keyring", "pyqtgraph", "alembic", "psycopg2")
# What the window and the command line import before their first paint or output.
AT_START = (
    "ticketflow_desktop.cli",
    "ticketflow_desktop.cli.admin",
    "ticketflow_desktop.cli.classify",
    "ticketflow_desktop.cli.tickets",
    "ticketflow_desktop.classification",
    "ticketflow_desktop.classification.suggest",
    "ticketflow_desktop.config",
    "ticketflow_desktop.services.analytics",
    "ticketflow_desktop.services.examples",
    "ticketflow_desktop.services.outbox",
    "ticketflow_desktop.services.transfer",
    "ticketflow_desktop.storage.engine",
    "ticketflow_desktop.storage.outbox_store",
    "ticketflow_desktop.storage.probe",
)


def test_starting_loads_none_of_the_slow_libraries() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {AT_START!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(' '.join(sorted(m for m in {SLOW!r} if m in sys.modules)))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.split() == []
