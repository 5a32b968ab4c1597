"""One entry point for suggestions: the language model when usable, the local model otherwise or
when the model fails; identical text is answered from a cache. Thread-safe; no Qt.

The database is reached through two callables (the caller owns the service), so this layer stays
below the services.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from ticketflow_desktop import config
from ticketflow_desktop.classification.corpus import Example, starter_fingerprint
from ticketflow_desktop.classification.errors import ClassificationError, ErrorKind
from ticketflow_desktop.classification.prompt import ticket_text
from ticketflow_desktop.config import LlmSettings
from ticketflow_desktop.domain import Suggestion, SuggestionSource

if TYPE_CHECKING:
    from ticketflow_desktop.classification.local import LocalModel

# Retrain once this many tickets arrived since the last training.
RETRAIN_AFTER = 20
CACHE_SIZE = 256
CacheKey = tuple[object, ...]  # who answers (and with which model), and the text


class Mode(StrEnum):
    """Who answers: AUTO asks the language model when it is usable and the local model otherwise."""

    AUTO = "auto"
    LLM = "llm"
    LOCAL = "local"


# The name ui/submit imports; Mode is the vocabulary.
AUTO = Mode.AUTO


@dataclass(frozen=True)
class Outcome:
    """`suggestion` may come from the local model even when `error` says why the language model failed."""

    suggestion: Suggestion | None
    error: ClassificationError | None = None
    offline_reason: str | None = None  # why the language model was not asked at all
    superseded: bool = False  # a newer request made this one moot before it was worked on
    # Why the language model's answer is only offered, never filled in: the ticket holds instruction-like
    # text, or the local model finds the answer very unlikely (classification/guard.py).
    caution: str | None = None


def default_model_path() -> Path:
    return config.data_dir() / "local_model.npz"


class Suggester:
    def __init__(
        self,
        model_path: Path | None = None,
        examples: Callable[[], Iterable[Example]] | None = None,
        ticket_count: Callable[[], int] | None = None,
    ) -> None:
        self.model_path = model_path or default_model_path()
        self._examples = examples
        self._ticket_count = ticket_count
        self._local: LocalModel | None = None  # swapped whole: readers never see a half-trained one
        self._generation = 0
        self._train_lock = threading.Lock()
        self._predict_lock = threading.Lock()
        self._cache: OrderedDict[CacheKey, Suggestion] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.last_train_seconds: float | None = None
        # The desktop app trains in a child process (classification.training): in a thread here the
        # training would stall its window. The CLI has no window to keep responsive.
        self.train_apart = False

    def set_database(
        self, examples: Callable[[], Iterable[Example]] | None, ticket_count: Callable[[], int] | None
    ) -> None:
        self._examples, self._ticket_count = examples, ticket_count

    @property
    def has_local_model(self) -> bool:
        return self._local is not None

    # --- the one call ---------------------------------------------------------------------------

    def suggest(
        self,
        settings: LlmSettings,
        title: str,
        description: str,
        mode: str = Mode.AUTO,
        fallback: bool = True,
        wanted: Callable[[], bool] | None = None,
    ) -> Outcome:
        """`mode` is a Mode or its value. `wanted` tells whether the caller still needs the answer; if
        not, the local fallback is skipped."""
        mode = Mode(mode)
        if mode is Mode.LOCAL:
            return Outcome(self.local_suggestion(title, description))
        if mode is Mode.AUTO and not settings.usable:
            reason = "Offline mode" if settings.offline else "No API key is configured"
            return Outcome(self.local_suggestion(title, description), offline_reason=reason)
        try:
            suggestion = self.llm_suggestion(settings, title, description)
        except ClassificationError as error:
            if not fallback:
                raise
            if wanted is not None and not wanted():
                return Outcome(None, error=error, superseded=True)
            return Outcome(self._local_or_none(title, description), error=error)
        return Outcome(suggestion, caution=self.caution(suggestion, title, description))

    def caution(self, suggestion: Suggestion, title: str, description: str) -> str | None:
        """Why a language model's answer should be offered rather than filled in; None if nothing speaks against it."""
        from ticketflow_desktop.classification.guard import disagreement, instruction_like

        passage = instruction_like(ticket_text(title, description))
        if passage is not None:
            return f"The ticket contains instructions for the model (“{passage}”): check the answer before using it."
        model = self._local
        if model is None:  # not loaded yet (the app warms it up at start): training now would delay the answer
            return None
        with self._predict_lock:
            local = model.field_probabilities(title, description)
        answer = {"category": suggestion.category.value, "priority": suggestion.priority.value}
        found = disagreement(answer, local)
        if found is None:
            return None
        field, probability = found
        return (
            f"The local model finds {field} “{answer[field]}” unlikely ({probability:.0%}): "
            "check the answer before using it."
        )

    def llm_suggestion(self, settings: LlmSettings, title: str, description: str) -> Suggestion:
        from ticketflow_desktop.classification.llm import classifier_for

        if not settings.api_key:
            raise ClassificationError(ErrorKind.NO_KEY, "No API key is configured.")
        key = (SuggestionSource.LLM, settings.base_url, settings.model, ticket_text(title, description))
        cached = self._cached(key)
        if cached is not None:
            return cached
        suggestion = classifier_for(settings).classify(title, description)
        self._store(key, suggestion)
        return suggestion

    def local_suggestion(self, title: str, description: str) -> Suggestion:
        model = self.local_model()
        key = (SuggestionSource.LOCAL, self._generation, ticket_text(title, description))
        cached = self._cached(key)
        if cached is not None:
            return cached
        with self._predict_lock:  # one CPU-heavy prediction at a time leaves the GUI thread its share of the GIL
            suggestion = model.predict(title, description)
        self._store(key, suggestion)
        return suggestion

    def _local_or_none(self, title: str, description: str) -> Suggestion | None:
        try:
            return self.local_suggestion(title, description)
        except (ValueError, OSError):
            return None

    # --- the local model: loaded or trained on first need, retrained as tickets arrive ----------

    def local_model(self) -> LocalModel:
        model = self._local
        if model is not None:
            return model
        with self._train_lock:
            if self._local is None:
                from ticketflow_desktop.classification.local import LocalModel

                loaded = LocalModel.load(self.model_path)
                if loaded is not None and not self._stale(loaded):
                    return self._install(loaded)
                return self._train_locked()
            return self._local

    def refresh(self) -> bool:
        """Retrain when enough tickets arrived since the last training; True if it did."""
        model = self.local_model()
        if not self._stale(model):
            return False
        with self._train_lock:
            if self._local is not None and not self._stale(self._local):
                return False
            self._train_locked()
        return True

    def train(self) -> None:
        with self._train_lock:
            self._train_locked()

    def _stale(self, model: LocalModel) -> bool:
        if model.meta.get("starter") != starter_fingerprint():  # saved by an app with another starter corpus
            return True
        if self._ticket_count is None:
            return False
        count = self._ticket_count()
        return count - model.trained_on_tickets >= RETRAIN_AFTER or count < model.trained_on_tickets

    def _train_locked(self) -> LocalModel:
        from ticketflow_desktop.classification.training import train_apart, train_here, training_examples

        started = time.perf_counter()
        count = self._ticket_count() if self._ticket_count is not None else 0
        if self.train_apart:
            model = train_apart(self._examples, count, self.model_path)  # the examples are read there too
        else:
            model = train_here(training_examples(self._examples), count, self.model_path)
        self.last_train_seconds = time.perf_counter() - started
        # Earlier builds kept a scikit-learn model beside it (local_model.joblib); nothing reads it now.
        with contextlib.suppress(OSError):
            self.model_path.with_suffix(".joblib").unlink(missing_ok=True)
        return self._install(model)

    def _install(self, model: LocalModel) -> LocalModel:
        self._local = model
        self._generation += 1
        return model

    # --- cache --------------------------------------------------------------------------------

    def _cached(self, key: CacheKey) -> Suggestion | None:
        with self._cache_lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
            return found

    def _store(self, key: CacheKey, suggestion: Suggestion) -> None:
        with self._cache_lock:
            self._cache[key] = suggestion
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
