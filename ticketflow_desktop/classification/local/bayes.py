"""The classifier: complement naive Bayes over the features, calibrated by temperature scaling (and, for
the priority, a map of the top probability).

Chosen by measurement on the held-out realistic set (bench/data/triage_eval.jsonl; README "Triage
accuracy"): as accurate as the logistic regression it replaced on the category, better on the priority,
and trained in a fraction of the time (class sums of the features, no optimiser).

Naive Bayes scores are not probabilities: they are too sure or too shy by a factor that depends on the
corpus. So each label set's scores are scaled by a temperature and shifted by a bias per label, fitted
to minimise the log-loss of out-of-fold scores (each example scored by a model that did not see it, and
the wording that decided each label kept out of the model that scores it, in that language and then in
all of them, so the fit sees unseen phrasing and unseen problems as users write them; for the category's
temperature also by models that know only half the problems, as with tickets unlike the corpus).
The scaling is folded into the weights: predicting is one sparse product and a softmax.

One temperature stretches every confidence alike, but the priority's out-of-fold scores were shy in the
middle (stated 45%, right 57%) and too sure at the top (97% against 94%) at once. So the priority's top
probability is then mapped by beta calibration (Kull et al. 2017: logit q' = a·ln q − b·ln(1−q) + c,
monotone with a, b ≥ 0; three parameters fitted on the same out-of-fold scores), the other labels share
the rest in their proportions, and the top label stays the top: the answer is unchanged.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ticketflow_desktop.classification.local.features import Design
from ticketflow_desktop.classification.local.sparse import Csr

if TYPE_CHECKING:
    from ticketflow_desktop.classification.local.sparse import Floats, Ints

_ALPHA = 0.3  # additive smoothing of the complement counts; chosen on the held-out set (0.1-1.0 tried)
_CHAR_SHARE = 0.5  # character n-grams against word n-grams in a score (0.3-0.7 within a point)
_FOLDS = 5


@dataclass(frozen=True)
class Split:
    """A way to score every example out of fold: by what decided its labels, as written in its language or
    in all languages at once (a translation gives the answer away: the cue words are the same), into
    `folds` folds (fewer folds: each scoring model knows fewer problems, as with tickets unlike the corpus)."""

    across_languages: bool
    folds: int = _FOLDS
    # Instead: a fold per writer (group "writer:NAME"), each writer's tickets scored by a model that has read
    # none of that writer's, as a team's tickets are; the other examples are never scored nor left out.
    by_writer: bool = False
    without_writers: bool = False  # writers' tickets (as above) neither scored nor left out here


IN_LANGUAGE, ACROSS_LANGUAGES, HALVES = Split(False), Split(True), Split(True, 2)
# Measured for the priority and not used: no better in a leave-one-writer-out estimate (README "The priority's
# calibration across writers"; bench/triage_writer_calibration.py). The shipped corpus has no writer groups.
BY_WRITER = Split(True, by_writer=True)
WRITER_PREFIX = "writer:"  # a group naming the ticket's writer, not what decided its labels


@dataclass(frozen=True)
class Calibration:
    """How a label set is calibrated: the splits whose out-of-fold scores fit the temperature and the biases
    together, then (if any) the splits that refit the biases alone at that temperature; and whether the top
    probability is then mapped (beta calibration, fitted on the last of those out-of-fold scores)."""

    temperature: tuple[Split, ...]
    bias: tuple[Split, ...] = ()
    top: bool = False
    top_splits: tuple[Split, ...] = ()  # where the top map is fitted, if not on the last splits above


# Per label set (category, priority), chosen by measurement (README "Calibration"): the priority on a
# phrase held out in its language and in all of them, with its top probability mapped (calibration error
# on the four held-out sets 0.039/0.052/0.052/0.046 -> 0.026/0.036/0.045/0.047, log-loss lower on each);
# the category's temperature also on halves of the problems, since on tickets written apart from the
# corpus it was too sure (calibration error 0.059 and 0.076 on the fresh sets), and its biases on the
# five-fold split, where the scoring models know most problems (fitted on halves they cost accuracy). A
# top map for the category is too sure on the fresh sets fitted on the five folds (0.059-0.085), and shy on
# the first held-out set fitted on halves (0.059-0.094; README "The category's confusion and calibration").
CALIBRATION: tuple[Calibration, ...] = (
    Calibration((HALVES, ACROSS_LANGUAGES), (ACROSS_LANGUAGES,)),
    Calibration((IN_LANGUAGE, ACROSS_LANGUAGES), top=True),
)
# Halves need a corpus to halve: trained on a few hundred tickets alone (`ticketflow eval --cv` on a file),
# models that know half of them are much weaker than the model they calibrate, and the fit turns shy
# (calibration error 0.118 against 0.036 in the 640 held-out tickets' 5-fold CV). With fewer examples
# than this, a label set is calibrated on the five-fold splits only, as the priority is.
HALVES_FROM = 2_000
SMALL_CALIBRATION = Calibration((IN_LANGUAGE, ACROSS_LANGUAGES))


@dataclass(frozen=True)
class Weights:
    """Linear scores for several label sets at once (category, priority): one row of weights per label,
    and a softmax within each set. The calibration is already in the weights and the bias."""

    labels: tuple[tuple[str, ...], ...]
    terms: Floats  # labels × term columns
    grams: Floats  # labels × n-gram columns
    bias: Floats
    top: Floats  # label sets × (a, b, c): the map of each set's top probability; IDENTITY_TOP leaves it

    def scores(self, x: Design) -> Floats:
        gram_scores = x.spelling.times(self.grams)  # per distinct word first: the words are fewer than the n-grams
        return x.terms.times(self.terms) + x.mix.times(gram_scores) + self.bias[:, None]

    def probabilities(self, x: Design) -> list[Floats]:
        return [map_top(p, top) for p, top in zip(softmax(self.scores(x), self.labels), self.top, strict=True)]


IDENTITY_TOP = (1.0, 1.0, 0.0)  # logit q' = ln q − ln(1−q): q' = q


def map_top(p: Floats, top: Floats) -> Floats:
    """Each column's top probability q set to sigmoid(a·ln q − b·ln(1−q) + c), the other labels scaled to
    share the rest; never so low that another label would overtake it (the answer stays the answer)."""
    import numpy as np

    a, b, c = (float(v) for v in top)
    if (a, b, c) == IDENTITY_TOP:
        return p
    columns = np.arange(p.shape[1])
    first = p.argmax(axis=0)
    q = p[first, columns]
    second = np.partition(p, -2, axis=0)[-2] if len(p) > 1 else np.zeros_like(q)
    rest = 1.0 - q
    mapped = _sigmoid(a * np.log(np.maximum(q, 1e-300)) - b * np.log(np.maximum(rest, 1e-300)) + c)
    # The second label, scaled, ties the top at q' = second / (1 - q + second): kept a hair above that (never
    # above q itself), so the answer stays the answer.
    floor = second / np.maximum(rest + second, 1e-300)
    mapped = np.maximum(mapped, np.minimum(floor * (1.0 + 1e-6), q))
    out = p * np.where(rest > 0, (1.0 - mapped) / np.maximum(rest, 1e-300), 0.0)
    out[first, columns] = np.where(rest > 0, mapped, 1.0)
    return out


def softmax(scores: Floats, labels: Sequence[Sequence[str]]) -> list[Floats]:
    import numpy as np

    out, start = [], 0
    for group in labels:
        z = scores[start : start + len(group)]
        z = np.exp(z - z.max(axis=0))
        out.append(z / z.sum(axis=0))
        start += len(group)
    return out


def fit(x: Design, targets: Sequence[Sequence[str]], weights: Floats, groups: Sequence[str | None]) -> Weights:
    """Complement naive Bayes per label set, each example's counts scaled by its weight; then calibrated
    on out-of-fold scores. `groups` keeps related examples in one fold (None: an example on its own)."""
    import numpy as np

    labels, y, classes = _encode(targets)
    labelled = classes, weights
    totals = _sums(x, *labelled, len(y))
    final = _complement_weights(*totals, labels)

    # Calibrated on out-of-fold scores (README "Calibration"): each label set's temperature and biases are
    # fitted on the splits CALIBRATION names, scored once each and shared between the label sets.
    splits: dict[Split, tuple[Floats, Floats, Floats]] = {}

    def out_of_fold(wanted: Sequence[Split]) -> tuple[Floats, Floats, Floats]:
        for split in wanted:
            if split not in splits:
                scores, scored = _out_of_fold(x, labelled, totals, labels, groups, split)
                splits[split] = scores[:, scored], y[:, scored], weights[scored]
        parts = [splits[split] for split in wanted]
        return (
            np.hstack([p[0] for p in parts]),
            np.hstack([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]),
        )

    terms, grams, bias, top = final.terms.copy(), final.grams.copy(), np.zeros(len(y), np.float32), final.top.copy()
    start = 0
    for n, group in enumerate(labels):
        rows = slice(start, start + len(group))
        plan = CALIBRATION[min(n, len(CALIBRATION) - 1)]
        splits_used = (*plan.temperature, *plan.bias, *plan.top_splits)
        if len(groups) < HALVES_FROM and any(split.folds < _FOLDS for split in splits_used):
            plan = SMALL_CALIBRATION
        raw, seen, seen_weights = out_of_fold(plan.temperature)
        temperature, shift = _calibrate(raw[rows], seen[rows], seen_weights)
        if plan.bias:
            raw, seen, seen_weights = out_of_fold(plan.bias)
            temperature, shift = _calibrate(raw[rows], seen[rows], seen_weights, temperature)
        if plan.top:
            if plan.top_splits:
                raw, seen, seen_weights = out_of_fold(plan.top_splits)
            calibrated = softmax(temperature * raw[rows] + shift[:, None], [group])[0]
            top[n] = fit_top(calibrated, seen[rows], seen_weights)
        terms[rows] *= temperature
        grams[rows] *= temperature
        bias[rows] = shift
        start += len(group)
    return Weights(tuple(labels), terms, grams, bias, top)


def _encode(targets: Sequence[Sequence[str]]) -> tuple[list[tuple[str, ...]], Floats, Ints]:
    """Each label set's names (sorted), the one-hot labels (labels × examples, the sets stacked) and each
    example's class per set (label sets × examples, numbered across the sets)."""
    import numpy as np

    labels: list[tuple[str, ...]] = []
    onehot, classes = [], []
    for target in targets:
        names, index = np.unique(np.asarray(target), return_inverse=True)
        classes.append(sum(len(group) for group in labels) + index)
        labels.append(tuple(str(n) for n in names))
        onehot.append(np.eye(len(names))[:, index])
    return labels, np.vstack(onehot), np.stack(classes)


