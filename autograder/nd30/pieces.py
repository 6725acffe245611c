"""What a stretch of pieces looks like: visible text, capitals, bold, italic, sizes, lines."""

from __future__ import annotations

import re

from autograder.nd30.model import Piece


def visible(pieces: list[Piece]) -> list[Piece]:
    """Pieces that show something (not only spaces or tabs)."""
    return [p for p in pieces if p.text.strip()]


def text_of(pieces: list[Piece]) -> str:
    """Joined text of pieces."""
    return "".join(p.text for p in pieces)


def is_upper(pieces: list[Piece]) -> bool:
    """All cased letters are capitals, by the characters or by the caps property."""
    return all(p.props.caps or p.text == p.text.upper() for p in visible(pieces))


def all_bold(pieces: list[Piece]) -> bool:
    """Every visible piece is bold."""
    shown = visible(pieces)
    return bool(shown) and all(p.props.bold for p in shown)


def any_bold(pieces: list[Piece]) -> bool:
    """Some visible piece is bold."""
    return any(p.props.bold for p in visible(pieces))


def any_italic(pieces: list[Piece]) -> bool:
    """Some visible piece is italic."""
    return any(p.props.italic for p in visible(pieces))


def all_italic(pieces: list[Piece]) -> bool:
    """Every visible piece is italic."""
    shown = visible(pieces)
    return bool(shown) and all(p.props.italic for p in shown)


def sizes(pieces: list[Piece]) -> set[int]:
    """Sizes (half-points) of the visible pieces."""
    return {p.props.size for p in visible(pieces)}


def split_lines(pieces: list[Piece], separators: str = "\n") -> list[list[Piece]]:
    """Split pieces into lines at the given separator characters (line breaks, optionally tabs)."""
    lines: list[list[Piece]] = [[]]
    pattern = re.compile("[" + re.escape(separators) + "]")
    for piece in pieces:
        parts = pattern.split(piece.text)
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append(Piece(part, piece.props))
    return lines
