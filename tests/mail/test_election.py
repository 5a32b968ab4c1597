"""One fetcher across the team: PostgreSQL's advisory lock, between connections and between processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.databases import fresh_database_url
from tests.mail.servers import Dovecot
from tests.team.conftest import Team, team  # noqa: F401 - the fixture
from ticketflow_desktop.storage.election import FetchElection
from ticketflow_desktop.storage.engine import open_database

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database_url(request, "postgresql", tmp_path)


def test_one_connection_leads_and_another_takes_over_when_it_quits(pg_url: str) -> None:
    first_db, second_db = open_database(pg_url), open_database(pg_url)
    try:
        first, second = FetchElection(first_db), FetchElection(second_db)
        assert first.try_lead() and first.try_lead()  # asking again while leading keeps the lead
        assert not second.try_lead()
        first_db.dispose()  # the app quits: its connections close
        first.release()
        assert second.try_lead()
        assert not FetchElection(first_db).try_lead()
    finally:
        first_db.dispose()
        second_db.dispose()


def test_on_sqlite_the_one_app_fetches(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        assert FetchElection(database).try_lead()
    finally:
        database.dispose()


def cli(url: str, dovecot: Dovecot, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, TICKETFLOW_IMAP_URL=dovecot.url, DATABASE_URL=url, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "ticketflow_desktop", "mail", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


@pytest.mark.slow
def test_two_processes_compete_and_the_standby_takes_over(pg_url: str, dovecot: Dovecot, mail_password: str) -> None:
    dovecot.deliver((CORPUS / "plain.eml").read_bytes())
    runner = cli(pg_url, dovecot, "run", "--interval", "1", "--no-classify")
    try:
        assert runner.stdout is not None
        lines = [runner.stdout.readline() for _ in range(2)]
        assert lines[1].startswith("1 mails: 1 new tickets, 0 customer messages")
        standby = cli(pg_url, dovecot, "fetch", "--once", "--no-classify")
        out, _ = standby.communicate(timeout=120)
        assert out.strip() == "Another app fetches the team mailbox now (it holds the lock); nothing done."
        database = open_database(pg_url)
        election = FetchElection(database)
        try:
            assert not election.try_lead()
            runner.terminate()  # the fetching app quits
            runner.wait(timeout=60)
            for _ in range(600):  # a bound for a stuck test, not a timing claim
                if election.try_lead():
                    break
                time.sleep(0.1)
            assert election.leading and election.try_lead()
        finally:
            election.release()
            database.dispose()
    finally:
        if runner.poll() is None:
            runner.kill()
            runner.wait()
        if runner.stdout is not None:
            runner.stdout.close()


@pytest.mark.postgresql
def test_only_a_login_that_sees_every_group_stands_for_election(team: Team) -> None:  # noqa: F811
    """An agent's app would not see the other groups' tickets and replies (row-level security), so it could
    neither thread a customer's answer onto them nor mail their replies: it never fetches."""
    agent, lead = open_database(team.urls["agent"]), open_database(team.urls["lead"])
    try:
        as_agent = FetchElection(agent)
        assert not as_agent.may_fetch() and not as_agent.try_lead()
        as_lead = FetchElection(lead)
        assert as_lead.may_fetch() and as_lead.try_lead()
        as_lead.release()
    finally:
        agent.dispose()
        lead.dispose()
    env = dict(os.environ, TICKETFLOW_IMAP_URL="imaps://support@mail.invalid/INBOX", DATABASE_URL=team.urls["agent"])
    refused = subprocess.run(
        [sys.executable, "-m", "ticketflow_desktop", "mail", "fetch", "--once", "--no-classify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1
    assert "sees only its groups' tickets" in refused.stderr and "as a lead or an administrator" in refused.stderr
