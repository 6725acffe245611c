"""Number extraction and provenance (autograder/checks/numbers.py): Vietnamese formats, tolerance, sources."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pandas as pd
import pytest

from autograder.checks.numbers import (
    Number,
    extract_numbers,
    format_vi,
    number_supported,
    parse_number,
    unsupported_numbers,
)


def _texts(text):
    return [n.text for n in extract_numbers(text)]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1.234", Decimal("1234")),
        ("2.846.000", Decimal("2846000")),
        ("12,5", Decimal("12.5")),
        ("1.234,5", Decimal("1234.5")),
        ("85.10", Decimal("85.10")),
        ("0.125", Decimal("0.125")),
        ("1,234,567", Decimal("1234567")),
        ("1,234.5", Decimal("1234.5")),
        ("85,10%", Decimal("85.10")),
        ("4,3 triệu", Decimal("4300000")),
        ("3 tỷ", Decimal("3000000000")),
        ("12 nghìn", Decimal("12000")),
    ],
)
def test_parse_number_reads_vietnamese_and_python_formats(written, value):
    assert parse_number(written) == value


def test_parse_number_rejects_text_that_is_not_exactly_one_number():
    assert parse_number("abc") is None
    assert parse_number("1 và 2") is None
    assert parse_number("") is None


def test_dot_with_three_digits_is_a_thousands_separator():
    (number,) = extract_numbers("tiếp nhận 1.234 hồ sơ")
    assert number.value == 1234 and number.kind == "number"


def test_single_comma_group_is_a_decimal_comma_not_english_thousands():
    (number,) = extract_numbers("đạt 1,234 tấn")
    assert number.value == Decimal("1.234")


def test_sentence_final_period_does_not_turn_thousands_into_a_decimal():
    (number,) = extract_numbers("Tổng số hồ sơ là 2.846.")
    assert number.value == 2846


def test_percent_keeps_value_and_written_decimals():
    (number,) = extract_numbers("chiếm 85,10%.")
    assert (number.kind, number.value, number.decimals, number.text) == ("percent", Decimal("85.10"), 2, "85,10%")


def test_scale_word_is_kept_apart_from_the_value():
    (number,) = extract_numbers("thu 4,3 triệu đồng")
    assert (number.value, number.scale, number.scaled_value) == (Decimal("4.3"), 1_000_000, Decimal("4300000.0"))


def test_ty_le_after_a_number_is_not_a_scale_word():
    assert [(n.text, n.scale) for n in extract_numbers("có 2 tỷ lệ, đạt 95% tỷ lệ chung")] == [("2", 1), ("95%", 1)]


def test_dates_times_and_pairs_are_read_by_parts():
    found = {n.text: (n.kind, n.parts) for n in extract_numbers("ngày 29/10/2025 lúc 7h30, 15:00; đạt 12/19 tiêu chí")}
    assert found == {
        "29/10/2025": ("date", (29, 10, 2025)),
        "7h30": ("time", (7, 30)),
        "15:00": ("time", (15, 0)),
        "12/19": ("date", (12, 19)),
    }


def test_iso_date_is_read_as_day_month_year():
    (number,) = extract_numbers("2025-07-01")
    assert number.kind == "date" and number.parts == (1, 7, 2025)


def test_document_numbers_and_glued_codes_are_codes_not_values():
    assert {n.text: n.kind for n in extract_numbers("Nghị định 30/2020/NĐ-CP, Báo cáo 218/BC-UBND, Cục A05")} == {
        "30/2020/NĐ-CP": "code", "218/BC-UBND": "code", "A05": "code",
    }


def test_number_after_word_and_hyphen_is_part_of_a_name():
    assert _texts("dịch COVID-19 và 20 ca") == ["20"]


def test_phone_number_with_leading_zero_is_a_code():
    (number,) = extract_numbers("gọi 0912345678")
    assert number.kind == "code"


def test_sign_is_ignored():
    assert [n.value for n in extract_numbers("giảm -2,5%")] == [Decimal("2.5")]


def test_decomposed_unicode_input_is_normalised():
    decomposed = unicodedata.normalize("NFD", "Thu 4,3 triệu đồng")
    assert [n.text for n in extract_numbers(decomposed)] == ["4,3 triệu"]


def test_positions_point_back_into_the_text():
    text = "Tỷ lệ 85,1% năm 2025"
    assert [text[n.start:n.end] for n in extract_numbers(text)] == ["85,1%", "2025"]


def test_unsupported_numbers_is_empty_when_every_number_is_in_the_source():
    source = "Tiếp nhận 2.846 hồ sơ, trực tuyến 85,10%, ngày 01/07/2025."
    assert unsupported_numbers("Có 2.846 hồ sơ; 85,1% trực tuyến từ 1/7/2025.", source) == []


def test_unsupported_numbers_lists_each_invented_number_once_as_written():
    source = "Tiếp nhận 2.846 hồ sơ, trực tuyến 85,10%."
    assert unsupported_numbers("Có 2.864 hồ sơ, 86% trực tuyến, lại 86% nữa.", source) == ["2.864", "86%"]


def test_rounded_number_is_unsupported_without_rounding_and_supported_with_it():
    source = "Tỷ lệ 85,097%"
    assert unsupported_numbers("đạt 85,1%", source) == ["85,1%"]
    assert unsupported_numbers("đạt 85,1% (khoảng 85%)", source, rounding=True) == []


def test_rounding_tolerance_is_half_a_unit_of_the_last_written_digit():
    source = [85.097]
    assert unsupported_numbers("85,2%", source, rounding=True) == ["85,2%"]
    assert unsupported_numbers("85,10%", source, rounding=True) == []
    assert unsupported_numbers("85,09%", source, rounding=True) == ["85,09%"]
    assert unsupported_numbers("85%", [85.5], rounding=True) == []
    assert unsupported_numbers("85%", [85.51], rounding=True) == ["85%"]


def test_more_precise_number_than_the_source_is_not_supported():
    assert unsupported_numbers("85,097%", "85,1%", rounding=True) == ["85,097%"]


def test_scale_words_match_full_numbers_and_bare_values():
    source = "Thu 4,3 triệu đồng"
    assert unsupported_numbers("4.300.000 đồng, tức 4,3 triệu", source) == []
    assert unsupported_numbers("4,3 tỷ đồng", source) == ["4,3 tỷ"]


def test_day_month_is_backed_by_a_full_date_but_not_the_reverse():
    assert unsupported_numbers("từ 1/7", "từ ngày 01/07/2025") == []
    assert unsupported_numbers("từ 01/07/2025", "từ ngày 1/7") == ["01/07/2025"]
    assert unsupported_numbers("ngày 2/7/2025", "ngày 01/07/2025") == ["2/7/2025"]


def test_codes_compare_as_text():
    assert unsupported_numbers("theo 30/2020/nđ-cp", "Nghị định 30/2020/NĐ-CP") == []
    assert unsupported_numbers("theo 31/2020/NĐ-CP", "Nghị định 30/2020/NĐ-CP") == ["31/2020/NĐ-CP"]


def test_csv_source_offers_every_cell_and_python_decimals():
    source = "linh_vuc,so_ho_so,ty_le\nHộ tịch,120,85.097\nChứng thực,1234,71.5\n"
    narrative = "Hộ tịch có 120 hồ sơ (85,1% trực tuyến); chứng thực 1.234 hồ sơ (71,5%)."
    assert unsupported_numbers(narrative, source, rounding=True) == []


def test_dataframe_source_offers_cells_and_index_labels():
    table = pd.Series([64.29, 76.13], index=pd.Index([7, 12], name="thang")).rename("ty_le").reset_index()
    assert unsupported_numbers("Tháng 7 đạt 64,3%, tháng 12 đạt 76,1%.", table, rounding=True) == []
    assert unsupported_numbers("Tháng 9 đạt 70%.", table, rounding=True) == ["9", "70%"]


def test_iterable_source_ignores_missing_values():
    assert unsupported_numbers("đạt 12", [float("nan"), None, 12]) == []


def test_number_supported_accepts_number_objects_as_candidates():
    candidates = [Number("85,10%", Decimal("85.10"), "percent", 2)]
    (written,) = extract_numbers("85,1")
    assert number_supported(written, candidates)


def test_text_without_numbers_has_nothing_unsupported():
    assert unsupported_numbers("Tình hình an ninh ổn định.", "") == []


@pytest.mark.parametrize(("value", "decimals", "text"), [(1234.5, 1, "1.234,5"), (85, 0, "85"), (0.5, 2, "0,50")])
def test_format_vi_writes_vietnamese_marks(value, decimals, text):
    assert format_vi(value, decimals) == text


def test_format_vi_round_trips_through_parse_number():
    assert parse_number(format_vi(2846123.75, 2)) == Decimal("2846123.75")
