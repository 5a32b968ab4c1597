"""What a search matches, defined once: case-insensitive, Unicode-aware substring, nothing special."""

from __future__ import annotations


def fold(text: str) -> str:
    """Lower-case each character on its own, as PostgreSQL's lower() does (no final-sigma context)."""
    if "Σ" not in text:  # str.lower() is per character except for the capital sigma; 30x faster
        return text.lower()
    return "".join(ch.lower() for ch in text)


def matches(term: str, *fields: str) -> bool:
    needle = fold(term.strip())
    return any(needle in fold(f) for f in fields)


def like_pattern(term: str, *, anywhere: bool = True) -> str:
    """A LIKE pattern that takes `%`, `_` and `\\` literally (used with ESCAPE '\\'): the term anywhere,
    or (`anywhere=False`) at the start."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if anywhere else f"{escaped}%"
