"""Is a quote verbatim in its source? Compared after NFC and whitespace folding, nothing looser."""

from __future__ import annotations

import re

from ailab.text import nfc

_SPACE = re.compile(r"\s+")
# Quotes as people paste them: “…”, «…», "…" (at least three words, so a quoted term is not a citation).
_QUOTED = re.compile(r"“([^”]+)”|«([^»]+)»|\"([^\"]+)\"")


def fold_space(text: str) -> str:
    """NFC, every run of whitespace one space, no space at either end."""
    return _SPACE.sub(" ", nfc(text)).strip()


def is_verbatim(quote: str, source_text: str) -> bool:
    """True when ``quote`` (not empty) appears word for word in ``source_text``."""
    folded = fold_space(quote)
    return bool(folded) and folded in fold_space(source_text)


def quoted_passages(text: str, min_words: int = 3) -> list[str]:
    """The quotations inside a pasted answer, in order (quoted single terms are left out)."""
    found = []
    for match in _QUOTED.finditer(nfc(text)):
        quote = next(g for g in match.groups() if g is not None).strip()
        if len(quote.split()) >= min_words:
            found.append(quote)
    return found
