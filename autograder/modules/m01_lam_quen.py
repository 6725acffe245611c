"""Grader for exercise 01 (làm quen, câu lệnh tốt).

Visible cells import only the form checks (``check_prompt_form``, ``check_part_choices_format``,
``check_claims_format``, ``numbered_sentences``); hidden cells call the ``grade_*`` functions, which return a
``CheckResult`` and never the expected answer. The job of Câu 2 (the ticket the exercise hands out) lives here,
private, so the grade is computed from it without showing it.
"""

from __future__ import annotations

from autograder.checks.choices import check_part_choices_format, grade_part_choices
from autograder.checks.claims import check_claims_format, grade_invented_claims, numbered_sentences
from autograder.checks.prompt import PART_LABELS, PromptJob, check_prompt, grade_prompt_for_job
from autograder.checks.result import CheckResult

__all__ = ["PART_LABELS", "check_claims_format", "check_part_choices_format", "check_prompt",
           "check_prompt_form", "grade_invented_claims", "grade_part_choices", "grade_ticket_prompt",
           "numbered_sentences"]

_AUDIENCE = (r"\b(?:người dân|bà con|nhân dân|toàn dân|cư dân|(?:các )?hộ (?:gia đình|dân|nuôi|có|chăn nuôi)"
             r"|(?:các )?gia đình|chủ (?:nuôi|vật nuôi|chó|mèo|hộ)|người nuôi|người có (?:chó|mèo))\b")
# What the learner sees in the exercise: the ticket and the five prompts of Câu 1 (a near copy earns ≤ 25%).
_TICKET = ("Chủ tịch UBND xã Đông Hòa giao Đồng chí chuẩn bị thông báo về đợt tiêm phòng dại cho chó, mèo năm 2026. "
           "Người nhận: các hộ nuôi chó, mèo trong xã. Dùng để: đọc trên loa truyền thanh của xã (đọc hết trong "
           "khoảng một phút) và dán ở nhà văn hóa các thôn. Thời gian: từ ngày 15/03/2026 đến ngày 18/03/2026, "
           "buổi sáng từ 7 giờ 30 đến 11 giờ. Địa điểm: nhà văn hóa các thôn Đoài, Hạ và Nam. Phí tiêm: 30.000 "
           "đồng/con, do chủ vật nuôi trả. Chủ vật nuôi cần: giữ chó, mèo bằng dây xích hoặc lồng; mang sổ theo "
           "dõi tiêm phòng (nếu có).")
_FACTS_SAID = ("tiêm phòng dại cho chó, mèo từ ngày 15/3 đến 18/3/2026, từ 7 giờ 30 sáng, tại nhà văn hóa các "
               "thôn, phí 30.000 đồng/con.")
_OFFICER = "Bạn là công chức Văn phòng HĐND và UBND xã. Xã sẽ "
_CAU_1 = (
    "Bạn là nhà thơ lãng mạn. Xã Đông Hòa sẽ " + _FACTS_SAID + " Hãy viết thông báo gửi các hộ nuôi chó, mèo, "
    "trình bày dạng gạch đầu dòng, không quá 150 từ.",
    _OFFICER + _FACTS_SAID + " Hãy soạn thông báo gửi các hộ nuôi chó, mèo, dạng gạch đầu dòng, viết thật dài, "
    "ít nhất 2.000 từ, tự thêm số liệu và quy định nếu thấy hay.",
    _OFFICER + _FACTS_SAID + " Hãy viết một bài thơ lục bát về tình yêu chó mèo gửi các hộ nuôi chó, mèo, chia 3 "
    "đoạn, không quá 150 từ.",
    "Bạn là công chức Văn phòng HĐND và UBND xã. Xã sắp có một đợt tiêm phòng dại cho chó, mèo. Hãy soạn thông "
    "báo gửi bà con nuôi chó, mèo, trình bày dạng gạch đầu dòng, không quá 150 từ, chỉ dùng thông tin tôi đưa.",
    _OFFICER + _FACTS_SAID + " Hãy soạn thông báo gửi các hộ nuôi chó, mèo, trình bày thành một bảng 12 cột "
    "kèm biểu đồ, không quá 150 từ.",
)
_TICKET_JOB = PromptJob(
    subject=(r"\btiêm\b", r"\b(?:dại|chó|mèo)\b"),
    document=(r"\bthông báo\b|\bbản tin\b|\bbài (?:phát thanh|truyền thanh)\b"
              r"|\b(?:bài|tin|nội dung) (?:để )?(?:đọc|phát) trên loa\b"),
    audience=_AUDIENCE,
    facts={
        "ngày tiêm": r"(?<!\d)15\s*(?:/\s*0?3|tháng\s*0?3|(?:-|–|đến|tới)\s*(?:ngày\s*)?18)",
        "giờ tiêm": r"(?<!\d)(?:7\s*(?:giờ|h|g|:)\s*30|7 giờ rưỡi|bảy giờ ba mươi)",
        "địa điểm": r"\bnhà văn hóa\b",
        "phí tiêm": r"(?<!\d)30(?:[.,]?000(?!\d)|\s*k\b| (?:nghìn|ngàn)\b)|\bba mươi (?:nghìn|ngàn)\b",
        "việc chủ nuôi cần làm": r"\bdây xích\b|\blồng\b|\brọ mõm\b|\bsổ (?:theo dõi )?tiêm",
    },
    facts_needed=3,
    max_words=250,
    name="thông báo tiêm phòng dại cho chó, mèo được giao",
    known_texts=(_TICKET, *_CAU_1),
)

_MIN_WORDS, _MAX_WORDS = 20, 250


def check_prompt_form(prompt) -> list[str]:
    """Vietnamese messages about the form of a prompt (a text of 20–250 words, typed with diacritics)."""
    if not isinstance(prompt, str) or not prompt.strip():
        return ["Câu lệnh đang trống: hãy viết câu lệnh vào giữa hai dấu nháy."]
    messages = list(check_prompt(prompt).notes)
    words = len(prompt.split())
    if not _MIN_WORDS <= words <= _MAX_WORDS:
        messages.append(f"Câu lệnh nên dài {_MIN_WORDS}–{_MAX_WORDS} từ (đang có {words} từ): đủ ý nhưng gọn.")
    return messages


def grade_ticket_prompt(prompt, max_score: float = 3.0) -> CheckResult:
    """Câu 2: the learner's prompt for the ticket, judged part by part against the job (partial credit)."""
    form = check_prompt_form(prompt)
    if form:
        return CheckResult(0.0, max_score, form)
    return grade_prompt_for_job(prompt, _TICKET_JOB, max_score)
