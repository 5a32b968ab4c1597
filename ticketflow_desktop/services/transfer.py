"""CSV import and export: all or nothing on import, an exact round trip."""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, BinaryIO

from sqlalchemy import Connection

from ticketflow_desktop.domain import (
    Category,
    EventSource,
    NewTicket,
    Priority,
    Sort,
    SortKey,
    Status,
    Ticket,
    TicketChanges,
    TicketFilter,
)
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.domain.validation import description_error, title_error
from ticketflow_desktop.services.csv_source import Record, SourceError, record_at, records
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage.bulk import bulk_insert

REQUIRED = ("title", "description", "category", "priority")
OPTIONAL = ("status", "created_at", "external_id")
EXTERNAL_ID_MAX = 200
EXPORT_COLUMNS = (*REQUIRED, *OPTIONAL)
MAX_REPORTED = 10
EXPORT_PROGRESS_EVERY = 1000  # tickets between two progress reports of an export
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK, +cmd|, @SUM);
# export prefixes such a cell with ' (OWASP's rule), which spreadsheets show as plain text.
FORMULA_STARTS = frozenset("=+-@\t\r")
# A file with more rows than this that is not in time order is stored in file order: sorting keeps
# 24 bytes a row in memory (80 MB at this size).
SORT_MAX_ROWS = 3_000_000
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


def _columns(header: list[str]) -> list[str]:
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
    return columns


def _parsed(stream: BinaryIO, now: datetime) -> Iterator[tuple[Record | None, NewTicket | RowError]]:
    """Each data record with its ticket or its problem; a record that cannot be read ends the file.

    Problems with the header raise ImportFailed at once: nothing after it can be understood.
    """
    source = records(stream)
    try:
        header = next(source)
    except StopIteration:
        raise ImportFailed([RowError(1, "the file is empty; expected a header row")]) from None
    except SourceError as error:
        raise ImportFailed([RowError(error.line, f"not a CSV header: {error}")]) from None
    columns = _columns(header.fields)
    try:
        for record in source:
            if not any(field.strip() for field in record.fields):
                continue  # a blank line
            if len(record.fields) != len(columns):
                yield record, RowError(record.line, f"has {len(record.fields)} fields; the header has {len(columns)}")
                continue
            try:
                yield record, _ticket(dict(zip(columns, record.fields, strict=True)), now)
            except ValueError as error:
                yield record, RowError(record.line, str(error))
    except SourceError as error:
        yield None, RowError(error.line, str(error))


def _ticket_at(stream: BinaryIO, columns: list[str], start: int, end: int, now: datetime) -> NewTicket:
    return _ticket(dict(zip(columns, record_at(stream, start, end), strict=True)), now)


def parse_csv(data: bytes, clock: Clock = SYSTEM_CLOCK) -> list[NewTicket]:
    """Every row of a (small) CSV text as a ticket, or ImportFailed naming the first problems' lines.

    A row without created_at is dated `clock.now()`.
    """
    tickets: list[NewTicket] = []
    errors: list[RowError] = []
    for _record, parsed in _parsed(io.BytesIO(data), clock.now()):
        if isinstance(parsed, RowError):
            errors.append(parsed)
            if len(errors) >= MAX_REPORTED:
                break
        else:
            tickets.append(parsed)
    if errors:
        raise ImportFailed(errors)
    return tickets


@dataclass
class _Plan:
    """What the checking pass learned: how many tickets, and where each is, to store them oldest first."""

    count: int = 0
    external_ids: dict[str, int] = field(default_factory=dict)  # each one's line, to refuse a repeat
    in_order: bool = True  # created_at never decreases: store in file order
    latest: float = float("-inf")
    created: array[float] = field(default_factory=lambda: array("d"))
    starts: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))

    def add(self, record: Record, ticket: NewTicket) -> None:
        self.count += 1
        when = ticket.created_at.timestamp()
        self.in_order &= when >= self.latest
        self.latest = max(self.latest, when)
        if self.count <= SORT_MAX_ROWS:
            self.created.append(when)
            self.starts.append(record.start)
            self.ends.append(record.end)

    @property
    def sortable(self) -> bool:
        return not self.in_order and self.count <= SORT_MAX_ROWS


def _check(stream: BinaryIO, now: datetime) -> _Plan:
    plan, errors = _Plan(), []
    for record, parsed in _parsed(stream, now):
        if isinstance(parsed, NewTicket) and record is not None and parsed.external_id is not None:
            first = plan.external_ids.setdefault(parsed.external_id, record.line)
            if first != record.line:
                repeat = f"external_id {parsed.external_id!r} appears again (first on line {first})"
                parsed = RowError(record.line, repeat)
        if isinstance(parsed, RowError):
            errors.append(parsed)
            if len(errors) >= MAX_REPORTED:
                break
        elif record is not None:
            plan.add(record, parsed)
    if errors:
        raise ImportFailed(errors)
    return plan


