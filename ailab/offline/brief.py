"""Reading a drafting request the way an officer writes it: the kind of document, who issues it, who reads
it, what it is about, and the facts (time, place, fee, participants …) — from "Tên: giá trị" lines or from
prose ("Xã tôi sẽ tiêm phòng dại cho chó, mèo từ ngày … tại …; phí …. Hãy soạn thông báo gửi người dân …").

Every fact keeps the prompt's own words and figures; nothing is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ailab.offline.prompt import DOC_TYPES
from ailab.offline.vietnamese import lower_first
from ailab.text import fold, nfc, split_sentences

DRAFT_VERBS = r"(?:soạn(?: thảo)?|viết|dự thảo|lập|chuẩn bị|xây dựng|làm)"
# "câu trả lời", "thư trả lời" …: a reply to a resident's question or petition.
REPLY = "trả lời"
_KINDS = "|".join([*(name for name in DOC_TYPES.values() if name != "văn bản"),
                   r"(?:câu|thư|văn bản|tin nhắn|nội dung|phiếu) trả lời"])
TASK = re.compile(rf"\b{DRAFT_VERBS}\b(?:\s+(?:giúp tôi|giúp|cho tôi|một|bản|nội dung|phần nội dung|dự thảo|"
                  rf"\(chỉ phần thân\)|của|nháp))*\s+({_KINDS})\b", re.I)
_FACT_LINE = re.compile(r"^\s*[-•*+]?\s*([^:\n]{2,40}?)\s*:\s*(.+?)\s*$")
_PROSE_LABELS = ("boi canh", "vai tro", "nhiem vu", "ngu canh", "tinh huong", "thong tin", "su viec")
_DROPPED_LABELS = ("yeu cau", "gioi han", "dinh dang", "luu y", "hinh thuc", "do dai", "hay ", "chu y")
_ROLE = ("ban la", "dong vai", "toi la", "voi vai tro", "vai tro", "em la", "anh/chi la")
_REQUIREMENT = ("yeu cau", "gioi han", "dinh dang", "luu y", "chi dung", "khong them", "khong qua", "toi da",
                "van phong", "trinh bay", "nguoi doc", "gui ", "hinh thuc", "do dai", "khong duoc", "khong tu",
                "dung bo cuc", "viet bang", "ngan gon", "su dung", "dung so", "giu nguyen", "khoang ")
_RESIDENTS = ("nguoi dan", "nhan dan", "ba con", "ho dan", "cac ho", "ho gia dinh", "cong dan", "cu tri")
_DATE = r"\d{1,2}(?:/\d{1,2}/\d{4}|/\d{1,2}\b|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
_TIME_CORE = (rf"\d{{1,2}}\s*giờ(?:\s*\d{{1,2}}(?:\s*phút)?)?|ngày\s+{_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|"
              r"thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)(?:\s+tuần\s+thứ\s+\w+)?"
              r"(?:\s+hằng\s+(?:tuần|tháng))?|[Cc]hủ nhật|(?:buổi\s+)?(?:sáng|chiều|tối)(?=\s+(?:thứ|ngày|\d|từ|[Cc]hủ nhật))")
TIME = re.compile(rf"(?:\b(?i:thời gian(?:\s+là)?:?\s+)?(?i:vào|lúc|từ|trước|trong|hạn chót|chậm nhất)\s+|"
                  rf"\b(?i:thời gian)(?:\s+là)?:?\s+)?(?:{_TIME_CORE})"
                  rf"(?:\s*,?\s*(?:(?:đến|tới|và|-|–)\s+(?:hết\s+)?)?(?:(?:từ|lúc|vào)\s+)?(?:{_TIME_CORE}))*")
PLACE = re.compile(r"\b(?:tại|(?i:địa điểm)(?:\s+là)?:?)\s+(.+?)(?=\s*(?:[,;:]|\.(?:\s|$)|$|\s+(?:để|từ|vào|lúc|trong|"
                   r"trước|nhằm|với|ngày)\s))")
MONEY = re.compile(r"\b((?:mức\s+)?(?:lệ phí|phí|kinh phí|mức thu|giá)(?:\s+(?!\d)\w+)?)\s*(?:là\s+)?:?\s*"
                   r"([\d.,]+\s*(?:nghìn\s+|triệu\s+|tỷ\s+)?đồng[^,;.]*(?:\.\d[^,;.]*)?)", re.I)
PARTICIPANTS = re.compile(r"\bthành phần(?:\s+(?:là|gồm|gồm có))?\s*:?\s*([^.;]+)", re.I)
PURPOSE = re.compile(r"\b(?:để|nhằm)\s+([^,;.]+)")
_SUBJECT = re.compile(r"^(?:(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+)?(?:xã|phường|thôn|chúng tôi)"
                      r"(?:\s+tôi|(?-i:(?:\s+[A-ZĐ]\w*)+))?\s+(?:sẽ\s+|dự kiến\s+|đang\s+)?"
                      r"(?:tổ chức\s+|triển khai\s+)?", re.I)
_TOPIC_CUT = re.compile(r"(?:^|,\s*|\s+)(?:ngắn gọn|ngắn|dạng|trình bày|không quá|tối đa|khoảng|chừng|"
                        r"chỉ dùng|văn phong|gồm \d+ đoạn|yêu cầu|để (?:đọc|niêm yết|phát|đăng|gửi)|gửi|"
                        r"đúng bố cục|không tự|theo (?:các )?(?:dữ kiện|thông tin|mẫu)|dưới đây|sau đây|"
                        r"với các thông tin|bằng tiếng)\b.*$", re.I)
_AUDIENCE = re.compile(r"\b(?:gửi(?:\s+(?:tới|đến))?|(?:tới|đến|mời)(?=\s+(?:các|toàn thể|tất cả|người|Nhân dân|nhân dân|"
                       r"bà con|hộ|cán bộ|công chức|trưởng|quý|đại biểu)\b))\s+((?:các|toàn thể|tất cả)?\s*[^,.;:]+?)"
                       r"(?=\s*(?:[,.;:]|$|\s+(?:về|đề nghị|để|trong|với|dạng|theo|nhằm|không|chỉ)\b))", re.I)
_ISSUER = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(xã|phường|đặc khu)((?:\s+[A-ZĐ]\w*)+)")
# A sentence that tells an event the commune holds ("Xã tôi sẽ …", "xã tổ chức …"): its time, place and fee are
# taken out as facts and what remains is the event. Any other sentence is kept whole, in its own words.
_EVENT = re.compile(r"^(?:(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+)?(?:xã|phường|thôn|chúng tôi)"
                    r"(?:\s+tôi|(?-i:(?:\s+[A-ZĐ]\w*)+))?\s+(?:sẽ|dự kiến|đang|tổ chức|triển khai)\b", re.I)
_DANGLING = ("cả", "vào", "từ", "lúc", "tại", "ngày", "đến", "và", "của", "cho", "sáng", "chiều", "trong")
_NAME_COMMA = "\u2063"
_LABEL_START = re.compile(r"^(?:Bối cảnh|Ngữ cảnh|Tình huống|Thông tin|Sự việc|Nhiệm vụ)\s*:\s*", re.I)
_COMMUNE = re.compile(r"\b(xã|phường|đặc khu)((?:\s+[A-ZĐÂ][\wà-ỹ]*)+)")


@dataclass
class Brief:
    """What a drafting request asks for, in the prompt's own words."""

    kind: str = "văn bản"
    issuer: str = "Ủy ban nhân dân xã"
    audience: str = ""
    topic: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)
    paragraphs: int = 0

    @property
    def for_residents(self) -> bool:
        """The readers are residents, not agencies or officials."""
        return any(word in fold(self.audience) for word in _RESIDENTS)

    def fact(self, *labels: str) -> str:
        """The value of the first fact whose label starts with one of ``labels`` (folded), or ''."""
        return next((v for k, v in self.facts if fold(k).startswith(labels)), "")


