"""Find the five parts of a good prompt in a Vietnamese prompt (module 01).

Public API
----------
- ``check_prompt(prompt) -> PromptReport``: which of the five parts (vai trò, bối cảnh, nhiệm vụ, định dạng,
  giới hạn) a prompt contains, the words that showed each part, and a Vietnamese hint for each missing one.
- ``missing_topic_words(prompt, words) -> list[str]``: the topic words a prompt does not mention.
- ``PART_LABELS``: part key -> Vietnamese name, in the order the lesson teaches them.
- ``PromptJob`` and ``grade_prompt_for_job(prompt, job, max_score) -> CheckResult``: judge a prompt written
  for one concrete job — each part counts only when it says something real about that job (see below).

``check_prompt`` is a keyword finder: it says whether a prompt *names* a role, a task, a format…; it cannot
tell a good prompt from a salad of the right words, so no grade rests on it alone.

How parts are found: clear keyword patterns matched on the lower-cased prompt. Diacritics matter ("bảng" is a
table, "bằng" means "with"), so a prompt typed without accents finds few parts and gets a note saying so.
A part counts as present when one of its patterns matches:
- vai trò: "bạn là", "đóng vai", "với vai trò", "với tư cách", "hãy là", "giả sử bạn là", "trong vai".
- bối cảnh: a word that sets the scene — "bối cảnh", "tình hình", "hiện nay", "sắp tới", "vừa qua", "người đọc",
  "người dân", "gửi cho", "dành cho", "đối tượng", "mục đích", "nhằm", "căn cứ", "dựa trên", "dưới đây",
  "thông tin sau", "nội dung sau", "số liệu sau", "xã tôi", "phường tôi", "xã/phường ... (có|đang|sẽ|vừa)".
- nhiệm vụ: a task verb — viết, soạn, tóm tắt, tổng hợp, liệt kê, phân tích, phân loại, so sánh, giải thích,
  trả lời, đề xuất, lập, xây dựng, kiểm tra, sửa, rút gọn, chuyển, nêu, gợi ý, trình bày.
- định dạng: the shape of the answer — "dạng bảng", "bảng", "gạch đầu dòng", "đánh số", "danh sách",
  "đoạn văn", "<số> đoạn/ý/câu/dòng/từ/mục", "tiêu đề", "theo mẫu", "định dạng", "bố cục".
- giới hạn: a boundary — "không quá", "tối đa", "tối thiểu", "ít nhất", "dưới <số>", "trong vòng <số>",
  "chỉ dùng/sử dụng/dựa/nêu/lấy/trả lời", "không được", "không bịa", "không thêm", "không dùng", "không nêu",
  "không đưa", "tránh", "giới hạn", "nếu không có/biết/rõ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ailab.text import nfc
from autograder.checks.result import CheckResult

__all__ = ["EMPTY_HINT", "HINTS", "NO_DIACRITICS_HINT", "PART_LABELS", "PART_WEIGHTS", "PromptJob", "PromptPart",
           "PromptReport", "check_prompt", "copied_share", "grade_prompt_for_job", "missing_topic_words", "prompt_clauses"]

PART_LABELS: dict[str, str] = {
    "vai_tro": "vai trò",
    "boi_canh": "bối cảnh",
    "nhiem_vu": "nhiệm vụ",
    "dinh_dang": "định dạng",
    "gioi_han": "giới hạn",
}

HINTS: dict[str, str] = {
    "vai_tro": 'Thêm VAI TRÒ cho trợ lý, ví dụ: "Bạn là công chức Văn phòng HĐND và UBND xã…" hoặc "Đóng vai…".',
    "boi_canh": 'Thêm BỐI CẢNH: việc gì, ở đâu, cho ai, ví dụ: "Xã sắp tổ chức…", '
                '"Người đọc là người dân…", "Dựa trên thông tin sau: …".',
    "nhiem_vu": 'Nêu rõ NHIỆM VỤ bằng một động từ, ví dụ: "Hãy soạn…", "Tóm tắt…", "Liệt kê…".',
    "dinh_dang": 'Nói rõ ĐỊNH DẠNG câu trả lời, ví dụ: "dạng bảng", "gạch đầu dòng", "3 đoạn", "khoảng 150 từ".',
    "gioi_han": 'Đặt GIỚI HẠN, ví dụ: "không quá 200 từ", "tối đa 5 ý", "chỉ dùng thông tin đã cho", '
                '"không bịa số liệu".',
}

_N = r"\d+"
# Matched on the lower-cased NFC prompt: diacritics matter ("bảng" is a table, "bằng" is "with").
_PATTERNS: dict[str, tuple[str, ...]] = {
    "vai_tro": (
        r"\bbạn là\b", r"\bđóng vai\b", r"\bvới vai trò\b", r"\bvới tư cách\b", r"\bhãy là\b",
        r"\bgiả sử bạn là\b", r"\btrong vai\b", r"\bvai trò (là|của)\b",
    ),
    "boi_canh": (
        r"\bbối cảnh\b", r"\btình hình\b", r"\bhiện nay\b", r"\bsắp tới\b", r"\bvừa qua\b",
        r"\bngười đọc\b", r"\bngười dân\b", r"\bgửi (cho|đến|tới)\b", r"\bdành cho\b", r"\bđối tượng\b",
        r"\bmục đích\b", r"\bnhằm\b", r"\bcăn cứ\b", r"\bdựa (trên|vào)\b", r"\bdưới đây\b",
        r"\b(thông tin|nội dung|số liệu|dữ liệu|văn bản) sau\b", r"\b(xã|phường) tôi\b",
        r"\b(xã|phường|thôn|tổ dân phố)\b[^.?!\n]{0,40}?\b(có|đang|sẽ|vừa|đã)\b",
    ),
    "nhiem_vu": (
        r"\bviết\b", r"\bsoạn\b", r"\btóm tắt\b", r"\btổng hợp\b", r"\bliệt kê\b", r"\bphân tích\b",
        r"\bphân loại\b", r"\bso sánh\b", r"\bgiải thích\b", r"\btrả lời\b", r"\bđề xuất\b",
        r"\blập\b", r"\bxây dựng\b", r"\bkiểm tra\b", r"\bsửa\b", r"\brút gọn\b", r"\bchuyển\b",
        r"\bnêu\b", r"\bgợi ý\b", r"\btrình bày\b",
    ),
    "dinh_dang": (
        r"\bdạng bảng\b", r"\bbảng\b", r"\bgạch đầu dòng\b", r"\bđánh số\b", r"\bdanh sách\b",
        r"\bđoạn văn\b", rf"\b{_N} (đoạn|ý|câu|dòng|từ|mục|phần)\b", r"\btiêu đề\b", r"\btheo mẫu\b",
        r"\bđịnh dạng\b", r"\bbố cục\b",
    ),
    "gioi_han": (
        r"\bkhông quá\b", r"\btối đa\b", r"\btối thiểu\b", r"\bít nhất\b", rf"\bdưới {_N}\b",
        rf"\btrong vòng {_N}\b", r"\bchỉ (dùng|sử dụng|dựa|nêu|lấy|trả lời|viết|ghi)\b",
        r"\bkhông (được|bịa|thêm|dùng|nêu|đưa|tự ý)\b", r"\btránh\b", r"\bgiới hạn\b",
        r"\bnếu (không|chưa) (có|biết|rõ|đủ)\b",
    ),
}
_COMPILED = {key: tuple(re.compile(p) for p in patterns) for key, patterns in _PATTERNS.items()}
_VIETNAMESE_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
NO_DIACRITICS_HINT = ("Câu lệnh chưa có dấu tiếng Việt. Hãy gõ có dấu (bật Unikey/EVKey) để trợ lý và "
                      "máy chấm hiểu đúng.")
EMPTY_HINT = "Câu lệnh đang trống: hãy viết câu lệnh vào giữa hai dấu nháy."


@dataclass(frozen=True)
class PromptPart:
    """One of the five parts: whether it was found, the words that showed it, and a hint if missing."""

    key: str
    label: str
    found: bool
    evidence: str = ""
    hint: str = ""


@dataclass(frozen=True)
class PromptReport:
    """The five parts of one prompt, in teaching order."""

    parts: tuple[PromptPart, ...]
    notes: tuple[str, ...] = ()

    @property
    def present(self) -> list[str]:
        """Keys of the parts found."""
        return [p.key for p in self.parts if p.found]

    @property
    def missing(self) -> list[str]:
        """Keys of the parts not found."""
        return [p.key for p in self.parts if not p.found]

    @property
    def score(self) -> int:
        """How many of the five parts were found."""
        return len(self.present)

    @property
    def complete(self) -> bool:
        """True when all five parts were found."""
        return not self.missing

    @property
    def messages(self) -> list[str]:
        """Vietnamese notes on the whole prompt, then one hint per missing part."""
        return [*self.notes, *(p.hint for p in self.parts if not p.found)]


def _lower(text: str) -> str:
    """NFC, lower-cased, with runs of white space collapsed (so a match maps back to the prompt)."""
    return re.sub(r"\s+", " ", nfc(text or "")).strip().lower()


def check_prompt(prompt: str) -> PromptReport:
    """Report which of the five parts of a good prompt ``prompt`` contains."""
    text = re.sub(r"\s+", " ", nfc(prompt if isinstance(prompt, str) else "")).strip()
    lowered = text.lower()
    notes: list[str] = []
    if not text:
        notes.append(EMPTY_HINT)
    elif not _VIETNAMESE_MARKS.search(lowered):
        notes.append(NO_DIACRITICS_HINT)
    parts = []
    for key, label in PART_LABELS.items():
        match = next((m for pattern in _COMPILED[key] if (m := pattern.search(lowered))), None)
        if match:
            parts.append(PromptPart(key, label, True, evidence=text[match.start():match.end()]))
        else:
            parts.append(PromptPart(key, label, False, hint=HINTS[key]))
    return PromptReport(tuple(parts), tuple(notes))


def missing_topic_words(prompt: str, words: Iterable[str]) -> list[str]:
    """The ``words`` (compared without regard to case) that ``prompt`` does not contain as whole words."""
    lowered = _lower(prompt if isinstance(prompt, str) else "")
    return [word for word in words if not re.search(rf"\b{re.escape(_lower(word))}\b", lowered)]


# --- Judging a prompt written for one concrete job -------------------------------------------------------
# Each part counts only when it says something real about the job (``PromptJob``):
# - vai trò: a role phrase ("bạn là", "đóng vai", "vai trò:" …) followed by a role that can do the job
#   (công chức, cán bộ, chuyên viên …; "trợ lý", "chuyên gia", "chủ tịch" only with a field such as xã);
# - nhiệm vụ: a drafting verb (soạn, viết, thảo, lập, hãy …) with the job's document in the same clause;
# - bối cảnh: who reads it, and the job's facts handed over (partial by the share of facts given);
# - định dạng: a shape that fits the document (gạch đầu dòng, đánh số, N đoạn, tiêu đề, thể thức …);
# - giới hạn: a length limit that fits (N từ/câu/dòng … within the job's ceiling) or a limit on sources.
# Gates: empty, no diacritics, not written as sentences (too few of the small words every Vietnamese
# sentence needs), or not about the job -> nothing; no task or almost no facts -> at most 25%.

PART_WEIGHTS: dict[str, float] = {"vai_tro": 0.5, "boi_canh": 1.0, "nhiem_vu": 0.5, "dinh_dang": 0.5,
                                  "gioi_han": 0.5}

_ROLE_MARKER = (r"(?:\b(?:bạn|anh|chị|em)\s+(?:hãy\s+|sẽ\s+)?(?:là|đóng vai|vào vai|nhập vai|làm)\b"
                r"|\bđóng vai\b|\bvào vai\b|\bnhập vai\b|\bvới vai trò\b|\bvới tư cách\b|\btrong vai\b"
                r"|\bhãy là\b|\bvai trò(?:\s+của\s+bạn)?\s*(?:là\b|:|-|–)|\bhãy (?:viết|soạn|trả lời) như\b"
                r"|^là\b)")
_ROLE_NOUN_PLAIN = (r"\b(?:công chức|cán bộ|chuyên viên|văn thư|thư ký|trưởng thôn|tổ trưởng"
                    r"|người (?:soạn|viết|phụ trách|làm công tác))\b")
_ROLE_NOUN_FIELD = r"\b(?:trợ lý|chuyên gia|nhân viên|người|chủ tịch|phó chủ tịch|lãnh đạo)\b"
_ROLE_FIELD = (r"\b(?:xã|phường|ubnd|ủy ban|hđnd|văn phòng|hành chính|soạn thảo|văn bản|thú y|chăn nuôi"
               r"|truyền thông|tuyên truyền|nông nghiệp|kinh tế|nhà nước|công vụ|chính quyền)\b")
_TASK_VERB = (r"\b(?:soạn(?:\s+thảo)?|viết|thảo|lập|chuẩn bị|làm|tạo|xây dựng|giúp|cần|nhờ|hãy|muốn)\b"
              r"|\bnhiệm vụ(?:\s+của\s+bạn)?\s*(?:là\b|:|-|–)")
_FORMATS_NOTICE = (r"\bgạch đầu dòng\b|\bđầu dòng\b|\bđánh số\b|\b(?:các|từng) (?:mục|ý) (?:rõ|riêng|ngắn)"
                   r"|\b(?:\d+|một|hai|ba|bốn|năm|sáu) (?:đoạn|mục|ý|phần)\b|\bđoạn văn\b|\bvăn xuôi\b"
                   r"|\btiêu đề\b|\bthể thức\b|\btheo mẫu\b|\bmẫu thông báo\b|\bnghị định 30\b|\bxuống dòng\b"
                   r"|\bmỗi (?:ý|thông tin|mục|nội dung) (?:một|trên một) dòng\b|\bcâu ngắn\b|\bin đậm\b"
                   r"|\b(?:mở đầu|kết thúc) bằng\b|\bquốc hiệu\b|\bliệt kê\b|\bdanh sách\b|\bbố cục\b"
                   r"|\bphần mở đầu\b|\bmỗi câu một ý\b|\bcâu (?:văn )?ngắn\b"
                   r"|\b(?:dạng|kiểu|theo|đúng) (?:mẫu )?văn bản hành chính\b")
_UNITS = r"(từ|chữ|câu|dòng|đoạn|ý|mục|trang|phút)"
_NUMBER_VALUES = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                  "mười": 10}
_NUMBER_WORDS = "|".join(_NUMBER_VALUES)
# "không quá 150 từ", "khoảng 100–150 từ", "150 từ trở xuống": the upper number is the limit.
_LENGTH = re.compile(r"\b(?:không quá|không vượt quá|không dài quá|dài không quá|không nhiều hơn|tối đa|dưới"
                     r"|ít hơn|chưa tới|chưa đến|ngắn hơn|khoảng|chừng|tầm|độ|gói gọn trong|trong vòng|chỉ|gồm"
                     r"|trong)\s+(?:\w+\s*[-–]\s*)?(\d+|" + _NUMBER_WORDS + r")\s+" + _UNITS + r"\b"
                     r"|\b(\d+|" + _NUMBER_WORDS + r")\s+" + _UNITS + r"\s+(?:trở xuống|là tối đa|là nhiều nhất)")
_LENGTH_LIMITS = {"câu": 30, "dòng": 40, "đoạn": 6, "ý": 12, "mục": 12, "trang": 1, "phút": 3}
_SOURCE_LIMIT = (r"\bchỉ (?:dùng|sử dụng|dựa(?: vào| trên)?|lấy|đưa|ghi|nêu|viết)\b[^.;!?\n]{0,40}?"
                 r"\b(?:thông tin|nội dung|dữ liệu|số liệu|những gì|các ý|chi tiết)"
                 r"|\b(?:không|đừng) (?:được\s+)?(?:tự\s+)?(?:thêm|bịa|đặt thêm|đưa thêm|suy diễn|sáng tác"
                 r"|bổ sung)\b|\b(?:giữ|theo) đúng (?:các |những )?(?:thông tin|nội dung|số liệu)\b"
                 r"|\b(?:ngoài|trừ) (?:các |những )?(?:thông tin|nội dung|chi tiết|những gì)\b"
                 r"|\bnếu (?:thiếu|không có|chưa có|chưa rõ|không rõ)\b")
_FUNCTION_WORDS = frozenset(
    "là của cho và với tại từ đến tới để các những một có được không sẽ đã đang về trong theo khi thì này đó "
    "hãy giúp tôi bạn mình chúng ta nào gì ra vào lên như mỗi nếu nhưng hoặc hay rồi cũng vẫn chỉ bằng "
    "ở sau trước trên dưới nên cần phải do vì mà ai đây kia ấy thế nhé ạ lúc".split())
_MIN_FUNCTION_SHARE = 0.12
_CAP_WITHOUT_CORE = 0.25  # a prompt that asks for nothing, hands over almost no facts, or is copied: at most
_COPIED_SHARE = 0.9       # share of a prompt's word 4-grams found in the texts shown to the learner
_CLAUSE_END = re.compile(r"(?<!\d)\.(?!\d)|[!?;\n]")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*(.?)")


@dataclass(frozen=True)
class PromptJob:
    """The concrete job a prompt is written for; patterns are matched on the lower-cased NFC prompt.

    ``subject``: patterns that must all occur (the prompt is about this job); ``document``: the document asked
    for; ``audience``: who reads it; ``facts``: Vietnamese name -> pattern of each fact the assistant needs, of
    which ``facts_needed`` earn full context credit; ``max_words``: the longest word limit that fits the job;
    ``known_texts``: texts shown to the learner, of which a near-verbatim copy earns at most 25%.
    """

    subject: tuple[str, ...]
    document: str
    audience: str
    facts: Mapping[str, str] = field(default_factory=dict)
    facts_needed: int = 3
    formats: str = _FORMATS_NOTICE
    max_words: int = 300
    name: str = "việc được giao"
    known_texts: tuple[str, ...] = ()   # texts the learner can see (examples, the ticket): a near copy is capped


_OLD_TONES = {"oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oé": "óe", "oè": "òe", "oẻ": "ỏe",
              "oẽ": "õe", "oẹ": "ọe", "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
# Only at the end of a syllable: "hoá" is old style for "hóa", but "đoạn", "khoảng" are already right.
_OLD_TONE = re.compile("(?:" + "|".join([*_OLD_TONES, *(k.upper() for k in _OLD_TONES)]) + r")(?![^\W\d_])")


def _normal(text: str) -> str:
    """NFC, old-style tone places made new ("hoá" -> "hóa"), every run of white space made one space."""
    text = nfc(text if isinstance(text, str) else "")
    text = _OLD_TONE.sub(lambda m: _OLD_TONES.get(m.group(0), _OLD_TONES.get(m.group(0).lower(), m.group(0))),
                         text)
    return re.sub(r"\s+", " ", text).strip()


def _starts_item(char: str) -> bool:
    """True when a line starting with ``char`` is a new item (capital letter, bullet, number, blank line)."""
    return not char or char.isupper() or char.isdigit() or char in "-•*+\n"


def prompt_clauses(prompt: str) -> list[str]:
    """The lower-cased clauses of ``prompt``: split at sentence ends, semicolons, and line breaks that start a
    new item (a capital letter, a dash or a number); a line wrapped in mid-sentence stays one clause."""
    text = nfc(prompt if isinstance(prompt, str) else "")
    text = _LINE_BREAK.sub(lambda m: ("\n" if _starts_item(m.group(1)) else " ") + m.group(1), text)
    return [c.strip() for c in _CLAUSE_END.split(re.sub(r"[ \t]+", " ", text).lower()) if c.strip()]


def _has_role(clauses: list[str]) -> bool:
    for clause in clauses:
        for marker in re.finditer(_ROLE_MARKER, clause):
            rest = clause[marker.end():marker.end() + 60]
            if re.search(_ROLE_NOUN_PLAIN, rest):
                return True
            if re.search(_ROLE_NOUN_FIELD, rest) and re.search(_ROLE_FIELD, rest):
                return True
    return False


def _has_task(clauses: list[str], job: PromptJob) -> bool:
    for clause in clauses:
        for verb in re.finditer(_TASK_VERB, clause):
            if re.search(job.document, clause[verb.end():verb.end() + 70]):
                return True
    return False


def _has_length_limit(text: str, job: PromptJob) -> bool:
    for match in _LENGTH.finditer(text):
        word = match.group(1) or match.group(3)
        number = _NUMBER_VALUES[word] if word in _NUMBER_VALUES else int(word)
        unit = match.group(2) or match.group(4)
        ceiling = job.max_words if unit in ("từ", "chữ") else _LENGTH_LIMITS[unit]
        if 0 < number <= ceiling:
            return True
    return False


def _function_share(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_]+", text)]
    return 0.0 if not words else sum(w in _FUNCTION_WORDS for w in words) / len(words)


def _gate(text: str, job: PromptJob) -> str | None:
    """A Vietnamese reason the prompt earns nothing, or None."""
    if not text:
        return "Câu lệnh đang trống: hãy viết câu lệnh vào giữa hai dấu nháy."
    if not _VIETNAMESE_MARKS.search(text):
        return "Câu lệnh chưa có dấu tiếng Việt: hãy gõ có dấu (bật Unikey/EVKey) để trợ lý hiểu đúng."
    if _function_share(text) < _MIN_FUNCTION_SHARE and len(prompt_clauses(text)) < 3:
        return ("Câu lệnh chưa viết thành câu: đang là một chuỗi từ rời. Hãy viết như khi giao việc cho "
                "một đồng nghiệp (ai làm, làm gì, cho ai, thông tin nào, trình bày ra sao, giới hạn gì).")
    if not all(re.search(pattern, text) for pattern in job.subject):
        return f"Câu lệnh chưa nói về {job.name}: hãy viết câu lệnh cho đúng việc được giao."
    return None


def grade_prompt_for_job(prompt: str, job: PromptJob, max_score: float = 1.0) -> CheckResult:
    """Points for each of the five parts that ``prompt`` expresses *for this job*, scaled to ``max_score``."""
    text = _normal(prompt).lower()
    reason = _gate(text, job)
    if reason:
        return CheckResult(0.0, max_score, [reason])
    clauses = prompt_clauses(prompt)
    facts_given = [name for name, pattern in job.facts.items() if re.search(pattern, text)]
    missing_facts = [name for name in job.facts if name not in facts_given]
    fact_share = min(1.0, len(facts_given) / job.facts_needed) if job.facts else 1.0
    audience = bool(re.search(job.audience, text))
    earned = {
        "vai_tro": 1.0 if _has_role(clauses) else 0.0,
        "nhiem_vu": 1.0 if _has_task(clauses, job) else 0.0,
        "boi_canh": 0.25 * audience + 0.75 * fact_share,
        "dinh_dang": 1.0 if re.search(job.formats, text) else 0.0,
        "gioi_han": 1.0 if _has_length_limit(text, job) or re.search(_SOURCE_LIMIT, text) else 0.0,
    }
    messages = _messages(earned, audience, missing_facts, fact_share)
    share = sum(PART_WEIGHTS[k] * v for k, v in earned.items()) / sum(PART_WEIGHTS.values())
    copied = copied_share(prompt, job.known_texts) >= _COPIED_SHARE
    if copied:
        messages.insert(0, "Câu lệnh gần như chép nguyên văn từ đề bài: hãy viết bằng lời của mình.")
    if (job.facts and len(facts_given) < 2) or not earned["nhiem_vu"] or copied:
        share = min(share, _CAP_WITHOUT_CORE)
    return CheckResult(round(max_score * share, 2), max_score, messages)


def _word_grams(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", _normal(text).lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def copied_share(prompt: str, known_texts: Iterable[str]) -> float:
    """The share of ``prompt``'s word 4-grams that occur in any of ``known_texts`` (0.0–1.0)."""
    grams = _word_grams(prompt)
    known = set().union(*(_word_grams(t) for t in known_texts)) if known_texts else set()
    return 0.0 if not grams else len(grams & known) / len(grams)


