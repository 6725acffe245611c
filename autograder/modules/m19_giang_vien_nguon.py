"""Grader of exercise 19 (trainer of trainers): reading the class report, a re-teach plan, an agenda built for
a constraint, a live-demo prompt safe to show on a projector.

Every grading function takes the expected answer (or the rules the answer must meet) as an argument: the keys
live only in the exercise's hidden tests and in the dataset generator (trainer side). The ``check_…``
functions only look at the form of an answer and give hints. All grading functions return ``CheckResult``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ailab.text import nfc
from autograder.checks.choices import check_choices_format, grade_choices
from autograder.checks.masking import find_personal_data
from autograder.checks.prompt import PromptJob, copied_share, grade_prompt_for_job
from autograder.checks.result import CheckResult

__all__ = ["AgendaKey", "ReteachKey", "check_agenda_format", "check_demo_prompt", "check_item_format",
           "check_learners_format", "check_plan_format", "grade_agenda", "grade_at_risk", "grade_demo_prompt",
           "grade_reteach_plan", "grade_weakest_item"]

OFFLINE_TOOLS = ("trợ lý ngoại tuyến", "câu trả lời ghi sẵn")
TOOLS = (*OFFLINE_TOOLS, "ChatGPT trực tiếp", "Gemini trực tiếp", "")
PLAN_FIELDS = ("phan", "ky_nang", "vi_du_moi", "kiem_tra", "phut")
_FUNCTION_WORDS = frozenset(
    "là của cho và với tại từ đến để các những một có được không sẽ đã đang về trong theo khi thì này đó hãy "
    "giúp tôi bạn mình ta nào gì ra vào lên như mỗi nếu nhưng hoặc hay rồi cũng vẫn chỉ bằng ở sau trước trên "
    "dưới nên cần phải do vì mà ai đây ấy lúc người cả lại còn".split())
_LEARNERS_DO = re.compile(r"học viên|đồng chí|cả lớp|mỗi người|từng người|mỗi nhóm|từng nhóm|các anh chị|anh chị")
_TASK = re.compile(r"\?|\b(?:tìm|chỉ ra|đánh dấu|làm lại|trả lời|giơ tay|viết|gạch|khoanh|chọn|sửa|che|"
                   r"đối chiếu|kiểm tra|giải thích|nêu|ghi)\b")


def _text(value) -> str:
    return " ".join(nfc(value).split()) if isinstance(value, str) else ""


def _sentence_like(text: str, min_words: int) -> bool:
    """A sentence someone wrote, not a list of keywords: enough words, enough small joining words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return len(words) >= min_words and sum(w in _FUNCTION_WORDS for w in words) / len(words) >= 0.15


# ---- Câu 1: reading the report -------------------------------------------------------------------------

def check_item_format(answer, item_ids: Iterable[str]) -> list[str]:
    """The weakest part must be one part id of the item analysis, written as text."""
    ids = list(item_ids)
    if not isinstance(answer, str) or not answer.strip():
        return ['Ghi một mã phần chấm trong dấu nháy, ví dụ "m02-cau-1a-kiem-tra".']
    if answer.strip() not in ids:
        return [f'"{answer.strip()}" không có trong cột "Phần chấm" của bảng phân tích câu hỏi.']
    return []


def grade_weakest_item(answer, expected: str, item_ids: Iterable[str], max_score: float = 1.0) -> CheckResult:
    """Full marks for the part with the lowest pass rate; nothing for any other part."""
    form = check_item_format(answer, item_ids)
    if form:
        return CheckResult(0.0, max_score, form)
    if answer.strip() == expected:
        return CheckResult(max_score, max_score)
    return CheckResult(0.0, max_score, ['Chưa đúng: phần yếu nhất là phần có "Tỉ lệ đạt" thấp nhất, không phải '
                                        "phần có ít bài đạt nhất (các học phần có số bài đã chấm khác nhau)."])


def check_learners_format(chosen, learner_ids: Iterable[str]) -> list[str]:
    return check_choices_format(chosen, learner_ids)


def grade_at_risk(chosen, expected: Iterable[str], learner_ids: Iterable[str], max_score: float = 1.0) -> CheckResult:
    """Right learners minus wrong picks: listing the whole class earns nothing."""
    return grade_choices(chosen, expected, learner_ids, max_score)


# ---- Câu 2: a re-teach plan ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReteachKey:
    """What a plan for one part must talk about (patterns on the lower-cased text).

    ``skill``: the part's skill; ``example``: all must occur in a new example; ``known_texts``: texts the
    learner sees (the part's description, the exercise), of which a copy earns nothing.
    """

    item: str
    skill: str
    example: tuple[str, ...]
    known_texts: tuple[str, ...] = ()
    minutes: tuple[int, int] = (5, 45)


