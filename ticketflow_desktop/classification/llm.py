"""Suggestions from a language model through the official `openai` client (any compatible server).

One client per configuration, an explicit timeout and a bounded number of retries; every failure
becomes a ClassificationError of its own kind with a calm sentence. Structured output is asked first;
a server that refuses it gets plain JSON mode, then plain text, and the client remembers what worked.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from ticketflow_desktop.classification import prompt
from ticketflow_desktop.classification.errors import ClassificationError, ErrorKind
from ticketflow_desktop.config import LlmSettings
from ticketflow_desktop.domain import Suggestion, SuggestionSource


class AnswerFormat(StrEnum):
    """What the server is asked to answer in, in order of preference: a server that refuses one gets the next."""

    JSON_SCHEMA = "json_schema"
    JSON_OBJECT = "json_object"
    TEXT = "text"


_FORMATS = tuple(AnswerFormat)
MAX_TOKENS = 60
# A real answer is well under 1 KB (60 tokens); more is a broken or hostile server, and is not read.
MAX_ANSWER_BYTES = 64 * 1024


class _AnswerTooLarge(Exception):
    pass


def _read_capped(chunks: Iterator[bytes], limit: int) -> bytes:
    body = bytearray()
    for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise _AnswerTooLarge
    return bytes(body)


def _response_format(answer_format: AnswerFormat) -> dict[str, Any] | None:
    match answer_format:
        case AnswerFormat.JSON_SCHEMA:
            return {"type": answer_format.value, "json_schema": prompt.RESPONSE_SCHEMA}
        case AnswerFormat.JSON_OBJECT:
            return {"type": answer_format.value}
        case AnswerFormat.TEXT:
            return None


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date); None if absent."""
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class LlmClassifier:
    def __init__(self, settings: LlmSettings) -> None:
        import openai

        if not settings.api_key:
            raise ClassificationError(
                ErrorKind.NO_KEY, "No API key is configured; suggestions come from the local model."
            )
        self.settings = settings
        self.model = settings.model
        self._openai = openai
        self._client = openai.OpenAI(
            api_key=settings.api_key,
            base_url=settings.base_url or None,
            timeout=settings.timeout_s,
            max_retries=settings.max_retries,
        )
        self._format_index = 0  # into _FORMATS: the first this server accepted
        self._blocked_until = 0.0
        self._lock = threading.Lock()

    def classify(self, title: str, description: str) -> Suggestion:
        wait = self._blocked_until - time.monotonic()
        if wait > 0:
            raise ClassificationError(
                ErrorKind.RATE_LIMITED,
                f"The model server asked us to slow down; trying it again in {wait:.0f} s.",
                wait,
            )
        index = self._format_index
        while True:
            try:
                content = self._ask(title, description, _FORMATS[index])
            except _AnswerTooLarge:
                raise ClassificationError(
                    ErrorKind.BAD_ANSWER,
                    f"The model server's answer was larger than {MAX_ANSWER_BYTES // 1024} KB and was not read. "
                    "The form is yours to fill in.",
                ) from None
            except prompt.AnswerError as error:
                raise ClassificationError(ErrorKind.BAD_ANSWER, f"{error} The form is yours to fill in.") from None
            except (self._openai.BadRequestError, self._openai.UnprocessableEntityError) as error:
                if index + 1 < len(_FORMATS):  # probably no structured output here: ask more simply
                    index += 1
                    continue
                raise self._translate(error) from error
            except self._openai.APIError as error:
                raise self._translate(error) from error
            with self._lock:
                self._format_index = index
            break
        try:
            category, priority = prompt.parse_answer(content)
        except prompt.AnswerError as error:
            raise ClassificationError(ErrorKind.BAD_ANSWER, f"{error} The form is yours to fill in.") from None
        return Suggestion(category, priority, SuggestionSource.LLM, model=self.model, confidence=None)

    def _ask(self, title: str, description: str, answer_format: AnswerFormat) -> str | None:
        arguments: dict[str, Any] = {
            "model": self.model,
            "messages": prompt.messages(title, description),
            "temperature": prompt.TEMPERATURE,
            "max_tokens": MAX_TOKENS,
        }
        response_format = _response_format(answer_format)
        if response_format is not None:
            arguments["response_format"] = response_format
        # Streamed, so that the body is read only up to MAX_ANSWER_BYTES and parsed here, where a
        # too-deep or malformed answer is a bad answer (the client's own parsing would raise anything).
        with self._client.chat.completions.with_streaming_response.create(**arguments) as response:
            try:
                body = _read_capped(response.iter_bytes(), MAX_ANSWER_BYTES)
            except _AnswerTooLarge:
                raise
            except Exception as error:
                raise ClassificationError(
                    ErrorKind.UNREACHABLE, "The model server's answer broke off. Try again."
                ) from error
        return prompt.completion_content(body)

    def _translate(self, error: Exception) -> ClassificationError:
        o = self._openai
        # APITimeoutError subclasses APIConnectionError: it must be tested first.
        if isinstance(error, o.APITimeoutError):
            return ClassificationError(
                ErrorKind.TIMEOUT, f"The model did not answer within {self.settings.timeout_s:g} s. Try again later."
            )
        if isinstance(error, o.APIConnectionError):
            return ClassificationError(ErrorKind.UNREACHABLE, "The model server cannot be reached. Check the network.")
        if isinstance(error, o.AuthenticationError | o.PermissionDeniedError):
            return ClassificationError(ErrorKind.AUTH, "The model server refused the API key. Check it in Settings.")
        if isinstance(error, o.RateLimitError):
            seconds = retry_after_seconds(error.response.headers)
            if seconds:
                self._blocked_until = time.monotonic() + seconds
                return ClassificationError(
                    ErrorKind.RATE_LIMITED, f"The model server is busy; trying it again in {seconds:.0f} s.", seconds
                )
            return ClassificationError(ErrorKind.RATE_LIMITED, "The model server is busy; try again in a moment.")
        if isinstance(error, o.APIStatusError) and error.status_code >= 500:
            return ClassificationError(ErrorKind.SERVER_ERROR, f"The model server had an error ({error.status_code}).")
        if isinstance(error, o.NotFoundError):
            return ClassificationError(
                ErrorKind.BAD_ANSWER, f"The model server does not offer the model {self.model!r}."
            )
        if isinstance(error, o.APIStatusError):
            return ClassificationError(
                ErrorKind.BAD_ANSWER, f"The model server refused the request ({error.status_code})."
            )
        return ClassificationError(ErrorKind.BAD_ANSWER, "The model server's answer could not be read.")


_clients: dict[LlmSettings, LlmClassifier] = {}
_clients_lock = threading.Lock()


def classifier_for(settings: LlmSettings) -> LlmClassifier:
    """The one classifier (and HTTP client) for this configuration."""
    with _clients_lock:
        found = _clients.get(settings)
        if found is None:
            found = _clients[settings] = LlmClassifier(settings)
        return found


def check_connection(settings: LlmSettings) -> str:
    """Ask the model once (with the settings as given, even offline); return its name or raise."""
    classifier = LlmClassifier(settings)
    classifier.classify("Connection test", "Where can I find the user guide?")
    return classifier.model
