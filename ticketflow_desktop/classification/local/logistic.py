"""The classifier: multinomial logistic regression over the features, trained with Adam on mini-batches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ticketflow_desktop.classification.local.features import Design
from ticketflow_desktop.classification.local.sparse import Csr

if TYPE_CHECKING:
    from ticketflow_desktop.classification.local.sparse import Floats

# Training: Adam on mini-batches, in a fixed order (the same examples give the same model).
_SEED = 0
_BATCH = 256
_MIN_EPOCHS = 4
_MIN_STEPS = 300  # small corpora go round more often
_LEARNING_RATE = 0.1
_L2 = 3e-5  # relative to the weighted mean loss; tuned by cross-validation on the starter corpus


@dataclass(frozen=True)
class Weights:
    """Multinomial logistic regression for several label sets at once (category, priority): one row
    of weights per label, and a softmax within each set."""

    labels: tuple[tuple[str, ...], ...]
    terms: Floats  # labels × term columns
    grams: Floats  # labels × n-gram columns
    bias: Floats

    def scores(self, x: Design) -> Floats:
        gram_scores = x.spelling.times(self.grams)  # per distinct word first: the words are fewer than the n-grams
        return x.terms.times(self.terms) + x.mix.times(gram_scores) + self.bias[:, None]

    def probabilities(self, x: Design) -> list[Floats]:
        return _softmax(self.scores(x), self.labels)


def _softmax(scores: Floats, labels: Sequence[Sequence[str]]) -> list[Floats]:
    import numpy as np

    out, start = [], 0
    for group in labels:
        z = scores[start : start + len(group)]
        z = np.exp(z - z.max(axis=0))
        out.append(z / z.sum(axis=0))
        start += len(group)
    return out


def fit(x: Design, targets: Sequence[Sequence[str]], weights: Floats) -> Weights:
    """Adam on shuffled mini-batches, L2-regularised, each example's loss scaled by its weight.

    Both label sets are fitted together: their losses are separate, so this is the same as two
    models, at the cost of one pass over the features.
    """
    import numpy as np

    labels, onehot = [], []
    for target in targets:
        names, index = np.unique(np.asarray(target), return_inverse=True)
        labels.append(tuple(str(n) for n in names))
        onehot.append(np.eye(len(names))[:, index])
    y = np.vstack(onehot)  # labels × examples
    k, n = y.shape
    # float32: half the memory traffic of the updates, which are most of the time; and the file keeps float32.
    params = [
        np.zeros((k, x.terms.n_cols), np.float32),
        np.zeros((k, x.spelling.n_cols), np.float32),
        np.zeros(k, np.float32),
    ]
    moment1 = [np.zeros_like(p) for p in params]
    moment2 = [np.zeros_like(p) for p in params]
    scale = weights / weights.mean()
    rng = np.random.default_rng(_SEED)
    batches = -(-n // _BATCH)
    epochs = max(_MIN_EPOCHS, -(-_MIN_STEPS // batches))
    step = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, _BATCH):
            step += 1
            part = np.sort(order[start : start + _BATCH])
            terms, mix = x.terms.take(part), x.mix.take(part)
            # Only the words of this batch: their n-grams are all the character columns it touches.
            words = np.unique(mix.indices)
            spelling = x.spelling.take(words)
            mix = Csr(mix.indptr, np.searchsorted(words, mix.indices), mix.data, len(words))
            probs = Weights(tuple(labels), *params).probabilities(Design(terms, mix, spelling))
            # d(loss)/d(score) of the weighted mean cross-entropy, for every label set at once.
            grad = (np.vstack(probs) - y[:, part]) * (scale[part] / len(part))
            grads = [
                terms.t_times(grad) + _L2 * params[0],
                spelling.t_times(mix.t_times(grad)) + _L2 * params[1],
                grad.sum(axis=1),
            ]
            # The rate decays linearly to a tenth, so the last steps settle rather than wander.
            rate = _LEARNING_RATE * (1.0 - 0.9 * step / (epochs * batches))
            for p, g, m1, m2 in zip(params, grads, moment1, moment2, strict=True):
                _adam(p, g.astype(np.float32), m1, m2, rate, step)  # astype copies: _adam overwrites it
    return Weights(tuple(labels), *params)


def _adam(param: Floats, grad: Floats, moment1: Floats, moment2: Floats, rate: float, step: int) -> None:
    """One Adam update, in place, with grad as scratch space: a 20,000-ticket model has 400,000 weights,
    updated 320 times, so temporaries would cost more than the arithmetic."""
    import numpy as np

    beta1, beta2 = 0.9, 0.999
    moment1 *= beta1
    moment1 += (1 - beta1) * grad
    grad *= grad
    grad *= 1 - beta2
    moment2 *= beta2
    moment2 += grad
    denominator = np.sqrt(moment2 * (1 / (1 - beta2**step)))
    denominator += 1e-8
    update = moment1 * (rate / (1 - beta1**step))
    update /= denominator
    param -= update