def _sums(x: Design, classes: Ints, weights: Floats, k: int) -> tuple[Floats, Floats]:
    """Per label (`classes`: label sets × examples, numbered across the sets; k labels in all), the weighted
    sums of its examples' word n-gram and character n-gram features: what complement naive Bayes counts."""
    return x.terms.class_sums(classes, weights, k), x.spelling.t_times(x.mix.class_sums(classes, weights, k))


def _out_of_fold(
    x: Design,
    labelled: tuple[Ints, Floats],
    totals: tuple[Floats, Floats],
    labels: Sequence[Sequence[str]],
    groups: Sequence[str | None],
    split: Split,
) -> tuple[Floats, Floats]:
    """Each example's scores by a model that saw neither what decided its labels, and which were scored.

    An example's group names what decided each of its labels (the problem's scenario, the impact
    sentence): it is scored in fold f only if all of them fall in f, by a model trained only on examples
    none of whose parts fall in f. `split.across_languages`: a part's language segment is left out, so the
    same phrase in another language falls in the same fold."""
    import numpy as np

    classes, weights = labelled
    writers = [g[len(WRITER_PREFIX) :] if g and g.startswith(WRITER_PREFIX) else None for g in groups]
    if split.by_writer:
        names = sorted({w for w in writers if w is not None})
        fold = np.asarray([-1 if w is None else names.index(w) for w in writers])
        folds, n_folds = np.stack([fold] * len(labels)), len(names)
    else:
        # A writer's name says nothing of the phrasing: such a ticket is on its own here, as one with no group.
        plain = [None if w is not None else g for g, w in zip(groups, writers, strict=True)]
        folds = np.stack(
            [
                _fold_of([_part(g, part, split.across_languages) for g in plain], split.folds)
                for part in range(len(labels))
            ]
        )
        n_folds = split.folds
        if split.without_writers:
            folds[:, [w is not None for w in writers]] = -1
    k = sum(len(group) for group in labels)
    raw = np.zeros((k, len(groups)))
    scored = np.zeros(len(groups), bool)
    for f in range(n_folds):
        held = np.flatnonzero((folds == f).all(axis=0))
        left_out = (folds == f).any(axis=0)
        if len(held) == 0 or left_out.all():
            continue
        # The whole model less the left-out examples' sums, taken from their rows and words alone.
        term_out, gram_out = _sums(_rows(x, np.flatnonzero(left_out)), classes[:, left_out], weights[left_out], k)
        w = _complement_weights(totals[0] - term_out, totals[1] - gram_out, labels)
        raw[:, held] = w.scores(_rows(x, held))
        scored[held] = True
    return raw, scored


