"""Grade a learner's list of invented sentences in an AI answer (module 01).

An exercise shows a source text and an AI answer whose sentences are numbered [1], [2], …; some sentences
were planted with invented or wrong facts. The learner lists the numbers of those sentences.

Public API
----------
- ``numbered_sentences(text) -> dict[int, str]``: the sentences of an answer file written as "[n] sentence".
- ``check_claims_format(chosen, sentence_count) -> list[str]``: Vietnamese messages about the *form* of the
  answer (a list of whole numbers between 1 and ``sentence_count``, no repeats); empty when the form is right.
- ``grade_invented_claims(chosen, planted, sentence_count, max_score) -> CheckResult``: compare with the
  planted set; partial credit (found minus false alarms). Messages name the learner's false alarms (their own
  choices) but never the planted sentences they missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ailab.text import nfc
from autograder.checks.result import CheckResult

__all__ = ["check_claims_format", "grade_invented_claims", "numbered_sentences"]

_NUMBERED = re.compile(r"^\s*\[(\d+)\]\s*(.+?)\s*$")


def numbered_sentences(text: str) -> dict[int, str]:
    """Sentence number -> sentence, for every line written as "[n] sentence" (other lines are ignored)."""
    sentences = {}
    for line in nfc(text or "").splitlines():
        match = _NUMBERED.match(line)
        if match:
            sentences[int(match.group(1))] = match.group(2)
    return sentences


def _as_list(chosen) -> list | None:
    """The learner's answer as a list, or None when it is not a list/tuple/set of items."""
    if isinstance(chosen, (list, tuple, set, frozenset)):
        return list(chosen)
    return None


def check_claims_format(chosen, sentence_count: int) -> list[str]:
    """Vietnamese messages about what is wrong with the form of ``chosen``; empty when the form is right."""
    items = _as_list(chosen)
    if items is None:
        return ["Câu trả lời phải là một danh sách số trong ngoặc vuông, ví dụ: [2, 5]."]
    if not items:
        return ["Danh sách đang trống: hãy ghi số thứ tự các câu bịa hoặc sai, ví dụ: [2, 5]."]
    messages = []
    not_numbers = [item for item in items if isinstance(item, bool) or not isinstance(item, int)]
    if not_numbers:
        shown = ", ".join(repr(item) for item in not_numbers)
        messages.append(f"Chỉ ghi số thứ tự câu (số nguyên, không có dấu nháy). Cần sửa: {shown}.")
    out_of_range = sorted(i for i in items if isinstance(i, int) and not isinstance(i, bool)
                          and not 1 <= i <= sentence_count)
    if out_of_range:
        messages.append(f"Câu trả lời của AI chỉ có các câu từ 1 đến {sentence_count}; "
                        f"không có câu số {', '.join(map(str, out_of_range))}.")
    if isinstance(chosen, (list, tuple)) and len(set(map(repr, items))) < len(items):
        messages.append("Mỗi số chỉ ghi một lần: danh sách đang có số bị lặp.")
    return messages


def grade_invented_claims(chosen, planted: Iterable[int], sentence_count: int,
                          max_score: float = 1.0) -> CheckResult:
    """Planted sentences found minus false alarms, as a share of the planted ones (never below 0).

    Ticking every sentence earns nothing when fewer than half of the sentences are planted.
    """
    planted_set = set(planted)
    form = check_claims_format(chosen, sentence_count)
    if form:
        return CheckResult(0.0, max_score, form)
    picked = {int(i) for i in _as_list(chosen)}
    found = picked & planted_set
    false_alarms = sorted(picked - planted_set)
    missed = len(planted_set - picked)
    messages = []
    if false_alarms:
        numbers = ", ".join(map(str, false_alarms))
        messages.append(f"Câu {numbers} khớp với văn bản nguồn nhưng đang bị đánh dấu là bịa: "
                        "đọc lại nguồn rồi bỏ số đó khỏi danh sách (mỗi câu đánh dấu nhầm bị trừ điểm).")
    if missed:
        messages.append(f"Còn bỏ sót {missed} câu bịa hoặc sai. Gợi ý: so từng con số, ngày tháng, "
                        "địa điểm và căn cứ pháp lý trong câu trả lời với văn bản nguồn.")
    earned = max(0, len(found) - len(false_alarms))
    return CheckResult.partial(earned, len(planted_set), max_score, messages)
