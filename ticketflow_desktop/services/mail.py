"""The mail channel: mails in the team mailbox become tickets and customer messages, and replies
written in the conversation are mailed to the requester.

Receiving, per mail: read it (left in the inbox), store what it became and commit, and only then
move it out of the inbox (Processed, or Rejected with the reason recorded). A crash anywhere before
the move leaves the mail in the inbox; the next round finds its Message-ID in `mail_seen` (or the
ticket by its idempotency key) and only moves it: nothing is stored twice, nothing is lost.

Sending: a reply is queued in `mail_out` with its stable Message-ID when it is stored
(services/conversation.py); `send_due` mails the queued ones, marks each sent only after the server
accepted it, and backs off while the server is away.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from ticketflow_desktop.classification.local import is_confident
from ticketflow_desktop.classification.suggest import Suggester
from ticketflow_desktop.config import MailSettings
from ticketflow_desktop.domain import (
    Category,
    EventSource,
    Priority,
    Status,
    Suggestion,
    SuggestionSource,
    TicketChanges,
    TicketDraft,
)
from ticketflow_desktop.domain.clock import SYSTEM_CLOCK, Clock
from ticketflow_desktop.domain.conversation import MessageKind
from ticketflow_desktop.domain.errors import FieldError, ValidationError
from ticketflow_desktop.mail.fetch import PROCESSED, REJECTED, Mailbox
from ticketflow_desktop.mail.parse import MalformedMail, ParsedMail, human_size, parse_mail
from ticketflow_desktop.mail.send import (
    PermanentFailure,
    Reply,
    SmtpSender,
    TemporaryFailure,
    address_domain,
    build_reply,
)
from ticketflow_desktop.mail.urls import parse_server_url
from ticketflow_desktop.services.conversation import ConversationService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import mail_store
from ticketflow_desktop.storage.attachments import add_attachments
from ticketflow_desktop.storage.changes import announce
from ticketflow_desktop.storage.engine import Database
from ticketflow_desktop.storage.people import customer_email
from ticketflow_desktop.storage.tables import ticket_table

log = logging.getLogger(__name__)

MAIL_MAX = 50 * 1024 * 1024  # bytes: a bigger mail is not downloaded, it is put aside in Rejected
# A customer's answer reopens a ticket that was waiting for them or thought done.
REOPENED_BY_ANSWER = frozenset({"resolved", "pending"})
_HEADER_ID = re.compile(rb"^Message-ID:[ \t]*(<[^<>\s]+>)", re.IGNORECASE | re.MULTILINE)

Classify = Callable[[str, str], Suggestion | None]


@dataclass(frozen=True)
class Taken:
    """What one mail became: `outcome` ticket, message, ignored or rejected; `already`: seen before."""

    outcome: str
    ticket_id: int | None = None
    reason: str | None = None
    already: bool = False

    @property
    def folder(self) -> str:
        return REJECTED if self.outcome == "rejected" else PROCESSED


@dataclass
class FetchReport:
    tickets: int = 0
    messages: int = 0
    ignored: int = 0
    rejected: int = 0
    already: int = 0  # stored by an earlier round that ended before moving the mail
    reasons: list[str] = field(default_factory=list)

    def count(self, taken: Taken) -> None:
        if taken.already:
            self.already += 1
        elif taken.outcome == "ticket":
            self.tickets += 1
        elif taken.outcome == "message":
            self.messages += 1
        elif taken.outcome == "ignored":
            self.ignored += 1
        else:
            self.rejected += 1
        if taken.reason and not taken.already:
            self.reasons.append(f"{taken.outcome}: {taken.reason}")

    @property
    def total(self) -> int:
        return self.tickets + self.messages + self.ignored + self.rejected + self.already

    def summary(self) -> str:
        return (
            f"{self.total} mails: {self.tickets} new tickets, {self.messages} customer messages, "
            f"{self.ignored} ignored, {self.rejected} rejected, {self.already} already stored"
        )


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    found_sent: int = 0  # of `sent`: an earlier attempt's answer was lost, its copy found in the mailbox
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.sent} replies sent, {self.retrying} to try again, {self.failed} failed"


class MailNotConfigured(ValidationError):
    pass


@dataclass
class MailService:
    database: Database
    settings: MailSettings
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)
    classify: Classify | None = None
    mail_max: int = MAIL_MAX

    # --- receiving ---------------------------------------------------------------------------------

    def open_mailbox(self) -> Mailbox:
        if not self.settings.imap_url:
            raise _not_configured("TICKETFLOW_IMAP_URL (imaps://user@host/INBOX)")
        url = parse_server_url(self.settings.imap_url, ("imaps", "imap"))
        return Mailbox(url, self.settings.password, self.settings.cafile)

    def fetch_once(self, mailbox: Mailbox, *, after_commit: Callable[[int], None] | None = None) -> FetchReport:
        """Every mail now in the inbox, oldest first. `after_commit(uid)`: called between the commit and
        the move (tests make the process "crash" there)."""
        report = FetchReport()
        sizes = mailbox.sizes()
        for uid in mailbox.uids():
            size = sizes[uid] if uid in sizes else mailbox.size(uid)
            if size > self.mail_max:
                taken = self._too_big(mailbox, uid, size)
            else:
                raw = mailbox.fetch(uid)
                if raw is None:  # moved meanwhile by someone else
                    continue
                taken = self.take(raw)
            if after_commit is not None:
                after_commit(uid)
            mailbox.move(uid, taken.folder)
            report.count(taken)
        return report

    def take(self, raw: bytes) -> Taken:
        """Store what one mail becomes, committed before returning (idempotent per Message-ID)."""
        try:
            mail = parse_mail(raw, team_address=self.settings.address)
        except MalformedMail as error:
            return self._record_once(_header_id(raw), "rejected", error.reason)
        with self.database.reading() as session:
            prior = mail_store.seen(session, mail.message_id)
        if prior is not None:
            return Taken(prior.outcome, prior.ticket_id, prior.reason, already=True)
        if mail.machine_reason is not None:
            return self._record_once(mail.message_id, "ignored", mail.machine_reason)
        ticket_id = self._thread_of(mail)
        if ticket_id is not None:
            return self._add_to_ticket(mail, ticket_id)
        return self._new_ticket(mail)

    def _thread_of(self, mail: ParsedMail) -> int | None:
        """By the headers first; by `[#ID]` only when the sender is that ticket's requester (a stranger
        guessing a number must not write into someone else's ticket)."""
        with self.database.reading() as session:
            found = mail_store.ticket_for_references(session, mail.references)
            if found is not None or mail.ticket_tag is None:
                return found
            t = ticket_table.c
            row = session.execute(select(t.requester_id).where(t.id == mail.ticket_tag)).first()
            if row is None:
                return None
            requester = customer_email(session, row.requester_id)
            return mail.ticket_tag if requester and requester.casefold() == mail.requester.email_key else None

    def _add_to_ticket(self, mail: ParsedMail, ticket_id: int) -> Taken:
        key = mail_store.message_key(mail.message_id)
        conversation = ConversationService(self.database, self.clock)
        tickets = TicketService(self.database, self.clock)
        with self.database.writing() as session:
            message = conversation.add_in(
                session,
                ticket_id,
                MessageKind.CUSTOMER,
                mail.body_with_attachments(),
                customer=mail.requester,
                idempotency_key=key,
            )
            self._store_attachments(session, mail, ticket_id, message.id)
            status = session.execute(select(ticket_table.c.status).where(ticket_table.c.id == ticket_id)).scalar_one()
            if status in REOPENED_BY_ANSWER:
                tickets.update_in(session, ticket_id, TicketChanges(status=Status.OPEN), None)
            mail_store.record_seen(
                session,
                mail.message_id,
                "message",
                mail_store.shared_now(session, self.clock.now()),
                ticket_id=ticket_id,
                message_ref=message.id,
            )
        return Taken("message", ticket_id)

    def _new_ticket(self, mail: ParsedMail) -> Taken:
        """The ticket, its attachments and the mail's record in one transaction: all or nothing."""
        description = mail.body_with_attachments()
        suggestion = self._suggest(mail.title, description)
        confident = suggestion is not None and is_confident(suggestion)
        draft = TicketDraft(
            title=mail.title,
            description=description,
            category=suggestion.category if suggestion and confident else Category.GENERAL,
            priority=suggestion.priority if suggestion and confident else Priority.MEDIUM,
            suggestion=suggestion,  # kept either way: the suggestion's outcome counts (services/suggestion_outcomes)
            # The ticket's own idempotency key: a ticket stored by an older round is found, not made twice.
            idempotency_key=mail_store.message_key(mail.message_id),
            requester=mail.requester,
        )
        tickets = TicketService(self.database, self.clock)
        with self.database.writing() as session:
            prior = mail_store.seen(session, mail.message_id)
            if prior is not None:
                return Taken(prior.outcome, prior.ticket_id, prior.reason, already=True)
            stored_before = mail_store.ticket_by_key(session, draft.idempotency_key or "")
            ticket = tickets.create_in(session, draft, EventSource.USER)
            if stored_before is None:
                self._store_attachments(session, mail, ticket.id, None)
            now = mail_store.shared_now(session, self.clock.now())
            mail_store.record_seen(session, mail.message_id, "ticket", now, ticket_id=ticket.id)
        return Taken("ticket", ticket.id)

    def _suggest(self, title: str, text: str) -> Suggestion | None:
        """The local model's suggestion for a mail (never the language model: the mail is a stranger's text,
        and the fetcher must not depend on a network service); None when there is no model."""
        if self.classify is None:
            return None
        suggestion = self.classify(title, text)
        if suggestion is not None and suggestion.source is not SuggestionSource.LOCAL:
            log.warning("a %s suggestion for a mail was ignored: mail is classified locally", suggestion.source)
            return None
        return suggestion

    def _store_attachments(self, session: Connection, mail: ParsedMail, ticket_id: int, message_id: int | None) -> None:
        kept = mail.kept_attachments
        if kept:
            now = mail_store.shared_now(session, self.clock.now())
            add_attachments(session, ticket_id, message_id, kept, now, stamps_time=self.database.enforces_team_rules)

    def _record_once(self, message_id: str, outcome: str, reason: str | None, ticket_id: int | None = None) -> Taken:
        with self.database.writing() as session:
            prior = mail_store.seen(session, message_id)
            if prior is not None:
                return Taken(prior.outcome, prior.ticket_id, prior.reason, already=True)
            now = mail_store.shared_now(session, self.clock.now())
            mail_store.record_seen(session, message_id, outcome, now, ticket_id=ticket_id, reason=reason)
        if outcome == "rejected":
            log.warning("a mail was put aside in %s: %s", REJECTED, reason)
        return Taken(outcome, ticket_id, reason)

    def _too_big(self, mailbox: Mailbox, uid: int, size: int) -> Taken:
        head = mailbox.fetch(uid, header_only=True) or b""
        reason = f"the mail is {human_size(size)}, over the {human_size(self.mail_max)} a ticket may take"
        return self._record_once(_header_id(head), "rejected", reason)

    # --- sending -----------------------------------------------------------------------------------

    def open_sender(self) -> SmtpSender:
        if not self.settings.smtp_url:
            raise _not_configured("TICKETFLOW_SMTP_URL (smtp://user@host:587)")
        url = parse_server_url(self.settings.smtp_url, ("smtps", "smtp"))
        return SmtpSender(url, self.settings.password, self.settings.cafile)

    def send_due(self, sender: SmtpSender, mailbox: Mailbox | None = None, limit: int = 50) -> SendReport:
        """Mail the queued replies whose time has come. While the server is away the round stops at the
        first failure (the others would fail the same way) and each waits its back-off.

        Never twice: each reply goes with a blind copy to the team address. A reply left "sending" (the
        app stopped before the server's answer was recorded) is first looked for in the team mailbox
        (`mailbox`): when its copy is there, the server had accepted it, and it is marked sent without
        sending it again. Only when no copy is found is it sent again, with the same Message-ID, which
        mail programs show once."""
        if not self.settings.address:
            raise _not_configured("TICKETFLOW_MAIL_ADDRESS (the team's address, the From of replies)")
        report = SendReport()
        domain = address_domain(self.settings.address)
        with self.database.reading() as session:
            due = mail_store.due_mails(session, mail_store.shared_now(session, self.clock.now()), limit)
        for out in due:
            message_id = f"<{out.token}@{domain}>"
            if out.state == "sending" and mailbox is not None and mailbox.holds_message_id(message_id):
                with self.database.writing() as session:
                    mail_store.mark_sent(session, out.message_ref, mail_store.shared_now(session, self.clock.now()))
                report.sent += 1
                report.found_sent += 1
                continue
            with self.database.writing() as session:
                mail_store.mark_sending(session, out.message_ref)
            reply = Reply(
                out.ticket_id,
                out.title,
                out.body,
                out.to_name,
                out.to_email,
                message_id,
                tuple(_with_domain(r, domain) for r in out.references),
            )
            try:
                sender.send(build_reply(reply, self.settings.address), copy_to=self.settings.address)
            except TemporaryFailure as error:
                with self.database.writing() as session:
                    later = mail_store.shared_now(session, self.clock.now()) + mail_store.backoff(out.attempts + 1)
                    mail_store.mark_retry(session, out.message_ref, str(error), later)
                    announce(session, [out.ticket_id])  # the thread shows the new state
                report.retrying += 1
                report.errors.append(f"#{out.ticket_id}: {error}")
                break
            except PermanentFailure as error:
                with self.database.writing() as session:
                    mail_store.mark_failed(session, out.message_ref, str(error))
                    announce(session, [out.ticket_id])  # the thread shows the new state
                report.failed += 1
                report.errors.append(f"#{out.ticket_id}: {error}")
                continue
            with self.database.writing() as session:
                mail_store.mark_sent(session, out.message_ref, mail_store.shared_now(session, self.clock.now()))
                announce(session, [out.ticket_id])
            report.sent += 1
        return report

    def states(self, message_refs: list[int]) -> dict[int, mail_store.MailState]:
        with self.database.reading() as session:
            return mail_store.mail_states(session, message_refs)


def _with_domain(reference: str, domain: str) -> str:
    """Our own references are stored as `<token>`; the customer's as they came."""
    if "@" in reference:
        return reference
    return f"<{reference.strip('<>')}@{domain}>"


def _header_id(raw: bytes) -> str:
    match = _HEADER_ID.search(raw[:65536])
    if match:
        return match.group(1).decode("ascii", "replace")
    return f"<{hashlib.sha256(raw).hexdigest()}@ticketflow.invalid>"


def _not_configured(what: str) -> MailNotConfigured:
    return MailNotConfigured([FieldError("mail", f"The mailbox is not set up: set {what}.")])


def local_classifier(suggester: Suggester) -> Classify:
    """`classify` for MailService: the suggester's local model only, and a missing or broken model means
    no suggestion (the ticket is classified by hand), never a failed fetch."""

    def classify(title: str, text: str) -> Suggestion | None:
        try:
            return suggester.local_suggestion(title, text)
        except (OSError, ValueError) as error:
            log.warning("no suggestion for a mail: %s", error)
            return None

    return classify


def outbox_counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return mail_store.outbox_counts(session)
