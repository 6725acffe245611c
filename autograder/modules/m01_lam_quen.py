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

_AUDIENCE = (r"\b(?:người dân|bà con|nhân dân|cư dân|(?:các )?hộ (?:gia đình|dân|nuôi|có)|chủ (?:nuôi|vật nuôi"
             r"|chó|mèo|hộ)|người nuôi|người có (?:chó|mèo))\b")
_TICKET_JOB = PromptJob(
    subject=(r"\btiêm\b", r"\b(?:dại|chó|mèo)\b"),
    document=r"\bthông báo\b|\bbản tin\b|\bbài (?:phát thanh|truyền thanh)\b",
    audience=_AUDIENCE,
    facts={
        "ngày tiêm": r"(?<!\d)15\s*(?:/\s*0?3|tháng\s*0?3|(?:-|–|đến|tới)\s*(?:ngày\s*)?18)",
        "giờ tiêm": r"(?<!\d)(?:7\s*(?:giờ|h|:)\s*30|7 giờ rưỡi|bảy giờ ba mươi)",
        "địa điểm": r"\bnhà văn hóa\b",
        "phí tiêm": r"(?<!\d)30[.,]?000\b|\b30 (?:nghìn|ngàn)\b|\bba mươi nghìn\b",
        "việc chủ nuôi cần làm": r"\bdây xích\b|\blồng\b|\brọ mõm\b|\bsổ (?:theo dõi )?tiêm",
    },
    facts_needed=3,
    max_words=250,
    name="thông báo tiêm phòng dại cho chó, mèo được giao",
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
