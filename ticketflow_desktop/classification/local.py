"""Suggestions without a network: TF-IDF features (word and character n-grams) and multinomial logistic
regression, in numpy alone (scikit-learn and scipy would add 90 MB to the build for this one model).

Learned from the starter corpus and the database's own tickets (the agents' final choices, weighted
higher). numpy is imported inside the functions, so the command line starts without it.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ticketflow_desktop.classification.corpus import Example
from ticketflow_desktop.classification.prompt import ticket_text
from ticketflow_desktop.domain import Category, Priority, Suggestion, SuggestionSource

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Floats = NDArray[np.floating[Any]]

MODEL_NAME = "local"
FORMAT_VERSION = 3
# Below this confidence a local suggestion is offered, not filled in.
CONFIDENCE_THRESHOLD = 0.45

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # words of two or more letters or digits (scikit-learn's default)
_GRAM_SIZES = range(2, 6)
_GRAM_MIN_DF = 2  # a character n-gram seen in one text only is noise (a ticket number, a typo)
_SEPARATOR = "\n"  # joins a vocabulary in the file: no term contains it (texts are split on whitespace)

# Training: Adam on mini-batches, in a fixed order (the same examples give the same model).
_SEED = 0
_BATCH = 256
_MIN_EPOCHS = 4
_MIN_STEPS = 300  # small corpora go round more often
_LEARNING_RATE = 0.1
_L2 = 3e-5  # relative to the weighted mean loss; tuned by cross-validation on the starter corpus


# --- sparse matrices ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Csr:
    """A sparse matrix in scipy's CSR layout: row i holds columns indices[indptr[i]:indptr[i+1]]."""

    indptr: Ints
    indices: Ints
    data: Floats
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def from_sorted(cls, rows: Ints, cols: Ints, vals: Floats, n_rows: int, n_cols: int) -> _Csr:
        """From (row, column, value) triples already grouped by row."""
        import numpy as np

        indptr = np.zeros(n_rows + 1, np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        return cls(indptr, cols, vals, n_cols)

    def row_ids(self) -> Ints:
        import numpy as np

        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))

    def take(self, rows: Ints) -> _Csr:
        import numpy as np

        lengths = self.indptr[rows + 1] - self.indptr[rows]
        indptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(lengths, out=indptr[1:])
        pos = np.arange(indptr[-1]) + np.repeat(self.indptr[rows] - indptr[:-1], lengths)
        return _Csr(indptr, self.indices[pos], self.data[pos], self.n_cols)

    def times(self, weights: Floats) -> Floats:
        """weights @ self.T: one row per class (weights is classes × columns), one column per row of self."""
        import numpy as np

        out = np.zeros((len(weights), self.n_rows))
        filled = np.flatnonzero(np.diff(self.indptr))  # reduceat would give an empty row its neighbour's value
        if len(filled):
            out[:, filled] = np.add.reduceat(weights[:, self.indices] * self.data, self.indptr[filled], axis=1)
        return out

    def t_times(self, grad: Floats) -> Floats:
        """grad @ self: one row per class (grad is classes × rows), one column per column of self."""
        import numpy as np

        values = grad[:, self.row_ids()] * self.data
        return np.stack([np.bincount(self.indices, weights=v, minlength=self.n_cols) for v in values])


def _unique_pairs(rows: Ints, cols: Ints, n_cols: int) -> tuple[Ints, Ints, Ints]:
    """Distinct (row, column) pairs, sorted by row then column, with how often each occurred."""
    import numpy as np

    key = rows * n_cols + cols
    key.sort()  # a plain sort of integers: several times faster than np.unique(return_counts=True)
    if len(key) == 0:
        return key, key, key
    first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    counts = np.diff(np.append(first, len(key)))
    return key[first] // n_cols, key[first] % n_cols, counts


def _int_array(values: list[int]) -> Ints:
    """np.asarray in slices: converting a list of a million ints holds the GIL for 15 ms, a stutter in the
    GUI thread while training runs in a worker."""
    import numpy as np

    step = 1 << 16
    return np.concatenate(
        [np.asarray(values[i : i + step], np.int64) for i in range(0, len(values), step)] or [np.zeros(0, np.int64)]
    )


def _normalise_rows(rows: Ints, vals: Floats, n_rows: int, squares: Floats | None = None) -> Floats:
    import numpy as np

    norm = np.sqrt(np.bincount(rows, weights=vals * vals if squares is None else squares, minlength=n_rows))
    return vals / np.where(norm > 0, norm, 1.0)[rows]


# --- text to features -----------------------------------------------------------------------------


