"""Draft: the body of an administrative document from the facts given in the prompt."""

from __future__ import annotations

import re

from ailab.offline.prompt import KEYS, Prompt, doc_type, has, looks_like_instruction
from ailab.offline.skills import Skill
from ailab.text import count_words, fold, nfc, split_sentences

_FACT = re.compile(r"^\s*[-•*+]?\s*([^:\n]{2,40}?)\s*:\s*(.+?)\s*$")


def draft(instruction: str, source: str) -> str:
    """Draft the body of an administrative document from the facts listed in the prompt."""
    everything = nfc(instruction + "\n" + source)
    kind = doc_type(fold(instruction)) or doc_type(fold(everything)) or "văn bản"
    facts: list[tuple[str, str]] = []
    for line in everything.split("\n"):
        match = _FACT.match(line)
        if match and not fold(match.group(1)).startswith(("hay", "yeu cau", "luu y", "dinh dang")):
            facts.append((match.group(1).strip(), match.group(2).strip().rstrip(".;")))
    if not facts:  # facts written as sentences: keep those that are neither role nor instruction
        facts = [("", s.strip(" -•*+").rstrip(".;")) for s in split_sentences(re.sub(r"\s*\n\s*", " ", everything))
                 if not looks_like_instruction(s) and not fold(s).startswith(("ban la", "dong vai"))
                 and "chi dung" not in fold(s) and count_words(s) >= 4]
    if not facts:
        return (
            f"Tôi cần các thông tin để soạn {kind}: cơ quan ban hành, nội dung chính, thời gian, địa điểm, "
            "thành phần… Hãy liệt kê mỗi thông tin một dòng, ví dụ \"Thời gian: …\"."
        )
    fact = {fold(k): v for k, v in facts if k}
    named = re.search(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:xã|phường|đặc khu)(?: [A-ZĐ]\w*)+", everything)
    issuer = _find(fact, ("co quan", "don vi", "ubnd", "noi ban hanh")) or (named.group(0) if named else "Ủy ban nhân dân xã")
    topic = _find(fact, ("noi dung", "ve viec", "chu de", "trich yeu", "muc dich", "cuoc hop", "hoi nghi"))
    rest = [(k, v) for k, v in facts if v not in (issuer,)]
    opening, closing = _frame(kind, issuer, topic)
    body = [opening]
    for key, value in rest:
        if key and fold(key).startswith(("noi dung", "ve viec", "chu de", "trich yeu")) and value == topic:
            continue
        body.append(f"- {key}: {value};" if key else f"- {value};")
    if len(body) > 1:
        body[-1] = body[-1].rstrip(";") + "."
    body.append(closing)
    return "\n".join(body)


def _frame(kind: str, issuer: str, topic: str | None) -> tuple[str, str]:
    if kind == "giấy mời":
        return (f"{issuer} trân trọng kính mời quý vị tới dự {topic or 'cuộc họp'}, cụ thể như sau:",
                "Rất mong quý vị tham dự đầy đủ, đúng giờ./.")
    if kind == "thông báo":
        return (f"{issuer} thông báo {('về ' + topic) if topic else 'nội dung'} như sau:",
                "Đề nghị các cơ quan, đơn vị và Nhân dân biết, thực hiện./.")
    if kind == "kế hoạch":
        return (f"Để triển khai {topic or 'nhiệm vụ được giao'}, {issuer} xây dựng kế hoạch như sau:",
                "Trên đây là kế hoạch của " + issuer + "; đề nghị các bộ phận liên quan triển khai thực hiện./.")
    if kind == "báo cáo":
        return (f"{issuer} báo cáo {('về ' + topic) if topic else 'kết quả thực hiện nhiệm vụ'} như sau:",
                "Trên đây là báo cáo của " + issuer + "./.")
    if kind == "tờ trình":
        return (f"{issuer} kính trình {('về ' + topic) if topic else 'nội dung sau'}, cụ thể như sau:",
                "Kính trình cấp có thẩm quyền xem xét, quyết định./.")
    return (f"{issuer} {('về việc ' + topic) if topic else 'xin trao đổi một số nội dung'}, cụ thể như sau:",
            "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.")


def _find(fact: dict[str, str], keys) -> str | None:
    for key, value in fact.items():
        if any(k in key for k in keys):
            return value
    return None


def _wants(prompt: Prompt) -> bool:
    return bool((prompt.asks("draft") and doc_type(prompt.head))
                or (has(prompt.whole, KEYS["draft"]) and doc_type(prompt.whole)))


def _answer(prompt: Prompt) -> str:
    return draft(prompt.instruction, prompt.source)


SKILLS = (Skill("draft", 50, _wants, _answer),)
