"""The Submit form's suggestion state machine: when to ask, and what to do with the answer.

Asked at the agent's pause in typing (once per text, unless both fields were chosen by hand) or by
Suggest; the answer is put into the fields when the model is sure (each marked as suggested), offered
with "Use suggestion" when it is not, and never over a field the agent chose by hand unless they asked.
The state (a SuggestionState) is IDLE or PENDING until the answer settles it; `settled` says so.

The form (ui/submit/tab.py) owns the layout and the widgets; this object only drives the ones it is
given, and tells the form by signals when the fields changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from ticketflow_desktop.classification.local import is_confident
from ticketflow_desktop.classification.suggest import AUTO, Outcome
from ticketflow_desktop.domain import Suggestion
from ticketflow_desktop.ui.submit.draft_store import suggestion_from_json, suggestion_to_json
from ticketflow_desktop.ui.submit.fields import EnumChooser, SuggestionMark, field_confidence, percent
from ticketflow_desktop.ui.submit.suggestions import SuggestionEngine, SuggestionState

AUTO_SUGGEST_MIN_CHARS = 10
FIELDS = ("category", "priority")


class SuggestionFlow(QObject):
    settled = Signal(str)  # a SuggestionState other than PENDING
    filled = Signal()  # fields were set from a suggestion: the form validates
    suggested = Signal()  # a new suggestion belongs to the draft: the form saves it
    taken = Signal()  # "Use suggestion" was pressed: the form moves the focus on before the button hides

    def __init__(
        self,
        engine: SuggestionEngine,
        *,
        texts: Callable[[], tuple[str, str]],
        may_ask: Callable[[], bool],
        fields: dict[str, tuple[EnumChooser, SuggestionMark]],
        status: QLabel,
        use_button: QPushButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._texts, self._may_ask = texts, may_ask
        self._fields, self._status, self._use_button = fields, status, use_button
        self.state = SuggestionState.IDLE
        self.suggestion: Suggestion | None = None  # what the classifier said for this draft
        self.offered: Suggestion | None = None
        self.manual = dict.fromkeys(FIELDS, False)  # chosen by hand
        self.asked_text: tuple[str, str] | None = None  # the text of the newest request, whatever asked
        self._pending_text: tuple[str, str] | None = None
        self._explicit = False
        engine.finished.connect(self._answered)

    # --- asking ----------------------------------------------------------------------------------

    def ask_at_pause(self) -> None:
        """At a pause in typing or when the description is left: ask once per text, unless the agent chose both."""
        title, description = self._texts()
        if (
            not self._may_ask()
            or len(title.strip()) + len(description.strip()) < AUTO_SUGGEST_MIN_CHARS
            or all(self.manual.values())
            or (title, description) == self.asked_text
        ):
            return
        self._request(explicit=False)

    def suggest_now(self) -> None:
        title, description = self._texts()
        if not (title.strip() or description.strip()):
            self._settle(SuggestionState.IDLE, "Write a title or description first.")
            return
        self._request(explicit=True)

    def _request(self, explicit: bool) -> None:
        text = self._texts()
        if self.state == SuggestionState.PENDING and text == self._pending_text:
            # Clicking Suggest moves focus out of the description, which has already asked: one request.
            self._explicit = self._explicit or explicit
            return
        self._pending_text = self.asked_text = text
        self._explicit = explicit
        self.state = SuggestionState.PENDING
        self._status.setText("Suggesting…")
        self.engine.request(*text, AUTO)

    # --- the answer ------------------------------------------------------------------------------

    def _answered(self, outcome: Outcome) -> None:
        suggestion, error = outcome.suggestion, outcome.error
        notes = []
        if error is not None:
            notes.append(error.message)
        elif outcome.offline_reason:
            notes.append(f"{outcome.offline_reason}: suggestions come from the local model.")
        if suggestion is None:
            self._settle(SuggestionState.FAILED, " ".join(notes) or "No suggestion this time.")
            return
        self.suggestion = suggestion
        self.suggested.emit()
        # A language model's answer that may have been steered (or that the local model finds very
        # unlikely) is only offered, with the reason: the ticket's text is data, never a decision.
        if is_confident(suggestion) and outcome.caution is None:
            self._fill(suggestion, both=self._explicit)
            if error is not None:
                notes.append("Local suggestion used.")
            self._settle(SuggestionState.APPLIED, " ".join(notes))
            return
        if outcome.caution is not None:
            answer = f"{suggestion.category.label}, {suggestion.priority.label}"
            notes.append(f"The language model suggests {answer}. {outcome.caution}")
        else:
            notes.append(
                f"Local suggestion: {suggestion.category.label} "
                f"({percent(field_confidence(suggestion, 'category') or 0)} sure), {suggestion.priority.label} "
                f"({percent(field_confidence(suggestion, 'priority') or 0)} sure)."
            )
        # Once the agent chose a field by hand, only their own Suggest click brings the offer back.
        if self._explicit or not any(self.manual.values()):
            self._offer(suggestion)
            self._settle(SuggestionState.OFFERED, " ".join(notes))
        else:
            self._settle(SuggestionState.IDLE, " ".join(notes))

    def _offer(self, suggestion: Suggestion) -> None:
        """Show the suggestion as a chip to click: what it would fill in, not yet filled."""
        self.offered = suggestion
        self._use_button.setText(f"Use {suggestion.category.label} · {suggestion.priority.label}")
        self._use_button.setToolTip("Put this suggestion into Category and Priority")
        self._use_button.show()

    def _settle(self, state: SuggestionState, text: str) -> None:
        if state != SuggestionState.OFFERED:
            self.offered = None
            self._use_button.hide()
        self.state = state
        self._status.setText(text)
        self.settled.emit(state)

    def use_offered(self) -> None:
        if self.offered is not None:
            self._fill(self.offered, both=True)
            self.taken.emit()  # before the button hides: Qt would move focus to Clear, where Space empties the form
            self._settle(SuggestionState.APPLIED, "")

    def _fill(self, suggestion: Suggestion, both: bool) -> None:
        for field, value in (("category", suggestion.category), ("priority", suggestion.priority)):
            if self.manual[field] and not both:
                continue
            box, mark = self._fields[field]
            box.set_value(value)
            self.manual[field] = False
            mark.show_suggestion(suggestion, field)
        self.filled.emit()

    # --- the agent, and the draft ----------------------------------------------------------------

    def chosen_by_hand(self, field: str) -> None:
        self.manual[field] = True
        self._fields[field][1].hide()
        if self.offered is not None:  # the agent chose: the offer is moot (its line stays, for reference)
            self.offered = None
            self._use_button.hide()

    def reset(self) -> None:
        """No suggestion for this draft (the form was cleared, or another draft is put in)."""
        self.suggestion = None
        self.manual = dict.fromkeys(FIELDS, False)
        for _box, mark in self._fields.values():
            mark.hide()
        self.engine.cancel()
        self._settle(SuggestionState.IDLE, "")

    def draft_state(self) -> dict[str, Any]:
        """What the draft on disk keeps of the suggestion."""
        return {
            "manual": dict(self.manual),
            "marks": {field: not mark.isHidden() for field, (_box, mark) in self._fields.items()},
            "suggestion": suggestion_to_json(self.suggestion),
        }

    def window_state(self) -> dict[str, Any]:
        """What only lives in the window (an offer, the status line), for undoing a Clear."""
        return {"offered": suggestion_to_json(self.offered), "status": self._status.text(), "asked": self.asked_text}

    def restore(self, state: dict[str, Any]) -> None:
        """Put back what `draft_state` and `window_state` kept (after `reset`, with the fields filled)."""
        manual = state.get("manual") or {}
        self.manual = {k: bool(manual.get(k)) for k in FIELDS}
        self.suggestion = suggestion_from_json(state.get("suggestion"))
        marks = state.get("marks") or {}
        if self.suggestion is not None:
            for field, (_box, mark) in self._fields.items():
                if marks.get(field) and not self.manual[field]:
                    mark.show_suggestion(self.suggestion, field)
        offered = suggestion_from_json(state.get("offered"))
        self.offered = None
        self._use_button.hide()
        if offered is not None:
            self._offer(offered)
            self.state = SuggestionState.OFFERED
        self._status.setText(str(state.get("status") or ""))
        asked = state.get("asked")
        self.asked_text = (asked[0], asked[1]) if isinstance(asked, (list, tuple)) and len(asked) == 2 else None
