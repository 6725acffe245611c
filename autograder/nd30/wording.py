"""Small helpers shared by the checks: text shapes and Vietnamese wording of measurements."""

from __future__ import annotations

import re
import unicodedata

from docx.shared import Length, Twips

from autograder.nd30.reader import Piece

TWIPS_PER_MM = 1440 / 25.4
TOLERANCE_MM = 0.1


def mm(twips: int) -> float:
    """Millimetres of a twips value, via python-docx ``Length``."""
    return Length(Twips(twips)).mm


def number(value: float) -> str:
    """A number the Vietnamese way: no useless decimals, decimal comma."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def pt(half_points: int) -> str:
    """A font size in points, e.g. ``13`` or ``12,5``."""
    return number(half_points / 2)


def sizes_text(values) -> str:
    """Sizes found, e.g. ``12 pt`` or ``12 pt và 14 pt``."""
    ordered = sorted(set(values))
    return " và ".join(f"{pt(v)} pt" for v in ordered)


def between(value_twips: int, low_mm: float, high_mm: float) -> bool:
    """Whether a length lies in [low, high] mm with the 0.1 mm tolerance."""
    value = mm(value_twips)
    return low_mm - TOLERANCE_MM <= value <= high_mm + TOLERANCE_MM


def visible(pieces: list[Piece]) -> list[Piece]:
    """Pieces that show something (not only spaces or tabs)."""
    return [p for p in pieces if p.text.strip()]


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    return " ".join(text.split())


def letters_key(text: str) -> str:
    """Lower-case letters only (for loose matching whatever the spacing, dashes or case)."""
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(ch for ch in text if ch.isalpha())


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


def size_problem(pieces: list[Piece], low_pt: float, high_pt: float) -> str | None:
    """Wording of a size outside [low, high] pt, or None when every size is inside."""
    found = sizes(pieces)
    bad = {s for s in found if not (low_pt * 2 <= s <= high_pt * 2)}
    if not bad:
        return None
    return f"cỡ chữ {sizes_text(found)}"


def size_range(low_pt: float, high_pt: float) -> str:
    """``13–14 pt`` or ``13 pt``."""
    if low_pt == high_pt:
        return f"{number(low_pt)} pt"
    return f"{number(low_pt)}–{number(high_pt)} pt"


def quote(text: str, limit: int = 50) -> str:
    """A short quotation of a text for messages."""
    text = collapse(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_lines(pieces: list[Piece], separators: str = "\n") -> list[list[Piece]]:
    """Split pieces into lines at the given separator characters (line breaks, optionally tabs)."""
    lines: list[list[Piece]] = [[]]
    pattern = re.compile("[" + re.escape(separators) + "]")
    for piece in pieces:
        parts = pattern.split(piece.text)
        for number_, part in enumerate(parts):
            if number_:
                lines.append([])
            if part:
                lines[-1].append(Piece(part, piece.props))
    return lines


def text_of(pieces: list[Piece]) -> str:
    """Joined text of pieces."""
    return "".join(p.text for p in pieces)


ALIGN_NAMES = {
    "left": "căn trái", "start": "căn trái", "right": "căn phải", "end": "căn phải", "center": "căn giữa",
    "both": "căn đều hai bên", "distribute": "căn dàn đều",
}


def align_name(value: str) -> str:
    """Vietnamese name of a paragraph alignment."""
    return ALIGN_NAMES.get(value, value)
