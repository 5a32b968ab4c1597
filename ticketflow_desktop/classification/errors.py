"""Why a suggestion could not be made, in one word for code and one calm sentence for the user."""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    NO_KEY = "no_key"
    AUTH = "auth"
    RATE_LIMITED = "rate_limited"
    TIMEOUT = "timeout"
    SERVER_ERROR = "server_error"
    UNREACHABLE = "unreachable"
    BAD_ANSWER = "bad_answer"


# The name tests/ui/submit/test_soak.py imports; ErrorKind is the vocabulary.
KINDS = tuple(ErrorKind)


class ClassificationError(Exception):
    """`kind` is an ErrorKind (or its value, which is what `--json` prints); `retry_after` (seconds)
    is set for RATE_LIMITED when the server said so."""

    def __init__(self, kind: str, message: str, retry_after: float | None = None) -> None:
        try:
            self.kind = ErrorKind(kind)
        except ValueError:
            raise ValueError(f"unknown classification error kind {kind!r}") from None
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
