"""Module 03 grader (autograder/modules/m03_tom_tat_bao_cao.py) and the shipped report and AI summary."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from autograder.checks.numbers import extract_numbers, unsupported_numbers
from autograder.modules import m03_tom_tat_bao_cao as m03
from autograder.modules.m03_tom_tat_bao_cao import (
    TABLE_ROWS_03,
    grade_error_sentences,
    grade_figures_table,
    grade_length,
    grade_summary_figures,
    grade_summary_honesty,
    number_sentences,
    summary_hints,
    table_hints,
    word_count,
)

REPO = Path(__file__).resolve().parents[2]
EXERCISE = REPO / "exercises" / "03_tom_tat_bao_cao"
# Where each figure sits in the report: anchors read one after another, then the first number.
ANCHORS = {
    "ho_so": ("Trung tâm Phục vụ hành chính công xã đã tiếp nhận",),
    "truc_tuyen": ("nộp trực tuyến là", "chiếm"),
    "dung_han": ("đúng hạn và trước hạn", "đạt"),
    "ngan_sach": ("Tổng thu ngân sách", "bằng"),
    "ho_ngheo": ("Số hộ nghèo hiện còn", "chiếm tỷ lệ"),
    "bhyt": ("tham gia bảo hiểm y tế đạt",),
    "san_luong_lua": ("sản lượng lúa ước đạt",),
    "viec_lam": ("giải quyết việc làm cho",),
}


def figure_after(text: str, anchors) -> str | None:
    """The first number written after the anchors, found one after another."""
    position = 0
    for anchor in anchors:
        position = text.find(anchor, position)
        if position < 0:
            return None
        position += len(anchor)
    found = [n for n in extract_numbers(text[position:]) if n.kind in ("number", "percent")]
    return found[0].text if found else None


@pytest.fixture(scope="module")
def report() -> str:
    return (EXERCISE / "bao_cao_6_thang.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ai_summary() -> str:
    return (EXERCISE / "tom_tat_ai.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def key(report) -> dict[str, str]:
    return {name: figure_after(report, anchors) for name, anchors in ANCHORS.items()}


def test_word_count_ignores_punctuation_only_tokens():
    assert word_count("Xã đạt 85,1% – vượt kế hoạch .") == 6


def test_grade_length_flags_empty_short_and_long_texts():
    assert "trống" in str(grade_length("   ", 150))
    assert "quá ngắn" in str(grade_length("một hai ba", 150, min_words=40))
    assert "vượt giới hạn 5 từ" in str(grade_length("một hai ba bốn năm sáu", 5))
    assert grade_length("một hai ba", 5).ok
    assert grade_length(None, 5).score == 0


def test_the_grader_module_offers_no_function_that_returns_the_report_figures():
    public = set(m03.__all__)
    assert not {"key_figures_03", "key_facts_03", "figure_after", "sentences_with_unsupported_numbers"} & public
    assert all(not hasattr(m03, name) for name in ("key_figures_03", "key_facts_03", "REPORT_03_FACTS"))


def test_the_hidden_key_of_the_exercise_matches_the_report(key):
    notebook = (EXERCISE / "03_tom_tat_bao_cao.ipynb").read_text(encoding="utf-8")
    for name, figure in key.items():
        assert f'\\"{name}\\": \\"{figure}\\"' in notebook, name


def test_table_rows_are_the_six_table_indicators():
    assert TABLE_ROWS_03 == ("ho_so", "truc_tuyen", "dung_han", "ngan_sach", "ho_ngheo", "bhyt")


def _table(values) -> pd.DataFrame:
    labels = [label for key, label, _ in m03.INDICATORS_03 if key in TABLE_ROWS_03]
    return pd.DataFrame({"chi_tieu": labels, "so_lieu": values})


def test_figures_table_scores_each_row_and_rejects_rotated_figures(key):
    right = [key[k] for k in TABLE_ROWS_03]
    table_key = {k: key[k] for k in TABLE_ROWS_03}
    assert grade_figures_table(_table(right), table_key).ok
    assert grade_figures_table(_table([2997, 71.3, 99.4, 76, 1.88, 92.7]), table_key).ok
    rotated = right[1:] + right[:1]
    assert grade_figures_table(_table(rotated), table_key).score == 0
    half = right[:3] + ["1", "2", "3"]
    assert grade_figures_table(_table(half), table_key).score == pytest.approx(1.0)


def test_figures_table_messages_name_rows_but_never_the_expected_figures(key):
    table_key = {k: key[k] for k in TABLE_ROWS_03}
    result = grade_figures_table(_table(["1"] * 6), table_key)
    assert result.score == 0
    assert not any(figure in str(result) for figure in table_key.values())


def test_table_hints_check_form_only(report):
    assert table_hints(pd.DataFrame({"a": [1]}))[0].startswith("Bảng số liệu cần")
    hints = table_hints(_table(["", "71,3%", "9.999", "76%", "1,88%", "92,7%"]), report=report)
    assert len(hints) == 2 and "đúng một con số" in hints[0] and "9.999" in hints[1]


def test_error_sentences_penalise_wrong_picks():
    assert grade_error_sentences([2, 5, 6], [2, 5, 6], total=9).ok
    assert grade_error_sentences([2, 6], [2, 5, 6], total=9).score == pytest.approx(0.67)
    assert grade_error_sentences(list(range(1, 10)), [2, 5, 6], total=9).score == 0
    assert grade_error_sentences(list(range(1, 10)), [4, 8], total=9).score == 0
    assert grade_error_sentences([2, 3, 12], [2, 5], total=9).score == 0


@pytest.mark.parametrize("bad", [None, "2, 5", ["hai"]])
def test_error_sentences_reject_answers_that_are_not_lists_of_numbers(bad):
    assert grade_error_sentences(bad, [2], total=9).score == 0


def test_shipped_ai_summary_has_two_figures_the_report_lacks_and_one_traded(report, ai_summary, key):
    sentences = number_sentences(ai_summary)
    assert len(sentences) == 9
    assert [i for i, s in sentences.items() if unsupported_numbers(s, report)] == [2, 6]
    traded = grade_summary_figures(sentences[5], key, report, need=1)
    assert traded.score == 0 and key["truc_tuyen"] in sentences[5]
    for index in (4, 8):
        assert unsupported_numbers(sentences[index], report) == []


def test_summary_hints_name_figures_the_report_lacks_and_indicators_without_figures(report):
    hints = summary_hints("Tỷ lệ tham gia bảo hiểm y tế tăng. Xã tiếp nhận 9.999 hồ sơ.", report)
    assert any("9.999" in h for h in hints) and any("bảo hiểm y tế" in h for h in hints)


def test_report_is_long_enough_for_six_pages_and_has_both_parts(report):
    assert 2400 <= word_count(report) <= 4000
    for heading in ("PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "KINH TẾ", "VĂN HÓA – XÃ HỘI", "QUỐC PHÒNG – AN NINH",
                    "CẢI CÁCH HÀNH CHÍNH", "Tồn tại, hạn chế"):
        assert heading in report
    assert "huyện" not in report.lower()


def test_commune_police_receive_reports_and_do_not_investigate(report):
    lesson = (REPO / "notebooks" / "data" / "03_bao_cao_mau.txt").read_text(encoding="utf-8")
    for text in (report, lesson):
        assert "Công an xã đã điều tra" not in text
        assert "Công an xã đã tiếp nhận tin báo, kiểm tra, xác minh sơ bộ" in text


def _generator():
    import importlib.util

    path = REPO / "datasets" / "03_tom_tat_bao_cao" / "generate.py"
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
    assert unicodedata.is_normalized("NFC", report) and unicodedata.is_normalized("NFC", ai_summary)


def test_honesty_needs_a_shortcoming_and_no_false_claim(report, key):
    good = ("Xã tiếp nhận 2.997 hồ sơ, 71,3% nộp trực tuyến. Thu ngân sách bằng 76% dự toán. Tỷ lệ hộ nghèo "
            "còn 1,88%. Tỷ lệ tham gia bảo hiểm y tế đạt 92,7%, chưa đạt mục tiêu.")
    assert grade_summary_honesty(good, key, report, ["không có hồ sơ trễ hạn"]).ok
    boast = good.replace(", chưa đạt mục tiêu", "")
    assert not grade_summary_honesty(boast, key, report).ok
    copied = good + " Không có hồ sơ trễ hạn."
    assert not grade_summary_honesty(copied, key, report, ["không có hồ sơ trễ hạn"]).ok
