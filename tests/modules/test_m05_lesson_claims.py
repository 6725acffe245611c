"""Lesson 05 says what the lab's finder sees and misses; run the lesson's cells and compare. Plus wording."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from autograder.checks.masking import find_personal_data

ROOT = Path(__file__).resolve().parents[2]
LESSON = nbformat.read(ROOT / "notebooks" / "05_an_toan_thong_tin.ipynb", as_version=4)
CELLS = {c.get("id"): c for c in LESSON.cells}
MODULE_FILES = [ROOT / "notebooks" / "01_lam_quen.ipynb", ROOT / "notebooks" / "05_an_toan_thong_tin.ipynb",
                ROOT / "exercises" / "01_lam_quen" / "01_lam_quen.ipynb",
                ROOT / "exercises" / "05_an_toan_thong_tin" / "05_an_toan_thong_tin.ipynb"]


def _run(*cell_ids: str) -> dict:
    namespace: dict = {"print": lambda *a, **k: None}
    for cell_id in cell_ids:
        exec(CELLS[cell_id].source, namespace)  # noqa: S102 - the lesson's own code
    return namespace


def test_machine_pass_masks_what_the_lesson_says_and_leaves_what_it_says():
    ns = _run("l05-che-1", "l05-che-3")
    kinds = [f.kind for f in find_personal_data(ns["don"])]
    assert kinds == ["họ tên", "ngày sinh", "số định danh cá nhân", "số điện thoại"]
    for left in ("số nhà 8, ngõ 2", "Nguyễn Văn Tú", "tai nạn lao động", "5.000.000"):
        assert left in ns["ban_may_che"], left
    prose = CELLS["l05-che-2"].source
    assert '"số nhà 8, ngõ 2"' in prose and "họ tên người con" in prose and "`5.000.000`" in prose
    assert find_personal_data(ns["ban_da_che"]) == []
    assert "Nguyễn Văn Tú" not in ns["ban_da_che"] and "tai nạn" not in ns["ban_da_che"]


def test_the_try_it_example_behaves_as_described():
    prose = CELLS["l05-kiem-tra-3"].source
    sample = re.search(r'\*"(.+?)"\*', prose, re.S).group(1).replace("\n", " ")
    found = find_personal_data(sample)
    assert [f.kind for f in found] == ["họ tên", "số điện thoại", "số điện thoại", "số định danh cá nhân"]
    assert found[0].text == "Lò Văn Páo" and not any("Mai" in f.text for f in found)
    assert [f.kind for f in find_personal_data("Bà Chủ Tịch Hội Phụ Nữ")] == ["họ tên"]


def test_lesson_teaches_the_three_texts_with_their_numbers_and_dates():
    text = "\n".join(c.source for c in LESSON.cells)
    for fact in ("29/2018/QH14", "Điều 5", "91/2025/QH15", "01/01/2026", "356/2025/NĐ-CP",
                 "thay thế Nghị định 13/2023", "134/2025/QH15", "01/03/2026", "557/BKHCN-CĐSQG"):
        assert fact in text, fact
    assert "Công văn 557/BKHCN-CĐSQG** (31/03/2025) của Bộ Khoa học và Công nghệ — văn bản **hướng dẫn**" in text


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: p.name)
def test_wording_uses_current_terms(path):
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    assert "CCCD" not in text
    assert not re.search(r"Văn phòng UBND", text)
    assert "mã số thuế bắt đầu bằng" not in text
    assert "exercises/" not in text
