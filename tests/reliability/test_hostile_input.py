"""A corpus of hostile inputs through the service, the CLI and CSV import: each is refused with a
clear message or stored exactly (trimmed at the ends, the documented rule) and shown as text; a
search for each finds exactly the tickets that contain it."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ticketflow_desktop.cli import main
from ticketflow_desktop.domain import Category, Priority, TicketDraft, TicketFilter, ValidationError
from ticketflow_desktop.domain.search import matches
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.services.transfer import ImportFailed, import_csv, parse_csv


@dataclass(frozen=True)
class Hostile:
    name: str
    text: str
    title_ok: bool  # may it be a title?
    description_ok: bool  # may it be a description?


CORPUS = [
    Hostile("empty", "", False, False),
    Hostile("whitespace", " \t \u3000 ", False, False),
    Hostile("title at the limit", "T" * 200, True, True),
    Hostile("title one past", "T" * 201, False, True),
    Hostile("description at the limit", "D" * 100_000, False, True),
    Hostile("description one past", "D" * 100_001, False, False),
    Hostile("a 10,000-character word", "w" * 10_000, False, True),
    Hostile("NUL", "before\x00after", False, False),
    Hostile("broken Unicode", "half \ud800 a pair", False, False),
    Hostile("newline in a title", "two\nlines", False, True),
    Hostile("CRLF", "windows\r\nline ends", False, True),
    Hostile("Unicode line separator", "one\u2028two\u2029three", False, True),
    Hostile("vertical tab and form feed", "one\vtwo\fthree", False, True),
    Hostile("zero-width inside words", "in\u200bvoice \u2060due", True, True),
    Hostile("control characters", "bell\x07 backspace\x08 tab\t del\x7f", True, True),
    Hostile("ANSI escapes", "\x1b[31mRED\x1b[0m \x1b]0;title\x07", True, True),
    Hostile("RTL override", "invoice \u202egpj.exe", True, True),
    Hostile("emoji sequences", "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 1️⃣", True, True),
    Hostile("combining marks", "e\u0301 Z̴̡̪a̷l̴g̵o̸", True, True),
    Hostile("Qt rich text", "<b>bold</b> <img src='x' onerror='alert(1)'><a href='http://x'>link</a>", True, True),
    Hostile("HTML entities", "&lt;script&gt; &amp; &#x27;", True, True),
    Hostile("SQL", "'; DROP TABLE tickets; -- 1' OR '1'='1", True, True),
    Hostile("LIKE wildcards", "100%_done \\ back\\slash", True, True),
    Hostile("percent alone", "%", True, True),
    Hostile("underscore alone", "_", True, True),
    Hostile("backslash alone", "\\", True, True),
    Hostile("padded", "   padded   ", True, True),
    Hostile("case and folding", "ǅungla STRASSE İstanbul ΣΊΣΥΦΟΣ", True, True),
]
SEARCH_LIMIT = 500


def outcome_of(service: TicketService, title: str, description: str) -> tuple[str, object]:
    try:
        ticket = service.create(TicketDraft(title, description, Category.GENERAL, Priority.LOW))
    except ValidationError as error:
        return "refused", error
    return "stored", ticket


def test_the_corpus_through_the_service(service: TicketService, capsys: pytest.CaptureFixture[str]) -> None:
    stored = refused = 0
    for item in CORPUS:
        for field, allowed in (("title", item.title_ok), ("description", item.description_ok)):
            title, description = (item.text, "body") if field == "title" else (f"[{item.name}]", item.text)
            kind, result = outcome_of(service, title, description)
            assert kind == ("stored" if allowed else "refused"), (item.name, field, result)
            if kind == "refused":
                refused += 1
                message = result.for_field(field)  # type: ignore[union-attr]
                assert message and message.startswith(field.capitalize()), (item.name, field, message)
                continue
            stored += 1
            again = service.get(result.id)  # type: ignore[union-attr]
            assert getattr(again, field) == item.text.strip()  # exactly as given (the ends trimmed)
    # Search for each stored text finds exactly the tickets containing it.
    tickets = list(service.iterate())
    searched = 0
    for item in CORPUS:
        term = item.text.strip()
        if not term or len(term) > SEARCH_LIMIT or "\x00" in term or "\ud800" in term:
            continue
        found = {t.id for t in service.page(TicketFilter(search=term), limit=500).tickets}
        expected = {t.id for t in tickets if matches(term, t.title, t.description)}
        assert found == expected, item.name
        assert expected, item.name
        searched += 1
    with pytest.raises(ValidationError, match="limited to 500"):
        service.page(TicketFilter(search="x" * 501))
    with pytest.raises(ValidationError, match="NUL"):
        service.page(TicketFilter(search="a\x00"))
    with capsys.disabled():
        print(
            f"\nhostile corpus: {len(CORPUS)} inputs x 2 fields: {stored} stored exactly, {refused} refused "
            f"with a message, {searched} searched"
        )


def test_the_corpus_through_the_cli(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = 0
    for item in CORPUS:
        stdin = io.TextIOWrapper(io.BytesIO(item.text.encode("utf-8", "surrogatepass")), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        code = main(
            [
                "--database-url",
                sqlite_url,
                "create",
                f"--title=[{item.name}]",
                "--description",
                "-",
                "--category",
                "general",
                "--priority",
                "low",
                "--json",
            ]
        )
        out, err = capsys.readouterr()
        if item.description_ok:
            assert code == 0, (item.name, err)
            assert json.loads(out)["description"] == item.text.strip(), item.name
            stored += 1
        else:
            assert code == 2, item.name
            assert err.startswith("ticketflow: ") and ("Description" in err or "UTF-8" in err), err
            assert out == ""
        assert main(["--database-url", sqlite_url, "list", "--json", "--limit", "500"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == stored, item.name  # refused means nothing stored
    # The terminal listing never lets an escape sequence or a direction override through.
    for title in ("\x1b[31mRED\x1b[0m", "invoice \u202egpj.exe"):
        args = ["create", f"--title={title}", "--description=x", "--category=general", "--priority=low"]
        assert main(["--database-url", sqlite_url, *args]) == 0
    assert main(["--database-url", sqlite_url, "list", "--limit", "500"]) == 0
    listing = capsys.readouterr().out
    assert "\x1b" not in listing and "\u202e" not in listing
    assert "\\x1b[31mRED" in listing and "\\u202e" in listing


def test_the_corpus_through_csv_import_round_trips(service: TicketService) -> None:
    storable = [i for i in CORPUS if i.description_ok]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "description", "category", "priority"])
    for item in storable:
        writer.writerow([item.text if item.title_ok else f"[{item.name}]", item.text, "general", "low"])
    path_data = out.getvalue().encode("utf-8")
    tickets = parse_csv(path_data)
    assert [t.description for t in tickets] == [i.text.strip() for i in storable]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "line", "words"),
    [
        ("wrong columns", b"name,text\nx,y\n", 1, "missing column"),
        (
            "bad encoding",
            "title,description,category,priority\nok,fine,general,low\ncaf\xe9,x,general,low\n".encode("latin-1"),
            3,
            "not UTF-8",
        ),
        ("too many fields", b"title,description,category,priority\na,b,general,low,extra\n", 2, "has 5 fields"),
        ("NUL byte", b"title,description,category,priority\na,b\x00,general,low\n", 2, "NUL"),
        ("empty", b"", 1, "empty"),
    ],
)
def test_malformed_csv_is_refused_with_the_line(
    service: TicketService, tmp_path: Path, name: str, data: bytes, line: int, words: str
) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_csv(service, _write(tmp_path / "bad.csv", data))
    assert caught.value.row_errors[0].line == line
    assert words in str(caught.value)
    assert service.count().value == 0


def test_a_bad_enum_in_row_50000_of_60000_imports_nothing(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["title,description,category,priority"]
    rows += [f"Ticket {i},Body {i},technical,high" for i in range(1, 60_001)]
    rows[50_000] = "Ticket 50000,Body,technical,urgent-ish"
    path = _write(tmp_path / "big.csv", ("\n".join(rows) + "\n").encode())
    code = main(["--database-url", sqlite_url, "import", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "line 50001" in err and "urgent-ish" in err and "nothing was imported" in err
    assert err.count("line ") == 1  # one clear error
    assert main(["--database-url", sqlite_url, "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_rich_text_is_shown_as_text(qtbot: QtBot) -> None:
    from ticketflow_desktop.ui.widgets.toast import Toast

    host = QWidget()
    qtbot.addWidget(host)
    rich = next(i.text for i in CORPUS if i.name == "Qt rich text")
    toast = Toast(rich, "info", host)
    assert toast.text == rich
    # Shown as text, the tags take room; interpreted, they would vanish into formatting.
    as_text, as_rich = QLabel(), QLabel()
    as_text.setTextFormat(toast.label.textFormat())
    as_text.setText("<b>bold</b>")
    as_rich.setText("<b>bold</b>")
    assert as_text.sizeHint().width() > as_rich.sizeHint().width()
