"""Which module each subcommand lives in, and what a call loads: a call imports its own command's module only,
with the garbage collector off while the app loads and back on (its objects frozen) when the command runs."""

import argparse
import json
import subprocess
import sys

import pytest

from ticketflow_desktop import __version__
from ticketflow_desktop.cli import COMMANDS, MODULES, command_modules, main


@pytest.mark.parametrize("name", MODULES)
def test_each_module_registers_exactly_the_commands_listed_for_it(name: str) -> None:
    subparsers = argparse.ArgumentParser().add_subparsers()
    (module,) = command_modules(next(command for command, owner in COMMANDS.items() if owner == name))
    module.register(subparsers)
    assert sorted(subparsers.choices) == sorted(command for command, owner in COMMANDS.items() if owner == name)


def test_help_lists_every_command_in_module_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    listed = capsys.readouterr().out
    positions = [listed.index(f"    {command} ") for command in COMMANDS]
    assert positions == sorted(positions)


def test_a_misspelt_command_is_refused_with_every_choice(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["shwo", "1"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'shwo'" in error and all(f"'{command}'" in error for command in COMMANDS)


def test_version_is_the_installed_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"ticketflow {__version__}\n"
    assert __version__[0].isdigit()


PROBE = """
import gc, json, sys
from ticketflow_desktop.cli import main
code = main(sys.argv[1:])
loaded = sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("ticketflow_desktop.cli."))
print(json.dumps({"code": code, "loaded": loaded, "collector": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""


def test_a_call_loads_its_own_command_only_and_leaves_the_collector_on(sqlite_url: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--database-url", sqlite_url, "stats", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    # tickets' own imports (common, for its helpers) and nothing of classify, mail, team, ...
    assert report["loaded"] == ["common", "tickets"]
    assert report["collector"] is True and report["frozen"] > 10_000
