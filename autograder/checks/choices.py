"""Grade choice questions (modules 01 and 05), so a constant or random answer scores no better than chance.

Public API
----------
- ``check_choices_format(chosen, options) -> list[str]``: Vietnamese messages about the *form* of a
  multiple-answer list (a non-empty list of known options, no repeats); empty when the form is right.
- ``grade_choices(chosen, expected, options, max_score=1.0) -> CheckResult``: each right pick earns a share,
  each wrong pick takes one back (never below 0), so ticking every option earns nothing when the key is half
  of the options. Messages name the learner's wrong picks and how many right ones are missing, never which.
- ``check_part_choices_format(answers, item_ids, options) -> list[str]`` and
  ``grade_part_choices(answers, key, options, max_score=1.0) -> CheckResult``: one option per item
  ({"A": "vai trò", …}); each item right earns its share. With a key that uses a different option per item,
  a constant answer earns one share at most.
Options are compared without regard to case, surrounding spaces or Unicode form ("Vai trò " = "vai trò").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ailab.text import nfc
from autograder.checks.result import CheckResult

__all__ = ["check_choices_format", "check_part_choices_format", "grade_choices", "grade_part_choices"]


def _key(option) -> str:
    return " ".join(nfc(str(option)).lower().split())


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


def grade_choices(chosen, expected: Iterable[str], options: Iterable[str], max_score: float = 1.0) -> CheckResult:
    """Right picks minus wrong picks, as a share of the expected options, scaled to ``max_score``."""
    expected_keys = set(_options(expected))
    form = check_choices_format(chosen, options)
    if form:
        return CheckResult(0.0, max_score, form)
    picked = {_key(item) for item in chosen}
    wrong = sorted(picked - expected_keys)
    right = len(picked & expected_keys)
    missing = len(expected_keys) - right
    messages = []
    if wrong:
        messages.append(f"Chưa đúng: {', '.join(wrong)} — đọc lại câu hỏi và bỏ lựa chọn này "
                        "(mỗi lựa chọn sai bị trừ điểm).")
    if missing:
        messages.append(f"Còn thiếu {missing} lựa chọn đúng: đọc lại từng dòng trong danh sách.")
    earned = max(0, right - len(wrong))
    return CheckResult.partial(earned, len(expected_keys), max_score, messages)


def check_part_choices_format(answers, item_ids: Iterable[str], options: Iterable[str]) -> list[str]:
    """Messages about the form of ``answers`` (item id -> one option); empty when the form is right."""
    ids, allowed = list(item_ids), _options(options)
    shown = ", ".join(f'"{o}"' for o in allowed)
    if not isinstance(answers, Mapping):
        return [f'Câu trả lời phải là một bảng dạng {{"{ids[0]}": "…", …}} như mẫu.']
    messages = []
    blank = [i for i in ids if not str(answers.get(i) or "").strip()]
    if blank:
        messages.append(f"Còn để trống: {', '.join(blank)}.")
    unknown = [i for i in ids if i not in blank and _key(answers[i]) not in allowed]
    if unknown:
        messages.append(f"{', '.join(unknown)}: chỉ ghi một trong các lựa chọn {shown}.")
    return messages


def grade_part_choices(answers, key: Mapping[str, str], options: Iterable[str],
                       max_score: float = 1.0) -> CheckResult:
    """One share of ``max_score`` for each item whose option matches ``key``; wrong items are named."""
    form = check_part_choices_format(answers, list(key), options)
    if form:
        return CheckResult(0.0, max_score, form)
    wrong = [i for i, expected in key.items() if _key(answers[i]) != _key(expected)]
    messages = [f"Chưa đúng: {', '.join(wrong)} — đọc lại câu lệnh đó và đối chiếu với việc được giao."] if wrong \
        else []
    return CheckResult.partial(len(key) - len(wrong), len(key), max_score, messages)
