"""Lengths from the file (twips) in millimetres, and the decree's ranges with a small tolerance."""

from __future__ import annotations

from docx.shared import Length, Twips

TOLERANCE_MM = 0.1  # Word rounds lengths typed in cm or inches to whole twips


def mm(twips: int) -> float:
    """Millimetres of a twips value, via python-docx ``Length``."""
    return Length(Twips(twips)).mm


def between(value_twips: int, low_mm: float, high_mm: float) -> bool:
    """Whether a length lies in [low, high] mm with the 0.1 mm tolerance."""
    value = mm(value_twips)
    return low_mm - TOLERANCE_MM <= value <= high_mm + TOLERANCE_MM
