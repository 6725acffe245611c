"""Check a learner's summary of a report: length, key facts covered, numbers true to the source.

Pure functions: text in, results out, Vietnamese messages that say what to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from autograder.checks.numbers import extract_numbers, number_supported, unsupported_numbers

__all__ = [
    "REPORT_03_FACTS",
    "KeyFact",
    "check_error_sentences",
    "check_figures_table",
    "check_length",
    "check_numbers",
    "covered_facts",
    "figure_after",
    "key_facts_03",
    "key_figures_03",
    "missing_facts",
    "number_sentences",
    "sentences_with_unsupported_numbers",
    "word_count",
]


@dataclass(frozen=True)
class KeyFact:
    """A fact a good summary keeps: found when the summary holds its number (as a value) and one keyword."""

    fact_id: str
    label: str
    number: str
    keywords: tuple[str, ...] = ()


def _nfc(text) -> str:
    return unicodedata.normalize("NFC", str(text or ""))


def word_count(text: str) -> int:
    """Count words as a reader would: whitespace-separated tokens that hold a letter or a digit."""
    return sum(1 for token in _nfc(text).split() if re.search(r"\w", token))


def check_length(text: str, max_words: int, min_words: int = 1) -> list[str]:
    """Return messages when the text is empty, shorter than ``min_words`` or longer than ``max_words``."""
    count = word_count(text)
    if count == 0:
        return ["Bản tóm tắt đang để trống: hãy viết tóm tắt vào giữa hai dấu ngoặc kép."]
    if count < min_words:
        return [f"Bản tóm tắt mới có {count} từ, quá ngắn: cần ít nhất {min_words} từ để đủ ý chính."]
    if count > max_words:
        return [f"Bản tóm tắt có {count} từ, vượt giới hạn {max_words} từ: hãy bỏ bớt ý phụ."]
    return []


def _fact_found(text: str, fact: KeyFact) -> bool:
    lowered = text.casefold()
    if fact.keywords and not any(_nfc(k).casefold() in lowered for k in fact.keywords):
        return False
    return number_supported(extract_numbers(fact.number)[0], extract_numbers(text))


def covered_facts(text: str, facts: Iterable[KeyFact]) -> list[KeyFact]:
    """Return the key facts the text keeps (its number, by value, and one of its keywords)."""
    text = _nfc(text)
    return [fact for fact in facts if _fact_found(text, fact)]


def missing_facts(text: str, facts: Iterable[KeyFact]) -> list[KeyFact]:
    """Return the key facts the text leaves out."""
    text = _nfc(text)
    return [fact for fact in facts if not _fact_found(text, fact)]


def check_numbers(text: str, source: str, min_numbers: int = 1) -> list[str]:
    """Return messages for numbers of ``text`` not found in ``source``, or too few numbers at all."""
    found = [n for n in extract_numbers(text) if n.kind in ("number", "percent")]
    if len(found) < min_numbers:
        return [f"Bản tóm tắt cần có ít nhất {min_numbers} số liệu lấy từ báo cáo (hiện có {len(found)})."]
    return [
        f"Số «{number}» không có trong báo cáo: hãy chép đúng số liệu của báo cáo hoặc bỏ đi."
        for number in unsupported_numbers(text, source)
    ]


def number_sentences(text: str) -> dict[int, str]:
    """Read a numbered list ("1. …" or "(1) …", one item per line) into {number: sentence}."""
    items: dict[int, str] = {}
    for line in _nfc(text).splitlines():
        match = re.match(r"\s*\(?(\d+)[.)]\s+(.*\S)", line)
        if match:
            items[int(match.group(1))] = match.group(2)
    return items


def sentences_with_unsupported_numbers(numbered_text: str, source: str) -> list[int]:
    """Numbers of the sentences (of a numbered list) that hold a figure the source does not contain."""
    return [i for i, sentence in number_sentences(numbered_text).items() if unsupported_numbers(sentence, source)]


def check_error_sentences(answer, expected: Iterable[int], total: int) -> list[str]:
    """Compare the sentence numbers a learner lists with the sentences that really hold errors."""
    if answer is None or isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        return ["Hãy ghi danh sách số thứ tự câu sai, ví dụ [2, 5]."]
    try:
        chosen = {int(item) for item in answer}
    except (TypeError, ValueError):
        return ["Danh sách chỉ được chứa số thứ tự câu (số nguyên), ví dụ [2, 5]."]
    messages = []
    outside = sorted(n for n in chosen if not 1 <= n <= total)
    if outside:
        messages.append(f"Câu số {outside} không có: bản tóm tắt chỉ có các câu từ 1 đến {total}.")
    expected = set(expected)
    missed, extra = expected - chosen, chosen - expected - set(outside)
    if missed:
        messages.append(f"Còn {len(missed)} câu có lỗi chưa tìm ra: đối chiếu lại từng câu với báo cáo.")
    if extra:
        messages.append(f"Có {len(extra)} câu bạn chọn thực ra đúng với báo cáo: kiểm tra lại.")
    return messages


def check_figures_table(table, expected: Mapping[str, str], label_column: str, value_column: str) -> list[str]:
    """Compare a learner's table of key figures with the report's figures.

    ``table`` is a pandas DataFrame with one row per indicator; ``expected`` maps each indicator label to
    the figure as the report writes it ("2.846", "85,3%"). Values may be typed as text or as numbers.
    """
    columns = getattr(table, "columns", None)
    if columns is None or label_column not in columns or value_column not in columns:
        return [f"Bảng số liệu cần là một DataFrame có hai cột «{label_column}» và «{value_column}»."]
    given = {_nfc(label).strip(): value for label, value in zip(table[label_column], table[value_column], strict=True)}
    messages = []
    for label, figure in expected.items():
        if label not in given:
            messages.append(f"Thiếu dòng «{label}» trong bảng: đừng xóa hay đổi tên chỉ tiêu.")
            continue
        value = given[label]
        readings = _readings(value)
        if not readings:
            messages.append(f"Dòng «{label}» chưa có số liệu (hoặc không đọc được số): hãy điền số trong báo cáo.")
        elif not readings & _readings(figure):
            messages.append(f"Dòng «{label}»: số {value} chưa đúng với báo cáo, hãy tìm lại trong báo cáo.")
    return messages


def _readings(value) -> set[float]:
    """Values one table cell may mean: "12,5 tỷ" -> {12.5, 12500000000.0}; 85.3 -> {85.3}; "" -> set()."""
    if isinstance(value, str):
        found = [n for n in extract_numbers(value) if n.value is not None]
        if len(found) != 1:
            return set()
        return {float(found[0].value), float(found[0].scaled_value)}
    try:
        number = float(value)
    except (TypeError, ValueError):
        return set()
    return set() if number != number else {number}


def figure_after(text: str, anchors: Iterable[str]) -> str | None:
    """The first number written after the anchors, found one after another: ("Tổng thu", "bằng") -> "76%"."""
    text, position = _nfc(text), 0
    for anchor in anchors:
        position = text.find(_nfc(anchor), position)
        if position < 0:
            return None
        position += len(_nfc(anchor))
    found = [n for n in extract_numbers(text[position:]) if n.kind in ("number", "percent")]
    return found[0].text if found else None


# Module 03 report: (fact id, label in the learner's table, anchors before the figure, summary keywords).
REPORT_03_FACTS = (
    ("ho_so", "Tổng số hồ sơ TTHC tiếp nhận", ("Trung tâm Phục vụ hành chính công xã đã tiếp nhận",), ("hồ sơ",)),
    ("truc_tuyen", "Tỷ lệ hồ sơ nộp trực tuyến (%)", ("nộp trực tuyến là", "chiếm"), ("trực tuyến",)),
    ("dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn (%)", ("đúng hạn và trước hạn", "đạt"), ("hạn",)),
    ("ngan_sach", "Thu ngân sách so với dự toán (%)", ("Tổng thu ngân sách", "bằng"), ("ngân sách",)),
    ("ho_ngheo", "Tỷ lệ hộ nghèo (%)", ("Số hộ nghèo hiện còn", "chiếm tỷ lệ"), ("nghèo",)),
    ("bhyt", "Tỷ lệ tham gia bảo hiểm y tế (%)", ("tham gia bảo hiểm y tế đạt",), ("bảo hiểm y tế", "BHYT")),
    ("san_luong_lua", "Sản lượng lúa (tấn)", ("sản lượng lúa ước đạt",), ("lúa",)),
    ("viec_lam", "Số lao động được giải quyết việc làm", ("giải quyết việc làm cho",), ("việc làm",)),
)
FIGURES_TABLE_03 = ("ho_so", "truc_tuyen", "dung_han", "ngan_sach", "ho_ngheo", "bhyt")


def key_facts_03(report: str) -> list[KeyFact]:
    """The eight key facts of the module 03 report, their figures read from the report itself."""
    facts = []
    for fact_id, label, anchors, keywords in REPORT_03_FACTS:
        figure = figure_after(report, anchors)
        if figure is None:
            raise ValueError(f"Không tìm thấy số liệu «{label}» trong báo cáo: tệp báo cáo đã bị sửa?")
        facts.append(KeyFact(fact_id, label, figure, keywords))
    return facts


def key_figures_03(report: str) -> dict[str, str]:
    """{label: figure as written} for the six rows of the learner's table of key figures."""
    return {fact.label: fact.number for fact in key_facts_03(report) if fact.fact_id in FIGURES_TABLE_03}
