"""The offline assistant ("Trợ lý ngoại tuyến"): deterministic answers by classic methods, no model weights.

It recognises the lab's tasks from the prompt and does them honestly: an extractive summary, the body of an
administrative document from the facts given, a description of a table, a classification into named labels, an
answer quoted from context (or a refusal), otherwise a note on what it can do. It never writes a number that is
not in the prompt: every figure it prints is copied from the text it was given.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from ailab.text import count_words, fold, nfc, split_sentences, words

LABEL = "[Trợ lý ngoại tuyến – bài luyện tập, không phải ChatGPT]"
MODEL_NAME = "tro-ly-ngoai-tuyen"

# Common Vietnamese function words, ignored when matching questions and scoring sentences (folded form).
_STOPWORDS = set(
    fold(
        "và của là có các được cho với trong những một này đã đang sẽ không thì mà để từ theo tại về khi như "
        "ra vào đến lên cũng rất nhiều hơn nào gì ai đâu bao nhiêu sao thế hãy bạn tôi chúng ta họ đó kia "
        "trên dưới sau trước năm tháng ngày số việc người cần phải nên hay hoặc bằng do vì nên nếu thì"
    ).split()
)


@dataclass(frozen=True)
class Task:
    """What the prompt asks for, with the text it applies to."""

    kind: str
    instruction: str
    source: str


# ---------------------------------------------------------------------------------------------- detection

_KEYS = {
    "summary": ("tom tat", "tom luoc", "tong hop ngan", "rut gon", "y chinh"),
    "classify": ("phan loai", "xep vao nhom", "gan nhan", "thuoc nhom nao", "thuoc loai nao", "la lua dao hay"),
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
_DELIMITER = re.compile(r'^\s*(?:"""|\'\'\'|```\w*|-{3,}|={3,}|#{3,})\s*$', re.M)
_INTRO = re.compile(
    r"^(?:văn bản|nội dung|báo cáo|đoạn văn|tài liệu|ngữ cảnh|bối cảnh|thông tin|dữ liệu|bảng(?: số liệu)?|"
    r"tin nhắn|câu hỏi)\s*(?:sau|dưới đây|như sau)?\s*:\s*",
    re.I,
)


def _has(text_folded: str, keys) -> bool:
    return any(k in text_folded for k in keys)


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
        if _is_instruction(last) and (not _is_instruction(first) or count_words(last) < count_words(first) / 2):
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


def _is_instruction(text: str) -> bool:
    """A short paragraph that asks for one of the lab's tasks."""
    folded = fold(text)
    asks = any(_has(folded, _KEYS[k]) for k in ("summary", "classify", "question", "table_verb", "draft"))
    return asks and count_words(text) <= 80


def _looks_like_instruction(sentence: str) -> bool:
    folded = fold(sentence)
    return bool(_LIMIT_WORDS.search(sentence)) or folded.startswith(
        ("hay ", "tom tat", "ban la", "yeu cau", "dua vao", "viet ", "soan ", "tra loi", "cau hoi")
    )


def detect_task(prompt: str, system: str = "") -> Task:
    """Decide which of the lab's tasks the prompt asks for."""
    instruction, source = split_prompt(prompt)
    head = fold(instruction + " " + (system or ""))
    asks_table = _has(instruction.lower(), _KEYS["table"])
    table = parse_table(source) if source else None
    if _has(head, _KEYS["summary"]) and "bảng" not in instruction.lower():
        return Task("summary", instruction, source)
    if (table is not None and (asks_table or _has(head, _KEYS["table_verb"]))) or (
        table is None and asks_table and source and _has(head, _KEYS["table_verb"])
    ):
        return Task("table", instruction, source)
    if _has(head, _KEYS["summary"]):
        return Task("summary", instruction, source)
    if _has(head, _KEYS["classify"]):
        return Task("classify", instruction, source)
    if source and (_has(head, _KEYS["question"]) or "?" in instruction or "?" in source[-300:]):
        return Task("question", instruction, source)
    whole = fold(prompt)
    if _has(head, _KEYS["draft"]) and _doc_type(head) or _has(whole, _KEYS["draft"]) and _doc_type(whole):
        return Task("draft", instruction, source)
    if table is not None:
        return Task("table", instruction, source)
    return Task("help", instruction, source)


def _doc_type(text_folded: str) -> str | None:
    for key, name in DOC_TYPES.items():
        if key in text_folded:
            return name
    return None


# ---------------------------------------------------------------------------------------------- summary

