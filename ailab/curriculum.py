"""The curriculum registry (``curriculum.toml``): the 19 modules, which are built, and the completion rule.

One source for the course settings, the README's module table, the learner's start page and the
completeness test. The file lives at the repo root; an installed copy of the package finds it under
``<prefix>/share/ailab/``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

IN_REPO = Path(__file__).resolve().parent.parent / "curriculum.toml"
INSTALLED = Path(sys.prefix) / "share" / "ailab" / "curriculum.toml"  # pyproject's data-files
REGISTRY = IN_REPO if IN_REPO.exists() else INSTALLED


@dataclass(frozen=True)
class Module:
    """One module of the course: ``number`` 1–19, ``slug`` such as ``03_tom_tat_bao_cao``."""

    number: int
    slug: str
    title: str
    kind: str  # "mandatory" | "elective"
    status: str  # "built" | "planned"
    purpose: str = ""
    audience: str = "learner"  # "trainer": opened from the trainer's side only (ailab lab --giang-vien)

    @property
    def code(self) -> str:
        """The two-digit number, e.g. ``"03"``."""
        return f"{self.number:02d}"

    @property
    def mandatory(self) -> bool:
        return self.kind == "mandatory"

    @property
    def built(self) -> bool:
        return self.status == "built"

    @property
    def kind_vi(self) -> str:
        return "bắt buộc" if self.mandatory else "tự chọn"


@dataclass(frozen=True)
class Completion:
    """The completion rule: every mandatory module and at least ``electives`` electives, each passed."""

    mandatory: int
    electives: int
    pass_ratio: float


@lru_cache(maxsize=1)
def _load() -> dict:
    return tomllib.loads(REGISTRY.read_text(encoding="utf-8"))


def modules() -> list[Module]:
    """All 19 modules in number order."""
    return sorted((Module(**entry) for entry in _load()["module"]), key=lambda m: m.number)


def built_modules() -> list[Module]:
    return [m for m in modules() if m.built]


def module(key: int | str) -> Module:
    """The module by number (``3`` or ``"03"``) or slug."""
    for m in modules():
        if key in (m.number, m.slug, m.code) or str(key) == m.code:
            return m
    raise KeyError(f"Không có học phần {key!r} trong curriculum.toml")


def completion() -> Completion:
    rule = _load()["completion"]
    return Completion(int(rule["mandatory"]), int(rule["electives"]), float(rule["pass_ratio"]))


def readme_table() -> str:
    """The README's module table, generated from the registry (a test keeps the README in step)."""
    lines = ["| số | bài | loại | trạng thái |", "|---|---|---|---|"]
    for m in modules():
        state = "có bài giảng và bài tập" if m.built else "đang xây dựng"
        lines.append(f"| {m.code} | {m.title} | {m.kind_vi} | {state} |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m ailab.curriculum: print the README table
    print(readme_table())
