"""Module 08 grader: the resident list the learner cleaned, compared row by row with the raw list.

Each ``grade_*`` function takes the learner's table and the raw table (as read from the exercise's CSV), works out
what each row should become with ``autograder.checks.records``, and returns only a ``CheckResult``: a score and
Vietnamese hints (counts, never the expected values). Rows are matched by ``ma_dong``, so a part is graded even if
another part went wrong. Honest approaches (pandas, a spreadsheet, a rule from an AI tool) reach the same values;
returning the raw table, dropping rows, merging everyone or constant answers score nothing on the parts they touch:
a person who lost every row counts as wrong in every part, flags are scored as (caught share + spared share − 1).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ailab.text import nfc
from autograder.checks.records import (
    clean_id,
    has_diacritics,
    id_problems,
    iso_date,
    name_key,
    names_district,
    normalize_phone,
    parse_date,
    tidy_name,
)
from autograder.checks.result import CheckResult

__all__ = [
    "REFERENCE_YEAR",
    "grade_addresses",
    "grade_dates",
    "grade_duplicates",
    "grade_ids",
    "grade_names",
    "grade_phone_rule",
    "grade_phones",
    "load_records",
    "read_flag",
    "table_problems",
]

REFERENCE_YEAR = 2025  # the list was compiled in 11/2025: a two-digit year after 25 is in the 1900s
_TRUE = {"true", "1", "có", "x", "yes", "đúng", "hợp lệ"}
_FALSE = {"false", "0", "không", "no", "sai", "", "cần xác minh"}


# Beside a resident list ``X.csv`` (stored in NFC): ``X_go_dang_tach.csv`` names the cells (ma_dong, cot) that
# were typed on a machine storing letters decomposed (NFD), as text copied from Word, a PDF or a phone often is.
DECOMPOSED_SUFFIX = "_go_dang_tach.csv"


def load_records(path) -> pd.DataFrame:
    """Read a resident list as text, as the learner receives it: the cells typed decomposed come back in NFD."""
    path = Path(path)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    marks = path.with_name(path.stem + DECOMPOSED_SUFFIX)
    if marks.is_file():
        rows = {ma_dong: index for index, ma_dong in table["ma_dong"].items()}
        for mark in pd.read_csv(marks, dtype=str, keep_default_na=False).itertuples():
            if mark.ma_dong in rows and mark.cot in table.columns:
                index = rows[mark.ma_dong]
                table.at[index, mark.cot] = unicodedata.normalize("NFD", table.at[index, mark.cot])
    return table


def read_flag(value) -> bool | None:
    """A yes/no cell from pandas or a spreadsheet (True, 1, "TRUE", "Có", "x" …) as a bool; None if unreadable."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = nfc(str(value)).strip().casefold()
    return True if text in _TRUE else False if text in _FALSE else None


def table_problems(table, columns: Iterable[str]) -> list[str]:
    """Form only: a DataFrame that kept ``ma_dong`` and has the given columns (Vietnamese hints)."""
    if not isinstance(table, pd.DataFrame):
        return ["«bang» cần là một bảng (DataFrame)."]
    missing = [c for c in ["ma_dong", *columns] if c not in table.columns]
    if missing:
        return [f"Bảng thiếu cột {', '.join(missing)}: đừng xóa hay đổi tên cột."]
    if table.empty:
        return ["Bảng không còn dòng nào."]
    return []


@dataclass
class _Rows:
    """The raw rows with the person each belongs to, and which rows the learner kept."""

    raw: pd.DataFrame  # indexed by ma_dong, with a "person" column
    mine: pd.DataFrame  # the learner's rows, indexed by ma_dong (first of any repeated id)

    def present(self, row_id: str) -> bool:
        return row_id in self.mine.index

    def lost(self, row_id: str) -> bool:
        """True when no row of this row's person is left: the person was deleted."""
        person = self.raw.at[row_id, "person"]
        return not self.mine.index.isin(self.raw.index[self.raw["person"] == person]).any()

    def judged(self, row_ids) -> list[str]:
        """The rows a part judges: those kept, and those whose person was deleted (counted wrong)."""
        return [r for r in row_ids if self.present(r) or self.lost(r)]


