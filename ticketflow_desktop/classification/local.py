"""Suggestions without a network: TF-IDF (word and character n-grams) and a linear model (logistic loss).

Learned from the starter corpus and the database's own tickets (the agents' final choices, weighted
higher). scikit-learn is imported only inside these functions, so start-up never pays for it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ticketflow_desktop.classification.corpus import Example
from ticketflow_desktop.classification.prompt import ticket_text
from ticketflow_desktop.domain import Category, Priority, Suggestion, SuggestionSource

MODEL_NAME = "local"
FORMAT_VERSION = 2
# Below this confidence a local suggestion is offered, not filled in.
CONFIDENCE_THRESHOLD = 0.45


class _Features:
    """Word and character TF-IDF side by side (a FeatureUnion without its joblib machinery, which warns
    when used from a worker thread)."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)

    def fit(self, texts: Sequence[str], _y: object = None) -> _Features:
        self.words.fit(texts)
        self.chars.fit(texts)
        return self

    def transform(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import hstack

        return hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()


class _TextClassifier:
    def __init__(self) -> None:
        from sklearn.linear_model import SGDClassifier

        self.features = _Features()
        # Logistic loss (probabilities for the confidence) fitted by SGD: as accurate here as lbfgs, ten times faster.
        self.model = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, tol=None, random_state=0)

    def fit(self, texts: Sequence[str], labels: Sequence[str], weights: Sequence[float]) -> _TextClassifier:
        self.model.fit(self.features.fit(texts).transform(texts), labels, sample_weight=weights)
        return self

    @property
    def classes_(self) -> Any:
        return self.model.classes_

    def predict_proba(self, texts: Sequence[str]) -> Any:
        return self.model.predict_proba(self.features.transform(texts))


@dataclass
class LocalModel:
    category: Any  # fitted _TextClassifier
    priority: Any
    trained_on_tickets: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def train(cls, examples: Sequence[Example], trained_on_tickets: int = 0) -> LocalModel:
        if len({e.category for e in examples}) < 2 or len({e.priority for e in examples}) < 2:
            raise ValueError("training needs examples of at least two categories and two priorities")
        texts = [ticket_text(e.title, e.description) for e in examples]
        weights = [e.weight for e in examples]
        category = _TextClassifier().fit(texts, [e.category.value for e in examples], weights)
        priority = _TextClassifier().fit(texts, [e.priority.value for e in examples], weights)
        return cls(category, priority, trained_on_tickets, {"examples": len(examples)})

    def predict(self, title: str, description: str) -> Suggestion:
        return self.predict_many([(title, description)])[0]

    def predict_many(self, items: Sequence[tuple[str, str]]) -> list[Suggestion]:
        texts = [ticket_text(t, d) for t, d in items]
        cat_p, pri_p = self.category.predict_proba(texts), self.priority.predict_proba(texts)
        cat_labels, pri_labels = self.category.classes_, self.priority.classes_
        out = []
        for cp, pp in zip(cat_p, pri_p, strict=True):
            ci, pi = int(cp.argmax()), int(pp.argmax())
            out.append(
                Suggestion(
                    Category(cat_labels[ci]),
                    Priority(pri_labels[pi]),
                    SuggestionSource.LOCAL,
                    model=MODEL_NAME,
                    # The weaker of the two decides how much the pair can be trusted.
                    confidence=round(float(min(cp[ci], pp[pi])), 3),
                )
            )
        return out

    # --- persistence: joblib beside a small JSON header checked before unpickling --------------

    def save(self, path: Path) -> None:
        import joblib
        import sklearn

        path.parent.mkdir(parents=True, exist_ok=True)
        header = {"format": FORMAT_VERSION, "sklearn": sklearn.__version__, "tickets": self.trained_on_tickets}
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".model-", suffix=".tmp")
        os.close(fd)
        tmp = Path(name)
        try:
            joblib.dump((self.category, self.priority, self.meta), tmp)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        _write_atomically(_header_path(path), json.dumps(header))

    @classmethod
    def load(cls, path: Path) -> LocalModel | None:
        """The saved model, or None when absent, unreadable or made by another scikit-learn."""
        import joblib
        import sklearn

        try:
            header = json.loads(_header_path(path).read_text("utf-8"))
            if header.get("format") != FORMAT_VERSION or header.get("sklearn") != sklearn.__version__:
                return None
            category, priority, meta = joblib.load(path)
        except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError, ImportError):
            return None
        return cls(category, priority, int(header.get("tickets", 0)), meta)


def _header_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _write_atomically(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".hdr-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    Path(name).replace(path)


def is_confident(suggestion: Suggestion) -> bool:
    return suggestion.confidence is None or suggestion.confidence >= CONFIDENCE_THRESHOLD

