"""Every module has the shape the curriculum fixes: lesson sections, a self-contained nbgrader exercise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CURRICULUM = ROOT.parent / "shared" / "CURRICULUM.md"
MANDATORY = ["01_lam_quen", "02_soan_thao_van_ban", "03_tom_tat_bao_cao", "04_phan_tich_so_lieu", "05_an_toan_thong_tin"]
LESSON_SECTIONS = ["Mục tiêu", "Thời lượng", "Chuẩn bị", "Tóm tắt", "Tự kiểm tra"]


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


@pytest.mark.parametrize("slug", MANDATORY)
def test_lesson_has_the_standard_sections(slug):
    path = ROOT / "notebooks" / f"{slug}.ipynb"
    assert path.exists(), f"missing lesson {path.name}"
    markdown = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "markdown")
    missing = [s for s in LESSON_SECTIONS if s not in markdown]
    assert missing == []


@pytest.mark.parametrize("slug", MANDATORY)
def test_lesson_uses_the_ai_assistant(slug):
    code = "\n".join(source(c) for c in cells(ROOT / "notebooks" / f"{slug}.ipynb") if c["cell_type"] == "code")
    assert "from ailab import" in code or "import ailab" in code


@pytest.mark.parametrize("slug", MANDATORY)
def test_exercise_is_self_contained(slug):
    folder = ROOT / "exercises" / slug
    notebook = folder / f"{slug}.ipynb"
    assert notebook.exists(), f"missing exercise {notebook}"
    code = "\n".join(source(c) for c in cells(notebook))
    # Reading only what the folder holds is proven by test_exercises_e2e, which grades the notebook in a
    # course that has nothing but this folder; here: no path that points outside it.
    assert not re.search(r"\.\./|/work/|shared/|datasets/|[\"']/(?:home|root|tmp)/", code), \
        "the notebook reads outside its folder"


@pytest.mark.parametrize("slug", MANDATORY)
def test_exercise_ends_with_the_self_check_button(slug):
    code_cells = [c for c in cells(ROOT / "exercises" / slug / f"{slug}.ipynb") if c["cell_type"] == "code"]
    assert "self_check_button" in source(code_cells[-1])


def test_slugs_match_the_curriculum():
    text = CURRICULUM.read_text(encoding="utf-8")
    for slug in MANDATORY:
        assert f"`{slug}`" in text
