"""Mask: hide the personal data in a text before it goes to an AI (module 05's rule), and say what was hidden.

Patterns, not understanding: a 12-digit personal ID, a mobile number, an e-mail, a date of birth, a name after
"Ông/Bà/Anh/Chị". The learner is told to read the result again, since a pattern misses what it does not know.
"""

from __future__ import annotations

import re

from ailab.offline.prompt import Prompt, has
from ailab.offline.skills import Skill

PATTERNS = (
    ("số định danh", re.compile(r"(?<!\d)\d{12}(?!\d)"), "[SỐ ĐỊNH DANH]"),
    ("số điện thoại", re.compile(r"(?<!\d)(?:\+84|0)[35789](?:[\s.]?\d){8}(?!\d)"), "[SỐ ĐIỆN THOẠI]"),
    ("thư điện tử", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[EMAIL]"),
    ("ngày sinh", re.compile(r"(sinh (?:ngày|năm) )(?:\d{1,2}/\d{1,2}/)?\d{4}", re.I), r"\1[NGÀY SINH]"),
    ("họ tên", re.compile(r"\b((?:Ông|Bà|Anh|Chị|ông|bà|anh|chị) )[A-ZĐ]\w*(?: [A-ZĐ]\w*)*"), r"\1[HỌ TÊN]"),
)
_ASKS = ("che thong tin", "che du lieu", "an thong tin", "an danh", "xoa thong tin ca nhan", "loai bo thong tin ca nhan",
         "che cac thong tin", "bo thong tin ca nhan")


def mask(text: str) -> str:
    """The text with each kind of personal data replaced by its label, then the list of what was hidden."""
    hidden = []
    for name, pattern, label in PATTERNS:
        text, count = pattern.subn(label, text)
        if count:
            hidden.append(name)
    if not hidden:
        return text + "\nKhông thấy số định danh, số điện thoại, thư điện tử, ngày sinh hay họ tên sau «Ông/Bà»."
    return (text + f"\nĐã che: {', '.join(hidden)}. Hãy đọc lại: địa chỉ, tên người không đứng sau «Ông/Bà» "
            "và các thông tin riêng khác máy không nhận ra.")


def _material(prompt: Prompt) -> str:
    return prompt.source or re.sub(r"^[^:]*:\s*", "", prompt.instruction, count=1)


def _wants(prompt: Prompt) -> bool:
    return has(prompt.head, _ASKS)


SKILLS = (Skill("mask", 12, _wants, lambda p: mask(_material(p))),)