def expand(text: str) -> str:
    """Spell out "UBND"/"HĐND" the way a document body does."""
    return re.sub(r"\bUBND\b", "Ủy ban nhân dân", re.sub(r"\bHĐND\b", "Hội đồng nhân dân", text))


def find_task(text: str) -> re.Match | None:
    """The first "soạn/viết … <loại văn bản>" in ``text`` (a line break may fall inside "thông\nbáo")."""
    return TASK.search(re.sub(r"\s+", " ", nfc(text)))


def read_brief(prompt: str) -> Brief:
    """Read a drafting request: labelled lines first, then the prose sentences."""
    brief = Brief()
    prose: list[str] = []
    for line in nfc(prompt).split("\n"):
        match = _FACT_LINE.match(line)
        label = fold(match.group(1)) if match else ""
        if not match or find_task(match.group(1)) or " " in label and len(label.split()) > 5:
            prose.append(line)
        elif label.startswith(_PROSE_LABELS):
            prose.append(match.group(2))
        elif not label.startswith(_DROPPED_LABELS):
            _labelled(brief, match.group(1).strip(), match.group(2).strip().rstrip(".;"))
    sentences = split_sentences(" ".join(p.strip() for p in prose if p.strip()))
    # The task sentence first: the topic it names wins over the first fact sentence's subject.
    for sentence in sorted(sentences, key=lambda s: find_task(s) is None):
        _sentence(brief, _LABEL_START.sub("", sentence.strip()))
    _finish(brief, prompt)
    return brief


