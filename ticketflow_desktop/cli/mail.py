"""mail fetch --once, mail run, mail status: the team mailbox from the command line (and cron/systemd).

Settings from the environment: TICKETFLOW_IMAP_URL, TICKETFLOW_SMTP_URL, TICKETFLOW_MAIL_ADDRESS; the
password from TICKETFLOW_MAIL_PASSWORD or the keyring (never an argument: the process list is public).
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from ticketflow_desktop import config
from ticketflow_desktop.cli.common import EXIT_FAILED, fail, open_for

if TYPE_CHECKING:
    from ticketflow_desktop.services.mail import Classify, FetchReport, MailService, SendReport
    from ticketflow_desktop.storage.engine import Database


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("mail", help="the team mailbox: mails become tickets, replies are mailed")
    actions = p.add_subparsers(dest="mail_action", metavar="ACTION", required=True)
    a = actions.add_parser("fetch", help="fetch the inbox and send the queued replies, once (for cron)")
    a.add_argument("--once", action="store_true", required=True, help="one round, then exit")
    a.add_argument("--no-classify", action="store_true", help="leave new tickets unclassified (general, medium)")
    a = actions.add_parser("run", help="keep fetching and sending while elected (for a systemd service)")
    a.add_argument("--interval", type=float, default=30.0, help="seconds between rounds without IDLE (30)")
    a.add_argument("--no-classify", action="store_true")
    actions.add_parser("status", help="the mail outbox: replies queued, sent and failed")
    a = actions.add_parser("resend", help="queue a reply whose mail failed to be mailed again")
    a.add_argument("message", type=int, help="the reply's message id (thread --json)")
    p.set_defaults(handler=mail)


def mail(args: argparse.Namespace) -> int:
    from ticketflow_desktop.mail.fetch import MailboxError
    from ticketflow_desktop.services.mail import MailService

    database = open_for(args)
    if args.mail_action == "status":
        return _status(database)
    if args.mail_action == "resend":
        from ticketflow_desktop.services.conversation import ConversationService

        message = ConversationService(database).mail_again(args.message)
        print(f"The reply {message.id} on ticket #{message.ticket_id} is queued to be mailed again.")
        return 0
    classify = None if args.no_classify else _classifier(args)
    service = MailService(database, config.load_mail_settings(), classify=classify)
    try:
        if args.mail_action == "fetch":
            return _once(service)
        return _run(service, args.interval)
    except MailboxError as error:
        return fail(str(error), EXIT_FAILED)


NOT_FOR_AGENTS = (
    "This login sees only its groups' tickets, so it cannot thread and send the whole team's mail: "
    "run the fetcher as a lead or an administrator."
)


def _once(service: MailService) -> int:
    from ticketflow_desktop.services.mail_runner import MailRunner
    from ticketflow_desktop.storage.election import FetchElection

    election = FetchElection(service.database)
    if not election.may_fetch():
        return fail(NOT_FOR_AGENTS, EXIT_FAILED)
    if not election.try_lead():
        print("Another app fetches the team mailbox now (it holds the lock); nothing done.")
        return 0
    runner = MailRunner(service, election, on_round=_print_round)
    try:
        runner.round()
    finally:
        runner.close()
    return 0


def _run(service: MailService, interval: float) -> int:
    from ticketflow_desktop.services.mail_runner import mail_runner
    from ticketflow_desktop.storage.election import FetchElection

    if not FetchElection(service.database).may_fetch():
        return fail(NOT_FOR_AGENTS, EXIT_FAILED)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    print(f"Fetching the team mailbox while elected (every {interval:g} s at most); Ctrl+C stops.", flush=True)
    runner = mail_runner(service.database, service.settings, classify=service.classify, poll_s=interval)
    runner.on_round = _print_round
    runner.run()
    return 0


def _print_round(fetched: FetchReport | None, sent: SendReport | None) -> None:
    if fetched is not None:
        print(fetched.summary(), flush=True)
        for reason in fetched.reasons:
            print(f"  {reason}", flush=True)
    if sent is not None:
        print(sent.summary(), flush=True)
        for error in sent.errors:
            print(f"  {error}", flush=True)


def _status(database: Database) -> int:
    from ticketflow_desktop.services.mail import outbox_counts

    counts = outbox_counts(database)
    print(", ".join(f"{counts.get(state, 0)} {state}" for state in ("queued", "sending", "sent", "failed")))
    return 0


def _classifier(args: argparse.Namespace) -> Classify:
    """The local model only: a mail is a stranger's text, never sent to the language model."""
    from ticketflow_desktop.cli.classify import suggester_for
    from ticketflow_desktop.services.mail import local_classifier

    return local_classifier(suggester_for(args))
