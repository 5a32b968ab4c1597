"""Scoring: per-class and per-language accuracy, and the calibration error of stated confidences."""

from __future__ import annotations

import pytest

from ticketflow_desktop.classification.evaluation import expected_calibration_error, reliability, score_field


def test_a_model_right_as_often_as_it_says_has_no_calibration_error() -> None:
    confidences = [0.8] * 10 + [0.3] * 10
    correct = [True] * 8 + [False] * 2 + [True] * 3 + [False] * 7
    assert expected_calibration_error(reliability(confidences, correct)) == pytest.approx(0.0)


def test_an_overconfident_model_has_the_gap_as_its_error() -> None:
    table = reliability([0.9] * 10, [True] * 6 + [False] * 4)
    assert [(b.count, b.mean_confidence, b.accuracy) for b in table] == [(10, pytest.approx(0.9), 0.6)]
    assert expected_calibration_error(table) == pytest.approx(0.3)


def test_score_field_counts_classes_languages_and_unanswered() -> None:
    score = score_field(
        ["billing", "technical"],
        ["billing", "billing", "technical", "technical"],
        ["billing", "technical", "technical", None],
        [0.9, 0.6, 0.7, None],
        ["de", "de", "fr", "fr"],
    )
    assert score.accuracy == 0.5
    assert score.confusion == [[1, 1], [0, 1]]
    assert score.recall == {"billing": 0.5, "technical": 0.5}
    assert score.precision == {"billing": 1.0, "technical": 0.5}
    assert score.by_language == {"de": (0.5, 2), "fr": (0.5, 2)}
    assert sum(b.count for b in score.reliability) == 3
