"""Lines of a paragraph (split at line breaks, and at tabs in the header) and simple paragraph shapes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from autograder.nd30.model import Para, Piece
from autograder.nd30.pieces import split_lines, text_of

LINE_ONLY_RE = re.compile(r"^[\s_\-–—=.·…]*$")


@dataclass(slots=True)
class Line:
    """One line of a paragraph (split at line breaks, and at tabs in the header)."""

    para: Para
    pieces: list[Piece]

    @property
    def text(self) -> str:
        """Text of the line, trimmed."""
        return text_of(self.pieces).strip()


def lines_of(para: Para, tabs: bool = False) -> list[Line]:
    """Non-empty lines of a paragraph."""
    return [Line(para, pieces) for pieces in split_lines(para.pieces, "\n\t" if tabs else "\n")
            if text_of(pieces).strip()]


def line_text(lines: list[Line]) -> str:
    """Text of several lines joined by spaces."""
    return " ".join(ln.text for ln in lines)


def is_line_only(para: Para) -> bool:
    """An empty paragraph, a line of underscores, or one holding only a drawn line."""
    return LINE_ONLY_RE.match(para.text) is not None


def has_words(text: str) -> bool:
    """True when the text has a letter or digit."""
    return any(ch.isalnum() for ch in text)
