"""A figure counts only beside its own indicator: grade the figures of a summary or a narrative.

A summary or a narrative is right when each indicator it reports carries that indicator's figure, in the
clause that names the indicator — not anywhere in the text. This check finds, for every figure of a text,
the indicator it sits beside, then compares.

Public API
----------
- ``Indicator(key, label, words, value, percent)``: one indicator — its words and synonyms (any one of them
  names it) and the value it must carry (a figure as written, "71,3%", or a number, 84.52).
- ``Trend(subject, points)``: a quantity followed over time (points in time order, each with its words and
  value); a clause that says "tăng"/"giảm" about it must say it in the right direction.
- ``read_figures(text, indicators, source, trends) -> Findings``: what the text says, indicator by indicator.
- ``figures_by_indicator(text, named) -> dict``: which figures share a clause with which indicator, without the
  right values — for hints and for showing a learner what an AI answer attached to each indicator.
- ``trend_stated(text, trend) -> bool``: does the text say, rightly, which way the trend went?
- ``grade_indicators(text, indicators, *, source, need, max_score, trends) -> CheckResult``: points for the
  indicators reported right; figures traded between indicators, invented figures and reversed trends cost
  points. Messages name the indicators (the task's own labels), never the expected figures.

How a figure finds its indicator
--------------------------------
The text is cut into sentences, then into clauses (at ", ", ";", ":", " và ", " nhưng ", " trong khi ").
A figure belongs to the indicators named in its clause — to the nearest mention when the clause names several;
a clause that names none continues the clause before it in the same sentence ("Thu ngân sách đạt 11,94 tỷ
đồng, bằng 76% dự toán"). Numbers inside an indicator's own words ("tháng 7") are not figures.
A figure matches a value within half a unit of its last written digit ("71%" for 71,3%; "84,5%" for 84,52),
and a percentage only matches a percentage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ailab.text import nfc
from autograder.checks.numbers import (
    NUMBER,
    PERCENT,
    Number,
    extract_numbers,
    number_supported,
    unsupported_numbers,
)
from autograder.checks.result import CheckResult

__all__ = ["Findings", "Indicator", "Trend", "figures_by_indicator", "grade_indicators", "read_figures",
           "trend_stated"]

_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSE = re.compile(r",\s+|;\s*|:\s+|\s+(?:và|nhưng|trong khi|còn lại)\s+|\s+[–-]\s+", re.IGNORECASE)
_UP = ("tăng", "cao hơn", "nhiều hơn", "đi lên", "nhích lên", "cải thiện", "lên tới", "lên đến", "từ .* lên")
_DOWN = ("giảm", "thấp hơn", "ít hơn", "đi xuống", "sụt", "kém hơn", "từ .* xuống")


@dataclass(frozen=True)
class Indicator:
    """One indicator: ``words`` name it (any one, case-insensitive, whole words); ``value`` is its figure."""

    key: str
    label: str
    words: tuple[str, ...]
    value: str | float | Decimal
    percent: bool = False

    def number(self) -> Number:
        """The expected figure as a Number (text "71,3%" is read as written; a float keeps its digits)."""
        if isinstance(self.value, str):
            found = [n for n in extract_numbers(self.value) if n.value is not None]
            if len(found) != 1:
                raise ValueError(f"indicator {self.key}: {self.value!r} is not one figure")
            return found[0]
        value = Decimal(str(self.value))
        return Number(str(self.value), abs(value), PERCENT if self.percent else NUMBER,
                      max(0, -value.as_tuple().exponent))


@dataclass(frozen=True)
class Trend:
    """A quantity over time: ``subject`` words name it; ``points`` are (words naming the time, value), in order."""

    subject: tuple[str, ...]
    points: tuple[tuple[tuple[str, ...], float], ...]
    groups: tuple[str, ...] = ()  # words of groups compared side by side ("hộ tịch"), not over time


@dataclass
class Findings:
    """What a text says: indicators reported right, wrong (a figure that is not theirs), and stray figures."""

    right: set[str] = field(default_factory=set)
    wrong: set[str] = field(default_factory=set)
    misplaced: list[str] = field(default_factory=list)   # figures of one indicator written beside another
    invented: list[str] = field(default_factory=list)    # figures found nowhere in the source
    reversed: list[str] = field(default_factory=list)    # clauses whose trend word contradicts the data


@dataclass(frozen=True)
class _Mention:
    key: str
    start: int
    end: int


def _mentions(clause: str, named: Sequence[tuple[str, tuple[str, ...]]]) -> list[_Mention]:
    found = []
    for key, words in named:
        for word in words:
            pattern = rf"(?<!\w){re.escape(nfc(word))}(?!\w)"
            found += [_Mention(key, m.start(), m.end()) for m in re.finditer(pattern, clause, re.IGNORECASE)]
    return found


def _clauses(text: str) -> list[list[str]]:
    """Sentences, each a list of clauses. A decimal comma ("71,3") has no space, so it is never a cut."""
    return [[c for c in _CLAUSE.split(s) if c and c.strip()] for s in _SENTENCE.split(nfc(text)) if s.strip()]


def _figures(clause: str, mentions: list[_Mention]) -> list[Number]:
    inside = [(m.start, m.end) for m in mentions]
    return [n for n in extract_numbers(clause) if n.kind in (NUMBER, PERCENT)
            and not any(a <= n.start and n.end <= b for a, b in inside)]


def _matches(figure: Number, expected: Number, clause: str) -> bool:
    """Same value within half a unit of the figure's last digit; a percentage only matches a percentage."""
    is_percent = figure.kind == PERCENT or clause[figure.end:].lstrip().lower().startswith("phần trăm")
    if is_percent != (expected.kind == PERCENT):
        return False
    return number_supported(figure, [expected], rounding=True)


