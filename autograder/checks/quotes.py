"""Verbatim quotes: is a quoted passage really in the source, word for word?

Public API
----------
- ``fold(text) -> str``: NFC, every run of whitespace one space, ends stripped — the only liberties a quote
  may take (text pasted from a chat window, Word or a PDF differs from its source in nothing else).
- ``clean_quote(quote) -> str``: the quote without the marks around it («…», "…", “…”) and without a leading or
  trailing ellipsis (a quote cut at its ends).
- ``find_quote(quote, source) -> tuple[int, int] | None``: where the quote sits in ``fold(source)``; an ellipsis
  inside the quote ("A … B") means the pieces must appear in that order.
- ``is_verbatim(quote, source, min_words=1) -> bool``.
- ``sentence_spans(source) -> list[tuple[int, int]]`` and ``sentences_of_quote(quote, source) -> list[int]``:
  which sentences of the folded source a quote touches.
- ``check_quotes(quotes, source, min_words=5) -> list[str]``: Vietnamese messages for empty, too short or
  not-verbatim quotes, naming the learner's own quote, never the source's text.
Case, accents and punctuation inside the quote count: a quote that changes a word is not verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ailab.text import nfc

__all__ = [
    "check_quotes",
    "clean_quote",
    "find_quote",
    "fold",
    "is_verbatim",
    "quote_words",
    "sentence_spans",
    "sentences_of_quote",
]

_MARKS = "\"'«»“”‘’„`"
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\))\s*")
# A sentence ends at . ! ? … (then a space) or at a line break; the numbered line label "12." stays put.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“«(]?[A-ZÀ-ỸĐ])|\n+")


def fold(text) -> str:
    """NFC with every run of whitespace (spaces, tabs, line breaks, no-break spaces) made one space."""
    return " ".join(nfc(str(text or "")).split())


def _fold_keep_lines(text) -> str:
    text = nfc(str(text or "")).replace("\r\n", "\n")
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def clean_quote(quote) -> str:
    """The quote folded, without surrounding quotation marks and without an ellipsis at either end."""
    text = fold(quote)
    for _ in range(3):
        before = text
        text = text.strip().strip(_MARKS).strip()
        text = re.sub(r"^(?:\.\.\.|…)\s*", "", text)
        text = re.sub(r"\s*(?:\.\.\.|…)$", "", text)
        if text == before:
            break
    return text


def quote_words(quote) -> int:
    """Number of words in the cleaned quote (pieces around an inner ellipsis together)."""
    return len(re.findall(r"\w+", clean_quote(quote)))


def find_quote(quote, source) -> tuple[int, int] | None:
    """(start, end) of the quote in ``fold(source)``, or None when it is not there word for word."""
    pieces = [piece for piece in _ELLIPSIS.split(clean_quote(quote)) if piece.strip()]
    if not pieces:
        return None
    text = fold(source)
    start = position = None
    for piece in pieces:
        found = text.find(piece, 0 if position is None else position)
        if found < 0:
            return None
        start = found if start is None else start
        position = found + len(piece)
    return start, position


def is_verbatim(quote, source, min_words: int = 1) -> bool:
    """True when the quote has at least ``min_words`` words and stands in the source word for word."""
    return quote_words(quote) >= min_words and find_quote(quote, source) is not None


def sentence_spans(source) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``fold(source)``: sentences end at . ! ? … or a line break."""
    spans, position = [], 0
    folded = fold(source)
    for piece in _SENTENCE_END.split(_fold_keep_lines(source)):
        piece = " ".join(piece.split())
        if not piece:
            continue
        start = folded.find(piece, position)
        if start < 0:  # cannot happen: pieces come from the same text, in order
            continue
        spans.append((start, start + len(piece)))
        position = start + len(piece)
    return spans


def sentences_of_quote(quote, source) -> list[int]:
    """Indexes (into ``sentence_spans(source)``) of the sentences the quote overlaps; [] if not verbatim."""
    where = find_quote(quote, source)
    if where is None:
        return []
    start, end = where
    return [i for i, (s, e) in enumerate(sentence_spans(source)) if s < end and start < e]


def check_quotes(quotes: Iterable, source, min_words: int = 5) -> list[str]:
    """Messages for each quote that is empty, shorter than ``min_words`` words, or not verbatim in the source."""
    messages = []
    for number, quote in enumerate(quotes, start=1):
        shown = clean_quote(quote)
        if not shown:
            messages.append(f"Dòng {number}: chưa có câu gốc. Chép nguyên văn câu trong bản ghi chép.")
        elif quote_words(quote) < min_words:
            messages.append(f"Dòng {number}: câu gốc «{shown}» quá ngắn (cần ít nhất {min_words} từ) để đối chiếu.")
        elif find_quote(quote, source) is None:
            short = shown if len(shown) <= 70 else shown[:67] + "..."
            messages.append(f"Dòng {number}: câu gốc «{short}» không có nguyên văn trong bản ghi chép "
                            "(AI hay viết lại câu: hãy tìm câu thật và chép đúng từng chữ).")
    return messages
