"""Module 04 grader: figures computed from the records of administrative files (hồ sơ TTHC), a chart, a narrative.

Nothing here computes or returns the expected figures. The exercise's hidden test cells compute them from the
CSV and pass them in; the functions below compare and return a ``CheckResult`` whose messages say what to check,
never the expected value. The learner may bring figures from pandas or from a spreadsheet (Excel, LibreOffice
Calc): ``read_pasted_table`` reads two columns pasted from a spreadsheet, and every check accepts numbers,
dicts or pandas Series alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ailab.text import nfc
from autograder.checks.indicators import Indicator, Trend, grade_indicators, read_figures, trend_stated
from autograder.checks.numbers import extract_numbers, unsupported_numbers
from autograder.checks.result import CheckResult

__all__ = [
    "FIELDS",
    "as_series",
    "grade_chart",
    "grade_count",
    "grade_narrative_figures",
    "grade_narrative_trend",
    "grade_rate",
    "grade_series",
    "load_records",
    "month_key",
    "narrative_hints",
    "read_pasted_table",
]

TOLERANCE = 0.051  # a rate rounded to 1 decimal is still right
FIELDS = ("Hộ tịch", "Chứng thực", "Nuôi con nuôi")


def load_records(path) -> pd.DataFrame:
    """Read the CSV of files as text, exactly as the learner receives it."""
    return pd.read_csv(Path(path), dtype=str, keep_default_na=False)


def month_key(label) -> int | None:
    """Month number from a label: 7, "7", "Tháng 7", "07/2025", a Timestamp or Period -> 7."""
    if hasattr(label, "month"):
        return int(label.month)
    for token in re.findall(r"\d+", str(label)):
        if 1 <= int(token) <= 12:
            return int(token)
    return None


def _text_key(label) -> str:
    return nfc(str(label)).strip().casefold()


def _number(value) -> float | None:
    """A float from a Python number or a figure typed as text ("98,3", "98.3%"); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        found = [n for n in extract_numbers(value) if n.value is not None]
        return float(found[0].value) if len(found) == 1 else None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def read_pasted_table(text: str) -> dict[str, float]:
    """Two columns pasted from a spreadsheet (label, then figure; tab, ";" or two spaces apart) -> {label: figure}.

    "Tháng 7\t66,4" and "Hộ tịch;78,0%" both work; lines without a figure (headers) are skipped.
    """
    table: dict[str, float] = {}
    for line in nfc(str(text or "")).splitlines():
        parts = [p.strip() for p in re.split(r"\t|;|\s{2,}", line.strip()) if p.strip()]
        if len(parts) >= 2 and (value := _number(parts[-1])) is not None:
            table[" ".join(parts[:-1])] = value
    return table


def as_series(value) -> pd.Series | None:
    """A learner's groups as a Series: from a Series, a one-column DataFrame or a dict; None otherwise."""
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if isinstance(value, Mapping):
        value = pd.Series(dict(value), dtype="object")
    return value if isinstance(value, pd.Series) else None


def grade_count(value, expected: int, name: str, max_score: float = 1.0) -> CheckResult:
    """Full points when ``value`` is the expected count of files."""
    number = _number(value)
    if number is None:
        return CheckResult(0.0, max_score, [f"«{name}» cần là một con số (số hồ sơ)."])
    if number != expected:
        return CheckResult(0.0, max_score, [f"«{name}» = {number:g} chưa đúng: đã bỏ hết hồ sơ nhập trùng mã chưa?"])
    return CheckResult(max_score, max_score)


def grade_rate(value, expected: float, name: str, max_score: float = 1.0) -> CheckResult:
    """Full points when the percentage is right to one decimal (98,3 for 98,26…)."""
    number = _number(value)
    if number is None:
        return CheckResult(0.0, max_score, [f"«{name}» cần là một con số (tỷ lệ phần trăm), ví dụ 97.5."])
    if 0 <= number <= 1 < expected:
        return CheckResult(0.0, max_score, [f"«{name}» đang ở dạng thập phân ({number}); hãy nhân với 100."])
    if abs(number - expected) > TOLERANCE:
        return CheckResult(0.0, max_score, [f"«{name}» = {number:.2f} chưa đúng. Kiểm tra lại: chỉ tính hồ sơ đã "
                                            "trả và so ngày trả với ngày hẹn trả."])
    return CheckResult(max_score, max_score)


