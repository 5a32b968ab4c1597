"""CSV import and export: all or nothing on import, an exact round trip."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from ticketflow_desktop.domain import Category, EventSource, Priority, Sort, SortKey, Status, TicketFilter
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.validation import description_error, title_error
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import NewTicket, bulk_insert

REQUIRED = ("title", "description", "category", "priority")
OPTIONAL = ("status", "created_at")
EXPORT_COLUMNS = (*REQUIRED, *OPTIONAL)
MAX_REPORTED = 10
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK, +cmd|, @SUM);
# export prefixes such a cell with ' (OWASP's rule), which spreadsheets show as plain text.
FORMULA_STARTS = frozenset("=+-@\t\r")
# Imported tickets are dated from the Unix epoch to a day ahead of now (clock skew between machines).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet shows it but never runs it; `restore` undoes it exactly.

    Cells that already start with quotes before a formula character get one more quote, so that
    every text round-trips.
    """
    return "'" + cell if cell.lstrip("'")[:1] in FORMULA_STARTS else cell


def restore(cell: str) -> str:
    """Remove the quote `neutralise` (or a spreadsheet, which treats a leading ' as "text") added."""
    return cell[1:] if cell[:1] == "'" and cell[1:].lstrip("'")[:1] in FORMULA_STARTS else cell


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ImportFailed(ValidationError):
    """The file was refused; nothing of it was stored."""

    def __init__(self, errors: list[RowError]) -> None:
        self.row_errors = errors
        super().__init__([FieldError("file", str(e)) for e in errors])


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:  # year 1 (or 9999) with an offset is beyond what datetime holds in UTC
        return (datetime.min if value.year < EARLIEST.year else datetime.max).replace(tzinfo=UTC)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailed([RowError(line, "the file is not UTF-8 text (save it as UTF-8 CSV)")]) from None


def parse_csv(data: bytes, clock: Clock = SYSTEM_CLOCK) -> list[NewTicket]:
    """Every row as a ticket, or ImportFailed listing the first problems with their line numbers.

    A row without created_at is dated `clock.now()`.
    """
    text = _decode(data)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFailed([RowError(line, "contains a NUL character")])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed([RowError(1, "the file is empty; expected a header row")]) from None
    except csv.Error as error:
        raise ImportFailed([RowError(1, f"not a CSV header ({error})")]) from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in EXPORT_COLUMNS]
    if missing or unknown or len(set(columns)) != len(columns):
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if unknown:
            parts.append("unknown column(s) " + ", ".join(unknown))
        if len(set(columns)) != len(columns):
            parts.append("a column appears twice")
        expected = ", ".join(REQUIRED) + " and optionally " + ", ".join(OPTIONAL)
        raise ImportFailed([RowError(1, "; ".join(parts) + f" (expected {expected})")])

    tickets: list[NewTicket] = []
    errors: list[RowError] = []
    now = clock.now()
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(line, f"malformed CSV ({error})"))
            break
        row_line, line = line, reader.line_num + 1
        if not any(field.strip() for field in record):
            continue  # a blank line
        if len(record) != len(columns):
            errors.append(RowError(row_line, f"has {len(record)} fields; the header has {len(columns)}"))
        else:
            try:
                tickets.append(_ticket(dict(zip(columns, record, strict=True)), now))
            except ValueError as error:
                errors.append(RowError(row_line, str(error)))
        if len(errors) >= MAX_REPORTED:
            break
    if errors:
        raise ImportFailed(errors)
    return tickets


def _ticket(row: dict[str, str], now: datetime) -> NewTicket:
    title, description = restore(row["title"]), restore(row["description"])
    problems = [m for m in (title_error(title), description_error(description)) if m]
    if problems:
        raise ValueError(" ".join(problems))
    category = Category.parse(row["category"])
    priority = Priority.parse(row["priority"])
    status = Status.parse(row["status"]) if row.get("status", "").strip() else Status.OPEN
    created_text = row.get("created_at", "").strip()
    try:
        created = _parse_time(created_text) if created_text else now
    except ValueError:
        raise ValueError(f"created_at '{created_text}' is not an ISO 8601 time (e.g. 2024-05-01T09:30:00Z)") from None
    if created < EARLIEST:
        raise ValueError(f"created_at {created_text} is before 1970")
    if created > now + FUTURE_SLACK:
        raise ValueError(f"created_at {created_text} is more than a day in the future")
    return NewTicket(
        title=title.strip(),
        description=description.strip(),
        category=category,  # type: ignore[arg-type]
        priority=priority,  # type: ignore[arg-type]
        created_at=created,
        initial_status=status,  # type: ignore[arg-type]
        source=EventSource.IMPORT,
    )


def import_csv(service: TicketService, path: Path, progress: Callable[[int, int], None] | None = None) -> int:
    # Stored oldest first (a stable sort: file order within equal times): the time-ordered indexes then
    # grow at their ends instead of being written all over (PostgreSQL, 100k into 1M: 17 -> 12 s),
    # and ids follow the tickets' age as they do for tickets made in the app.
    tickets = sorted(parse_csv(path.read_bytes(), service.clock), key=lambda t: t.created_at)
    total = len(tickets)
    return bulk_insert(
        service.database, tickets, progress=(lambda done: progress(done, total)) if progress else None, expected=total
    )


def export_rows(
    service: TicketService, filter: TicketFilter = TicketFilter(), raw: bool = False
) -> Iterator[list[str]]:
    """The header, then every ticket; text cells neutralised against formulas unless `raw`."""
    yield list(EXPORT_COLUMNS)
    text = (lambda cell: cell) if raw else neutralise
    # Oldest first, so that importing the file recreates the tickets in the same order.
    for t in service.iterate(filter, Sort(SortKey.CREATED, descending=False)):
        yield [
            text(t.title),
            text(t.description),
            t.category.value,
            t.priority.value,
            t.status.value,
            t.created_at.isoformat(),
        ]


def export_csv(service: TicketService, out: IO[str], filter: TicketFilter = TicketFilter(), raw: bool = False) -> int:
    """Write the tickets as CSV; the number written. `raw`: cells exactly as stored (for scripts)."""
    writer = csv.writer(out)
    n = -1
    for n, row in enumerate(export_rows(service, filter, raw)):  # noqa: B007
        writer.writerow(row)
    return n
