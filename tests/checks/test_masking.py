"""The lab's personal-data finder and first-pass masker (autograder.checks.masking)."""

from __future__ import annotations

import pytest

from autograder.checks.masking import LABELS, find_personal_data, grade_masked_text, mask_personal_data


@pytest.mark.parametrize(("text", "kind"), [
    ("ĐT: 0912.345.678", "số điện thoại"), ("Số +84 912 345 678", "số điện thoại"),
    ("Nhắn 84912345678.", "số điện thoại"), ("Số cũ 0169 5678945", "số điện thoại"),
    ("Vợ 079301234567.", "số định danh cá nhân"), ("Sinh ngày: 09-12-1975.", "ngày sinh"),
    ("Gửi bà Trần Thị Bích Ngọc (thôn Đông).", "họ tên"), ("Gửi hoa_tran1990@yahoo.com.vn", "email"),
])
def test_the_finder_reads_the_written_forms_people_use(text, kind):
    assert [f.kind for f in find_personal_data(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Hỗ trợ 1.500.000 đồng năm 2025.", "Theo Số: 05/UBND-VP ngày 20/10/2025.", "Mã số thuế 0100109106.",
    "Mã hồ sơ 0001234567890 (13 chữ số).", "Kính mời các ông, bà đại biểu và ông Chủ tịch.",
])
def test_the_finder_leaves_money_document_numbers_and_bare_titles_alone(text):
    assert find_personal_data(text) == [] and mask_personal_data(text) == text


def test_masking_keeps_the_cue_word_and_uses_the_labels():
    assert mask_personal_data("Ông Lò Văn Páo, sinh ngày 5/3/1985.") == \
        f"Ông {LABELS['họ tên']}, sinh ngày {LABELS['ngày sinh']}."


def test_grading_counts_items_removed_and_caps_when_needed_content_is_gone():
    original = "Bà Lò Thị Mai, điện thoại 0912 345 678, đề nghị hỗ trợ 5.000.000 đồng sửa nhà."
    personal = {"họ tên": ["Lò Thị Mai"], "số điện thoại": ["0912345678"]}
    keep = {"số tiền": ["5.000.000"], "việc": ["sửa nhà"]}
    half = grade_masked_text("Bà [HỌ TÊN], điện thoại 0912.345.678, đề nghị hỗ trợ 5.000.000 đồng sửa nhà.",
                             original, personal, keep, max_score=2)
    assert half.score == 1.0 and "số điện thoại" in str(half) and "0912" not in str(half)
    gutted = grade_masked_text("Bà [HỌ TÊN], điện thoại [SĐT], đề nghị hỗ trợ.", original, personal, keep)
    assert gutted.score <= 0.25 and "số tiền" in str(gutted)
    assert grade_masked_text(original, original, personal, keep).score == 0
    assert grade_masked_text("", original, personal, keep).score == 0
