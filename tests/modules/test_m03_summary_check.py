"""Module 03 grading functions (autograder/modules/m03_tom_tat_bao_cao.py) and the shipped report/AI summary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from autograder.checks.numbers import unsupported_numbers
from autograder.modules.m03_tom_tat_bao_cao import (
    KeyFact,
    check_error_sentences,
    check_figures_table,
    check_length,
    check_numbers,
    covered_facts,
    figure_after,
    key_facts_03,
    key_figures_03,
    missing_facts,
    number_sentences,
    sentences_with_unsupported_numbers,
    word_count,
)

EXERCISE = Path(__file__).resolve().parents[2] / "exercises" / "03_tom_tat_bao_cao"


@pytest.fixture(scope="module")
def report() -> str:
    return (EXERCISE / "bao_cao_6_thang.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ai_summary() -> str:
    return (EXERCISE / "tom_tat_ai.txt").read_text(encoding="utf-8")


def test_word_count_ignores_punctuation_only_tokens():
    assert word_count("Xã đạt 85,1% – vượt kế hoạch .") == 6


def test_check_length_flags_empty_short_and_long_texts():
    assert "trống" in check_length("   ", 150)[0]
    assert "quá ngắn" in check_length("một hai ba", 150, min_words=40)[0]
    assert "vượt giới hạn 5 từ" in check_length("một hai ba bốn năm sáu", 5)[0]
    assert check_length("một hai ba", 5) == []


def test_key_fact_needs_its_number_and_a_keyword():
    fact = KeyFact("bhyt", "Tỷ lệ BHYT", "92,7%", ("bảo hiểm y tế", "BHYT"))
    assert covered_facts("Tỷ lệ tham gia BHYT đạt 92,7%.", [fact]) == [fact]
    assert covered_facts("Tỷ lệ tham gia BHYT đạt 92,8%.", [fact]) == []
    assert covered_facts("Có 92,7% hồ sơ trực tuyến.", [fact]) == []
    assert missing_facts("Tỷ lệ tham gia BHYT đạt 92,7%.", [fact]) == []


def test_check_numbers_names_each_invented_figure(report):
    messages = check_numbers("Xã tiếp nhận 9.999 hồ sơ, năm 2026.", report, min_numbers=1)
    assert len(messages) == 1 and "9.999" in messages[0]


def test_check_numbers_requires_enough_figures():
    assert "ít nhất 4" in check_numbers("Tình hình ổn định.", "", min_numbers=4)[0]


def test_number_sentences_reads_a_numbered_list():
    assert number_sentences("1. Câu một.\n(2) Câu hai.\nkhông đánh số\n3) Câu ba.") == {
        1: "Câu một.", 2: "Câu hai.", 3: "Câu ba.",
    }


def test_check_error_sentences_reports_missed_extra_and_out_of_range():
    assert check_error_sentences([2, 5], [2, 5], total=9) == []
    messages = check_error_sentences([2, 3, 12], [2, 5], total=9)
    assert any("chưa tìm ra" in m for m in messages)
    assert any("thực ra đúng" in m for m in messages)
    assert any("[12]" in m for m in messages)


@pytest.mark.parametrize("bad", [None, "2, 5", ["hai"]])
def test_check_error_sentences_rejects_answers_that_are_not_lists_of_numbers(bad):
    assert check_error_sentences(bad, [2], total=9)


def test_figure_after_follows_anchors_in_order():
    text = "Tổng thu ngân sách 6 tháng đạt 11,94 tỷ đồng, bằng 76% dự toán. Chi bằng 52,8%."
    assert figure_after(text, ("Tổng thu ngân sách", "bằng")) == "76%"
    assert figure_after(text, ("không có",)) is None


def test_report_yields_all_eight_key_facts_from_its_own_text(report):
    facts = key_facts_03(report)
    assert [f.fact_id for f in facts] == [
        "ho_so", "truc_tuyen", "dung_han", "ngan_sach", "ho_ngheo", "bhyt", "san_luong_lua", "viec_lam",
    ]
    assert all(not unsupported_numbers(f.number, report) for f in facts)


def test_key_facts_raise_a_clear_error_when_the_report_was_edited():
    with pytest.raises(ValueError, match="Không tìm thấy"):
        key_facts_03("Báo cáo trống.")


def test_figures_table_accepts_text_or_numbers_and_names_wrong_rows(report):
    expected = key_figures_03(report)
    labels = list(expected)
    right = pd.DataFrame({"chi_tieu": labels, "so_lieu": list(expected.values())})
    assert check_figures_table(right, expected, "chi_tieu", "so_lieu") == []
    wrong = right.copy()
    wrong.loc[0, "so_lieu"] = "1"
    wrong.loc[1, "so_lieu"] = ""
    messages = check_figures_table(wrong, expected, "chi_tieu", "so_lieu")
    assert len(messages) == 2 and labels[0] in messages[0] and "chưa có số liệu" in messages[1]


def test_figures_table_accepts_python_numbers(report):
    expected = {"Tổng": "2.997", "Tỷ lệ": "71,3%"}
    table = pd.DataFrame({"chi_tieu": ["Tổng", "Tỷ lệ"], "so_lieu": [2997, 71.3]})
    assert check_figures_table(table, expected, "chi_tieu", "so_lieu") == []


def test_figures_table_needs_the_two_columns():
    assert "hai cột" in check_figures_table(pd.DataFrame({"a": [1]}), {}, "chi_tieu", "so_lieu")[0]


def test_shipped_ai_summary_has_planted_number_errors_in_sentences_2_5_6(report, ai_summary):
    assert sentences_with_unsupported_numbers(ai_summary, report) == [2, 5, 6]


def test_invented_sentences_of_the_ai_summary_hold_no_wrong_number(report, ai_summary):
    sentences = number_sentences(ai_summary)
    assert len(sentences) == 9
    for index in (4, 8):
        assert unsupported_numbers(sentences[index], report) == []


def test_report_is_long_enough_for_six_pages_and_has_both_parts(report):
    assert 2400 <= word_count(report) <= 4000
    for heading in ("PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "KINH TẾ", "VĂN HÓA – XÃ HỘI", "QUỐC PHÒNG – AN NINH",
                    "CẢI CÁCH HÀNH CHÍNH", "Tồn tại, hạn chế"):
        assert heading in report
    assert "huyện" not in report.lower()


def _generator():
    import importlib.util

    path = EXERCISE.parents[1] / "datasets" / "03_tom_tat_bao_cao" / "generate.py"
    spec = importlib.util.spec_from_file_location("generate_m03", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeded_generator_reproduces_the_shipped_files(report, ai_summary):
    generator = _generator()
    figures = generator.draw_figures(seed=2026)
    assert generator.nfc(generator.report_text("Vân Khê Thượng", "118", figures)) == report
    assert generator.nfc(generator.ai_summary_text("Vân Khê Thượng", figures)[0]) == ai_summary


def test_shipped_texts_are_nfc(report, ai_summary):
    import unicodedata

    assert unicodedata.is_normalized("NFC", report) and unicodedata.is_normalized("NFC", ai_summary)
