"""Sparse matrices in numpy alone: scipy's CSR layout and the few operations the local model needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Floats = NDArray[np.floating[Any]]


@dataclass(frozen=True)
class Csr:
    """A sparse matrix in scipy's CSR layout: row i holds columns indices[indptr[i]:indptr[i+1]]."""

    indptr: Ints
    indices: Ints
    data: Floats
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def from_sorted(cls, rows: Ints, cols: Ints, vals: Floats, n_rows: int, n_cols: int) -> Csr:
        """From (row, column, value) triples already grouped by row."""
        import numpy as np

        indptr = np.zeros(n_rows + 1, np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        return cls(indptr, cols, vals, n_cols)

    def row_ids(self) -> Ints:
        import numpy as np

        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))

    def take(self, rows: Ints) -> Csr:
        import numpy as np

        lengths = self.indptr[rows + 1] - self.indptr[rows]
        indptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(lengths, out=indptr[1:])
        pos = np.arange(indptr[-1]) + np.repeat(self.indptr[rows] - indptr[:-1], lengths)
        return Csr(indptr, self.indices[pos], self.data[pos], self.n_cols)

    def times(self, weights: Floats) -> Floats:
        """weights @ self.T: one row per class (weights is classes × columns), one column per row of self."""
        import numpy as np

        out = np.zeros((len(weights), self.n_rows))
        filled = np.flatnonzero(np.diff(self.indptr))  # reduceat would give an empty row its neighbour's value
        if len(filled):
            out[:, filled] = np.add.reduceat(weights[:, self.indices] * self.data, self.indptr[filled], axis=1)
        return out

    def class_sums(self, classes: Ints, row_weights: Floats, n_classes: int) -> Floats:
        """Per class, the weighted sum of its rows: t_times of one-hot rows times the weights, without
        multiplying by the zeros (a quarter of the work with four classes a set). `classes` is label sets ×
        rows, each row in one class of each set; the classes are numbered across the sets."""
        import numpy as np

        rows = self.row_ids()
        keys = classes[:, rows] * self.n_cols + self.indices
        values = np.tile(self.data * row_weights[rows], len(classes))
        sums = np.bincount(keys.ravel(), weights=values, minlength=n_classes * self.n_cols)
        return cast("Floats", sums.reshape(n_classes, self.n_cols))  # float: bincount with weights

    def t_times(self, grad: Floats) -> Floats:
        """grad @ self: one row per class (grad is classes × rows), one column per column of self."""
        import numpy as np

        values = grad[:, self.row_ids()] * self.data
        return np.stack([np.bincount(self.indices, weights=v, minlength=self.n_cols) for v in values])


def unique_pairs(rows: Ints, cols: Ints, n_cols: int) -> tuple[Ints, Ints, Ints]:
    """Distinct (row, column) pairs, sorted by row then column, with how often each occurred."""
    import numpy as np

    key = rows * n_cols + cols
    key.sort()  # a plain sort of integers: several times faster than np.unique(return_counts=True)
    if len(key) == 0:
        return key, key, key
    first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    counts = np.diff(np.append(first, len(key)))
    return key[first] // n_cols, key[first] % n_cols, counts


def int_array(values: list[int]) -> Ints:
    """np.asarray in slices: converting a list of a million ints holds the GIL for 15 ms, a stutter in the
    GUI thread while training runs in a worker."""
    import numpy as np

    step = 1 << 16
    return np.concatenate(
        [np.asarray(values[i : i + step], np.int64) for i in range(0, len(values), step)] or [np.zeros(0, np.int64)]
    )


def normalise_rows(rows: Ints, vals: Floats, n_rows: int, squares: Floats | None = None) -> Floats:
    """`vals` (grouped by `rows`) divided by their row's Euclidean norm, or by the root of `squares`'
    row sums when given; a row of zeros stays zeros."""
    import numpy as np

    norm = np.sqrt(np.bincount(rows, weights=vals * vals if squares is None else squares, minlength=n_rows))
    return vals / np.where(norm > 0, norm, 1.0)[rows]
