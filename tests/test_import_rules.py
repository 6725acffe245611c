"""Dependencies point one way: the learner library never reaches into the trainer's package.

Rules, checked on the source of every file with ``ast`` (imports inside functions count too):

1. Nothing in ``ailab/`` imports ``autograder.course`` (trainer operations over nbgrader).
2. ``ailab/`` may import ``autograder`` only through the neutral ``autograder.notebook`` (self-check,
   kernel limits, sandbox); nothing else of ``autograder`` is imported at a module's top level.
3. ``autograder/notebook/`` imports nothing from ``autograder.course`` either, so the learner's side
   never drags the trainer's side in through it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> list[tuple[str, bool]]:
    """(module name, at top level?) for every import in a file; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found += [(f"{base}.{alias.name}" if base else alias.name, id(node) in top_level)
                      for alias in node.names]
    return found


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _is_under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("path", _files("ailab"), ids=lambda p: str(p.relative_to(ROOT)))
def test_learner_library_never_imports_the_trainer_package(path):
    bad = [name for name, _ in imported_modules(path) if _is_under(name, "autograder.course")]
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize("path", _files("ailab"), ids=lambda p: str(p.relative_to(ROOT)))
def test_learner_library_reaches_autograder_only_through_the_neutral_package(path):
    bad = [name for name, top in imported_modules(path)
           if top and _is_under(name, "autograder") and not _is_under(name, "autograder.notebook")]
    assert not bad, f"{path.relative_to(ROOT)} imports {bad} at top level"


@pytest.mark.parametrize("path", _files("autograder/notebook"), ids=lambda p: str(p.relative_to(ROOT)))
def test_neutral_package_never_imports_the_trainer_package(path):
    bad = [name for name, _ in imported_modules(path) if _is_under(name, "autograder.course")]
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_the_rule_catches_a_forbidden_import(tmp_path, monkeypatch):
    fake = ROOT / "ailab" / "_khong_duoc.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: "def f():\n    from autograder.course "
                        "import grading\n" if self == fake else Path.read_bytes(self).decode())
    assert ("autograder.course.grading", False) in imported_modules(fake)