def _nearest(figure: Number, mentions: list[_Mention]) -> str:
    def gap(m: _Mention) -> tuple[int, int]:
        before = m.end <= figure.start
        return (figure.start - m.end if before else m.start - figure.end, 0 if before else 1)
    return min(mentions, key=gap).key


def _read_clause(clause: str, mentions: list[_Mention], inherited: set[str], expected: dict,
                 findings: Findings, source, candidates) -> None:
    """Credit, or fault, the indicators of one clause for each of its figures."""
    keys = {m.key for m in mentions} or inherited
    figures = []
    for figure in _figures(clause, mentions):
        nearest = _nearest(figure, mentions) if mentions else None
        fits = {k for k in keys if _matches(figure, expected[k], clause)}
        figures.append((figure, nearest, fits))
    for figure, nearest, fits in figures:
        if nearest in fits:
            findings.right.add(nearest)
            continue
        # Two figures that each fit the other's mention in one clause were traded ("việc làm 1,88% hộ nghèo 360").
        traded = nearest is not None and any(nearest in f2 and n2 in fits for g, n2, f2 in figures if g is not figure)
        if fits and not traded:
            findings.right |= fits
            continue
        owners = {nearest} if nearest else set(keys)
        if traded or any(_matches(figure, value, clause) for value in expected.values()):
            findings.misplaced.append(figure.text)
            findings.wrong |= owners
        elif not _in_source(figure, source, candidates):
            findings.invented.append(figure.text)
            findings.wrong |= owners


def read_figures(text: str, indicators: Iterable[Indicator], source=(), trends: Iterable[Trend] = ()) -> Findings:
    """Read every figure of ``text`` against the indicators (see the module docstring for the rules).

    ``source`` holds the other figures the text may use without harm (a report, a table); a figure that is
    in neither the indicators nor the source is invented.
    """
    indicators = list(indicators)
    expected = {i.key: i.number() for i in indicators}
    named = [(i.key, i.words) for i in indicators]
    candidates = list(extract_numbers(source)) if isinstance(source, str) else None
    findings = Findings()
    for sentence in _clauses(text):
        inherited: set[str] = set()
        for clause in sentence:
            mentions = _mentions(clause, named)
            if mentions:
                inherited = {m.key for m in mentions}
            _read_clause(clause, mentions, inherited, expected, findings, source, candidates)
    findings.right -= findings.wrong
    for trend in trends:
        findings.reversed += _reversed_clauses(text, trend)
    return findings


