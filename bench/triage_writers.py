"""Does training on independent writers' tickets help on writers the model has never seen? (issue 22)

    .venv/bin/python -m bench.triage_writers [--weights 1,2,3] [--groups none,writer] [--no-lowo]

Trains the local model on the starter corpus (without the writers' sets it ships with) plus the fresh
sets named in WRITERS_TRAIN (each a different writer), at several weights and with two ways to place them
in the calibration folds, and prints, per variant: accuracy and calibration error on the sets that stay
held out (TEST), and a leave-one-writer-out estimate over the six fresh sets (the corpus and five
writers, the sixth tested).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ticketflow_desktop.classification.corpus import Example, read_jsonl, starter_corpus
from ticketflow_desktop.classification.evaluation import FieldScore, score_field
from ticketflow_desktop.classification.local import LocalModel
from ticketflow_desktop.domain import Category, Priority

DATA = Path(__file__).resolve().parent / "data"
FRESH = {f"fresh{n}": DATA / f"triage_eval_fresh{n}.jsonl" for n in ("", "2", "3", "4", "5", "6")}
WRITERS_TRAIN = ("fresh", "fresh2", "fresh3")
TEST = {"first": DATA / "triage_eval.jsonl", **{k: FRESH[k] for k in ("fresh4", "fresh5", "fresh6")}}


def as_training(name: str, weight: float, grouping: str) -> list[Example]:
    """A writer's tickets as training examples: `grouping` "none" (each ticket its own fold), "writer"
    (the whole writer in one calibration fold, as an unseen writer is) or "ticket" (their own groups)."""
    out = []
    for e in read_jsonl(FRESH[name]):
        writer = f"writer-{name}"  # as bench/make_triage_corpus.py names them
        group = {"none": None, "writer": f"{writer}/{writer}", "ticket": e.group}[grouping]
        out.append(replace(e, weight=weight, group=group))
    return out


def score(model: LocalModel, examples: Sequence[Example]) -> tuple[FieldScore, FieldScore]:
    predicted = model.predict_many([(e.title, e.description) for e in examples])
    langs = [e.lang for e in examples]
    cat = score_field(
        [c.value for c in Category],
        [e.category.value for e in examples],
        [p.category.value for p in predicted],
        [p.category_confidence for p in predicted],
        langs,
    )
    pri = score_field(
        [p.value for p in Priority],
        [e.priority.value for e in examples],
        [p.priority.value for p in predicted],
        [p.priority_confidence for p in predicted],
        langs,
    )
    return cat, pri


def line(name: str, cat: FieldScore, pri: FieldScore) -> str:
    ci = {label: i for i, label in enumerate(cat.labels)}
    tb = cat.confusion[ci["technical"]][ci["billing"]]
    ta = cat.confusion[ci["technical"]][ci["account"]]
    return (
        f"{name:8} cat {cat.accuracy * 100:5.1f}% / {cat.ece:.3f}  pri {pri.accuracy * 100:5.1f}% / {pri.ece:.3f}"
        f"  high {pri.recall['high'] * 100:3.0f}% med {pri.recall['medium'] * 100:3.0f}%"
        f" tech {cat.recall['technical'] * 100:3.0f}%  t->b {tb:2} t->a {ta:2}  pri sure by {gap(pri):+.3f}"
    )


def gap(field: FieldScore) -> float:
    """Stated confidence minus accuracy, over all answers: positive is too sure."""
    return sum(b.count * (b.mean_confidence - b.accuracy) for b in field.reliability) / field.n


def pooled(results: list[tuple[FieldScore, FieldScore]]) -> str:
    n = sum(c.n for c, _ in results)
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    return (
        f"{'LOWO':8} cat {sum(c.accuracy * c.n for c, _ in results) / n * 100:5.1f}% / "
        f"{mean([c.ece for c, _ in results]):.3f} (max {max(c.ece for c, _ in results):.3f})  "
        f"pri {sum(p.accuracy * p.n for _, p in results) / n * 100:5.1f}% / {mean([p.ece for _, p in results]):.3f}"
        f" (max {max(p.ece for _, p in results):.3f})  high {mean([p.recall['high'] for _, p in results]) * 100:3.0f}%"
        f"  cat min {min(c.accuracy for c, _ in results) * 100:.1f}%"
        f" pri min {min(p.accuracy for _, p in results) * 100:.1f}%"
    )


def main(argv: list[str]) -> int:
    weights = [float(w) for w in (argv[argv.index("--weights") + 1] if "--weights" in argv else "1,2,3").split(",")]
    groupings = (argv[argv.index("--groups") + 1] if "--groups" in argv else "none,writer").split(",")
    lowo = "--no-lowo" not in argv
    # The corpus without the writers it now ships with (bench/make_triage_corpus.py WRITER_SETS).
    shipped = {(e.title, e.description) for name in WRITERS_TRAIN for e in read_jsonl(FRESH[name])}
    base = [e for e in starter_corpus() if (e.title, e.description) not in shipped]
    tests = {name: read_jsonl(path) for name, path in TEST.items()}
    fresh = {name: read_jsonl(path) for name, path in FRESH.items()}
    variants: list[tuple[str, float, str]] = [("corpus only", 0.0, "none")]
    variants += [(f"+3 writers w={w:g} folds={g}", w, g) for w in weights for g in groupings]
    if "--no-base" in argv:
        variants = variants[1:]
    for title, weight, grouping in variants:
        print(f"== {title}", flush=True)
        extra = [] if weight == 0 else [e for n in WRITERS_TRAIN for e in as_training(n, weight, grouping)]
        model = LocalModel.train(base + extra)
        for name, examples in tests.items():
            print(line(name, *score(model, examples)), flush=True)
        if not lowo:
            continue
        results = []
        for held in FRESH:
            if weight == 0:
                results.append(score(model, fresh[held]))
            else:
                others = [e for n in FRESH if n != held for e in as_training(n, weight, grouping)]
                results.append(score(LocalModel.train(base + others), fresh[held]))
            print("  " + line(held, *results[-1]), flush=True)
        print(pooled(results), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
