"""Accuracy and calibration of the local model trained on the starter corpus, on every held-out set at
once, and on a cross-validation of the realistic corpus that holds out whole scenarios and impact sentences
in all eight languages (a problem the corpus has in no language). Prints a table per calibration variant.

    .venv/bin/python -m bench.triage_variants [--all] [--no-cv] [--realistic FILE]
    .venv/bin/python -m bench.triage_variants --priority

`--all` compares the category's calibrations of README "Calibration" (default: the shipped one only);
each row also counts technical tickets called billing per set (and called account, general ones called
technical, billing ones called technical), and (unless `--no-cv`) the scenario CV and
`ticketflow eval --cv 5` on the 640 and on the realistic corpus. `--realistic FILE` trains on another
realistic corpus in place of the shipped one; the one before the category's relabelling (README "The
category's confusion and calibration") is
`git show 664e980:ticketflow_desktop/classification/data/realistic_corpus.jsonl`.
`--priority` compares the priority's calibration maps of README "Calibration": each is fitted here on the
out-of-fold scores the shipped training computes (the model trained once on the starter corpus, and once
per fold of the scenario cross-validation), so they differ only in the map. The fresh sets still held out
(bench/data/triage_eval_fresh4-6.jsonl) are only measured here, never trained or fitted on; fresh, fresh2
and fresh3 are in the shipped corpus since issue 22's writers (bench/make_triage_corpus.py WRITER_SETS).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bench.make_triage_corpus import EVAL_FILE
from ticketflow_desktop.classification.corpus import REALISTIC_CORPUS, Example, read_jsonl, starter_corpus
from ticketflow_desktop.classification.evaluation import (
    FieldScore,
    expected_calibration_error,
    reliability,
    score_field,
)
from ticketflow_desktop.classification.local import LocalModel, bayes, model_text
from ticketflow_desktop.classification.local.bayes import (
    ACROSS_LANGUAGES,
    HALVES,
    IN_LANGUAGE,
    Calibration,
    Split,
    fit_top,
    map_top,
    softmax,
)
from ticketflow_desktop.classification.local.features import Features
from ticketflow_desktop.domain import Suggestion

REALISTIC = Path(str(files("ticketflow_desktop.classification").joinpath("data", REALISTIC_CORPUS)))
FRESH = [EVAL_FILE.with_name(f"triage_eval_fresh{n}.jsonl") for n in ("4", "5", "6")]
_PRIORITY = bayes.CALIBRATION[1]
THIRDS = Split(True, 3)
# Category calibrations compared (the priority's stays as shipped): the splits for the temperature (and
# biases), then those that refit the biases alone.
VARIANTS: dict[str, Calibration] = {
    "before: phrase in language + across, 5 folds": Calibration((IN_LANGUAGE, ACROSS_LANGUAGES)),
    "across languages, 5 folds": Calibration((ACROSS_LANGUAGES,)),
    "across, 3 folds": Calibration((THIRDS,)),
    "across, 2 folds (halves)": Calibration((HALVES,)),
    "halves; biases on 5 folds": Calibration((HALVES,), (ACROSS_LANGUAGES,)),
    "thirds; biases on 5 folds": Calibration((THIRDS,), (ACROSS_LANGUAGES,)),
    "halves + 5 folds; biases on 5 folds": Calibration((HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,)),
    # Then the priority's beta map of the top probability, fitted on the out-of-fold scores named.
    "halves + 5 folds; biases on 5; top map on 5 folds": Calibration(
        (HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,), top=True
    ),
    "halves + 5 folds; biases on 5; top map on halves + 5 folds": Calibration(
        (HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,), top=True, top_splits=(HALVES, ACROSS_LANGUAGES)
    ),
    "halves + 5 folds; biases on 5; top map on thirds": Calibration(
        (HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,), top=True, top_splits=(THIRDS,)
    ),
    "halves + 5 folds; biases on 5; top map on halves": Calibration(
        (HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,), top=True, top_splits=(HALVES,)
    ),
    "halves; biases on 5; top map on halves": Calibration(
        (HALVES,), (ACROSS_LANGUAGES,), top=True, top_splits=(HALVES,)
    ),
    "5 folds; top map on halves": Calibration((ACROSS_LANGUAGES,), top=True, top_splits=(HALVES,)),
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


def file_cv(examples: Sequence[Example], k: int = 5) -> dict[str, FieldScore]:
    """`ticketflow eval FILE --cv k`: each example predicted by a model trained on the file's other folds
    alone (the CLI's seeded shuffle)."""
    predicted: list[Suggestion | None] = [None] * len(examples)
    for fold in np.array_split(np.random.default_rng(0).permutation(len(examples)), k):
        held_out = set(fold.tolist())
        model = LocalModel.train([e for i, e in enumerate(examples) if i not in held_out])
        answers = model.predict_many([(examples[i].title, examples[i].description) for i in fold.tolist()])
        for i, s in zip(fold.tolist(), answers, strict=True):
            predicted[i] = s
    return _score(examples, [p for p in predicted if p is not None])


def _row(name: str, s: dict[str, FieldScore], technical_as_billing: int | None = None) -> str:
    c, p = s["category"], s["priority"]
    line = f"  {name:<12} {c.accuracy:6.1%} {p.accuracy:6.1%}   {c.ece:.3f} / {p.ece:.3f}  ({c.n})"
    return line if technical_as_billing is None else f"{line}  technical called billing: {technical_as_billing}"


def measure(starter: Sequence[Example], cv: bool, realistic: Path = REALISTIC) -> None:
    model = LocalModel.train(starter)
    print(f"  {'set':<12} {'cat':>6} {'pri':>6}   ECE cat / pri")
    for path in [EVAL_FILE, *FRESH]:
        examples = read_jsonl(path)
        predicted = model.predict_many([(e.title, e.description) for e in examples])
        confused = sum(
            e.category.value == "technical" and p.category.value == "billing"
            for e, p in zip(examples, predicted, strict=True)
        )
        pairs = [(e.category.value, p.category.value) for e, p in zip(examples, predicted, strict=True)]
        name = path.stem.removeprefix("triage_eval").strip("_") or "first"
        print(
            _row(name, _score(examples, predicted), confused)
            + f", technical called account: {pairs.count(('technical', 'account'))}"
            + f", general called technical: {pairs.count(('general', 'technical'))}"
            + f", billing called technical: {pairs.count(('billing', 'technical'))}"
        )
        sys.stdout.flush()
    if cv:
        print(_row("scenario CV", scenario_cv(starter)))
        print(_row("cv 640", file_cv(read_jsonl(EVAL_FILE))))
        print(_row("cv corpus", file_cv(read_jsonl(realistic))))


def main(argv: Sequence[str]) -> None:
    realistic = Path(argv[argv.index("--realistic") + 1]) if "--realistic" in argv else REALISTIC
    starter = starter_corpus()
    if realistic != REALISTIC:
        starter = [*read_jsonl(realistic), *(e for e in starter if not e.group)]
    if "--priority" in argv:
        compare_priority(starter)
        return
    shipped = bayes.CALIBRATION
    variants = VARIANTS if "--all" in argv else {"shipped": shipped[0]}
    for name, category in variants.items():
        print(name)
        bayes.CALIBRATION = (category, _PRIORITY)
        measure(starter, "--no-cv" not in argv, realistic)
    bayes.CALIBRATION = shipped


# --- the priority's calibration maps ------------------------------------------------------------------

Floats = NDArray[np.floating[Any]]
Ints = NDArray[np.int64]
# Out-of-fold scores (labels × examples), their one-hot labels and weights, per split.
Scored = tuple[Floats, Floats, Floats]
# A map from raw scores (labels × tickets) to probabilities, and what fits one on a model's out-of-fold scores.
Map = Callable[[Floats], Floats]
Fitter = Callable[[dict[str, Scored]], Map]
SPLITS = {"in": IN_LANGUAGE, "across": ACROSS_LANGUAGES, "halves": HALVES, "thirds": THIRDS}


@dataclass
class Trained:
    """A model's uncalibrated priority scores: out of fold per split, and on the sets it is judged on."""

    labels: tuple[str, ...]
    oof: dict[str, Scored]
    tests: dict[str, tuple[Floats, Ints]]  # set: (raw scores, true label index)


def _priority_scores(examples: Sequence[Example], tests: Mapping[str, Sequence[Example]]) -> Trained:
    """What bayes.fit computes before it calibrates: the complement weights, and each split's out-of-fold
    scores (the priority's rows)."""
    features, x = Features.fit([model_text(e.title, e.description) for e in examples])
    targets = ([e.category.value for e in examples], [e.priority.value for e in examples])
    weights = np.asarray([e.weight for e in examples], np.float64)
    labels, y, classes = bayes._encode(targets)
    labelled = classes, weights
    totals = bayes._sums(x, *labelled, len(y))
    final = bayes._complement_weights(*totals, labels)
    rows = slice(len(labels[0]), len(y))
    groups = [e.group for e in examples]
    oof: dict[str, Scored] = {}
    for name, split in SPLITS.items():
        raw, scored = bayes._out_of_fold(x, labelled, totals, labels, groups, split)
        oof[name] = raw[rows][:, scored], y[rows][:, scored], weights[scored]
    out = {}
    for name, held in tests.items():
        design = features.transform([model_text(e.title, e.description) for e in held])
        truth = np.asarray([labels[1].index(e.priority.value) for e in held])
        out[name] = final.scores(design)[rows], truth
    return Trained(labels[1], oof, out)


def _joined(oof: dict[str, Scored], names: Sequence[str]) -> Scored:
    parts = [oof[n] for n in names]
    return np.hstack([p[0] for p in parts]), np.hstack([p[1] for p in parts]), np.concatenate([p[2] for p in parts])


def temperature_and_biases(names: Sequence[str], bias_names: Sequence[str] = ()) -> Fitter:
    """The shipped kind: softmax(t·s + b), as bayes._calibrate fits it."""

    def fitter(oof: dict[str, Scored]) -> Map:
        temperature, shift = bayes._calibrate(*_joined(oof, names))
        if bias_names:
            temperature, shift = bayes._calibrate(*_joined(oof, bias_names), temperature)
        return lambda raw: _softmax(temperature * raw + shift[:, None])

    return fitter


def then_top(base: Fitter, names: Sequence[str], kind: str = "beta") -> Fitter:
    """`base`, then a map of the top probability fitted on its out-of-fold probabilities: "beta" (shipped:
    bayes.fit_top), "logit" (a·logit q + c), "power" (q ** a) or "isotonic" (pool-adjacent-violators,
    interpolated); the others share the rest (bayes.map_top's way)."""

    def fitter(oof: dict[str, Scored]) -> Map:
        first = base(oof)
        scores, y, weights = _joined(oof, names)
        p = first(scores)
        if kind == "beta":
            top = fit_top(p, y, weights)
            return lambda raw: map_top(first(raw), top)
        q = np.clip(p.max(axis=0), 1e-6, 1 - 1e-6)
        right = y[p.argmax(axis=0), np.arange(p.shape[1])]
        if kind == "isotonic":
            xs, ys = _isotonic(q, right, weights)
            return lambda raw: _set_top(first(raw), lambda q: np.interp(q, xs, ys))
        if kind == "power":
            grid = np.linspace(0.3, 2.0, 171)
            loss = [-(weights * np.where(right > 0, a * np.log(q), np.log1p(-(q**a)))).sum() for a in grid]
            power = float(grid[int(np.argmin(loss))])
            return lambda raw: _set_top(first(raw), lambda q: q**power)
        # "logit": beta calibration with a = b.
        x = np.stack([np.log(q) - np.log1p(-q), np.ones_like(q)], axis=1)
        theta = _logistic(x, right, weights)
        return lambda raw: _set_top(
            first(raw), lambda q: 1 / (1 + np.exp(-(theta[0] * (np.log(q) - np.log1p(-q)) + theta[1])))
        )

    return fitter


def classwise_top(base: Fitter, names: Sequence[str], pull: float) -> Fitter:
    """`base`, then beta calibration of the top probability per predicted label (3 shared parameters plus 3
    per label, those pulled toward 0 by `pull`): top-label calibration, Gupta & Ramdas 2022."""

    def features(p: Floats) -> Floats:
        q = np.clip(p.max(axis=0), 1e-6, 1 - 1e-6)
        shared = np.stack([np.log(q), -np.log1p(-q), np.ones_like(q)], axis=1)
        x = np.zeros((len(q), 3 + 3 * len(p)))
        x[:, :3] = shared
        for label in range(len(p)):
            picked = p.argmax(axis=0) == label
            x[picked, 3 + 3 * label : 6 + 3 * label] = shared[picked]
        return x

    def fitter(oof: dict[str, Scored]) -> Map:
        first = base(oof)
        scores, y, weights = _joined(oof, names)
        p = first(scores)
        right = y[p.argmax(axis=0), np.arange(p.shape[1])]
        x = features(p)
        theta = _logistic(x, right, weights, np.r_[np.zeros(3), np.full(x.shape[1] - 3, pull)])
        return lambda raw: (lambda p: _set_top(p, lambda _: 1 / (1 + np.exp(-(features(p) @ theta)))))(first(raw))

    return fitter


def linear_scaling(names: Sequence[str], kind: str, off_diagonal: float = 0.0) -> Fitter:
    """Vector scaling (a temperature and a bias per label), matrix scaling of the scores, or Dirichlet
    calibration (matrix scaling of the log-probabilities; `off_diagonal` is ODIR's L2 pull of the
    off-diagonal weights toward 0, Kull et al. 2019), fitted by Newton's method on the log-loss."""

    def design(raw: Floats, spread: float) -> Floats:
        s = (raw - raw.mean(axis=0)) / spread
        if kind == "dirichlet":
            s = np.log(_softmax(s))
        k, n = s.shape
        if kind == "vector":
            x = np.zeros((2 * k, k, n))
            for j in range(k):
                x[j, j], x[k + j, j] = s[j], 1.0
            return x
        x = np.zeros((k * k + k, k, n))
        for i in range(k):
            x[i * k : i * k + k, i] = s
            x[k * k + i, i] = 1.0
        return x

    def fitter(oof: dict[str, Scored]) -> Map:
        scores, y, weights = _joined(oof, names)
        spread = float((scores - scores.mean(axis=0)).std())
        x = design(scores, spread)
        k = len(scores)
        pull = np.zeros(len(x))
        if kind != "vector":
            pull[: k * k] = off_diagonal
            pull[: k * k : k + 1] = 0.0  # the diagonal is free
        theta = _softmax_newton(x, y, weights, pull)
        return lambda raw: _softmax(np.tensordot(theta, design(raw, spread), 1))

    return fitter


def _softmax(z: Floats) -> Floats:
    return softmax(z, [[""] * len(z)])[0]


def _softmax_newton(x: Floats, y: Floats, weights: Floats, pull: Floats) -> Floats:
    """θ minimising the weighted log-loss of softmax(Σ_p θ_p x_p) + ½ Σ pull_p θ_p² (x: parameters × labels
    × examples): any map linear in its parameters."""
    w = weights / weights.sum()
    theta = np.zeros(len(x))

    def loss(theta: Floats) -> tuple[float, Floats]:
        p = _softmax(np.tensordot(theta, x, 1))
        return float(-(w * (y * np.log(np.maximum(p, 1e-300))).sum(axis=0)).sum() + 0.5 * (pull * theta**2).sum()), p

    current, p = loss(theta)
    for _ in range(100):
        grad = np.tensordot(x, (p - y) * w, ([1, 2], [0, 1])) + pull * theta
        xp = (x * p).sum(axis=1)
        hess = np.einsum("pkn,qkn->pq", x * (p * w), x) - (xp * w) @ xp.T + np.diag(pull) + 1e-8 * np.eye(len(x))
        step = np.linalg.lstsq(hess, grad, rcond=None)[0]
        rate = 1.0
        while (new := loss(theta - rate * step))[0] > current and rate > 1e-6:
            rate /= 2
        if new[0] > current:
            break
        theta, previous, (current, p) = theta - rate * step, current, new
        if previous - current < 1e-10:
            break
    return theta


def _logistic(x: Floats, right: Floats, weights: Floats, pull: Floats | None = None) -> Floats:
    w = weights / weights.sum()
    pull = np.zeros(x.shape[1]) if pull is None else pull
    theta = np.zeros(x.shape[1])
    for _ in range(100):
        q = 1 / (1 + np.exp(-(x @ theta)))
        step = np.linalg.solve(
            (x * (w * q * (1 - q))[:, None]).T @ x + np.diag(pull) + 1e-10 * np.eye(len(theta)),
            x.T @ (w * (q - right)) + pull * theta,
        )
        theta -= step
        if np.abs(step).max() < 1e-10:
            break
    return theta


def _isotonic(x: Floats, y: Floats, w: Floats) -> tuple[Floats, Floats]:
    """Pool-adjacent-violators: the blocks' mean x and mean y, y non-decreasing."""
    blocks: list[list[float]] = []  # [Σ w·y, Σ w, Σ w·x]
    for i in np.argsort(x, kind="stable").tolist():
        blocks.append([w[i] * y[i], w[i], w[i] * x[i]])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            blocks[-1] = [a + b for a, b in zip(blocks[-1], last, strict=True)]
    return np.asarray([b[2] / b[1] for b in blocks]), np.asarray([b[0] / b[1] for b in blocks])


def _set_top(p: Floats, new_top: Callable[[Floats], Floats]) -> Floats:
    """p with each column's top probability replaced, the others sharing the rest; the top stays on top."""
    columns = np.arange(p.shape[1])
    first = p.argmax(axis=0)
    q = p[first, columns]
    second = np.partition(p, -2, axis=0)[-2]
    mapped = np.maximum(new_top(np.clip(q, 1e-6, 1 - 1e-6)), np.minimum(second / (1 - q + second) * (1 + 1e-6), q))
    out = p * ((1 - mapped) / np.maximum(1 - q, 1e-12))[None, :]
    out[first, columns] = mapped
    return out


SHIPPED = "shipped: temperature + biases, then top beta (in + across)"
PRIORITY_VARIANTS: dict[str, Fitter] = {
    "before: temperature + biases (phrase in language + across)": temperature_and_biases(["in", "across"]),
    "temperature + biases, across only": temperature_and_biases(["across"]),
    "temperature + biases, in language only": temperature_and_biases(["in"]),
    "temperature on halves + across, biases on in + across": temperature_and_biases(
        ["halves", "in", "across"], ["in", "across"]
    ),
    "temperature on thirds, biases on in + across": temperature_and_biases(["thirds"], ["in", "across"]),
    "vector scaling (a temperature and a bias per label)": linear_scaling(["in", "across"], "vector"),
    "matrix scaling of the scores": linear_scaling(["in", "across"], "matrix"),
    "Dirichlet, ODIR 0.001": linear_scaling(["in", "across"], "dirichlet", 0.001),
    "Dirichlet, ODIR 0.01": linear_scaling(["in", "across"], "dirichlet", 0.01),
    "Dirichlet, ODIR 0.1": linear_scaling(["in", "across"], "dirichlet", 0.1),
    "temperature + biases, then top ** a": then_top(
        temperature_and_biases(["in", "across"]), ["in", "across"], "power"
    ),
    "temperature + biases, then top a·logit + c": then_top(
        temperature_and_biases(["in", "across"]), ["in", "across"], "logit"
    ),
    "temperature + biases, then top isotonic": then_top(
        temperature_and_biases(["in", "across"]), ["in", "across"], "isotonic"
    ),
    "temperature + biases, then top beta per predicted label (pull 0.001)": classwise_top(
        temperature_and_biases(["in", "across"]), ["in", "across"], 0.001
    ),
    "temperature + biases, then top beta per predicted label (pull 0.01)": classwise_top(
        temperature_and_biases(["in", "across"]), ["in", "across"], 0.01
    ),
    "temperature + biases, then top beta per predicted label (pull 0.1)": classwise_top(
        temperature_and_biases(["in", "across"]), ["in", "across"], 0.1
    ),
    "vector scaling, then top beta": then_top(linear_scaling(["in", "across"], "vector"), ["in", "across"]),
    "Dirichlet ODIR 0.01, then top beta": then_top(
        linear_scaling(["in", "across"], "dirichlet", 0.01), ["in", "across"]
    ),
    "temperature + biases, then top beta fitted on across only": then_top(
        temperature_and_biases(["in", "across"]), ["across"]
    ),
    SHIPPED: then_top(temperature_and_biases(["in", "across"]), ["in", "across"]),
}


def compare_priority(starter: Sequence[Example]) -> None:
    """Every priority map on the same scores: accuracy, calibration error and log-loss per held-out set,
    pooled over the four, and on the scenario cross-validation; and the recall of high per set."""
    sets = {p.stem.removeprefix("triage_eval").strip("_") or "first": read_jsonl(p) for p in [EVAL_FILE, *FRESH]}
    whole = _priority_scores(starter, sets)
    grouped = [e for e in starter if e.group]
    rest = [e for e in starter if not e.group]
    folds = [bayes._fold_of([bayes._part(e.group, part, across_languages=True) for e in grouped]) for part in (0, 1)]
    cv = []
    for f in range(bayes._FOLDS):
        held = [e for e, a, b in zip(grouped, *folds, strict=True) if a == f and b == f]
        train = [e for e, a, b in zip(grouped, *folds, strict=True) if a != f and b != f]
        cv.append(_priority_scores(train + rest, {"held": held}))
    # `ticketflow eval FILE --cv 5`: trained on four fifths of the file alone (a seeded shuffle, as the CLI's).
    files = {"cv5 640": EVAL_FILE, "cv5 corpus": REALISTIC}
    file_folds: dict[str, list[Trained]] = {}
    for name, path in files.items():
        examples = read_jsonl(path)
        order = np.random.default_rng(0).permutation(len(examples))
        file_folds[name] = []
        for fold in np.array_split(order, 5):
            held_out = set(fold.tolist())
            train = [e for i, e in enumerate(examples) if i not in held_out]
            file_folds[name].append(_priority_scores(train, {"held": [examples[i] for i in fold.tolist()]}))
    high = whole.labels.index("high")
    names = [*sets, "pooled", "scenario CV", *files]
    print("priority: accuracy / calibration error / log-loss; recall of high per set")
    print(f"  {'map':<66} " + " ".join(f"{n:>20}" for n in names) + "   high recall")
    for name, fitter in PRIORITY_VARIANTS.items():
        mapping = fitter(whole.oof)
        cells, recalls, pooled = [], [], []
        for s in sets:
            raw, truth = whole.tests[s]
            p = mapping(raw)
            pooled.append((p, truth))
            cells.append(_cell(p, truth))
            recalls.append(f"{((p.argmax(axis=0) == high) & (truth == high)).sum() / (truth == high).sum():.0%}")
        cells.append(_cell(np.hstack([p for p, _ in pooled]), np.concatenate([t for _, t in pooled])))
        for models in (cv, *file_folds.values()):
            held = [(fitter(m.oof)(m.tests["held"][0]), m.tests["held"][1]) for m in models]
            cells.append(_cell(np.hstack([p for p, _ in held]), np.concatenate([t for _, t in held])))
        print(f"  {name:<66} " + " ".join(cells) + "   " + "/".join(recalls))
        sys.stdout.flush()
    # How far from 0 a perfectly calibrated model lands on sets this size: right as often as it says, with the
    # shipped map's confidences (outcomes drawn at random, 500 times).
    shipped = PRIORITY_VARIANTS[SHIPPED](whole.oof)
    rng = np.random.default_rng(0)
    floors = []
    for s in sets:
        confidence = np.round(shipped(whole.tests[s][0]).max(axis=0), 3)
        said = confidence.tolist()
        draws = [
            expected_calibration_error(reliability(said, (rng.random(len(said)) < confidence).tolist()))
            for _ in range(500)
        ]
        floors.append(f"{s} {np.mean(draws):.3f} ({np.percentile(draws, 90):.3f})")
    print("calibration error of a perfectly calibrated model, mean (90th percentile): " + ", ".join(floors))


def _cell(p: Floats, truth: Ints) -> str:
    right = p.argmax(axis=0) == truth
    # Rounded as predictions state their confidence.
    ece = expected_calibration_error(reliability(np.round(p.max(axis=0), 3).tolist(), right.tolist()))
    log_loss = -np.log(np.maximum(p[truth, np.arange(len(truth))], 1e-300)).mean()
    return f"{right.mean():5.1%} {ece:.3f} {log_loss:.3f}"


if __name__ == "__main__":
    main(sys.argv[1:])
