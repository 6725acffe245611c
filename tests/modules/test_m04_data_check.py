"""Module 04 grading functions (autograder/modules/m04_phan_tich_so_lieu.py) and the shipped CSV of hồ sơ TTHC."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from autograder.modules.m04_phan_tich_so_lieu import (  # noqa: E402
    check_chart,
    check_narrative,
    check_rate,
    check_records,
    check_series,
    clean_records,
    expected_results,
    load_records,
    month_key,
    narrative_source,
    on_time_rate,
    online_rate_by,
)

CSV = Path(__file__).resolve().parents[2] / "exercises" / "04_phan_tich_so_lieu" / "ho_so_tthc.csv"


def _tiny() -> pd.DataFrame:
    return pd.DataFrame({
        "ma_ho_so": ["A1", "A2", "A2", "A3", "A4"],
        "linh_vuc": ["Hộ tịch", "Hộ tịch", "Hộ tịch", "Chứng thực", "Chứng thực"],
        "kenh_nop": ["Trực tuyến", " trực tuyến", " trực tuyến", "TRỰC TIẾP", "Trực tiếp "],
        "ngay_nhan": ["01/07/2025", "02/07/2025", "02/07/2025", "01/08/2025", "04/08/2025"],
        "ngay_hen_tra": ["01/07/2025", "02/07/2025", "02/07/2025", "01/08/2025", "04/08/2025"],
        "ngay_tra": ["01/07/2025", "03/07/2025", "03/07/2025", "01/08/2025", ""],
    })


@pytest.fixture(scope="module")
def results() -> dict:
    return expected_results(CSV)


def test_clean_records_drops_repeated_codes_and_tidies_channels():
    data = clean_records(_tiny())
    assert len(data) == 4
    assert set(data["kenh_nop"]) == {"Trực tuyến", "Trực tiếp"}
    assert data["ngay_tra"].isna().sum() == 1


def test_on_time_rate_counts_only_returned_files():
    # A1 and A3 on time, A2 late, A4 not returned: 2 of 3.
    assert on_time_rate(clean_records(_tiny())) == pytest.approx(200 / 3)


def test_online_rate_by_field_is_a_percentage_per_group():
    rates = online_rate_by(clean_records(_tiny()), "linh_vuc")
    assert rates.to_dict() == {"Chứng thực": 0.0, "Hộ tịch": 100.0}


def test_shipped_csv_has_planted_issues_and_realistic_rates(results):
    raw = load_records(CSV)
    assert raw["ma_ho_so"].duplicated().sum() == 9
    assert raw["kenh_nop"].nunique() > 2
    assert 300 <= results["so_ho_so"] <= 2000
    online = (results["data"]["kenh_nop"] == "Trực tuyến").mean() * 100
    assert 66 <= online <= 85
    assert 95 <= results["ty_le_dung_han"] <= 99
    assert list(results["theo_thang"].index) == [7, 8, 9, 10, 11, 12]


def test_check_records_accepts_the_grader_cleaning_and_explains_dirty_tables(results):
    assert check_records(results["data"], results["data"]) == []
    dirty = load_records(CSV)
    messages = check_records(dirty, results["data"])
    assert any("kenh_nop" in m for m in messages) and any("drop_duplicates" in m for m in messages)
    assert "DataFrame" in check_records(None, results["data"])[0]


def test_check_rate_accepts_one_decimal_rounding_and_explains_fractions():
    assert check_rate(98.3, 98.26, "ty_le") == []
    assert check_rate(98.2, 98.26, "ty_le")
    assert "nhân với 100" in check_rate(0.9826, 98.26, "ty_le")[0]
    assert "con số" in check_rate("98", 98.26, "ty_le")[0]


@pytest.mark.parametrize("label", [7, "7", "Tháng 7", "07/2025", pd.Timestamp("2025-07-01"), pd.Period("2025-07")])
def test_month_key_reads_many_month_labels(label):
    assert month_key(label) == 7


def test_check_series_matches_groups_by_label_whatever_the_order(results):
    expected = results["theo_linh_vuc"]
    assert check_series(expected.iloc[::-1], expected, "theo_linh_vuc") == []
    assert "thập phân" in check_series(expected / 100, expected, "theo_linh_vuc")[0]
    wrong = expected.copy()
    wrong.iloc[0] += 1
    assert "sai ở nhóm" in check_series(wrong, expected, "theo_linh_vuc")[0]
    assert "đúng 3 nhóm" in check_series(expected.iloc[:2], expected, "theo_linh_vuc")[0]


def test_check_series_by_month_accepts_text_month_labels(results):
    expected = results["theo_thang"]
    relabelled = pd.Series(expected.to_numpy(), index=[f"Tháng {m}" for m in expected.index])
    assert check_series(relabelled, expected, "theo_thang", by_month=True) == []


def _bar_chart(values, title="Tỷ lệ hồ sơ trực tuyến", xlabel="Tháng", ylabel="Tỷ lệ (%)"):
    fig, ax = plt.subplots()
    ax.bar(values.index.astype(str), values.to_numpy())
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def test_check_chart_accepts_a_labelled_bar_chart_of_the_right_data(results):
    fig = _bar_chart(results["theo_thang"])
    assert check_chart(fig, results["theo_thang"]) == []
    assert check_chart(fig.axes[0], results["theo_thang"]) == []
    plt.close(fig)


def test_check_chart_requires_vietnamese_title_and_axis_labels(results):
    fig = _bar_chart(results["theo_thang"], title="", xlabel="thang", ylabel="Tỷ lệ (%)")
    messages = check_chart(fig, results["theo_thang"])
    assert any("tiêu đề" in m for m in messages) and any("thang" in m for m in messages)
    plt.close(fig)


def test_check_chart_rejects_wrong_data_and_wrong_kind(results):
    fig = _bar_chart(results["theo_thang"] + 5)
    assert any("chưa khớp" in m for m in check_chart(fig, results["theo_thang"]))
    plt.close(fig)
    fig, ax = plt.subplots()
    ax.plot(results["theo_thang"].to_numpy())
    assert "biểu đồ cột" in check_chart(fig, results["theo_thang"])[0]
    plt.close(fig)


def test_check_chart_reads_horizontal_bars(results):
    fig, ax = plt.subplots()
    ax.barh([str(m) for m in results["theo_thang"].index], results["theo_thang"].to_numpy())
    ax.set_title("Tỷ lệ trực tuyến")
    ax.set_xlabel("Tỷ lệ (%)")
    ax.set_ylabel("Tháng")
    assert check_chart(fig, results["theo_thang"]) == []
    plt.close(fig)


def test_check_chart_explains_a_missing_figure(results):
    assert "matplotlib" in check_chart(None, results["theo_thang"])[0]


def test_narrative_with_rounded_table_numbers_passes(results):
    month = results["theo_thang"]
    text = (f"Tháng 7 đạt {month[7]:.1f}%, tháng 12 đạt {month[12]:.1f}%; "
            f"{results['ty_le_dung_han']:.1f}% hồ sơ đúng hạn.").replace(".", ",")
    assert check_narrative(text, narrative_source(results)) == []


def test_narrative_with_a_computed_difference_or_too_few_numbers_fails(results):
    month = results["theo_thang"]
    gap = month[12] - month[7] + 0.37  # a figure the table does not hold
    text = f"Tháng 7 đạt {month[7]:.1f}%, tăng {gap:.1f} điểm phần trăm."
    assert any("không có trong bảng" in m for m in check_narrative(text, narrative_source(results)))
    assert "ít nhất 3" in check_narrative("Tỷ lệ tăng đều.", narrative_source(results))[0]
    assert "trống" in check_narrative("", narrative_source(results))[0]


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
