"""Module 05: grading scam/safe labels and warning signs, the multiple-choice grader, and the answer key."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import nbformat

from autograder.checks.choices import check_choices_format, grade_choices
from autograder.checks.scam_signs import (
    check_scam_format,
    grade_scam_labels,
    grade_scam_signs,
    normalise_label,
)

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "05_an_toan_thong_tin"
KEY_FILE = ROOT / "datasets" / "05_an_toan_thong_tin" / "dap_an_tin_nhan.csv"

KEY_LABELS = {"T1": "lừa đảo", "T2": "an toàn", "T3": "lừa đảo"}
KEY_SIGNS = {"T1": "AD", "T2": "K", "T3": "B"}


def test_label_is_normalised_for_case_spaces_and_unicode_form():
    assert normalise_label("  Lừa   ĐẢO ") == "lừa đảo"
    assert normalise_label("an toan") is None
    assert normalise_label(None) is None


def test_all_correct_labels_pass_and_one_wrong_fails_at_full_share():
    answers = {"T1": ("lừa đảo", "A"), "T2": ("an toàn", "K"), "T3": ("lừa đảo", "B")}
    assert grade_scam_labels(answers, KEY_LABELS).passed
    answers["T3"] = ("an toàn", "K")
    result = grade_scam_labels(answers, KEY_LABELS)
    assert not result.passed and result.wrong_ids == ("T3",)
    assert "T3" in result.report() and "lừa đảo" not in result.report().split(":")[0]


def test_share_threshold_allows_one_mistake_when_asked():
    answers = {"T1": ("lừa đảo", "A"), "T2": ("an toàn", "K"), "T3": ("an toàn", "K")}
    assert grade_scam_labels(answers, KEY_LABELS, min_share=2 / 3).passed
    assert not grade_scam_labels(answers, KEY_LABELS, min_share=0.9).passed


def test_any_accepted_sign_counts_and_lowercase_is_fine():
    answers = {"T1": ("lừa đảo", "d"), "T2": ("an toàn", "K"), "T3": ("lừa đảo", "B")}
    assert grade_scam_signs(answers, KEY_SIGNS).passed
    answers["T1"] = ("lừa đảo", "E")
    assert grade_scam_signs(answers, KEY_SIGNS).wrong_ids == ("T1",)


def test_blank_template_fails_format_and_grading():
    blank = {"T1": ("", ""), "T2": ("", ""), "T3": ("", "")}
    messages = check_scam_format(blank, ["T1", "T2", "T3"], "ABCDEK")
    assert len(messages) == 6 and "chỉ ghi \"lừa đảo\" hoặc \"an toàn\"" in messages[0]
    assert not grade_scam_labels(blank, KEY_LABELS).passed
    assert not grade_scam_signs(blank, KEY_SIGNS).passed


def test_format_reports_missing_ids_and_wrong_shapes():
    assert check_scam_format([], ["T1"], "AK")[0].startswith("Câu trả lời phải là bảng")
    messages = check_scam_format({"T1": "lừa đảo"}, ["T1", "T2"], "AK")
    assert messages[0] == "Còn thiếu tin nhắn: T2."
    assert "ghi theo mẫu" in messages[1]


def test_choices_grader_names_wrong_picks_but_not_missing_ones():
    result = grade_choices(["a", "E"], "abc", "abcdef")
    assert not result.correct and result.wrong_picks == ("e",) and result.missing_count == 2
    assert "Còn thiếu 2" in result.report() and "b" not in result.report().split("Còn thiếu")[1]
    assert grade_choices(["c", "b", "A"], "abc", "abcdef").correct


def test_choices_format_rejects_empty_unknown_and_repeated():
    assert "trống" in check_choices_format([], "ab")[0]
    assert "không có trong danh sách" in check_choices_format(["z"], "ab")[0]
    assert "lặp" in check_choices_format(["a", "A"], "ab")[0]
    assert "danh sách" in check_choices_format("a", "ab")[0]


def _hidden_dict(source: str, name: str) -> dict:
    match = re.search(rf"{name} = (\{{.*?\}})", source, re.S)
    return eval(match.group(1))  # noqa: S307 - our own notebook's literal


def test_notebook_answer_key_matches_the_dataset_key_and_the_csv_ids():
    notebook = nbformat.read(EXERCISE / "05_an_toan_thong_tin.ipynb", as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in notebook.cells}
    labels = _hidden_dict(cells["ex05-c3a-kiem-tra-nhan"], "nhan_dung")
    signs = _hidden_dict(cells["ex05-c3b-kiem-tra-dau-hieu"], "dau_hieu_dung")
    with KEY_FILE.open(encoding="utf-8") as handle:
        key = {row["ma"]: row for row in csv.DictReader(handle)}
    assert labels == {k: row["nhan"] for k, row in key.items()}
    assert signs == {k: row["dau_hieu"] for k, row in key.items()}
    with (EXERCISE / "tin_nhan.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["ma"] for r in rows] == sorted(key)
    assert "nhan" not in rows[0], "the learner's file must not hold the answers"


def test_reference_solution_earns_both_scam_points():
    notebook = nbformat.read(EXERCISE / "05_an_toan_thong_tin.ipynb", as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in notebook.cells}
    solution = _hidden_dict(cells["ex05-c3-tra-loi"].split("### BEGIN SOLUTION")[1], "phan_loai")
    labels = _hidden_dict(cells["ex05-c3a-kiem-tra-nhan"], "nhan_dung")
    signs = _hidden_dict(cells["ex05-c3b-kiem-tra-dau-hieu"], "dau_hieu_dung")
    assert grade_scam_labels(solution, labels).correct == 12
    assert grade_scam_signs(solution, signs).correct == 12
