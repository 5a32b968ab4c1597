"""The moment tests call "now": fixed, so no assertion depends on the day the suite runs."""

from __future__ import annotations

from datetime import UTC, datetime

TEST_NOW = datetime(2026, 6, 15, 12, tzinfo=UTC)
TEST_TODAY = TEST_NOW.date()
