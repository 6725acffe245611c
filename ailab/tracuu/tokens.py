"""Tokens for Vietnamese retrieval: NFC lower-case syllables plus syllable bigrams.

Vietnamese words are often two syllables ("văn bản", "thể thức"), so a bigram is closer to a word than a
syllable is; both are kept so a one-syllable word still counts.
"""

from __future__ import annotations

import re

from ailab.text import nfc

# Numbers stay whole ("1,27", "1/3"); letters glued to a number are a word of their own ("200dpi").
_SYLLABLE = re.compile(r"\d+(?:[.,/]\d+)*|[^\W\d_]+", re.UNICODE)

# Words that ask rather than say what is asked about: left out of queries (never out of the index).
QUESTION_WORDS = frozenset(
    "là gì bao nhiêu nào thế như ra sao ai đâu khi mấy có không được hay hoặc thì và của cho với theo "
    "trong về tại để bị phải cần những các một này đó hỏi xin cho biết vậy nhỉ ạ à ư chứ nhé lâu nay hiện "
    "lúc nếu mà đã sẽ đang rồi muốn tôi em anh chị mình ơi bạn nên hãy giúp hả thưa dạ vui lòng tức nói".split()
)
# Bigrams that name the document rather than the topic ("theo Nghị định", "quy định").
QUESTION_BIGRAMS = frozenset({"nghị_định", "quy_định", "phụ_lục"})
# Units people spell out while documents write the symbol.
UNITS = [(re.compile(r"\bmi[- ]?li[- ]?m[eé]t\b", re.IGNORECASE), "mm"),
         (re.compile(r"\b(?:xen|xăng|cen)[- ]?ti[- ]?m[eé]t\b", re.IGNORECASE), "cm"),
         (re.compile(r"\bki[- ]?lô[- ]?gam\b", re.IGNORECASE), "kg"),
         (re.compile(r"\bfont\b", re.IGNORECASE), "phông"),
         (re.compile(r"\bsize\b", re.IGNORECASE), "cỡ"),
         # "căn giữa" is how most people say the decree's "canh giữa".
         (re.compile(r"\bcăn(?= (?:giữa|đều|lề|trái|phải)\b)", re.IGNORECASE), "canh")]
# "mất/hết/tốn bao lâu" asks how long; the verb is part of the question words there.
_HOW_LONG = re.compile(r"\b(?:mất|hết|tốn)\s+(?=bao lâu|bao nhiêu|mấy)", re.IGNORECASE)
_QUANTITY = re.compile(r"\b(?:bao nhiêu|mấy)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|triệu|nửa)\b", re.IGNORECASE)


# Old and new tone placement are both correct Vietnamese ("uỷ"/"ủy", "hoà"/"hòa"): index them as one.
_OLD_TONE = {}
for _plain, _marked in (("a", "àáảãạ"), ("e", "èéẻẽẹ"), ("y", "ỳýỷỹỵ")):
    _first = {"a": "o", "e": "o", "y": "u"}[_plain]
    _moved = {"o": "òóỏõọ", "u": "ùúủũụ"}[_first]
    for _old, _new in zip(_marked, _moved, strict=True):
        _OLD_TONE[_first + _old] = _new + _plain


def _new_tone(syllable: str) -> str:
    tail = syllable[-2:]
    return syllable[:-2] + _OLD_TONE[tail] if tail in _OLD_TONE and not syllable.startswith("qu") else syllable


def syllables(text: str) -> list[str]:
    """Lower-case NFC syllables (numbers stay whole), tone marks placed the new way."""
    return [_new_tone(s.lower()) for s in _SYLLABLE.findall(nfc(text))]


def bigrams(parts: list[str]) -> list[str]:
    """Adjacent syllable pairs joined by an underscore."""
    return [f"{a}_{b}" for a, b in zip(parts, parts[1:], strict=False)]


def tokens(text: str) -> list[str]:
    """Index tokens: every syllable and every syllable bigram."""
    parts = syllables(text)
    return parts + bigrams(parts)


def normalize_question(text: str) -> str:
    """The question with units and spelling variants written as the documents write them."""
    text = nfc(text)
    for pattern, unit in UNITS:
        text = pattern.sub(unit, text)
    return _HOW_LONG.sub("", text)


def query_terms(text: str) -> tuple[list[str], list[str]]:
    """(content syllables, content bigrams) of a question, without question words, each once."""
    parts = syllables(normalize_question(text))
    content = [s for s in parts if s not in QUESTION_WORDS]
    pairs = [b for b in bigrams(parts)
             if b not in QUESTION_BIGRAMS and not any(p in QUESTION_WORDS for p in b.split("_"))]
    return list(dict.fromkeys(content)), list(dict.fromkeys(pairs))


def asks_quantity(question: str) -> bool:
    """The question wants a number ("bao nhiêu", "mấy")."""
    return bool(_QUANTITY.search(nfc(question)))


def has_quantity(text: str) -> bool:
    """The text states a number, in digits or in words (a leading "2." or "a)" numbers the paragraph, not a fact)."""
    return bool(_NUMBER.search(re.sub(r"^\s*(?:[-*]\s*)?(?:\d+(?:\.\d+)*\.|[a-zđ]\))\s", "", nfc(text))))


def asked_unit(question: str) -> str:
    """The unit a quantity question names: "mấy tờ" → "tờ", "bao nhiêu mi-li-mét" → "mm"."""
    text = nfc(question)
    for pattern, unit in UNITS:
        text = pattern.sub(unit, text)
    match = re.search(r"\b(?:bao nhiêu|mấy)\s+(\w+)", text, re.IGNORECASE)
    return match.group(1).lower() if match and match.group(1).lower() not in QUESTION_WORDS else ""


def states_amount(text: str, unit: str) -> bool:
    """The text gives a number in ``unit`` ("05 tờ", "30 - 35 mm", "1,5 lines")."""
    return bool(unit) and bool(re.search(rf"\d[\d.,/]*\s*(?:[-–]\s*\d[\d.,]*\s*)?{re.escape(unit)}\b",
                                         nfc(text), re.IGNORECASE))


_MONEY_QUESTION = re.compile(r"\b(?:lệ phí|phí|tiền|giá|mức thu|mức đóng|lương|phụ cấp|trợ cấp)\b", re.IGNORECASE)
_MONEY = re.compile(r"\d[\d.,]*\s*(?:đồng|nghìn|triệu|tỷ|%|phần trăm)|\bmiễn\b", re.IGNORECASE)


def asks_money(question: str) -> bool:
    """A "how much" question about a fee, a price, a wage or an allowance."""
    return asks_quantity(question) and bool(_MONEY_QUESTION.search(nfc(question)))


def states_money(text: str) -> bool:
    """The text gives an amount of money or a rate (or says it is free)."""
    return bool(_MONEY.search(nfc(text)))


def defined_term(question: str) -> str:
    """The term a definition question asks about: "Văn bản điện tử được hiểu là gì?" → "văn bản điện tử"."""
    match = re.match(r"^\s*(.+?)\s+(?:được hiểu |có nghĩa |nghĩa )?là gì\s*\??\s*$", nfc(question), re.IGNORECASE)
    if not match:
        return ""
    words = match.group(1).strip().lower().split()
    while words and words[0].strip(",:") in QUESTION_WORDS:  # "Vui lòng cho biết văn bản điện tử là gì?"
        words.pop(0)
    return " ".join(words)
