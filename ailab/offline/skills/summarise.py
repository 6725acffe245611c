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
# A line broken inside a sentence (it ends without a stop and the next starts in lower case) is one sentence.
_SOFT_WRAP = re.compile(r"(?<=[^\s.!?:;…\"”»])[ \t]*\n[ \t]*(?=[a-zà-ỹđ\[])")
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
    chosen = _select(sentences, max_words, max_sentences)
    if not chosen:  # even the best sentence is too long: cut it at a word boundary
        return _cut_words(sentences[_select(sentences, None, 1)[0]], max_words or 40)
    picked = [sentences[i].lstrip("-•* ").strip() for i in sorted(chosen)]
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


def _select(sentences: list[str], max_words: int | None, max_sentences: int | None) -> list[int]:
    """Greedy choice of sentences: key figures and frequent terms first, then cover new sections and avoid
    repeating what is already chosen."""
    terms = [set(content_words(s)) for s in sentences]
    base, sections = _base_scores(sentences, terms)
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


def _answer(prompt: Prompt) -> str:
    return summarise(prompt.instruction, prompt.source or prompt.text)


SKILLS = (Skill("summary", 20, lambda p: p.asks("summary"), _answer),)
