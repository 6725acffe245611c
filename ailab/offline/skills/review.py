"""Review: check a draft the learner pastes for the faults the course teaches to catch.

What the offline assistant can check it says it checked: legal bases and bodies that no longer exist
(from a short table of sourced changes), a word written twice, English decimal points, "xã tôi". Anything
else (the facts, the tone, the signer's authority) it says it cannot judge, so the learner reads on.
"""

from __future__ import annotations

import re

from ailab.offline.brief import find_task
from ailab.offline.prompt import Prompt, has
from ailab.offline.skills import Skill

# Superseded bases and bodies, each with what replaced it. Sources: docs/nguon_su_kien.md §1 [1][2][4], §3 [39][40],
# §4 [49] (two-level local government from 01/07/2025; Luật 72/2025/QH15; Luật 91/2025/QH15 and Nghị định
# 356/2025/NĐ-CP in force 01/01/2026; Nghị định 137/2015/NĐ-CP expired 01/07/2024).
SUPERSEDED = (
    (re.compile(r"Luật Tổ chức chính quyền địa phương(?:[^;\n]{0,40}?)(?:2015|77/2015/QH13)", re.I),
     "Luật Tổ chức chính quyền địa phương năm 2015 đã được thay bằng Luật Tổ chức chính quyền địa phương "
     "số 72/2025/QH15."),
    (re.compile(r"Nghị định(?: số)? 13/2023/NĐ-CP", re.I),
     "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân được thay từ ngày 01/01/2026 bằng Luật Bảo vệ dữ liệu "
     "cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP."),
    (re.compile(r"Nghị định(?: số)? 137/2015/NĐ-CP", re.I),
     "Nghị định 137/2015/NĐ-CP đã hết hiệu lực từ ngày 01/07/2024."),
    (re.compile(r"\b(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Chủ tịch|Phòng [^,;.\n]{2,30}?|cấp)\s+huyện\b"
                r"|\bhuyện\s+[A-ZĐ]\w*", re.U),
     "Từ ngày 01/07/2025 không còn cấp huyện (chính quyền địa phương hai cấp: tỉnh và xã); văn bản của xã "
     "không ghi cơ quan hay địa danh cấp huyện."),
)
_ASKS = ("kiem tra", "ra soat", "soat loi", "sua loi", "chi ra loi", "tim loi", "phat hien loi", "het hieu luc",
         "con hieu luc", "can cu phap ly", "doc lai")


def findings(text: str) -> list[str]:
    """What is wrong in ``text`` among the faults this skill knows, one Vietnamese line each."""
    found = []
    for pattern, note in SUPERSEDED:
        match = pattern.search(text)
        if match:
            found.append(f"«{match.group(0).strip()}»: {note}")
    for match in re.finditer(r"\b(\w+)\s+(\1)\b", text, re.I):
        if not match.group(1).isdigit():
            found.append(f"«{match.group(0)}»: lặp từ, bỏ một chữ «{match.group(2)}».")
    for match in re.finditer(r"(?<![\d.,/])\d{1,3}\.\d{1,2}(?![\d.,/])", text):
        found.append(f"«{match.group(0)}»: số thập phân tiếng Việt dùng dấu phẩy "
                     f"(«{match.group(0).replace('.', ',')}»).")
    if re.search(r"\bxã tôi\b", text, re.I):
        found.append("«xã tôi»: văn bản hành chính ghi tên cơ quan («Ủy ban nhân dân xã …»), không xưng «tôi».")
    return found


def review(instruction: str, source: str) -> str:
    """The findings on the pasted text, and what the learner still has to check by reading."""
    found = findings(source or instruction)
    limits = ("Trợ lý ngoại tuyến chỉ dò được: căn cứ và cơ quan đã thay đổi (theo danh mục ngắn có nguồn), lặp "
              "từ, dấu thập phân, cách xưng hô. Nội dung, số liệu so với hồ sơ gốc, thẩm quyền người ký: "
              "Đồng chí cần tự đọc lại.")
    if not found:
        return "Không thấy lỗi nào trong các mục trợ lý ngoại tuyến kiểm tra được.\n" + limits
    return "Những điểm cần sửa:\n" + "\n".join(f"- {line}" for line in found) + "\n" + limits


def _wants(prompt: Prompt) -> bool:
    """Material to check and a request to check it ("rà soát" inside "Hãy soạn công văn đề nghị rà soát …" is
    the document's subject, not a request)."""
    return bool(prompt.source) and has(prompt.head, _ASKS) and find_task(prompt.instruction) is None


SKILLS = (Skill("review", 15, _wants, lambda p: review(p.instruction, p.source)),)
