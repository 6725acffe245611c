"""Grader of exercise 06 (cited lookup): chosen quotes, judged answers, chosen citations, out-of-scope questions.

Every function takes the expected answer as an argument: the keys live only in the exercise's hidden tests
(and in the dataset generator, trainer side), so nothing here can hand a learner the answer. Functions
return Vietnamese problem messages; an empty list means the part is right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ailab.text import nfc
from ailab.tracuu import Library, fold_space, is_verbatim
from ailab.tracuu.tokens import syllables

LABELS = {
    "A": "đúng: trích dẫn nguyên văn và nói đúng điều câu trả lời khẳng định",
    "B": "trích dẫn KHÔNG có nguyên văn trong tài liệu nguồn",
    "C": "trích dẫn nguyên văn nhưng lấy từ đoạn không trả lời câu hỏi",
    "D": "tài liệu nguồn không có thông tin: lẽ ra phải từ chối",
}
MIN_QUOTE_WORDS, MAX_QUOTE_WORDS = 6, 60
QUESTION_MARKERS = re.compile(r"\?|\b(?:gì|nào|bao nhiêu|mấy|không|ai|đâu|sao|bao lâu|có phải)\b", re.IGNORECASE)
# What a commune officer is asked about, by group. A question names at least one group; a question naming
# many groups at once is a list of keywords, not a question.
TOPICS = {
    "hành chính": ("ủy ban", "ubnd", "hội đồng nhân dân", "xã", "phường", "thôn", "tổ dân phố", "trung tâm phục vụ"),
    "thủ tục": ("thủ tục", "hồ sơ", "giấy tờ", "nộp", "trả kết quả", "dịch vụ công", "trực tuyến", "mẫu"),
    "hộ tịch": ("khai sinh", "kết hôn", "khai tử", "hộ tịch", "nhận cha", "con nuôi", "giám hộ", "trích lục"),
    "chứng thực": ("chứng thực", "sao y", "bản sao", "chữ ký"),
    "cư trú": ("căn cước", "định danh", "vneid", "thường trú", "tạm trú", "cư trú", "hộ khẩu"),
    "đất đai": ("đất", "sổ đỏ", "quyền sử dụng", "xây dựng", "giấy phép", "nhà ở", "quy hoạch"),
    "tài chính": ("thuế", "phí", "lệ phí", "ngân sách", "kinh phí", "tiền", "lương", "phụ cấp"),
    "xã hội": ("hộ nghèo", "cận nghèo", "trợ cấp", "bảo trợ", "người có công", "bảo hiểm", "người cao tuổi",
               "khuyết tật", "việc làm"),
    "giáo dục, y tế": ("học", "trường", "y tế", "tiêm", "bệnh", "khám"),
    "văn bản": ("văn bản", "văn thư", "con dấu", "công văn", "quyết định", "báo cáo", "lưu trữ", "thể thức"),
    "an ninh, hòa giải": ("công an", "hòa giải", "tranh chấp", "khiếu nại", "tố cáo", "phản ánh", "kiến nghị",
                          "quân sự", "an ninh"),
    "kinh tế": ("nông nghiệp", "lúa", "chăn nuôi", "môi trường", "rác", "điện", "nước sạch", "đường giao thông",
                "chợ", "hợp tác xã"),
}


@dataclass(frozen=True)
class Verdict:
    """The grader's view of one out-of-scope question the learner wrote."""

    question: str
    valid: bool
    reason: str = ""


def _words(text: str) -> list[str]:
    return syllables(text)


def quote_form_problems(quote, library: Library) -> list[str]:
    """Form of a chosen quote: text, short, verbatim in one of the sources (no key involved)."""
    if not isinstance(quote, str) or not quote.strip():
        return ["Trích dẫn cần là một đoạn chữ trong dấu ngoặc kép, chép từ tài liệu nguồn."]
    if len(quote.split()) < MIN_QUOTE_WORDS:
        return [f"Trích dẫn quá ngắn: chép cả câu hoặc cả vế câu (ít nhất {MIN_QUOTE_WORDS} từ) để thấy ngữ cảnh."]
    if len(quote.split()) > MAX_QUOTE_WORDS:
        return [f"Trích dẫn dài {len(quote.split())} từ: chỉ chép câu trả lời câu hỏi (tối đa {MAX_QUOTE_WORDS} từ)."]
    if not any(is_verbatim(quote, s.text) for s in library.sources.values()):
        return ["Trích dẫn không có nguyên văn trong tài liệu nguồn: hãy chép đúng từng chữ (kể cả dấu câu)."]
    return []


def check_quote(quote, library: Library, paragraph_marker: str, key_phrase: str) -> list[str]:
    """The quote is verbatim, comes from the paragraph holding ``paragraph_marker`` and states ``key_phrase``."""
    problems = quote_form_problems(quote, library)
    if problems:
        return problems
    marker, folded = fold_space(paragraph_marker), fold_space(quote)
    paragraphs = [fold_space(line) for s in library.sources.values() for line in s.text.splitlines()]
    if not any(marker in p and folded in p for p in paragraphs):
        return ["Trích dẫn có trong tài liệu nhưng không phải đoạn trả lời câu hỏi: đọc kỹ các đoạn khác."]
    if fold_space(key_phrase).lower() not in folded.lower():
        return ["Trích dẫn chưa chứa ý trả lời câu hỏi: chép cả phần nói điều được hỏi."]
    return []


