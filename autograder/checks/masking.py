"""Grade a learner's masking function ``che_thong_tin(van_ban) -> str`` (module 05).

The function must replace personal data with labels: ``[CCCD]``, ``[SĐT]``, ``[EMAIL]``, ``[NGÀY SINH]`` and
``[HỌ TÊN]`` (the word "Ông"/"Bà" before a name is kept), and leave everything else unchanged.

Public API
----------
- ``LABELS``: the five labels.
- ``MaskingCase(text, expected, topic, hidden=False)``: one input and the exact expected output; ``topic`` is a
  short Vietnamese description used in messages ("số điện thoại có dấu chấm").
- ``grade_masking(mask_function, cases, max_points=1.0) -> MaskingResult``: run the function over the cases.
  A visible case's message shows input, expected and actual output; a hidden case's message gives only its
  topic and whether something was left unmasked or masked by mistake, never the hidden text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["LABELS", "MaskingCase", "MaskingResult", "grade_masking"]

LABELS = ("[CCCD]", "[SĐT]", "[EMAIL]", "[NGÀY SINH]", "[HỌ TÊN]")

_LABEL_HINT = {
    "[CCCD]": "số CCCD (MAU_CCCD)",
    "[SĐT]": "số điện thoại (MAU_DIEN_THOAI)",
    "[EMAIL]": "email (MAU_EMAIL)",
    "[NGÀY SINH]": "ngày sinh (MAU_NGAY_SINH)",
    "[HỌ TÊN]": "họ tên sau Ông/Bà (MAU_HO_TEN)",
}


@dataclass(frozen=True)
class MaskingCase:
    """One test input for the masking function and the exact text it must return."""

    text: str
    expected: str
    topic: str
    hidden: bool = False


@dataclass(frozen=True)
class MaskingResult:
    """How many cases passed, the points they earn, and one Vietnamese message per failing case."""

    passed: int
    total: int
    points: float
    messages: tuple[str, ...]

    @property
    def all_passed(self) -> bool:
        """True when every case passed."""
        return self.total > 0 and self.passed == self.total

    def report(self) -> str:
        """All messages on separate lines, for an assert message."""
        return "\n".join(self.messages)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _label_counts(text: str) -> dict[str, int]:
    return {label: text.count(label) for label in LABELS}


def _difference(expected: str, actual: str) -> str:
    """Say, per label, whether the output masks too little or too much (Vietnamese)."""
    want, got = _label_counts(expected), _label_counts(actual)
    notes = []
    for label in LABELS:
        if got[label] < want[label]:
            notes.append(f"còn sót {want[label] - got[label]} chỗ cần che bằng {label} — xem {_LABEL_HINT[label]}")
        elif got[label] > want[label]:
            notes.append(f"che nhầm {got[label] - want[label]} chỗ bằng {label} (chỗ đó không phải "
                         f"thông tin cần che) — xem {_LABEL_HINT[label]}")
    if not notes:
        notes.append("số chỗ che đã đủ nhưng văn bản còn lại bị thay đổi (che thừa hoặc thiếu vài chữ, "
                     "hoặc mất dấu cách) — so sánh kỹ từng chữ")
    return "; ".join(notes)


def _check_one(mask_function: Callable[[str], str], case: MaskingCase) -> str | None:
    """None when the case passes, otherwise a Vietnamese message."""
    where = f"Trường hợp ẩn ({case.topic})" if case.hidden else f"Ví dụ «{case.text}» ({case.topic})"
    try:
        actual = mask_function(case.text)
    except NotImplementedError:
        return f"{where}: hàm chưa được viết xong (còn dòng raise NotImplementedError())."
    except Exception as error:  # the learner's code may fail in any way; report it, don't crash the grader
        return f"{where}: hàm báo lỗi {type(error).__name__}: {error}. Kiểm tra lại các mẫu vừa điền."
    if not isinstance(actual, str):
        return f"{where}: hàm phải trả về một đoạn văn bản (str), đang trả về {type(actual).__name__}."
    actual, expected = _nfc(actual), _nfc(case.expected)
    if actual == expected:
        return None
    if case.hidden:
        return f"{where}: chưa đúng — {_difference(expected, actual)}."
    return f"{where}: cần ra «{expected}» nhưng hàm trả về «{actual}» — {_difference(expected, actual)}."


def grade_masking(mask_function, cases: Iterable[MaskingCase], max_points: float = 1.0) -> MaskingResult:
    """Run ``mask_function`` over ``cases``; points are ``max_points`` times the share of cases passed."""
    cases = [MaskingCase(_nfc(c.text), _nfc(c.expected), c.topic, c.hidden) for c in cases]
    if not callable(mask_function):
        message = "Chưa có hàm che_thong_tin: hãy chạy lại các ô phía trên (Run ▶) rồi chạy ô này."
        return MaskingResult(0, len(cases), 0.0, (message,))
    messages = [m for case in cases if (m := _check_one(mask_function, case))]
    passed = len(cases) - len(messages)
    points = round(max_points * passed / len(cases), 2) if cases else 0.0
    return MaskingResult(passed, len(cases), points, tuple(messages))
