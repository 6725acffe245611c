"""Grading for module 07 (tiếp nhận và xử lý phản ánh, kiến nghị): routing, urgency, the model's JSON, the reply.

Keys never live here: hidden test cells pass them in (the trainer's copy is ``datasets/07_…/dap_an_*``).
Visible helpers only check form or run the lab's tools (schema validation, masking), and every grading
function returns a ``CheckResult`` with Vietnamese messages that never name a missed right answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ailab.text import nfc, split_sentences
from autograder.checks.numbers import unsupported_numbers
from autograder.checks.result import CheckResult
from autograder.checks.structured import StructuredAnswer, validate_model_json

# The commune bodies a feedback item is routed to (two-level government since 01/07/2025; see the datasheet).
NOI_XU_LY = {
    "VP": "Văn phòng HĐND và UBND xã",
    "KT": "Phòng Kinh tế",
    "VHXH": "Phòng Văn hóa - Xã hội",
    "TTPVHCC": "Trung tâm Phục vụ hành chính công xã",
    "CA": "Công an xã",
    "HG": "Tổ hòa giải ở cơ sở",
}
LINH_VUC = ("giao thông, hạ tầng", "đất đai, xây dựng", "môi trường", "thủ tục hành chính", "hộ tịch, chứng thực",
            "tiếp công dân, văn phòng", "chính sách xã hội", "an ninh, trật tự, lừa đảo", "tranh chấp giữa người dân")
MUC_DO = ("khẩn", "thường")
SO_NGAY_LAM_VIEC = {"khẩn": 3, "thường": 10}  # the exercise's own rule, not a legal deadline (see README)

SCHEMA_PHAN_LOAI = {
    "type": "object",
    "required": ["ma", "linh_vuc", "noi_xu_ly", "muc_do", "ly_do"],
    "properties": {
        "ma": {"type": "string", "pattern": "^(PA|M)\\d{2}$"},
        "linh_vuc": {"enum": list(LINH_VUC)},
        "noi_xu_ly": {"enum": list(NOI_XU_LY)},
        "muc_do": {"enum": list(MUC_DO)},
        "ly_do": {"type": "string", "minLength": 5},
    },
    "additionalProperties": False,
}
SCHEMA_DANH_SACH = {"type": "array", "minItems": 1, "items": SCHEMA_PHAN_LOAI}

# Ways a reply names each body in prose (lower case, NFC); the first is the official name.
TEN_GOI = {
    "VP": ("văn phòng hđnd và ubnd", "văn phòng hội đồng nhân dân và ủy ban nhân dân", "công chức tư pháp"),
    "KT": ("phòng kinh tế",),
    "VHXH": ("phòng văn hóa - xã hội", "phòng văn hóa-xã hội", "phòng văn hóa, xã hội", "phòng văn hóa và xã hội",
             "phòng văn hóa xã hội"),
    "TTPVHCC": ("trung tâm phục vụ hành chính công",),
    "CA": ("công an xã",),
    "HG": ("tổ hòa giải", "hòa giải viên"),
}
# The district level, gone since 01/07/2025 (an AI's most frequent routing error).
CAP_DA_BO = re.compile(r"\bhuyện\b")


def kiem_tra_json(tra_loi_ai: str, danh_sach: bool = False) -> StructuredAnswer:
    """Validate a model's answer against the module's schema (one object, or a list with ``danh_sach``)."""
    return validate_model_json(tra_loi_ai, SCHEMA_DANH_SACH if danh_sach else SCHEMA_PHAN_LOAI)


def doc_ket_qua_ai(tra_loi_ai: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Turn a model's JSON list into the learner's two answers: ({ma: noi_xu_ly}, {ma: muc_do}, problems)."""
    answer = kiem_tra_json(tra_loi_ai, danh_sach=True)
    if not answer.ok:
        return {}, {}, answer.problems
    routing = {item["ma"]: item["noi_xu_ly"] for item in answer.data}
    urgency = {item["ma"]: item["muc_do"] for item in answer.data}
    return routing, urgency, []


