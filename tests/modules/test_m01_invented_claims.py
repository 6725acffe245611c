"""Module 01: grading the list of invented sentences, and the exercise's generated data and key."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat

from autograder.checks.claims import check_claims_format, grade_invented_claims, numbered_sentences
from autograder.checks.numbers import unsupported_numbers

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "01_lam_quen"
DATASET = ROOT / "datasets" / "01_lam_quen"


def test_exact_planted_set_is_correct_in_any_order():
    result = grade_invented_claims([7, 2, 5], {2, 5, 7}, 8, max_score=1.5)
    assert result.ok and result.score == 1.5 and result.messages == []


def test_false_alarm_is_named_but_missed_sentences_are_only_counted():
    result = grade_invented_claims([2, 4], {2, 5, 7}, 8)
    assert not result.ok and result.score == 0  # one found, one false alarm
    report = str(result)
    assert "Câu 4 khớp với văn bản nguồn" in report and "bỏ sót 2 câu" in report
    assert "5" not in report.split("\n", 1)[1] and "7" not in report


def test_partial_credit_for_some_planted_sentences_found():
    assert grade_invented_claims([2, 5], {2, 5, 7}, 8, max_score=1.5).score == 1.0
    assert grade_invented_claims([2, 5, 7, 1], {2, 5, 7}, 8, max_score=1.5).score == 1.0


def test_marking_every_sentence_or_half_at_random_earns_nothing_or_little():
    assert grade_invented_claims(list(range(1, 9)), {2, 5, 7}, 8).score == 0
    assert grade_invented_claims(list(range(1, 9)), {2, 6, 7, 8}, 8).score == 0
    assert grade_invented_claims([1, 3, 5, 7], {2, 6, 7, 8}, 8).score == 0


def test_format_messages_cover_empty_out_of_range_strings_and_repeats():
    assert "trống" in check_claims_format([], 8)[0]
    assert "danh sách số" in check_claims_format("2, 5", 8)[0]
    assert "không có câu số 9" in check_claims_format([2, 9], 8)[0]
    assert "'2'" in check_claims_format(["2"], 8)[0]
    assert "lặp" in check_claims_format([2, 2], 8)[0]
    assert check_claims_format([True], 8)  # a boolean is not a sentence number
    assert check_claims_format([2, 5], 8) == []


def test_blank_answer_is_graded_wrong_with_a_format_message():
    result = grade_invented_claims([], {2}, 8)
    assert result.score == 0 and "trống" in str(result)


def test_numbered_sentences_reads_only_numbered_lines():
    text = "Tiêu đề\n[1] Câu một.\n  [2]   Câu hai có số 1.180.  \n\n[x] không phải"
    assert numbered_sentences(text) == {1: "Câu một.", 2: "Câu hai có số 1.180."}


def _key() -> dict:
    return json.loads((DATASET / "dap_an.json").read_text(encoding="utf-8"))


def test_notebook_hidden_tests_use_the_dataset_answer_key():
    notebook = nbformat.read(EXERCISE / "01_lam_quen.ipynb", as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in notebook.cells}
    for name, grade_id in (("A", "m01-cau-3"), ("B", "m01-cau-4")):
        hidden = re.search(r"grade_invented_claims\(\w+, (\[[\d, ]+\])", cells[grade_id]).group(1)
        assert json.loads(hidden) == _key()[name]["cau_bia"], name


def test_answer_files_have_the_sentence_count_of_the_key():
    for name, entry in _key().items():
        sentences = numbered_sentences((EXERCISE / f"tra_loi_ai_{name}.txt").read_text(encoding="utf-8"))
        assert sorted(sentences) == list(range(1, entry["so_cau"] + 1))


def test_number_checker_flags_some_but_not_all_planted_sentences():
    """The lesson's point: the number tool helps, reading is still needed."""
    for name, entry in _key().items():
        source = (EXERCISE / f"nguon_{name}.txt").read_text(encoding="utf-8")
        sentences = numbered_sentences((EXERCISE / f"tra_loi_ai_{name}.txt").read_text(encoding="utf-8"))
        flagged = {n for n, s in sentences.items() if unsupported_numbers(s, source)}
        assert flagged and flagged < set(entry["cau_bia"]), name


def test_generator_reproduces_the_committed_files():
    names = ["nguon_A.txt", "tra_loi_ai_A.txt", "nguon_B.txt", "tra_loi_ai_B.txt"]
    before = {n: (EXERCISE / n).read_bytes() for n in names}
    key_before = (DATASET / "dap_an.json").read_bytes()
    subprocess.run([sys.executable, str(DATASET / "generate.py")], check=True)
    assert {n: (EXERCISE / n).read_bytes() for n in names} == before
    assert (DATASET / "dap_an.json").read_bytes() == key_before


def test_answering_only_what_the_number_checker_flags_earns_at_most_30_percent():
    for name, entry in _key().items():
        source = (EXERCISE / f"nguon_{name}.txt").read_text(encoding="utf-8")
        sentences = numbered_sentences((EXERCISE / f"tra_loi_ai_{name}.txt").read_text(encoding="utf-8"))
        flagged = sorted(n for n, s in sentences.items() if unsupported_numbers(s, source))
        result = grade_invented_claims(flagged, entry["cau_bia"], entry["so_cau"], max_score=1.5)
        assert result.score <= 0.45, name