def labels_form_problems(labels, count: int, allowed: Iterable[str] = "ABCD") -> list[str]:
    """Form of a list of letters: a list of ``count`` letters from ``allowed``."""
    allowed = list(allowed)
    example = ", ".join(f'"{a}"' for a in allowed[:2])
    if not isinstance(labels, (list, tuple)):
        return [f"Câu trả lời cần là một danh sách trong ngoặc vuông, ví dụ [{example}, …]."]
    if len(labels) != count:
        return [f"Danh sách cần đúng {count} chữ cái, mỗi mục một chữ (đang có {len(labels)})."]
    wrong = [x for x in labels if _letter(x) not in allowed]
    if wrong:
        return [f"Chỉ dùng các chữ cái {', '.join(allowed)} (đặt trong dấu nháy). Chưa hợp lệ: {wrong}."]
    return []


def _letter(value) -> str:
    return nfc(str(value)).strip().upper()


def count_right(labels, key: list[str]) -> int:
    """How many letters match the key, position by position."""
    return sum(_letter(a) == b for a, b in zip(labels, key, strict=False))


def check_letters(labels, key: list[str], at_least: int) -> list[str]:
    """At least ``at_least`` letters right; the message says how many, never which."""
    problems = labels_form_problems(labels, len(key), sorted(set(key) | set("ABCD")))
    if problems:
        return problems
    right = count_right(labels, key)
    if right < at_least:
        return [f"Mới đúng {right}/{len(key)}: cần ít nhất {at_least}. Mở lại tài liệu nguồn và đối chiếu từng mục."]
    return []


def check_label_exact(labels, key: list[str], label: str) -> list[str]:
    """Exactly the items the key marks ``label`` carry that letter (no more, no fewer)."""
    problems = labels_form_problems(labels, len(key))
    if problems:
        return problems
    chosen = {i for i, x in enumerate(labels) if _letter(x) == label}
    expected = {i for i, x in enumerate(key) if x == label}
    if chosen != expected:
        return [f"Các mục «{label}» ({LABELS[label]}) chưa đúng: đánh dấu {len(chosen)} mục, "
                "hãy kiểm tra lại từng mục bằng công cụ tra cứu và bằng cách đọc tài liệu."]
    return []


def questions_form_problems(questions, count: int = 3) -> list[str]:
    """Form of the learner's out-of-scope questions: ``count`` different questions of 6–40 words."""
    if not isinstance(questions, (list, tuple)) or not all(isinstance(q, str) for q in questions):
        return ['Cần một danh sách các câu hỏi, mỗi câu trong dấu ngoặc kép: ["Câu hỏi 1?", "Câu hỏi 2?", …].']
    if len(questions) != count:
        return [f"Cần đúng {count} câu hỏi (đang có {len(questions)})."]
    problems = []
    for number, question in enumerate(questions, 1):
        size = len(_words(question))
        if size < 6 or size > 40:
            problems.append(f"Câu {number} dài {size} từ: một câu hỏi rõ ràng thường dài 6–40 từ.")
        elif not QUESTION_MARKERS.search(nfc(question)):
            problems.append(f"Câu {number} chưa phải câu hỏi: kết thúc bằng dấu «?» hoặc dùng từ hỏi (gì, nào, …).")
    return problems


def topics_of(question: str) -> set[str]:
    """The groups of commune work a question speaks of."""
    text = " " + " ".join(_words(question)) + " "
    return {group for group, terms in TOPICS.items() if any(f" {' '.join(_words(t))} " in text for t in terms)}


def _similar(a: str, b: str) -> float:
    left, right = set(_words(a)), set(_words(b))
    return len(left & right) / len(left | right) if left | right else 1.0


def judge_question(question: str, library: Library, known: Iterable[str] = ()) -> Verdict:
    """Is this a real commune question that the sources cannot answer, written by the learner?"""
    if questions_form_problems([question], 1):
        return Verdict(question, False, questions_form_problems([question], 1)[0].replace("Câu 1", "Câu này"))
    words = _words(question)
    if max(words.count(w) for w in set(words)) > 3:
        return Verdict(question, False, "Câu hỏi lặp từ nhiều lần: hãy viết một câu hỏi tự nhiên.")
    topics = topics_of(question)
    if not topics:
        return Verdict(question, False, "Câu hỏi không thuộc công việc của xã (thủ tục, hộ tịch, đất đai, chính sách…).")
    if len(topics) > 4:
        return Verdict(question, False, "Câu hỏi ghép nhiều chủ đề như một danh sách từ khóa: hỏi một việc cụ thể.")
    if any(_similar(question, example) >= 0.6 for example in known):
        return Verdict(question, False, "Câu hỏi gần giống ví dụ trong bài: hãy tự nghĩ một câu hỏi khác.")
    if not library.ask(question).refused:
        return Verdict(question, False, "Công cụ tìm được câu trả lời trong tài liệu: tài liệu có nói về việc này.")
    return Verdict(question, True)


def check_out_of_scope(questions, library: Library, known: Iterable[str], at_least: int) -> list[str]:
    """At least ``at_least`` different questions are on-topic, the learner's own, and refused by the tool."""
    problems = questions_form_problems(questions)
    if problems:
        return problems
    known = list(known)
    accepted: list[str] = []
    messages = []
    for number, question in enumerate(questions, 1):
        verdict = judge_question(question, library, known)
        if verdict.valid and any(_similar(question, other) >= 0.6 for other in accepted):
            verdict = Verdict(question, False, "Câu hỏi gần giống một câu hỏi khác của bạn.")
        if verdict.valid:
            accepted.append(question)
        else:
            messages.append(f"Câu {number}: {verdict.reason}")
    if len(accepted) < at_least:
        return [f"Mới có {len(accepted)} câu hỏi hợp lệ, cần {at_least}.", *messages]
    return []
