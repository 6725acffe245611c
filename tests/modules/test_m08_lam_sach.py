"""Exercise 08 graded as nbgrader would: the scaffold, the spreadsheet path and an AI-written rule earn full marks,
gaming submissions at most 30% of the parts they touch, the blank copy zero; the grader's idea of each row agrees
with the truth the generator planted (datasets/08_lam_sach_du_lieu/dap_an_bai_tap.csv).

The runner plays the trainer's notebook top to bottom (hidden tests included): each solution region is replaced by
the submission's code (or ``raise NotImplementedError()``, as in the released copy), a whole cell by ``cell:<id>``
answers, each "Cách B" cell by ``cach-b-N`` answers; a graded cell scores its last expression when that is a
number (nbgrader's partial credit), its points when it runs clean, and 0 when it raises.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from nbgrader_cells import play_notebook

from autograder.checks.records import iso_date, name_key, normalize_phone, tidy_name
from autograder.modules import m08_lam_sach_du_lieu as m08

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "08_lam_sach_du_lieu"
NOTEBOOK = EXERCISE / "08_lam_sach_du_lieu.ipynb"
KEY = ROOT / "datasets" / "08_lam_sach_du_lieu" / "dap_an_bai_tap.csv"
STUB = "raise NotImplementedError()"
SOLUTION = re.compile(r"(?P<indent>[ \t]*)### BEGIN SOLUTION\n.*?### END SOLUTION\n?", re.S)
AUTO = ("m08-cau-1", "m08-cau-2", "m08-cau-3", "m08-cau-4", "m08-cau-5a", "m08-cau-5b", "m08-cau-6")


def _cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _replace(meta: dict, source: str, answers: dict) -> str:
    if f"cell:{meta['grade_id']}" in answers:
        return answers[f"cell:{meta['grade_id']}"]
    return SOLUTION.sub(lambda m: textwrap.indent(answers.get(meta["grade_id"], STUB), m["indent"]) + "\n", source)


def grade(answers: dict[str, str]) -> dict[str, float]:
    """Scores by grade id for a submission given as code per solution cell (see the module docstring)."""
    return play_notebook(_cells(), EXERCISE, answers, _replace)


def _points(parts) -> float:
    return sum(c["metadata"]["nbgrader"]["points"] for c in _cells()
               if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") in parts)


def _solution() -> dict[str, str]:
    code = {}
    for cell in _cells():
        meta = cell.get("metadata", {}).get("nbgrader", {})
        match = SOLUTION.search("".join(cell["source"]))
        if meta.get("solution") and cell["cell_type"] == "code" and match:
            body = match.group(0).split("\n", 1)[1].rsplit("### END SOLUTION", 1)[0]
            code[meta["grade_id"]] = textwrap.dedent(body.rstrip(" \t"))
    return code


def _raw() -> pd.DataFrame:
    return m08.load_records(EXERCISE / "du_lieu_dan_cu.csv")


# --- the grader agrees with the generator's truth -------------------------------------------------------------

def test_the_graders_person_of_each_row_is_the_planted_person():
    rows = _raw().merge(pd.read_csv(KEY, dtype=str, keep_default_na=False), on="ma_dong")
    person = rows["ho_ten"].map(name_key) + "|" + rows["ngay_sinh"].map(lambda v: iso_date(v, m08.REFERENCE_YEAR))
    assert (person.groupby(rows["ma_nguoi"]).nunique() == 1).all()
    assert (rows["ma_nguoi"].groupby(person).nunique() == 1).all()
    assert (rows["ngay_sinh"].map(lambda v: iso_date(v, m08.REFERENCE_YEAR)) == rows["ngay_sinh_dung"]).all()


def test_the_data_holds_every_planted_problem():
    raw = _raw()
    assert raw["ho_ten"].map(name_key).duplicated().sum() >= 20
    assert (raw["ho_ten"] != raw["ho_ten"].map(tidy_name)).sum() >= 30
    assert raw["ngay_sinh"].str.fullmatch(r"\d{4,5}").sum() >= 10 and raw["ngay_sinh"].str.contains("-\\d\\d$").any()
    assert (raw["so_dien_thoai"].map(normalize_phone) == "").sum() >= 20
    assert raw["dia_chi"].str.contains("huyen ").any() and raw["dia_chi"].str.contains("thị xã").any()


# --- honest submissions: full marks ---------------------------------------------------------------------------

def test_blank_copy_scores_zero():
    assert sum(grade({}).values()) == 0


def test_scaffold_solution_scores_full_marks():
    scores = grade(_solution())
    assert {p: scores[p] for p in AUTO} == {p: _points([p]) for p in AUTO}


AI_RULE = '''import re

def chuan_hoa_sdt(so):
    """Chuẩn hóa số di động Việt Nam về dạng 0xxxxxxxxx; trả về "" nếu không hợp lệ."""
    if so is None:
        return ""
    s = re.sub(r"[^0-9+]", "", str(so))
    if s.startswith("+84"):
        s = "0" + s[3:]
    elif s.startswith("0084"):
        s = "0" + s[4:]
    elif s.startswith("84") and len(s) == 11:
        s = "0" + s[2:]
    elif len(s) == 9 and s[0] in "35789":
        s = "0" + s
    if re.match(r"^0(3|5|7|8|9)[0-9]{8}$", s):
        return s
    return ""

bang["so_dien_thoai"] = bang["so_dien_thoai"].map(chuan_hoa_sdt)
'''


def test_a_rule_written_by_an_ai_tool_scores_full_marks():
    scores = grade({**_solution(), "cell:m08-cau-5-tra-loi": AI_RULE})
    assert scores["m08-cau-5a"] + scores["m08-cau-5b"] == _points(["m08-cau-5a", "m08-cau-5b"])


def _spreadsheet_table(tmp_csv: Path) -> None:
    """What a careful officer saves from Calc: PROPER names (NFD left), ISO dates, x marks, text columns."""
    raw = _raw()
    data = raw.assign(ho_ten=raw["ho_ten"].map(lambda t: " ".join(w.capitalize() for w in t.split())),
                      ngay_sinh=raw["ngay_sinh"].map(lambda v: iso_date(v, 2025)))
    key = data["ho_ten"].map(name_key) + "|" + data["ngay_sinh"]
    plain = data["ho_ten"].map(name_key) == data["ho_ten"].str.lower()
    data = data.assign(key=key, plain=plain).sort_values(["plain", "ma_dong"]).drop_duplicates("key")
    data = data.sort_values("ma_dong").drop(columns=["key", "plain"])
    ids = data["so_dinh_danh"].str.replace(r"[ .]", "", regex=True)
    ok = [not m08.id_problems(n, g == "Nữ", m08.parse_date(d)) for n, g, d in
          zip(ids, data["gioi_tinh"], data["ngay_sinh"], strict=True)]
    data = data.assign(so_dinh_danh=ids, dinh_danh_hop_le=["x" if v else "" for v in ok],
                       so_dien_thoai=data["so_dien_thoai"].map(normalize_phone),
                       can_cap_nhat_dia_chi=["x" if m08.names_district(a) else "" for a in data["dia_chi"]])
    data.to_csv(tmp_csv, index=False)


def test_spreadsheet_path_scores_full_marks():
    target = EXERCISE / "bang_da_sua.csv"
    _spreadsheet_table(target)
    try:
        reread = 'bang = load_records("bang_da_sua.csv").map(lambda o: unicodedata.normalize("NFC", o))'
        scores = grade({"cach-b-2": reread, "m08-cau-5-tra-loi": _solution()["m08-cau-5-tra-loi"]})
    finally:
        target.unlink()
    assert {p: scores[p] for p in AUTO} == {p: _points([p]) for p in AUTO}


ALTERNATIVE_PANDAS = {
    "m08-cau-1": 'bang["ho_ten"] = bang["ho_ten"].map(lambda t: unicodedata.normalize("NFC", " ".join(t.split())).title())',
    "m08-cau-2": ('iso = pd.to_datetime(bang["ngay_sinh"], format="%Y-%m-%d", errors="coerce")\n'
                  'ngay = iso.fillna(pd.to_datetime(bang["ngay_sinh"], format="mixed", dayfirst=True, errors="coerce"))\n'
                  'so = pd.to_numeric(bang["ngay_sinh"], errors="coerce")\n'
                  'ngay = ngay.where(so.isna(), pd.to_datetime(so, unit="D", origin="1899-12-30"))\n'
                  'ngay = ngay.where(ngay.dt.year <= 2025, ngay - pd.DateOffset(years=100))\n'
                  'bang["ngay_sinh"] = ngay.dt.strftime("%Y-%m-%d")'),
}


def test_other_honest_pandas_code_scores_full_marks():
    table = _raw()
    for code in ALTERNATIVE_PANDAS.values():
        namespace = {"bang": table, "pd": pd, "unicodedata": __import__("unicodedata")}
        exec(code, namespace)
        table = namespace["bang"]
    assert m08.grade_names(table, _raw()).ok and m08.grade_dates(table, _raw()).ok
    first = table.assign(key=table["ho_ten"].map(name_key) + table["ngay_sinh"],
                         plain=table["ho_ten"].map(name_key) == table["ho_ten"].str.lower())
    table = first.groupby("key", sort=False).apply(lambda g: g.sort_values("plain").head(1), include_groups=False)
    assert m08.grade_duplicates(table.reset_index(drop=True), _raw()).ok


def test_restoring_zeros_a_spreadsheet_dropped_is_also_right():
    code = _solution()
    restore = code["m08-cau-4-tra-loi"] + 'so = so.where(~so.str.fullmatch(r"[1-9]\\d{9,10}"), so.str.zfill(12))\n'
    answers = {**code, "m08-cau-4-tra-loi": restore}
    assert grade(answers)["m08-cau-4"] == _points(["m08-cau-4"])


# --- gaming: at most 30% of the parts it touches --------------------------------------------------------------

def _flags(value) -> str:
    return f'bang["dinh_danh_hop_le"] = {value}\nbang["can_cap_nhat_dia_chi"] = {value}'


GAMING = {
    "bang-goc": ({"cach-b-2": "bang = goc.copy()\n" + _flags(True)}, AUTO[:5] + AUTO[6:]),
    "xoa-het": ({**_solution(), "cach-b-2": "bang = goc.iloc[0:0].copy()", "m08-cau-3-tra-loi": "tam = tam.iloc[0:0]"},
                AUTO[:5] + AUTO[6:]),
    "mot-dong": ({**_solution(), "m08-cau-3-tra-loi": "tam = tam.head(1)"}, AUTO[2:5] + AUTO[6:]),
    "gop-theo-gioi-tinh": ({**_solution(), "m08-cau-3-tra-loi": 'tam = tam.drop_duplicates(subset="gioi_tinh")'},
                           ("m08-cau-3",)),
    "xoa-dong-khong-dau": ({**_solution(), "m08-cau-3-tra-loi": 'tam = tam[tam["co_dau"]]'}, ("m08-cau-3",)),
    "trung-nguyen-dong": ({**_solution(), "m08-cau-3-tra-loi": "tam = tam.drop_duplicates()"}, ("m08-cau-3",)),
    "xoa-dong-ngay-la": ({**_solution(), "m08-cau-2-tra-loi": 'cac_mau = ["%Y-%m-%d"]',
                          "m08-cau-3-tra-loi": 'tam = tam.dropna(subset=["ngay_sinh"])'}, ("m08-cau-2",)),
    "ngay-hang-so": ({**_solution(), "m08-cau-2-tra-loi": 'cac_mau = ["%Y-%m-%d"]\nreturn pd.Timestamp("1980-01-01")'},
                     ("m08-cau-2",)),
    "dinh-danh-deu-dung": ({**_solution(), "cell:m08-cau-4-tra-loi": 'bang["dinh_danh_hop_le"] = True'},
                           ("m08-cau-4",)),
    "dinh-danh-deu-sai": ({**_solution(), "m08-cau-4-tra-loi": "dung_do_dai = False"}, ("m08-cau-4",)),
    "sdt-giu-nguyen": ({**_solution(), "m08-cau-5-tra-loi": 'return so'}, ("m08-cau-5a", "m08-cau-5b")),
    "sdt-bo-trong": ({**_solution(), "m08-cau-5-tra-loi": 'return ""'}, ("m08-cau-5a", "m08-cau-5b")),
    "sdt-chi-bo-dau": ({**_solution(), "m08-cau-5-tra-loi": 'return re.sub(r"\\D", "", str(so))'},
                       ("m08-cau-5a", "m08-cau-5b")),
    "dia-chi-danh-dau-het": ({**_solution(), "m08-cau-6-tra-loi": 'mau = r"."'}, ("m08-cau-6",)),
    "dia-chi-danh-dau-xa": ({**_solution(), "m08-cau-6-tra-loi": 'mau = r"xã"'}, ("m08-cau-6",)),
    "dia-chi-tu-doan-xa-moi": ({**_solution(), "m08-cau-6-tra-loi": (
        'mau = "huyện |quận |thị xã |huyen |thi xa "\n'
        'bang["dia_chi"] = bang["dia_chi"].str.replace(r", (?:huyện|thị xã) [^,]+", "", regex=True)')}, ("m08-cau-6",)),
}


@pytest.mark.parametrize("name", GAMING)
def test_gaming_scores_at_most_30_percent_of_the_parts_it_touches(name):
    answers, parts = GAMING[name]
    scores = grade(answers)
    assert sum(scores[p] for p in parts) <= 0.3 * _points(parts), {p: scores[p] for p in parts}


def test_a_length_check_alone_earns_part_of_the_id_points():
    answers = {**_solution(), "cell:m08-cau-4-tra-loi": (
        'so = bang["so_dinh_danh"].str.replace(r"[\\s.]", "", regex=True)\n'
        'bang["so_dinh_danh"] = so\nbang["dinh_danh_hop_le"] = so.str.len() == 12')}
    assert 0 < grade(answers)["m08-cau-4"] < 0.7


def test_constant_answers_straight_to_the_grader_score_nothing():
    raw = _raw()
    for value in (True, False, "x", ""):
        table = raw.assign(dinh_danh_hop_le=value, can_cap_nhat_dia_chi=value)
        assert m08.grade_ids(table, raw).score == 0 and m08.grade_addresses(table, raw).score == 0
    assert m08.grade_phone_rule(lambda so: "0912345678", [("1", "0912345678"), ("2", "")]).score == 0
    assert m08.grade_phone_rule("không phải hàm", [("1", "0912345678")]).score == 0


def test_merging_namesakes_loses_points():
    raw = _raw()
    table = raw.assign(ho_ten=raw["ho_ten"].map(tidy_name), ngay_sinh=raw["ngay_sinh"].map(iso_date))
    by_name = table.drop_duplicates(table["ho_ten"].map(name_key).rename("k").pipe(lambda s: s.name) and "ho_ten")
    result = m08.grade_duplicates(by_name, raw)
    assert 0 < result.score < result.max_score and any("không còn dòng" in m for m in result.messages)


# --- nothing reveals the answers ------------------------------------------------------------------------------

def test_the_released_copy_reveals_no_answer_and_visible_cells_import_no_grader():
    released = []
    for cell in _cells():
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution") and cell["cell_type"] == "markdown":
            continue
        released.append(re.sub(r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", "", "".join(cell["source"]),
                               flags=re.S))
    text = "\n".join(released)
    assert "grade_" not in text and "dap_an" not in text and "0987654321" not in text
    assert not list(EXERCISE.glob("dap_an*"))


def test_messages_give_counts_not_values():
    raw = _raw()
    result = m08.grade_dates(raw.assign(ngay_sinh="1980-01-01"), raw)
    assert result.messages and not any(re.search(r"\d{4}-\d{2}-\d{2}", m) for m in result.messages)


# --- what the lesson says about its own output ----------------------------------------------------------------

def _lesson_code(marker: str) -> str:
    lesson = json.loads((ROOT / "notebooks" / "08_lam_sach_du_lieu.ipynb").read_text(encoding="utf-8"))
    return next("".join(c["source"]) for c in lesson["cells"] if c["cell_type"] == "code" and marker in c["source"][0])


def test_lesson_answer_a_fails_exactly_where_the_lesson_says():
    namespace: dict = {}
    exec(_lesson_code("BAN_A = "), namespace)
    exec(_lesson_code("BAN_B = "), namespace)
    exec(_lesson_code("from autograder.modules.m08").split("\n\n\ndef kiem_tra_ham")[0], namespace)
    rule_a, rule_b = ({"re": re} for _ in range(2))
    exec(namespace["BAN_A"], rule_a)
    exec(namespace["BAN_B"], rule_b)
    wrong_a = {given for given, wanted in namespace["VI_DU"] if rule_a["chuan_hoa_sdt"](given) != wanted}
    assert wrong_a == {"0084 703 456 789", "912345678", "0123456789"}
    assert all(rule_b["chuan_hoa_sdt"](given) == wanted for given, wanted in namespace["VI_DU"])


def test_lesson_two_digit_year_trap_is_real():
    assert pd.to_datetime("1-2-58", format="%d-%m-%y").year == 2058


def test_stored_lists_are_nfc_and_the_loader_restores_the_planted_nfd_names():
    for path in (EXERCISE / "du_lieu_dan_cu.csv", ROOT / "notebooks" / "data" / "08_dan_cu_mau.csv"):
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))
        table = m08.load_records(path)
        decomposed = [name for name in table["ho_ten"] if not unicodedata.is_normalized("NFC", name)]
        assert len(decomposed) >= 4  # the names typed decomposed are back in NFD for the learner to find
