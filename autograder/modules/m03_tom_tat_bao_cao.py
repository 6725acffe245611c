"""Module 03 grader: a summary of a six-month report — length, each figure beside its own indicator, honesty.

Nothing here returns an expected answer. The report's figures (the key) are written in the exercise's hidden
test cells and passed in; functions that compare with them return a ``CheckResult`` whose messages name the
indicators (the task's own labels), never the expected figures. Functions a visible cell may call give hints
about form only (length, an indicator named without a figure, a figure the report does not contain).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ailab.text import nfc
from autograder.checks.indicators import Indicator, figures_by_indicator, grade_indicators, read_figures
from autograder.checks.numbers import extract_numbers, number_supported, unsupported_numbers
from autograder.checks.result import CheckResult

__all__ = [
    "INDICATORS_03",
    "TABLE_ROWS_03",
    "grade_error_sentences",
    "grade_figures_table",
    "grade_length",
    "grade_summary_figures",
    "grade_summary_honesty",
    "grade_summary_length",
    "indicators_03",
    "number_sentences",
    "summary_hints",
    "table_hints",
    "word_count",
]

# The eight main indicators of a commune's six-month report: (key, label, words and synonyms that name it).
INDICATORS_03 = (
    ("ho_so", "Tổng số hồ sơ TTHC tiếp nhận", ("hồ sơ", "tiếp nhận", "nhận", "tổng số hồ sơ")),
    ("truc_tuyen", "Tỷ lệ hồ sơ nộp trực tuyến (%)", ("trực tuyến", "qua mạng", "dịch vụ công trực tuyến")),
    ("dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn (%)", ("đúng hạn", "trước hạn", "đúng hẹn")),
    ("ngan_sach", "Thu ngân sách so với dự toán (%)", ("ngân sách", "dự toán", "thu ngân sách")),
    ("ho_ngheo", "Tỷ lệ hộ nghèo (%)", ("hộ nghèo", "tỷ lệ nghèo", "nghèo")),
    ("bhyt", "Tỷ lệ tham gia bảo hiểm y tế (%)", ("bảo hiểm y tế", "BHYT")),
    ("san_luong_lua", "Sản lượng lúa (tấn)", ("lúa", "sản lượng")),
    ("viec_lam", "Số lao động được giải quyết việc làm", ("việc làm", "lao động")),
)
# The six rows of the learner's table of key figures (Câu 1), in order.
TABLE_ROWS_03 = ("ho_so", "truc_tuyen", "dung_han", "ngan_sach", "ho_ngheo", "bhyt")
_LABELS = {key: label for key, label, _ in INDICATORS_03}
_WORDS = {key: words for key, _, words in INDICATORS_03}
# A good summary for the leadership keeps at least one shortcoming, not only the achievements.
_SHORTCOMING_WORDS = ("tồn tại", "hạn chế", "trễ hạn", "chưa đạt", "đạt thấp", "còn thấp", "lúng túng", "khó khăn")


def word_count(text: str) -> int:
    """Count words as a reader would: whitespace-separated tokens that hold a letter or a digit."""
    return sum(1 for token in nfc(str(text or "")).split() if re.search(r"\w", token))


def grade_length(text, max_words: int, min_words: int = 1, max_score: float = 1.0) -> CheckResult:
    """Full points when the text has between ``min_words`` and ``max_words`` words."""
    if not isinstance(text, str):
        return CheckResult(0.0, max_score, ["Bản tóm tắt cần là một đoạn chữ đặt trong ba dấu ngoặc kép."])
    count = word_count(text)
    if count == 0:
        problems = ["Bản tóm tắt đang để trống: hãy viết tóm tắt vào giữa hai dấu ngoặc kép."]
    elif count < min_words:
        problems = [f"Bản tóm tắt mới có {count} từ, quá ngắn: cần ít nhất {min_words} từ để đủ ý chính."]
    elif count > max_words:
        problems = [f"Bản tóm tắt có {count} từ, vượt giới hạn {max_words} từ: hãy bỏ bớt ý phụ."]
    else:
        problems = []
    return CheckResult.from_problems(problems, max_score)


def grade_summary_length(text, values: Mapping[str, str], report: str, max_words: int, min_words: int = 1,
                         max_score: float = 1.0) -> CheckResult:
    """The length point, earned only by a summary of this report (at least 4 indicators with their own figure)."""
    length = grade_length(text, max_words, min_words, max_score)
    if not length.ok:
        return length
    found = read_figures(text, indicators_03(values), source=report)
    if len(found.right) < 4:
        return CheckResult(0.0, max_score, ["Độ dài chỉ được tính cho một bản tóm tắt của báo cáo này: cần ít nhất "
                                            "4 chỉ tiêu kèm đúng con số."])
    return length


def indicators_03(values: Mapping[str, str]) -> list[Indicator]:
    """The indicators of module 03 with the figures given in ``values`` ({key: figure as written})."""
    return [Indicator(key, _LABELS[key], _WORDS[key], values[key], "%" in str(values[key])) for key in values]


def summary_hints(text: str, report: str) -> list[str]:
    """Form hints for a summary, without the key: figures the report lacks, indicators named without a figure."""
    hints = [f"Số «{n}» không có trong báo cáo." for n in unsupported_numbers(text, report, rounding=True)]
    beside = figures_by_indicator(text, [(key, _WORDS[key]) for key in _LABELS])
    hints += [f"«{_LABELS[key]}» được nhắc tới nhưng chưa có con số ngay trong cùng vế câu."
              for key, figures in beside.items() if not figures]
    return hints


def grade_summary_figures(text, values: Mapping[str, str], report: str, need: int = 6,
                          max_score: float = 2.0) -> CheckResult:
    """Points for the indicators whose own figure sits beside them; traded or invented figures cost points."""
    if not isinstance(text, str):
        return CheckResult(0.0, max_score, ["Bản tóm tắt cần là một đoạn chữ."])
    return grade_indicators(text, indicators_03(values), source=report, need=need, max_score=max_score)


def grade_summary_honesty(text, values: Mapping[str, str], report: str, false_claims: Iterable[str] = (),
                          max_score: float = 1.0) -> CheckResult:
    """Full points for a summary that reports at least 4 indicators right, has no stray or invented figure,
    repeats none of ``false_claims`` (phrases that contradict the report) and keeps a shortcoming."""
    if not isinstance(text, str) or not text.strip():
        return CheckResult(0.0, max_score, ["Bản tóm tắt đang để trống."])
    found = read_figures(text, indicators_03(values), source=report)
    lowered = nfc(text).casefold()
    problems = []
    if len(found.right - found.wrong) < 4:
        problems.append("Cần ít nhất 4 chỉ tiêu kèm đúng con số thì mới xét phần trung thực.")
    if found.misplaced or found.invented:
        problems.append("Có con số bịa hoặc đặt nhầm chỉ tiêu: mỗi số phải nằm cạnh đúng chỉ tiêu của nó.")
    if any(nfc(claim).casefold() in lowered for claim in false_claims):
        problems.append("Bản tóm tắt chép lại một nhận định mà báo cáo không nói (hoặc nói ngược lại).")
    if not any(word in lowered for word in _SHORTCOMING_WORDS):
        problems.append("Bản tóm tắt chỉ nêu thành tích: hãy giữ ít nhất một tồn tại, hạn chế của báo cáo.")
    return CheckResult.from_problems(problems, max_score)


def table_hints(table, label_column: str = "chi_tieu", value_column: str = "so_lieu", report: str = "") -> list[str]:
    """Form hints for the table of key figures: the right shape, one readable figure per row, from the report."""
    columns = getattr(table, "columns", None)
    if columns is None or label_column not in columns or value_column not in columns:
        return [f"Bảng số liệu cần là một DataFrame có hai cột «{label_column}» và «{value_column}»."]
    hints = []
    for label, value in zip(table[label_column], table[value_column], strict=True):
        found = [n for n in extract_numbers(str(value)) if n.value is not None]
        if len(found) != 1:
            hints.append(f"Dòng «{label}» cần đúng một con số, viết như trong báo cáo (ví dụ \"85,3%\").")
        elif report and unsupported_numbers(str(value), report):
            hints.append(f"Dòng «{label}»: số {value} không có trong báo cáo.")
    return hints


def grade_figures_table(table, values: Mapping[str, str], label_column: str = "chi_tieu",
                        value_column: str = "so_lieu", max_score: float = 2.0) -> CheckResult:
    """One share of the points per row whose figure is that indicator's figure (``values`` is the key)."""
    shape = table_hints(table, label_column, value_column)
    if shape and "DataFrame" in shape[0]:
        return CheckResult(0.0, max_score, shape)
    given = {nfc(str(label)).strip(): value for label, value in zip(table[label_column], table[value_column],
                                                                     strict=True)}
    right, messages = 0, []
    for key, figure in values.items():
        expected = [n for n in extract_numbers(figure) if n.value is not None]
        written = [n for n in extract_numbers(str(given.get(_LABELS[key], ""))) if n.value is not None]
        if len(written) == 1 and number_supported(written[0], expected):
            right += 1
        else:
            messages.append(f"Dòng «{_LABELS[key]}» chưa đúng với báo cáo: tìm lại đúng chỉ tiêu này.")
    return CheckResult.partial(right, len(values), max_score, messages)


