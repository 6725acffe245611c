"""Small text helpers shared by the assistant, the cache and the checks: NFC, words, sentences."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+(?:[.,/:-]\w+)*", re.UNICODE)
# A sentence ends at . ! ? … followed by space and a capital letter or an opening mark, or at a newline.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…][\"”»)]))\s+(?=[\"“«(\-–•*]?\s*[A-ZÀ-ỸĐ0-9])|\n+"
)
_ABBREVIATIONS = {"TP.", "Tp.", "ThS.", "TS.", "PGS.", "GS.", "KS.", "BS.", "TM.", "KT.", "TL.", "TUQ.", "Q."}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (Vietnamese pasted from Word or PDF is often decomposed)."""
    return unicodedata.normalize("NFC", text or "")


def words(text: str) -> list[str]:
    """Split text into words (Vietnamese syllables), keeping numbers like ``1.234,5`` whole."""
    return _WORD.findall(nfc(text))


def count_words(text: str) -> int:
    """Number of words (syllables) in ``text``, the unit Vietnamese length limits are given in."""
    return len(words(text))


def split_sentences(text: str) -> list[str]:
    """Split Vietnamese prose into sentences; list lines and headings count as sentences of their own."""
    text = nfc(text).replace("\r\n", "\n")
    pieces: list[str] = []
    for part in _SENTENCE_END.split(text):
        part = part.strip()
        if not part:
            continue
        if pieces and pieces[-1].split()[-1] in _ABBREVIATIONS:
            pieces[-1] = pieces[-1] + " " + part
        else:
            pieces.append(part)
    return pieces


def fold(text: str) -> str:
    """Lower-case and strip diacritics (đ→d) for loose keyword matching."""
    text = nfc(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
