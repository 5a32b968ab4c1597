"""The revisions read as text (no Alembic at start) are Alembic's own, and opening an up-to-date
database does not import Alembic."""

from __future__ import annotations

import subprocess
import sys

from alembic.script import ScriptDirectory

from ticketflow_desktop.storage.migrate import alembic_config
from ticketflow_desktop.storage.revisions import head_revision, is_known, revision_graph


def test_the_graph_read_as_text_is_alembics() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    alembic_graph = {s.revision: s.down_revision for s in scripts.walk_revisions()}
    assert revision_graph() == alembic_graph
    assert head_revision() == scripts.get_current_head()
    assert not is_known("9999_from_a_newer_app")


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'tickets.sqlite3'}"
    code = (
        "import sys\n"
        "from ticketflow_desktop.storage.engine import open_database\n"
        f"open_database({url!r}).dispose()\n"  # creates the schema: Alembic runs
        "for name in [m for m in sys.modules if m.startswith('alembic')]: del sys.modules[name]\n"
        f"open_database({url!r}).dispose()\n"  # at head: only the revision is read
        "print(sorted(m for m in sys.modules if m.startswith('alembic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"
