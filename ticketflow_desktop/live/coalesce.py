"""Notifications are hints: a burst of them becomes at most one report per interval.

Anyone who can connect can NOTIFY the channel; without this, 20,000 notifications in 10 s made every
open client re-query 20,000 times. The first change after a quiet spell is reported at once; the rest
of a burst waits for the interval and is merged into one report.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ticketflow_desktop.live.feed import Callback

INTERVAL_S = 0.25
# More distinct ids than this pending at once are reported as "unknown" (one full refresh).
MAX_IDS = 500


class Coalescer:
    def __init__(
        self,
        callback: Callback,
        interval_s: float = INTERVAL_S,
        max_ids: int = MAX_IDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._callback = callback
        self._interval = interval_s
        self._max_ids = max_ids
        self._monotonic = monotonic
        self._pending: set[int] = set()
        self._unknown = False
        self._last_report = float("-inf")

    @property
    def pending(self) -> bool:
        return self._unknown or bool(self._pending)

    def add(self, ids: frozenset[int] | None) -> None:
        """Note a change (None: which tickets is unknown); report it now if the interval has passed."""
        if ids is None:
            self._unknown = True
        else:
            self._pending |= ids
            if len(self._pending) > self._max_ids:
                self._unknown = True
        if self._unknown:
            self._pending.clear()
        self.flush_due()

    def seconds_until_due(self) -> float | None:
        """How long until pending changes are reported; None when nothing is pending."""
        if not self.pending:
            return None
        return max(0.0, self._last_report + self._interval - self._monotonic())

    def flush_due(self) -> None:
        due = self.seconds_until_due()
        if due is None or due > 0:
            return
        report = None if self._unknown else frozenset(self._pending)
        self._pending.clear()
        self._unknown = False
        self._last_report = self._monotonic()
        self._callback(report)
