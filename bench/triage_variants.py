"""Accuracy and calibration of the local model trained on the starter corpus, on every held-out set at
once, and on a cross-validation of the realistic corpus that holds out whole scenarios and impact sentences
in all eight languages (a problem the corpus has in no language). Prints a table per calibration variant.

    .venv/bin/python -m bench.triage_variants [--all] [--no-cv]

`--all` compares the calibrations of README "Calibration" (default: the shipped one only). The fresh sets
(bench/data/triage_eval_fresh*.jsonl) are only measured here, never trained or fitted on.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bench.make_triage_corpus import EVAL_FILE
from ticketflow_desktop.classification.corpus import Example, read_jsonl, starter_corpus
from ticketflow_desktop.classification.evaluation import FieldScore, score_field
from ticketflow_desktop.classification.local import LocalModel, bayes
from ticketflow_desktop.classification.local.bayes import ACROSS_LANGUAGES, HALVES, IN_LANGUAGE, Split
from ticketflow_desktop.domain import Suggestion

FRESH = [EVAL_FILE.with_name(n) for n in ("triage_eval_fresh.jsonl", "triage_eval_fresh2.jsonl")]
_PRIORITY = bayes.CALIBRATION[1]
THIRDS = Split(True, 3)
# Category calibrations compared (the priority's stays as shipped): the splits for the temperature (and
# biases), then those that refit the biases alone.
VARIANTS: dict[str, tuple[tuple[Split, ...], tuple[Split, ...]]] = {
    "before: phrase in language + across, 5 folds": ((IN_LANGUAGE, ACROSS_LANGUAGES), ()),
    "across languages, 5 folds": ((ACROSS_LANGUAGES,), ()),
    "across, 3 folds": ((THIRDS,), ()),
    "across, 2 folds (halves)": ((HALVES,), ()),
    "halves; biases on 5 folds": ((HALVES,), (ACROSS_LANGUAGES,)),
    "thirds; biases on 5 folds": ((THIRDS,), (ACROSS_LANGUAGES,)),
    "halves + 5 folds; biases on 5 folds": ((HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,)),
}


def _score(examples: Sequence[Example], predicted: Sequence[Suggestion]) -> dict[str, FieldScore]:
    out = {}
    for field in ("category", "priority"):
        out[field] = score_field(
            sorted({getattr(e, field).value for e in examples}),
            [getattr(e, field).value for e in examples],
            [getattr(p, field).value for p in predicted],
            [p.category_confidence if field == "category" else p.priority_confidence for p in predicted],
            [e.lang for e in examples],
        )
    return out


def scenario_cv(starter: Sequence[Example]) -> dict[str, FieldScore]:
    """5 folds of the grouped (realistic) examples by scenario and impact sentence across languages: a ticket
    is tested in fold f when both fall in f, by a model trained on the tickets neither of whose fall in f."""
    grouped = [e for e in starter if e.group]
    rest = [e for e in starter if not e.group]
    folds = [bayes._fold_of([bayes._part(e.group, part, across_languages=True) for e in grouped]) for part in (0, 1)]
    tested: list[Example] = []
    predicted: list[Suggestion] = []
    for f in range(bayes._FOLDS):
        held = [e for e, a, b in zip(grouped, *folds, strict=True) if a == f and b == f]
        train = [e for e, a, b in zip(grouped, *folds, strict=True) if a != f and b != f]
        model = LocalModel.train(train + rest)
        tested += held
        predicted += model.predict_many([(e.title, e.description) for e in held])
    return _score(tested, predicted)


def _row(name: str, s: dict[str, FieldScore]) -> str:
    c, p = s["category"], s["priority"]
    return f"  {name:<12} {c.accuracy:6.1%} {p.accuracy:6.1%}   {c.ece:.3f} / {p.ece:.3f}  ({c.n})"


def measure(starter: Sequence[Example], cv: bool) -> None:
    model = LocalModel.train(starter)
    print(f"  {'set':<12} {'cat':>6} {'pri':>6}   ECE cat / pri")
    for path in [EVAL_FILE, *FRESH]:
        examples = read_jsonl(path)
        predicted = model.predict_many([(e.title, e.description) for e in examples])
        print(_row(path.stem.removeprefix("triage_eval").strip("_") or "first", _score(examples, predicted)))
        sys.stdout.flush()
    if cv:
        print(_row("scenario CV", scenario_cv(starter)))


def main(argv: Sequence[str]) -> None:
    starter = starter_corpus()
    shipped = bayes.CALIBRATION
    variants = VARIANTS if "--all" in argv else {"shipped": shipped[0]}
    for name, category in variants.items():
        print(name)
        bayes.CALIBRATION = (category, _PRIORITY)
        measure(starter, "--no-cv" not in argv)
    bayes.CALIBRATION = shipped


if __name__ == "__main__":
    main(sys.argv[1:])
