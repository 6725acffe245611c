"""Lesson 04 says what its checks output on its prepared narratives; the checks must output exactly that."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from autograder.checks.numbers import unsupported_numbers
from autograder.modules.m04_phan_tich_so_lieu import grade_narrative_figures, grade_narrative_trend

REPO = Path(__file__).resolve().parents[2]
LESSON = REPO / "notebooks" / "04_phan_tich_so_lieu.ipynb"


@pytest.fixture(scope="module")
def lesson() -> dict:
    """The lesson's own computed figures and prepared narratives."""
    data = pd.read_csv(REPO / "notebooks" / "data" / "04_ho_so_tthc_mau.csv", dtype=str, keep_default_na=False)
    data["kenh_nop"] = data["kenh_nop"].str.strip().str.capitalize()
    for column in ("ngay_nhan", "ngay_hen_tra", "ngay_tra"):
        data[column] = pd.to_datetime(data[column].replace("", None), format="%d/%m/%Y")
    returned = data[data["ngay_tra"].notna()]
    online = data["kenh_nop"] == "Trực tuyến"
    namespace = {"tham_chieu": {
        "so_ho_so": len(data),
        "ty_le_dung_han": (returned["ngay_tra"] <= returned["ngay_hen_tra"]).mean() * 100,
        "theo_thang": online.groupby(data["ngay_nhan"].dt.month).mean() * 100,
        "theo_linh_vuc": online.groupby(data["linh_vuc"]).mean() * 100,
    }}
    for cell in json.loads(LESSON.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and source.startswith("vi_du_chuan_bi_san ="):
            exec(source.split("\nfor ")[0], namespace)
    return namespace


def _scores(text: str, lesson: dict) -> tuple:
    reference = lesson["tham_chieu"]
    return (grade_narrative_figures(text, reference, [2025, 6], need=2),
            grade_narrative_trend(text, reference, [2025, 6]))


def test_the_reversed_trend_is_caught(lesson):
    figures, trend = _scores(lesson["vi_du_chuan_bi_san"]["nói ngược xu hướng"], lesson)
    assert any("ngược xu hướng" in m for m in figures.messages) and trend.score == 0


def test_months_traded_pass_the_number_tool_but_not_the_indicator_check(lesson):
    text = lesson["vi_du_chuan_bi_san"]["số đặt nhầm tháng"]
    table = lesson["tham_chieu"]["theo_thang"]
    assert unsupported_numbers(text, table.round(1), rounding=True) == []
    figures, _ = _scores(text, lesson)
    assert figures.score == 0 and any("chỉ tiêu khác" in m for m in figures.messages)


def test_the_invented_comparison_is_caught(lesson):
    figures, trend = _scores(lesson["vi_du_chuan_bi_san"]["số bịa"], lesson)
    assert any("«90%»" in m for m in figures.messages) and trend.score == 0


def test_the_difference_the_lesson_computes_is_the_one_it_names(lesson):
    months = lesson["tham_chieu"]["theo_thang"]
    assert round(months.iloc[-1] - months.iloc[0], 1) == 11.8
    assert "11,8 điểm phần trăm" in LESSON.read_text(encoding="utf-8")


def test_the_lesson_sends_the_ai_only_the_computed_table():
    text = LESSON.read_text(encoding="utf-8")
    assert "bang_gui_ai.to_csv" in text and "không có dữ liệu cá nhân" in text
    assert "98.3%" not in text and "1.84%" not in text
