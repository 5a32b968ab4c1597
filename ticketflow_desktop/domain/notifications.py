"""What an agent should hear about (notifications), who else is on a ticket (presence): plain values.

A notification is news about someone else's act on a ticket that concerns the agent: it was assigned
to them, the customer wrote on their ticket, a note mentions them (`@login`), or their ticket is about
to breach its SLA. Their own acts never make news.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class NotificationKind(StrEnum):
    ASSIGNED = "assigned"
    CUSTOMER_WROTE = "customer_wrote"
    MENTIONED = "mentioned"
    ABOUT_TO_BREACH = "about_to_breach"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    NotificationKind.ASSIGNED: "Assigned to me",
    NotificationKind.CUSTOMER_WROTE: "The customer wrote on my ticket",
    NotificationKind.MENTIONED: "A note mentions me",
    NotificationKind.ABOUT_TO_BREACH: "My ticket is about to breach",
}


@dataclass(frozen=True)
class Notification:
    kind: NotificationKind
    ticket_id: int
    title: str  # the ticket's title
    actor: str | None  # who did it (a login); None for the customer or the clock
    at: datetime
    excerpt: str = ""  # the start of the message, for a mention or the customer's words
    actor_name: str | None = None  # the actor's name in the team, when they have an agent record

    @property
    def who(self) -> str:
        return self.actor_name or self.actor or "Someone"


@dataclass(frozen=True)
class NewsCursor:
    """How far the agent has heard: the newest history event and message considered, the end of the SLA
    window already announced (due times up to it were said once), and the ids below those newest that
    were not visible yet (gaps: a colleague's transaction still running, or one rolled back), asked
    for again next time so that a change committed late is not missed."""

    event_id: int = 0
    message_id: int = 0
    breach_until: datetime | None = None
    event_gaps: tuple[int, ...] = ()
    message_gaps: tuple[int, ...] = ()

    def as_text(self) -> str:
        until = self.breach_until.isoformat() if self.breach_until else ""
        gaps = (" ".join(map(str, ids)) for ids in (self.event_gaps, self.message_gaps))
        return ",".join((str(self.event_id), str(self.message_id), until, *gaps))

    @classmethod
    def from_text(cls, text: str) -> NewsCursor | None:
        """The cursor `as_text` wrote (or an earlier version's, without gaps); None for anything else."""
        try:
            event, message, until, *gaps = text.split(",")
            if len(gaps) not in (0, 2):
                return None
            event_gaps, message_gaps = (tuple(int(i) for i in g.split()) for g in gaps) if gaps else ((), ())
            return cls(
                int(event), int(message), datetime.fromisoformat(until) if until else None, event_gaps, message_gaps
            )
        except ValueError:
            return None


@dataclass(frozen=True)
class News:
    notifications: tuple[Notification, ...]
    cursor: NewsCursor
    more: int = 0  # further news beyond those listed (a flood): counted, not listed


@dataclass(frozen=True)
class PresentAgent:
    login: str
    name: str
    typing: bool


# --- mentions ----------------------------------------------------------------------------------------

# "@login" where the @ does not follow a word character, a dot, a plus or another @ (so "a@b.c" and
# "x.y@host" are addresses, not mentions). Logins are letters, digits, "_", "." and "-" (storage/team);
# a trailing "." or "-" is the sentence's, not the login's ("thanks @bob.").
_MENTION = re.compile(r"(?<![\w.+@-])@([\w][\w.-]*)")


def mentions(body: str) -> frozenset[str]:
    """The logins a text mentions, case-folded (logins are compared without regard to case)."""
    found = set()
    for match in _MENTION.finditer(body):
        login = match.group(1).rstrip(".-")
        end = match.start(1) + len(login)
        if end < len(body) and body[end] == "@":  # "@bob@example.com" is an address
            continue
        if login:
            found.add(login.casefold())
    return frozenset(found)


def mentions_login(body: str, login: str) -> bool:
    return login.casefold() in mentions(body)


# --- what the agent is told ------------------------------------------------------------------------------

EXCERPT_MAX = 120


def excerpt(body: str, limit: int = EXCERPT_MAX) -> str:
    """The start of a message on one line, cut at `limit` characters with an ellipsis."""
    line = " ".join(body.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def notification_text(notification: Notification) -> tuple[str, str]:
    """(heading, body) of one notification: what happened, and on which ticket."""
    n = notification
    ticket = f"#{n.ticket_id} {n.title}"
    match n.kind:
        case NotificationKind.ASSIGNED:
            return f"{n.who} assigned a ticket to you", ticket
        case NotificationKind.CUSTOMER_WROTE:
            return f"The customer wrote on #{n.ticket_id}", f"{n.title}: {n.excerpt}" if n.excerpt else n.title
        case NotificationKind.MENTIONED:
            return f"{n.who} mentioned you on #{n.ticket_id}", n.excerpt or n.title
        case _:
            return f"#{n.ticket_id} is about to breach its SLA", ticket


def summary_text(notifications: Sequence[Notification], more: int = 0) -> tuple[str, str]:
    """(heading, body) for a flood: one notification saying how many of each kind."""
    counts = Counter(n.kind for n in notifications)
    total = len(notifications) + more
    parts = [f"{counts[k]} × {k.label.lower()}" for k in NotificationKind if counts[k]]
    if more:
        parts.append(f"{more} more")
    return f"{total} new notifications", "; ".join(parts)


def only_kinds(notifications: Iterable[Notification], enabled: Iterable[NotificationKind]) -> list[Notification]:
    wanted = frozenset(enabled)
    return [n for n in notifications if n.kind in wanted]


def presence_text(others: Iterable[PresentAgent]) -> str:
    """ "Also here: Ann, Bo (typing…)"; "" when nobody else has the ticket open."""
    names = [f"{p.name} (typing…)" if p.typing else p.name for p in sorted(others, key=lambda p: p.name.casefold())]
    return f"Also here: {', '.join(names)}" if names else ""
