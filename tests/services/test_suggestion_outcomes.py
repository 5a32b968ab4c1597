"""Suggestions kept per source and week (issue 22): what the agent submitted, compared with what was
suggested; a later edit of the ticket does not turn a kept suggestion into an overridden one."""

from __future__ import annotations

from datetime import timedelta

from ticketflow_desktop.domain import Category, Priority, Suggestion, SuggestionSource, TicketChanges, TicketDraft
from ticketflow_desktop.domain.clock import FixedClock
from ticketflow_desktop.services.suggestion_outcomes import SuggestionOutcomes
from ticketflow_desktop.services.tickets import TicketService

LLM = Suggestion(Category.BILLING, Priority.HIGH, SuggestionSource.LLM, model="m")
LOCAL = Suggestion(Category.TECHNICAL, Priority.LOW, SuggestionSource.LOCAL, model="local", confidence=0.7)


def test_kept_and_overridden_suggestions_per_source_and_week(service: TicketService) -> None:
    kept = service.create(TicketDraft("Refund", "Charged twice", Category.BILLING, Priority.HIGH, suggestion=LLM))
    service.create(TicketDraft("Refund", "Charged twice", Category.BILLING, Priority.LOW, suggestion=LLM))
    edited = service.create(TicketDraft("Card", "Declined", Category.BILLING, Priority.HIGH, suggestion=LLM))
    service.update(edited.id, TicketChanges(category=Category.ACCOUNT, priority=Priority.CRITICAL), edited.version)
    service.create(TicketDraft("Crash", "It crashes", Category.TECHNICAL, Priority.HIGH, suggestion=LOCAL))
    service.create(TicketDraft("Hello", "A question", Category.GENERAL, Priority.LOW))  # no suggestion

    outcomes = SuggestionOutcomes(service.database, FixedClock(kept.created_at + timedelta(days=1)))
    weeks = outcomes.acceptance_by_week(weeks=2)
    monday = kept.created_at.date() - timedelta(days=kept.created_at.weekday())
    assert [(w.week, w.source, w.suggested, w.kept) for w in weeks] == [
        (monday, SuggestionSource.LLM, 3, 2),
        (monday, SuggestionSource.LOCAL, 1, 0),
    ]
    assert weeks[0].share == 2 / 3
    # Weeks before the window are left out.
    later = SuggestionOutcomes(service.database, FixedClock(kept.created_at + timedelta(weeks=5)))
    assert later.acceptance_by_week(weeks=2) == []
