"""Options shared by the Alembic environment and the drift check."""

from ticketflow_desktop.storage.tables import DIALECT_ONLY_OBJECTS


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out what exists only on one backend (FTS5 tables, trigram indexes)."""
    return not (name in DIALECT_ONLY_OBJECTS or (name or "").startswith("tickets_fts"))
