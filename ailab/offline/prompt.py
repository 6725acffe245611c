"""Reading a prompt: where the instruction ends and the material begins, and which words ask for what.

Every skill reads the prompt through :class:`Prompt`, so they agree on what the instruction and the material
(a report, a table, a context) are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ailab.text import count_words, fold, nfc, words

# Common Vietnamese function words, ignored when matching questions and scoring sentences (folded form).
STOPWORDS = set(
    fold(
        "và của là có các được cho với trong những một này đã đang sẽ không thì mà để từ theo tại về khi như "
        "ra vào đến lên cũng rất nhiều hơn nào gì ai đâu bao nhiêu sao thế hãy bạn tôi chúng ta họ đó kia "
        "trên dưới sau trước năm tháng ngày số việc người cần phải nên hay hoặc bằng do vì nên nếu thì"
    ).split()
)

KEYS = {
    "summary": ("tom tat", "tom luoc", "tong hop ngan", "rut gon", "y chinh"),
    "classify": ("phan loai", "xep vao nhom", "gan nhan", "thuoc nhom nao", "thuoc loai nao", "la lua dao hay",
                 "co phai lua dao", "lua dao khong", "co dau hieu lua dao", "co phai la lua dao"),
    "table": ("bảng", "số liệu", "dữ liệu"),
    "table_verb": ("mo ta", "nhan xet", "phan tich", "viet doan", "dien giai", "tong hop", "danh gia"),
    "draft": ("soan", "viet", "du thao", "lap ", "chuan bi"),
    "question": ("cau hoi", "tra loi", "dua vao", "can cu vao", "theo van ban", "theo doan", "hoi:"),
}
DOC_TYPES = {
    "giay moi": "giấy mời",
    "cong van": "công văn",
    "thong bao": "thông báo",
    "ke hoach": "kế hoạch",
    "bao cao": "báo cáo",
    "to trinh": "tờ trình",
    "quyet dinh": "quyết định",
    "bien ban": "biên bản",
    "van ban": "văn bản",
}
LIMIT_WORDS = re.compile(
    r"(?:tối đa|không quá|dưới|khoảng|chừng|trong|gói gọn trong|ít hơn)\s*(\d+)\s*(?:từ|chữ|tiếng)", re.I
)
_DELIMITER = re.compile(r'^\s*(?:"""|\'\'\'|```\w*|-{3,}|={3,}|#{3,})\s*$', re.M)


def has(text_folded: str, keys) -> bool:
    """True when any of ``keys`` occurs in the (folded) text."""
    return any(k in text_folded for k in keys)


def doc_type(text_folded: str) -> str | None:
    """The kind of administrative document a folded text names first in ``DOC_TYPES`` order, if any."""
    for key, name in DOC_TYPES.items():
        if key in text_folded:
            return name
    return None


def content_words(text: str) -> list[str]:
    """Folded words that carry meaning: no function words, no bare numbers, no single letters."""
    return [w for w in (fold(x) for x in words(text)) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def is_instruction(text: str) -> bool:
    """A short paragraph that asks for one of the lab's tasks."""
    folded = fold(text)
    asks = any(has(folded, KEYS[k]) for k in ("summary", "classify", "question", "table_verb", "draft"))
    return asks and count_words(text) <= 80


def looks_like_instruction(sentence: str) -> bool:
    """A sentence of the request itself (role, task, limits), not of the material."""
    folded = fold(sentence)
    return bool(LIMIT_WORDS.search(sentence)) or folded.startswith(
        ("hay ", "tom tat", "ban la", "yeu cau", "dua vao", "viet ", "soan ", "tra loi", "cau hoi")
    )


def split_prompt(prompt: str) -> tuple[str, str]:
    """Separate the instruction from the material it applies to (a report, a table, a context)."""
    prompt = nfc(prompt).strip()
    parts = [p for p in _DELIMITER.split(prompt) if p.strip()]
    if len(parts) >= 2:
        longest = max(parts[1:], key=len)
        return parts[0].strip(), longest.strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", prompt) if p.strip()]
    if len(paragraphs) >= 2:
        # The instruction is usually first, sometimes last ("<văn bản> … Hãy tóm tắt đoạn trên").
        first, last = paragraphs[0], paragraphs[-1]
        if is_instruction(last) and (not is_instruction(first) or count_words(last) < count_words(first) / 2):
            return last, "\n\n".join(paragraphs[:-1])
        return first, "\n\n".join(paragraphs[1:])
    # One paragraph: the material follows the first colon-ended line or the first colon of a long line.
    lines = prompt.split("\n")
    if len(lines) >= 2:
        return lines[0].strip(), "\n".join(lines[1:]).strip()
    match = re.search(r":\s+", prompt)
    if match and match.start() < 200 and len(prompt) - match.end() > 40:
        return prompt[: match.start()], prompt[match.end() :]
    return prompt, ""


@dataclass
class Prompt:
    """One request to the assistant: the last user message, the system role, and how they split."""

    text: str
    system: str = ""
    instruction: str = field(init=False)
    source: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = nfc(self.text)
        self.system = nfc(self.system)
        self.instruction, self.source = split_prompt(self.text)

    @cached_property
    def head(self) -> str:
        """The folded instruction and system role: where the task words are looked for."""
        return fold(re.sub(r"\s+", " ", self.instruction + " " + self.system))

    @cached_property
    def whole(self) -> str:
        """The whole prompt, folded."""
        return fold(re.sub(r"\s+", " ", self.text))

    @cached_property
    def table(self):
        """The table in the material, if there is one."""
        from ailab.offline.tables import parse_table

        return parse_table(self.source) if self.source else None

    def asks(self, key: str) -> bool:
        """True when the instruction (or role) uses one of the words of ``KEYS[key]``."""
        return has(self.head, KEYS[key])

    @cached_property
    def asks_table(self) -> bool:
        """The instruction names a table or figures."""
        return has(self.instruction.lower(), KEYS["table"])
