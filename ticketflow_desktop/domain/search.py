"""What a search matches, defined once: case-insensitive, Unicode-aware substring, nothing special."""

from __future__ import annotations

from itertools import pairwise

# Identifiers in tickets carry these ("#47", "INV-2024/0047", "a.b@c.de", "C++", "50%"): the search
# indexes keep them as parts of words, not as breaks between them.
ID_SYMBOLS = "#-_./:@+$%&"
# A 2-character term holding one of these (a digit or such a symbol) is found through an index of the
# pieces of words that hold one (`short_pieces`); other 2-character terms are common in prose.
PIECE_MARKS = frozenset("0123456789" + ID_SYMBOLS)


def fold(text: str) -> str:
    """Lower-case each character on its own, as PostgreSQL's lower() does (no final-sigma context)."""
    if "Σ" not in text:  # str.lower() is per character except for the capital sigma; 30x faster
        return text.lower()
    return "".join(ch.lower() for ch in text)


def matches(term: str, *fields: str) -> bool:
    needle = fold(term.strip())
    return any(needle in fold(f) for f in fields)


def is_caseless(term: str) -> bool:
    """No character of `term` has a case ("#47", "2024/0047"): a case-sensitive test then means what
    `matches` means, without lower-casing each text it reads (the search's cost per row)."""
    return term.lower() == term == term.upper()


def like_pattern(term: str, *, anywhere: bool = True) -> str:
    """A LIKE pattern that takes `%`, `_` and `\\` literally (used with ESCAPE '\\'): the term anywhere,
    or (`anywhere=False`) at the start."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if anywhere else f"{escaped}%"


def short_pieces(text: str) -> set[str]:
    """The 2-character pieces, in lower case, of the words of `text` that hold a piece mark, each piece
    holding one too and being ASCII (only such terms are searched through the pieces)."""
    pieces: set[str] = set()
    for word in text.lower().split():
        if PIECE_MARKS.isdisjoint(word):
            continue
        for a, b in pairwise(word):
            if (a in PIECE_MARKS or b in PIECE_MARKS) and (a + b).isascii():
                pieces.add(a + b)
    return pieces