def check_labels_format(answers, codes, allowed, what: str) -> list[str]:
    """Vietnamese messages about the form of ``answers`` ({ma: label}); empty when the form is right."""
    allowed = list(allowed)
    if not isinstance(answers, Mapping):
        return [f"Câu trả lời phải là một bảng {{mã: {what}}}, như ô mẫu."]
    codes = list(codes)
    blank = [ma for ma in codes if not str(answers.get(ma, "")).strip()]
    if len(blank) == len(codes):
        return [f"Chưa điền {what} nào: ghi vào giữa hai dấu nháy của từng mã."]
    messages = []
    if blank:
        messages.append(f"Còn {len(blank)} phản ánh chưa điền {what}: " + ", ".join(blank) + ".")
    unknown = sorted({str(v) for ma, v in answers.items() if ma in codes and str(v).strip()
                      and _label(v) not in allowed})
    if unknown:
        messages.append(f"Nhãn không có trong danh sách: {', '.join(map(repr, unknown))}. "
                        f"Chỉ dùng: {', '.join(allowed)}.")
    extra = sorted(set(answers) - set(codes))
    if extra:
        messages.append("Mã không có trong tệp phan_anh.csv: " + ", ".join(map(str, extra)) + ".")
    return messages


def _label(value) -> str:
    text = " ".join(str(value).split())
    return text.upper() if text.upper() in NOI_XU_LY else text.lower()


def grade_labels(answers, key: Mapping[str, str], allowed, max_score: float, full_at: float,
                 what: str) -> CheckResult:
    """Chance-corrected accuracy: the commonest label for every item scores 0, ``full_at`` or better full.

    Score = (accuracy − baseline) / (full_at − baseline), clipped to 0–1, where baseline is the accuracy of
    answering the commonest label everywhere — so a constant or random answer earns nothing.
    """
    form = check_labels_format(answers, key, allowed, what)
    if form:
        return CheckResult(0.0, max_score, form)
    right = sum(_label(answers.get(ma, "")) == _label(label) for ma, label in key.items())
    accuracy = right / len(key)
    baseline = max(Counter(_label(v) for v in key.values()).values()) / len(key)
    share = max(0.0, min(1.0, (accuracy - baseline) / (full_at - baseline)))
    messages = [] if share >= 1 else [
        f"Đúng {right}/{len(key)} phản ánh. Đọc lại bảng phân công và nội dung từng phản ánh: "
        f"{what} phải theo việc người dân nêu, không theo từ khóa."]
    if share == 0 and right:
        messages.append("Kết quả chưa hơn cách ghi cùng một nhãn cho mọi phản ánh, nên chưa được điểm.")
    return CheckResult(round(max_score * share, 2), max_score, messages)


def grade_usable_replies(chosen, expected, options: str, max_score: float) -> CheckResult:
    """Judging prepared model answers: each option decided right earns a share; picking all or none earns 0."""
    if not isinstance(chosen, (list, tuple, set)):
        return CheckResult(0.0, max_score, ["Câu trả lời phải là danh sách chữ cái, ví dụ [\"a\"]."])
    picked = {str(c).strip().lower() for c in chosen}
    unknown = sorted(picked - set(options))
    if not picked or unknown:
        return CheckResult(0.0, max_score, [f"Chỉ ghi các chữ cái trong {', '.join(options)}."
                                            + (f" Không có: {', '.join(unknown)}." if unknown else "")])
    expected = set(expected)
    right = sum((o in picked) == (o in expected) for o in options)
    share = max(0.0, (right / len(options) - 0.5) / 0.5)
    wrong = sorted(picked - expected)
    messages = [f"Câu trả lời {', '.join(wrong)} chưa dùng được: chạy kiem_tra_json và đọc lại nơi xử lý."] if wrong else []
    if picked != expected and not wrong:
        messages.append("Còn câu trả lời dùng được mà bạn chưa chọn.")
    return CheckResult(round(max_score * share, 2), max_score, messages)


# ----------------------------------------------------------------------------------------- the reply


@dataclass(frozen=True)
class ReplyKey:
    """What a reply to one feedback item must say; built only in hidden test cells.

    ``van_de``: word groups; a sentence states the citizen's issue when it holds a word of every group.
    ``noi_xu_ly``: the body's code; ``so_ngay`` and ``han``: the deadline in working days and as a date;
    ``nguon``: the text the reply may take numbers from; ``nguoi_nhan``: the citizen, for the Kính gửi line.
    """

    van_de: tuple[tuple[str, ...], ...]
    noi_xu_ly: str
    so_ngay: int
    han: str
    nguon: str
    nguoi_nhan: str = ""


_SUBJECT = ("phản ánh", "kiến nghị", "đề nghị", "ý kiến", "đơn", "thư")
_HANDLING = ("giao", "chuyển", "phân công", "chỉ đạo", "yêu cầu", "kiểm tra", "xử lý", "giải quyết", "khắc phục",
             "thu gom", "hòa giải", "tiếp nhận", "phối hợp")
_DEADLINE = ("thời hạn", "chậm nhất", "trước ngày", "trong vòng", "trong ", "hạn", "trả lời", "kết quả", "thông báo")