# A group part's language: a two-letter segment between hyphens ("train-de-3", "de-C0").
_LANGUAGE_SEGMENT = re.compile(r"(?:^|-)[a-z]{2}(?=-)")


def _part(group: str | None, index: int, across_languages: bool = False) -> str | None:
    if not group:
        return None
    parts = group.split("/")
    part = parts[index] if index < len(parts) else parts[-1]
    return _LANGUAGE_SEGMENT.sub("", part) if across_languages else part


def _fold_of(groups: Sequence[str | None], folds: int = _FOLDS) -> Ints:
    """A fold per example: by a stable hash of its group, or round-robin when it has none."""
    import numpy as np

    return np.asarray([zlib.crc32(g.encode("utf-8")) % folds if g else i % folds for i, g in enumerate(groups)])


def _rows(x: Design, rows: Ints) -> Design:
    """These rows of the design, with the words they use alone (renumbered)."""
    import numpy as np

    mix = x.mix.take(rows)
    words = np.flatnonzero(np.bincount(mix.indices, minlength=mix.n_cols))
    number = np.zeros(mix.n_cols, np.int64)
    number[words] = np.arange(len(words))
    mix = Csr(mix.indptr, number[mix.indices], mix.data, len(words))
    return Design(x.terms.take(rows), mix, x.spelling.take(words))


