"""fold() is what search means by case-insensitive; its fast path must not change that meaning."""

import sys

from ticketflow_desktop.domain.search import fold


def test_fold_is_per_character_lowering_for_every_code_point() -> None:
    # fold() takes str.lower() as a fast path; the two may differ only around the capital sigma.
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert fold(chars) == "".join(ch.lower() for ch in chars)
    assert fold("ΟΔΟΣ ΣΑΣ") == "οδοσ σασ"  # str.lower() would end each word with a final sigma