def _low(text: str) -> str:
    return " ".join(nfc(text).lower().replace("–", "-").split())


def _bodies_named(sentence: str) -> set[str]:
    low = _low(sentence)
    return {code for code, names in TEN_GOI.items() if any(name in low for name in names)}


def _date_forms(date: str) -> list[str]:
    day, month, year = (int(part) for part in date.split("/"))
    return [f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year}", f"{day:02d}/{month}/{year}",
            f"ngày {day:02d} tháng {month} năm {year}", f"ngày {day} tháng {month} năm {year}",
            f"ngày {day:02d} tháng {month:02d} năm {year}"]


def _own_words(low: str, key: ReplyKey) -> list[str]:
    """Words of a sentence beyond the checked keywords: a keyword list has none, a real sentence has several."""
    keywords = " ".join((*_SUBJECT, *_HANDLING, *_DEADLINE, *(w for g in key.van_de for w in g),
                         *(n for names in TEN_GOI.values() for n in names))).split()
    return [w for w in re.findall(r"\w+", low) if w not in keywords and not w.isdigit()]


def _facts_in(sentence: str, key: ReplyKey) -> set[str]:
    """Which of the three facts a sentence states with its own subject ("van_de", "noi_xu_ly", "thoi_han")."""
    low, found = _low(sentence), set()
    if len(low.split()) < 6 or len(_own_words(low, key)) < 3:
        return found
    if all(any(word in low for word in group) for group in key.van_de) and any(s in low for s in _SUBJECT):
        found.add("van_de")
    bodies = _bodies_named(sentence)
    if key.noi_xu_ly in bodies and len(bodies) <= 2 and any(v in low for v in _HANDLING):
        found.add("noi_xu_ly")
    days = re.search(rf"(?<!\d){key.so_ngay}\s+ngày làm việc", low)
    if (days or any(form in low for form in _date_forms(key.han))) and any(d in low for d in _DEADLINE):
        found.add("thoi_han")
    return set() if len(found) == 3 else found


_FACT_NAMES = {"van_de": "việc người dân phản ánh (nêu rõ sự việc, ở đâu)",
               "noi_xu_ly": "cơ quan được giao xử lý (tên cơ quan và việc cơ quan đó làm)",
               "thoi_han": "thời hạn trả lời (số ngày làm việc hoặc ngày cụ thể)"}


def grade_reply_facts(reply, key: ReplyKey, max_score: float) -> CheckResult:
    """A share per fact stated in a sentence of its own: the issue, the body responsible, the deadline."""
    text, problems = reply_text(reply)
    if problems:
        return CheckResult(0.0, max_score, problems)
    sentences = split_sentences(text)
    hedge = _hedge(text, sentences)
    if hedge:
        return CheckResult(0.0, max_score, [hedge])
    found = set().union(*(_facts_in(s, key) for s in sentences)) if sentences else set()
    messages = [f"Chưa thấy một câu nêu {_FACT_NAMES[f]}." for f in _FACT_NAMES if f not in found]
    if any(len(_facts_in_raw(s, key)) == 3 for s in sentences):
        messages.append("Có câu gộp cả ba ý: viết mỗi ý một câu, có chủ ngữ rõ ràng.")
    return CheckResult.partial(len(found), len(_FACT_NAMES), max_score, messages)


def _hedge(text: str, sentences: list[str]) -> str | None:
    """Why a reply that names several bodies or several working-day deadlines says nothing definite, or None."""
    named = set().union(*(_bodies_named(s) for s in sentences)) if sentences else set()
    if len(named) >= 2:
        return ("Văn bản nêu nhiều cơ quan: người dân không biết ai xử lý việc của mình. "
                "Chỉ nêu một nơi được giao xử lý.")
    if len(set(re.findall(r"(\d+)\s+ngày làm việc", _low(text)))) >= 2:
        return "Văn bản nêu nhiều thời hạn khác nhau: chỉ ghi một thời hạn trả lời theo quy tắc của bài."
    return None


def _facts_in_raw(sentence: str, key: ReplyKey) -> set[str]:
    """The facts a sentence touches before the one-sentence-per-fact rule (to explain a merged sentence)."""
    low = _low(sentence)
    touched = {"noi_xu_ly"} if key.noi_xu_ly in _bodies_named(sentence) else set()
    if all(any(word in low for word in group) for group in key.van_de):
        touched.add("van_de")
    if re.search(rf"(?<!\d){key.so_ngay}\s+ngày", low):
        touched.add("thoi_han")
    return touched