def check_plan_format(plan) -> list[str]:
    """Form of the plan: a dict with the five fields, texts filled in, minutes a whole number."""
    if not isinstance(plan, Mapping):
        return ["ke_hoach cần là một bảng {…} với năm mục như mẫu."]
    problems = [f'Thiếu mục "{name}".' for name in PLAN_FIELDS if name not in plan]
    problems += [f'Mục "{name}" đang trống.' for name in PLAN_FIELDS[:4] if name in plan and not _text(plan[name])]
    if "phut" in plan and (not isinstance(plan["phut"], int) or isinstance(plan["phut"], bool) or plan["phut"] <= 0):
        problems.append('Mục "phut" là số phút, một số nguyên, ví dụ 20.')
    return problems


def _field_credit(text: str, others: list[str], key: ReteachKey, min_words: int) -> tuple[bool, str]:
    if not _sentence_like(text, min_words):
        return False, f"viết thành câu (ít nhất {min_words} từ), không liệt kê từ khóa"
    if key.known_texts and copied_share(text, key.known_texts) >= 0.6:
        return False, "đang chép lại đề bài hoặc bài giảng: hãy viết bằng lời của mình"
    if any(copied_share(text, [other]) >= 0.5 for other in others):
        return False, "đang lặp lại mục khác của kế hoạch"
    return True, ""


def grade_reteach_plan(plan, key: ReteachKey, max_score: float = 2.0) -> CheckResult:
    """A quarter each: names the part's skill, gives a new example of it, checks understanding, fits a time."""
    form = check_plan_format(plan)
    if form:
        return CheckResult(0.0, max_score, form)
    if _text(plan["phan"]) != key.item:
        return CheckResult(0.0, max_score, ["Kế hoạch dạy lại chưa nhắm vào phần yếu nhất của lớp (xem lại Câu 1a)."])
    texts = {name: _text(plan[name]).lower() for name in PLAN_FIELDS[1:4]}
    earned, messages, seen = 0, [], []
    rules = {
        "ky_nang": (4, lambda t: re.search(key.skill, t), "kỹ năng: nói rõ học viên cần làm được việc gì ở phần này"),
        "vi_du_moi": (15, lambda t: all(re.search(p, t) for p in key.example),
                      "ví dụ mới: một tình huống cụ thể, khác ví dụ trong bài, cho thấy đúng kỹ năng ấy"),
        "kiem_tra": (8, lambda t: _LEARNERS_DO.search(t) and _TASK.search(t) and re.search(key.skill, t),
                     "kiểm tra: học viên làm gì để Đồng chí biết họ đã hiểu kỹ năng này"),
    }
    for name, (min_words, test, hint) in rules.items():
        ok, why = _field_credit(texts[name], seen, key, min_words)
        seen.append(texts[name])
        if ok and test(texts[name]):
            earned += 1
        else:
            messages.append(f"{hint}" + (f" ({why})." if why else "."))
    low, high = key.minutes
    if earned >= 2 and low <= plan["phut"] <= high:  # a time for a plan that is mostly missing is worth nothing
        earned += 1
    elif earned >= 2:
        messages.append(f"thời gian: dạy lại một phần cần khoảng {low}–{high} phút.")
    return CheckResult.partial(earned, 4, max_score, messages)


# ---- Câu 3: an agenda for a constraint -----------------------------------------------------------------

@dataclass(frozen=True)
class AgendaKey:
    """The constraint an agenda must meet (the rows are the codes of the menu ``cac_muc_lich.csv``)."""

    minimums: Mapping[str, int]
    essentials: frozenset[str]
    ai_rows: frozenset[str]
    internet_only: frozenset[str]
    opening: str
    closing: str
    break_row: str
    total: tuple[int, int] = (180, 240)
    cap_when_late: float = 0.25
    notes: list[str] = field(default_factory=list)


def _rows(agenda) -> list[tuple[str, int, str]]:
    return [(str(r[0]).strip().upper(), r[1], _text(r[2])) for r in agenda]


def check_agenda_format(agenda, menu_codes: Iterable[str]) -> list[str]:
    """Rows ``("K3", 25, "trợ lý ngoại tuyến")``: a menu code, whole minutes, one of the allowed tools."""
    codes = {c.upper() for c in menu_codes}
    if not isinstance(agenda, (list, tuple)) or not agenda:
        return ['lich cần là một danh sách các dòng ("mã mục", số phút, "cách trình diễn AI").']
    problems = []
    for number, row in enumerate(agenda, 1):
        if not isinstance(row, (list, tuple)) or len(row) != 3:
            problems.append(f"Dòng {number}: cần đúng ba phần (mã mục, số phút, cách trình diễn AI).")
            continue
        code, minutes, tool = row
        if str(code).strip().upper() not in codes:
            problems.append(f"Dòng {number}: mã mục «{code}» không có trong bảng các mục.")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            problems.append(f"Dòng {number}: số phút phải là số nguyên dương.")
        if _text(tool) not in TOOLS:
            problems.append(f"Dòng {number}: cách trình diễn AI chỉ ghi một trong: "
                            + ", ".join(f'"{t}"' for t in TOOLS) + ".")
    return problems