def _labelled(brief: Brief, label: str, value: str) -> None:
    key = fold(label)
    if key.startswith(("co quan", "don vi ban hanh", "noi ban hanh")):
        brief.issuer = expand(value)
    elif key.startswith(("noi dung", "trich yeu", "ve viec", "chu de", "su kien")) and not brief.topic:
        brief.topic = value
    elif key.startswith(("kinh gui", "nguoi nhan", "doi tuong", "gui")):
        brief.audience = value
    elif key.startswith("can cu"):
        brief.bases.append(f"{label} {value}")
    else:
        brief.facts.append((label, value))


def _sentence(brief: Brief, sentence: str) -> None:
    folded = fold(sentence)
    if folded.startswith("can cu "):
        brief.bases.append(sentence.rstrip(".;"))
        return
    if folded.startswith(_ROLE):
        return
    task = find_task(sentence)
    if task:
        brief.kind = REPLY if task.group(1).lower().endswith(REPLY) else task.group(1).lower()
        rest = sentence[task.end():]
        _task_clause(brief, re.sub(r"^\s*(?:cho|về)\s+", "", rest) if brief.kind == REPLY else rest)
        return
    if folded.startswith(_REQUIREMENT):
        if folded.startswith(("nguoi doc", "gui ")) and not brief.audience:
            brief.audience = re.sub(r"^(?:người đọc là|gửi)\s+", "", sentence, flags=re.I).rstrip(".")
        return
    for clause in re.split(r"\s*;\s*", sentence.rstrip(".")):
        if clause.strip():
            _facts_of(brief, clause.strip())


def _task_clause(brief: Brief, rest: str) -> None:
    """What follows the document kind in the task sentence: audience, topic, and material after a colon."""
    head, _, material = rest.partition(":")
    audience = _AUDIENCE.search(head)
    if audience:
        readers, head = audience.group(1).strip(), head[: audience.start()] + head[audience.end():]
        # "gửi các hộ nuôi chó, mèo để …": one word after the comma still names the readers
        more = re.match(r"^,\s*(\w+)(?=\s+(?:để|về|trình|dạng|không|chỉ)\b|\s*[,.]|\s*$)", head)
        if more:
            readers, head = f"{readers}, {more.group(1)}", head[more.end():]
        brief.audience = brief.audience or readers
    head = re.sub(r"^\s*(?:về việc|về|v/v)\s+", "", head.strip(" ,."), flags=re.I)
    head = _TOPIC_CUT.sub("", head).strip(" ,.")
    if len(head.split()) >= 2:
        _facts_of(brief, head, topic=True)
    for clause in re.split(r"\s*;\s*", material.strip().rstrip(".")):
        if clause.strip():
            _facts_of(brief, clause.strip())
    if re.search(r"\b(\d+|hai|ba|bốn|năm)\s+đoạn\b", rest, re.I):
        brief.paragraphs = 3