def _stored_order(stream: BinaryIO, plan: _Plan, now: datetime) -> Iterator[NewTicket]:
    """The file's tickets again, oldest first where the plan allows; a file changed since the check
    raises ImportFailed, which rolls the whole import back."""
    if plan.sortable:
        import numpy as np

        stream.seek(0)
        columns = _columns(next(records(stream)).fields)
        created = np.frombuffer(plan.created, dtype=np.float64)
        for index in np.argsort(created, kind="stable"):
            try:
                yield _ticket_at(stream, columns, plan.starts[index], plan.ends[index], now)
            except (ValueError, csv.Error, StopIteration) as error:
                raise ImportFailed([RowError(0, f"the file changed during the import ({error})")]) from None
        return
    for _record, parsed in _parsed(stream, now):
        if isinstance(parsed, RowError):
            raise ImportFailed([RowError(parsed.line, f"the file changed during the import: {parsed.message}")])
        yield parsed


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
    external_id = restore(row.get("external_id", "")).strip() or None
    if external_id is not None and (len(external_id) > EXTERNAL_ID_MAX or external_id.splitlines() != [external_id]):
        raise ValueError(f"external_id must be one line of at most {EXTERNAL_ID_MAX} characters")
    return NewTicket(
        title=title.strip(),
        description=description.strip(),
        category=category,
        priority=priority,
        created_at=created,
        initial_status=status,
        source=EventSource.IMPORT,
        external_id=external_id,
    )


@dataclass
class ImportResult:
    imported: int = 0  # new tickets
    skipped: int = 0  # rows whose external_id a ticket has (with `update`: one that holds the same values)
    updated: int = 0  # with `update`: rows whose ticket now holds the row's changed values

    def __str__(self) -> str:
        parts = [f"Imported {self.imported:,} tickets"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped: already imported")
        if self.updated:
            parts.append(f"{self.updated:,} updated")
        return "; ".join(parts)


def import_csv(
    service: TicketService,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    update: bool = False,
) -> ImportResult:
    """Store every ticket of the CSV file at `path` in one transaction, or none (ImportFailed).

    The file is read twice and never held whole: first every row is checked, then the tickets are
    stored oldest first (a stable sort: file order within equal times), so the time-ordered indexes
    grow at their ends instead of being written all over (PostgreSQL, 100k into 1M: 17 -> 12 s), and
    ids follow the tickets' age as they do for tickets made in the app. A row whose external_id a
    ticket already has is skipped, or with `update` its values are written over that ticket's.
    """
    now = service.clock.now()
    with path.open("rb") as stream:
        plan = _check(stream, now)
    total = plan.count
    result = ImportResult()

    def already_imported(session: Connection, batch: list[NewTicket]) -> list[NewTicket]:
        known = service.tickets_by_external_id(session, [t.external_id for t in batch if t.external_id])
        if not known:
            return batch
        fresh = []
        for row in batch:
            stored = known.get(row.external_id or "")
            if stored is None:
                fresh.append(row)
                continue
            changes = _changes_from(row, stored)
            if update and not changes.is_empty():
                _update_from_row(service, session, stored.id, row, changes)
                result.updated += 1
            else:
                result.skipped += 1
        return fresh

    with path.open("rb") as stream:
        result.imported = bulk_insert(
            service.database,
            _stored_order(stream, plan, now),
            progress=(lambda done: progress(done, total)) if progress else None,
            expected=total,
            prepare=already_imported,
        )
    return result


def _changes_from(row: NewTicket, stored: Ticket) -> TicketChanges:
    """What of an imported row differs from the ticket that has its external_id."""
    wanted: dict[str, Any] = {
        "title": row.title,
        "description": row.description,
        "category": row.category,
        "priority": row.priority,
        "status": row.final_status,
    }
    return TicketChanges(**{name: value for name, value in wanted.items() if getattr(stored, name) != value})


def _update_from_row(
    service: TicketService, session: Connection, ticket_id: int, row: NewTicket, changes: TicketChanges
) -> None:
    try:
        service.update_in(session, ticket_id, changes, None, EventSource.IMPORT)
    except ValidationError as error:
        raise ImportFailed([RowError(0, f"external_id {row.external_id!r} (ticket #{ticket_id}): {error}")]) from None


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
            text(t.external_id or ""),
        ]


def export_csv(
    service: TicketService,
    out: IO[str],
    filter: TicketFilter = TicketFilter(),
    raw: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the tickets as CSV; the number written. `raw`: cells exactly as stored (for scripts).
    `progress` hears the count every EXPORT_PROGRESS_EVERY tickets."""
    writer = csv.writer(out)
    n = -1
    for n, row in enumerate(export_rows(service, filter, raw)):
        writer.writerow(row)
        if progress is not None and n and n % EXPORT_PROGRESS_EVERY == 0:
            progress(n)
    return n


def export_file(
    service: TicketService,
    path: Path,
    filter: TicketFilter = TicketFilter(),
    raw: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Export to `path` through "<name>.partial", renamed only when complete: a failed or stopped export
    never leaves a truncated file under the real name, nor the partial one. (done, total) to `progress`."""
    total = service.count(filter).value if progress is not None else 0  # for a progress bar only
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            n = export_csv(
                service, out, filter, raw, (lambda done: progress(done, max(total, done))) if progress else None
            )
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return n
