"""resources/linux/install.sh installs an unpacked build for one user, and removes it again."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the installer is a POSIX shell script")


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_names_the_app_and_its_icon() -> None:
    entry = _desktop_entry(LINUX / "ticketflow.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "TicketFlow"
    assert entry["Icon"] == "ticketflow"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


@pytest.fixture
def unpacked_build(tmp_path: Path) -> Path:
    """The layout of dist/TicketFlow/ as build.spec makes it, with a stand-in executable."""
    folder = tmp_path / "unpacked" / "TicketFlow"
    resources = folder / "_internal" / "ticketflow_desktop" / "resources"
    (resources / "linux").mkdir(parents=True)
    (resources / "app").mkdir()
    shutil.copy(LINUX / "ticketflow.desktop", resources / "linux")
    shutil.copy(LINUX / "install.sh", folder)
    for size in (48, 256):
        (resources / "app" / f"ticketflow-{size}.png").write_bytes(b"\x89PNG stand-in")
    (resources / "app" / "ticketflow.svg").write_text("<svg/>")
    executable = folder / "TicketFlow"
    executable.write_text("#!/bin/sh\necho TicketFlow\n")
    executable.chmod(0o755)
    return folder


def test_install_for_one_user_then_uninstall(unpacked_build: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    subprocess.run(["sh", str(unpacked_build / "install.sh")], env=env, check=True, capture_output=True)

    installed = home / ".local" / "opt" / "TicketFlow" / "TicketFlow"
    started = subprocess.run([str(home / ".local/bin/ticketflow")], capture_output=True, text=True, check=True)
    assert started.stdout == "TicketFlow\n"
    entry = _desktop_entry(home / ".local/share/applications/ticketflow.desktop")
    assert entry["Exec"] == f'"{installed}"'
    icons = home / ".local/share/icons/hicolor"
    assert (icons / "256x256/apps/ticketflow.png").read_bytes() == b"\x89PNG stand-in"
    assert (icons / "48x48/apps/ticketflow.png").is_file()
    assert (icons / "scalable/apps/ticketflow.svg").is_file()

    # Installing again (an upgrade) replaces the folder in place.
    subprocess.run(["sh", str(unpacked_build / "install.sh")], env=env, check=True, capture_output=True)
    assert installed.is_file()

    keep = home / ".local/share/TicketFlow/tickets.sqlite3"  # user data must survive an uninstall
    keep.parent.mkdir(parents=True)
    keep.write_text("tickets")
    uninstall = ["sh", str(installed.parent / "install.sh"), "--uninstall"]
    subprocess.run(uninstall, env=env, check=True, capture_output=True)
    assert not installed.parent.exists()
    assert not (home / ".local/bin/ticketflow").exists()
    assert not (home / ".local/share/applications/ticketflow.desktop").exists()
    assert not (icons / "256x256/apps/ticketflow.png").exists()
    assert keep.read_text() == "tickets"


def test_install_refuses_a_folder_without_the_app(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    shutil.copy(LINUX / "install.sh", folder)
    result = subprocess.run(
        ["sh", str(folder / "install.sh")],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "run me from the unpacked TicketFlow folder" in result.stderr
    assert not (tmp_path / ".local").exists()
