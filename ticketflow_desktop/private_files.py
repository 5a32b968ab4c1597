"""The app's files hold customer text and connection details: only their owner may read them.

On POSIX the process creates folders 0700 and files 0600 (umask 077), which covers every file any
library writes for us (SQLite's -wal and -shm, the rotating log, QSettings' INI, the outbox); folders
and files left by an earlier version are tightened at start. Windows keeps them in the per-user
profile, which its ACLs already restrict.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from ticketflow_desktop.config import APP_NAME, data_dir

PRIVATE_UMASK = 0o077


def app_folders() -> list[Path]:
    return [
        data_dir(),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    ]


def keep_files_private() -> None:
    """Make what the process creates private, and tighten what earlier versions left readable."""
    if os.name != "posix":
        return
    os.umask(PRIVATE_UMASK)
    for folder in app_folders():
        tighten(folder)


def tighten(folder: Path) -> None:
    """`folder` 0700 and everything below it 0700 (folders) or 0600 (files); links are left alone."""
    if not folder.is_dir() or folder.is_symlink():
        return
    try:
        folder.chmod(0o700)
        for root, folders, files in os.walk(folder):
            for name in folders:
                _chmod(Path(root) / name, 0o700)
            for name in files:
                _chmod(Path(root) / name, 0o600)
    except OSError:  # another user's folder, a read-only disk: nothing we may change
        return


def _chmod(path: Path, mode: int) -> None:
    if not stat.S_ISLNK(path.lstat().st_mode):
        path.chmod(mode)
