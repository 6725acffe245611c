"""Loose keys for finding a part whatever its spacing, case, dashes or old-style tone marks."""

from __future__ import annotations

import re

from ailab.text import nfc

_OLD_STYLE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
              "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_STYLE_RE = re.compile("(?:" + "|".join(_OLD_STYLE) + r")(?!\w)")


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    return " ".join(text.split())


def letters_key(text: str) -> str:
    """Lower-case letters only (for loose matching whatever the spacing, dashes or case)."""
    return "".join(ch for ch in nfc(text).casefold() if ch.isalpha())


def fold_tones(text: str) -> str:
    """Old-style tone placement at a syllable end (hoà, uỷ) to the new style (hòa, ủy); expects lower case."""
    return _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group(0)], text)


def folded_key(text: str) -> str:
    """Letters-only, lower-case, new-style-tone key of a text (for loose matching)."""
    return letters_key(fold_tones(text.casefold()))


def folded_words(text: str) -> str:
    """NFC, lower-case, new-style tones, whitespace folded: the form in which two spellings are compared."""
    return fold_tones(collapse(nfc(text)).casefold())
