"""autograder.checks.legal_basis: outdated legal bases found by date, with what to cite now and a source."""

import datetime as dt

import pytest

from autograder.checks.legal_basis import check_legal_basis, find_superseded, load_table, names_current

AFTER = dt.date(2026, 3, 16)
ROWS = {row.id: row for row in load_table()}


def test_every_row_has_a_source_a_date_and_phrases():
    assert set(ROWS) >= {"luat_tccqdp_2015", "nghi_dinh_13_2023", "cap_huyen"}
    for row in ROWS.values():
        assert row.phrases and row.current and "http" in row.source and row.since.year >= 2025


@pytest.mark.parametrize("text, rule", [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "legal_basis.luat_tccqdp_2015"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;", "legal_basis.luat_tccqdp_2015"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 65/2025/QH15;", "legal_basis.luat_tccqdp_65_2025"),
    ("Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ;", "legal_basis.nghi_dinh_13_2023"),
    ("Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân huyện Tân Phú;", "legal_basis.cap_huyen"),
    ("Giao Phòng Tư pháp huyện phối hợp thực hiện.", "legal_basis.cap_huyen"),
    ("Theo đề nghị của UỶ BAN NHÂN DÂN HUYỆN Tân Phú;", "legal_basis.cap_huyen"),
    ("Phối hợp với Phòng Lao động – Thương binh và Xã hội huyện.", "legal_basis.cap_huyen"),
])
def test_outdated_citations_are_found(text, rule):
    assert [finding.rule for finding in find_superseded(text, AFTER)] == [rule]


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
    "Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15;",
    "Căn cứ Nghị định số 356/2025/NĐ-CP ngày 31 tháng 12 năm 2025;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Căn cứ Nghị định số 113/2023/NĐ-CP;",  # a number that merely ends like an outdated one
    "Ủy ban nhân dân xã Tân Phú; Phòng Văn hóa - Xã hội.",
])
def test_current_citations_are_not_flagged(text):
    assert find_superseded(text, AFTER) == []


def test_the_quote_is_the_original_text_not_a_normalised_copy():
    finding = find_superseded("Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023", AFTER)[0]
    assert finding.quote == "13/2023/NĐ-CP" and finding.message.startswith("«13/2023/NĐ-CP»")


def test_a_document_dated_before_the_change_is_not_flagged():
    text = "Căn cứ Nghị định số 13/2023/NĐ-CP; Căn cứ Quyết định của Ủy ban nhân dân huyện Tân Phú;"
    assert find_superseded(text, dt.date(2025, 5, 2)) == []
    assert [f.rule for f in find_superseded(text, dt.date(2025, 9, 1))] == ["legal_basis.cap_huyen"]


def test_message_names_the_date_and_the_current_basis():
    finding = find_superseded("Căn cứ Nghị định 13/2023/NĐ-CP", AFTER)[0]
    assert "01/01/2026" in finding.message and "91/2025/QH15" in finding.message
    result = check_legal_basis("Căn cứ Nghị định 13/2023/NĐ-CP", AFTER, 1)
    assert result.score == 0 and result.messages == [finding.message]
    assert check_legal_basis("Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", AFTER, 1).ok


def test_names_current_accepts_the_successor_and_rejects_padding_or_the_old_one():
    law = ROWS["luat_tccqdp_2015"]
    assert names_current("Luật Tổ chức chính quyền địa phương số 72/2025/QH15", law)
    assert not names_current("72/2025/QH15; 91/2025/QH15; 356/2025/NĐ-CP", law)
    assert not names_current("Luật Tổ chức chính quyền địa phương năm 2015", law)
    data = ROWS["nghi_dinh_13_2023"]
    assert names_current("Nghị định 356/2025/NĐ-CP", data) and names_current("Luật 91/2025/QH15", data)
    district = ROWS["cap_huyen"]
    assert names_current("Bỏ căn cứ này", district)
    assert names_current("Kế hoạch của Ủy ban nhân dân tỉnh về rà soát hộ nghèo", district)
    assert not names_current("Ủy ban nhân dân huyện", district)
    assert not names_current("72/2025/QH15", district)