def grade_series(value, expected: pd.Series, name: str, by_month: bool = False, max_score: float = 1.0) -> CheckResult:
    """One share of the points per group (month or field) whose rate is right to one decimal."""
    series = as_series(value)
    if series is None:
        return CheckResult(0.0, max_score, [f"«{name}» cần là một Series (kết quả groupby) hoặc một dict "
                                            "{nhóm: tỷ lệ} chép từ bảng tính."])
    key = month_key if by_month else _text_key
    given = {key(label): _number(number) for label, number in series.items()}
    wanted = {key(label): float(number) for label, number in expected.items()}
    right = [k for k, number in wanted.items() if given.get(k) is not None and abs(given[k] - number) <= TOLERANCE]
    messages = []
    if len(right) < len(wanted):
        group = "tháng" if by_month else "lĩnh vực"
        messages.append(f"«{name}» đúng {len(right)}/{len(wanted)} {group}: tỷ lệ = số hồ sơ trực tuyến / tổng số "
                        "hồ sơ của nhóm × 100.")
        if given and all(v is not None and 0 <= v <= 1 for v in given.values()):
            messages.append("Các tỷ lệ đang ở dạng thập phân; hãy nhân với 100.")
    extra = len(set(given) - set(wanted))
    return CheckResult.partial(max(0, len(right) - extra), len(wanted), max_score, messages)


def _axes_of(chart):
    if hasattr(chart, "get_axes") and not hasattr(chart, "get_title"):
        return chart.get_axes()
    return [chart] if hasattr(chart, "get_title") else []


def _is_vietnamese_label(text: str) -> bool:
    return any(ord(ch) > 127 and ch.isalpha() for ch in nfc(text))


def _plotted(ax) -> list[float]:
    """Heights of bars (widths of horizontal bars), else the y values of lines."""
    values = []
    for container in ax.containers:
        horizontal = getattr(container, "orientation", "vertical") == "horizontal"
        values += [p.get_width() if horizontal else p.get_height() for p in getattr(container, "patches", [])]
    return values or [float(y) for line in ax.get_lines() for y in line.get_ydata()]


_LABEL_CONTENT = (("tiêu đề", ("trực tuyến",)), ("nhãn trục hoành", ("tháng",)), ("nhãn trục tung", ("%", "tỷ lệ")))


def grade_chart(chart, expected: pd.Series, max_score: float = 1.0) -> CheckResult:
    """Full points for the monthly rates plotted with a Vietnamese title and axis labels that say what they show.

    Labels right but figures wrong earn half; a chart without telling labels earns nothing.
    """
    axes = [ax for ax in _axes_of(chart) if _plotted(ax)]
    if not axes:
        return CheckResult(0.0, max_score, ["Chưa thấy biểu đồ cột hay đường nào: dùng fig, ax = plt.subplots() "
                                            "rồi ax.bar(...)."])
    ax, messages = axes[0], []
    texts = (ax.get_title() or ax.figure.get_suptitle(), ax.get_xlabel(), ax.get_ylabel())
    for text, (what, words) in zip(texts, _LABEL_CONTENT, strict=True):
        lowered = nfc(text).casefold()
        if not (_is_vietnamese_label(text) and any(w in lowered for w in words)):
            messages.append(f"Biểu đồ chưa có {what} bằng tiếng Việt có dấu nói rõ nội dung "
                            f"(ví dụ có chữ «{words[0]}»).")
    values = sorted(float(v) for v in expected.to_numpy())
    plotted = sorted(float(h) for h in _plotted(ax))
    data_ok = len(plotted) == len(values) and all(abs(a - b) <= TOLERANCE for a, b in zip(plotted, values,
                                                                                           strict=True))
    if not data_ok:
        messages.append("Số liệu trên biểu đồ chưa khớp với tỷ lệ theo tháng: hãy vẽ đúng bảng tỷ lệ theo tháng.")
    labels_ok = not any(m.startswith("Biểu đồ chưa có") for m in messages)
    share = (1.0 if data_ok else 0.5) if labels_ok else 0.0
    return CheckResult(round(share * max_score, 2), max_score, messages)


