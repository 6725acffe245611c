"""Agendas and facilitator notes: timings add up, every lesson section they name exists, notes cover modules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ailab import curriculum

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "giang_vien"
AGENDAS = ("lich_nua_ngay", "lich_mot_ngay", "lich_hai_ngay")
SESSION = re.compile(r"^## (.+) \((\d+) phút\)$", re.M)
SECTION_REF = re.compile(r"\b(\d\d) §(\d+)")


def sessions(text: str) -> list[tuple[str, int, list[list[str]]]]:
    """(title, minutes declared, table rows) of each session of an agenda."""
    found = []
    parts = SESSION.split(text)
    for title, minutes, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
                for line in body.splitlines() if re.match(r"^\| \d{1,2}:\d\d \|", line)]
        found.append((title, int(minutes), rows))
    return found


def lesson_headings(code: str) -> set[int]:
    """Numbers of the ``## N.`` sections of a lesson notebook."""
    module = curriculum.module(int(code))
    notebook = json.loads((ROOT / "notebooks" / f"{module.slug}.ipynb").read_text("utf-8"))
    text = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown")
    return {int(n) for n in re.findall(r"^## (\d+)\.", text, re.M)}


@pytest.mark.parametrize("name", AGENDAS)
def test_agenda_minutes_add_up_and_clock_times_follow_on(name):
    found = sessions((DOCS / f"{name}.md").read_text("utf-8"))
    assert found
    for title, declared, rows in found:
        assert sum(int(row[1]) for row in rows) == declared, title
        clock = [int(h) * 60 + int(m) for h, m in (row[0].split(":") for row in rows)]
        for (start, row), following in zip(zip(clock, rows, strict=True), clock[1:] + [None], strict=True):
            if following is not None:
                assert start + int(row[1]) == following, (title, row[0])


@pytest.mark.parametrize("name", AGENDAS)
def test_every_lesson_section_named_in_an_agenda_exists(name):
    text = (DOCS / f"{name}.md").read_text("utf-8")
    refs = SECTION_REF.findall(text)
    assert refs
    for code, number in refs:
        assert int(number) in lesson_headings(code), f"{code} §{number}"


def test_agendas_cover_the_modules_they_promise():
    def codes(name):
        return {code for code, _ in SECTION_REF.findall((DOCS / f"{name}.md").read_text("utf-8"))}
    assert codes("lich_nua_ngay") == {"01", "02", "05"}
    mandatory = {m.code for m in curriculum.built_modules() if m.mandatory}
    assert codes("lich_mot_ngay") == mandatory
    built_electives = {m.code for m in curriculum.built_modules() if not m.mandatory}
    assert codes("lich_hai_ngay") == mandatory | built_electives


@pytest.mark.parametrize("module", curriculum.built_modules(), ids=lambda m: m.slug)
def test_every_built_module_has_facilitator_notes_with_self_test_answers(module):
    notes = (DOCS / f"{module.slug}.md").read_text("utf-8")
    for heading in ("## Ý chính", "## Thời gian", "## Lỗi hay gặp", "## Đáp án tự kiểm tra", "## Chấm câu"):
        assert heading in notes, heading
    notebook = (ROOT / "notebooks" / f"{module.slug}.ipynb").read_text("utf-8")
    self_test = json.loads(notebook)["cells"]
    text = next("".join(c["source"]) for c in self_test if "## Tự kiểm tra" in "".join(c["source"]))
    questions = re.findall(r"^(\d)\. ", text.split("## Tự kiểm tra")[1].split("<details>")[0], re.M)
    answers = re.findall(r"^(\d)\. ", notes.split("## Đáp án tự kiểm tra")[1].split("\n## ")[0], re.M)
    assert questions and answers == questions


def test_trainer_material_stays_out_of_the_learner_library():
    for path in (ROOT / "ailab").rglob("*.py"):
        source = path.read_text("utf-8")
        assert "autograder.kit" not in source and "docs/giang_vien" not in source, path
