"""The local model on disk: numpy arrays in an .npz (no pickle) beside a small JSON header, which is read
first so that a file of another format is never unpacked. Each file is replaced atomically, the archive
first."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ticketflow_desktop.classification.local.bayes import Weights
from ticketflow_desktop.classification.local.features import Features
from ticketflow_desktop.domain import Category, Priority

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

# 4: naive Bayes over texts with cue words; 5: the category calibrated anew (same arrays); 6: each label set's
# map of its top probability ("top"). Older files are retrained.
FORMAT_VERSION = 6
_SEPARATOR = "\n"  # joins a vocabulary in the file: no term contains it (texts are split on whitespace)


def save(path: Path, features: Features, weights: Weights, trained_on_tickets: int, meta: dict[str, Any]) -> None:
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    f, w = features, weights
    arrays = {
        "format": np.asarray(FORMAT_VERSION),
        "terms": _pack(list(f.terms)),
        "term_idf": f.term_idf.astype(np.float32),
        "grams": _pack(list(f.grams)),
        "gram_idf": f.gram_idf.astype(np.float32),
        "term_weights": w.terms.astype(np.float32),
        "gram_weights": w.grams.astype(np.float32),
        "bias": w.bias.astype(np.float32),
        "top": w.top.astype(np.float32),
        "labels": _pack([",".join(group) for group in w.labels]),
        "meta": _pack([json.dumps(meta)]),
    }
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".model-", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:  # a file object: np.savez would add ".npz" to a name
            np.savez(handle, **cast(dict[str, Any], arrays))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    header = {"format": FORMAT_VERSION, "tickets": trained_on_tickets}
    _write_atomically(_header_path(path), json.dumps(header))


def load(path: Path) -> tuple[Features, Weights, int, dict[str, Any]] | None:
    """(features, weights, trained_on_tickets, meta) as saved, or None when the file is absent,
    unreadable, damaged or of another format."""
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
        features = Features(
            dict(zip(terms, range(len(terms)), strict=True)),
            a["term_idf"].astype(np.float32),
            dict(zip(grams, range(len(grams)), strict=True)),
            a["gram_idf"].astype(np.float32),
        )
        weights = Weights(labels, *(a[k].astype(np.float32) for k in ("term_weights", "gram_weights", "bias", "top")))
        k = sum(len(group) for group in labels)
        if (
            len(labels) != 2
            or weights.terms.shape != (k, len(terms))
            or features.term_idf.shape != (len(terms),)
            or weights.grams.shape != (k, len(grams))
            or features.gram_idf.shape != (len(grams),)
            or weights.bias.shape != (k,)
            or weights.top.shape != (len(labels), 3)
        ):
            return None
        for value in labels[0]:
            Category(value)
        for value in labels[1]:
            Priority(value)
        meta = json.loads(_unpack(a["meta"])[0])
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, zipfile.BadZipFile):
        return None
    return features, weights, int(header.get("tickets", 0)), meta if isinstance(meta, dict) else {}


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
