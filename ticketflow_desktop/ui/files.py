"""Where file dialogs start: the user's documents folder, never the process's working directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_dir() -> Path:
    """The user's documents folder (QStandardPaths.DocumentsLocation), or home when it does not exist."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def in_documents(file_name: str) -> str:
    """A file dialog's starting path: `file_name` suggested in the documents folder."""
    return str(documents_dir() / file_name)
