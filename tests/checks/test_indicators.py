"""A figure counts only beside its own indicator (autograder/checks/indicators.py)."""

from __future__ import annotations

import pytest

from autograder.checks.indicators import (
    Indicator,
    Trend,
    figures_by_indicator,
    grade_indicators,
    read_figures,
    trend_stated,
)

SOURCE = ("Xã tiếp nhận 2.997 hồ sơ, trong đó 2.136 hồ sơ nộp trực tuyến, chiếm 71,3%; đúng hạn 99,4%. "
          "Số hộ nghèo còn 85 hộ, chiếm 1,88%. Tỷ lệ tham gia bảo hiểm y tế đạt 92,7%. Năm 2026.")
INDICATORS = [
    Indicator("ho_so", "Số hồ sơ", ("hồ sơ", "tiếp nhận"), "2.997"),
    Indicator("truc_tuyen", "Tỷ lệ trực tuyến", ("trực tuyến",), "71,3%"),
    Indicator("dung_han", "Tỷ lệ đúng hạn", ("đúng hạn", "trước hạn"), "99,4%"),
    Indicator("ho_ngheo", "Tỷ lệ hộ nghèo", ("hộ nghèo",), "1,88%"),
    Indicator("bhyt", "Tỷ lệ BHYT", ("bảo hiểm y tế", "BHYT"), "92,7%"),
]


def _right(text: str) -> set[str]:
    return read_figures(text, INDICATORS, SOURCE).right


def test_each_figure_beside_its_own_indicator_counts():
    text = "Xã tiếp nhận 2.997 hồ sơ, 71,3% nộp trực tuyến. Tỷ lệ hộ nghèo còn 1,88%; BHYT đạt 92,7%."
    assert _right(text) == {"ho_so", "truc_tuyen", "ho_ngheo", "bhyt"}


def test_a_clause_without_an_indicator_continues_the_one_before():
    assert _right("Tỷ lệ tham gia bảo hiểm y tế năm 2026, theo báo cáo của xã, đạt 92,7%.") == {"bhyt"}


def test_the_nearest_indicator_of_a_clause_owns_the_figure_unless_another_fits():
    assert _right("99,4% hồ sơ được giải quyết đúng hạn") == {"dung_han"}
    found = read_figures("Tiếp nhận 71,3% hồ sơ nộp qua bưu điện", INDICATORS, SOURCE)
    assert found.misplaced == ["71,3%"] and found.wrong == {"ho_so"}


def test_figures_traded_between_indicators_count_for_none():
    found = read_figures("Tỷ lệ hộ nghèo là 92,7%. BHYT đạt 1,88%.", INDICATORS, SOURCE)
    assert found.right == set() and found.misplaced == ["92,7%", "1,88%"]


def test_figures_traded_inside_one_clause_are_caught():
    found = read_figures("Hộ nghèo 92,7% bảo hiểm y tế 1,88%", INDICATORS, SOURCE)
    assert found.right == set() and set(found.misplaced) == {"92,7%", "1,88%"}


def test_an_invented_figure_fails_its_indicator_and_a_source_figure_is_harmless():
    found = read_figures("BHYT đạt 89,5%. Có 2.136 hồ sơ nộp trực tuyến, năm 2026.", INDICATORS, SOURCE)
    assert found.invented == ["89,5%"] and found.wrong == {"bhyt"} and found.right == set()


def test_rounding_is_honest_half_a_unit_of_the_last_written_digit():
    assert _right("BHYT đạt 93%.") == {"bhyt"}
    assert _right("BHYT đạt 92,7%.") == {"bhyt"}
    assert "bhyt" not in _right("BHYT đạt 92,6%.")
    assert "bhyt" not in _right("BHYT đạt 90%.")


def test_a_percentage_only_matches_a_percentage():
    indicators = [Indicator("ho_ngheo", "Hộ nghèo", ("hộ nghèo",), "1,88%")]
    assert read_figures("Còn 2 hộ nghèo mới phát sinh.", indicators, "2 hộ").right == set()
    assert read_figures("Hộ nghèo 1,88 phần trăm.", indicators, "").right == {"ho_ngheo"}


def test_numbers_inside_an_indicators_words_are_not_figures():
    months = [Indicator("t7", "Tháng 7", ("tháng 7",), 66.37, percent=True)]
    found = read_figures("Tháng 7 đạt 66,4%.", months, "")
    assert found.right == {"t7"} and not found.invented


def test_grade_gives_partial_points_and_never_shows_expected_figures():
    text = "Xã tiếp nhận 2.997 hồ sơ. BHYT đạt 92,7%."
    result = grade_indicators(text, INDICATORS, source=SOURCE, need=4, max_score=2)
    assert result.score == 1.0
    assert "71,3" not in str(result) and "1,88" not in str(result)


def test_each_stray_figure_takes_away_one_indicator():
    text = "Xã tiếp nhận 2.997 hồ sơ. BHYT đạt 92,7%. Hộ nghèo 71,3%. Cả tỉnh đạt 90%."
    result = grade_indicators(text, INDICATORS, source=SOURCE, need=2)
    assert result.score == 0


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_blank_answers_score_zero(blank):
    assert grade_indicators(blank, INDICATORS, source=SOURCE).score == 0


TREND = Trend(("trực tuyến",), ((("tháng 7",), 66.4), (("tháng 8",), 72.8), (("tháng 9",), 69.4),
                               (("tháng 12",), 83.6)), groups=("hộ tịch", "chứng thực"))


@pytest.mark.parametrize("text", [
    "Tỷ lệ nộp trực tuyến tăng dần qua các tháng.",
    "Tỷ lệ trực tuyến tăng từ 66,4% (tháng 7) lên 83,6% (tháng 12).",
    "Người dân nộp trực tuyến nhiều hơn, từ 66% vào tháng 7 lên 84% vào tháng 12.",
    "Tỷ lệ trực tuyến nhìn chung tăng, riêng tháng 9 giảm nhẹ.",
])
def test_a_trend_stated_in_the_direction_of_the_data(text):
    assert trend_stated(text, TREND) and not read_figures(text, [], "", [TREND]).reversed


@pytest.mark.parametrize("text", [
    "Tỷ lệ nộp trực tuyến giảm dần qua các tháng.",
    "Tỷ lệ trực tuyến giảm từ 83,6% (tháng 7) xuống 66,4% (tháng 12).",
    "Tỷ lệ trực tuyến tháng 9 tăng so với tháng 8.",
])
def test_a_reversed_trend_is_caught(text):
    assert read_figures(text, [], "", [TREND]).reversed


def test_comparisons_between_groups_and_unrelated_sentences_are_not_trends():
    text = "Tỷ lệ trực tuyến của hộ tịch thấp hơn chứng thực. Cần tăng cường tuyên truyền. Hồ sơ giảm."
    assert not read_figures(text, [], "", [TREND]).reversed and not trend_stated(text, TREND)


def test_figures_by_indicator_shows_what_sits_beside_each_indicator_without_the_key():
    named = [(i.key, i.words) for i in INDICATORS]
    found = figures_by_indicator("BHYT đạt 71,3%. Hộ nghèo giảm.", named)
    assert found == {"bhyt": ["71,3%"], "ho_ngheo": []}
