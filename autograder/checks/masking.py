"""Personal data in a text an officer is about to paste into a public AI tool (module 05).

Public API
----------
- ``LABELS``: kind -> the label that replaces it ("[HỌ TÊN]", "[SỐ ĐỊNH DANH]", "[SĐT]", "[EMAIL]",
  "[NGÀY SINH]").
- ``find_personal_data(text) -> list[Finding]``: what the lab's patterns still see in a pasted text — names after
  Ông/Bà or "tên là", 12-digit personal ID numbers (số định danh cá nhân), mobile numbers in the forms people
  write, e-mail addresses, dates of birth. It cannot see names without such a cue, street addresses, health
  details or family ties: a person must read the text too.
- ``mask_personal_data(text) -> str``: the same patterns, replaced by their labels (a first pass, not the last).
- ``grade_masked_text(masked, original, personal, keep, max_score) -> CheckResult``: a masked text against the
  items that had to go (``personal``: description -> the ways it may still show) and the content that had to
  stay (``keep``: description -> accepted forms). Credit is the share of personal items removed (items the
  finder cannot see may weigh more: they take reading); if the
  content the AI needs was destroyed too, or little of the letter's wording is left (a few kept words alone),
  at most 25%. Messages name kinds of items, never a key's value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ailab.text import nfc
from autograder.checks.result import CheckResult

__all__ = ["LABELS", "Finding", "find_personal_data", "grade_masked_text", "mask_personal_data"]

LABELS: dict[str, str] = {
    "họ tên": "[HỌ TÊN]",
    "số định danh cá nhân": "[SỐ ĐỊNH DANH]",
    "số điện thoại": "[SĐT]",
    "email": "[EMAIL]",
    "ngày sinh": "[NGÀY SINH]",
}
_CAP_CONTENT_LOST = 0.25   # the share a masked text can earn once it lost what the AI needs
_MIN_WORDS_KEPT = 0.35     # a masked text keeps at least this share of the original's words
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_CAPITALISED = rf"[{_UPPER}]\w*"
# Order matters: an e-mail may hold 12 digits, a phone number must not eat part of an ID number.
# Each pattern names the personal part ``v``; a cue before it (Ông, sinh ngày …) stays in the text.
_DATE = r"\d{1,2}[/-]\d{1,2}[/-]\d{4}"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"(?P<v>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")),
    ("số định danh cá nhân", re.compile(r"(?<!\d)(?P<v>\d{12})(?!\d)")),
    ("số điện thoại", re.compile(r"(?<![\d+])(?P<v>(?:(?:\+|00)?84[ .]?|0)(?:[35789](?:[ .]?\d){8}"
                                 r"|1(?:[ .]?\d){9}))(?!\d)")),
    ("ngày sinh", re.compile(rf"(?:sinh ngày|ngày sinh|sinh)\s*:?\s*(?P<v>{_DATE})(?!\d)", re.IGNORECASE)),
    ("họ tên", re.compile(rf"\b(?:Ông|Bà|ông|bà|tên là|[Hh]ọ và tên:?|[Hh]ọ tên:?) "
                          rf"(?P<v>{_CAPITALISED}(?: {_CAPITALISED})+)")),
)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data the patterns see: its kind (Vietnamese) and the text as written."""

    kind: str
    text: str


def _nfc(text) -> str:
    return nfc(text if isinstance(text, str) else "")


def find_personal_data(text: str) -> list[Finding]:
    """Personal data the lab's patterns still see in ``text``, in order of appearance."""
    text = _nfc(text)
    found: list[tuple[int, Finding]] = []
    taken: list[range] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = range(match.start("v"), match.end("v"))
            if any(span.start < other.stop and other.start < span.stop for other in taken):
                continue
            taken.append(span)
            found.append((span.start, Finding(kind, match.group("v"))))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def mask_personal_data(text: str) -> str:
    """``text`` with everything ``find_personal_data`` sees replaced by its label."""
    text = _nfc(text)
    for kind, pattern in _PATTERNS:
        text = pattern.sub(lambda m, label=LABELS[kind]: m.group(0)[:m.start("v") - m.start()] + label, text)
    return text


def _flat(text: str) -> str:
    """Lower-cased NFC text with spaces, dots and dashes between digits removed (0912 345 678 = 0912345678)."""
    text = re.sub(r"\s+", " ", _nfc(text).lower())
    return re.sub(r"(?<=\d)[ .\-](?=\d)", "", text)


def _shows(text: str, forms: Sequence[str]) -> bool:
    return any(_flat(form) in text for form in forms)


def _word_share(masked: str, original: str) -> float:
    """The share of the original's words (letters only) that the masked text still uses."""
    words = set(re.findall(r"[^\W\d_]+", _nfc(original).lower()))
    kept = set(re.findall(r"[^\W\d_]+", _nfc(masked).lower()))
    return 0.0 if not words else len(words & kept) / len(words)


def _weights(original: str, personal: Mapping[str, Sequence[str]], unseen_weight: float) -> dict[str, float]:
    """Weight 1 for items the lab's finder sees in ``original`` (a button press), ``unseen_weight`` for the rest
    (they take reading)."""
    seen = _flat(" ".join(f.text for f in find_personal_data(original)))
    return {name: 1.0 if any(_flat(form) in seen for form in forms) else unseen_weight
            for name, forms in personal.items()}


def grade_masked_text(masked, original: str, personal: Mapping[str, Sequence[str]],
                      keep: Mapping[str, Sequence[str]], max_score: float = 1.0,
                      unseen_weight: float = 1.0) -> CheckResult:
    """Weighted share of the ``personal`` items gone from ``masked``; at most 25% if content in ``keep`` is gone.

    Items the lab's finder cannot see in ``original`` weigh ``unseen_weight`` each, the others 1, so running the
    finder's mask alone earns little when reading is the skill graded.
    """
    if not isinstance(masked, str) or not masked.strip():
        return CheckResult(0.0, max_score, ["Chưa có văn bản đã che: hãy dán văn bản vào giữa hai dấu nháy."])
    if _flat(masked) == _flat(original):
        return CheckResult(0.0, max_score, ["Văn bản vẫn y như bản gốc: chưa che thông tin nào."])
    text = _flat(masked)
    left = [name for name, forms in personal.items() if _shows(text, forms)]
    lost = [name for name, forms in keep.items() if not _shows(text, forms)]
    weights = _weights(original, personal, unseen_weight)
    total = sum(weights.values())
    share = (total - sum(weights[name] for name in left)) / total if total else 0.0
    messages = []
    if left:
        messages.append("Còn sót: " + ", ".join(left) + ". Đọc lại từng dòng: thông tin nào giúp nhận ra "
                        "một người (hoặc người thân của họ) thì thay bằng nhãn.")
    if lost:
        share = min(share * (len(keep) - len(lost)) / len(keep), _CAP_CONTENT_LOST)
        messages.append("Đã xóa cả nội dung AI cần để làm việc: " + ", ".join(lost) + ". Chỉ che thông tin "
                        "cá nhân, giữ nguyên nội dung đề nghị.")
    elif _word_share(masked, original) < _MIN_WORDS_KEPT:
        share = min(share, _CAP_CONTENT_LOST)
        messages.append("Văn bản đã che còn quá ít chữ của lá đơn: hãy giữ nội dung, chỉ thay thông tin cá nhân.")
    return CheckResult(round(max_score * share, 2), max_score, messages)
