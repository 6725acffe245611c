"""Code requests: the offline assistant writes no program, but turns the request into the checks its answer must pass.

A lesson sends such a request to ChatGPT or Gemini and tests what comes back in the lab; offline, the learner
still gets something to work with: the examples of the request, written as test cases.
"""

from __future__ import annotations

import re

from ailab.offline.prompt import Prompt
from ailab.offline.skills import Skill

_WANTS = re.compile(r"\bviet (mot )?(ham|doan ma|chuong trinh|ma python|doan code|code)\b|\bham python\b")
_EXAMPLE = re.compile(r"['\"«“]([^'\"»”]{1,60})['\"»”]\s*(?:->|→|=>)\s*['\"«“]([^'\"»”]{0,60})['\"»”]")


def wants(prompt: Prompt) -> bool:
    return bool(_WANTS.search(prompt.head))


def answer(prompt: Prompt) -> str:
    examples = _EXAMPLE.findall(prompt.text)
    lines = ["Trợ lý ngoại tuyến không viết được chương trình. Hãy dán nguyên yêu cầu này vào ChatGPT hoặc Gemini, "
             "chép hàm nhận được về phòng thực hành và thử trước khi dùng."]
    if examples:
        lines.append("Hàm mang về phải cho đúng các ví dụ chính yêu cầu đã nêu:")
        lines += [f"- «{given}» → «{expected}»" if expected else f"- «{given}» → chuỗi rỗng"
                  for given, expected in examples]
    lines.append("Thử thêm vài trường hợp khác yêu cầu chưa nêu, và không dán dữ liệu thật của người dân vào AI.")
    return "\n".join(lines)


SKILLS = (Skill("code", 900, wants, answer),)
