"""News for the agent: what others did that concerns them since a cursor (domain/notifications.py).

- assigned to me: a history event setting the assignee to me, by someone else, on a ticket still mine;
- the customer wrote on my ticket: a customer message on a ticket assigned to me (not one I recorded);
- a note mentions me: an internal note by someone else whose text says `@mylogin`;
- my ticket is about to breach: asked of a `BreachSource` (the SLA's, wired in by whoever builds it).

The cursor is ids (history events, messages) plus the end of the SLA window already announced. With no
cursor (the first start) the news starts now: history is never replayed as news. On PostgreSQL the
ids come from sequences, so a colleague's transaction can commit after a later one with a higher id:
the ids below the newest that are not visible yet (up to GAP_WINDOW of them) ride along in the cursor
as gaps and are asked for again, so a late commit is still news; a gap that never fills (a rolled-back
insert) leaves after GAPS_KEPT newer ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import BigInteger, ColumnElement, Connection, and_, func, or_, select
from sqlalchemy.dialects import postgresql

from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.enums import EventField
from ticketflow_desktop.domain.notifications import (
    News,
    NewsCursor,
    Notification,
    NotificationKind,
    excerpt,
    mentions_login,
)
from ticketflow_desktop.storage.dialect import Dialect
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.tables import agent_table, message_table, ticket_event_table, ticket_table
from ticketflow_desktop.storage.team import agent_login

LIMIT = 200  # news listed per kind and call; beyond, they are counted (`News.more`)
GAP_WINDOW = 1000  # ids below the newest checked for ones not visible yet (transactions still running)
GAPS_KEPT = 200  # gaps carried per kind, the newest
WARN_BEFORE = timedelta(minutes=30)


class BreachSource(Protocol):
    """The SLA's answer: the tickets assigned to `login`, not done, whose SLA falls due at or before
    `until` and has not been missed yet, as (ticket id, title, due time)."""

    def __call__(self, session: Connection, login: str, until: datetime) -> Iterable[tuple[int, str, datetime]]: ...


def _with_names(session: Connection, found: list[Notification]) -> list[Notification]:
    """The actors' names from their agent records ("Ann Lee assigned…", not "alee")."""
    logins = {n.actor for n in found if n.actor}
    if not logins:
        return found
    names = dict(
        session.execute(select(agent_table.c.login, agent_table.c.name).where(agent_table.c.login.in_(logins))).all()
    )
    return [replace(n, actor_name=names.get(n.actor)) if n.actor else n for n in found]


def _since(column: ColumnElement[int], after: int, top: int, filled: tuple[int, ...]) -> ColumnElement[bool]:
    """Ids newer than the cursor up to `top`, and the cursor's gaps that are visible now."""
    newer = and_(column > after, column <= top)
    return or_(newer, column.in_(filled)) if filled else newer