def _facts_of(brief: Brief, clause: str, topic: bool = False) -> None:
    """Take time, place, money, participants and purpose out of a clause; what remains is its subject.

    Only the task clause and sentences telling an event are taken apart; any other sentence is one fact."""
    found, rest = _slots(clause)
    event = topic or bool(_EVENT.match(_tidy(rest)))
    said = _tidy(re.sub(r"\b([Xx])ã tôi\b", r"\1ã", clause))
    if topic and (not found or _dangles(_tidy(rest))):
        brief.topic = brief.topic or _tidy(_SUBJECT.sub("", said))
        return
    if not found or not (event or not _tidy(rest)) or _dangles(_tidy(rest)):
        if len(said.split()) >= 2:
            brief.facts.append(("", said))
        return
    subject = _tidy(_SUBJECT.sub("", _tidy(rest)))
    head, _, tail = subject.partition(", ")
    if not topic and len(tail.split()) >= 3:  # "tổng vệ sinh môi trường, mỗi hộ cử 1 người tham gia"
        subject = head
        found.append(("", tail))
    if subject and (topic or not brief.topic) and len(subject.split()) >= 2:
        brief.topic = brief.topic or subject
    elif len(subject.split()) >= 2 and not topic:
        brief.facts.append(("", _tidy(re.sub(r"\b([Xx])ã tôi\b", r"\1ã", rest))))
    brief.facts.extend(_merged(found))


def _slots(clause: str) -> tuple[list[tuple[str, str]], str]:
    """The labelled facts found in ``clause`` and what is left of it."""
    found: list[tuple[str, str]] = []
    # A comma before a name ("các thôn Đoài, Hạ và Nam") does not end a fact: hide it while the facts are read.
    clause = re.sub(r",(?=\s+(\w))", lambda m: _NAME_COMMA if m.group(1).isupper() else ",", clause)
    for label, pattern, group in (("Thành phần", PARTICIPANTS, 1), ("Thời gian", TIME, 0), ("Địa điểm", PLACE, 1),
                                  ("", MONEY, 0), ("Mục đích", PURPOSE, 1)):
        for match in list(pattern.finditer(clause)):
            value = match.group(group).strip(" ,")
            if pattern is MONEY:
                label, value = match.group(1).strip().capitalize(), match.group(2).strip()
            elif pattern is TIME:
                value = re.sub(r"^(?:thời gian(?:\s+là)?:?\s+)?(?:vào|lúc)?\s*", "", value, flags=re.I)
                label = "Thời hạn" if fold(value).startswith(("truoc", "han chot", "cham nhat")) else "Thời gian"
            found.append((label, value.replace(_NAME_COMMA, ",")))
            clause = clause.replace(match.group(0), " ", 1)
    return found, clause.replace(_NAME_COMMA, ",")


def _merged(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two times of one event ("sáng", "Chủ nhật ngày 15/3/2026") read as one."""
    out: list[tuple[str, str]] = []
    for label, value in found:
        previous = next((i for i, (k, _) in enumerate(out) if k == label and label == "Thời gian"), None)
        if previous is None:
            out.append((label, value))
        else:
            out[previous] = (label, f"{out[previous][1]}, {value}")
    return out


def _dangles(rest: str) -> bool:
    """What is left after taking the facts out is not a phrase: it starts or ends on a word that needs more."""
    spoken = rest.lower().split()
    return bool(spoken) and (spoken[-1] in _DANGLING or spoken[0] in _DANGLING)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,;.])", r"\1", re.sub(r"\s{2,}", " ", text))
    text = re.sub(r"(?:,\s*){2,}", ", ", text)
    return text.strip(" ,;.:-")


def _finish(brief: Brief, prompt: str) -> None:
    if brief.kind == "văn bản":
        brief.kind = next((name for key, name in DOC_TYPES.items() if key in fold(prompt)), "văn bản")
    if brief.issuer == "Ủy ban nhân dân xã":
        named = _ISSUER.search(prompt) or _COMMUNE.search(prompt)
        if named:
            brief.issuer = f"Ủy ban nhân dân {named.group(1)}{named.group(2)}"
    guests = brief.fact("thanh phan", "khach moi")
    if not brief.audience and guests and brief.kind == "giấy mời":
        brief.audience = guests
    if not brief.audience and re.search(r"\b(?:bà con|người dân|Nhân dân|hộ dân)\b", prompt, re.I):
        brief.audience = re.search(r"\b(?:bà con|người dân|Nhân dân|hộ dân)\b", prompt, re.I).group(0)
    brief.topic = re.sub(r"^(?:dự|tham dự)\s+", "", lower_first(brief.topic), flags=re.I) if brief.topic else ""