def grade_agenda(agenda, key: AgendaKey, menu_codes: Iterable[str], max_score: float = 2.0) -> CheckResult:
    """A quarter each: fits the time, keeps the essentials, works without Internet, starts and ends right.

    An agenda that does not fit the time, or leaves out most of the essentials, is not usable: at most 25%
    whatever else it gets right.
    """
    form = check_agenda_format(agenda, menu_codes)
    if form:
        return CheckResult(0.0, max_score, form)
    rows = _rows(agenda)
    codes = [code for code, _, _ in rows]
    total = sum(minutes for _, minutes, _ in rows)
    short = [code for code, minutes, _ in rows if minutes < key.minimums.get(code, 0)]
    fits = key.total[0] <= total <= key.total[1] and not short and len(set(codes)) == len(codes)
    share_essentials = len(key.essentials & set(codes)) / len(key.essentials)
    offline = (bool(key.ai_rows & set(codes)) and not (key.internet_only & set(codes))
               and all(tool in OFFLINE_TOOLS for code, _, tool in rows if code in key.ai_rows))
    teaching = [i for i, code in enumerate(codes) if code in key.essentials - {key.opening, key.closing, key.break_row}]
    order = (codes[0] == key.opening and key.closing in codes and key.break_row in codes
             and all(i < codes.index(key.closing) for i in teaching)
             and 0 < codes.index(key.break_row) < len(codes) - 1)
    messages = []
    if not fits:
        messages.append(f"Lịch chưa vừa buổi học: tổng {total} phút (cần {key.total[0]}–{key.total[1]}), "
                        "mỗi mục ít nhất số phút tối thiểu, không lặp mục." + (f" Quá ngắn: {', '.join(short)}."
                                                                                if short else ""))
    if share_essentials < 1:
        messages.append("Còn thiếu nội dung cốt lõi mà ban tổ chức yêu cầu.")
    if not offline:
        messages.append("Lớp không có Internet: không chọn mục cần mạng, mọi mục hỏi AI dùng trợ lý ngoại tuyến "
                        "hoặc câu trả lời ghi sẵn.")
    if not order:
        messages.append("Thứ tự: kiểm tra đầu vào mở đầu, kiểm tra cuối buổi sau mọi phần dạy, nghỉ giải lao giữa buổi.")
    share = (fits + share_essentials + offline + order) / 4
    if not fits or share_essentials < 0.5:
        share = min(share, key.cap_when_late)
    return CheckResult(round(max_score * share, 2), max_score, messages)


# ---- Câu 4: a live-demo prompt -------------------------------------------------------------------------

def _shows(flat: str, form: str) -> bool:
    """``form`` occurs as whole words in ``flat`` ("ông bình" is not inside "không bình thường")."""
    return re.search(r"(?<!\w)" + re.escape(_text(form).lower()) + r"(?!\w)", flat) is not None


def check_demo_prompt(prompt) -> list[str]:
    """Form, and what the lab's patterns still see (a hint: they do not see every kind of personal data)."""
    if not isinstance(prompt, str) or len(prompt.split()) < 15:
        return ["Câu lệnh trình diễn cần là một đoạn chữ giữa hai dấu nháy, ít nhất 15 từ."]
    return [f"Máy còn thấy {f.kind}: «{f.text}» — không được chiếu lên màn hình." for f in find_personal_data(prompt)]


def grade_demo_prompt(prompt, personal: Mapping[str, Sequence[str]], job: PromptJob,
                      max_score: float = 1.5) -> CheckResult:
    """Nothing if any personal item of the case still shows; otherwise the prompt is graded for its job."""
    if not isinstance(prompt, str) or not prompt.strip():
        return CheckResult(0.0, max_score, ["Câu lệnh đang trống."])
    flat = _text(prompt).lower()
    leaked = sorted({f.kind for f in find_personal_data(prompt)}
                    | {kind for kind, forms in personal.items() if any(_shows(flat, form) for form in forms)})
    if leaked:
        return CheckResult(0.0, max_score, ["Câu lệnh còn lộ thông tin cá nhân: " + ", ".join(leaked)
                                            + ". Trình diễn trước cả lớp thì không được để lộ dù chỉ một mục."])
    return grade_prompt_for_job(prompt, job, max_score)
