"""Module 05: the lab's personal-data finder, and grading a masked letter (Câu 2) — honest and gaming copies."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.checks.masking import find_personal_data, mask_personal_data
from autograder.modules import m05_an_toan_thong_tin as m05
from autograder.modules.m05_an_toan_thong_tin import grade_masked_letter

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "05_an_toan_thong_tin"
DATASET = ROOT / "datasets" / "05_an_toan_thong_tin"
LETTER = (EXERCISE / "don_de_nghi.txt").read_text(encoding="utf-8")
NOTEBOOK = nbformat.read(EXERCISE / "05_an_toan_thong_tin.ipynb", as_version=4)
CELLS = {c.get("id"): c.source for c in NOTEBOOK.cells}


def _solution() -> str:
    return re.search(r'### BEGIN SOLUTION\nban_da_che = """(.+?)"""', CELLS["m05-cau-2-tra-loi"], re.S).group(1)


def _blank() -> str:
    return re.search(r'^ban_da_che = """(.+?)"""', CELLS["m05-cau-2-tra-loi"], re.S).group(1)


def _rewrite(text: str, pairs: dict[str, str]) -> str:
    for old, new in pairs.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


HONEST = {
    "solution": _solution(),
    "stars": _rewrite(LETTER, {"Phạm Thị Thanh Lan": "***", "06/3/1980": "***", "038180012345": "***",
                               "0912 345 678": "***", "lan.pham80@gmail.com": "***", "số nhà 25, ngõ 3, ": "",
                               "Lê Văn Hùng": "***", "bệnh lao phổi": "bệnh nặng"}),
    "machine_then_reading": _rewrite(mask_personal_data(LETTER), {
        "số nhà 25, ngõ 3": "[ĐỊA CHỈ]", "Chồng tôi là Lê Văn Hùng đang điều trị bệnh lao phổi":
        "Chồng tôi [HỌ TÊN] đang ốm dài ngày"}),
    "retold": ("Kính gửi: Ủy ban nhân dân xã Đông Hòa.\nNgười viết đơn (đã che thông tin cá nhân) cho biết cơn bão "
               "vừa qua làm tốc mái và đổ tường bếp nhà; chồng đang ốm nặng nên gia đình không đủ tiền sửa. Đề "
               "nghị xã hỗ trợ 15 triệu đồng để sửa mái nhà và tường bếp."),
}

GAMING = {
    "blank_copy": _blank(),
    "everything_deleted": "[ĐÃ CHE]",
    "every_digit_replaced": re.sub(r"\d", "X", LETTER),
    "every_capitalised_word_and_digit": re.sub(r"\b[A-ZĐÀ-Ỹ]\w*|\d+", "[CHE]", LETTER),
    "only_the_first_line_kept": LETTER.splitlines()[0],
    "keep_words_only": "bão mái tường 15.000.000 đồng",
    "request_line_only": LETTER.splitlines()[3],
    "labels_appended": LETTER + "\n[HỌ TÊN] [SỐ ĐỊNH DANH] [SĐT] [EMAIL] [NGÀY SINH] [ĐỊA CHỈ] [SỨC KHỎE]",
}


def test_blank_copy_is_the_original_letter():
    assert " ".join(_blank().split()) == " ".join(LETTER.split())


@pytest.mark.parametrize("name", sorted(HONEST))
def test_honest_masked_letters_earn_full_marks(name):
    result = grade_masked_letter(HONEST[name], LETTER)
    assert result.ok, f"{name}: {result}"


@pytest.mark.parametrize("name", sorted(GAMING))
def test_gaming_masked_letters_earn_at_most_30_percent(name):
    result = grade_masked_letter(GAMING[name], LETTER, max_score=3)
    assert result.score <= 0.9, f"{name}: {result}"


def test_machine_pass_alone_earns_at_most_30_percent_and_names_the_kinds_left():
    result = grade_masked_letter(mask_personal_data(LETTER), LETTER, max_score=3)
    assert 0 < result.score <= 0.9
    report = str(result)
    assert "địa chỉ chi tiết" in report and "họ tên người thân" in report and "sức khỏe" in report
    assert "Lê Văn Hùng" not in report and "lao" not in report.replace("Đã", "")


def test_reading_past_the_machine_earns_most_of_the_points():
    one_missed = _rewrite(mask_personal_data(LETTER), {"số nhà 25, ngõ 3": "[ĐỊA CHỈ]",
                                                        "Lê Văn Hùng": "[HỌ TÊN]"})
    assert 2.0 <= grade_masked_letter(one_missed, LETTER, max_score=3).score < 3.0


def test_the_finder_sees_the_five_patterned_kinds_in_the_letter():
    kinds = [finding.kind for finding in find_personal_data(LETTER)]
    assert kinds == ["họ tên", "ngày sinh", "số định danh cá nhân", "số điện thoại", "email"]


def test_module_key_matches_the_trainer_answer_file():
    key = json.loads((DATASET / "dap_an_don.json").read_text(encoding="utf-8"))
    assert key["personal"] == m05._LETTER_PERSONAL and key["keep"] == m05._LETTER_KEEP


def test_generator_reproduces_the_committed_exercise_files():
    names = ["tin_nhan.csv", "dau_hieu.csv", "don_de_nghi.txt"]
    before = {n: (EXERCISE / n).read_bytes() for n in names}
    keys = {n: (DATASET / n).read_bytes() for n in ("dap_an_tin_nhan.csv", "dap_an_don.json")}
    subprocess.run([sys.executable, str(DATASET / "generate.py")], check=True)
    assert {n: (EXERCISE / n).read_bytes() for n in names} == before
    assert {n: (DATASET / n).read_bytes() for n in keys} == keys


def test_the_lessons_masked_letter_copied_earns_at_most_30_percent():
    lesson = nbformat.read(ROOT / "notebooks" / "05_an_toan_thong_tin.ipynb", as_version=4)
    namespace: dict = {"print": lambda *a, **k: None}
    for cell in lesson.cells:
        if cell.get("id") in ("l05-che-1", "l05-che-3"):
            exec(cell.source, namespace)  # noqa: S102 - the lesson's own code
    assert grade_masked_letter(namespace["ban_da_che"], LETTER, max_score=3).score <= 0.9