def _narrative_indicators(reference: Mapping) -> list[Indicator]:
    indicators = [
        Indicator("so_ho_so", "Tổng số hồ sơ", ("hồ sơ", "tiếp nhận", "nhận"), int(reference["so_ho_so"])),
        Indicator("dung_han", "Tỷ lệ đúng hạn", ("đúng hạn", "trước hạn", "đúng hẹn"),
                  float(reference["ty_le_dung_han"]), percent=True),
    ]
    for month, rate in reference["theo_thang"].items():
        indicators.append(Indicator(f"thang_{month}", f"Tháng {month}", (f"tháng {month}", f"tháng {month:02d}"),
                                    float(rate), percent=True))
    for field, rate in reference["theo_linh_vuc"].items():
        indicators.append(Indicator(f"linh_vuc_{field}", field, (field,), float(rate), percent=True))
    return indicators


def _online_trend(reference: Mapping) -> Trend:
    points = tuple(((f"tháng {m}", f"tháng {m:02d}"), float(rate)) for m, rate in reference["theo_thang"].items())
    return Trend(("trực tuyến", "qua mạng"), points, tuple(str(f) for f in reference["theo_linh_vuc"].index))


def grade_narrative_figures(text, reference: Mapping, source=(), need: int = 3, max_score: float = 2.0) -> CheckResult:
    """Points for figures written beside their own indicator (the count, the on-time rate, a month, a field).

    ``reference`` holds ``so_ho_so``, ``ty_le_dung_han``, ``theo_thang`` and ``theo_linh_vuc`` computed by the
    hidden test; ``source`` other figures a narrative may use (counts, months, the year).
    """
    if not isinstance(text, str):
        return CheckResult(0.0, max_score, ["Nhận xét cần là một đoạn chữ."])
    return grade_indicators(text, _narrative_indicators(reference), source=source, need=need, max_score=max_score,
                            trends=[_online_trend(reference)])


def grade_narrative_trend(text, reference: Mapping, source=(), max_score: float = 1.0) -> CheckResult:
    """Full points when the narrative states the online-filing trend rightly, reverses none, invents nothing."""
    if not isinstance(text, str) or not text.strip():
        return CheckResult(0.0, max_score, ["Nhận xét đang để trống."])
    trend = _online_trend(reference)
    found = read_figures(text, _narrative_indicators(reference), source, [trend])
    problems = []
    if not trend_stated(text, trend):
        problems.append("Nhận xét chưa nói rõ tỷ lệ nộp trực tuyến tăng hay giảm qua các tháng (đúng với số liệu).")
    if found.reversed:
        problems.append("Có câu nói ngược xu hướng của số liệu: đọc lại bảng theo tháng.")
    if found.invented or found.misplaced:
        problems.append("Có con số không phải của bảng đã tính, hoặc đặt cạnh nhầm chỉ tiêu.")
    return CheckResult.from_problems(problems, max_score)


def _flatten(figures) -> list:
    """Numbers of the learner's results: numbers, and the labels and values of Series and dicts."""
    flat: list = []
    for item in figures:
        series = as_series(item) if isinstance(item, (pd.Series, pd.DataFrame, Mapping)) else None
        if series is not None:
            flat += [month_key(k) if month_key(k) is not None else k for k in series.index]
            flat += [_number(v) for v in series.to_numpy()]
        else:
            flat.append(_number(item) if not isinstance(item, str) else item)
    return [f for f in flat if f is not None]


def narrative_hints(text: str, *own_figures) -> list[str]:
    """Figures of the narrative that are not among the learner's own computed figures (rounding accepted)."""
    if not isinstance(text, str) or not text.strip():
        return ["Nhận xét đang để trống."]
    return [f"Số «{n}» không có trong các số bạn đã tính: sửa hoặc bỏ đi."
            for n in unsupported_numbers(text, _flatten(own_figures), rounding=True)]