def _gaps(
    session: Connection, kind: str, after: int, top: int, old: tuple[int, ...]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """PostgreSQL: (the old gaps committed now, the ids in (after, top] and old gaps still not committed).
    Committed is asked of the database whoever may read the rows (storage/team_sql.py's
    tf_committed_ids): an id out of this agent's sight is no gap."""
    low = max(after, top - GAP_WINDOW)
    wanted = set(range(low + 1, top + 1)) | set(old)
    if not wanted:
        return (), ()
    committed_ids = func.tf_committed_ids(kind, low, top, postgresql.array(old, type_=BigInteger))
    committed = set(session.execute(select(committed_ids)).scalars())
    filled = tuple(sorted(i for i in old if i in committed))
    missing = sorted(wanted - committed)
    return filled, tuple(missing[-GAPS_KEPT:])


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Late:
    """Ids in the cursor's gaps that are visible now: committed after the last read."""

    events: tuple[int, ...] = ()
    messages: tuple[int, ...] = ()


@dataclass(frozen=True)
class NotificationService:
    database: Database
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)
    breaches: BreachSource | None = field(default=None, compare=False)
    warn_before: timedelta = WARN_BEFORE

    def news(self, cursor: NewsCursor | None) -> News:
        """What concerns me since `cursor`, oldest first, and the cursor to ask with next time."""
        with self.database.reading() as session:
            me = agent_login(session)
            top_event = session.execute(select(func.coalesce(func.max(ticket_event_table.c.id), 0))).scalar_one()
            top_message = session.execute(select(func.coalesce(func.max(message_table.c.id), 0))).scalar_one()
            now = self._now(session)
            found: list[Notification] = []
            more = 0
            carried: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
            if cursor is not None:
                late = Late()
                if self.database.dialect is Dialect.POSTGRESQL:
                    late_events, event_gaps = _gaps(session, "events", cursor.event_id, top_event, cursor.event_gaps)
                    late_messages, message_gaps = _gaps(
                        session, "messages", cursor.message_id, top_message, cursor.message_gaps
                    )
                    late, carried = Late(late_events, late_messages), (event_gaps, message_gaps)
                for query in (self._assigned, self._customer_wrote, self._mentioned):
                    listed, beyond = query(session, me, cursor, top_event, top_message, late)
                    found += listed
                    more += beyond
            until = now + self.warn_before
            found += self._breaching(session, me, cursor.breach_until if cursor else None, until)
            found = _with_names(session, found)
        found.sort(key=lambda n: n.at)
        return News(tuple(found), NewsCursor(int(top_event), int(top_message), until, *carried), more)

    def _now(self, session: Connection) -> datetime:
        """The shared clock: the server's on PostgreSQL, the injected one on one person's SQLite file."""
        if self.database.enforces_team_rules:
            return session.execute(select(func.now())).scalar_one()
        return self.clock.now()

    @staticmethod
    def _split(rows: list[Notification]) -> tuple[list[Notification], int]:
        return rows[:LIMIT], max(0, len(rows) - LIMIT)

    def _assigned(
        self, session: Connection, me: str, cursor: NewsCursor, top_event: int, _top_message: int, late: Late
    ) -> tuple[list[Notification], int]:
        rows = session.execute(
            select(
                ticket_event_table.c.ticket_id,
                ticket_event_table.c.actor,
                ticket_event_table.c.at,
                ticket_table.c.title,
            )
            .join(ticket_table, ticket_table.c.id == ticket_event_table.c.ticket_id)
            .where(
                _since(ticket_event_table.c.id, cursor.event_id, top_event, late.events),
                ticket_event_table.c.field == EventField.ASSIGNEE.value,
                ticket_event_table.c.new_value == me,
                or_(ticket_event_table.c.actor.is_(None), ticket_event_table.c.actor != me),
                ticket_table.c.assignee == me,  # still mine: a ticket passed on meanwhile is no news
            )
            .order_by(ticket_event_table.c.id)
            .limit(LIMIT + 1)
        ).all()
        return self._split([Notification(NotificationKind.ASSIGNED, r.ticket_id, r.title, r.actor, r.at) for r in rows])

    def _customer_wrote(
        self, session: Connection, me: str, cursor: NewsCursor, _top_event: int, top_message: int, late: Late
    ) -> tuple[list[Notification], int]:
        rows = session.execute(
            select(message_table.c.ticket_id, message_table.c.at, message_table.c.body, ticket_table.c.title)
            .join(ticket_table, ticket_table.c.id == message_table.c.ticket_id)
            .where(
                _since(message_table.c.id, cursor.message_id, top_message, late.messages),
                message_table.c.kind == "customer",
                message_table.c.author != me,  # one I recorded myself is my own act
                ticket_table.c.assignee == me,
            )
            .order_by(message_table.c.id)
            .limit(LIMIT + 1)
        ).all()
        return self._split(
            [
                Notification(NotificationKind.CUSTOMER_WROTE, r.ticket_id, r.title, None, r.at, excerpt(r.body))
                for r in rows
            ]
        )

    def _mentioned(
        self, session: Connection, me: str, cursor: NewsCursor, _top_event: int, top_message: int, late: Late
    ) -> tuple[list[Notification], int]:
        # The database finds the candidates ("@me" anywhere); the domain's rule decides (not "x@me.org").
        rows = session.execute(
            select(
                message_table.c.ticket_id,
                message_table.c.author,
                message_table.c.at,
                message_table.c.body,
                ticket_table.c.title,
            )
            .join(ticket_table, ticket_table.c.id == message_table.c.ticket_id)
            .where(
                _since(message_table.c.id, cursor.message_id, top_message, late.messages),
                message_table.c.kind == "note",
                message_table.c.author != me,
                func.lower(message_table.c.body).like(f"%@{_escape_like(me.lower())}%", escape="\\"),
            )
            .order_by(message_table.c.id)
            .limit(LIMIT + 1)
        ).all()
        return self._split(
            [
                Notification(NotificationKind.MENTIONED, r.ticket_id, r.title, r.author, r.at, excerpt(r.body))
                for r in rows
                if mentions_login(r.body, me)
            ]
        )

    def _breaching(
        self, session: Connection, me: str, announced_until: datetime | None, until: datetime
    ) -> list[Notification]:
        if self.breaches is None:
            return []
        return [
            Notification(NotificationKind.ABOUT_TO_BREACH, ticket_id, title, None, due)
            for ticket_id, title, due in self.breaches(session, me, until)
            if announced_until is None or due > announced_until  # each due time is announced once
        ][:LIMIT]
