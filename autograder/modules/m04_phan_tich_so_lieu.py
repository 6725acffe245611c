"""Module 04 checks: rates computed from the records of administrative files (hồ sơ TTHC), the chart, the narrative.

The grader recomputes every expected value from the CSV the learner received (nothing is hard-coded), then
compares. Pure functions: data in, Vietnamese messages out (an empty list means "đúng").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from autograder.checks.numbers import extract_numbers, unsupported_numbers

__all__ = [
    "DATE_COLUMNS",
    "check_chart",
    "check_narrative",
    "check_rate",
    "check_records",
    "check_series",
    "clean_records",
    "expected_results",
    "load_records",
    "month_key",
    "narrative_source",
    "on_time_rate",
    "online_rate_by",
    "online_rate_by_month",
]

DATE_COLUMNS = ("ngay_nhan", "ngay_hen_tra", "ngay_tra")
ONLINE = "Trực tuyến"
TOLERANCE = 0.051  # a rate rounded to 1 decimal is still right


def load_records(path) -> pd.DataFrame:
    """Read the CSV of files as text, exactly as the learner receives it."""
    return pd.read_csv(Path(path), dtype=str, keep_default_na=False)


def clean_records(raw: pd.DataFrame) -> pd.DataFrame:
    """The cleaning the exercise asks for: drop repeated ma_ho_so, tidy kenh_nop, read dd/mm/yyyy dates."""
    data = raw.copy()
    for column in data.columns:
        data[column] = data[column].map(lambda v: unicodedata.normalize("NFC", v).strip() if isinstance(v, str) else v)
    data["kenh_nop"] = data["kenh_nop"].str.capitalize()
    data = data.drop_duplicates(subset="ma_ho_so").reset_index(drop=True)
    for column in DATE_COLUMNS:
        data[column] = pd.to_datetime(data[column].replace("", None), format="%d/%m/%Y")
    return data


def on_time_rate(data: pd.DataFrame) -> float:
    """Percent of returned files (ngay_tra filled) returned on or before ngay_hen_tra."""
    returned = data[data["ngay_tra"].notna()]
    return float((returned["ngay_tra"] <= returned["ngay_hen_tra"]).mean() * 100)


def online_rate_by(data: pd.DataFrame, column: str) -> pd.Series:
    """Percent of files filed online (kenh_nop == "Trực tuyến") in each group of ``column``."""
    return (data["kenh_nop"] == ONLINE).groupby(data[column]).mean() * 100


def online_rate_by_month(data: pd.DataFrame) -> pd.Series:
    """Percent of files filed online by month of ngay_nhan (index: month number 7, 8, …)."""
    return (data["kenh_nop"] == ONLINE).groupby(data["ngay_nhan"].dt.month.rename("thang")).mean() * 100


def expected_results(csv_path) -> dict:
    """Every value the exercise grades, recomputed from the learner's CSV."""
    data = clean_records(load_records(csv_path))
    return {
        "so_ho_so": len(data),
        "ty_le_dung_han": on_time_rate(data),
        "theo_linh_vuc": online_rate_by(data, "linh_vuc"),
        "theo_thang": online_rate_by_month(data),
        "data": data,
    }


def check_records(data, expected: pd.DataFrame) -> list[str]:
    """Check the learner's cleaned table: the right number of rows and only two spellings of kenh_nop."""
    if not isinstance(data, pd.DataFrame):
        return ["«ho_so» cần là bảng (DataFrame) đọc từ tệp CSV."]
    messages = []
    if "kenh_nop" not in data.columns:
        return ["Bảng «ho_so» thiếu cột «kenh_nop»: đừng đổi tên cột."]
    channels = set(data["kenh_nop"].dropna().unique())
    if channels != set(expected["kenh_nop"].unique()):
        messages.append(
            f"Cột «kenh_nop» còn {len(channels)} cách viết khác nhau; sau khi chuẩn hóa chỉ còn "
            "«Trực tuyến» và «Trực tiếp» (dùng .str.strip().str.capitalize())."
        )
    if len(data) != len(expected):
        messages.append(
            f"Bảng có {len(data)} dòng, chưa đúng: hãy bỏ các hồ sơ bị nhập trùng mã (drop_duplicates theo «ma_ho_so»)."
        )
    return messages


