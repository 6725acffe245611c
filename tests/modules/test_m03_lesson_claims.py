"""Lesson 03 says what its checks output on its prepared examples; the checks must output exactly that."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autograder.checks.numbers import unsupported_numbers
from autograder.modules.m03_tom_tat_bao_cao import grade_summary_figures

REPO = Path(__file__).resolve().parents[2]
LESSON = REPO / "notebooks" / "03_tom_tat_bao_cao.ipynb"


@pytest.fixture(scope="module")
def lesson() -> dict:
    """The lesson's report, its table of key figures and its prepared examples, read from the notebook cells."""
    namespace: dict = {}
    for cell in json.loads(LESSON.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and source.startswith(("bang_cua_toi =", "vi_du_chuan_bi_san =")):
            exec(source.split("\nfor ")[0].split("\nprint(")[0], namespace)
    namespace["bao_cao"] = (REPO / "notebooks" / "data" / "03_bao_cao_mau.txt").read_text(encoding="utf-8")
    return namespace


def _misplaced(text: str, lesson: dict) -> list[str]:
    result = grade_summary_figures(text, lesson["bang_cua_toi"], lesson["bao_cao"], need=1)
    return [m for m in result.messages if "chỉ tiêu khác" in m]


def test_the_table_of_key_figures_comes_from_the_report(lesson):
    assert unsupported_numbers(" ".join(lesson["bang_cua_toi"].values()), lesson["bao_cao"]) == []


def test_a_figure_of_another_indicator_passes_the_number_tool_but_not_the_indicator_check(lesson):
    sentence = lesson["vi_du_chuan_bi_san"]["số đặt nhầm chỉ tiêu"]
    assert unsupported_numbers(sentence, lesson["bao_cao"]) == []
    assert _misplaced(sentence, lesson)


def test_an_invented_figure_is_caught_by_the_number_tool(lesson):
    sentence = lesson["vi_du_chuan_bi_san"]["số bịa"]
    assert unsupported_numbers(sentence, lesson["bao_cao"]) == ["1,44%"]


def test_an_invented_fact_without_a_figure_passes_every_tool(lesson):
    sentence = lesson["vi_du_chuan_bi_san"]["bịa thêm không có số"]
    assert unsupported_numbers(sentence, lesson["bao_cao"]) == []
    assert not _misplaced(sentence, lesson)


def test_the_lesson_cuts_the_internal_note_before_pasting():
    text = LESSON.read_text(encoding="utf-8")
    assert 'split(\\"Nơi nhận:\\")[0]' in text and "NotebookLM" in text and "557/BKHCN-CĐSQG" in text
