"""Reading a CSV file record by record in bounded memory, knowing where each record starts.

An import reads its file twice (check everything, then store), never holding it whole: a 1 GB file
once took 16 times its size in memory. Each record's byte span is known, so the second pass can read
records in another order (oldest first) by seeking.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

BOM = b"\xef\xbb\xbf"
# One field may hold a whole description (100,000 characters); a field far beyond that is not a
# ticket, and csv's own limit would otherwise stop the read with a puzzling message.
FIELD_LIMIT = 1_000_000


class SourceError(ValueError):
    """The bytes at `line` are not readable CSV text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Record:
    line: int  # the physical line the record starts on (1 = the header)
    fields: list[str]
    start: int  # byte offsets of the record in the file
    end: int


class _Lines:
    """The file's lines as text, for csv.reader, tracking each line's byte offset and number."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.offset = 0  # where the next line starts
        self.number = 0  # lines handed out so far

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline()
        if not raw:
            raise StopIteration
        if self.offset == 0 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
            self.offset = len(BOM)
        self.number += 1
        self.offset += len(raw)
        try:
            text = raw.decode("utf-8")  # a newline byte never occurs inside a UTF-8 sequence
        except UnicodeDecodeError:
            raise SourceError(self.number, "the file is not UTF-8 text (save it as UTF-8 CSV)") from None
        if "\x00" in text:
            raise SourceError(self.number, "contains a NUL character")
        return text


def records(stream: BinaryIO) -> Iterator[Record]:
    """Every record (the header first) with its line and byte span; SourceError where reading fails."""
    csv.field_size_limit(FIELD_LIMIT)
    lines = _Lines(stream)
    reader = csv.reader(lines, strict=True)
    while True:
        start, line = lines.offset, lines.number + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                raise SourceError(line, f"a field is longer than {FIELD_LIMIT:,} characters") from None
            raise SourceError(line, f"malformed CSV ({error})") from None
        yield Record(line, fields, start, lines.offset)


def record_at(stream: BinaryIO, start: int, end: int) -> list[str]:
    """The fields of the record stored at bytes start..end (a span `records` reported)."""
    stream.seek(start)
    text = stream.read(end - start).decode("utf-8")
    return next(csv.reader(io.StringIO(text, newline=""), strict=True))