def _rows(table, raw: pd.DataFrame, columns: Iterable[str]) -> tuple[_Rows | None, list[str]]:
    problems = table_problems(table, columns)
    if problems:
        return None, problems
    data = raw.copy().set_index("ma_dong", drop=False)
    births = data["ngay_sinh"].map(lambda v: iso_date(v, REFERENCE_YEAR))
    data["person"] = data["ho_ten"].map(name_key) + "|" + births
    mine = table.copy()
    mine["ma_dong"] = mine["ma_dong"].astype(str).str.strip()
    mine = mine.drop_duplicates("ma_dong").set_index("ma_dong", drop=False)
    return _Rows(data, mine[mine.index.isin(data.index)]), []


def _cell(rows: _Rows, row_id: str, column: str):
    return rows.mine.at[row_id, column] if rows.present(row_id) else None


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def grade_names(table, raw: pd.DataFrame, max_score: float = 1.0) -> CheckResult:
    """Names stored NFC, with single spaces and each word capitalised; names already right must stay so."""
    rows, problems = _rows(table, raw, ["ho_ten"])
    if rows is None:
        return CheckResult(0.0, max_score, problems)
    wanted = rows.raw["ho_ten"].map(tidy_name)
    messy = rows.judged(rows.raw.index[rows.raw["ho_ten"] != wanted])
    clean = [r for r in rows.raw.index[rows.raw["ho_ten"] == wanted] if rows.present(r)]
    right = [r for r in messy if _cell(rows, r, "ho_ten") == wanted[r]]
    broken = [r for r in clean if _cell(rows, r, "ho_ten") != wanted[r]]
    messages = []
    if len(right) < len(messy):
        messages.append(f"Còn {len(messy) - len(right)}/{len(messy)} họ tên chưa chuẩn (dạng NFC, một dấu cách giữa "
                        "các từ, viết hoa chữ cái đầu mỗi từ) hoặc dòng bị xóa mất.")
    if broken:
        messages.append(f"{len(broken)} họ tên vốn đúng đã bị sửa sai.")
    return CheckResult.partial(max(0, len(right) - len(broken)), len(messy), max_score, messages)


def grade_duplicates(table, raw: pd.DataFrame, max_score: float = 2.0) -> CheckResult:
    """Each person entered several times keeps exactly one row, the one with diacritics; nobody is deleted."""
    rows, problems = _rows(table, raw, ["ho_ten"])
    if rows is None:
        return CheckResult(0.0, max_score, problems)
    groups = rows.raw.groupby("person").groups
    repeated = [list(ids) for ids in groups.values() if len(ids) > 1]
    kept = {person: [r for r in ids if rows.present(r)] for person, ids in groups.items()}
    lost = sum(1 for ids in kept.values() if not ids)
    right = 0
    for ids in repeated:
        mine = [r for r in ids if rows.present(r)]
        marked = [r for r in ids if has_diacritics(rows.raw.at[r, "ho_ten"])]
        right += len(mine) == 1 and (not marked or mine[0] in marked)
    messages = []
    if right < len(repeated):
        messages.append(f"Gộp đúng {right}/{len(repeated)} người bị nhập nhiều lần (mỗi người giữ một dòng, dòng có "
                        "dấu): so khóa tên không dấu cùng ngày sinh.")
    if lost:
        messages.append(f"{lost} người không còn dòng nào: đã gộp nhầm người khác nhau (trùng tên nhưng khác ngày "
                        "sinh) hoặc xóa mất dòng.")
    return CheckResult.partial(max(0, right - lost), len(repeated), max_score, messages)


def _learner_date(value) -> date | None:
    """A learner's birth date: a datetime, or ISO ``yyyy-mm-dd`` text; any other text is not converted yet."""
    if isinstance(value, str):
        text = value.strip()
        return parse_date(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[ T]00:00:00)?", text) else None
    return parse_date(value)


