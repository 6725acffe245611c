"""Cited answers from a real model: send the retrieved passages, ask for quoted JSON, verify every quote.

A quote the model invents or alters is dropped and the answer says so; a reply that is not the JSON asked
for falls back to the offline engine, labelled. ``chat`` is a parameter so tests swap the model, not the code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from ailab.tracuu.engine import Citation, Library, Result

SYSTEM = (
    "Bạn là trợ lý tra cứu văn bản cho cán bộ cấp xã. Chỉ trả lời dựa trên các đoạn trích được cung cấp. "
    "Mỗi ý trả lời phải kèm trích dẫn chép NGUYÊN VĂN từ đoạn trích (không sửa chữ nào). Nếu các đoạn trích "
    "không có thông tin để trả lời, hãy từ chối. Chỉ trả về JSON theo mẫu: "
    '{"refused": false, "answer": "…", "citations": [{"passage": 1, "quote": "…"}]}'
)


class ModelUnavailable(ValueError):
    """The model could not be reached; the message is Vietnamese."""


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)


def build_prompt(question: str, library: Library, k: int = 5) -> tuple[str, list]:
    """The user message (numbered passages, then the question) and the passages it numbers."""
    hits = library.search(question, k=k)
    blocks = [f"[{n}] (tài liệu «{h.passage.source}») {h.passage.text}" for n, h in enumerate(hits, 1)]
    prompt = "Các đoạn trích:\n" + "\n\n".join(blocks) + f"\n\nCâu hỏi: {question}"
    return prompt, hits


def parse_reply(text: str) -> dict:
    """The model's JSON object; ValueError when it is not one."""
    data = json.loads(_FENCE.sub("", text.strip()))
    if not isinstance(data, dict):
        raise ValueError("not an object")
    return data


def ask_model(question: str, library: Library, chat: Callable[[list[dict]], str]) -> Result:
    """Answer with a model through ``chat(messages) -> text``; quotes not verbatim in a source are dropped."""
    prompt, hits = build_prompt(question, library)
    if not hits:
        return library.refusal(question)
    try:
        data = parse_reply(str(chat([{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}])))
    except (ValueError, TypeError) as problem:
        offline = library.ask(question)
        why = str(problem) if isinstance(problem, ModelUnavailable) else "AI trả lời không đúng mẫu JSON"
        note = f"({why}. Dưới đây là kết quả tra cứu ngoại tuyến.)"
        return Result(question, f"{note}\n{offline.answer}", offline.refused, offline.citations, offline.hits)
    if data.get("refused") is True:
        return library.refusal(question, hits)
    kept, dropped = _verified(data.get("citations"), hits, library)
    answer = str(data.get("answer") or "").strip()
    if dropped:
        answer += f"\n(Đã bỏ {dropped} trích dẫn không có nguyên văn trong tài liệu nguồn.)"
    if not kept:
        answer += "\n(Câu trả lời này không có trích dẫn nào kiểm chứng được: đừng dùng khi chưa tự đối chiếu.)"
    return Result(question, answer.strip(), False, tuple(kept), tuple(hits))


def _verified(raw, hits, library: Library) -> tuple[list[Citation], int]:
    kept: list[Citation] = []
    dropped = 0
    for item in raw if isinstance(raw, list) else []:
        quote = str(item.get("quote", "")) if isinstance(item, dict) else ""
        number = item.get("passage") if isinstance(item, dict) else None
        names = [hits[number - 1].passage.source] if isinstance(number, int) and 0 < number <= len(hits) else []
        names += [n for n in library.sources if n not in names]
        citation = next((Citation(n, quote.strip()) for n in names if library.verify(Citation(n, quote))), None)
        if citation and citation not in kept:
            kept.append(citation)
        elif not citation:
            dropped += 1
    return kept, dropped
