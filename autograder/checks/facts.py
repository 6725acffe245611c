"""Facts present, each in its own sentence beside its own subject (reusable by every module that grades prose).

A fact of a task ("giờ họp: 14 giờ 00") counts only where the text *says* it: inside a sentence, next to a
word that names what it is (its subject: "thời gian", "vào lúc", "tại", "chủ trì", …), with no other fact's
subject closer to it. So a list of bare facts, a salad of facts and labels in one line, or a time written
after "Địa điểm:" earns nothing, while a sentence in the learner's own words earns the fact.

Public API
----------
- ``Fact(label, spellings, subjects)``: what to look for; ``spellings`` are accepted ways to write the value
  (plain text, matched leniently: case, spaces, kinds of dash), ``subjects`` the words that name it.
- ``sentences(text)``: the sentences of a text, normalised (split at . ! ? followed by a capital, and line breaks).
- ``missing_facts(text, facts)``: the facts written nowhere in the text.
- ``misplaced_facts(text, facts)``: the facts written, but never beside their own subject (or, somewhere,
  beside another fact's subject).
- ``check_facts(text, facts, max_score)``: a ``CheckResult``, points in proportion to the facts in place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ailab.text import nfc, split_sentences
from autograder.checks.result import CheckResult

__all__ = ["Fact", "check_facts", "fact_positions", "misplaced_facts", "missing_facts", "normalise", "sentences"]

# How many words may separate a fact from its subject ("Thời gian: 14 giờ 00, thứ Năm, ngày 12 …").
WINDOW = 8

_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Text for lenient matching: NFC, lower case, one kind of dash with no spaces around it, single spaces."""
    text = nfc(str(text or "")).translate(_DASHES).casefold()
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (``ailab.text.split_sentences``: line breaks end one too), normalised."""
    return [normalise(piece) for piece in split_sentences(str(text or "")) if piece.strip()]


@dataclass(frozen=True)
class Fact:
    """A fact a text must state: its label (for messages), accepted spellings and the words that name it."""

    label: str
    spellings: tuple[str, ...]
    subjects: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.spellings, str):
            object.__setattr__(self, "spellings", (self.spellings,))
        if isinstance(self.subjects, str):
            object.__setattr__(self, "subjects", (self.subjects,))


@functools.lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> re.Pattern:
    """A phrase matched as whole words, any run of spaces between them ("lúc" does not match "lúcc")."""
    words = [re.escape(word) for word in normalise(phrase).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _spans(sentence: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    found = []
    for phrase in phrases:
        found += [match.span() for match in _phrase_pattern(phrase).finditer(sentence)]
    return found


def fact_positions(sentence: str, fact: Fact) -> list[tuple[int, int]]:
    """Character spans of ``fact``'s value in a normalised sentence (longest spelling wins on overlap)."""
    spans = sorted(_spans(sentence, fact.spellings), key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _words_between(sentence: str, start: int, end: int) -> int:
    return len(_WORD.findall(sentence[start:end])) if end > start else 0


def _nearest_subject(sentence: str, span: tuple[int, int], facts: Sequence[Fact]) -> tuple[set[str], bool]:
    """Labels of the facts whose subject names the value at ``span`` (or an empty set), and whether that
    subject is a label ("Địa điểm: …").

    Vietnamese names a thing before it ("Thời gian: …", "tại …"), so the nearest subject before the value
    (within ``WINDOW`` words) wins; only when there is none does the nearest one after it count ("ông … chủ
    trì"). One word may name several facts ("nộp" names the deadline and the place): all are returned.
    """
    before: dict[int, set[str]] = {}
    after: dict[int, set[str]] = {}
    labels: set[int] = set()
    for fact in facts:
        for start, end in _spans(sentence, fact.subjects):
            if start < span[1] and end > span[0]:
                continue  # a subject inside the value itself ("ngày" in "ngày 12 tháng 3") does not name it
            if end <= span[0]:
                distance = _words_between(sentence, end, span[0])
                before.setdefault(distance, set()).add(fact.label)
                if sentence[end:end + 1] == ":":
                    labels.add(distance)
            else:
                after.setdefault(_words_between(sentence, span[1], start), set()).add(fact.label)
    near = [distance for distance in before if distance <= WINDOW]
    if near:
        return before[min(near)], min(near) in labels
    near = [distance for distance in after if distance <= WINDOW]
    return (after[min(near)] if near else set()), False


def _placements(text: str, fact: Fact, facts: Sequence[Fact]) -> list[str]:
    """For every place ``fact`` is written: "own" beside its own subject, "wrong" right after another fact's
    label ("Địa điểm: 14 giờ 00"), "bare" otherwise."""
    results = []
    for sentence in sentences(text):
        for span in fact_positions(sentence, fact):
            owners, is_label = _nearest_subject(sentence, span, facts)
            if fact.label in owners:
                results.append("own")
            else:
                results.append("wrong" if owners and is_label else "bare")
    return results


def missing_facts(text: str, facts: Iterable[Fact]) -> list[Fact]:
    """The facts written nowhere in ``text``."""
    pieces = sentences(text)
    return [fact for fact in facts if not any(fact_positions(piece, fact) for piece in pieces)]


def misplaced_facts(text: str, facts: Iterable[Fact]) -> list[Fact]:
    """The facts written in ``text`` but not stated: never beside their own subject, or once written under
    another fact's label (hedging: the same time under "Thời gian:" and under "Địa điểm:")."""
    facts = list(facts)
    misplaced = []
    for fact in facts:
        placements = _placements(text, fact, facts)
        if placements and ("own" not in placements or "wrong" in placements):
            misplaced.append(fact)
    return misplaced


def check_facts(text: str, facts: Iterable[Fact], max_score: float) -> CheckResult:
    """Points in proportion to the facts stated in place; a Vietnamese message for each one that is not."""
    facts = list(facts)
    missing = missing_facts(text, facts)
    misplaced = misplaced_facts(text, facts)
    messages = [f"Chưa có {fact.label}." for fact in missing]
    for fact in misplaced:
        example = fact.subjects[0] if fact.subjects else fact.label
        messages.append(
            f"Có {fact.label} nhưng chưa nằm trong một câu nói rõ đó là gì (ví dụ có chữ «{example}» "
            "ngay bên cạnh), hoặc bị ghi cạnh mục khác: viết thành câu, mỗi dữ kiện đúng chỗ của nó."
        )
    earned = len(facts) - len(missing) - len(misplaced)
    return CheckResult.partial(earned, len(facts), max_score, messages)