def number_sentences(text: str) -> dict[int, str]:
    """Read a numbered list ("1. …" or "(1) …", one item per line) into {number: sentence}."""
    items: dict[int, str] = {}
    for line in nfc(str(text or "")).splitlines():
        match = re.match(r"\s*\(?(\d+)[.)]\s+(.*\S)", line)
        if match:
            items[int(match.group(1))] = match.group(2)
    return items


def grade_error_sentences(answer, expected: Iterable[int], total: int, max_score: float = 1.0) -> CheckResult:
    """Sentences found minus sentences wrongly accused, as a share of the sentences with errors.

    Accusing every sentence earns nothing: each wrong pick cancels a right one.
    """
    if answer is None or isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return CheckResult(0.0, max_score, ["Hãy ghi danh sách số thứ tự câu sai, ví dụ [2, 5]."])
    try:
        chosen = {int(item) for item in answer}
    except (TypeError, ValueError):
        return CheckResult(0.0, max_score, ["Danh sách chỉ được chứa số thứ tự câu (số nguyên), ví dụ [2, 5]."])
    expected = set(expected)
    messages = []
    outside = sorted(n for n in chosen if not 1 <= n <= total)
    if outside:
        messages.append(f"Câu số {outside} không có: bản tóm tắt chỉ có các câu từ 1 đến {total}.")
    missed, extra = expected - chosen, chosen - expected - set(outside)
    if missed:
        messages.append(f"Còn {len(missed)} câu có lỗi chưa tìm ra: đối chiếu lại từng câu với báo cáo.")
    if extra:
        messages.append(f"Câu {sorted(extra)} bạn chọn thực ra không thuộc loại lỗi này: kiểm tra lại.")
    earned = max(0, len(expected & chosen) - len(extra) - len(outside))
    return CheckResult.partial(earned, len(expected), max_score, messages)