def _complement_weights(term_sums: Floats, gram_sums: Floats, labels: Sequence[Sequence[str]]) -> Weights:
    """Complement naive Bayes (Rennie et al. 2003, as scikit-learn's ComplementNB with norm=True): a label's
    weight for a feature is minus the log of how often the feature occurs in the other labels' examples,
    normalised per label; word and character parts are weighed by _CHAR_SHARE."""
    import numpy as np

    parts = []
    for sums, share in ((term_sums, 1.0 - _CHAR_SHARE), (gram_sums, _CHAR_SHARE)):
        out, start = np.zeros_like(sums), 0
        for group in labels:
            block = sums[start : start + len(group)]
            complement = block.sum(axis=0, keepdims=True) - block + _ALPHA
            log_share = np.log(complement) - np.log(complement.sum(axis=1, keepdims=True))
            out[start : start + len(group)] = -log_share / np.abs(log_share).sum(axis=1, keepdims=True) * share
            start += len(group)
        parts.append(out.astype(np.float32))
    identity = np.tile(np.asarray(IDENTITY_TOP, np.float32), (len(labels), 1))
    return Weights(tuple(tuple(g) for g in labels), parts[0], parts[1], np.zeros(len(term_sums), np.float32), identity)


def _calibrate(scores: Floats, y: Floats, weights: Floats, temperature: float | None = None) -> tuple[float, Floats]:
    """The temperature and the per-label bias that minimise the weighted log-loss of softmax(t·s + b):
    Newton's method on k+1 parameters (a few milliseconds). Given a temperature, the biases alone."""
    import numpy as np

    k, n = scores.shape
    if n == 0 or not scores.any():
        return (1.0 if temperature is None else temperature), np.zeros(k, np.float32)
    w = weights / weights.sum()
    # Centre each example's scores (the softmax ignores a common shift) and bring them to unit spread:
    # naive Bayes scores are ~1e-4 apart, and Newton's steps need well-scaled parameters.
    s = scores - scores.mean(axis=0, keepdims=True)
    spread = max(float(s.std()), 1e-12)
    s = s / spread
    theta = np.concatenate(([1.0 if temperature is None else temperature * spread], np.zeros(k)))

    def loss_and_parts(t: Floats) -> tuple[float, Floats]:
        z = t[0] * s + t[1:, None]
        z = z - z.max(axis=0)
        p = np.exp(z)
        p /= p.sum(axis=0)
        return float(-(w * (y * np.log(np.maximum(p, 1e-300))).sum(axis=0)).sum()), p

    loss, p = loss_and_parts(theta)
    for _ in range(50):
        # Features of the k+1 parameters per (label, example): d z / d theta.
        diff = (p - y) * w  # k × n
        grad = np.concatenate(([(diff * s).sum()], diff.sum(axis=1)))
        # Hessian of softmax log-loss: sum_n w_n J_n^T (diag p - p p^T) J_n, with J_n = [s_n, I].
        ps = (p * s).sum(axis=0)  # n
        h = np.zeros((k + 1, k + 1))
        h[0, 0] = (w * ((p * s * s).sum(axis=0) - ps * ps)).sum()
        h[0, 1:] = h[1:, 0] = (w * (p * s - p * ps)).sum(axis=1)
        h[1:, 1:] = np.diag((w * p).sum(axis=1)) - (w * p) @ p.T
        h[1:, 1:] += 1e-6 * np.eye(k)  # the biases are defined up to a common shift
        if temperature is not None:  # no step on the temperature
            h[0, :], h[:, 0], h[0, 0], grad[0] = 0.0, 0.0, 1.0, 0.0
        step = np.linalg.solve(h + 1e-9 * np.eye(k + 1), grad)
        rate = 1.0
        while rate > 1e-4:
            candidate = theta - rate * step
            new_loss, new_p = loss_and_parts(candidate)
            if new_loss <= loss:
                break
            rate /= 2
        else:
            break
        converged = loss - new_loss < 1e-9
        theta, loss, p = candidate, new_loss, new_p
        if converged:
            break
    temperature = float(theta[0]) / spread
    # Undo the centring: t·(s - mean) + b == t·s + b - t·mean, and the mean term is common to all labels.
    return temperature, theta[1:].astype(np.float32)


