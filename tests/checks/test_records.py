"""Record checks: name keys, dates to ISO, số định danh plausibility, phone numbers, addresses naming a district."""

from __future__ import annotations

import unicodedata
from datetime import date

import pandas as pd
import pytest

from autograder.checks.records import (
    PROVINCE_CODES,
    clean_id,
    has_diacritics,
    id_problems,
    iso_date,
    name_key,
    names_district,
    normalize_phone,
    parse_date,
    strip_diacritics,
    tidy_name,
)


@pytest.mark.parametrize("spelling", ["Nguyễn Thị Lan", "NGUYỄN THỊ LAN", "  nguyễn   thị lan ", "Nguyen Thi Lan",
                                      unicodedata.normalize("NFD", "Nguyễn Thị Lan")])
def test_every_spelling_of_one_name_has_one_key(spelling):
    assert name_key(spelling) == "nguyen thi lan"


def test_d_with_stroke_loses_its_stroke_in_the_key():
    assert name_key("Đặng Đức") == "dang duc" and strip_diacritics("đ") == "d"


def test_different_names_keep_different_keys():
    assert name_key("Nguyễn Thị Lan") != name_key("Nguyễn Thị Loan")


def test_tidy_name_is_nfc_single_spaced_and_capitalised():
    messy = "  " + unicodedata.normalize("NFD", "NGUYỄN   thị lan") + " "
    assert tidy_name(messy) == "Nguyễn Thị Lan"
    assert unicodedata.is_normalized("NFC", tidy_name(messy))


def test_a_name_typed_without_marks_has_no_diacritics():
    assert has_diacritics("Lê Văn An") and not has_diacritics("Le Van An")
    assert has_diacritics(unicodedata.normalize("NFD", "Lê Văn An"))


@pytest.mark.parametrize(("text", "expected"), [
    ("1987-03-05", date(1987, 3, 5)), ("05/03/1987", date(1987, 3, 5)), ("5/3/1987", date(1987, 3, 5)),
    ("5-3-87", date(1987, 3, 5)), ("5.3.1987", date(1987, 3, 5)), ("31841", date(1987, 3, 5)),
    ("12-1-05", date(2005, 1, 12)), ("1-2-58", date(1958, 2, 1)),
])
def test_dates_in_every_format_read_day_first(text, expected):
    assert parse_date(text, reference_year=2025) == expected


@pytest.mark.parametrize("text", ["", "không rõ", "31/02/1990", "13/13/2000", "1990"])
def test_unreadable_dates_give_none(text):
    assert parse_date(text) is None


def test_a_two_digit_year_after_the_reference_year_is_last_century():
    assert parse_date("1-1-30", reference_year=2025).year == 1930
    assert parse_date("1-1-25", reference_year=2025).year == 2025


def test_timestamps_and_missing_values():
    assert parse_date(pd.Timestamp("2001-02-03")) == date(2001, 2, 3)
    assert parse_date(pd.NaT) is None and parse_date(float("nan")) is None
    assert iso_date("05/03/1987") == "1987-03-05" and iso_date("?") == ""


def test_sixty_three_province_codes():
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội" and PROVINCE_CODES["096"] == "Cà Mau" and "003" not in PROVINCE_CODES


def test_a_plausible_number_has_no_problem():
    assert id_problems("001089012345", female=False, birth=date(1989, 5, 1)) == []
    assert id_problems("079 301 234567", female=True, birth=date(2001, 1, 1)) == []


@pytest.mark.parametrize(("number", "female", "born", "word"), [
    ("00108901234", False, date(1989, 1, 1), "12"),
    ("1089012345", False, date(1989, 1, 1), "12"),
    ("003089012345", False, date(1989, 1, 1), "mã tỉnh"),
    ("001189012345", False, date(1989, 1, 1), "giới tính"),
    ("001289012345", False, date(1989, 1, 1), "thế kỷ"),
    ("001090012345", False, date(1989, 1, 1), "năm sinh"),
    ("", None, None, "Thiếu"),
])
def test_implausible_numbers_say_why(number, female, born, word):
    problems = id_problems(number, female=female, birth=born)
    assert problems and any(word in p for p in problems)


def test_clean_id_removes_only_separators():
    assert clean_id(" 001.089-012 345 ") == "001089012345"


@pytest.mark.parametrize(("text", "expected"), [
    ("0912345678", "0912345678"), ("+84 912 345 678", "0912345678"), ("84912345678", "0912345678"),
    ("0084912345678", "0912345678"), ("0912.345.678", "0912345678"), ("912345678", "0912345678"),
    ("(+84) 386-123-456", "0386123456"),
    ("0123456789", ""), ("091234567", ""), ("09123456789", ""), ("0241234567", ""), ("", ""), ("không", ""),
])
def test_phone_numbers_become_one_form_or_empty(text, expected):
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(("address", "expected"), [
    ("thôn Đồng Tâm, xã Vân Khê, huyện Khê Sơn, tỉnh Đông Sơn", True),
    ("thôn Đồng Tâm, xã Vân Khê, Huyện Khê Sơn, tỉnh Đông Sơn", True),
    ("thôn Gò Mít, xã Vân Khê, thị xã Sơn Đình, tỉnh Đông Sơn", True),
    ("số 3, quận Ba Đình, Hà Nội", True),
    ("thon Dong Tam, xa Van Khe, huyen Khe Son, tinh Dong Son", True),
    ("thôn Đồng Tâm, xã Vân Khê Thượng, tỉnh Đông Sơn", False),
    ("thon Dong Tam, xa Van Khe Thuong, tinh Dong Son", False),
    ("thôn Huyền Trang, xã Vân Khê Thượng, tỉnh Đông Sơn", False),
])
def test_addresses_naming_a_district_are_found(address, expected):
    assert names_district(address) is expected
