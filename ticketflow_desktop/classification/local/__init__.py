"""Suggestions without a network: TF-IDF features (word and character n-grams, plus impact and topic
cues in eight languages) and calibrated complement naive Bayes, in numpy alone (scikit-learn and scipy
would add 90 MB to the build for this one model).

Learned from the starter corpus and the database's own tickets (the agents' final choices, weighted
higher). numpy is imported inside the functions, so the command line starts without it.

The parts, each below the one before: `model_file` (the model on disk), `bayes` (the classifier, its
training and calibration), `features` (text to TF-IDF), `sparse` (the matrices); `cues` (words that
mark impact and topic) beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ticketflow_desktop.classification.corpus import Example, starter_fingerprint
from ticketflow_desktop.classification.local import bayes, model_file
from ticketflow_desktop.classification.local.bayes import Weights
from ticketflow_desktop.classification.local.cues import with_cues
from ticketflow_desktop.classification.local.features import Features
from ticketflow_desktop.classification.prompt import ticket_text
from ticketflow_desktop.domain import Category, Priority, Suggestion, SuggestionSource

MODEL_NAME = "local"
# Below this confidence (the weaker field's calibrated probability) a suggestion is offered, not filled in.
# Measured (README "Calibration"): at 0.6, 72% of the first held-out set's suggestions fill the form and 86%
# of those have both fields right; 55-56% and 65-67% on the fresh sets; 0.65 would fill as often as 0.6 did
# before the priority's top map (65% and 88%; 43-46% and 68-69%).
CONFIDENCE_THRESHOLD = 0.6


@dataclass
class LocalModel:
    features: Features
    weights: Weights
    trained_on_tickets: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def train(cls, examples: Sequence[Example], trained_on_tickets: int = 0) -> LocalModel:
        import numpy as np

        if len({e.category for e in examples}) < 2 or len({e.priority for e in examples}) < 2:
            raise ValueError("training needs examples of at least two categories and two priorities")
        if any(e.weight < 0 for e in examples) or sum(e.weight for e in examples) <= 0:
            raise ValueError("example weights must be non-negative, and not all zero")
        features, design = Features.fit([model_text(e.title, e.description) for e in examples])
        targets = ([e.category.value for e in examples], [e.priority.value for e in examples])
        sample_weights = np.asarray([e.weight for e in examples], np.float64)
        weights = bayes.fit(design, targets, sample_weights, [e.group for e in examples])
        return cls(features, weights, trained_on_tickets, {"examples": len(examples), "starter": starter_fingerprint()})

    def predict(self, title: str, description: str) -> Suggestion:
        return self.predict_many([(title, description)])[0]

    def predict_many(self, items: Sequence[tuple[str, str]]) -> list[Suggestion]:
        import numpy as np

        if not items:
            return []
        design = self.features.transform([model_text(t, d) for t, d in items])
        cat_p, pri_p = self.weights.probabilities(design)
        cat_labels, pri_labels = self.weights.labels
        ci, pi = cat_p.argmax(axis=0), pri_p.argmax(axis=0)
        cat_conf, pri_conf = cat_p.max(axis=0), pri_p.max(axis=0)
        # The weaker of the two decides how much the pair can be trusted.
        confidence = np.minimum(cat_conf, pri_conf)
        return [
            Suggestion(
                Category(cat_labels[c]),
                Priority(pri_labels[p]),
                SuggestionSource.LOCAL,
                model=MODEL_NAME,
                confidence=round(conf, 3),
                category_confidence=round(c_conf, 3),
                priority_confidence=round(p_conf, 3),
            )
            for c, p, conf, c_conf, p_conf in zip(
                ci.tolist(), pi.tolist(), confidence.tolist(), cat_conf.tolist(), pri_conf.tolist(), strict=True
            )
        ]

    def field_probabilities(self, title: str, description: str) -> dict[str, dict[str, float]]:
        """Every value's probability, per field: {"category": {"billing": 0.7, ...}, "priority": {...}}."""
        design = self.features.transform([model_text(title, description)])
        fields = ("category", "priority")
        return {
            field: {label: float(p) for label, p in zip(labels, probabilities[:, 0].tolist(), strict=True)}
            for field, labels, probabilities in zip(
                fields, self.weights.labels, self.weights.probabilities(design), strict=True
            )
        }

    def save(self, path: Path) -> None:
        model_file.save(path, self.features, self.weights, self.trained_on_tickets, self.meta)

    @classmethod
    def load(cls, path: Path) -> LocalModel | None:
        """The saved model, or None when absent, unreadable, damaged or of another format."""
        saved = model_file.load(path)
        return None if saved is None else cls(*saved)


def model_text(title: str, description: str) -> str:
    """What the model reads: the ticket's text and its cue words."""
    return with_cues(ticket_text(title, description))


def is_confident(suggestion: Suggestion) -> bool:
    return suggestion.confidence is None or suggestion.confidence >= CONFIDENCE_THRESHOLD