def fit_top(p: Floats, y: Floats, weights: Floats) -> Floats:
    """(a, b, c) of the beta calibration of the top probability: the weighted logistic regression of "the top
    label is right" on ln q, −ln(1−q) and 1 (Newton's method, a few milliseconds). A parameter that comes out
    negative (the map would not be monotone) is held at 0 and the rest refitted, as Kull et al. do. A light
    pull toward the identity keeps the fit finite when every top label is right (or none is)."""
    import numpy as np

    if p.shape[1] == 0 or not weights.sum() > 0:
        return np.asarray(IDENTITY_TOP, np.float32)
    columns = np.arange(p.shape[1])
    first = p.argmax(axis=0)
    q = np.clip(p[first, columns], 1e-6, 1.0 - 1e-6)
    right = y[first, columns]
    x = np.stack([np.log(q), -np.log1p(-q), np.ones_like(q)], axis=1)
    w = weights / weights.sum()
    identity = np.asarray(IDENTITY_TOP)

    def loss(theta: Floats) -> float:
        z = x @ theta  # -log sigmoid(z) for the right ones, -log(1 - sigmoid(z)) for the others
        nll = np.logaddexp(0.0, -z) * right + np.logaddexp(0.0, z) * (1.0 - right)
        return float((w * nll).sum() + 0.5 * _TOP_PULL * ((theta - identity) ** 2).sum())

    free = np.ones(3, bool)
    while True:
        theta = np.where(free, identity, 0.0)
        current = loss(theta)
        for _ in range(50):
            prob = _sigmoid(x @ theta)
            grad = x.T @ (w * (prob - right)) + _TOP_PULL * (theta - identity)
            hess = (x * (w * prob * (1.0 - prob))[:, None]).T @ x + _TOP_PULL * np.eye(3)
            step = np.zeros(3)
            step[free] = np.linalg.solve(hess[np.ix_(free, free)], grad[free])
            rate = 1.0
            while (new := loss(theta - rate * step)) > current and rate > 1e-4:
                rate /= 2
            if new > current:
                break
            theta, previous, current = theta - rate * step, current, new
            if previous - current < 1e-12:
                break
        negative = free[:2] & (theta[:2] < 0)
        if not negative.any():
            return theta.astype(np.float32)
        free[:2] &= ~negative


_TOP_PULL = 1e-4  # toward the identity map, against the weighted mean log-loss (about 0.5 at the fit)


def _sigmoid(z: Floats) -> Floats:
    import numpy as np

    out: Floats = 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow for large |z|, unlike 1 / (1 + exp(-z))
    return out