_LIMIT_WORDS = re.compile(
    r"(?:tối đa|không quá|dưới|khoảng|chừng|trong|gói gọn trong|ít hơn)\s*(\d+)\s*(?:từ|chữ|tiếng)", re.I
)
_ANY_WORD_COUNT = re.compile(r"(\d+)\s*(?:từ|chữ|tiếng)(?!\s*(?:khóa|ngữ|điển|vựng))", re.I)
_LIMIT_SENTENCES = re.compile(r"(\d+)\s*(?:câu|ý)\b", re.I)


def _content_words(text: str) -> list[str]:
    return [w for w in (fold(x) for x in words(text)) if w not in _STOPWORDS and not w.isdigit() and len(w) > 1]


def summarise(instruction: str, source: str) -> str:
    """Extractive summary: keep the sentences that carry key figures and frequent terms, within the limit."""
    sentences = [s for s in split_sentences(source) if count_words(s) >= 3 and not _looks_like_instruction(s)]
    if not sentences:
        return "Tôi chưa thấy văn bản cần tóm tắt. Hãy dán văn bản vào sau câu lệnh (cách một dòng trống)."
    max_words = None
    if match := _LIMIT_WORDS.search(instruction) or _ANY_WORD_COUNT.search(instruction):
        max_words = int(match.group(1))
    max_sentences = int(m.group(1)) if (m := _LIMIT_SENTENCES.search(instruction)) else None
    if max_words is None and max_sentences is None:
        max_words = max(60, min(250, count_words(source) // 4))
    if max_words is not None:
        max_words = max(10, max_words - count_words(LABEL))  # the label line counts toward the limit too
    chosen = _select(sentences, max_words, max_sentences)
    if not chosen:  # even the best sentence is too long: cut it at a word boundary
        return _cut_words(sentences[_select(sentences, None, 1)[0]], max_words or 40)
    picked = [sentences[i].lstrip("-•* ").strip() for i in sorted(chosen)]
    if _has(fold(instruction), ("gach dau dong", "gạch đầu dòng", "liet ke", "cac y")):
        return "\n".join("- " + s for s in picked)
    return " ".join(picked)


def _is_heading(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return upper or (count_words(sentence) <= 15 and not sentence.rstrip("\"”»)").endswith((".", "!", "?", ";", "…")))


_BOILERPLATE = ("tren day la", "kinh gui", "noi nhan", "tm. ", "chu tich")


def _select(sentences: list[str], max_words: int | None, max_sentences: int | None) -> list[int]:
    """Greedy choice of sentences: key figures and frequent terms first, then cover new sections and avoid
    repeating what is already chosen."""
    terms = [set(_content_words(s)) for s in sentences]
    frequency = Counter(t for group in terms for t in group)
    section, sections = 0, []
    base = []
    for index, sentence in enumerate(sentences):
        if _is_heading(sentence):
            section += 1
        sections.append(section)
        score = sum(frequency[t] for t in terms[index]) / (1 + len(terms[index])) / max(1, len(sentences)) * 10
        figures = len(re.findall(r"\d+(?:[.,]\d+)*", sentence))
        score += 3.0 * min(3, figures)  # sentences with key figures are what officers need kept
        if index == 0 or sentences[index - 1].endswith(":"):
            score += 1.0
        if fold(sentence).startswith(("trong do", "tuy nhien", "ngoai ra")):
            score -= 1.0  # leans on the sentence before it
        if count_words(sentence) <= 8 and not figures:
            score -= 5.0  # list items and fragments
        if _is_heading(sentence) or count_words(sentence) < 5 or fold(sentence).startswith(_BOILERPLATE):
            score -= 10.0  # headings and closing formulas carry no content
        base.append(score)
    chosen: list[int] = []
    covered_terms: set[str] = set()
    covered_sections: set[int] = set()
    used = 0
    candidates = {i for i in range(len(sentences)) if base[i] > 0} or set(range(len(sentences)))
    while candidates and (max_sentences is None or len(chosen) < max_sentences):
        fitting = [i for i in candidates if max_words is None or used + count_words(sentences[i]) <= max_words]
        if not fitting:
            break
        best = max(fitting, key=lambda i: (_gain(i, base, terms, sections, covered_terms, covered_sections)
                                          / count_words(sentences[i]) ** 0.5, -i))
        chosen.append(best)
        candidates.discard(best)
        covered_terms |= terms[best]
        covered_sections.add(sections[best])
        used += count_words(sentences[best])
    return chosen


def _gain(i, base, terms, sections, covered_terms, covered_sections) -> float:
    """What sentence ``i`` adds now: its score, less what is already said, plus a bonus for a new section."""
    overlap = len(terms[i] & covered_terms) / (1 + len(terms[i]))
    return base[i] - 4.0 * overlap + (2.0 if sections[i] not in covered_sections else 0.0)


def _cut_words(sentence: str, limit: int) -> str:
    tokens = sentence.split()
    kept: list[str] = []
    for token in tokens:
        if count_words(" ".join(kept + [token])) > limit:
            break
        kept.append(token)
    return " ".join(kept).rstrip(",;:") + " …"


# ---------------------------------------------------------------------------------------------- tables


@dataclass
class Table:
    """A table read from the prompt, cells kept as the text the prompt wrote them."""

    header: list[str]
    rows: list[list[str]]


def _cells(line: str, sep: str) -> list[str]:
    line = line.strip()
    if sep == "|":
        line = line.strip("|")
    return [c.strip() for c in line.split(sep)]


def parse_table(text: str) -> Table | None:
    """Find a markdown, CSV (comma, semicolon) or tab-separated table in ``text``."""
    lines = [ln for ln in nfc(text).split("\n") if ln.strip()]
    for sep in ("|", "\t", ";", ","):
        block = [ln for ln in lines if ln.count(sep) >= (2 if sep == "|" else 1)]
        if len(block) < 3:
            continue
        if sep == ",":
            import csv

            block = [ln for ln in lines if "," in ln]
            parsed = list(csv.reader(io.StringIO("\n".join(block))))
            widths = Counter(len(r) for r in parsed)
            width, count = widths.most_common(1)[0]
            if width < 2 or count < 3:
                continue
            rows = [[c.strip() for c in r] for r in parsed if len(r) == width]
        else:
            rows = [_cells(ln, sep) for ln in block if not re.fullmatch(r"[\s|:\-+]+", ln)]
            width = Counter(len(r) for r in rows).most_common(1)[0][0]
            rows = [r for r in rows if len(r) == width]
            if width < 2 or len(rows) < 3:
                continue
        if any(len(cell) > 60 for row in rows for cell in row):
            continue  # prose with commas, not a table
        return Table(header=rows[0], rows=rows[1:])
    return None


def to_number(cell: str) -> float | None:
    """Read a Vietnamese-written number (``1.234``, ``12,5``, ``85,10%``, ``1,234.5``); None if not a number."""
    text = cell.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not re.fullmatch(r"-?\d+(?:[.,]\d+)*", text):
        return None
    if "," in text and "." in text:  # the later mark is the decimal one
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1:  # Vietnamese decimal comma: 12,5
        text = text.replace(",", ".")
    elif "," in text:
        text = text.replace(",", "")
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.split(".")[-1]) == 3):
        text = text.replace(".", "")  # Vietnamese thousands dot: 1.234
    try:
        return float(text)
    except ValueError:
        return None


_TOTAL_ROW = ("tong", "cong", "toan xa", "toan phuong", "ca nam")


def describe_table(instruction: str, source: str) -> str:
    """Largest, smallest, total (only when the table has one) and trend for each numeric column."""
    table = parse_table(source)
    if table is None:
        return "Tôi không đọc được bảng trong câu lệnh. Hãy dán bảng dạng CSV (phân cách bằng dấu phẩy) hoặc bảng có dấu |."
    label_col = 0
    total_rows = [r for r in table.rows if _has(fold(r[label_col]), _TOTAL_ROW)]
    rows = [r for r in table.rows if r not in total_rows]
    lines = [f"Bảng có {_count_phrase(len(rows))} dòng số liệu, theo cột «{table.header[label_col]}»."]
    for col in range(1, len(table.header)):
        values = [(r[label_col], r[col], to_number(r[col])) for r in rows]
        numeric = [v for v in values if v[2] is not None]
        if len(numeric) < 2 or len(numeric) < len(values) / 2:
            continue
        name = table.header[col]
        high = max(numeric, key=lambda v: v[2])
        low = min(numeric, key=lambda v: v[2])
        text = f"- «{name}»: cao nhất là {high[0]} ({high[1]}), thấp nhất là {low[0]} ({low[1]})"
        if total_rows:
            text += f"; dòng «{total_rows[0][label_col]}» ghi {total_rows[0][col]}"
        first, last = numeric[0], numeric[-1]
        ups = sum(1 for a, b in zip(numeric, numeric[1:], strict=False) if b[2] > a[2])
        downs = sum(1 for a, b in zip(numeric, numeric[1:], strict=False) if b[2] < a[2])
        if ups and not downs:
            text += f"; tăng đều từ {first[1]} ({first[0]}) lên {last[1]} ({last[0]})"
        elif downs and not ups:
            text += f"; giảm đều từ {first[1]} ({first[0]}) xuống {last[1]} ({last[0]})"
        elif last[2] > first[2]:
            text += f"; có lúc tăng lúc giảm, nhìn chung tăng từ {first[1]} lên {last[1]}"
        elif last[2] < first[2]:
            text += f"; có lúc tăng lúc giảm, nhìn chung giảm từ {first[1]} xuống {last[1]}"
        lines.append(text + ".")
    if len(lines) == 1:
        lines.append("Bảng không có cột số để nhận xét.")
    if not total_rows:
        lines.append(
            "Bảng không có dòng tổng cộng; trợ lý ngoại tuyến không tự tính số mới, hãy tính tổng bằng pandas "
            "(ví dụ df[\"tên cột\"].sum()) rồi đưa vào câu lệnh."
        )
    return "\n".join(lines)


def _count_phrase(n: int) -> str:
    """Row counts are new numbers; say them in words so no figure outside the prompt is printed."""
    names = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
    return names[n] if n < len(names) else "nhiều"


# ---------------------------------------------------------------------------------------------- classify

_LABEL_LIST = re.compile(
    r"(?:nhóm|nhãn|loại|lĩnh vực|danh mục|một trong(?: các)?(?: nhóm| nhãn| loại)?)\s*(?:sau)?\s*[:：]\s*(.+)", re.I
)
_HINTS = {
    "lua dao": "chuyển tiền chuyển khoản mã otp otp đường link link cài ứng dụng cập nhật vneid khóa tài khoản "
    "trúng thưởng nhận quà việc nhẹ lương cao nhiệm vụ hoàn tiền công an điều tra rửa tiền cắt điện "
    "gấp ngay lập tức bí mật mật khẩu",
    "an toan": "lịch họp thông báo trụ sở bộ phận một cửa trực tiếp tổng đài chính thức hẹn trả kết quả",
    "ho tich": "khai sinh kết hôn khai tử hộ tịch giấy khai sinh nhận cha mẹ con",
    "dat dai": "đất thửa ranh giới lấn chiếm sổ đỏ quyền sử dụng đất tranh chấp đất",
    "moi truong": "rác thải ô nhiễm mùi hôi nước thải khói bụi xả thải",
    "giao thong": "đường hỏng ổ gà đèn đường cầu cống giao thông",
    "an ninh trat tu": "trộm cắp gây rối đánh nhau mất trật tự tiếng ồn karaoke",
    "chung thuc": "chứng thực sao y bản sao hợp đồng chữ ký",
}


def _labels(instruction: str) -> list[str]:
    match = _LABEL_LIST.search(instruction)
    if not match:
        quoted = re.findall(r"[\"“«']([^\"”»']{2,40})[\"”»']", instruction)
        return quoted
    raw = re.split(r"\s*(?:,|;|/|\bhoặc\b|\bhay\b)\s*", match.group(1).split("\n")[0].rstrip(". "))
    return [r.strip(" \"“”«».") for r in raw if r.strip(" \"“”«».")]


def classify(instruction: str, source: str) -> str:
    """Pick, for each text, the named label whose words (and a small built-in lexicon) it shares most."""
    labels = _labels(instruction) or _labels(source)
    if not labels:
        return (
            "Tôi chưa thấy danh sách nhóm cần phân loại. Hãy ghi rõ, ví dụ: "
            "\"Phân loại tin nhắn sau vào một trong các nhóm: lừa đảo, an toàn.\""
        )
    items = _items(source or instruction)
    out = []
    for number, item in items:
        label, evidence = _best_label(item, labels)
        reason = f"có các từ gợi ý: {', '.join(evidence)}" if evidence else "không thấy dấu hiệu rõ, cần người xem lại"
        prefix = f"{number} " if number else ""
        out.append(f"{prefix}Nhãn: {label} — lý do: {reason}.")
    return "\n".join(out)


def _items(text: str) -> list[tuple[str, str]]:
    lines = [ln.strip() for ln in nfc(text).split("\n") if ln.strip()]
    numbered = [re.match(r"^((?:\d+|[a-z])[.)])\s*(.+)", ln) for ln in lines]
    if len(lines) > 1 and all(numbered):
        return [(m.group(1), m.group(2)) for m in numbered]
    return [("", nfc(text).strip())]


def _best_label(item: str, labels: list[str]) -> tuple[str, list[str]]:
    item_folded = " " + fold(item) + " "
    best, best_score, best_evidence = labels[0], 0.0, []
    for label in labels:
        key = fold(label)
        lexicon = [w for w in (_HINTS.get(key, "") + " " + key).split() if w]
        phrases = _phrases(_HINTS.get(key, "")) + [key]
        evidence = [p for p in phrases if p and f" {fold(p)} " in item_folded or fold(p) in item_folded and " " in p]
        score = len(evidence) + 0.1 * sum(1 for w in lexicon if f" {fold(w)} " in item_folded)
        if score > best_score:
            best, best_score, best_evidence = label, score, evidence
    if best_score == 0:
        fallback = [lb for lb in labels if fold(lb) in ("an toan", "khac", "binh thuong", "khong lua dao")]
        best = fallback[0] if fallback else labels[0]
    return best, [e for e in best_evidence][:4]


def _phrases(hint: str) -> list[str]:
    """Multi-word phrases from the built-in lexicon, matched as whole phrases."""
    known = (
        "chuyển tiền", "chuyển khoản", "mã otp", "đường link", "cài ứng dụng", "cập nhật vneid", "khóa tài khoản",
        "trúng thưởng", "nhận quà", "việc nhẹ lương cao", "nhiệm vụ", "hoàn tiền", "rửa tiền", "cắt điện",
        "mật khẩu", "lịch họp", "bộ phận một cửa", "khai sinh", "kết hôn", "khai tử", "lấn chiếm", "rác thải",
        "nước thải", "ô nhiễm", "ổ gà", "đèn đường", "trộm cắp", "gây rối", "chứng thực", "bản sao", "tranh chấp đất",
    )
    folded_hint = fold(hint)
    return [p for p in known if fold(p) in folded_hint]


# ---------------------------------------------------------------------------------------------- questions

_REFUSAL = (
    "Văn bản được cung cấp không có thông tin để trả lời câu hỏi này. "
    "Tôi không đoán; hãy bổ sung tài liệu có nội dung liên quan hoặc hỏi cơ quan có thẩm quyền."
)


def _question(instruction: str, source: str) -> tuple[str, str]:
    """Return (question, context) from a prompt that holds both."""
    for text in (instruction, source):
        match = re.search(r"(?:câu hỏi|hỏi)\s*:\s*(.+)", text, re.I)
        if match:
            question = match.group(1).split("\n")[0]
            context = (instruction + "\n" + source).replace(match.group(0), " ")
            return question, context
    qs = [s for s in split_sentences(instruction + "\n" + source) if s.rstrip().endswith("?")]
    if qs:
        question = qs[-1]
        context = (instruction + "\n" + source).replace(question, " ")
        return question, context
    return instruction, source


def answer_question(instruction: str, source: str) -> str:
    """Answer from the context by quoting the best-matching sentence, or refuse when none matches."""
    question, context = _question(instruction, source)
    context = _INTRO.sub("", context.strip())
    q_terms = set(_content_words(question))
    if not q_terms:
        return _REFUSAL
    best, best_score = None, 0.0
    for sentence in split_sentences(context):
        terms = set(_content_words(sentence))
        if not terms or fold(sentence).startswith(("hay tra loi", "dua vao", "can cu vao")):
            continue
        overlap = q_terms & terms
        score = len(overlap) / len(q_terms)
        if score > best_score:
            best, best_score = sentence, score
    if best is None or best_score < 0.5:
        return _REFUSAL
    return f"Theo văn bản được cung cấp: «{best.strip()}»"


# ---------------------------------------------------------------------------------------------- drafting

_FACT = re.compile(r"^\s*[-•*+]?\s*([^:\n]{2,40}?)\s*:\s*(.+?)\s*$")


def draft(instruction: str, source: str) -> str:
    """Draft the body of an administrative document from the facts listed in the prompt."""
    everything = nfc(instruction + "\n" + source)
    kind = _doc_type(fold(instruction)) or _doc_type(fold(everything)) or "văn bản"
    facts: list[tuple[str, str]] = []
    for line in everything.split("\n"):
        match = _FACT.match(line)
        if match and not fold(match.group(1)).startswith(("hay", "yeu cau", "luu y", "dinh dang")):
            facts.append((match.group(1).strip(), match.group(2).strip().rstrip(".;")))
    if not facts:  # facts written as sentences: keep those that are neither role nor instruction
        facts = [("", s.strip(" -•*+").rstrip(".;")) for s in split_sentences(re.sub(r"\s*\n\s*", " ", everything))
                 if not _looks_like_instruction(s) and not fold(s).startswith(("ban la", "dong vai"))
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
    if kind == "giấy mời":
        opening = f"{issuer} trân trọng kính mời quý vị tới dự {topic or 'cuộc họp'}, cụ thể như sau:"
        closing = "Rất mong quý vị tham dự đầy đủ, đúng giờ./."
    elif kind == "thông báo":
        opening = f"{issuer} thông báo {('về ' + topic) if topic else 'nội dung'} như sau:"
        closing = "Đề nghị các cơ quan, đơn vị và Nhân dân biết, thực hiện./."
    elif kind == "kế hoạch":
        opening = f"Để triển khai {topic or 'nhiệm vụ được giao'}, {issuer} xây dựng kế hoạch như sau:"
        closing = "Trên đây là kế hoạch của " + issuer + "; đề nghị các bộ phận liên quan triển khai thực hiện./."
    elif kind == "báo cáo":
        opening = f"{issuer} báo cáo {('về ' + topic) if topic else 'kết quả thực hiện nhiệm vụ'} như sau:"
        closing = "Trên đây là báo cáo của " + issuer + "./."
    elif kind == "tờ trình":
        opening = f"{issuer} kính trình {('về ' + topic) if topic else 'nội dung sau'}, cụ thể như sau:"
        closing = "Kính trình cấp có thẩm quyền xem xét, quyết định./."
    else:
        opening = f"{issuer} {('về việc ' + topic) if topic else 'xin trao đổi một số nội dung'}, cụ thể như sau:"
        closing = "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./."
    body = [opening]
    for key, value in rest:
        if key and fold(key).startswith(("noi dung", "ve viec", "chu de", "trich yeu")) and value == topic:
            continue
        body.append(f"- {key}: {value};" if key else f"- {value};")
    if len(body) > 1:
        body[-1] = body[-1].rstrip(";") + "."
    body.append(closing)
    return "\n".join(body)


def _find(fact: dict[str, str], keys) -> str | None:
    for key, value in fact.items():
        if any(k in key for k in keys):
            return value
    return None


# ---------------------------------------------------------------------------------------------- entry

HELP = (
    "Tôi là trợ lý ngoại tuyến của phòng thực hành, chạy ngay trên máy, không cần mạng. Tôi làm được: "
    "tóm tắt văn bản bạn dán vào (có thể giới hạn số từ); soạn phần nội dung giấy mời, công văn, thông báo "
    "từ các thông tin bạn liệt kê; nhận xét một bảng số liệu; phân loại văn bản vào các nhóm bạn nêu; "
    "trả lời câu hỏi dựa trên đoạn văn bạn cung cấp. Hãy ghi rõ nhiệm vụ ở dòng đầu, rồi dán nội dung "
    "ở các dòng sau."
)


def respond(messages: list[dict], params: dict | None = None) -> str:
    """Answer a chat conversation the way the lab's tasks need; the answer starts with the offline label."""
    system = "\n".join(_content(m) for m in messages if m.get("role") == "system")
    users = [_content(m) for m in messages if m.get("role") == "user"]
    prompt = users[-1] if users else ""
    task = detect_task(prompt, system)
    if task.kind == "summary":
        body = summarise(task.instruction, task.source or prompt)
    elif task.kind == "table":
        body = describe_table(task.instruction, task.source)
    elif task.kind == "classify":
        body = classify(task.instruction, task.source)
    elif task.kind == "question":
        body = answer_question(task.instruction, task.source)
    elif task.kind == "draft":
        body = draft(task.instruction, task.source)
    else:
        body = HELP
    return f"{LABEL}\n{body}"


def _content(message: dict) -> str:
    content = message.get("content") or ""
    if isinstance(content, list):  # the content-parts form: keep the text parts
        content = "\n".join(p.get("text", "") for p in content if isinstance(p, dict))
    return nfc(str(content))


def estimate_tokens(text: str) -> int:
    """Offline token estimate: NFC syllables (words and punctuation groups), never zero for non-empty text."""
    text = nfc(text)
    return len(words(text)) + len(re.findall(r"[^\w\s]+", text)) if text.strip() else 0
