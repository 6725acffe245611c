"""Summarise: an extractive summary that keeps the sentences with key figures and frequent terms."""

from __future__ import annotations

import re
from collections import Counter

from ailab.offline.prompt import LIMIT_WORDS, Prompt, content_words, has, looks_like_instruction
from ailab.offline.skills import Skill
from ailab.offline.vietnamese import LABEL_WORDS
from ailab.text import count_words, fold, split_sentences

_ANY_WORD_COUNT = re.compile(r"(\d+)\s*(?:từ|chữ|tiếng)(?!\s*(?:khóa|ngữ|điển|vựng))", re.I)
_LIMIT_SENTENCES = re.compile(r"(\d+)\s*(?:câu|ý)\b", re.I)
# A line broken inside a sentence (it ends on a comma and the next starts in lower case) is one sentence.
_SOFT_WRAP = re.compile(r"(?<=,)[ \t]*\n[ \t]*(?=[a-zà-ỹđ\[])")
_PARTS = ("tồn tại", "hạn chế", "khó khăn", "nhiệm vụ", "giải pháp", "phương hướng")
_BOILERPLATE = ("tren day la", "kinh gui", "noi nhan", "tm. ", "chu tich")




def summarise(instruction: str, source: str) -> str:
    """Extractive summary: keep the sentences that carry key figures and frequent terms, within the limit."""
    source = _SOFT_WRAP.sub(" ", source)
    sentences = [s for s in split_sentences(source) if count_words(s) >= 3 and not looks_like_instruction(s)]
    if not sentences:
        return "Tôi chưa thấy văn bản cần tóm tắt. Hãy dán văn bản vào sau câu lệnh (cách một dòng trống)."
    max_words = None
    if match := LIMIT_WORDS.search(instruction) or _ANY_WORD_COUNT.search(instruction):
        max_words = int(match.group(1))
    max_sentences = int(m.group(1)) if (m := _LIMIT_SENTENCES.search(instruction)) else None
    if max_words is None and max_sentences is None:
        max_words = max(60, min(250, count_words(source) // 4))
    if max_words is not None:
        max_words = max(10, max_words - LABEL_WORDS)
    named = tuple(word for word in _PARTS if word in instruction.lower())
    chosen = _select(sentences, max_words, max_sentences, named)
    if not chosen:  # even the best sentence is too long: cut it at a word boundary
        return _cut_words(sentences[_select(sentences, None, 1)[0]], max_words or 40)
    picked = [sentences[i].lstrip("-•*–— ").strip() for i in sorted(chosen)]
    if has(fold(instruction), ("gach dau dong", "gạch đầu dòng", "liet ke", "cac y")):
        return "\n".join("- " + s for s in picked)
    return " ".join(picked)


def _is_heading(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return upper or (count_words(sentence) <= 15 and not sentence.rstrip("\"”»)").endswith((".", "!", "?", ";", "…")))


def _base_scores(sentences: list[str], terms: list[set[str]]) -> tuple[list[float], list[int]]:
    """Each sentence's own score, and the section (counted by headings) it stands in."""
    frequency = Counter(t for group in terms for t in group)
    section, sections, base = 0, [], []
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
    return base, sections


def _named_parts(sentences: list[str], base: list[float], named: tuple[str, ...]) -> list[int]:
    """For each part of a report the instruction names ("tồn tại", "nhiệm vụ"), its best sentence: one that says
    the word, or one under a heading that does."""
    heading, under = "", []
    for sentence in sentences:
        if _is_heading(sentence):
            heading = sentence.lower()
        under.append(heading)
    picked = []
    for word in named:
        found = [i for i, s in enumerate(sentences) if not _is_heading(s) and count_words(s) >= 5
                 and (word in s.lower() or word in under[i])]
        if found:
            picked.append(max(found, key=lambda i: (word in sentences[i].lower(), base[i])))
    return picked


def _select(sentences: list[str], max_words: int | None, max_sentences: int | None,
            named: tuple[str, ...] = ()) -> list[int]:
    """Greedy choice of sentences: key figures and frequent terms first, then cover new sections and avoid
    repeating what is already chosen."""
    terms = [set(content_words(s)) for s in sentences]
    base, sections = _base_scores(sentences, terms)
    chosen: list[int] = []
    covered_terms: set[str] = set()
    covered_sections: set[int] = set()
    used = 0
    candidates = {i for i in range(len(sentences)) if base[i] > 0} or set(range(len(sentences)))
    for best in _named_parts(sentences, base, named):  # "nêu … tồn tại và nhiệm vụ": one sentence of each first
        if best in candidates and (max_words is None or used + count_words(sentences[best]) <= max_words):
            chosen.append(best)
            candidates.discard(best)
            covered_terms |= terms[best]
            covered_sections.add(sections[best])
            used += count_words(sentences[best])
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


def _answer(prompt: Prompt) -> str:
    return summarise(prompt.instruction, prompt.source or prompt.text)


SKILLS = (Skill("summary", 20, lambda p: p.asks("summary"), _answer),)


# ---------------------------------------------------------------------------------------------- points

_ASKS_POINTS = re.compile(r"\b(?:liet ke|chi ra|trich ra|rut ra|neu (?:\d+|cac|nhung|ra|ro|mot so|hai|ba|bon|nam)"
                          r"|viet lai|ngan gon hon|de hieu hon)\b")
_REWRITE = ("viet lai", "ngan gon hon", "de hieu hon")
_COUNT = re.compile(r"\b(\d+|hai|ba|bốn|năm)\s+(?:tồn tại|kết quả|nhiệm vụ|giải pháp|hạn chế|ý|điểm|việc|nội dung)",
                    re.I)
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}
_GENERIC = set("liệt kê nêu chỉ trích rút các những chính trong báo cáo văn bản đoạn sau dưới đây mỗi dòng "
               "một hãy đọc kèm theo của xã ra rõ số kết quả và với từ câu ý điểm tôi bạn cho gạch đầu".split())


def _items_of(sentence: str) -> list[str]:
    """A sentence that lists after a colon ("… tồn tại, hạn chế: a; b; c") gives its items."""
    head, colon, tail = sentence.partition(":")
    parts = [p.strip(" .;") for p in tail.split(";")] if colon else []
    return [p[:1].upper() + p[1:] for p in parts if count_words(p) >= 2] if len(parts) >= 2 else [sentence]


def _focus_phrases(instruction: str) -> list[str]:
    """The words of the instruction that name what to look for ("tồn tại", "hạn chế"), as whole phrases."""
    phrases = []
    for part in re.split(r"[,.;:!?()\n]", instruction.lower()):
        run: list[str] = []
        for word in [*part.split(), ""]:
            if word and word not in _GENERIC and not word[0].isdigit():
                run.append(word)
                continue
            if run:
                phrases.append(" ".join(run))
            run = []
    return phrases


def points(instruction: str, source: str) -> str:
    """The sentences (or listed items) of the text about what the instruction names, one per line; a summary
    in points when the text says nothing in those words."""
    if has(fold(instruction), _REWRITE):
        return summarise(instruction, source)
    count = _COUNT.search(instruction)
    wanted = (_NUMBER_WORDS.get(count.group(1).lower()) or int(count.group(1))) if count else 5
    focus = _focus_phrases(instruction)
    sentences = [s for s in split_sentences(_SOFT_WRAP.sub(" ", source)) if count_words(s) >= 3]
    about = [s for s in sentences if any(f in s.lower() for f in focus) and not _is_heading(s)]
    items = [item for sentence in about for item in _items_of(sentence.lstrip("-•* "))][:wanted]
    if not items:
        return summarise(f"Tóm tắt thành {wanted} ý, gạch đầu dòng", source)
    return "\n".join(f"- {item.rstrip('.;')}." for item in items)


def _wants_points(prompt: Prompt) -> bool:
    """Material and a request to list from it, unless the request is a question ("… trả lời câu hỏi: …?")."""
    asks_question = re.search(r"cau hoi|tra loi|\?", prompt.head)
    return bool(prompt.source) and bool(_ASKS_POINTS.search(prompt.head)) and not asks_question


SKILLS += (Skill("points", 37, _wants_points, lambda p: points(p.instruction, p.source)),)
