"""The CLI of #19: update --add-tag/--remove-tag, list --tag/--status a,b/--view, view save|list|remove, tags."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run


def _create(capsys: pytest.CaptureFixture[str], url: str, title: str, priority: str) -> int:
    code, out, _ = run(
        capsys, url, "create", "--title", title, "--description", "x", "--category", "billing", "--priority", priority,
        "--json",
    )  # fmt: skip
    assert code == 0
    return int(json.loads(out)["id"])


def _ids(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> list[int]:
    code, out, err = run(capsys, url, "list", "--json", *args)
    assert code == 0, err
    return [t["id"] for t in json.loads(out)]


def test_tags_multi_value_filters_and_views(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    low, high, critical = (
        _create(capsys, database_url, t, p) for t, p in (("A", "low"), ("B", "high"), ("C", "critical"))
    )
    assert run(capsys, database_url, "update", str(high), "--add-tag", "VIP", "--add-tag", "billing,q3")[0] == 0
    assert run(capsys, database_url, "update", str(critical), "--add-tag", "vip", "--status", "in_progress")[0] == 0
    code, out, _ = run(capsys, database_url, "update", str(high), "--remove-tag", "q3", "--json")
    assert code == 0 and json.loads(out)["tags"] == ["billing", "vip"]
    code, out, _ = run(capsys, database_url, "show", str(high), "--json")
    shown = json.loads(out)
    assert shown["tags"] == ["billing", "vip"]
    assert [(e["field"], e["old"], e["new"]) for e in shown["events"] if e["field"] == "tags"][-1] == (
        "tags",
        "q3",
        None,
    )

    assert _ids(capsys, database_url, "--tag", "vip") == [critical, high]
    assert _ids(capsys, database_url, "--status", "open,in_progress", "--tag", "VIP") == [critical, high]
    assert _ids(capsys, database_url, "--status", "open") == [high, low]
    assert _ids(capsys, database_url, "--priority", "low,critical") == [critical, low]

    code, _, err = run(capsys, database_url, "view", "save", "Urgent", "--priority", "high,critical", "--shared",
                       "--sort=priority", "--columns", "title,priority")  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, database_url, "view", "list", "--json")
    (view,) = json.loads(out)
    assert view["name"] == "Urgent" and view["shared"] is True and view["sort"] == "priority"
    assert view["filter"] == {"priority": ["high", "critical"]} and view["columns"] == ["title", "priority"]
    assert _ids(capsys, database_url, "--view", "urgent") == [high, critical]  # the view's order: priority ascending
    assert _ids(capsys, database_url, "--view", "Urgent", "--status", "open") == [high]  # narrowed further
    assert _ids(capsys, database_url, "--view", "Urgent", "--sort=-created") == [critical, high]
    code, _, err = run(capsys, database_url, "list", "--view", "Urgent", "--priority", "low")
    assert code == 2 and "nothing could match both" in err

    code, out, _ = run(capsys, database_url, "tags", "--json")
    assert json.loads(out) == [{"tag": "vip", "tickets": 2}, {"tag": "billing", "tickets": 1}]
    assert run(capsys, database_url, "view", "remove", "urgent")[0] == 0
    code, _, err = run(capsys, database_url, "list", "--view", "Urgent")
    assert code == 2 and "no saved view called 'Urgent'" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("update", "1", "--add-tag", "a;b"), "holds ';'"),
        (("update", "1", "--add-tag", "x", "--remove-tag", "X"), "both added and removed"),
        (("view", "save", "  "), "needs a name"),
    ],
)
def test_bad_input_is_said_and_nothing_is_stored(
    database_url: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    _create(capsys, database_url, "A", "low")
    code, _, err = run(capsys, database_url, *args)
    assert code == 2 and words in err
    code, out, _ = run(capsys, database_url, "show", "1", "--json")
    assert json.loads(out)["tags"] == [] and json.loads(out)["version"] == 1
    assert json.loads(run(capsys, database_url, "view", "list", "--json")[1]) == []


def test_an_unknown_status_in_a_list_is_named(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, sqlite_url, "list", "--status", "open,nope")
    assert exited.value.code == 2 and "'nope' is not a status" in capsys.readouterr().err
