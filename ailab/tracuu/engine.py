"""Offline cited lookup: BM25 over syllable + bigram tokens, a calibrated refusal, extractive answers.

``Library(sources).ask(question)`` returns a :class:`Result` whose every quote has been checked verbatim
against its source. When the best passage does not carry enough of the question's distinctive words the
tool refuses instead of guessing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ailab.text import split_sentences
from ailab.tracuu.sources import Passage, Source
from ailab.tracuu.tokens import (
    asked_unit,
    asks_money,
    asks_quantity,
    defined_term,
    has_quantity,
    normalize_question,
    query_terms,
    states_amount,
    states_money,
    syllables,
    tokens,
)
from ailab.tracuu.verify import is_verbatim

# Calibrated on the evaluation set (benchmarks/bench_tra_cuu.py): below this share of the question's
# distinctive (IDF-weighted) syllables and bigrams found in one passage, the sources do not answer it.
REFUSAL_THRESHOLD = 0.35
MAX_QUOTE_WORDS = 80
_LABEL = re.compile(r"^(?:[-*]\s*)?(?:\d+\.|[a-zđ]\))?\s*([^:;.]{3,60}):")
_LIST_QUESTION = re.compile(r"\bgồm\b|\bnhững\b.*\bnào\b|\bcác\b.*\bnào\b")
REFUSAL = ("Các tài liệu nguồn đã cho ({names}) không có thông tin để trả lời câu hỏi này, "
           "nên tôi không trả lời. Hãy hỏi lại với từ ngữ khác hoặc bổ sung tài liệu có nội dung đó.")


@dataclass(frozen=True)
class Citation:
    """A quote copied verbatim from the file named ``source``."""

    source: str
    quote: str


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its BM25 score and the share of the question it covers (0–1)."""

    passage: Passage
    score: float
    coverage: float


