"""The Qt side of suggestions: runs the Suggester in a worker, newest request wins, and keeps the
local model fresh as tickets arrive. Every request ends in `finished(Outcome)` — or is superseded.

"Newest wins" is the ops layer's key ("suggest", scoped to this engine): a superseded request's result
is dropped, and its worker, asking `still_wanted()`, skips the work nobody awaits (the call itself if
it has not started, the local fallback if the model server failed meanwhile)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QObject, QTimer, Signal

from ticketflow_desktop import config
from ticketflow_desktop.classification.errors import ClassificationError
from ticketflow_desktop.classification.suggest import AUTO, Outcome, Suggester
from ticketflow_desktop.domain import TicketFlowError
from ticketflow_desktop.services.examples import DatabaseExamples
from ticketflow_desktop.services.tickets import TicketService
from ticketflow_desktop.ui.context import AppContext
from ticketflow_desktop.ui.startup import LATER_IDLE_MS, when_idle
from ticketflow_desktop.ui.tasks import still_wanted

log = logging.getLogger(__name__)
REFRESH_DELAY_MS = 3000
# Prepare the local model a little after start, not during it (and not at all in a window that closes sooner).
WARM_UP_DELAY_MS = 8000


class ModelUnavailable(TicketFlowError):
    """The model server or the local model could not serve (its own words): expected, not a bug."""


def model_errors_explained(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn`, its ClassificationError and OSError (a training process that could not run) turned into
    ModelUnavailable in the worker: ui/ops.py takes any exception that is not a TicketFlowError for a bug."""

    def run(*args: Any) -> Any:
        try:
            return fn(*args)
        except ClassificationError as error:
            raise ModelUnavailable(error.message) from error
        except OSError as error:
            raise ModelUnavailable(f"The local model could not be prepared: {error.strerror or error}") from error

    return run


class SuggestionState(StrEnum):
    """Where the Submit form's suggestion area is."""

    IDLE = "idle"  # nothing asked, or nothing to show
    PENDING = "pending"  # asked; the answer is awaited
    APPLIED = "applied"  # put into the fields (marked as suggested)
    OFFERED = "offered"  # not sure enough: offered with a "Use suggestion" button
    FAILED = "failed"  # no suggestion this time (the line says why)


class SuggestionEngine(QObject):
    started = Signal()
    finished = Signal(object)  # Outcome

    def __init__(self, context: AppContext, model_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.suggester = Suggester(model_path)
        self.suggester.train_apart = True  # its seconds of CPU never stall the window
        # Replaces fields of the LLM settings (timeout, retries) for every request: the settings dialog and tests.
        self.llm_overrides: dict[str, object] = {}
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh)
        self._waiting: set[Callable[[], None]] = set()
        self._warm_up_timer = QTimer(self, singleShot=True, interval=WARM_UP_DELAY_MS)
        self._warm_up_timer.timeout.connect(self._start_warm_up)
        context.database_opened.connect(self._use_service)
        context.tickets_changed.connect(self._tickets_changed)  # a method: dropped with this object
        if context.service is not None:
            self._use_service(context.service)

    def stored_settings(self) -> dict[str, object]:
        return self.context.settings.llm_fields()

    def offline(self) -> bool:
        return self.context.offline_flag or bool(self.context.settings.get("offline"))

    def request(self, title: str, description: str, mode: str = AUTO) -> None:
        stored, offline = self.stored_settings(), self.context.offline_flag
        self.started.emit()
        self.context.ops.read(
            self,
            self._run,
            stored,
            offline,
            title,
            description,
            mode,
            on_done=self.finished.emit,
            on_failed=self._failed,
            key="suggest",
            database=False,
        )

    def cancel(self) -> None:
        """Drop the request in flight (the form was cleared)."""
        self.context.ops.cancel(self, "suggest")

    def _run(self, stored: dict[str, object], offline: bool, title: str, description: str, mode: str) -> Outcome:
        """In a worker (the keyring and the model server may be slow)."""
        if not still_wanted():  # superseded while it waited for a worker: its result would be dropped anyway
            return Outcome(None, superseded=True)
        overrides = cast(dict[str, Any], self.llm_overrides)
        settings = replace(config.load_llm_settings(stored, offline=offline), **overrides)
        return self.suggester.suggest(settings, title, description, mode, wanted=still_wanted)

    def _failed(self, error: BaseException) -> None:
        # Not an expected model failure: a bug (ui/ops.py sends it to the crash dialog). The request still
        # ends in a definite state.
        log.error("suggestion failed: %s", type(error).__name__)
        self.finished.emit(Outcome(None, ClassificationError("bad_answer", "No suggestion this time.")))

    def _use_service(self, service: TicketService) -> None:
        self.suggester.set_database(DatabaseExamples(service.database.url), lambda: service.count(cap=None).value)
        self._warm_up_timer.start()

    def _at_next_pause(self, work: Callable[[], None]) -> None:
        """Training starts at the user's next pause, not while they scroll or type: the child process
        that trains takes a core for seconds, and starting it and loading its model is work here too
        (one waiting start per kind of work, however often it is asked for)."""
        if work in self._waiting:
            return
        self._waiting.add(work)

        def start() -> None:
            self._waiting.discard(work)
            work()

        when_idle(start, LATER_IDLE_MS)

    def _start_warm_up(self) -> None:
        self._at_next_pause(self._warm_up_now)

    def _warm_up_now(self) -> None:
        if self.suggester.has_local_model:
            return
        self.context.ops.read(
            self,
            model_errors_explained(self._warm_up),
            self.stored_settings(),
            self.context.offline_flag,
            key="local-model",
            on_failed=self._train_failed,
            database=False,
        )

    def _warm_up(self, stored: dict[str, object], offline: bool) -> None:
        # When local suggestions will be needed, load or train the model now rather than on first use.
        if not config.load_llm_settings(stored, offline=offline).usable:
            self.suggester.local_model()

    def _refresh(self) -> None:
        self._at_next_pause(self._refresh_now)

    def _tickets_changed(self, _change: object) -> None:
        self._refresh_timer.start()

    def _refresh_now(self) -> None:
        if self.context.service is not None and self.suggester.has_local_model:
            self.context.ops.read(
                self,
                model_errors_explained(self.suggester.refresh),
                key="local-model",
                on_failed=self._train_failed,
                database=False,
            )

    def _train_failed(self, error: BaseException) -> None:
        log.warning("the local model could not be prepared: %s", error)