def _char_grams(word: str) -> list[str]:
    """scikit-learn's char_wb n-grams: the word padded with a space each side; a short word counts once."""
    padded = f" {word} "
    grams: list[str] = []
    for n in _GRAM_SIZES:
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def _terms(texts: Sequence[str]) -> tuple[Ints, Ints, list[str]]:
    """Word unigrams and bigrams: (text of each occurrence, term id, terms by id)."""
    import numpy as np

    ids: dict[str, int] = {}
    seq: list[int] = []
    lengths = []
    for text in texts:
        tokens = _TOKEN.findall(text)
        lengths.append(len(tokens))
        seq.extend([ids.setdefault(t, len(ids)) for t in tokens])
    unigrams = _int_array(seq)
    rows = np.repeat(np.arange(len(texts)), lengths)
    names = list(ids)
    # Bigrams are pairs of neighbouring tokens in one text, named once per distinct pair.
    same = rows[1:] == rows[:-1]
    pairs, bigrams = np.unique(unigrams[:-1][same] * len(names) + unigrams[1:][same], return_inverse=True)
    first, second = np.divmod(pairs, len(names))
    names += [f"{names[a]} {names[b]}" for a, b in zip(first.tolist(), second.tolist(), strict=True)]
    return np.concatenate((rows, rows[1:][same])), np.concatenate((unigrams, len(ids) + bigrams)), names


def _words(texts: Sequence[str]) -> tuple[Ints, Ints, list[str]]:
    """Whitespace-separated words: (text of each occurrence, word id, words by id)."""
    import numpy as np

    ids: dict[str, int] = {}
    seq: list[int] = []
    lengths = []
    for text in texts:
        words = text.split()
        lengths.append(len(words))
        seq.extend([ids.setdefault(w, len(ids)) for w in words])
    return np.repeat(np.arange(len(texts)), lengths), _int_array(seq), list(ids)


@dataclass(frozen=True)
class _Design:
    """Texts as the model sees them.

    `terms` is text × word n-gram. The character n-grams come through the words: `mix` is text ×
    distinct word (of these texts) and `spelling` is word × character n-gram, so a text's character
    features are its row of mix @ spelling. Multiplied out, 20,000 tickets hold 11 million (text,
    n-gram) values; kept apart, 0.9 million. Every training step pays for what it touches, so this is
    what lets numpy train on 20,000 tickets in a few seconds.
    """

    terms: _Csr
    mix: _Csr
    spelling: _Csr


@dataclass(frozen=True)
class _Features:
    """Sublinear TF-IDF of word unigrams and bigrams, and of char_wb 2-5-grams (min_df 2).

    A vocabulary, not feature hashing: the columns are exact (no collisions), min_df is a plain count,
    and the weights cover only what was seen. Python's own string hash differs from run to run, so
    hashing would need a slower stable hash per n-gram as well.

    Differences from scikit-learn's char_wb vectoriser, both forced by keeping mix and spelling apart:
    the sublinear tf is taken of each word's count in the text (not of each n-gram's), and a text's
    length is normalised as if its words shared no n-grams. Cross-validated accuracy is unchanged.
    """

    terms: dict[str, int]
    term_idf: Floats
    grams: dict[str, int]
    gram_idf: Floats

    @classmethod
    def fit(cls, texts: Sequence[str]) -> tuple[_Features, _Design]:
        import numpy as np

        texts = [t.lower() for t in texts]
        n = len(texts)
        rows, ids, names = _terms(texts)
        _, cols, _ = _unique_pairs(rows, ids, len(names))
        term_idf = _idf(np.bincount(cols, minlength=len(names)), n)
        word_rows, word_ids, words = _words(texts)
        mix_rows, mix_cols, mix_counts = _unique_pairs(word_rows, word_ids, len(words))
        local, spell_rows, spell_cols, spell_counts = _spell(words, None)
        df = _gram_df(
            mix_rows,
            mix_cols,
            _Csr.from_sorted(spell_rows, spell_cols, cast("Floats", spell_counts), len(words), len(local)),
            n,
        )
        kept = np.flatnonzero(df >= _GRAM_MIN_DF)
        features = cls(
            dict(zip(names, range(len(names)), strict=True)),
            term_idf,
            dict(zip([local[i] for i in kept.tolist()], range(len(kept)), strict=True)),
            _idf(df[kept], n),
        )
        return features, features._design(texts, (rows, ids, names), (mix_rows, mix_cols, mix_counts, words))

    def transform(self, texts: Sequence[str]) -> _Design:
        texts = [t.lower() for t in texts]
        word_rows, word_ids, words = _words(texts)
        return self._design(texts, _terms(texts), (*_unique_pairs(word_rows, word_ids, len(words)), words))

    def _design(
        self, texts: Sequence[str], terms: tuple[Ints, Ints, list[str]], mix: tuple[Ints, Ints, Ints, list[str]]
    ) -> _Design:
        import numpy as np

        n = len(texts)
        rows, ids, names = terms
        column = np.asarray([self.terms.get(t, -1) for t in names], np.int64)
        rows, ids, counts = _unique_pairs(rows, ids, len(names))
        cols = column[ids]
        known = cols >= 0
        rows, cols, counts = rows[known], cols[known], counts[known]
        vals = _normalise_rows(rows, (1.0 + np.log(counts)) * self.term_idf[cols], n)
        term_matrix = _Csr.from_sorted(rows, cols, vals, n, len(self.terms))

        mix_rows, mix_cols, mix_counts, words = mix
        _, spell_rows, spell_cols, spell_counts = _spell(words, self.grams)
        spell_vals = spell_counts * self.gram_idf[spell_cols]
        spelling = _Csr.from_sorted(spell_rows, spell_cols, spell_vals, len(words), len(self.grams))
        word_square = np.bincount(spell_rows, weights=spell_vals * spell_vals, minlength=len(words))
        log_counts = 1.0 + np.log(mix_counts)
        mix_vals = _normalise_rows(mix_rows, log_counts, n, log_counts * log_counts * word_square[mix_cols])
        return _Design(term_matrix, _Csr.from_sorted(mix_rows, mix_cols, mix_vals, n, len(words)), spelling)


