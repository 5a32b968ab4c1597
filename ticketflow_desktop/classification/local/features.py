"""Text to features: sublinear TF-IDF of word n-grams and of character n-grams, with their vocabularies."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from ticketflow_desktop.classification.local.sparse import Csr, int_array, normalise_rows, unique_pairs

if TYPE_CHECKING:
    from ticketflow_desktop.classification.local.sparse import Floats, Ints

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # words of two or more letters or digits (scikit-learn's default)
_GRAM_SIZES = range(2, 6)
_GRAM_MIN_DF = 2  # a character n-gram seen in one text only is noise (a ticket number, a typo)


@dataclass(frozen=True)
class Design:
    """Texts as the model sees them.

    `terms` is text × word n-gram. The character n-grams come through the words: `mix` is text ×
    distinct word (of these texts) and `spelling` is word × character n-gram, so a text's character
    features are its row of mix @ spelling. Multiplied out, 20,000 tickets hold 11 million (text,
    n-gram) values; kept apart, 0.9 million. Every training step pays for what it touches, so this is
    what lets numpy train on 20,000 tickets in a few seconds.
    """

    terms: Csr
    mix: Csr
    spelling: Csr


@dataclass(frozen=True)
class Features:
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
    # Each word's known n-gram ids, as predictions meet it: most of a prediction's time was spent cutting
    # the same words into n-grams again. Bounded; a plain dict, whose get and set are atomic.
    spelled: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def fit(cls, texts: Sequence[str]) -> tuple[Features, Design]:
        import numpy as np

        texts = [t.lower() for t in texts]
        n = len(texts)
        rows, ids, names = _terms(texts)
        _, cols, _ = unique_pairs(rows, ids, len(names))
        term_idf = _idf(np.bincount(cols, minlength=len(names)), n)
        word_rows, word_ids, words = _words(texts)
        mix_rows, mix_cols, mix_counts = unique_pairs(word_rows, word_ids, len(words))
        local, spell_rows, spell_cols, spell_counts = _spell(words, None)
        df = _gram_df(
            mix_rows,
            mix_cols,
            Csr.from_sorted(spell_rows, spell_cols, cast("Floats", spell_counts), len(words), len(local)),
            n,
        )
        kept = np.flatnonzero(df >= _GRAM_MIN_DF)
        features = cls(
            dict(zip(names, range(len(names)), strict=True)),
            term_idf,
            dict(zip([local[i] for i in kept.tolist()], range(len(kept)), strict=True)),
            _idf(df[kept], n),
        )
        # The words' n-grams in the kept vocabulary's ids, from the count above rather than cut again: ids
        # kept in order, so the pairs stay sorted as _spell would give them.
        column = np.full(len(local), -1, np.int64)
        column[kept] = np.arange(len(kept))
        spell_cols = column[spell_cols]
        known = spell_cols >= 0
        spelled = (spell_rows[known], spell_cols[known], spell_counts[known])
        mix = (mix_rows, mix_cols, mix_counts, words)
        return features, features._design(texts, (rows, ids, names), mix, spelled)

    def transform(self, texts: Sequence[str]) -> Design:
        texts = [t.lower() for t in texts]
        word_rows, word_ids, words = _words(texts)
        return self._design(texts, _terms(texts), (*unique_pairs(word_rows, word_ids, len(words)), words))

    def _design(
        self,
        texts: Sequence[str],
        terms: tuple[Ints, Ints, list[str]],
        mix: tuple[Ints, Ints, Ints, list[str]],
        spelled: tuple[Ints, Ints, Ints] | None = None,
    ) -> Design:
        import numpy as np

        n = len(texts)
        rows, ids, names = terms
        column = np.asarray([self.terms.get(t, -1) for t in names], np.int64)
        rows, ids, counts = unique_pairs(rows, ids, len(names))
        cols = column[ids]
        known = cols >= 0
        rows, cols, counts = rows[known], cols[known], counts[known]
        vals = normalise_rows(rows, (1.0 + np.log(counts)) * self.term_idf[cols], n)
        term_matrix = Csr.from_sorted(rows, cols, vals, n, len(self.terms))

        mix_rows, mix_cols, mix_counts, words = mix
        if spelled is None:
            _, spell_rows, spell_cols, spell_counts = _spell(words, self.grams, self.spelled)
        else:
            spell_rows, spell_cols, spell_counts = spelled
        spell_vals = spell_counts * self.gram_idf[spell_cols]
        spelling = Csr.from_sorted(spell_rows, spell_cols, spell_vals, len(words), len(self.grams))
        word_square = np.bincount(spell_rows, weights=spell_vals * spell_vals, minlength=len(words))
        log_counts = 1.0 + np.log(mix_counts)
        mix_vals = normalise_rows(mix_rows, log_counts, n, log_counts * log_counts * word_square[mix_cols])
        return Design(term_matrix, Csr.from_sorted(mix_rows, mix_cols, mix_vals, n, len(words)), spelling)


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
    unigrams = int_array(seq)
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
    return np.repeat(np.arange(len(texts)), lengths), int_array(seq), list(ids)


def _idf(df: Ints, n: int) -> Floats:
    import numpy as np

    # Smoothed, as scikit-learn's; float32 as in the file, so a loaded model predicts exactly as the trained one.
    idf: Floats = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    return idf


_SPELLED_CAP = 50_000  # words remembered by `Features.spelled` (a few MB)


def _spell(
    words: list[str], vocabulary: dict[str, int] | None, cache: dict[str, list[int]] | None = None
) -> tuple[list[str], Ints, Ints, Ints]:
    """Each word's character n-grams, counted: (n-grams by id, word, n-gram id, count), grouped by word.

    With no vocabulary every n-gram gets an id (listed first); with one, unknown n-grams are left out
    (and `cache`, if given, remembers each word's known ids).
    """
    import numpy as np

    ids: dict[str, int] = {} if vocabulary is None else vocabulary
    seq: list[int] = []
    lengths = []
    for word in words:
        if vocabulary is None:
            grams = _char_grams(word)
            seq.extend([ids.setdefault(g, len(ids)) for g in grams])
            lengths.append(len(grams))
            continue
        known = cache.get(word) if cache is not None else None
        if known is None:
            known = [ids[g] for g in _char_grams(word) if g in ids]
            if cache is not None and len(cache) < _SPELLED_CAP:
                cache[word] = known
        seq.extend(known)
        lengths.append(len(known))
    rows = np.repeat(np.arange(len(words)), lengths)
    size = max(len(ids), 1)
    return list(ids) if vocabulary is None else [], *unique_pairs(rows, int_array(seq), size)


def _gram_df(mix_rows: Ints, mix_cols: Ints, spelling: Csr, n_texts: int) -> Ints:
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
        _, grams, _ = unique_pairs(texts, part.indices, spelling.n_cols)
        df += np.bincount(grams, minlength=spelling.n_cols)
    return df
