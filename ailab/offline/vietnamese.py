"""How the assistant writes: its practice label and the polish every answer gets before it is shown.

The polish fixes what a template-built sentence gets wrong in Vietnamese: a word written twice where a
phrase was joined to a template ("tới dự Dự hội nghị"), English decimal points in figures ("76.4" → "76,4"),
and raw column names ("ty_le_truc_tuyen" → "tỷ lệ trực tuyến").
"""

from __future__ import annotations

import re

from ailab.text import count_words, fold

LABEL = "[Trợ lý ngoại tuyến — câu trả lời luyện tập, không phải ChatGPT]"
LABEL_WORDS = count_words(LABEL)
MODEL_NAME = "tro-ly-ngoai-tuyen"

# Column names learners' tables use, without diacritics; said in words in an answer.
COLUMN_WORDS = {
    "thang": "tháng", "nam": "năm", "quy": "quý", "ngay": "ngày", "thon": "thôn", "linh vuc": "lĩnh vực",
    "so ho so": "số hồ sơ", "ho so": "hồ sơ", "truc tuyen": "trực tuyến", "ty le": "tỷ lệ", "tong": "tổng",
    "dung han": "đúng hạn", "qua han": "quá hạn", "so luong": "số lượng", "ket qua": "kết quả",
    "ty le truc tuyen": "tỷ lệ trực tuyến", "ty le dung han": "tỷ lệ đúng hạn", "thu tuc": "thủ tục",
    "so ho": "số hộ", "dan so": "dân số", "chi tieu": "chỉ tiêu", "thuc hien": "thực hiện", "ke hoach": "kế hoạch",
}
_DECIMAL_POINT = re.compile(r"(?<![\d.,/:])(\d{1,3})\.(\d{1,2})(?![\d.])(?!\.\d)")


def column_name(raw: str) -> str:
    """A column name as a reader says it: ``ty_le_truc_tuyen`` → ``tỷ lệ trực tuyến``, ``Tháng`` kept."""
    text = raw.strip()
    if not re.search(r"[_]|^[a-z0-9 ]+$", text):
        return text.lower() if text[:1].isupper() and not text.isupper() else text
    plain = re.sub(r"[_\s]+", " ", text).strip().lower()
    if plain in COLUMN_WORDS:
        return COLUMN_WORDS[plain]
    out = []
    parts = plain.split()
    i = 0
    while i < len(parts):
        pair = " ".join(parts[i : i + 2])
        if i + 1 < len(parts) and pair in COLUMN_WORDS:
            out.append(COLUMN_WORDS[pair])
            i += 2
            continue
        out.append(COLUMN_WORDS.get(parts[i], parts[i]))
        i += 1
    return " ".join(out)


def decimal_comma(number: str) -> str:
    """``76.4`` → ``76,4`` (a Vietnamese decimal); thousands such as ``30.000`` and dates stay as written."""
    return _DECIMAL_POINT.sub(r"\1,\2", number)


def without_doubled_words(text: str) -> str:
    """Drop a word repeated next to itself, whatever its case ("tới dự Dự hội nghị" → "tới dự hội nghị")."""
    return re.sub(r"\b(\w+)(\s+)(\1)\b", _keep_one, text, flags=re.I)


def _keep_one(match: re.Match) -> str:
    first, second = match.group(1), match.group(3)
    if fold(first) != fold(second) or first.isdigit():
        return match.group(0)
    return first


def lower_first(phrase: str) -> str:
    """A phrase placed inside a sentence starts lower-case, unless it starts with a name or an acronym."""
    phrase = phrase.strip()
    first = phrase.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:].lower() != first[1:]):
        return phrase
    return phrase[:1].lower() + phrase[1:]


def polish(text: str) -> str:
    """The last pass over an answer body: no doubled words, no "xã tôi", no stray spaces before punctuation.
    Text quoted in «…» is the learner's own and stays as it was."""
    pieces = re.split(r"(«[^«»]*»)", text)
    for index in range(0, len(pieces), 2):
        piece = without_doubled_words(pieces[index])
        piece = re.sub(r"\b([Xx])ã tôi\b", r"\1ã", piece)
        piece = re.sub(r"[ \t]+([,.;:!?])", r"\1", piece)
        pieces[index] = re.sub(r"[ \t]{2,}", " ", piece)
    return "".join(pieces)
