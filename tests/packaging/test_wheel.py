"""The wheel carries what the installed app loads as files: the Alembic scripts and the resources.

Building a wheel takes tens of seconds (an isolated build environment), so it runs in CI
(CI=true, as .ci/run sets) or with TICKETFLOW_PACKAGING_TESTS=1, and is reported as skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # the wheel build
ENABLED = any(os.environ.get(name, "").lower() in ("1", "true", "yes") for name in ("CI", "TICKETFLOW_PACKAGING_TESTS"))


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    if not ENABLED:
        pytest.skip("builds a wheel (slow): runs under CI=true or TICKETFLOW_PACKAGING_TESTS=1")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        check=True,
        cwd=out,
    )
    (wheel,) = out.glob("ticketflow_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _source_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_wheel_has_every_migration_script(wheel_names: set[str]) -> None:
    migrations = ROOT / "ticketflow_desktop" / "storage" / "migrations"
    expected = {f"ticketflow_desktop/storage/migrations/{name}" for name in _source_files(migrations)}
    assert {
        "ticketflow_desktop/storage/migrations/env.py",
        "ticketflow_desktop/storage/migrations/script.py.mako",
        "ticketflow_desktop/storage/migrations/versions/0001_initial.py",
    } <= expected
    assert expected <= wheel_names, sorted(expected - wheel_names)


def test_wheel_has_the_resources_inside_the_package(wheel_names: set[str]) -> None:
    expected = {f"ticketflow_desktop/resources/{name}" for name in _source_files(ROOT / "resources")}
    assert "ticketflow_desktop/resources/linux/ticketflow.desktop" in expected
    assert expected <= wheel_names, sorted(expected - wheel_names)


def test_wheel_has_no_tests_caches_or_stray_top_level_packages(wheel_names: set[str]) -> None:
    top_level = {name.split("/", 1)[0] for name in wheel_names}
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"ticketflow_desktop"}
    assert not [name for name in wheel_names if "__pycache__" in name or name.endswith(".pyc")]