def _idf(df: Ints, n: int) -> Floats:
    import numpy as np

    # Smoothed, as scikit-learn's; float32 as in the file, so a loaded model predicts exactly as the trained one.
    return (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)


def _spell(words: list[str], vocabulary: dict[str, int] | None) -> tuple[list[str], Ints, Ints, Ints]:
    """Each word's character n-grams, counted: (n-grams by id, word, n-gram id, count), grouped by word.

    With no vocabulary every n-gram gets an id (listed first); with one, unknown n-grams are left out.
    """
    import numpy as np

    ids: dict[str, int] = {} if vocabulary is None else vocabulary
    seq: list[int] = []
    lengths = []
    for word in words:
        grams = _char_grams(word)
        if vocabulary is None:
            seq.extend([ids.setdefault(g, len(ids)) for g in grams])
        else:
            grams = [g for g in grams if g in ids]
            seq.extend([ids[g] for g in grams])
        lengths.append(len(grams))
    rows = np.repeat(np.arange(len(words)), lengths)
    size = max(len(ids), 1)
    return list(ids) if vocabulary is None else [], *_unique_pairs(rows, _int_array(seq), size)


def _gram_df(mix_rows: Ints, mix_cols: Ints, spelling: _Csr, n_texts: int) -> Ints:
    """In how many texts each n-gram occurs: every text's words' n-grams, a few hundred texts at a time
    (a bounded expansion, and short numpy calls: np.repeat holds the GIL)."""
    import numpy as np

    df = np.zeros(spelling.n_cols, np.int64)
    bounds = np.searchsorted(mix_rows, np.arange(0, n_texts + 512, 512))
    for start, end in itertools.pairwise(bounds.tolist()):
        if start == end:
            continue
        part = spelling.take(mix_cols[start:end])
        texts = np.repeat(mix_rows[start:end], np.diff(part.indptr))
        _, grams, _ = _unique_pairs(texts, part.indices, spelling.n_cols)
        df += np.bincount(grams, minlength=spelling.n_cols)
    return df


# --- the classifier -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Weights:
    """Multinomial logistic regression for several label sets at once (category, priority): one row
    of weights per label, and a softmax within each set."""

    labels: tuple[tuple[str, ...], ...]
    terms: Floats  # labels × term columns
    grams: Floats  # labels × n-gram columns
    bias: Floats

    def scores(self, x: _Design) -> Floats:
        gram_scores = x.spelling.times(self.grams)  # per distinct word first: the words are fewer than the n-grams
        return x.terms.times(self.terms) + x.mix.times(gram_scores) + self.bias[:, None]

    def probabilities(self, x: _Design) -> list[Floats]:
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


def _train(x: _Design, targets: Sequence[Sequence[str]], weights: Floats) -> _Weights:
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
            mix = _Csr(mix.indptr, np.searchsorted(words, mix.indices), mix.data, len(words))
            probs = _Weights(tuple(labels), *params).probabilities(_Design(terms, mix, spelling))
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
    return _Weights(tuple(labels), *params)


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


# --- the model ------------------------------------------------------------------------------------


