"""Grade a learner's reading of messages residents receive: scam or safe, and which warning signs (module 05).

The learner fills ``phan_loai = {"T01": ("lừa đảo", "AB"), "T02": ("an toàn", "K"), …}``: for each message a
label ("lừa đảo" or "an toàn") and the codes of *every* warning sign the message shows, from the exercise's
list (``K`` alone means "no sign": the message is safe).

Scoring is built so a constant or random answer earns no more than chance:
- labels: right minus wrong, as a share of the messages (never below 0); with as many scams as safe messages,
  calling everything "lừa đảo" earns nothing;
- signs: only the scam messages of the key count; each earns (signs named right − signs named wrong) / signs
  it shows, never below 0; naming every sign everywhere earns nothing.

Public API
----------
- ``LABELS``: the two labels; ``normalise_label(value)``.
- ``check_scam_format(answers, message_ids, sign_codes) -> list[str]``: messages about the *form*.
- ``grade_scam_labels(answers, key_labels, max_score=1.0) -> CheckResult``.
- ``grade_scam_signs(answers, key_signs, max_score=1.0) -> CheckResult`` (``key_signs``: id -> "AB" for the
  scam messages only).
Messages name the learner's wrong items (their own answers), never the expected label or sign.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ailab.text import nfc
from autograder.checks.result import CheckResult

__all__ = ["LABELS", "check_scam_format", "grade_scam_labels", "grade_scam_signs", "normalise_label"]

SCAM, SAFE = "lừa đảo", "an toàn"
LABELS = (SCAM, SAFE)
NO_SIGN = "K"


def normalise_label(value) -> str | None:
    """ "Lừa  đảo " -> "lừa đảo"; None when ``value`` is not one of the two labels."""
    if not isinstance(value, str):
        return None
    text = " ".join(nfc(value).lower().split())
    return text if text in LABELS else None


def _signs(value) -> set[str]:
    """ "a, B" -> {"A", "B"}: the sign letters written, ignoring spaces, commas and case."""
    if not isinstance(value, str):
        return set()
    return {c for c in value.upper() if c.isalpha()}


def _pair(answer) -> tuple[object, object] | None:
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return answer[0], answer[1]
    return None


def check_scam_format(answers, message_ids: Iterable[str], sign_codes: Iterable[str]) -> list[str]:
    """Vietnamese messages about what is wrong with the form of ``answers``; empty when the form is right."""
    if not isinstance(answers, Mapping):
        return ['Câu trả lời phải là bảng phan_loai dạng {"T01": ("lừa đảo", "AB"), ...} như mẫu.']
    ids, codes = list(message_ids), {c.upper() for c in sign_codes}
    messages = []
    missing = [i for i in ids if i not in answers]
    if missing:
        messages.append(f"Còn thiếu tin nhắn: {', '.join(missing)}.")
    for message_id in (i for i in ids if i in answers):
        pair = _pair(answers[message_id])
        if pair is None:
            messages.append(f'{message_id}: ghi theo mẫu ("lừa đảo", "AB") — nhãn và mã dấu hiệu trong ngoặc.')
            continue
        label, signs = normalise_label(pair[0]), _signs(pair[1])
        if label is None:
            messages.append(f'{message_id}: nhãn "{pair[0]}" chưa hợp lệ — chỉ ghi "lừa đảo" hoặc "an toàn".')
        if not signs or not signs <= codes:
            messages.append(f'{message_id}: mã dấu hiệu "{pair[1]}" chưa hợp lệ — ghi các chữ trong danh sách '
                            f"({', '.join(sorted(codes))}).")
        elif label == SAFE and signs != {NO_SIGN}:
            messages.append(f'{message_id}: tin "an toàn" thì mã dấu hiệu là "K".')
        elif label == SCAM and NO_SIGN in signs:
            messages.append(f'{message_id}: tin "lừa đảo" phải có ít nhất một dấu hiệu, không ghi "K".')
    return messages


def grade_scam_labels(answers, key_labels: Mapping[str, str], max_score: float = 1.0) -> CheckResult:
    """Right labels minus wrong ones, as a share of the messages in ``key_labels``."""
    answers = answers if isinstance(answers, Mapping) else {}
    wrong = []
    for message_id, expected in key_labels.items():
        pair = _pair(answers.get(message_id))
        if (normalise_label(pair[0]) if pair else None) != normalise_label(expected):
            wrong.append(message_id)
    messages = []
    if wrong:
        messages.append(f"Chưa đúng nhãn: {', '.join(wrong)}. Đọc lại: tin có đòi chuyển tiền, gửi đường link "
                        "lạ, xin mã OTP, dọa nạt hay hứa quà không? (mỗi nhãn sai bị trừ điểm)")
    earned = max(0, len(key_labels) - 2 * len(wrong))
    return CheckResult.partial(earned, len(key_labels), max_score, messages)


def grade_scam_signs(answers, key_signs: Mapping[str, str], max_score: float = 1.0) -> CheckResult:
    """For each scam message in ``key_signs``: signs named right minus signs named wrong, over its signs."""
    answers = answers if isinstance(answers, Mapping) else {}
    total, wrong_ids = 0.0, []
    for message_id, accepted in key_signs.items():
        pair = _pair(answers.get(message_id))
        given, expected = (_signs(pair[1]) if pair else set()), _signs(accepted)
        total += max(0, len(given & expected) - len(given - expected)) / len(expected)
        if given != expected:
            wrong_ids.append(message_id)
    messages = []
    if wrong_ids:
        messages.append(f"Chưa đủ hoặc thừa dấu hiệu ở: {', '.join(wrong_ids)}. Với mỗi tin lừa đảo, ghi mọi dấu "
                        "hiệu có trong tin (mỗi dấu hiệu ghi thừa bị trừ điểm).")
    score = 0.0 if not key_signs else round(max_score * total / len(key_signs), 2)
    return CheckResult(score, max_score, messages)
