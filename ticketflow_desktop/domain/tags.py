"""Free-form tags: what one is, written once.

A tag is compared case-insensitively, so it is stored folded: "VIP", " vip " and "Vip" are one tag.
Runs of white space inside become "-" ("needs review" is "needs-review"): a tag is one word, so that a
comma-separated list (the CLI, the tag editor) reads back unambiguously.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

TAG_MAX = 50
# Besides letters and digits (any script), the punctuation tags commonly use.
TAG_PUNCTUATION = frozenset("-_./:+#&")
_SPACES = re.compile(r"\s+")


def normalize_tag(text: str) -> str:
    """The stored form: NFKC, trimmed, case-folded, inner white space as "-" (not validated)."""
    spaced = _SPACES.sub("-", unicodedata.normalize("NFKC", text).strip())
    return unicodedata.normalize("NFKC", spaced.casefold())  # folding can undo NFKC (e.g. U+0345)


def tag_error(text: str) -> str | None:
    """Why `text` cannot be a tag, in words; None when it can (once normalised)."""
    tag = normalize_tag(text)
    if not tag:
        return "A tag needs at least one letter or digit."
    if len(tag) > TAG_MAX:
        return f"Tag '{tag[:20]}…' is {len(tag)} characters; the limit is {TAG_MAX}."
    bad = sorted({c for c in tag if not (c.isalnum() or c in TAG_PUNCTUATION)})
    if bad:
        shown = " ".join(repr(c) for c in bad[:5])
        return f"Tag '{tag}' holds {shown}: use letters, digits and {''.join(sorted(TAG_PUNCTUATION))}."
    if not any(c.isalnum() for c in tag):
        return f"Tag '{tag}' needs at least one letter or digit."
    return None


def is_valid_tag(text: str) -> bool:
    return tag_error(text) is None


def normalize_tags(texts: Iterable[str]) -> tuple[str, ...]:
    """Each of `texts` normalised, in order, without repeats; ValueError with the first problem."""
    seen: dict[str, None] = {}
    for text in texts:
        message = tag_error(text)
        if message:
            raise ValueError(message)
        seen.setdefault(normalize_tag(text), None)
    return tuple(seen)


def split_tags(text: str) -> tuple[str, ...]:
    """A comma-separated list as typed (empty items skipped), normalised; ValueError with the first problem."""
    return normalize_tags(part for part in text.split(",") if part.strip())
