"""Draft: the body of an administrative document from the facts the prompt gives, labelled or in prose.

The opening and the closing formula follow the kind of document and its readers (a notice to residents ends
"… để Nhân dân biết, thực hiện./.", not with a request to agencies). A fact the document needs but the prompt
does not give (the time and place of a meeting) is left as a blank in brackets: the assistant never invents.
"""

from __future__ import annotations

import re

from ailab.offline.brief import Brief, expand, find_task, read_brief
from ailab.offline.prompt import Prompt, doc_type, has
from ailab.offline.skills import Skill
from ailab.offline.vietnamese import lower_first

BLANK_NOTE = ("(Câu lệnh chưa cho {missing}; trợ lý ngoại tuyến không tự điền. "
              "Hãy thay các chỗ trong ngoặc vuông bằng thông tin thật.)")
_NOT_DRAFTING = ("viet lai", "sua lai", "dich ")
_NEEDED = {"giấy mời": ("Thời gian", "Địa điểm"), "thông báo": ("Thời gian",)}
_HAS_TIME = re.compile(r"\d{1,2}/\d{1,2}|\bngày \d|\d+ giờ|\bthứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|hằng (?:tuần|tháng)", re.I)


def _short(issuer: str) -> str:
    """"Ủy ban nhân dân xã Tân Phú" → "Ủy ban nhân dân xã", the way a body refers to its issuer again."""
    match = re.match(r"(Ủy ban nhân dân (?:xã|phường|đặc khu))\b", issuer)
    return match.group(1) if match else issuer


def _items(brief: Brief) -> list[tuple[str, str]]:
    """The facts to list, with a blank for each one the kind of document needs and the prompt lacks."""
    items = [(k, v) for k, v in brief.facts if v and v != brief.topic
             and not (brief.kind == "giấy mời" and k == "Thành phần" and v == brief.audience)]
    present = {k for k, _ in items}
    timed = any(_HAS_TIME.search(v) for _, v in items) or _HAS_TIME.search(brief.topic)
    for label in _NEEDED.get(brief.kind, ()):
        if label not in present and not (label == "Thời gian" and timed and brief.kind == "thông báo"):
            items.append((label, f"[ghi {label.lower()}]"))
    return items


def _lines(items: list[tuple[str, str]], paragraphs: bool) -> list[str]:
    if paragraphs:  # "gồm 3 đoạn": the facts make one paragraph of short sentences
        return [" ".join(f"{k}: {v}." if k else f"{v[:1].upper()}{v[1:]}." for k, v in items)] if items else []
    lines = [f"- {k}: {v};" if k else f"- {v[:1].upper()}{v[1:]};" for k, v in items]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


_GENERIC_READERS = ("các", "những", "người", "toàn", "tất", "trưởng", "bà", "quý", "đại", "cán", "hộ", "công chức")


def _reader(audience: str) -> str:
    """Readers inside a sentence: "Trưởng các thôn" → "trưởng các thôn"; "Công an xã", "Nhân dân" stay."""
    return lower_first(audience) if audience.lower().startswith(_GENERIC_READERS) else audience.strip()


def _event(topic: str) -> str:
    """What an invitation invites to: "họp dân thôn Đông" → "cuộc họp dân thôn Đông"."""
    if not topic:
        return "cuộc họp"
    return ("cuộc " + topic) if re.match(r"họp\b", topic) else topic


def _opening_and_closing(brief: Brief) -> tuple[str, str]:
    issuer, short, topic, audience = brief.issuer, _short(brief.issuer), brief.topic, _reader(brief.audience)
    residents = brief.for_residents or (not audience and brief.kind == "thông báo")
    about = topic if re.match(r"(?:lịch|kết quả|kế hoạch|danh sách|việc)\b", topic) else f"về việc {topic}"
    if brief.kind == "giấy mời":
        guests = audience.replace("; ", ", ") or "quý đại biểu"
        return (f"{issuer} trân trọng kính mời {guests} tới dự {_event(topic)}.",
                "Rất mong bà con tham dự đầy đủ, đúng giờ./." if residents else
                "Rất mong quý đại biểu tham dự đầy đủ, đúng giờ./.")
    if brief.kind == "thông báo":
        return (f"{issuer} thông báo {about if topic else 'như sau'}{' như sau' if topic else ''}:",
                f"{short} thông báo để Nhân dân biết, thực hiện./." if residents else
                f"Đề nghị {audience} biết, thực hiện./.")
    if brief.kind == "công văn":
        reader = audience or "các cơ quan, đơn vị liên quan"
        if topic.startswith("đề nghị"):
            return f"{issuer} đề nghị {reader}{topic[len('đề nghị'):]}.", f"Đề nghị {reader} quan tâm, thực hiện./."
        return (f"{issuer} trao đổi {about if topic else 'một số nội dung'} như sau:",
                f"{short} thông tin để {reader} được biết./." if brief.for_residents else
                f"Đề nghị {reader} quan tâm, phối hợp thực hiện./.")
    if brief.kind == "kế hoạch":
        return (f"{issuer} xây dựng Kế hoạch {topic or '[tên kế hoạch]'} như sau:",
                f"Trên đây là Kế hoạch {topic} của {short}; đề nghị các bộ phận, cá nhân liên quan triển khai "
                "thực hiện./.".replace("Kế hoạch  của", "Kế hoạch của"))
    if brief.kind == "báo cáo":
        return (f"{issuer} báo cáo {topic or 'kết quả thực hiện nhiệm vụ'} như sau:",
                f"Trên đây là báo cáo {topic} của {short}./.".replace("báo cáo  của", "báo cáo của"))
    if brief.kind == "tờ trình":
        reader = audience or "cấp có thẩm quyền"
        return (f"{issuer} kính trình {reader} xem xét {topic or 'nội dung sau'}, cụ thể như sau:",
                f"Kính trình {reader} xem xét, quyết định./.")
    return (f"{issuer} {about if topic else 'xin trao đổi một số nội dung'}, cụ thể như sau:",
            f"Đề nghị {audience or 'các cơ quan, đơn vị liên quan'} quan tâm, phối hợp thực hiện./.")


