"""Labelled examples: the starter corpus shipped in the package, and JSONL files for `ticketflow eval`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ticketflow_desktop.domain import Category, Priority

STARTER_CORPUS = "starter_corpus.jsonl"


@dataclass(frozen=True)
class Example:
    title: str
    description: str
    category: Category
    priority: Priority
    # Agents' own tickets count more than the generic starter examples.
    weight: float = 1.0


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
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"{source}, line {number}: {error}") from None


def starter_corpus() -> list[Example]:
    text = files("ticketflow_desktop.classification").joinpath("data", STARTER_CORPUS).read_text("utf-8")
    return list(parse_lines(text.splitlines(), STARTER_CORPUS))


def read_jsonl(path: Path) -> list[Example]:
    with path.open(encoding="utf-8") as handle:
        return list(parse_lines(handle, str(path)))
