"""Grade a multiple-answer question: the learner lists the options that apply (modules 01 and 05).

Public API
----------
- ``check_choices_format(chosen, options) -> list[str]``: Vietnamese messages about the *form* of the answer
  (a non-empty list of known options, no repeats); empty when the form is right.
- ``grade_choices(chosen, expected, options) -> ChoicesResult``: compare with the expected options.
  Messages name the learner's wrong picks (their own answer) and how many right ones are missing, never which.
Options are compared without regard to case, surrounding spaces or Unicode form ("Vai trò " = "vai trò").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ChoicesResult", "check_choices_format", "grade_choices"]


@dataclass(frozen=True)
class ChoicesResult:
    """Whether the chosen options are exactly the expected ones, with Vietnamese messages."""

    correct: bool
    wrong_picks: tuple[str, ...]
    missing_count: int
    messages: tuple[str, ...]

    def report(self) -> str:
        """All messages on separate lines, for an assert message."""
        return "\n".join(self.messages)


def _key(option) -> str:
    return " ".join(unicodedata.normalize("NFC", str(option)).lower().split())


def _options(options: Iterable[str]) -> list[str]:
    """Options as keys; a plain string such as "abcdefgh" means one option per letter."""
    return [_key(o) for o in options]


def check_choices_format(chosen, options: Iterable[str]) -> list[str]:
    """Vietnamese messages about what is wrong with the form of ``chosen``; empty when the form is right."""
    allowed = _options(options)
    shown = ", ".join(f'"{o}"' for o in allowed)
    if not isinstance(chosen, (list, tuple, set, frozenset)):
        return [f"Câu trả lời phải là một danh sách trong ngoặc vuông, ví dụ: [{shown.split(', ')[0]}]."]
    if not chosen:
        return ["Danh sách đang trống: hãy ghi các lựa chọn của bạn vào giữa hai dấu ngoặc vuông."]
    messages = []
    unknown = [item for item in chosen if _key(item) not in allowed]
    if unknown:
        messages.append(f"Lựa chọn không có trong danh sách: {', '.join(map(repr, unknown))}. "
                        f"Chỉ dùng: {shown} (nhớ đặt trong dấu nháy).")
    keys = [_key(item) for item in chosen]
    if len(set(keys)) < len(keys):
        messages.append("Mỗi lựa chọn chỉ ghi một lần: danh sách đang có lựa chọn bị lặp.")
    return messages


def grade_choices(chosen, expected: Iterable[str], options: Iterable[str]) -> ChoicesResult:
    """Compare ``chosen`` with ``expected``; both are read against the list of ``options``."""
    expected_keys = set(_options(expected))
    form = check_choices_format(chosen, options)
    if form:
        return ChoicesResult(False, (), len(expected_keys), tuple(form))
    picked = {_key(item) for item in chosen}
    wrong = tuple(sorted(picked - expected_keys))
    missing = len(expected_keys - picked)
    messages = []
    if wrong:
        messages.append(f"Chưa đúng: {', '.join(wrong)} — đọc lại câu hỏi và bỏ lựa chọn này.")
    if missing:
        messages.append(f"Còn thiếu {missing} lựa chọn đúng: đọc lại từng dòng trong danh sách.")
    return ChoicesResult(not messages, wrong, missing, tuple(messages))