def _reply(brief: Brief) -> str:
    """A reply to a resident: what was received, the answer (the prompt's facts, or a blank), a closing."""
    reader = _reader(brief.audience) if brief.audience and not brief.for_residents else "ông/bà"
    received = brief.topic or "ý kiến của ông/bà"
    answer = _lines([(k, v) for k, v in brief.facts if v], paragraphs=False) or [
        "- [Nội dung trả lời: căn cứ, thời gian, địa điểm, cách thực hiện, nơi liên hệ]."]
    return "\n".join([
        BLANK_NOTE.format(missing="nội dung trả lời") if answer[0].startswith("- [") else "",
        f"{brief.issuer} nhận được {received}. Về nội dung này, {_short(brief.issuer)} trả lời như sau:",
        *answer, f"{_short(brief.issuer)} trả lời để {reader} được biết./.",
    ]).strip()


def _decision(brief: Brief) -> str:
    """A quyết định: căn cứ (the prompt's, or blanks: legal bases are never invented), then the articles."""
    bases = [b.rstrip(".;") + ";" for b in brief.bases] or [
        "Căn cứ [văn bản quy định thẩm quyền ban hành];", "Căn cứ [văn bản quy định về nội dung quyết định];"]
    subject = brief.topic or "[nội dung quyết định]"
    article_1 = f"Điều 1. {subject[:1].upper()}{subject[1:]}."
    details = _lines([(k, v) for k, v in brief.facts if v], paragraphs=False)
    return "\n".join([
        *bases, "Theo đề nghị của [đơn vị, cá nhân trình].", "QUYẾT ĐỊNH:", article_1, *details,
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. [Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã], [các bộ phận, cá nhân có liên quan] "
        "chịu trách nhiệm thi hành Quyết định này./.",
    ])


def _plan(brief: Brief, opening: str, closing: str) -> list[str]:
    """A kế hoạch in its three usual parts; what the prompt does not say stays a blank."""
    content = _lines(_items(brief), paragraphs=False) or ["- [các hoạt động, thời gian, địa điểm]."]
    return [opening, "I. MỤC ĐÍCH, YÊU CẦU", "- [Nêu mục đích, yêu cầu cụ thể của kế hoạch].", "II. NỘI DUNG",
            *content, "III. TỔ CHỨC THỰC HIỆN", "- [Phân công bộ phận, cá nhân phụ trách từng việc].", closing]


def draft_from(brief: Brief) -> str:
    """The body of the document ``brief`` describes."""
    brief.issuer = expand(brief.issuer)
    if brief.kind == "quyết định":
        return _decision(brief)
    if brief.kind == "trả lời":
        return _reply(brief)
    opening, closing = _opening_and_closing(brief)
    if brief.kind == "kế hoạch":
        return "\n".join(_plan(brief, opening, closing))
    items = _items(brief)
    blanks = [k.lower() for k, v in items if v.startswith("[")]
    body = [opening, *_lines(items, paragraphs=bool(brief.paragraphs)), closing]
    if blanks:
        body.insert(0, BLANK_NOTE.format(missing=", ".join(blanks)))
    return "\n".join(body)


def draft(instruction: str, source: str) -> str:
    """Draft the body of an administrative document from the facts given in the prompt."""
    return draft_from(read_brief(instruction + "\n" + source))


def _wants_named_task(prompt: Prompt) -> bool:
    """The prompt asks, in so many words, to draft a named kind of document ("Hãy soạn thông báo …")."""
    return find_task(prompt.text) is not None


def _wants(prompt: Prompt) -> bool:
    """A draft verb and a kind of document in the instruction (not in the material pasted after it)."""
    return bool(prompt.asks("draft") and doc_type(prompt.head)) and not has(prompt.head, _NOT_DRAFTING)


def _answer(prompt: Prompt) -> str:
    return draft_from(read_brief(prompt.text))


SKILLS = (
    Skill("draft", 35, _wants_named_task, _answer),
    Skill("draft", 50, _wants, _answer),
)
