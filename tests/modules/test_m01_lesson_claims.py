"""Lesson 01 says what its checks output; run the lesson's own cells and compare with what it says."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from autograder.checks.numbers import unsupported_numbers
from autograder.checks.prompt import check_prompt

ROOT = Path(__file__).resolve().parents[2]
LESSON = nbformat.read(ROOT / "notebooks" / "01_lam_quen.ipynb", as_version=4)
CELLS = {c.get("id"): c for c in LESSON.cells}


def _run(*cell_ids: str) -> dict:
    namespace: dict = {"print": lambda *a, **k: None}
    for cell_id in cell_ids:
        exec(CELLS[cell_id].source, namespace)  # noqa: S102 - the lesson's own code
    return namespace


def test_number_check_flags_sentence_3_but_not_the_swapped_time_as_the_lesson_says():
    ns = _run("l01-bia-1")
    flagged = {n for n, s in ns["cau_ai"].items() if unsupported_numbers(s, ns["nguon"])}
    assert flagged == {3}
    prose = CELLS["l01-bia-2"].source
    assert "bắt được câu 3" in prose and "**không** bắt được câu 2" in prose
    assert unsupported_numbers(ns["cau_ai"][3], ns["nguon"]) == ["9", "2025"] and "số 9 và 2025" in prose


def test_keyword_finder_passes_the_salad_and_the_job_reader_gives_it_nothing():
    ns = _run("l01-may-do-tu-khoa-1", "l01-viec-mau", "l01-xem-cham", "l01-cau-lenh-tot")
    assert check_prompt(ns["chuoi_tu_khoa"]).complete
    assert ns["grade_prompt_for_job"](ns["chuoi_tu_khoa"], ns["VIEC_MAU"], 10).score == 0
    assert ns["grade_prompt_for_job"](ns["cau_lenh_tot"], ns["VIEC_MAU"], 10).ok


def test_prepared_answer_findings_match_the_lesson_text():
    ns = _run("l01-viec-mau", "l01-may-do-tu-khoa-1", "l01-xem-cham", "l01-cau-lenh-tot", "l01-dan-vao-1")
    assert ns["tra_loi"] == ns["TRA_LOI_SOAN_SAN"]
    found = unsupported_numbers(ns["tra_loi"], ns["cau_lenh_tot"])
    prose = CELLS["l01-dan-vao-doc"].source
    assert found == ["21/3/2026", "500.000"] and all(f"`{f}`" in prose for f in found)
    missing = [name for name, p in ns["VIEC_MAU"].facts.items() if not re.search(p, ns["tra_loi"].lower())]
    assert missing == ["ngày họp"] and '"ngày họp" bị bỏ sót' in prose


def test_lesson_does_not_send_learners_to_the_trainer_source():
    text = "\n".join(c.source for c in LESSON.cells)
    assert "exercises/" not in text and "bài tập 01** trong thư mục bài tập" in text
