"""Module 05: the masking grader, the exercise's reference patterns, and the exercise's data."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import nbformat
import pytest

from autograder.checks.masking import LABELS, MaskingCase, grade_masking

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "05_an_toan_thong_tin"
DATASET = ROOT / "datasets" / "05_an_toan_thong_tin"


def _source_namespace() -> dict:
    """Run the exercise's setup-free code (masking function + solution patterns) to get a reference masker."""
    notebook = nbformat.read(EXERCISE / "05_an_toan_thong_tin.ipynb", as_version=4)
    wanted = {"ex05-ham-che", "ex05-c2a-tra-loi", "ex05-c2b-tra-loi", "ex05-c2c-tra-loi", "ex05-c2d-tra-loi"}
    namespace: dict = {"re": re, "unicodedata": unicodedata, "print": lambda *a, **k: None}
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") in wanted:
            exec(cell.source, namespace)  # noqa: S102 - our own notebook's code
    return namespace


@pytest.fixture(scope="module")
def solution_masker():
    return _source_namespace()["che_thong_tin"]


def test_identity_function_fails_every_case_that_needs_masking():
    cases = [MaskingCase("CCCD 001089012345", "CCCD [CCCD]", "CCCD"),
             MaskingCase("Nộp 1.500.000 đồng", "Nộp 1.500.000 đồng", "số tiền")]
    result = grade_masking(lambda text: text, cases, max_points=2)
    assert (result.passed, result.total, result.points, result.all_passed) == (1, 2, 1.0, False)
    assert "còn sót 1 chỗ cần che bằng [CCCD]" in result.messages[0]


def test_over_masking_is_reported_as_masked_by_mistake():
    cases = [MaskingCase("Nộp 1.500.000 đồng", "Nộp 1.500.000 đồng", "số tiền")]
    result = grade_masking(lambda text: "Nộp [SĐT] đồng", cases)
    assert not result.all_passed
    assert "che nhầm 1 chỗ bằng [SĐT]" in result.report()


def test_hidden_case_message_does_not_reveal_text_or_expected_output():
    case = MaskingCase("Máy 0128.7878.888 (cũ)", "Máy [SĐT] (cũ)", "số cũ có dấu chấm", hidden=True)
    message = grade_masking(lambda text: text, [case]).report()
    assert "số cũ có dấu chấm" in message
    assert "0128" not in message and "Máy [SĐT]" not in message


def test_visible_case_message_shows_expected_and_actual_output():
    case = MaskingCase("ĐT 0912345678", "ĐT [SĐT]", "10 chữ số")
    message = grade_masking(lambda text: text, [case]).report()
    assert "«ĐT [SĐT]»" in message and "«ĐT 0912345678»" in message


def test_learner_function_errors_become_messages_not_crashes():
    def broken(text):
        raise re.error("unbalanced parenthesis")

    def unfinished(text):
        raise NotImplementedError()

    cases = [MaskingCase("a", "a", "x")]
    assert "báo lỗi error" in grade_masking(broken, cases).report()
    assert "raise NotImplementedError()" in grade_masking(unfinished, cases).report()
    assert "trả về một đoạn văn bản" in grade_masking(lambda text: None, cases).report()
    assert "Chưa có hàm che_thong_tin" in grade_masking(None, cases).report()


def test_decomposed_unicode_output_still_matches():
    case = MaskingCase("Ông Nguyễn Văn An", "Ông [HỌ TÊN]", "tên")
    result = grade_masking(lambda text: unicodedata.normalize("NFD", "Ông [HỌ TÊN]"), [case])
    assert result.all_passed


@pytest.mark.parametrize(("text", "expected"), [
    ("0912345678", "[SĐT]"), ("0912 345 678", "[SĐT]"), ("0912.345.678", "[SĐT]"),
    ("+84 912 345 678", "[SĐT]"), ("84912345678", "[SĐT]"), ("0084912345678", "[SĐT]"),
    ("01695678945", "[SĐT]"), ("0169 5678945", "[SĐT]"), ("0128.7878.888", "[SĐT]"),
    ("001089012345", "[CCCD]"), ("an.nguyen85@gmail.com", "[EMAIL]"),
    ("sinh ngày 5/3/1985", "sinh ngày [NGÀY SINH]"), ("Ngày sinh: 05-03-1985", "Ngày sinh: [NGÀY SINH]"),
    ("Ông Nguyễn Văn An", "Ông [HỌ TÊN]"), ("bà Trần Thị Bích Ngọc", "bà [HỌ TÊN]"),
])
def test_solution_patterns_mask_every_format_in_the_spec(solution_masker, text, expected):
    assert solution_masker(text) == expected


@pytest.mark.parametrize("text", [
    "1.500.000 đồng", "840.000 đồng", "Số: 05/UBND-VP", "năm 2025", "họp ngày 15/3/2026",
    "Mã số thuế 0100109106", "0001234567890", "các ông, bà đại biểu", "dân số 12.345 người",
])
def test_solution_patterns_leave_non_personal_numbers_alone(solution_masker, text):
    assert solution_masker(text) == text


def test_blank_template_masks_nothing_and_raises_nothing():
    namespace = _source_namespace()
    for name in ("MAU_CCCD", "MAU_EMAIL", "MAU_DIEN_THOAI", "MAU_NGAY_SINH", "MAU_HO_TEN"):
        namespace[name] = "___"
    assert namespace["che_thong_tin"]("CCCD 001089012345") == "CCCD 001089012345"


def test_sample_records_are_fully_masked_as_the_datasheet_counts(solution_masker):
    text = (EXERCISE / "ho_so_mau.txt").read_text(encoding="utf-8")
    counts = json.loads((DATASET / "dap_an_ho_so.json").read_text(encoding="utf-8"))
    masked = solution_masker(text)
    for label in LABELS:
        assert masked.count(label) == counts[label.strip("[]")], label
    assert not re.search(r"\d{9,}", masked.replace(".", "").replace(" ", "")), "a long digit run is left"


def test_generator_reproduces_the_committed_exercise_files(tmp_path):
    names = ["tin_nhan.csv", "dau_hieu.csv", "ho_so_mau.txt"]
    before = {n: (EXERCISE / n).read_bytes() for n in names}
    subprocess.run([sys.executable, str(DATASET / "generate.py")], check=True)
    assert {n: (EXERCISE / n).read_bytes() for n in names} == before
