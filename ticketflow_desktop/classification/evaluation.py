"""Scoring suggestions against labelled examples: accuracy overall, per class and per language, confusion
matrices, and calibration (a reliability table and its expected calibration error). Pure Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

RELIABILITY_BINS = 10


@dataclass(frozen=True)
class Bin:
    """Predictions whose confidence fell in (low, high]: how sure the model said it was, how often it was right."""

    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


@dataclass(frozen=True)
class FieldScore:
    """One field (category or priority) scored over a set of examples."""

    labels: tuple[str, ...]
    n: int
    accuracy: float
    confusion: list[list[int]]  # rows: truth, columns: predicted (in `labels` order)
    recall: dict[str, float]  # per true class: how many of its examples were predicted right
    precision: dict[str, float]
    by_language: dict[str, tuple[float, int]]  # language: (accuracy, examples)
    reliability: list[Bin]  # empty when the model gave no confidence
    ece: float | None  # expected calibration error: the bins' |confidence - accuracy|, weighted by size


def confusion(truth: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]) -> list[list[int]]:
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(truth, predicted, strict=True):
        if p is not None:
            matrix[index[t]][index[p]] += 1
    return matrix


def reliability(confidences: Sequence[float], correct: Sequence[bool], bins: int = RELIABILITY_BINS) -> list[Bin]:
    out = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in zip(confidences, correct, strict=True) if low < c <= high or (b == 0 and c == 0)]
        if inside:
            out.append(
                Bin(
                    low,
                    high,
                    len(inside),
                    sum(c for c, _ in inside) / len(inside),
                    sum(ok for _, ok in inside) / len(inside),
                )
            )
    return out


def expected_calibration_error(table: Sequence[Bin]) -> float:
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.mean_confidence - b.accuracy) for b in table) / total if total else 0.0


def score_field(
    labels: Sequence[str],
    truth: Sequence[str],
    predicted: Sequence[str | None],
    confidences: Sequence[float | None],
    languages: Sequence[str | None],
) -> FieldScore:
    """`predicted` None: no answer (a failed request), counted wrong. Confidence None: not calibrated."""
    n = len(truth)
    correct = [t == p for t, p in zip(truth, predicted, strict=True)]
    matrix = confusion(truth, predicted, labels)
    recall, precision = {}, {}
    for i, label in enumerate(labels):
        support = sum(t == label for t in truth)  # unanswered examples count against recall
        called = sum(row[i] for row in matrix)
        recall[label] = matrix[i][i] / support if support else 0.0
        precision[label] = matrix[i][i] / called if called else 0.0
    by_language: dict[str, tuple[float, int]] = {}
    for lang in sorted({lang for lang in languages if lang}):
        picked = [ok for ok, language in zip(correct, languages, strict=True) if language == lang]
        by_language[lang] = (sum(picked) / len(picked), len(picked))
    known = [(c, ok) for c, ok in zip(confidences, correct, strict=True) if c is not None]
    table = reliability([c for c, _ in known], [ok for _, ok in known]) if known else []
    return FieldScore(
        tuple(labels),
        n,
        sum(correct) / n if n else 0.0,
        matrix,
        recall,
        precision,
        by_language,
        table,
        round(expected_calibration_error(table), 4) if table else None,
    )
