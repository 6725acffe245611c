"""Answer from context: quote the sentence of the given text that answers the question, or refuse."""

from __future__ import annotations

import re

from ailab.offline.prompt import KEYS, Prompt, content_words, has
from ailab.offline.skills import Skill
from ailab.text import fold, split_sentences

REFUSAL = (
    "Văn bản được cung cấp không có thông tin để trả lời câu hỏi này. "
    "Tôi không đoán; hãy bổ sung tài liệu có nội dung liên quan hoặc hỏi cơ quan có thẩm quyền."
)
# Words of the request around a question ("Hãy giải thích cho người dân …, dựa vào văn bản sau"), not of it.
_ASKING_WORDS = set(fold("giải thích cho người dân dựa vào văn bản đoạn tài liệu trả lời câu hỏi nêu rõ ngắn gọn "
                         "những gồm gì nào").split())
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_INTRO = re.compile(
    r"^(?:văn bản|nội dung|báo cáo|đoạn văn|tài liệu|ngữ cảnh|bối cảnh|thông tin|dữ liệu|bảng(?: số liệu)?|"
    r"tin nhắn|câu hỏi)\s*(?:sau|dưới đây|như sau)?\s*:\s*",
    re.I,
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
    q_terms = set(content_words(question)) - _ASKING_WORDS
    if not q_terms:
        return REFUSAL
    best, best_score = None, 0.0
    for sentence in split_sentences(context):
        terms = set(content_words(sentence))
        if not terms or fold(sentence).startswith(("hay tra loi", "dua vao", "can cu vao")):
            continue
        score = len(q_terms & terms) / len(q_terms)
        if any(n not in _NUMBER.findall(sentence) for n in _NUMBER.findall(question)):
            score *= 0.4  # "tháng 9" asks about 9: a sentence without it does not answer
        if score > best_score:
            best, best_score = sentence, score
    if best is None or best_score < 0.5:
        return REFUSAL
    return f"Theo văn bản được cung cấp: «{best.strip()}»"


def _wants(prompt: Prompt) -> bool:
    if not prompt.source:
        return False
    return has(prompt.head, KEYS["question"]) or "?" in prompt.instruction or "?" in prompt.source[-300:]


def _answer(prompt: Prompt) -> str:
    return answer_question(prompt.instruction, prompt.source)


SKILLS = (Skill("question", 40, _wants, _answer),)
