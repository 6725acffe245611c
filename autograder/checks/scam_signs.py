"""Grade a learner's classification of messages as scam or safe, with the warning sign (module 05).

The learner fills ``phan_loai = {"T01": ("lừa đảo", "B"), "T02": ("an toàn", "K"), …}``: for each message id
a label ("lừa đảo" or "an toàn") and the code of the main warning sign from the exercise's list (``K`` means
"no sign": the message is safe).

Public API
----------
- ``LABELS``: the two labels.
- ``check_scam_format(answers, message_ids, sign_codes) -> list[str]``: messages about the *form* of the
  answer (every id present, a known label, a known sign code); empty when the form is right.
- ``grade_scam_labels(answers, key_labels, min_share=1.0) -> ScamResult``: labels against the planted ones.
- ``grade_scam_signs(answers, key_signs, min_share=1.0) -> ScamResult``: the sign against the set of signs
  the key accepts for each message (a message may show several signs).
Messages name the learner's wrong items (their own answers), never the expected label or sign.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["LABELS", "ScamResult", "check_scam_format", "grade_scam_labels", "grade_scam_signs",
           "normalise_label"]

SCAM, SAFE = "lừa đảo", "an toàn"
LABELS = (SCAM, SAFE)


@dataclass(frozen=True)
class ScamResult:
    """How many messages were right, whether that is enough, and Vietnamese messages."""

    correct: int
    total: int
    passed: bool
    wrong_ids: tuple[str, ...]
    messages: tuple[str, ...]

    def report(self) -> str:
        """All messages on separate lines, for an assert message."""
        return "\n".join(self.messages)


def normalise_label(value) -> str | None:
    """ "Lừa  đảo " -> "lừa đảo"; None when ``value`` is not one of the two labels."""
    if not isinstance(value, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", value).lower().split())
    return text if text in LABELS else None


def _sign(value) -> str:
    return value.strip().upper() if isinstance(value, str) else ""


def _pair(answer) -> tuple[object, object] | None:
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return answer[0], answer[1]
    return None


def check_scam_format(answers, message_ids: Iterable[str], sign_codes: Iterable[str]) -> list[str]:
    """Vietnamese messages about what is wrong with the form of ``answers``; empty when the form is right."""
    if not isinstance(answers, Mapping):
        return ['Câu trả lời phải là bảng phan_loai dạng {"T01": ("lừa đảo", "B"), ...} như mẫu.']
    ids, codes = list(message_ids), {c.upper() for c in sign_codes}
    messages = []
    missing = [i for i in ids if i not in answers]
    if missing:
        messages.append(f"Còn thiếu tin nhắn: {', '.join(missing)}.")
    for message_id in ids:
        if message_id not in answers:
            continue
        pair = _pair(answers[message_id])
        if pair is None:
            messages.append(f'{message_id}: ghi theo mẫu ("lừa đảo", "B") — nhãn và mã dấu hiệu trong ngoặc.')
            continue
        label, sign = pair
        if normalise_label(label) is None:
            messages.append(f'{message_id}: nhãn "{label}" chưa hợp lệ — chỉ ghi "lừa đảo" hoặc "an toàn".')
        if _sign(sign) not in codes:
            messages.append(f'{message_id}: mã dấu hiệu "{sign}" chưa hợp lệ — chọn một mã trong danh sách '
                            f"({', '.join(sorted(codes))}).")
    return messages


def _result(correct_ids: list[str], wrong_ids: list[str], min_share: float, what: str, hint: str) -> ScamResult:
    total = len(correct_ids) + len(wrong_ids)
    passed = total > 0 and len(correct_ids) >= min_share * total
    messages = []
    if wrong_ids:
        messages.append(f"Có {len(wrong_ids)}/{total} tin nhắn chưa đúng {what}: {', '.join(wrong_ids)}. {hint}")
    if not passed and not wrong_ids:
        messages.append("Chưa có tin nhắn nào được chấm.")
    return ScamResult(len(correct_ids), total, passed, tuple(wrong_ids), tuple(messages))


def grade_scam_labels(answers, key_labels: Mapping[str, str], min_share: float = 1.0) -> ScamResult:
    """Compare each message's label with ``key_labels`` (id -> "lừa đảo"/"an toàn")."""
    answers = answers if isinstance(answers, Mapping) else {}
    correct, wrong = [], []
    for message_id, expected in key_labels.items():
        pair = _pair(answers.get(message_id))
        given = normalise_label(pair[0]) if pair else None
        (correct if given == normalise_label(expected) else wrong).append(message_id)
    hint = ("Đọc lại: tin có đòi chuyển tiền, gửi đường link lạ, xin mã OTP, dọa nạt hay hứa quà không? "
            "Tin an toàn không đòi những điều đó.")
    return _result(correct, wrong, min_share, "về nhãn", hint)


def grade_scam_signs(answers, key_signs: Mapping[str, Iterable[str]], min_share: float = 1.0) -> ScamResult:
    """Compare each message's sign code with the codes ``key_signs`` accepts for it."""
    answers = answers if isinstance(answers, Mapping) else {}
    correct, wrong = [], []
    for message_id, accepted in key_signs.items():
        pair = _pair(answers.get(message_id))
        given = _sign(pair[1]) if pair else ""
        (correct if given and given in {_sign(a) for a in accepted} else wrong).append(message_id)
    hint = "Với mỗi tin, chọn dấu hiệu rõ nhất trong danh sách; tin an toàn chọn K."
    return _result(correct, wrong, min_share, "về dấu hiệu", hint)
