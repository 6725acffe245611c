"""Legal bases that are no longer current: the commonest real error of AI drafts (they learnt the old law).

The table ``legal_basis.csv`` (beside this file) lists, with a source for each row, a superseded basis (the phrases that cite
it), what to cite instead, and the date from which the old one must not be cited. A document dated before
that date is not flagged. A trainer adds a row when a law changes; no code changes.

Public API
----------
- ``load_table()``: the rows as ``SupersededBasis`` (cached).
- ``find_superseded(text, on)``: a ``LegalFinding`` (rule id, quote, what to cite now) per outdated citation.
- ``check_legal_basis(text, on, max_score)``: a ``CheckResult``, full points when nothing is outdated.
- ``names_current(answer, basis)``: whether a learner's replacement names this row's current basis (and not
  another row's), or, for a basis that has no successor, says to drop it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ailab.text import nfc
from autograder.checks.facts import normalise
from autograder.checks.result import CheckResult

__all__ = ["LegalFinding", "SupersededBasis", "check_legal_basis", "find_superseded", "load_table",
           "names_current"]

TABLE = Path(__file__).with_name("legal_basis.csv")
_DROP_WORDS = ("bỏ", "xóa", "xoá", "loại bỏ", "không dùng", "không ghi")


@dataclass(frozen=True)
class SupersededBasis:
    """One row of the table: an outdated basis and what replaces it from ``since``."""

    id: str
    superseded: str
    phrases: tuple[str, ...]
    current: str
    current_ids: tuple[str, ...]
    since: dt.date
    source: str


@dataclass(frozen=True)
class LegalFinding:
    """An outdated citation found in a text: rule id ``legal_basis.<row id>``, the words quoted, the fix."""

    rule: str
    severity: str
    quote: str
    basis: SupersededBasis

    @property
    def message(self) -> str:
        """What was found and what to cite now, in Vietnamese."""
        return (f"«{self.quote}»: {self.basis.superseded} không còn áp dụng từ ngày "
                f"{self.basis.since:%d/%m/%Y}. Hiện nay: {self.basis.current}.")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


@functools.lru_cache(maxsize=4)
def load_table(path: str | Path = TABLE) -> tuple[SupersededBasis, ...]:
    """The rows of the superseded-basis table (UTF-8 CSV with a ``source`` column)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple(
            SupersededBasis(row["id"], row["superseded"], _split(row["phrases"]), row["current"],
                            _split(row["current_ids"]), dt.date.fromisoformat(row["since"]), row["source"])
            for row in csv.DictReader(handle)
        )


@functools.lru_cache(maxsize=1024)
def _pattern(phrase: str) -> re.Pattern:
    """A phrase found in the original text whatever its case, spacing or kind of dash, as whole words."""
    parts = re.split(r"(\s*[-–—]\s*|\s+)", nfc(phrase).strip())
    regex = "".join(r"\s*[-–—]\s*" if part.strip() in "-–—" and part.strip() else
                    r"\s+" if part.isspace() else re.escape(part) for part in parts if part)
    return re.compile(r"(?<!\w)" + regex + r"(?![\w/])", re.IGNORECASE)


def find_superseded(text: str, on: dt.date, table: tuple[SupersededBasis, ...] | None = None) -> list[LegalFinding]:
    """Outdated citations in ``text`` for a document dated ``on``: one finding per row and place cited."""
    table = load_table() if table is None else table
    # "Uỷ" (old accent placement) and "Ủy" are the same word and the same length: read both.
    plain = nfc(str(text or "")).replace("Uỷ", "Ủy").replace("uỷ", "ủy").replace("UỶ", "ỦY")
    findings = []
    for basis in table:
        if on < basis.since:
            continue
        spans = sorted({match.span() for phrase in basis.phrases for match in _pattern(phrase).finditer(plain)})
        last_end = -1
        for start, end in spans:
            if start >= last_end:
                findings.append(LegalFinding(f"legal_basis.{basis.id}", "error", plain[start:end], basis))
                last_end = end
    return findings


def check_legal_basis(text: str, on: dt.date, max_score: float = 1.0) -> CheckResult:
    """Full points when ``text`` cites nothing outdated for a document dated ``on``; else zero, with the fixes."""
    return CheckResult.from_problems([finding.message for finding in find_superseded(text, on)], max_score)


def names_current(answer: str, basis: SupersededBasis, table: tuple[SupersededBasis, ...] | None = None) -> bool:
    """True when ``answer`` names this row's current basis and no other row's (padding every number fails).

    A row without a successor (a body that no longer exists) is answered by saying to drop the citation, or
    by naming a province or commune body, without naming the old body again.
    """
    table = load_table() if table is None else table
    plain = normalise(answer)
    others = {normalise(ident) for row in table if row.id != basis.id for ident in row.current_ids}
    others -= {normalise(ident) for ident in basis.current_ids}
    if any(ident in plain for ident in others):
        return False
    if basis.current_ids:
        return any(normalise(ident) in plain for ident in basis.current_ids)
    if any(re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", plain) for word in _DROP_WORDS):
        return True
    names_old = any(_pattern(phrase).search(nfc(answer)) for phrase in basis.phrases)
    return not names_old and bool(re.search(r"(ủy ban nhân dân|ubnd) (tỉnh|xã|phường)", plain))
