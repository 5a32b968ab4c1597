"""TicketService: tickets one at a time (get, page, count, create, update), their history and stats.
Synchronous; one unit of work per call; returns dataclasses.

Every single-ticket write goes through here, the outbox's and an import's updates too. Bulk loads
(seed, import) go through storage.bulk, and the dashboard reads through AnalyticsService. It blocks:
the window calls it from worker threads, never from its GUI thread. On PostgreSQL the database stamps
times and versions and writes the history and the summaries itself (storage/team_sql); on SQLite (one
person, one file) this service does, with the OS login as the actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, func, insert, literal, select, tuple_, update

from ticketflow_desktop.domain import (
    Category,
    Conflict,
    Count,
    Cursor,
    EventField,
    EventSource,
    NotFound,
    Page,
    Priority,
    Sort,
    SortKey,
    Stats,
    Status,
    Ticket,
    TicketChanges,
    TicketDraft,
    TicketEvent,
    TicketFilter,
    ValidationError,
)
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.conversation import Requester
from ticketflow_desktop.domain.errors import FieldError
from ticketflow_desktop.domain.models import UNASSIGNED
from ticketflow_desktop.domain.validation import (
    NUMBER_MAX,
    check_number,
    search_error,
    validate_changes,
    validate_draft,
)
from ticketflow_desktop.services import sla
from ticketflow_desktop.services.sla import sla_state_filter
from ticketflow_desktop.storage import sla_store
from ticketflow_desktop.storage.analytics import CountKey, add_count_deltas, add_suggestion_counts, record_status_change
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.convert import (
    event_from_row,
    row_values,
    sla_from_row,
    sla_from_values,
    suggestion_columns,
    ticket_from_row,
    ticket_from_values,
)
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.people import check_assignee, customer_email, find_or_create_customer
from ticketflow_desktop.storage.search import Columns, count_matches, fetch_page
from ticketflow_desktop.storage.sla_sql import SLA_COLUMNS
from ticketflow_desktop.storage.tables import (
    customer_table,
    group_table,
    ticket_event_table,
    ticket_table,
    ticket_total_table,
)
from ticketflow_desktop.storage.tags import split_tag_list, tag_list, tagged_with_any, tags_of
from ticketflow_desktop.storage.team import group_id, group_name, local_login, recorded_by_database, sees_every_ticket

MAX_PAGE = 500
# A search shows "1,000+" beyond this: more would not be read, and counting on to 10,000 took a
# PostgreSQL server 112-176 ms for a common word at a million tickets (a slow 2-core machine), against
# about 20 ms to 1,000.
DEFAULT_COUNT_CAP = 1_000
_SORT_COLUMNS = {
    SortKey.CREATED: ticket_table.c.created_at,
    SortKey.UPDATED: ticket_table.c.updated_at,
    SortKey.PRIORITY: ticket_table.c.priority_rank,
    SortKey.STATUS: ticket_table.c.status_rank,
    SortKey.TITLE: ticket_table.c.title,
    SortKey.DUE: ticket_table.c.sla_due,
}
_TRACKED_FIELDS = tuple(f for f in EventField if f is not EventField.CREATED)  # what an edit may change


@dataclass(frozen=True)
class TicketService:
    database: Database
    # Stamps created/updated times and decides "today" for stats; tests pass a FixedClock.
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)

    # --- reading -------------------------------------------------------------------------------

    @cached_property
    def sees_every_ticket(self) -> bool:
        """False for an agent limited by row-level security: the summaries count tickets they cannot see."""
        return sees_every_ticket(self.database)

    def get_in(self, session: Connection, ticket_id: int, *, lock: bool = False) -> Ticket:
        """The ticket inside the caller's transaction (`lock`: its row locked until that ends)."""
        return self._ticket(session, ticket_id, lock)

    def get_many_in(self, session: Connection, ticket_ids: Sequence[int], *, lock: bool = False) -> list[Ticket]:
        """The tickets of `ticket_ids`, in that order, inside the caller's transaction, in one read of a
        few statements however many (`lock`: their rows locked, in id order, so two bulk changes over
        the same tickets queue instead of deadlocking). NotFound names the first one missing or hidden."""
        for ticket_id in ticket_ids:
            check_number("ticket", ticket_id)
        wanted = sorted(set(ticket_ids))
        found: dict[int, Ticket] = {}
        for start in range(0, len(wanted), MAX_PAGE):
            query = (
                select(ticket_table, tag_list(session))
                .where(ticket_table.c.id.in_(wanted[start : start + MAX_PAGE]))
                .order_by(ticket_table.c.id)
            )
            rows = session.execute(query.with_for_update(of=ticket_table) if lock else query).all()
            found.update((ticket.id, ticket) for ticket in self._from_rows(session, rows))
        missing = next((i for i in ticket_ids if i not in found), None)
        if missing is not None:
            raise NotFound(missing)
        return [found[i] for i in ticket_ids]

    def get(self, ticket_id: int) -> Ticket:
        return self.database.read(lambda session: self._ticket(session, ticket_id))

    def page(
        self,
        filter: TicketFilter = TicketFilter(),
        sort: Sort = Sort(),
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page:
        if not 1 <= limit <= MAX_PAGE:
            raise ValidationError([FieldError("limit", f"A page holds 1 to {MAX_PAGE} tickets.")])
        key = _SORT_COLUMNS[sort.key].key

        def order(entity: Columns) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
            column, ticket_id = getattr(entity, key), entity.id
            return (column.desc(), ticket_id.desc()) if sort.descending else (column.asc(), ticket_id.asc())

        def read(session: Connection) -> tuple[Sequence[Any], tuple[Ticket, ...]]:
            query = select(ticket_table).where(*self._conditions(filter, session))
            if cursor:
                query = query.where(self._after(cursor, sort))
            query = query.order_by(*order(ticket_table.c)).limit(limit + 1)
            rows: Sequence[Any]
            if filter.search_term:
                rows = fetch_page(session, query, filter.search_term, order, limit + 1)
            else:  # with their tags: no second read
                plain = query.with_only_columns(*ticket_table.c, tag_list(session))
                rows = session.execute(plain).all()
            return rows, tuple(self._from_rows(session, rows[:limit]))

        # A search sets index scans for its transaction (storage/search.py); the other pages need none.
        rows, tickets = self.database.read(read, transaction=bool(filter.search_term))
        next_cursor = None
        if len(rows) > limit:
            next_cursor = Cursor(_cursor_value(tickets[-1], sort.key), tickets[-1].id).encode()
        return Page(tickets, next_cursor)

    def iterate(
        self, filter: TicketFilter = TicketFilter(), sort: Sort = Sort(), batch: int = MAX_PAGE
    ) -> Iterator[Ticket]:
        """Every matching ticket, page by page (for export)."""
        cursor: str | None = None
        while True:
            page = self.page(filter, sort, batch, cursor)
            yield from page.tickets
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def last_id(self) -> int:
        """The newest ticket's id (0 when there is none): where a load's tickets begin."""
        with self.database.reading() as session:
            return int(session.execute(select(func.coalesce(func.max(ticket_table.c.id), 0))).scalar_one())

    def count(self, filter: TicketFilter = TicketFilter(), cap: int | None = DEFAULT_COUNT_CAP) -> Count:
        """Exact from the summary table without a search; with one, capped so it stays fast."""
        people = (filter.assignee, filter.requester_id, filter.organisation, filter.groups, filter.sla_states)
        by_summary = all(value is None for value in people) and not filter.tags and self.sees_every_ticket
        exact = by_summary and not filter.search_term  # from the summary table, never capped

        def read(session: Connection) -> int:
            conditions = self._conditions(filter, session)
            if filter.search_term:
                return count_matches(session, conditions, filter.search_term, cap)
            if not exact:  # counted from the rows this login may see
                shown = select(literal(1)).select_from(ticket_table).where(*conditions)
                limited = shown.limit(cap + 1) if cap is not None else shown
                return int(session.execute(select(func.count()).select_from(limited.subquery())).scalar_one())
            summary = select(func.coalesce(func.sum(ticket_total_table.c.n), 0))
            for name, values in (
                ("category", filter.categories),
                ("priority", filter.priorities),
                ("status", filter.statuses),
            ):
                if values is not None:
                    summary = summary.where(ticket_total_table.c[name].in_([v.value for v in values]))
            return int(session.execute(summary).scalar_one())

        n = self.database.read(read, transaction=bool(filter.search_term))
        if exact:
            return Count(n)
        if cap is not None and n > cap:
            return Count(cap, capped=True)
        return Count(n)

    def events(self, ticket_id: int) -> tuple[TicketEvent, ...]:
        def read(session: Connection) -> tuple[TicketEvent, ...]:
            self._row(session, ticket_id)
            rows = session.execute(
                select(ticket_event_table)
                .where(ticket_event_table.c.ticket_id == ticket_id)
                .order_by(ticket_event_table.c.id)
            )
            return tuple(event_from_row(r) for r in rows)

        return self.database.read(read)

    def get_many(self, ids: Iterable[int]) -> dict[int, Ticket]:
        """The tickets among `ids` that exist, in one query (lists refreshing the rows they show)."""
        wanted = sorted(i for i in set(ids) if 1 <= i <= NUMBER_MAX)

        def read(session: Connection) -> dict[int, Ticket]:
            found: dict[int, Ticket] = {}
            for start in range(0, len(wanted), MAX_PAGE):
                chunk = wanted[start : start + MAX_PAGE]
                rows = session.execute(
                    select(ticket_table, tag_list(session)).where(ticket_table.c.id.in_(chunk))
                ).all()
                found.update((t.id, t) for t in self._from_rows(session, rows))
            return found

        return self.database.read(read)

    def tickets_by_external_id(self, session: Connection, external_ids: list[str]) -> dict[str, Ticket]:
        """The tickets that have one of `external_ids`, by it (inside the caller's transaction)."""
        found: dict[str, Ticket] = {}
        tickets = ticket_table
        for start in range(0, len(external_ids), MAX_PAGE):
            chunk = external_ids[start : start + MAX_PAGE]
            rows = session.execute(select(tickets).where(tickets.c.external_id.in_(chunk)))
            found.update((row.external_id, ticket_from_row(row)) for row in rows)
        return found

    def stats(self, today: date | None = None) -> Stats:
        from ticketflow_desktop.storage.stats import compute_stats

        with self.database.reading() as session:
            return compute_stats(session, today or self.clock.now().date())

    # --- writing -------------------------------------------------------------------------------

    def create(
        self,
        draft: TicketDraft,
        source: EventSource = EventSource.USER,
        *,
        written_at: datetime | None = None,
        group: str | None = None,
        requester: Requester | None = None,
        assignee: str | None = None,
    ) -> Ticket:
        """Store a new ticket. `written_at`: when the user wrote it, if it waited in the outbox;
        `group`: the agents' group it belongs to (by name); `requester`: found by email or created;
        `assignee`: an agent's login. Without `requester`, the draft's own (a ticket from the outbox)."""
        with self.database.writing() as session:
            return self.create_in(
                session, draft, source, written_at=written_at, group=group, requester=requester, assignee=assignee
            )

    def create_in(
        self,
        session: Connection,
        draft: TicketDraft,
        source: EventSource = EventSource.USER,
        *,
        written_at: datetime | None = None,
        group: str | None = None,
        requester: Requester | None = None,
        assignee: str | None = None,
    ) -> Ticket:
        """`create` inside a transaction the caller holds (a mail's ticket and its attachments together)."""
        draft = validate_draft(draft)
        requester = requester if requester is not None else draft.requester
        now = self.clock.now()
        if draft.idempotency_key:
            existing = session.execute(
                select(ticket_table).where(ticket_table.c.idempotency_key == draft.idempotency_key)
            ).one_or_none()
            if existing is not None:  # the first attempt was stored; its answer was lost
                return ticket_from_row(existing)
        values = {
            "title": draft.title,
            "description": draft.description,
            "category": draft.category.value,
            "priority": draft.priority.value,
            "status": Status.OPEN.value,
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "idempotency_key": draft.idempotency_key,
            **suggestion_columns(draft.suggestion),
        }
        if group is not None:
            values["group_id"] = group_id(session, group)
        if requester is not None:
            values["requester_id"] = find_or_create_customer(session, requester).id
        if assignee is not None:
            values["assignee"] = check_assignee(session, assignee)
        # No reading back: what was inserted is known, and RETURNING gives the id.
        tickets = ticket_table
        if self.database.enforces_team_rules:
            stamped: tuple[str, ...] = ("created_at", "updated_at", "version", "status")
            for name in stamped:
                del values[name]
            # The SLA figures too: the database computes them (storage/sla_sql.py).
            stamped += SLA_COLUMNS
            inserted = insert(tickets).values(values).returning(tickets.c.id, *(tickets.c[n] for n in stamped))
            with recorded_by_database(session, source, written_at):
                ticket_id, *server_values = session.execute(inserted).one()
            row = _as_written(id=ticket_id, **values, **dict(zip(stamped, server_values, strict=True)))
            announce(session, [ticket_id])
            return self._read_sla(session, [ticket_from_row(row)])[0]
        ticket_id = session.execute(insert(tickets).values(values).returning(tickets.c.id)).scalar_one()
        row = _as_written(id=ticket_id, **values)
        event = _event(ticket_id, now, EventField.CREATED, None, Status.OPEN.value, source, 1, written_at)
        _add_events(session, [event])
        add_count_deltas(session, Counter({(now.date(), row["category"], row["priority"], row["status"]): 1}))
        if draft.suggestion is not None:
            accepted = (draft.suggestion.category, draft.suggestion.priority) == (draft.category, draft.priority)
            add_suggestion_counts(session, Counter({(draft.suggestion.source.value, accepted): 1}))
        announce(session, [ticket_id])
        return self._read_sla(session, [sla.after_create(session, ticket_from_row(row))])[0]

    def update(
        self,
        ticket_id: int,
        changes: TicketChanges,
        expected_version: int,
        source: EventSource = EventSource.USER,
        *,
        written_at: datetime | None = None,
    ) -> Ticket:
        """Apply `changes` made to version `expected_version` (`written_at`: when, if it waited in the outbox).

        If colleagues changed the ticket since, the edit still applies when none of the fields it
        touches were changed by them (a merge); otherwise Conflict carries the stored ticket.
        """
        changes = validate_changes(changes)
        check_number("ticket", ticket_id)
        check_number("version", expected_version)
        with self.database.writing() as session:
            updated = self.update_in(session, ticket_id, changes, expected_version, source, written_at=written_at)
            return self._read_sla(session, [updated])[0]

    def update_in(
        self,
        session: Connection,
        ticket_id: int,
        changes: TicketChanges,
        expected_version: int | None,
        source: EventSource = EventSource.USER,
        *,
        written_at: datetime | None = None,
    ) -> Ticket:
        """`update` inside a transaction the caller holds (an import updating what it already has).

        `changes` are validated already; `expected_version` None applies them to whatever is stored.
        """
        # No reading back: the row is locked, so what is written is what is stored.
        current = self._ticket(session, ticket_id, lock=True)
        wanted = changes.as_dict()
        expected_version = current.version if expected_version is None else expected_version
        if expected_version > current.version:  # a version that never existed cannot be merged onto
            raise Conflict(current, tuple(f for f in _TRACKED_FIELDS if f in wanted))
        if current.version != expected_version:
            overlap = self._changed_since(session, ticket_id, expected_version) & wanted.keys()
            clashing = tuple(f for f in _TRACKED_FIELDS if f in overlap and _stored(current, f) != _value(wanted[f]))
            if clashing:
                raise Conflict(current, clashing)
        validate_changes(changes, current_status=current.status)
        diffs = {
            EventField(f): (_stored(current, f), _value(v))
            for f, v in wanted.items()
            if _stored(current, f) != _value(v)
        }
        if not diffs:
            return current
        tickets = ticket_table
        changed: dict[str, Any] = {f: wanted[f] for f in diffs}
        if self.database.enforces_team_rules:
            with recorded_by_database(session, source, written_at):
                stamped = session.execute(
                    update(tickets)
                    .where(tickets.c.id == ticket_id, tickets.c.version == current.version)
                    .values(**{f: new for f, (_, new) in diffs.items()})
                    .returning(tickets.c.updated_at, tickets.c.version, *(tickets.c[n] for n in SLA_COLUMNS))
                ).one()
            announce(session, [ticket_id])
            # The SLA figures as the database's triggers left them (storage/sla_sql.py).
            figures = sla_from_row(stamped)
            return replace(current, **changed, updated_at=stamped.updated_at, version=stamped.version, sla=figures)
        now = self.clock.now()
        version = current.version + 1
        session.execute(
            update(tickets)
            .where(tickets.c.id == ticket_id, tickets.c.version == current.version)
            .values(**{f: new for f, (_, new) in diffs.items()}, updated_at=now, version=version)
        )
        events = [_event(ticket_id, now, f, old, new, source, version, written_at) for f, (old, new) in diffs.items()]
        _add_events(session, events)
        updated = replace(current, **changed, updated_at=now, version=version)
        old_key, new_key = _count_key(current), _count_key(updated)
        if new_key != old_key:
            add_count_deltas(session, Counter({old_key: -1, new_key: 1}))
        if EventField.STATUS in diffs:  # the dashboard's resolved-per-day, backlog and resolution times
            old_status, new_status = diffs[EventField.STATUS]
            record_status_change(session, ticket_id, current.created_at, old_status, new_status, now, version)
        announce(session, [ticket_id])
        return sla.after_update(session, current, updated)

    def move_to_group(self, ticket_id: int, group: str | None) -> Ticket:
        """Put the ticket in the agents' group called `group` (None: in no group)."""
        with self.database.writing() as session:
            new_id = group_id(session, group) if group is not None else None
            return self._set_reference(session, ticket_id, "group_id", new_id, EventField.GROUP, group, group_name)

    def assign(self, ticket_id: int, login: str | None) -> Ticket:
        """Give the ticket to the agent `login` (None: to nobody)."""
        with self.database.writing() as session:
            if login is not None:
                login = check_assignee(session, login)
            return self._set_reference(
                session, ticket_id, "assignee", login, EventField.ASSIGNEE, login, lambda _s, v: v
            )

    def set_requester(self, ticket_id: int, requester: Requester) -> Ticket:
        """The customer who asked: found by email (case-insensitively) or created."""
        with self.database.writing() as session:
            customer = find_or_create_customer(session, requester)
            return self._set_reference(
                session, ticket_id, "requester_id", customer.id, EventField.REQUESTER, customer.email, customer_email
            )

    def _set_reference(
        self,
        session: Connection,
        ticket_id: int,
        column: str,
        value: object,
        field: EventField,
        shown: str | None,
        shown_before: Callable[[Connection, Any], str | None],
    ) -> Ticket:
        """Set one of the ticket's references (group, assignee, requester) with its history entry."""
        current = self._ticket(session, ticket_id, lock=True)
        before = getattr(current, column)
        if value == before:
            return current
        tickets = ticket_table
        statement = update(tickets).where(tickets.c.id == ticket_id).values({column: value})
        if self.database.enforces_team_rules:  # the database stamps it and writes the history
            with recorded_by_database(session, EventSource.USER, None):
                stamped = session.execute(statement.returning(tickets.c.updated_at, tickets.c.version)).one()
            updated_at, version = stamped.updated_at, stamped.version
        else:
            updated_at, version = self.clock.now(), current.version + 1
            session.execute(statement.values(updated_at=updated_at, version=version))
            event = _event(
                ticket_id, updated_at, field, shown_before(session, before), shown, EventSource.USER, version
            )
            _add_events(session, [event])
        announce(session, [ticket_id])
        changed: dict[str, Any] = {column: value, "updated_at": updated_at, "version": version}
        return replace(current, **changed)

    # --- helpers -------------------------------------------------------------------------------

    def _ticket(self, session: Connection, ticket_id: int, lock: bool = False) -> Ticket:
        """The stored ticket with its tags and SLA state (`lock`: its row locked until the transaction ends)."""
        return self._from_rows(session, [self._row(session, ticket_id, lock, with_tags=True)])[0]

    def _from_rows(self, session: Connection, rows: Sequence[Any]) -> list[Ticket]:
        """Tickets from rows of the tickets table, with their tags (the rows' `tag_list` when the query
        brought it, else read) and their SLA state now (domain/sla.py)."""
        stored = [row_values(r) for r in rows]
        if stored and "tag_list" in stored[0]:
            tags = {v["id"]: split_tag_list(v["tag_list"]) for v in stored}
        else:
            tags = tags_of(session, (v["id"] for v in stored))
        slas = sla_store.states_at(
            session,
            [(sla_from_values(v), Status(v["status"]), Priority(v["priority"])) for v in stored],
            self.clock.now(),
        )
        # Each ticket built once, with its tags and SLA state (a copy per change cost a page a tenth).
        return [ticket_from_values(v, tags.get(v["id"], ()), sla) for v, sla in zip(stored, slas, strict=True)]

    def _read_sla(self, session: Connection, tickets: list[Ticket]) -> list[Ticket]:
        """The tickets with their SLA state now."""
        slas = sla_store.states_of(session, tickets, self.clock.now())
        return [replace(t, sla=sla) for t, sla in zip(tickets, slas, strict=True)]

    def _row(self, session: Connection, ticket_id: int, lock: bool = False, with_tags: bool = False) -> Row[Any]:
        check_number("ticket", ticket_id)  # SQLite would overflow, PostgreSQL fail on its INTEGER
        query = select(ticket_table, tag_list(session)) if with_tags else select(ticket_table)
        query = query.where(ticket_table.c.id == ticket_id)
        row = session.execute(query.with_for_update(of=ticket_table) if lock else query).first()
        if row is None:
            raise NotFound(ticket_id)
        return row

    def _changed_since(self, session: Connection, ticket_id: int, version: int) -> set[str]:
        fields = session.execute(
            select(ticket_event_table.c.field).where(
                ticket_event_table.c.ticket_id == ticket_id, ticket_event_table.c.version > version
            )
        ).scalars()
        return set(fields)

    def _conditions(self, filter: TicketFilter, session: Connection | None = None) -> list[ColumnElement[bool]]:
        """The filter as conditions on `tickets`; given the session, shaped for what it holds (tags on SQLite)."""
        conditions: list[ColumnElement[bool]] = []
        # Several values: IN, which both planners serve from the same indexes as one value.
        for column, values in (
            (ticket_table.c.category, filter.categories),
            (ticket_table.c.priority, filter.priorities),
            (ticket_table.c.status, filter.statuses),
        ):
            if values is not None and len(values) == 1:
                conditions.append(column == values[0].value)
            elif values is not None:
                conditions.append(column.in_([v.value for v in values]))
        if filter.assignee is not None:
            owned = ticket_table.c.assignee
            conditions.append(owned.is_(None) if filter.assignee == UNASSIGNED else owned == filter.assignee)
        if filter.requester_id is not None:
            conditions.append(ticket_table.c.requester_id == filter.requester_id)
        if filter.organisation is not None:
            members = select(customer_table.c.id).where(customer_table.c.organisation == filter.organisation)
            conditions.append(ticket_table.c.requester_id.in_(members))
        if filter.groups is not None:
            conditions.append(
                ticket_table.c.group_id.in_(select(group_table.c.id).where(group_table.c.name.in_(filter.groups)))
            )
        if filter.tags:
            conditions.append(tagged_with_any(filter.tags, session))
        if filter.sla_states is not None:
            conditions.append(sla_state_filter(filter.sla_states, self.database, self.clock.now()))
        term = filter.search_term  # validated here; applied by storage.search
        if term:
            message = search_error(term)
            if message:
                raise ValidationError([FieldError("search", message)])
        return conditions

    def _after(self, token: str, sort: Sort) -> ColumnElement[bool]:
        try:
            cursor = Cursor.decode(token)
            value = _parse_cursor_value(cursor.value, sort.key)
        except ValueError as error:
            raise ValidationError([FieldError("cursor", "That page cursor is not valid.")]) from error
        column = _SORT_COLUMNS[sort.key]
        key = tuple_(column, ticket_table.c.id)
        bound = tuple_(literal(value, column.type), literal(cursor.id, ticket_table.c.id.type))
        return key < bound if sort.descending else key > bound


def _as_written(**values: Any) -> dict[str, Any]:
    """A ticket's row as an insert wrote it: every column, None where the statement gave none."""
    return dict.fromkeys(ticket_table.c.keys()) | values


def _event(
    ticket_id: int,
    at: datetime,
    field: EventField,
    old: str | None,
    new: str | None,
    source: EventSource,
    version: int,
    written_at: datetime | None = None,
) -> dict[str, object]:
    return {
        "ticket_id": ticket_id,
        "at": at,
        "field": field.value,
        "old_value": old,
        "new_value": new,
        "source": source.value,
        "version": version,
        "actor": local_login(),
        "written_at": written_at,
    }


def _add_events(session: Connection, events: list[dict[str, object]]) -> None:
    session.execute(insert(ticket_event_table), events)  # one executemany


def _stored(ticket: Ticket, field: str) -> str:
    return _value(getattr(ticket, field))


def _count_key(ticket: Ticket) -> CountKey:
    return (ticket.created_at.date(), ticket.category.value, ticket.priority.value, ticket.status.value)


def _value(value: object) -> str:
    return value.value if isinstance(value, Category | Priority | Status) else str(value)


def _cursor_value(ticket: Ticket, key: SortKey) -> str | int:
    match key:
        case SortKey.CREATED:
            return ticket.created_at.isoformat()
        case SortKey.UPDATED:
            return ticket.updated_at.isoformat()
        case SortKey.PRIORITY:
            return ticket.priority.rank
        case SortKey.STATUS:
            return ticket.status.rank
        case SortKey.TITLE:
            return ticket.title
        case SortKey.DUE:
            return ticket.sla.sort_due.isoformat()


def _parse_cursor_value(value: str | int, key: SortKey) -> object:
    if key in (SortKey.CREATED, SortKey.UPDATED, SortKey.DUE):
        parsed = datetime.fromisoformat(str(value))
        if parsed.tzinfo is None:
            raise ValueError("cursor time without zone")
        return parsed
    if key in (SortKey.PRIORITY, SortKey.STATUS):
        if not isinstance(value, int):
            raise ValueError("rank must be an integer")
        return value
    return str(value)