def figures_by_indicator(text: str, named: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, list[str]]:
    """{key: figures in the clauses that name it} for (key, words) pairs; a key the text never names is absent."""
    named = list(named)
    found: dict[str, list[str]] = {}
    for sentence in _clauses(text):
        inherited: set[str] = set()
        for clause in sentence:
            mentions = _mentions(clause, named)
            if mentions:
                inherited = {m.key for m in mentions}
                for key in inherited:
                    found.setdefault(key, [])
            for figure in _figures(clause, mentions):
                for key in sorted(inherited):
                    found[key].append(figure.text)
    return found


def _in_source(figure: Number, source, candidates) -> bool:
    if candidates is not None:
        return number_supported(figure, candidates, rounding=True)
    return not unsupported_numbers(figure.text, source, rounding=True)


def _direction(clause: str) -> int:
    lowered = clause.casefold()
    up = any(re.search(rf"(?<!\w){w}(?!\w)(?! cường)", lowered) for w in _UP)
    down = any(re.search(rf"(?<!\w){w}(?!\w)(?! nghèo)", lowered) for w in _DOWN)
    return 0 if up == down else (1 if up else -1)


def _trend_claims(text: str, trend: Trend) -> list[tuple[str, bool]]:
    """(clause, agrees with the data) for each clause that says which way ``trend`` went.

    A clause speaks about the trend when its sentence names the subject; it compares the two points it
    names, the point it names with the one before, or (naming none) the first point with the last.
    Clauses naming one of ``trend.groups`` compare groups, not times, and are left out.
    """
    values = [value for _, value in trend.points]
    claims = []
    for sentence in _clauses(text):
        if not _mentions(" ".join(sentence), [("s", trend.subject)]):
            continue
        for clause in sentence:
            direction = _direction(clause)
            if direction == 0 or _mentions(clause, [("g", trend.groups)]):
                continue
            named = sorted({i for i, (words, _) in enumerate(trend.points) if _mentions(clause, [("p", words)])})
            if len(named) == 1:
                named = [named[0] - 1, named[0]] if named[0] > 0 else []
            first, last = (named[0], named[-1]) if len(named) >= 2 else (0, len(values) - 1)
            actual = (values[last] > values[first]) - (values[last] < values[first])
            if actual:
                claims.append((clause.strip(), direction == actual))
    return claims


def _reversed_clauses(text: str, trend: Trend) -> list[str]:
    return [clause for clause, agrees in _trend_claims(text, trend) if not agrees]


def trend_stated(text: str, trend: Trend) -> bool:
    """True when the text says at least once, rightly, which way ``trend`` went."""
    return any(agrees for _, agrees in _trend_claims(text, trend))


def grade_indicators(text, indicators: Sequence[Indicator], *, source=(), need: int | None = None,
                     max_score: float = 1.0, trends: Iterable[Trend] = ()) -> CheckResult:
    """Points for the indicators reported beside their own figure, minus one per stray or reversed claim.

    ``need`` indicators right earn full points (default: all of them). Each figure traded to another
    indicator or invented, and each reversed trend, takes away one indicator's worth.
    """
    need = need or len(indicators)
    if not isinstance(text, str) or not text.strip():
        return CheckResult(0.0, max_score, ["Phần trả lời đang để trống."])
    found = read_figures(text, indicators, source, trends)
    labels = {i.key: i.label for i in indicators}
    messages = [f"«{labels[k]}»: con số đặt cạnh chỉ tiêu này không phải số liệu của nó — đối chiếu lại với nguồn."
                for k in sorted(found.wrong)]
    if found.misplaced:
        messages.append("Số " + ", ".join(f"«{t}»" for t in found.misplaced)
                        + " là số liệu của chỉ tiêu khác, đang đặt sai chỗ.")
    if found.invented:
        messages.append("Số " + ", ".join(f"«{t}»" for t in found.invented) + " không có trong nguồn.")
    messages += [f"Câu «{c}» nói ngược xu hướng của số liệu." for c in found.reversed]
    penalties = len(found.misplaced) + len(found.invented) + len(found.reversed)
    earned = max(0, min(len(found.right), need) - penalties)
    if len(found.right) < need:
        missing = [labels[i.key] for i in indicators if i.key not in found.right and i.key not in found.wrong]
        messages.append(f"Mới có {len(found.right)}/{need} chỉ tiêu kèm đúng con số ngay bên cạnh."
                        + (f" Chưa thấy: {'; '.join(missing)}." if missing else ""))
    return CheckResult.partial(earned, need, max_score, messages)