def grade_dates(table, raw: pd.DataFrame, max_score: float = 1.0) -> CheckResult:
    """Birth dates in ``yyyy-mm-dd`` (or as dates), read day first; two-digit years before 2026."""
    rows, problems = _rows(table, raw, ["ngay_sinh"])
    if rows is None:
        return CheckResult(0.0, max_score, problems)
    truth = rows.raw["ngay_sinh"].map(lambda v: parse_date(v, REFERENCE_YEAR))
    is_iso = rows.raw["ngay_sinh"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    mixed = rows.judged(rows.raw.index[~is_iso])
    right = [r for r in mixed if _learner_date(_cell(rows, r, "ngay_sinh")) == truth[r]]
    broken = [r for r in rows.raw.index[is_iso] if rows.present(r)
              and _learner_date(_cell(rows, r, "ngay_sinh")) != truth[r]]
    messages = []
    if len(right) < len(mixed):
        messages.append(f"Đúng {len(right)}/{len(mixed)} ngày sinh viết lẫn kiểu: đọc ngày trước tháng, năm hai chữ số "
                        "sau 2025 là 19xx, số kiểu Excel tính từ 30/12/1899; ghi dạng yyyy-mm-dd.")
    if broken:
        messages.append(f"{len(broken)} ngày sinh vốn đúng dạng yyyy-mm-dd đã bị đổi sai.")
    return CheckResult.partial(max(0, len(right) - len(broken)), len(mixed), max_score, messages)


def _youden(caught: int, bad: int, spared: int, good: int) -> float:
    """Share of bad rows flagged + share of good rows left alone − 1, never below 0: a constant answer scores 0."""
    if bad == 0 or good == 0:
        return 0.0
    return max(0.0, caught / bad + spared / good - 1)


def _id_verdicts(rows: _Rows) -> dict[str, tuple[bool, str]]:
    """Per raw row: is its number plausible, and the 12 digits a learner may store (zeros restored when lost)."""
    verdicts = {}
    for row_id, row in rows.raw.iterrows():
        born, female = parse_date(row["ngay_sinh"], REFERENCE_YEAR), row["gioi_tinh"] == "Nữ"
        digits = clean_id(row["so_dinh_danh"])
        if not id_problems(digits, female, born):
            verdicts[row_id] = (True, digits)
        elif digits.isdigit() and 10 <= len(digits) < 12 and not id_problems(digits.zfill(12), female, born):
            verdicts[row_id] = (None, digits.zfill(12))  # zeros lost in a spreadsheet: flag it, or restore it
        else:
            verdicts[row_id] = (False, digits)
    return verdicts


def grade_ids(table, raw: pd.DataFrame, max_score: float = 1.0) -> CheckResult:
    """``dinh_danh_hop_le`` flags every implausible số định danh and spares every plausible one (stored as 12 digits).

    A number whose leading zeros a spreadsheet dropped may be flagged, or restored to 12 digits and marked valid.
    """
    rows, problems = _rows(table, raw, ["so_dinh_danh", "dinh_danh_hop_le"])
    if rows is None:
        return CheckResult(0.0, max_score, problems)
    caught = bad = spared = good = 0
    for row_id, (plausible, digits) in _id_verdicts(rows).items():
        if not (rows.present(row_id) or rows.lost(row_id)):
            continue
        flag, stored = read_flag(_cell(rows, row_id, "dinh_danh_hop_le")), _text(_cell(rows, row_id, "so_dinh_danh"))
        if plausible is None:
            plausible = bool(flag) and stored == digits
        if plausible:
            good += 1
            spared += bool(flag is True and stored == digits)
        else:
            bad += 1
            caught += flag is False
    messages = []
    if caught < bad:
        messages.append(f"Phát hiện {caught}/{bad} số định danh không hợp lý (sai độ dài, mã tỉnh, số thế kỷ – giới "
                        "tính, năm sinh).")
    if spared < good:
        messages.append(f"{good - spared}/{good} số hợp lý bị đánh dấu sai hoặc chưa lưu đúng 12 chữ số (bỏ dấu cách, "
                        "dấu chấm; giữ số 0 ở đầu).")
    return CheckResult(round(max_score * _youden(caught, bad, spared, good), 2), max_score, messages)


def _phone_score(pairs: list[tuple[str, str]]) -> tuple[float, int, int, int, int]:
    """(score, valid numbers right, valid total, invalid ones kept, invalid total) for (expected, given) pairs."""
    valid = [(e, g) for e, g in pairs if e]
    invalid = [(e, g) for e, g in pairs if not e]
    right = sum(e == g for e, g in valid)
    kept = sum(bool(g) for _, g in invalid)
    score = right / len(valid) - (kept / len(invalid) if invalid else 0) if valid else 0.0
    return max(0.0, score), right, len(valid), kept, len(invalid)


def _phone_messages(right: int, valid: int, kept: int, invalid: int) -> list[str]:
    messages = []
    if right < valid:
        messages.append(f"Đúng {right}/{valid} số di động hợp lệ: ghi dạng 0 và 9 chữ số, không dấu cách, dấu chấm.")
    if kept:
        messages.append(f"{kept}/{invalid} số không phải số di động hợp lệ vẫn được giữ: hãy để trống để xác minh.")
    return messages


def grade_phones(table, raw: pd.DataFrame, max_score: float = 1.0) -> CheckResult:
    """Mobile numbers as ``0`` + 9 digits; numbers that are not valid mobiles left empty for checking."""
    rows, problems = _rows(table, raw, ["so_dien_thoai"])
    if rows is None:
        return CheckResult(0.0, max_score, problems)
    wanted = rows.raw["so_dien_thoai"].map(normalize_phone)
    messy = rows.judged(rows.raw.index[(rows.raw["so_dien_thoai"] != wanted) & (rows.raw["so_dien_thoai"] != "")])
    tidy = [r for r in rows.raw.index[rows.raw["so_dien_thoai"] == wanted] if rows.present(r)]
    pairs = [(wanted[r], _text(_cell(rows, r, "so_dien_thoai"))) for r in messy + tidy]
    score, right, valid, kept, invalid = _phone_score(pairs)
    return CheckResult(round(max_score * score, 2), max_score, _phone_messages(right, valid, kept, invalid))


def grade_phone_rule(rule: Callable, held: list[tuple[str, str]], max_score: float = 1.0) -> CheckResult:
    """Run the learner's (or an AI tool's) normalising function on held numbers it has never seen."""
    if not callable(rule):
        return CheckResult(0.0, max_score, ["«chuan_hoa_sdt» cần là một hàm: def chuan_hoa_sdt(so): ..."])
    pairs, failed = [], 0
    for given, expected in held:
        try:
            answer = _text(rule(given))
        except Exception:  # noqa: BLE001 - any failure of pasted code is the learner's to see, as a count
            answer, failed = "?", failed + 1
        pairs.append((expected, answer))
    score, right, valid, kept, invalid = _phone_score(pairs)
    messages = _phone_messages(right, valid, kept, invalid)
    if failed:
        messages.append(f"Hàm báo lỗi với {failed} số: thử lại với số có dấu cách, dấu chấm, +84, ô trống.")
    return CheckResult(round(max_score * score, 2), max_score, messages)


def grade_addresses(table, raw: pd.DataFrame, max_score: float = 1.0) -> CheckResult:
    """``can_cap_nhat_dia_chi`` flags addresses that still name a district, and ``dia_chi`` is left as written."""
    rows, problems = _rows(table, raw, ["dia_chi", "can_cap_nhat_dia_chi"])
    if rows is None:
        return CheckResult(0.0, max_score, problems)
    caught = bad = spared = good = edited = 0
    for row_id in rows.judged(rows.raw.index):
        old = rows.raw.at[row_id, "dia_chi"]
        flag = read_flag(_cell(rows, row_id, "can_cap_nhat_dia_chi"))
        same = nfc(_text(_cell(rows, row_id, "dia_chi"))) == nfc(old)
        edited += rows.present(row_id) and not same
        if names_district(old):
            bad += 1
            caught += flag is True and same
        else:
            good += 1
            spared += flag is False and same
    messages = []
    if caught < bad:
        messages.append(f"Đánh dấu {caught}/{bad} địa chỉ còn ghi cấp huyện (huyện, quận, thị xã — kể cả viết không "
                        "dấu).")
    if spared < good:
        messages.append(f"{good - spared}/{good} địa chỉ đã đúng bị đánh dấu nhầm hoặc bị sửa.")
    if edited:
        messages.append(f"{edited} địa chỉ bị sửa chữ: chỉ đánh dấu, đừng tự đoán tên xã mới.")
    return CheckResult(round(max_score * _youden(caught, bad, spared, good), 2), max_score, messages)