def _messages(earned: dict[str, float], audience: bool, missing_facts: list[str], fact_share: float) -> list[str]:
    messages = []
    if not earned["vai_tro"]:
        messages.append('VAI TRÒ: giao cho trợ lý một vai làm được việc này, ví dụ "Bạn là công chức …".')
    if not earned["nhiem_vu"]:
        messages.append("NHIỆM VỤ: nói rõ cần soạn văn bản gì (động từ + loại văn bản được giao).")
    if not audience:
        messages.append("BỐI CẢNH: văn bản gửi cho ai? Hãy nói rõ người đọc.")
    if fact_share < 1.0:
        messages.append("BỐI CẢNH: còn thiếu thông tin trợ lý cần (" + ", ".join(missing_facts) +
                        "). Thiếu thông tin, AI sẽ tự bịa.")
    if not earned["dinh_dang"]:
        messages.append("ĐỊNH DẠNG: nói rõ trình bày thế nào cho hợp loại văn bản này "
                        "(gạch đầu dòng, mấy đoạn, có tiêu đề …).")
    if not earned["gioi_han"]:
        messages.append('GIỚI HẠN: đặt giới hạn hợp với việc, ví dụ độ dài ("không quá … từ") hoặc '
                        '"chỉ dùng thông tin tôi đưa".')
    return messages
