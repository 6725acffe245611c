"""The assistant's skills, one file each: a module in this package that defines ``SKILLS`` is picked up.

A skill says which prompts it wants and answers them. The engine tries the skills in ``order`` (lower first)
and the first that wants the prompt answers it; ``help`` wants everything and comes last. A new lesson that
needs a new kind of answer adds one file here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ailab.offline.prompt import Prompt


@dataclass(frozen=True)
class Skill:
    """One thing the assistant can do: ``wants`` recognises the request, ``answer`` writes the answer body."""

    name: str
    order: int
    wants: Callable[[Prompt], bool]
    answer: Callable[[Prompt], str]


@lru_cache(maxsize=1)
def registry() -> tuple[Skill, ...]:
    """Every skill of every module in this package, in the order they are tried."""
    found: list[Skill] = []
    for module in pkgutil.iter_modules(__path__):
        found.extend(importlib.import_module(f"{__name__}.{module.name}").SKILLS)
    return tuple(sorted(found, key=lambda skill: skill.order))


def pick(prompt: Prompt) -> Skill:
    """The first skill, in order, that wants ``prompt``."""
    return next(skill for skill in registry() if skill.wants(prompt))
