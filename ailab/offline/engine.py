"""The offline assistant ("Trợ lý ngoại tuyến"): deterministic answers by classic methods, no model weights.

It recognises the lab's tasks from the prompt and hands each to a skill (``ailab/offline/skills/``, one file
each): an extractive summary or list of points, the body of an administrative document from the facts given
(labelled or in prose), a description of a table, a classification into named labels, an answer quoted from
context (or a refusal), a review of a draft, masking of personal data, otherwise a note on what it can do.
It never invents a fact: every figure in a summary, draft or table description is copied from the prompt;
what a document needs and the prompt lacks is left as a blank in brackets. Every answer gets the same
Vietnamese polish (``vietnamese.polish``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ailab.offline.prompt import Prompt, split_prompt
from ailab.offline.skills import pick
from ailab.offline.tables import Table, parse_table, to_number
from ailab.offline.vietnamese import LABEL, MODEL_NAME, polish
from ailab.text import nfc, words

__all__ = ["LABEL", "MODEL_NAME", "Table", "Task", "detect_task", "estimate_tokens", "parse_table", "respond",
           "split_prompt", "to_number"]


@dataclass(frozen=True)
class Task:
    """What the prompt asks for (the skill's name), with the text it applies to."""

    kind: str
    instruction: str
    source: str


def detect_task(prompt: str, system: str = "") -> Task:
    """Decide which of the lab's tasks the prompt asks for."""
    request = Prompt(prompt, system or "")
    return Task(pick(request).name, request.instruction, request.source)


def respond(messages: list[dict], params: dict | None = None) -> str:
    """Answer a chat conversation the way the lab's tasks need; the answer starts with the offline label."""
    system = "\n".join(_content(m) for m in messages if m.get("role") == "system")
    users = [_content(m) for m in messages if m.get("role") == "user"]
    request = Prompt(users[-1] if users else "", system)
    body = pick(request).answer(request)
    return f"{LABEL}\n{polish(body)}"


def _content(message: dict) -> str:
    content = message.get("content") or ""
    if isinstance(content, list):  # the content-parts form: keep the text parts
        content = "\n".join(p.get("text", "") for p in content if isinstance(p, dict))
    return nfc(str(content))


def estimate_tokens(text: str) -> int:
    """Offline token estimate: NFC syllables (words and punctuation groups), never zero for non-empty text."""
    text = nfc(text)
    return len(words(text)) + len(re.findall(r"[^\w\s]+", text)) if text.strip() else 0
