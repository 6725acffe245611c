"""Find the five parts of a good prompt in a Vietnamese prompt (module 01).

Public API
----------
- ``check_prompt(prompt) -> PromptReport``: which of the five parts (vai trò, bối cảnh, nhiệm vụ, định dạng,
  giới hạn) a prompt contains, the words that showed each part, and a Vietnamese hint for each missing one.
- ``missing_topic_words(prompt, words) -> list[str]``: the topic words a prompt does not mention.
- ``PART_LABELS``: part key -> Vietnamese name, in the order the lesson teaches them.

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
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["EMPTY_HINT", "HINTS", "NO_DIACRITICS_HINT", "PART_LABELS", "PromptPart", "PromptReport", "check_prompt",
           "missing_topic_words"]

PART_LABELS: dict[str, str] = {
    "vai_tro": "vai trò",
    "boi_canh": "bối cảnh",
    "nhiem_vu": "nhiệm vụ",
    "dinh_dang": "định dạng",
    "gioi_han": "giới hạn",
}

HINTS: dict[str, str] = {
    "vai_tro": 'Thêm VAI TRÒ cho trợ lý, ví dụ: "Bạn là công chức Văn phòng UBND xã…" hoặc "Đóng vai…".',
    "boi_canh": 'Thêm BỐI CẢNH: việc gì, ở đâu, cho ai, ví dụ: "Xã tôi sắp tổ chức…", '
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
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip().lower()


def check_prompt(prompt: str) -> PromptReport:
    """Report which of the five parts of a good prompt ``prompt`` contains."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", prompt if isinstance(prompt, str) else "")).strip()
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
