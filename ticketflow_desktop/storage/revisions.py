"""The schema's revisions as the migration scripts name them, read without importing Alembic.

Every open of a database compares its stored revision with this app's head. Alembic takes about half
a second to import (its DDL layer loads every dialect), which a CLI call (`ticketflow show 1`) should
not pay when nothing needs upgrading; so the scripts' `revision` / `down_revision` lines are read as
text here, and Alembic is loaded only to upgrade. tests/storage/test_revisions.py checks this reading
against Alembic's own.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text

from ticketflow_desktop.storage.errors import translate_errors

VERSIONS_DIR = Path(__file__).with_name("migrations") / "versions"
_ASSIGNMENT = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)\s*$""", re.M)


@cache
def revision_graph() -> dict[str, str | None]:
    """Each revision and the one it revises (None for the first)."""
    graph: dict[str, str | None] = {}
    for script in sorted(VERSIONS_DIR.glob("*.py")):
        found: dict[str, str | None] = {
            name: value or None for name, value in _ASSIGNMENT.findall(script.read_text(encoding="utf-8"))
        }
        revision = found.get("revision")
        if revision:
            graph[revision] = found.get("down_revision")
    return graph


@cache
def head_revision() -> str:
    graph = revision_graph()
    revised = set(graph.values())
    heads = [revision for revision in graph if revision not in revised]
    if len(heads) != 1:
        raise RuntimeError(f"The migrations have {len(heads)} heads ({', '.join(sorted(heads))}); they must have one.")
    return heads[0]


def is_known(revision: str) -> bool:
    return revision in revision_graph()


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database; None for an empty one."""
    with translate_errors(), engine.connect() as connection:
        if not engine.dialect.has_table(connection, "alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