def grade_reply_invented(reply, key: ReplyKey, max_score: float) -> CheckResult:
    """Full points when the reply invents nothing: no number outside the facts, no other body, no district.

    Earned only by a reply that already states at least two of the three facts (a blank or a one-line reply
    invents nothing, but it is not a reply).
    """
    text, problems = reply_text(reply)
    if problems:
        return CheckResult(0.0, max_score, problems)
    if grade_reply_facts(reply, key, 3).score < 2:
        return CheckResult(0.0, max_score, ["Trước hết văn bản trả lời cần nêu đủ các ý (câu 4a)."])
    dates = [key.han, *re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", key.nguon)]
    allowed = f"{key.nguon}\n{key.so_ngay} ngày\n" + "\n".join(f for d in dates for f in _date_forms(d))
    found = []
    invented = unsupported_numbers(text, allowed)
    if invented:
        found.append("Có con số, ngày tháng không có trong phản ánh hay quy định của bài: " + ", ".join(invented) + ".")
    others = sorted(set().union(*(_bodies_named(s) for s in split_sentences(text))) - {key.noi_xu_ly})
    if others:
        found.append("Văn bản nêu thêm cơ quan không được giao việc này: "
                     + ", ".join(NOI_XU_LY[c] for c in others) + ".")
    if CAP_DA_BO.search(_low(text)):
        found.append("Văn bản nhắc tới cấp huyện: từ 01/7/2025 không còn cấp huyện.")
    if key.nguoi_nhan and isinstance(reply, (str, Path)) and str(reply).endswith(".docx"):
        found += _recipient_problems(Path(reply), key.nguoi_nhan)
    return CheckResult.from_problems(found, max_score)


def _recipient_problems(path: Path, citizen: str) -> list[str]:
    lines = [p for p in document_paragraphs(path) if _low(p).startswith("kính gửi")]
    if not any(_low(citizen) in _low(line) for line in lines):
        return ["Dòng «Kính gửi» chưa ghi đúng người đã phản ánh (ông/bà và họ tên)."]
    return []


def document_paragraphs(path: str | Path) -> list[str]:
    """Text of every paragraph of a .docx (body first, then table cells, where the writer puts the header), NFC."""
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return [nfc(text) for text in texts]


def body_paragraphs_of(path: str | Path) -> list[str]:
    """The body of a công văn written by the lab's writer: after the Kính gửi lines, up to the "./." paragraph."""
    paragraphs = [p.strip() for p in document_paragraphs(path)]
    start = next((i for i, p in enumerate(paragraphs) if _low(p).startswith("kính gửi")), -1)
    if start >= 0 and _low(paragraphs[start]).rstrip(":") == "kính gửi":
        while start + 1 < len(paragraphs) and paragraphs[start + 1].startswith("- "):
            start += 1
            if paragraphs[start].endswith("."):
                break
    body = []
    for paragraph in paragraphs[start + 1:]:
        if paragraph:
            body.append(paragraph)
        if paragraph.endswith("/."):
            break
    return body


def reply_text(reply) -> tuple[str, list[str]]:
    """The reply's body text and problems: ``reply`` is the body as text, or the path of the công văn (.docx)."""
    if isinstance(reply, Path) or (isinstance(reply, str) and reply.strip().endswith(".docx")):
        path = Path(reply)
        if not path.is_file():
            return "", [f"Chưa có tệp «{path.name}»: chạy ô tạo văn bản ở trên."]
        if not any(p.strip().startswith("V/v ") for p in document_paragraphs(path)):
            return "", ["Chưa phải công văn: thiếu dòng trích yếu «V/v …» (ghi loai là «Công văn»)."]
        return "\n".join(body_paragraphs_of(path)), []
    if not isinstance(reply, str) or not reply.strip():
        return "", ["Chưa có nội dung văn bản trả lời."]
    return nfc(reply), []


# ------------------------------------------------------------------------------- masking before pasting

_NAME_WORD = r"[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]\w*"
_MASKS = (
    (re.compile(r"(?<!\d)\d{12}(?!\d)"), "[SỐ ĐỊNH DANH]"),
    (re.compile(r"(?<![\d+])(?:\+84|84|0)[35789](?:[ .]?\d){8}(?!\d)"), "[SĐT]"),
    (re.compile(rf"\b(Ông|Bà|Anh|Chị|ông|bà|anh|chị) {_NAME_WORD}(?: {_NAME_WORD})+"), r"\1 [HỌ TÊN]"),
)


def che_thong_tin(van_ban: str) -> str:
    """Mask what must not be pasted into a public chatbot: ID numbers, mobile numbers, names after ông/bà."""
    text = nfc(str(van_ban))
    for pattern, label in _MASKS:
        text = pattern.sub(label, text)
    return text