def check_rate(value, expected: float, name: str) -> list[str]:
    """Compare one percentage with the grader's value (rounding to 1 decimal is accepted)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return [f"«{name}» cần là một con số (tỷ lệ phần trăm), ví dụ 97,5 viết trong Python là 97.5."]
    if 0 <= value <= 1 < expected:
        return [f"«{name}» đang ở dạng thập phân ({value}); hãy nhân với 100 để ra phần trăm."]
    if abs(value - expected) > TOLERANCE:
        return [f"«{name}» = {value:.2f} chưa đúng. Kiểm tra lại: chỉ tính hồ sơ đã trả và so ngày trả với ngày hẹn trả."]
    return []


def month_key(label) -> int | None:
    """Month number from a label: 7, "7", "Tháng 7", "07/2025", a Timestamp or Period -> 7."""
    if hasattr(label, "month"):
        return int(label.month)
    for token in re.findall(r"\d+", str(label)):
        if 1 <= int(token) <= 12:
            return int(token)
    return None


def _text_key(label) -> str:
    return unicodedata.normalize("NFC", str(label)).strip().casefold()


def check_series(value, expected: pd.Series, name: str, by_month: bool = False) -> list[str]:
    """Compare a learner's Series of rates (one value per group) with the grader's, group by group."""
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if not isinstance(value, pd.Series):
        return [f"«{name}» cần là một Series của pandas (kết quả của groupby(...).mean())."]
    key = month_key if by_month else _text_key
    given = {key(label): number for label, number in value.items()}
    wanted = {key(label): number for label, number in expected.items()}
    if set(given) != set(wanted):
        return [f"«{name}» cần có đúng {len(wanted)} nhóm (mỗi {'tháng' if by_month else 'lĩnh vực'} một dòng)."]
    wrong = [str(k) for k, number in wanted.items() if not abs(float(given[k]) - number) <= TOLERANCE]
    if wrong:
        if all(0 <= float(v) <= 1 for v in given.values()):
            return [f"«{name}» đang ở dạng thập phân; hãy nhân với 100 để ra phần trăm."]
        return [f"«{name}» sai ở nhóm {', '.join(wrong)}: tỷ lệ = số hồ sơ trực tuyến / tổng số hồ sơ × 100."]
    return []


def _axes_of(chart):
    if hasattr(chart, "get_axes") and not hasattr(chart, "get_title"):
        return chart.get_axes()
    if hasattr(chart, "get_title"):
        return [chart]
    return []


def _is_vietnamese_label(text: str) -> bool:
    return any(ord(ch) > 127 and ch.isalpha() for ch in unicodedata.normalize("NFC", text))


def _bar_values(ax) -> list[float]:
    """Heights of vertical bars (widths of horizontal ones) of every bar container on the Axes."""
    values = []
    for container in ax.containers:
        horizontal = getattr(container, "orientation", "vertical") == "horizontal"
        for patch in getattr(container, "patches", []):
            values.append(patch.get_width() if horizontal else patch.get_height())
    return values


def check_chart(chart, expected: pd.Series, kind: str = "bar") -> list[str]:
    """Check a matplotlib Figure or Axes: its kind (bar/line), Vietnamese title and axis labels, plotted data."""
    axes_list = _axes_of(chart)
    if not axes_list:
        return ["Cần một biểu đồ matplotlib (biến «fig» từ fig, ax = plt.subplots())."]
    bars = [(ax, _bar_values(ax)) for ax in axes_list]
    lines = [(ax, [y for line in ax.get_lines() for y in line.get_ydata()]) for ax in axes_list]
    candidates = [(ax, values) for ax, values in bars if values]
    if kind == "line":
        candidates = [(ax, list(ys)) for ax, ys in lines if len(ys)]
    if not candidates:
        name = "biểu đồ cột (ax.bar)" if kind == "bar" else "biểu đồ đường (ax.plot)"
        return [f"Chưa thấy {name} nào trên hình: hãy vẽ bằng {name}."]
    ax, heights = candidates[0]
    messages = []
    title = ax.get_title() or ax.figure.get_suptitle()
    for text, what in ((title, "tiêu đề"), (ax.get_xlabel(), "nhãn trục hoành"), (ax.get_ylabel(), "nhãn trục tung")):
        if not text.strip():
            messages.append(f"Biểu đồ chưa có {what}: hãy đặt {what} bằng tiếng Việt có dấu.")
        elif not _is_vietnamese_label(text):
            messages.append(f"{what.capitalize()} «{text}» chưa phải tiếng Việt có dấu: hãy viết lại, ví dụ «Tháng».")
    values = sorted(float(v) for v in expected.to_numpy())
    plotted = sorted(float(h) for h in heights)
    if len(plotted) != len(values) or any(abs(a - b) > TOLERANCE for a, b in zip(plotted, values, strict=True)):
        messages.append("Số liệu trên biểu đồ chưa khớp với bảng tỷ lệ đã tính: hãy vẽ đúng Series tỷ lệ theo tháng.")
    return messages


def narrative_source(results: dict) -> list:
    """Numbers a narrative may use: the computed rates and counts, the months and the year of the data."""
    data = results["data"]
    numbers = [results["so_ho_so"], results["ty_le_dung_han"]]
    numbers += list(results["theo_linh_vuc"].to_numpy()) + list(results["theo_thang"].to_numpy())
    numbers += list(results["theo_thang"].index) + sorted(data["ngay_nhan"].dt.year.unique())
    numbers += list(data["linh_vuc"].value_counts().to_numpy())
    numbers += [int((data["kenh_nop"] == ONLINE).sum()), int(data["ngay_tra"].notna().sum())]
    numbers += [int(data["ngay_tra"].isna().sum()), int((data["ngay_tra"] > data["ngay_hen_tra"]).sum())]
    return numbers


def check_narrative(text, source, min_numbers: int = 3) -> list[str]:
    """Check a narrative: not empty, at least ``min_numbers`` figures, every figure found in ``source``."""
    if not isinstance(text, str) or not text.strip():
        return ["Phần nhận xét đang để trống: hãy dán nhận xét (đã kiểm tra) vào giữa hai dấu ngoặc kép."]
    count = sum(1 for n in extract_numbers(text) if n.kind in ("number", "percent"))
    if count < min_numbers:
        return [f"Nhận xét cần nêu ít nhất {min_numbers} số liệu từ bảng (hiện có {count})."]
    return [
        f"Số «{number}» không có trong bảng đã tính (kể cả khi làm tròn): hãy sửa hoặc bỏ đi."
        for number in unsupported_numbers(text, source, rounding=True)
    ]
