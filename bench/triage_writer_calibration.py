"""The priority's calibration against writers who label differently (issue 22): which out-of-fold scores to
fit its temperature, biases and top map on, chosen on training data alone.

    .venv/bin/python -m bench.triage_writer_calibration [--variants NAME;NAME] [--held-out] [--draws 300]

Leave one writer out over the three writers' sets in the corpus (fresh, fresh2, fresh3; bench/
make_triage_corpus.py WRITER_SETS): the corpus in its order without one writer's tickets, tested on them.
Prints per variant the priority's accuracy (pooled), calibration error (per writer, averaged, worst, and
over the three pooled), the log-loss of the true priority (pooled), stated confidence minus accuracy per
writer (positive: too sure) and the category's accuracy and error; then, against the first variant, how
far the averaged error and the log-loss differ over `--draws` resamplings of each writer's tickets (a 90%
interval: the noise of 560 tickets a writer, not of the writers themselves), and for the first what a
perfectly calibrated model with its confidences would score. `--held-out` also trains on
the whole corpus and prints the held-out sets' figures: a check after choosing, not something to choose on.

In the variants "W" is `bayes.BY_WRITER`: each writer's tickets (group "writer:NAME") scored by a model
that has read none of that writer's tickets; "IA" the shipped phrase splits (in its language, across
languages), where a writer's ticket is on its own, as in the shipped corpus.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from bench.triage_writers import gap, score
from ticketflow_desktop.classification.corpus import Example, read_jsonl, starter_corpus
from ticketflow_desktop.classification.evaluation import expected_calibration_error, reliability
from ticketflow_desktop.classification.local import LocalModel, bayes, model_text
from ticketflow_desktop.classification.local.bayes import (
    ACROSS_LANGUAGES,
    BY_WRITER,
    IN_LANGUAGE,
    WRITER_PREFIX,
    Calibration,
    Split,
)

DATA = Path(__file__).resolve().parent / "data"
WRITERS = {name: DATA / f"triage_eval_{name}.jsonl" for name in ("fresh", "fresh2", "fresh3")}
HELD_OUT = {"first": DATA / "triage_eval.jsonl", **{f"fresh{n}": DATA / f"triage_eval_fresh{n}.jsonl" for n in "4567"}}

IA = (IN_LANGUAGE, ACROSS_LANGUAGES)
APART = (Split(False, without_writers=True), Split(True, without_writers=True))  # IA without the writers' tickets
# name: (how the writers' tickets are grouped, the priority's calibration)
VARIANTS: dict[str, tuple[str, Calibration]] = {
    "shipped: T and top on IA": ("none", Calibration(IA, top=True)),
    "T on IA, top on IA + W": ("writer", Calibration(IA, top=True, top_splits=(*IA, BY_WRITER))),
    "T and top on IA + W": ("writer", Calibration((*IA, BY_WRITER), top=True)),
    "T on IA + W, top on IA": ("writer", Calibration((*IA, BY_WRITER), top=True, top_splits=IA)),
    "T on IA, top on W": ("writer", Calibration(IA, top=True, top_splits=(BY_WRITER,))),
    "T on IA, biases and top on W": ("writer", Calibration(IA, (BY_WRITER,), top=True)),
    "T on IA, biases and top on IA + W": ("writer", Calibration(IA, (*IA, BY_WRITER), top=True)),
    "T and top on W": ("writer", Calibration((BY_WRITER,), top=True)),
    "writers whole: T and top on IA without them + W": ("writer", Calibration((*APART, BY_WRITER), top=True)),
    "the same, W twice (the writers' share as shipped)": (
        "writer",
        Calibration((APART[0], BY_WRITER, APART[1], BY_WRITER), top=True),
    ),
    "writers' own scenario groups": ("ticket", Calibration(IA, top=True)),
    "T and top on in-language": ("none", Calibration((IN_LANGUAGE,), top=True)),
    "T and top on across": ("none", Calibration((ACROSS_LANGUAGES,), top=True)),
    "no top map": ("none", Calibration(IA)),
}


def corpus(grouping: str, without: str | None = None) -> list[Example]:
    """The starter corpus in its order (so the round-robin folds are the shipped ones), the writers' tickets
    grouped by `grouping` ("none" as shipped, "writer", or "ticket": their files' scenario groups), and
    writer `without` left out."""
    writer_of = {(e.title, e.description): (name, e.group) for name, path in WRITERS.items() for e in read_jsonl(path)}
    out = []
    for e in starter_corpus():
        name, group = writer_of.get((e.title, e.description), (None, None))
        if name is None:
            out.append(e)
        elif name != without:
            out.append(replace(e, group={"none": None, "writer": f"{WRITER_PREFIX}{name}", "ticket": group}[grouping]))
    return out


Answers = tuple[list[str], list[float], list[bool], list[float]]  # per ticket: writer, confidence, right, log-loss


def run(name: str, held_out: bool) -> Answers:
    import numpy as np

    grouping, plan = VARIANTS[name]
    bayes.CALIBRATION = (bayes.CALIBRATION[0], plan)
    per, writers, confidence, right, loss = [], [], [], [], []
    for writer, path in WRITERS.items():
        model = LocalModel.train(corpus(grouping, writer))
        examples = read_jsonl(path)
        cat, pri = score(model, examples)
        per.append((writer, cat, pri))
        _, p = model.weights.probabilities(
            model.features.transform([model_text(e.title, e.description) for e in examples])
        )
        truth = np.asarray([model.weights.labels[1].index(e.priority.value) for e in examples])
        confidence += p.max(axis=0).tolist()
        right += (p.argmax(axis=0) == truth).tolist()
        loss += (-np.log(np.maximum(p[truth, np.arange(len(truth))], 1e-12))).tolist()
        writers += [writer] * len(examples)
    n = sum(c.n for _, c, _ in per)
    eces = [p.ece or 0.0 for _, _, p in per]
    print(
        f"{name}\n  priority {sum(p.accuracy * p.n for _, _, p in per) / n * 100:.1f}%, error {np.mean(eces):.3f} "
        f"(worst {max(eces):.3f}, pooled {expected_calibration_error(reliability(confidence, right)):.3f}), "
        f"log-loss {np.mean(loss):.4f}; sure by "
        + " ".join(f"{w} {gap(p):+.3f}" for w, _, p in per)
        + f"; category {sum(c.accuracy * c.n for _, c, _ in per) / n * 100:.1f}% / "
        f"{np.mean([c.ece or 0.0 for _, c, _ in per]):.3f}",
        flush=True,
    )
    if held_out:
        model = LocalModel.train(corpus(grouping))
        figures = []
        for set_name, path in HELD_OUT.items():
            cat, pri = score(model, read_jsonl(path))
            figures.append(
                f"{set_name} {cat.accuracy * 100:.1f}%/{cat.ece:.3f} {pri.accuracy * 100:.1f}%/{pri.ece:.3f}"
            )
        print("  held out (category, priority): " + ", ".join(figures), flush=True)
    return writers, confidence, right, loss


def _resampled(answers: Answers, draws: list[list[int]]) -> list[tuple[float, float]]:
    """(calibration error averaged over the writers, mean log-loss) for each draw of ticket indices."""
    writers, confidence, right, loss = answers
    out = []
    for draw in draws:
        errors = [
            expected_calibration_error(
                reliability(
                    [confidence[i] for i in draw if writers[i] == w], [right[i] for i in draw if writers[i] == w]
                )
            )
            for w in WRITERS
        ]
        out.append((sum(errors) / len(errors), sum(loss[i] for i in draw) / len(draw)))
    return out


def floor(answers: Answers, count: int = 200) -> str:
    """What a perfectly calibrated model with these confidences would score: each answer right with the
    probability it states."""
    import numpy as np

    writers, confidence, _, _ = answers
    rng = np.random.default_rng(1)
    averages = []
    for _ in range(count):
        errors = []
        for w in WRITERS:
            stated = [c for c, name in zip(confidence, writers, strict=True) if name == w]
            drawn = (rng.random(len(stated)) < np.asarray(stated)).tolist()
            errors.append(expected_calibration_error(reliability(stated, drawn)))
        averages.append(sum(errors) / len(errors))
    mean, high = np.mean(averages), np.percentile(averages, 90)
    return f"  perfectly calibrated at these confidences: error {mean:.3f} (90th percentile {high:.3f})"


def compare(base: Answers, other: Answers, draws: list[list[int]]) -> str:
    import numpy as np

    a, b = np.asarray(_resampled(base, draws)), np.asarray(_resampled(other, draws))
    low, high = np.percentile(b - a, [5, 95], axis=0)
    return f"  against the first: error {low[0]:+.4f} to {high[0]:+.4f}, log-loss {low[1]:+.4f} to {high[1]:+.4f}"


def main(argv: list[str]) -> int:
    import numpy as np

    names = argv[argv.index("--variants") + 1].split(";") if "--variants" in argv else list(VARIANTS)
    count = int(argv[argv.index("--draws") + 1]) if "--draws" in argv else 300
    draws: list[list[int]] = []
    first: Answers | None = None
    for name in names:
        answers = run(name, "--held-out" in argv)
        if first is None:
            first = answers
            rng = np.random.default_rng(0)
            where = [np.flatnonzero(np.asarray(answers[0]) == w) for w in WRITERS]
            draws = [np.concatenate([rng.choice(w, len(w)) for w in where]).tolist() for _ in range(count)]
            print(floor(answers), flush=True)
        elif count:
            print(compare(first, answers, draws), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
