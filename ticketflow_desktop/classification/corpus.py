"""Labelled examples: the starter corpus shipped in the package, and JSONL files for `ticketflow eval`."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from ticketflow_desktop.domain import Category, Priority

STARTER_CORPUS = "starter_corpus.jsonl"
# Tickets written the way customers write (bench/make_triage_corpus.py): the bulk of what the model learns.
REALISTIC_CORPUS = "realistic_corpus.jsonl"


@dataclass(frozen=True)
class Example:
    title: str
    description: str
    category: Category
    priority: Priority
    # Agents' own tickets count more than the generic starter examples.
    weight: float = 1.0
    # Examples written from one scenario share a group, and calibration keeps them in one fold. One part
    # per label set, "/"-separated (category/priority): the text that decided that label.
    group: str | None = None
    lang: str | None = None  # where a file says (per-language figures in `ticketflow eval`)


def parse_lines(lines: Iterable[str], source: str = "input") -> Iterator[Example]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield Example(
                str(row.get("title", "")),
                str(row["description"]),
                Category.parse(str(row["category"])),
                Priority.parse(str(row["priority"])),
                group=str(row["group"]) if row.get("group") else None,
                lang=str(row["lang"]) if row.get("lang") else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"{source}, line {number}: {error}") from None


def starter_corpus() -> list[Example]:
    """What the model knows before a team's first ticket: the realistic corpus and the older synthetic one."""
    examples: list[Example] = []
    for name in (REALISTIC_CORPUS, STARTER_CORPUS):
        text = files("ticketflow_desktop.classification").joinpath("data", name).read_text("utf-8")
        examples += parse_lines(text.splitlines(), name)
    return examples


@cache
def starter_fingerprint() -> str:
    """Which starter corpus this is: a model trained on another one (an older app) is retrained."""
    data = files("ticketflow_desktop.classification").joinpath("data")
    checksum = 0
    for name in (REALISTIC_CORPUS, STARTER_CORPUS):
        checksum = zlib.crc32(data.joinpath(name).read_bytes(), checksum)
    return f"{checksum:08x}"


def read_jsonl(path: Path) -> list[Example]:
    with path.open(encoding="utf-8") as handle:
        return list(parse_lines(handle, str(path)))
