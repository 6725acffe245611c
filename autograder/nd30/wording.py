"""Vietnamese wording of what the checks measure: numbers, font sizes, alignments, short quotes."""

from __future__ import annotations

from autograder.nd30.matching import collapse
from autograder.nd30.model import Piece
from autograder.nd30.pieces import sizes

ALIGN_NAMES = {
    "left": "căn trái", "start": "căn trái", "right": "căn phải", "end": "căn phải", "center": "căn giữa",
    "both": "căn đều hai bên", "distribute": "căn dàn đều",
}


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


def align_name(value: str) -> str:
    """Vietnamese name of a paragraph alignment."""
    return ALIGN_NAMES.get(value, value)
