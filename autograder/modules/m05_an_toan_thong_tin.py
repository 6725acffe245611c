"""Grader for exercise 05 (an toàn thông tin): choices, the masked letter, scam labels and signs.

Visible cells import only the form checks (``check_choices_format``, ``check_scam_format``) and the lab's
personal-data finder; hidden cells call the ``grade_*`` functions, which return a ``CheckResult`` and never the
expected answer. The key of the masked letter (what had to go, what had to stay) lives here, private.
"""

from __future__ import annotations

from autograder.checks.choices import check_choices_format, grade_choices
from autograder.checks.masking import grade_masked_text
from autograder.checks.result import CheckResult
from autograder.checks.scam_signs import check_scam_format, grade_scam_labels, grade_scam_signs

__all__ = ["check_choices_format", "check_scam_format", "grade_choices", "grade_masked_letter",
           "grade_scam_labels", "grade_scam_signs"]

_LETTER_PERSONAL = {
    "họ tên người viết đơn": ["Phạm Thị Thanh Lan", "Thanh Lan"],
    "ngày sinh": ["06/3/1980", "6/3/1980", "06/03/1980"],
    "số định danh cá nhân": ["038180012345"],
    "số điện thoại": ["0912345678"],
    "email": ["lan.pham80@gmail.com", "lan.pham80"],
    "địa chỉ chi tiết (số nhà, ngõ)": ["số nhà 25", "ngõ 3"],
    "họ tên người thân": ["Lê Văn Hùng", "Văn Hùng"],
    "bệnh của người thân (dữ liệu sức khỏe)": ["lao phổi", "bệnh lao"],
}
# The three items the lab's finder cannot see (address, the husband's name, his illness) take reading: they weigh
# 5 each against 1 for the five the finder masks, so the machine pass alone earns 5/20 = 25%.
_UNSEEN_WEIGHT = 5.0
_LETTER_KEEP = {
    "số tiền đề nghị": ["15.000.000", "15 triệu", "mười lăm triệu"],
    "nguyên nhân (bão)": ["bão"],
    "việc cần sửa (mái nhà, tường bếp)": ["mái", "tường"],
}


def grade_masked_letter(masked, original: str, max_score: float = 3.0) -> CheckResult:
    """Câu 2: the learner's masked copy of ``don_de_nghi.txt`` (``original``), against the private key."""
    return grade_masked_text(masked, original, _LETTER_PERSONAL, _LETTER_KEEP, max_score,
                             unseen_weight=_UNSEEN_WEIGHT)
