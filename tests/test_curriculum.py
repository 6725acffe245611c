"""The registry (curriculum.toml) is complete and true: every built module has all its parts, in the shape
the curriculum fixes; a planned module has none of them half-made; the README's table matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ailab import curriculum

ROOT = Path(__file__).resolve().parents[1]
BUILT = [m.slug for m in curriculum.built_modules()]
PLANNED = [m for m in curriculum.modules() if not m.built]
LESSON_SECTIONS = ["Mục tiêu", "Thời lượng", "Chuẩn bị", "Tóm tắt", "Tự kiểm tra"]


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


@pytest.mark.parametrize("slug", BUILT)
def test_lesson_has_the_standard_sections(slug):
    path = ROOT / "notebooks" / f"{slug}.ipynb"
    assert path.exists(), f"missing lesson {path.name}"
    markdown = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "markdown")
    missing = [s for s in LESSON_SECTIONS if s not in markdown]
    assert missing == []


@pytest.mark.parametrize("slug", BUILT)
def test_lesson_uses_the_ai_assistant(slug):
    code = "\n".join(source(c) for c in cells(ROOT / "notebooks" / f"{slug}.ipynb") if c["cell_type"] == "code")
    assert "from ailab import" in code or "import ailab" in code


@pytest.mark.parametrize("slug", BUILT)
def test_exercise_is_self_contained(slug):
    folder = ROOT / "exercises" / slug
    notebook = folder / f"{slug}.ipynb"
    assert notebook.exists(), f"missing exercise {notebook}"
    code = "\n".join(source(c) for c in cells(notebook))
    # Reading only what the folder holds is proven by test_exercises_e2e, which grades the notebook in a
    # course that has nothing but this folder; here: no path that points outside it.
    assert not re.search(r"\.\./|datasets/|[\"']/(?:home|root|tmp|work)/", code), \
        "the notebook reads outside its folder"


@pytest.mark.parametrize("slug", BUILT)
def test_exercise_ends_with_the_self_check_button(slug):
    code_cells = [c for c in cells(ROOT / "exercises" / slug / f"{slug}.ipynb") if c["cell_type"] == "code"]
    assert "self_check_button" in source(code_cells[-1])


def parts_of(number: int, slug: str) -> dict[str, list[Path]]:
    """Every part a module is made of, found by its number."""
    code = f"{number:02d}"
    return {
        "bài giảng": [ROOT / "notebooks" / f"{slug}.ipynb"],
        "bài tập": [ROOT / "exercises" / slug / f"{slug}.ipynb"],
        "dữ liệu và bảng mô tả": [ROOT / "datasets" / slug / "README.md"],
        "module chấm": sorted((ROOT / "autograder" / "modules").glob(f"m{code}_*.py")),
        "kiểm thử": sorted((ROOT / "tests" / "modules").glob(f"test_m{code}_*.py")),
    }


def test_registry_has_nineteen_numbered_modules():
    modules = curriculum.modules()
    assert [m.number for m in modules] == list(range(1, 20))
    assert sum(m.mandatory for m in modules) == 5
    for m in modules:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+", m.slug) and m.slug.startswith(m.code)
        assert m.kind in ("mandatory", "elective") and m.status in ("built", "planned")


@pytest.mark.parametrize("slug", BUILT)
def test_built_module_has_every_part(slug):
    m = curriculum.module(slug)
    missing = [name for name, paths in parts_of(m.number, slug).items()
               if not paths or not all(p.exists() for p in paths)]
    assert missing == [], f"{slug} is marked built but lacks: {missing}"
    assert (ROOT / "autograder" / "modules" / f"m{m.code}_{slug[3:]}.py").exists()


@pytest.mark.parametrize("module", PLANNED, ids=lambda m: m.slug)
def test_planned_module_has_nothing_half_made(module):
    present = [str(p.relative_to(ROOT)) for paths in parts_of(module.number, module.slug).values()
               for p in paths if p.exists()]
    present += [str(p.relative_to(ROOT)) for p in (ROOT / "exercises" / module.slug, ROOT / "datasets" / module.slug)
                if p.exists()]
    assert present == [], f"{module.slug} is planned but has {present}: finish it and mark it built"


def test_readme_table_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert curriculum.readme_table() in readme, "regenerate the table: python -m ailab.curriculum"


def test_course_settings_follow_the_registry():
    from autograder.course.settings import CourseSettings

    rule = curriculum.completion()
    settings = CourseSettings()
    assert settings.mandatory == [m.code for m in curriculum.modules() if m.mandatory]
    assert settings.electives_required == rule.electives and settings.pass_ratio == rule.pass_ratio
