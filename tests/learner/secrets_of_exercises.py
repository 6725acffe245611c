"""What must never reach a learner: solution text, hidden-test text and marking guides of ``exercises/``."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from ailab.curriculum import REGISTRY
from ailab.learner_preprocessors import is_trainer_note

EXERCISES = REGISTRY.parent / "exercises"
_IMPORT = re.compile(r"^(import [\w., ]+|from [\w.]+ import [\w, ()]+)$")
_BLOCK = re.compile(r"#+\s*BEGIN (SOLUTION|HIDDEN TESTS)(.*?)#+\s*END \1", re.DOTALL)


def _lines(text: str) -> set[str]:
    """Distinctive lines: long enough that a lesson or the learner's copy would not say the same by chance.

    Import lines, lines of punctuation only and table header rows reveal nothing and are left out."""
    return {line.strip() for line in unicodedata.normalize("NFC", text).splitlines()
            if len(line.strip()) >= 12 and not _IMPORT.match(line.strip()) and re.search(r"\w", line)
            and not _table_header(line)}


def _table_header(line: str) -> bool:
    """A Markdown table's header row (short column names, no figures): a format, not an answer."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return line.strip().startswith("|") and len(cells) > 1 and not re.search(r"\d", line) and all(
        len(c.split()) <= 4 for c in cells)


def secret_lines(kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS", "NOTE")) -> set[str]:
    """Every distinctive line of a solution block, a hidden-test block or a trainer's note in exercises/."""
    found: set[str] = set()
    for path in sorted(EXERCISES.glob("*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            for match in _BLOCK.finditer(source):
                if match.group(1) in kinds:
                    found |= _lines(match.group(2))
            if "NOTE" in kinds and is_trainer_note(cell):
                found |= _lines(source)
    return found


def visible_text_of_exercises() -> set[str]:
    """Lines a learner legitimately sees (outside solution and hidden blocks, and in the exercise's data files):
    not a leak when repeated."""
    seen: set[str] = set()
    for path in sorted(EXERCISES.glob("*/*")):  # the data an exercise hands out is the learner's to read
        if path.suffix in (".txt", ".md", ".csv"):
            seen |= _lines(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(EXERCISES.glob("*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if not is_trainer_note(cell):
                seen |= _lines(_BLOCK.sub("", "".join(cell["source"])))
    return seen


def leaks(text: str, kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS", "NOTE")) -> list[str]:
    """Secret lines of the given kinds found in ``text``."""
    secrets = secret_lines(kinds) - visible_text_of_exercises()
    present = _lines(text)
    return sorted(secrets & present)


def answer_key_names() -> set[str]:
    """File names of the answer keys kept in datasets/ (``dap_an*``)."""
    return {p.name for p in Path(REGISTRY.parent / "datasets").glob("*/dap_an*")}
