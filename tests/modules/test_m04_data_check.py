"""Module 04 grader (autograder/modules/m04_phan_tich_so_lieu.py) and the shipped CSV of hồ sơ TTHC."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from autograder.modules import m04_phan_tich_so_lieu as m04  # noqa: E402
from autograder.modules.m04_phan_tich_so_lieu import (  # noqa: E402
    as_series,
    grade_chart,
    grade_count,
    grade_narrative_figures,
    grade_narrative_trend,
    grade_rate,
    grade_series,
    load_records,
    month_key,
    narrative_hints,
    read_pasted_table,
)

CSV = Path(__file__).resolve().parents[2] / "exercises" / "04_phan_tich_so_lieu" / "ho_so_tthc.csv"


def reference(path) -> tuple[dict, pd.DataFrame]:
    """The figures the exercise grades, computed here as the hidden test cells compute them."""
    raw = load_records(path)
    data = raw.assign(kenh_nop=raw["kenh_nop"].str.strip().str.capitalize()).drop_duplicates("ma_ho_so")
    for column in ("ngay_nhan", "ngay_hen_tra", "ngay_tra"):
        data[column] = pd.to_datetime(data[column].replace("", None), format="%d/%m/%Y")
    returned = data[data["ngay_tra"].notna()]
    online = data["kenh_nop"] == "Trực tuyến"
    return {
        "so_ho_so": len(data),
        "ty_le_dung_han": (returned["ngay_tra"] <= returned["ngay_hen_tra"]).mean() * 100,
        "theo_thang": online.groupby(data["ngay_nhan"].dt.month).mean() * 100,
        "theo_linh_vuc": online.groupby(data["linh_vuc"]).mean() * 100,
    }, data


@pytest.fixture(scope="module")
def results() -> dict:
    return reference(CSV)[0]


def test_the_grader_module_computes_no_expected_figure():
    assert not {"expected_results", "on_time_rate", "online_rate_by", "online_rate_by_month", "clean_records",
                "narrative_source"} & set(dir(m04))


def test_shipped_csv_has_planted_issues_and_realistic_rates(results):
    raw = load_records(CSV)
    assert raw["ma_ho_so"].duplicated().sum() == 9
    assert raw["kenh_nop"].nunique() > 2
    assert results["so_ho_so"] == len(raw) - 9
    assert 95 <= results["ty_le_dung_han"] <= 99.5
    assert list(results["theo_thang"].index) == [7, 8, 9, 10, 11, 12]
    assert results["theo_thang"][12] > results["theo_thang"][7]


def test_count_and_rate_accept_typed_figures_and_explain_fractions(results):
    assert grade_count(results["so_ho_so"], results["so_ho_so"], "so_ho_so").ok
    assert grade_count(str(results["so_ho_so"]), results["so_ho_so"], "so_ho_so").ok
    assert grade_count(1395, results["so_ho_so"], "so_ho_so").score == 0
    assert grade_rate(98.3, 98.26, "ty_le").ok and grade_rate("98,3", 98.26, "ty_le").ok
    assert grade_rate(98.2, 98.26, "ty_le").score == 0
    assert "nhân với 100" in str(grade_rate(0.9826, 98.26, "ty_le"))
    assert grade_rate(None, 98.26, "ty_le").score == 0


@pytest.mark.parametrize("label", [7, "7", "Tháng 7", "07/2025", pd.Timestamp("2025-07-01"), pd.Period("2025-07")])
def test_month_key_reads_many_month_labels(label):
    assert month_key(label) == 7


def test_pasted_spreadsheet_columns_are_read_with_decimal_commas():
    pasted = "thang\ttt\nTháng 7\t66,37\n8\t72,8%\n\nTổng\t76,05"
    assert read_pasted_table(pasted) == {"Tháng 7": 66.37, "8": 72.8, "Tổng": 76.05}
    assert read_pasted_table("Hộ tịch;78,0\nChứng thực  75,7") == {"Hộ tịch": 78.0, "Chứng thực": 75.7}
    assert as_series({"Tháng 7": 66.4}).to_dict() == {"Tháng 7": 66.4}


def test_series_scores_each_group_and_penalises_extra_groups(results):
    expected = results["theo_linh_vuc"]
    assert grade_series(expected.iloc[::-1], expected, "theo_linh_vuc").ok
    wrong = expected.copy()
    wrong.iloc[0] += 1
    assert grade_series(wrong, expected, "theo_linh_vuc").score == pytest.approx(0.67)
    assert grade_series(pd.Series([76.0] * 3, index=expected.index), expected, "x").score == 0
    assert "thập phân" in str(grade_series(expected / 100, expected, "theo_linh_vuc"))
    months = results["theo_thang"]
    pasted = {f"Tháng {m}": round(v, 1) for m, v in months.items()}
    assert grade_series(pasted, months, "theo_thang", by_month=True).ok
    padded = {**pasted, "Tháng 6": 50.0, "Tổng": 76.0}
    assert grade_series(padded, months, "theo_thang", by_month=True).score < 1


def _bar_chart(values, title="Tỷ lệ hồ sơ nộp trực tuyến theo tháng", xlabel="Tháng", ylabel="Tỷ lệ (%)"):
    fig, ax = plt.subplots()
    ax.bar(values.index.astype(str), values.to_numpy())
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def test_chart_needs_telling_vietnamese_labels_and_the_right_data(results):
    months = results["theo_thang"]
    fig = _bar_chart(months)
    assert grade_chart(fig, months).ok and grade_chart(fig.axes[0], months).ok
    assert grade_chart(_bar_chart(months + 5), months).score == 0.5
    assert grade_chart(_bar_chart(months, title="Biểu đồ", xlabel="ă", ylabel="ơ"), months).score == 0
    assert grade_chart(_bar_chart(months, xlabel="thang"), months).score == 0
    assert grade_chart(None, months).score == 0
    plt.close("all")


def test_chart_reads_horizontal_bars_and_lines(results):
    months = results["theo_thang"]
    fig, ax = plt.subplots()
    ax.barh([str(m) for m in months.index], months.to_numpy())
    ax.set_title("Tỷ lệ nộp trực tuyến")
    ax.set_xlabel("Tỷ lệ (%) theo tháng")
    ax.set_ylabel("Tháng, tỷ lệ %")
    assert grade_chart(fig, months).ok
    plt.close("all")


def test_narrative_hints_accept_the_learners_own_rounded_figures(results):
    text = "Tiếp nhận 1.386 hồ sơ, 98,3% đúng hạn; tháng 11 đạt 84,5% năm 2025; hộ tịch 78,0%."
    own = (results["so_ho_so"], results["ty_le_dung_han"], results["theo_thang"], results["theo_linh_vuc"], 2025)
    assert narrative_hints(text, *own) == []
    assert narrative_hints(text + " Cả tỉnh đạt 90%.", *own) == ["Số «90%» không có trong các số bạn đã tính: "
                                                                 "sửa hoặc bỏ đi."]
    pasted = {f"Tháng {m}": round(v, 1) for m, v in results["theo_thang"].items()}
    assert narrative_hints("Tháng 11 đạt 84,5%.", pasted) == []


def test_narrative_figures_count_only_beside_their_indicator(results):
    right = "Tháng 7 đạt 66,4%, tháng 11 đạt 84,5%; 98,3% hồ sơ được giải quyết đúng hạn."
    assert grade_narrative_figures(right, results).ok
    swapped = "Tháng 7 đạt 84,5%, tháng 11 đạt 66,4%; 98,3% hồ sơ được giải quyết đúng hạn."
    assert grade_narrative_figures(swapped, results).score == 0


def test_narrative_trend_must_follow_the_data(results):
    up = "Tỷ lệ nộp trực tuyến tăng từ 66,4% trong tháng 7 lên 83,6% trong tháng 12."
    assert grade_narrative_trend(up, results).ok
    down = "Tỷ lệ nộp trực tuyến giảm từ 84,5% trong tháng 7 xuống 66,4% trong tháng 12."
    assert grade_narrative_trend(down, results).score == 0
    reversed_words = "Tỷ lệ nộp trực tuyến giảm dần qua các tháng: tháng 7 đạt 66,4%, tháng 12 đạt 83,6%."
    assert grade_narrative_trend(reversed_words, results).score == 0
    assert grade_narrative_figures(reversed_words, results).score < 2
    silent = "Tháng 7 đạt 66,4%, tháng 12 đạt 83,6%."
    assert grade_narrative_trend(silent, results).score == 0


def test_a_dip_between_two_months_is_not_a_reversed_trend(results):
    text = ("Tỷ lệ nộp trực tuyến nhìn chung tăng, riêng tháng 9 giảm nhẹ còn 69,4%. Hồ sơ nuôi con nuôi nộp "
            "trực tuyến thấp hơn hẳn, chỉ 40,0%.")
    assert grade_narrative_trend(text, results).ok


def test_seeded_generator_reproduces_the_shipped_csv(tmp_path):
    import importlib.util
    import unicodedata

    path = CSV.parents[2] / "datasets" / "04_phan_tich_so_lieu" / "generate.py"
    spec = importlib.util.spec_from_file_location("generate_m04", path)
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    rows = generator.plant_issues(generator.make_records(seed=20251231, prefix="VKT", per_day=(7, 14)), seed=4)
    generator.write(rows, tmp_path / "ho_so.csv")
    shipped = CSV.read_text(encoding="utf-8")
    assert (tmp_path / "ho_so.csv").read_text(encoding="utf-8") == shipped
    assert unicodedata.is_normalized("NFC", shipped)