@dataclass
class LocalModel:
    features: _Features
    weights: _Weights
    trained_on_tickets: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def train(cls, examples: Sequence[Example], trained_on_tickets: int = 0) -> LocalModel:
        import numpy as np

        if len({e.category for e in examples}) < 2 or len({e.priority for e in examples}) < 2:
            raise ValueError("training needs examples of at least two categories and two priorities")
        if any(e.weight < 0 for e in examples) or sum(e.weight for e in examples) <= 0:
            raise ValueError("example weights must be non-negative, and not all zero")
        features, design = _Features.fit([ticket_text(e.title, e.description) for e in examples])
        targets = ([e.category.value for e in examples], [e.priority.value for e in examples])
        weights = _train(design, targets, np.asarray([e.weight for e in examples], np.float64))
        return cls(features, weights, trained_on_tickets, {"examples": len(examples)})

    def predict(self, title: str, description: str) -> Suggestion:
        return self.predict_many([(title, description)])[0]

    def predict_many(self, items: Sequence[tuple[str, str]]) -> list[Suggestion]:
        import numpy as np

        if not items:
            return []
        design = self.features.transform([ticket_text(t, d) for t, d in items])
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

    # --- persistence: numpy arrays (no pickle) beside a small JSON header checked first --------

    def save(self, path: Path) -> None:
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        f, w = self.features, self.weights
        arrays = {
            "format": np.asarray(FORMAT_VERSION),
            "terms": _pack(list(f.terms)),
            "term_idf": f.term_idf.astype(np.float32),
            "grams": _pack(list(f.grams)),
            "gram_idf": f.gram_idf.astype(np.float32),
            "term_weights": w.terms.astype(np.float32),
            "gram_weights": w.grams.astype(np.float32),
            "bias": w.bias.astype(np.float32),
            "labels": _pack([",".join(group) for group in w.labels]),
            "meta": _pack([json.dumps(self.meta)]),
        }
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".model-", suffix=".tmp")
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:  # a file object: np.savez would add ".npz" to a name
                np.savez(handle, **cast(dict[str, Any], arrays))
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        header = {"format": FORMAT_VERSION, "tickets": self.trained_on_tickets}
        _write_atomically(_header_path(path), json.dumps(header))

    @classmethod
    def load(cls, path: Path) -> LocalModel | None:
        """The saved model, or None when absent, unreadable, damaged or of another format."""
        import numpy as np

        try:
            header = json.loads(_header_path(path).read_text("utf-8"))
            if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
                return None
            # Our own handle: np.load leaves its file open when the archive turns out to be damaged.
            with path.open("rb") as handle, np.load(handle, allow_pickle=False) as saved:
                if int(saved["format"]) != FORMAT_VERSION:
                    return None
                a = {name: saved[name] for name in saved.files}
            terms, grams = _unpack(a["terms"]), _unpack(a["grams"])
            labels = tuple(tuple(group.split(",")) for group in _unpack(a["labels"]))
            features = _Features(
                dict(zip(terms, range(len(terms)), strict=True)),
                a["term_idf"].astype(np.float32),
                dict(zip(grams, range(len(grams)), strict=True)),
                a["gram_idf"].astype(np.float32),
            )
            weights = _Weights(labels, *(a[k].astype(np.float32) for k in ("term_weights", "gram_weights", "bias")))
            k = sum(len(group) for group in labels)
            if (
                len(labels) != 2
                or weights.terms.shape != (k, len(terms))
                or features.term_idf.shape != (len(terms),)
                or weights.grams.shape != (k, len(grams))
                or features.gram_idf.shape != (len(grams),)
                or weights.bias.shape != (k,)
            ):
                return None
            for value in labels[0]:
                Category(value)
            for value in labels[1]:
                Priority(value)
            meta = json.loads(_unpack(a["meta"])[0])
        except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, zipfile.BadZipFile):
            return None
        return cls(features, weights, int(header.get("tickets", 0)), meta if isinstance(meta, dict) else {})


def _pack(strings: list[str]) -> NDArray[np.uint8]:
    """Strings as UTF-8 bytes, one per line: a fraction of the size of a fixed-width numpy string array."""
    import numpy as np

    return np.frombuffer(_SEPARATOR.join(strings).encode("utf-8"), np.uint8)


def _unpack(packed: NDArray[np.uint8]) -> list[str]:
    text = packed.tobytes().decode("utf-8")
    return text.split(_SEPARATOR) if text else []


def _header_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _write_atomically(path: Path, text: str) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".hdr-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    Path(name).replace(path)


def is_confident(suggestion: Suggestion) -> bool:
    return suggestion.confidence is None or suggestion.confidence >= CONFIDENCE_THRESHOLD
