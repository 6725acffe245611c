"""Roster CSV: Excel's UTF-8 with BOM accepted; bad rosters rejected with a Vietnamese message."""

from __future__ import annotations

import pytest

from autograder.course.roster import Learner, RosterError, parse_roster, split_name


def test_excel_utf8_bom_roster_is_read_with_vietnamese_names():
    data = "id,ho_ten,don_vi,email\nhv01,Nguyễn Văn An,UBND xã Tân Lập,an@xa.vn\n".encode("utf-8-sig")
    assert parse_roster(data) == [Learner("hv01", "Nguyễn Văn An", "UBND xã Tân Lập", "an@xa.vn")]


def test_semicolon_separated_roster_from_vietnamese_excel_is_accepted():
    data = "ID;Ho_ten;Don_vi;Email\nhv01;Lê Thị Hoa;Xã A;\n".encode("utf-8-sig")
    assert parse_roster(data)[0].ho_ten == "Lê Thị Hoa"


def test_names_are_normalised_to_nfc():
    nfd = "Nguye\u0302\u0303n"  # "Nguyễn" typed as base letters + combining marks
    learner = parse_roster(f"id,ho_ten,don_vi,email\nhv01,{nfd} An,,\n".encode())[0]
    assert learner.ho_ten == "Nguyễn An"


def test_missing_columns_are_named():
    with pytest.raises(RosterError, match="thiếu cột: don_vi, email"):
        parse_roster(b"id,ho_ten\nhv01,A\n")


def test_duplicate_ids_point_to_both_lines():
    data = b"id,ho_ten,don_vi,email\nhv01,A,,\nhv01,B,,\n"
    with pytest.raises(RosterError, match="dòng 3: mã 'hv01' trùng với dòng 2"):
        parse_roster(data)


def test_windows_1258_or_latin_file_asks_for_utf8():
    data = "id,ho_ten,don_vi,email\nhv01,Nguyễn,,\n".encode("utf-16")
    with pytest.raises(RosterError, match="không phải UTF-8"):
        parse_roster(data)


def test_ids_with_spaces_or_slashes_are_rejected():
    with pytest.raises(RosterError, match="chỉ được gồm"):
        parse_roster(b"id,ho_ten,don_vi,email\n../hv,A,,\n")


def test_vietnamese_given_name_is_the_last_word():
    assert split_name("Nguyễn Thị Minh Khai") == ("Khai", "Nguyễn Thị Minh")
