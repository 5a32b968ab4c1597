"""Why a suggestion could not be made, in one word for code and one calm sentence for the user."""

from __future__ import annotations

KINDS = ("no_key", "auth", "rate_limited", "timeout", "server_error", "unreachable", "bad_answer")


class ClassificationError(Exception):
    """`kind` is one of KINDS; `retry_after` (seconds) is set for rate_limited when the server said so."""

    def __init__(self, kind: str, message: str, retry_after: float | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown classification error kind {kind!r}")
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
