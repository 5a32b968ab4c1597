"""AnalyticsService on SQLite and PostgreSQL: the dashboard's numbers equal what the database holds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from tests.clock import TEST_TODAY
from tests.databases import database_today
from tests.storage.exact_median import exact_median_resolution_seconds
from ticketflow_desktop.domain import (
    Category,
    NewTicket,
    Priority,
    Status,
    Suggestion,
    SuggestionSource,
    TicketChanges,
    TicketDraft,
)
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.analytics import AnalyticsService
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.storage import analytics as summaries
from ticketflow_desktop.storage.bulk import bulk_insert
from ticketflow_desktop.storage.engine import Database

TODAY = TEST_TODAY


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def ticket(
    day: date,
    category: Category = Category.GENERAL,
    priority: Priority = Priority.LOW,
    changes: tuple[tuple[datetime, Status], ...] = (),
    hour: int = 9,
) -> NewTicket:
    return NewTicket("Printer jams", "It jams on page two", category, priority, at(day, hour), status_changes=changes)


def seed_known(database: Database) -> None:
    """Nine tickets whose every count is known (see the assertions)."""
    bulk_insert(
        database,
        [
            # Created 40 days ago, resolved after exactly 2 hours, 40 days ago.
            ticket(ago(40), Category.BILLING, Priority.CRITICAL, ((at(ago(40), 11), Status.RESOLVED),)),
            # Created 5 days ago; in progress 4 days ago; resolved 3 days ago (2 days after creation).
            ticket(
                ago(5),
                Category.TECHNICAL,
                Priority.HIGH,
                ((at(ago(4)), Status.IN_PROGRESS), (at(ago(3)), Status.RESOLVED)),
            ),
            # Closed 2 days ago, reopened yesterday: open now; first resolution after 1 day.
            ticket(ago(3), Category.TECHNICAL, Priority.HIGH, ((at(ago(2)), Status.CLOSED), (at(ago(1)), Status.OPEN))),
            # Resolved then closed: one resolution (the close is not a second one); 4 hours.
            ticket(
                ago(2),
                Category.ACCOUNT,
                Priority.MEDIUM,
                ((at(ago(2), 13), Status.RESOLVED), (at(ago(1)), Status.CLOSED)),
            ),
            ticket(ago(1), Category.TECHNICAL, Priority.MEDIUM, ((at(ago(1), 10), Status.IN_PROGRESS),)),
            ticket(TODAY, Category.TECHNICAL, Priority.LOW),
            ticket(TODAY, Category.ACCOUNT, Priority.LOW),
            ticket(TODAY, Category.TECHNICAL, Priority.HIGH),
            ticket(TODAY, Category.ACCOUNT, Priority.CRITICAL),
        ],
    )


def test_cards_and_breakdowns_equal_the_seeded_truth(database: Database) -> None:
    seed_known(database)
    d = AnalyticsService(database).dashboard(30, TODAY)
    assert d.total == 9
    assert d.by_status == {
        Status.OPEN: 5,
        Status.IN_PROGRESS: 1,
        Status.PENDING: 0,
        Status.RESOLVED: 2,
        Status.CLOSED: 1,
    }
    assert d.by_priority == {Priority.LOW: 2, Priority.MEDIUM: 2, Priority.HIGH: 3, Priority.CRITICAL: 2}
    assert list(d.by_priority) == [Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL]
    # No general ticket: the key is there with zero.
    assert d.by_category == {Category.BILLING: 1, Category.TECHNICAL: 5, Category.ACCOUNT: 3, Category.GENERAL: 0}
    assert d.active == 6
    # 9 tickets over 41 calendar days (40 days ago .. today).
    assert d.avg_created_per_day == pytest.approx(9 / 41)
    # First resolutions: 2 h, 2 d, 1 d, 4 h -> median between 4 h and 1 d, within the buckets' 0.5 %.
    assert d.median_resolution_seconds == pytest.approx((4 * 3600 + 86400) / 2, rel=0.006)
    assert d.suggestions == {SuggestionSource.LLM: (0, 0), SuggestionSource.LOCAL: (0, 0)}


def test_daily_series_cover_the_range_with_zeros(database: Database) -> None:
    seed_known(database)
    d = AnalyticsService(database).dashboard(7, TODAY)
    assert d.days == tuple(ago(n) for n in range(6, -1, -1))
    assert dict(zip(d.days, d.created, strict=True)) == {
        ago(6): 0,
        ago(5): 1,
        ago(4): 0,
        ago(3): 1,
        ago(2): 1,
        ago(1): 1,
        TODAY: 4,
    }
    # Became resolved/closed that day: 3 days ago one, 2 days ago two (close + resolve); the
    # resolved->closed of yesterday is no new resolution.
    assert dict(zip(d.days, d.resolved, strict=True)) == {
        ago(6): 0,
        ago(5): 0,
        ago(4): 0,
        ago(3): 1,
        ago(2): 2,
        ago(1): 0,
        TODAY: 0,
    }
    # Open + in progress at each day's end; the 40-day-old ticket was resolved long before.
    assert dict(zip(d.days, d.backlog, strict=True)) == {
        ago(6): 0,
        ago(5): 1,
        ago(4): 1,
        ago(3): 1,
        ago(2): 0,
        ago(1): 2,
        TODAY: 6,
    }
    assert d.backlog[-1] == d.active


def test_all_time_starts_at_the_first_ticket(database: Database) -> None:
    seed_known(database)
    d = AnalyticsService(database).dashboard(None, TODAY)
    assert d.days[0] == ago(40) and d.days[-1] == TODAY and len(d.days) == 41
    assert sum(d.created) == d.total
    assert d.backlog[0] == 0  # created and resolved the same day


def test_average_uses_the_calendar_span_not_active_days(database: Database) -> None:
    # 10 tickets on 2 days within a 30-day span: 10 / 30, not 10 / 2.
    bulk_insert(database, [ticket(ago(29)) for _ in range(5)] + [ticket(TODAY) for _ in range(5)])
    d = AnalyticsService(database).dashboard(30, TODAY)
    assert round(d.avg_created_per_day, 2) == 0.33


def test_empty_database_has_every_key_at_zero(database: Database) -> None:
    d = AnalyticsService(database).dashboard(30, TODAY)
    assert d.is_empty and d.total == 0
    assert d.by_status == dict.fromkeys(Status, 0)
    assert d.by_priority == dict.fromkeys(Priority, 0)
    assert d.by_category == dict.fromkeys(Category, 0)
    assert d.avg_created_per_day == 0.0 and d.median_resolution_seconds is None
    assert len(d.days) == 30 and set(d.created) == {0} and set(d.resolved) == {0} and set(d.backlog) == {0}
    assert d.acceptance(SuggestionSource.LLM) is None
    assert AnalyticsService(database).dashboard(None, TODAY).days == (TODAY,)


def test_suggestion_acceptance_by_source(service: TicketService) -> None:
    def submit(category: Category, priority: Priority, suggested: Suggestion | None) -> None:
        service.create(TicketDraft("Refund", "Charged twice", category, priority, suggested))

    submit(Category.BILLING, Priority.HIGH, Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LLM))
    submit(Category.BILLING, Priority.LOW, Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LLM))
    submit(Category.BILLING, Priority.HIGH, Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LLM))
    submit(Category.ACCOUNT, Priority.LOW, Suggestion(Category.GENERAL, Priority.LOW, SuggestionSource.LOCAL))
    submit(Category.ACCOUNT, Priority.LOW, None)
    d = AnalyticsService(service.database, service.clock).dashboard(7)
    assert d.suggestions == {SuggestionSource.LLM: (2, 3), SuggestionSource.LOCAL: (0, 1)}
    assert d.acceptance(SuggestionSource.LLM) == pytest.approx(2 / 3)
    assert d.acceptance(SuggestionSource.LOCAL) == 0.0


def test_summaries_equal_a_full_recount_after_loads_and_edits(service: TicketService) -> None:
    database = service.database
    seed_known(database)
    a = service.create(TicketDraft("VPN down", "No tunnel", Category.TECHNICAL, Priority.HIGH))
    b = service.create(TicketDraft("Invoice", "Wrong VAT", Category.BILLING, Priority.LOW))
    a = service.update(a.id, TicketChanges(status=Status.RESOLVED), a.version)
    a = service.update(a.id, TicketChanges(status=Status.OPEN), a.version)  # reopened
    a = service.update(a.id, TicketChanges(status=Status.CLOSED), a.version)  # not a first resolution
    b = service.update(b.id, TicketChanges(status=Status.IN_PROGRESS), b.version)
    b = service.update(b.id, TicketChanges(priority=Priority.HIGH), b.version)  # no status change
    with database.reading() as session:
        flow = summaries.stored_flow(session)
        totals = summaries.stored_totals(session)
        times = summaries.stored_resolution_times(session)
        assert flow == summaries.recount_flow(session)
        assert totals == summaries.recount_totals(session)
        assert times == summaries.recount_resolution_times(session)
    # Created today: four seeded, a and b; a resolved, reopened, closed today (the database's today
    # for a and b on PostgreSQL, which stamps shared times with its own clock).
    made = database_today(database)
    if made == TODAY:
        assert flow[TODAY] == (6, 2, 1)
    else:
        assert (flow[TODAY], flow[made]) == ((4, 0, 0), (2, 2, 1))
    assert totals[("technical", "high", "closed")] == 1 and totals[("billing", "high", "in_progress")] == 1
    assert sum(times.values()) == 5  # first resolutions: four seeded, and a once
    d = AnalyticsService(database, FixedClock(datetime.combine(max(made, TODAY), time(12), UTC))).dashboard(7)
    assert d.backlog[-1] == d.active == 7  # six seeded, a closed, b in progress
    # A repair (as the migration does for an existing database) gives the same summaries.
    with database.writing() as session:
        summaries.rebuild_summaries(session)
    with database.reading() as session:
        assert summaries.stored_flow(session) == flow
        assert summaries.stored_totals(session) == totals
        assert summaries.stored_resolution_times(session) == times


def test_median_from_histogram_matches_the_exact_median(service: TicketService) -> None:
    durations = [30, 600, 3600, 7200, 86400, 3 * 86400, 9 * 86400]
    start = at(ago(20))
    bulk_insert(
        service.database,
        [ticket(start.date(), changes=((start + timedelta(seconds=s), Status.RESOLVED),)) for s in durations],
    )
    with service.database.reading() as session:
        exact = exact_median_resolution_seconds(session)
    assert exact == pytest.approx(7200)  # julianday arithmetic on SQLite is not exact
    # The cards of the stats and of the dashboard: one histogram, each value within half a bucket (0.5%).
    assert service.stats(TODAY).median_resolution_seconds == pytest.approx(exact, rel=0.005)
    assert AnalyticsService(service.database).dashboard(30, TODAY).median_resolution_seconds == pytest.approx(
        exact, rel=0.005
    )
    with service.database.reading() as session:
        histogram = sorted(summaries.stored_resolution_times(session).items())
        assert summaries.median_resolution(session) == median_from_histogram(histogram)
    assert median_from_histogram([]) is None
    assert median_from_histogram([(0, 1), (10, 1)]) == pytest.approx(summaries.bucket_value(10) / 2)


def median_from_histogram(histogram: list[tuple[int, int]]) -> float | None:
    """The same median worked out in Python: of the durations the (sorted) histogram holds, each at its
    bucket's middle."""
    total = sum(n for _b, n in histogram)
    if total == 0:
        return None
    # 1-based ranks of the middle value(s).
    ranks = {(total + 1) // 2, total // 2 + 1}
    values: list[float] = []
    seen = 0
    for bucket, n in histogram:
        for rank in sorted(ranks):
            if seen < rank <= seen + n:
                values.append(summaries.bucket_value(bucket))
        seen += n
    return sum(values) / len(values)


def test_range_must_hold_a_day(database: Database) -> None:
    with pytest.raises(ValueError):
        AnalyticsService(database).dashboard(0, TODAY)


def test_upgrading_an_existing_database_fills_the_summaries(sqlite_url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from ticketflow_desktop.storage.migrate import alembic_config, upgrade_to_head

    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO tickets (id, title, description, category, priority, status, created_at, updated_at, "
                "version) VALUES (1, 'a', 'b', 'billing', 'high', 'resolved', :c, :u, 2), "
                "(2, 'c', 'd', 'account', 'low', 'open', :c, :c, 1)"
            ),
            {"c": "2026-11-20 09:00:00.000000", "u": "2026-11-21 09:00:00.000000"},
        )
        connection.execute(
            text(
                "INSERT INTO ticket_events (ticket_id, at, field, old_value, new_value, source, version) VALUES "
                "(1, :c, 'created', NULL, 'open', 'import', 1), (1, :u, 'status', 'open', 'resolved', 'import', 2), "
                "(2, :c, 'created', NULL, 'open', 'import', 1)"
            ),
            {"c": "2026-11-20 09:00:00.000000", "u": "2026-11-21 09:00:00.000000"},
        )
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert summaries.stored_flow(connection) == {date(2026, 11, 20): (2, 0, 0), date(2026, 11, 21): (0, 1, 0)}
        assert summaries.stored_totals(connection) == {
            ("billing", "high", "resolved"): 1,
            ("account", "low", "open"): 1,
        }
        assert summaries.stored_resolution_times(connection) == {summaries.bucket_of(86400): 1}
    engine.dispose()


@pytest.mark.parametrize(
    ("first", "bucket", "points"),
    [
        (TODAY - timedelta(days=999), "day", 1000),
        (TODAY - timedelta(days=5 * 365), "week", 262),
        (date(1990, 1, 1), "month", (TODAY.year - 1990) * 12 + TODAY.month),
        (date(1, 1, 1), "3 years", 676),
    ],
)
def test_long_spans_are_drawn_in_buckets_of_at_most_a_thousand_points(
    database: Database, first: date, bucket: str, points: int
) -> None:
    """A ticket dated year 1 once made every all-time dashboard build 740,000 days."""
    resolved_at = at(first, 10)
    bulk_insert(database, [ticket(first, changes=((resolved_at, Status.RESOLVED),)), ticket(ago(1)), ticket(TODAY)])
    d = AnalyticsService(database).dashboard(None, TODAY)
    assert (d.bucket, len(d.days)) == (bucket, points)
    assert len(d.created) == len(d.resolved) == len(d.backlog) == points
    assert d.days[0] <= first and d.days[-1] <= TODAY and list(d.days) == sorted(set(d.days))
    assert sum(d.created) == 3 and sum(d.resolved) == 1
    assert d.backlog[-1] == d.active == 2 and d.backlog[0] == 0  # the old ticket resolved in its own bucket