@dataclass(frozen=True)
class Result:
    """The answer to one question: text, whether the tool refused, and verified citations."""

    question: str
    answer: str
    refused: bool
    citations: tuple[Citation, ...] = ()
    hits: tuple[Hit, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict:
        """The JSON shape of ``ailab tra-cuu --json``."""
        return {"answer": self.answer, "refused": self.refused,
                "citations": [{"source": c.source, "quote": c.quote} for c in self.citations]}


class Library:
    """The sources a learner gave, indexed for lookup."""

    def __init__(self, sources: list[Source]):
        self.sources = {s.name: s for s in sources}
        self.passages = [p for s in sources for p in s.passages]
        self._tokens = [set(tokens(p.search_text)) for p in self.passages]
        self._own_tokens = [set(tokens(p.text)) for p in self.passages]
        document_frequency = Counter(t for ts in self._tokens for t in ts)
        n = max(len(self.passages), 1)
        self._idf = {t: math.log((n + 1) / (df + 0.5)) for t, df in document_frequency.items()}
        self._unseen_idf = math.log((n + 1) / 0.5)
        import bm25s  # here, not at the top: `ailab --help` must not pay for loading it

        self._bm25 = bm25s.BM25()
        self._bm25.index([tokens(p.search_text) for p in self.passages] or [[""]], show_progress=False)

    def idf(self, term: str) -> float:
        """How distinctive a term is here; a term no source contains is the most distinctive of all."""
        return self._idf.get(term, self._unseen_idf)

    def unknown_words(self, question: str) -> list[str]:
        """Words of the question that no source ever uses: the sources do not speak of that."""
        content, _ = query_terms(question)
        return [s for s in content if s not in self._idf and not s[0].isdigit()]

    def coverage(self, question: str, index: int, own: bool = False) -> float:
        """IDF-weighted share of the question's content syllables and bigrams in a passage and its headings
        (``own``: the syllables in the paragraph alone, where chance bigrams across words cannot help)."""
        content, pairs = query_terms(question)
        present = (self._own_tokens if own else self._tokens)[index]
        shares = []
        for terms in ((content,) if own else (content, pairs)):
            total = sum(self.idf(t) for t in terms)
            if total:
                shares.append(sum(self.idf(t) for t in terms if t in present) / total)
        return sum(shares) / len(shares) if shares else 0.0

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """The ``k`` best passages, best first: BM25 and coverage of the question, the paragraph's own words
        breaking ties between paragraphs under one heading."""
        content, pairs = query_terms(question)
        if not self.passages or not content:
            return []
        scores = self._bm25.get_scores(content + pairs)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[: max(k * 6, 40)]
        top = float(scores[order[0]]) or 1.0
        hits = [Hit(self.passages[i], float(scores[i]), self.coverage(question, i)) for i in order]
        own = {id(h): self.coverage(question, i, own=True) for h, i in zip(hits, order, strict=True)}
        shape = _Shape(defined_term(question), asks_quantity(question), asked_unit(question),
                       " ".join(syllables(normalize_question(question))),
                       bool(_LIST_QUESTION.search(question.lower())))
        hits.sort(key=lambda h: -(h.score / top + h.coverage + own[id(h)] + shape.nudge(h.passage.text)))
        return _lists_for_lead_ins(hits)[:k]

    def ask(self, question: str) -> Result:
        """Answer from the sources only, or refuse."""
        hits = self.search(question)
        if not hits or hits[0].coverage < REFUSAL_THRESHOLD or self.unknown_words(question):
            return self.refusal(question, hits)
        if asks_quantity(question) and not has_quantity(hits[0].passage.text):
            return self.refusal(question, hits)  # asked "how many" and the best passage states no number
        if asks_money(question) and not states_money(hits[0].passage.text):
            return self.refusal(question, hits)  # asked a fee or an amount and the passage names no money
        citation = self.cite(question, hits[0].passage)
        if citation is None:
            return self.refusal(question, hits)
        answer = f"Theo «{citation.source}»{_where(hits[0].passage)}: “{citation.quote}”"
        return Result(question, answer, False, (citation,), tuple(hits))

    def refusal(self, question: str, hits: list[Hit] | tuple = ()) -> Result:
        """The Vietnamese refusal, with no citation."""
        return Result(question, REFUSAL.format(names=", ".join(self.sources) or "không có tài liệu"), True,
                      (), tuple(hits))

    def cite(self, question: str, passage: Passage) -> Citation | None:
        """The best quote from a passage for the question, kept only if it is verbatim in the source."""
        quote = best_quote(question, passage.text, self.idf)
        source = self.sources[passage.source]
        return Citation(source.name, quote) if is_verbatim(quote, source.text) else None

    def find_quote(self, quote: str) -> str:
        """The name of the source that holds ``quote`` word for word, or "" when none does."""
        return next((name for name, s in self.sources.items() if is_verbatim(quote, s.text)), "")

    def verify(self, citation: Citation) -> bool:
        """True when the citation's quote is verbatim in the source it names."""
        source = self.sources.get(citation.source)
        return bool(source) and is_verbatim(citation.quote, source.text)


def best_quote(question: str, text: str, idf) -> str:
    """The whole paragraph when short, else its sentence (or run of sentences) that best covers the question."""
    if len(text.split()) <= MAX_QUOTE_WORDS:
        return text
    wanted = set(syllables(question))
    pieces = [p for s in split_sentences(text) for p in _clauses(s)]
    best, best_gain = pieces[0], -1.0
    for start in range(len(pieces)):
        for end in range(start + 1, len(pieces) + 1):
            span = " ".join(pieces[start:end])
            if len(span.split()) > MAX_QUOTE_WORDS and end > start + 1:
                break
            gain = sum(idf(s) for s in set(syllables(span)) & wanted) - 0.01 * len(span.split())
            if gain > best_gain:
                best, best_gain = span, gain
    return best if best in text else max(pieces, key=lambda p: sum(idf(s) for s in set(syllables(p)) & wanted))


def _lists_for_lead_ins(hits: list[Hit]) -> list[Hit]:
    """Where a list's lead-in line ranks, the whole list (lead-in and points) takes its place."""
    lists = {h.passage.text.split("\n", 1)[0]: h for h in hits if "\n" in h.passage.text}
    result: list[Hit] = []
    for hit in hits:
        whole = lists.get(hit.passage.text, hit) if "\n" not in hit.passage.text else hit
        if whole not in result:
            result.append(whole)
    return result


@dataclass(frozen=True)
class _Shape:
    """What kind of answer the question wants: a definition, a number, a number in a unit."""

    term: str
    quantity: bool
    unit: str
    words: str
    wants_list: bool

    def nudge(self, text: str) -> float:
        """Small nudges up for a passage shaped like the answer, down for a row of a sample table."""
        nudge = -0.6 if text.startswith("|") else 0.0
        label = _LABEL.match(text)
        if label and " ".join(syllables(label.group(1))) in self.words:
            nudge += 0.5  # "4. Phông chữ: …" answers a question about "phông chữ"
        if self.wants_list and "\n" in text:
            lead = set(syllables(text.split("\n", 1)[0]))
            asked = set(query_terms(self.words)[0])
            if asked and len(lead & asked) >= 0.5 * len(asked):
                nudge += 0.3  # a whole list answers "gồm những gì" when its lead-in names what is asked
        if self.term and f"“{self.term}” là" in text.lower():
            nudge += 1.0
        if self.quantity and has_quantity(text):
            nudge += 0.2
        if states_amount(text, self.unit):
            nudge += 0.5
        return nudge


def _clauses(sentence: str) -> list[str]:
    """A long sentence cut after its semicolons, each piece still verbatim."""
    if len(sentence.split()) <= MAX_QUOTE_WORDS:
        return [sentence]
    parts = sentence.split("; ")
    return [p + ";" for p in parts[:-1]] + parts[-1:]


def _where(passage: Passage) -> str:
    head = passage.context.split(" › ")[-1] if passage.context else ""
    head = head if len(head) <= 80 else head[:77].rsplit(" ", 1)[0] + "…"
    return f" ({head})" if head else ""
