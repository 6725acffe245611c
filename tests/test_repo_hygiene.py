"""Habits the whole repo keeps: notebooks without outputs, NFC text, ruff clean, secrets ignored."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".csv", ".json", ".txt", ".toml"}


def tracked_files() -> list[Path]:
    if shutil.which("git") and (ROOT / ".git").exists():
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        return [ROOT / line for line in out.splitlines() if (ROOT / line).is_file()]
    skip = {".venv", ".git", "__pycache__"}
    return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]


NOTEBOOKS = [p for p in tracked_files() if p.suffix == ".ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_committed_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    dirty = [i for i, cell in enumerate(notebook["cells"])
             if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]
    assert dirty == [], f"cells {dirty} have outputs: clear them before committing"


# The official .docx files are kept byte for byte as published (the decree has a decomposed letter that the
# checker's tests pin); every text file, the decree's Markdown copy included, is NFC.
AS_PUBLISHED = ROOT / "tests" / "data" / "nd30_official" / "as_published"


def test_every_text_file_is_nfc():
    bad = []
    for path in tracked_files():
        if path.suffix in TEXT_SUFFIXES and AS_PUBLISHED not in path.parents:
            text = path.read_text(encoding="utf-8", errors="replace")
            if not unicodedata.is_normalized("NFC", text):
                bad.append(str(path.relative_to(ROOT)))
    assert bad == []


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet", "--no-cache", "ailab", "autograder", "tests",
                             "benchmarks", "datasets", "bootstrap.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_env_files_and_course_workspaces_are_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    for entry in (".env", ".venv/", "/course/", ".ailab_cache/"):
        assert entry in ignored
