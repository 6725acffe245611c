"""Exercise 10: a commune's plan from the province's directive — honest answers full, gaming ≤ 30%."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from ailab.vanban.model import VanBan
from ailab.vanban.writer import write_docx
from autograder.checks.indicators import Indicator
from autograder.modules import m10_xay_dung_ke_hoach as m10

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "exercises" / "10_xay_dung_ke_hoach"
_spec = importlib.util.spec_from_file_location("dap_an_10", ROOT / "datasets" / "10_xay_dung_ke_hoach" / "dap_an.py")
KEY = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(KEY)
_spec = importlib.util.spec_from_file_location("m10_answers", Path(__file__).with_name("m10_answers.py"))
answers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(answers)
XA, TINH = m10.tasks(KEY.NHIEM_VU_XA), m10.tasks(KEY.NHIEM_VU_TINH)
INDICATORS = [Indicator(*row) for row in KEY.CHI_TIEU]
DIRECTIVE = (EXERCISE / "chi_dao_tinh.md").read_text(encoding="utf-8")
ON = dt.date(2026, 2, 10)
HONEST = [answers.SOLUTION_TABLE, answers.HONEST_TABS, answers.HONEST_SHORT, answers.HONEST_ABBREVIATED]


def table_parts(text: str) -> list:
    return [m10.grade_coverage(text, XA, TINH, 2), m10.grade_deadlines(text, XA, KEY.ISSUED, 2, TINH),
            m10.grade_units(text, XA, ON, 2)]


@pytest.mark.parametrize("text", HONEST, ids=["solution", "excel_tabs", "short_words", "abbreviated"])
def test_honest_tables_written_differently_score_full(text):
    for result in table_parts(text):
        assert result.ok, result
    assert not m10.table_form_problems(text)


def test_blank_table_scores_zero_with_a_vietnamese_reason():
    for text in ("", "chưa làm"):
        for result in table_parts(text):
            assert result.score == 0
    assert "Chưa dán" in m10.table_form_problems("")[0]


def test_copying_the_whole_directive_earns_at_most_30_percent_of_the_table_parts():
    coverage, deadlines, units = table_parts(answers.COPY_DIRECTIVE)
    assert deadlines.share <= 0.3, deadlines
    assert coverage.share <= 0.3, coverage
    assert units.share <= 0.3, units
    assert "cấp tỉnh" in str(coverage)


@pytest.mark.parametrize("name", ["SALAD", "BARE_KEYWORDS"])
def test_keyword_salad_rows_earn_nothing(name):
    for result in table_parts(getattr(answers, name)):
        assert result.share <= 0.3, result


@pytest.mark.parametrize("name", ["CONSTANT_UNIT", "DISTRICT_UNITS"])
def test_one_unit_for_every_task_or_district_bodies_fail_units(name):
    text = getattr(answers, name)
    coverage, _, units = table_parts(text)
    assert coverage.ok
    assert units.share <= 0.3, units


def test_district_units_are_named_as_gone_since_july_2025():
    assert "cấp huyện" in str(m10.grade_units(answers.DISTRICT_UNITS, XA, ON, 2))


@pytest.mark.parametrize("name", ["CONSTANT_DATE", "LATE_DATES"])
def test_one_date_for_every_task_or_dates_after_the_province_fail_deadlines(name):
    result = m10.grade_deadlines(getattr(answers, name), XA, KEY.ISSUED, 2)
    assert result.share <= 0.3, result


def test_a_missing_task_costs_its_share_only():
    text = "\n".join(line for line in answers.SOLUTION_TABLE.splitlines() if "hộ tịch" not in line)
    for result in table_parts(text):
        assert 0.8 <= result.share < 1, result


@pytest.mark.parametrize(("text", "expected"), [
    ("trước ngày 30/6/2026", dt.date(2026, 6, 30)), ("ngày 31 tháng 10 năm 2026", dt.date(2026, 10, 31)),
    ("tháng 3/2026", dt.date(2026, 3, 31)), ("Quý III/2026", dt.date(2026, 9, 30)), ("thường xuyên", None),
    ("31/02/2026", None),
])
def test_deadlines_read_as_real_dates(text, expected):
    assert m10.parse_deadline(text) == expected


def table_text(text: str) -> str:
    return "\n".join(row.task for row in m10.read_table(text))


def test_plan_figures_from_the_directive_beside_their_task_score_full():
    for table in HONEST:
        result = m10.grade_targets("\n".join(answers.PLAN_BODY) + "\n" + table_text(table), INDICATORS, DIRECTIVE, 1)
        assert result.ok, result


def test_invented_or_swapped_targets_earn_at_most_30_percent():
    result = m10.grade_targets("\n".join(answers.INVENTED_BODY), INDICATORS, DIRECTIVE, 1)
    assert result.share <= 0.3, result
    assert "không có trong nguồn" in str(result)


def write_plan(tmp_path, **overrides) -> Path:
    values = dict(loai="Kế hoạch", co_quan_ban_hanh="Ủy ban nhân dân xã Thanh Lâm", dia_danh="Thanh Lâm", ngay=ON,
                  so=12, trich_yeu="Thực hiện chuyển đổi số năm 2026 trên địa bàn xã",
                  can_cu=["Căn cứ Kế hoạch số 86/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Sơn Hà "
                          "về thực hiện chuyển đổi số năm 2026"],
                  noi_dung=answers.PLAN_BODY, quyen_han="TM.", chuc_vu="Chủ tịch", nguoi_ky="Lê Thị Hoa",
                  noi_nhan=["Sở Khoa học và Công nghệ", "Các phòng, đơn vị thuộc UBND xã", "Các thôn"])
    values.update(overrides)
    return write_docx(VanBan(**values), tmp_path / "ke_hoach_xa.docx")


def test_a_commune_plan_laid_out_by_the_writer_has_the_full_structure(tmp_path):
    result = m10.grade_structure(write_plan(tmp_path), KEY.DIRECTIVE_NUMBER, KEY.PLAN_ABOUT, ON, 1)
    assert result.ok, result


def test_a_plan_written_differently_has_the_full_structure_too(tmp_path):
    body = ["I. Mục đích, yêu cầu", "Triển khai kịp thời các việc tỉnh giao.", "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
            "Theo bảng kèm theo.", "III. Tổ chức thực hiện", "Các phòng, đơn vị thực hiện theo phân công."]
    path = write_plan(tmp_path, can_cu=[], noi_dung=["Thực hiện Kế hoạch số 86/KH-UBND ngày 20/01/2026 của UBND tỉnh "
                                                     "Sơn Hà, Ủy ban nhân dân xã ban hành Kế hoạch như sau:", *body],
                      trich_yeu="Triển khai chuyển đổi số năm 2026", co_quan_ban_hanh="Ủy ban nhân dân phường Bình An")
    result = m10.grade_structure(path, KEY.DIRECTIVE_NUMBER, KEY.PLAN_ABOUT, ON, 1)
    assert result.ok, result


@pytest.mark.parametrize("overrides", [
    {"co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Sơn Hà"},
    {"can_cu": [], "noi_dung": [line.replace("số 86/KH-UBND", "") for line in answers.PLAN_BODY]},
    {"noi_dung": answers.PLAN_BODY[:-2]},
    {"noi_dung": [*answers.PLAN_BODY, "Phòng Văn hóa và Thông tin huyện phối hợp tuyên truyền."]},
    {"trich_yeu": "Kế hoạch"},
])
def test_each_missing_structure_element_costs_points(tmp_path, overrides):
    result = m10.grade_structure(write_plan(tmp_path, **overrides), KEY.DIRECTIVE_NUMBER, KEY.PLAN_ABOUT, ON, 1)
    assert 0 < result.share < 1, result


def test_no_plan_file_scores_zero(tmp_path):
    assert m10.grade_structure(tmp_path / "khong_co.docx", KEY.DIRECTIVE_NUMBER, KEY.PLAN_ABOUT, ON, 1).score == 0


def test_hidden_cells_carry_the_trainer_key_and_visible_cells_none():
    cells = json.loads((EXERCISE / "10_xay_dung_ke_hoach.ipynb").read_text("utf-8"))["cells"]
    hidden = "\n".join("".join(c["source"]) for c in cells if "BEGIN HIDDEN TESTS" in "".join(c["source"]))
    for line in KEY.NHIEM_VU_XA + KEY.NHIEM_VU_TINH:
        assert line in hidden
    visible = "\n".join("".join(c["source"]).split("### BEGIN HIDDEN TESTS")[0] for c in cells)
    assert "Trung tâm Phục vụ hành chính công | 2026" not in visible
    assert not list(EXERCISE.glob("dap_an*"))


def lesson_namespace() -> dict:
    """Run the lesson's code cells that define its tables and key (no model call, no file written)."""
    cells = json.loads((ROOT / "notebooks" / "10_xay_dung_ke_hoach.ipynb").read_text("utf-8"))["cells"]
    namespace: dict = {}
    exec("from autograder.checks.indicators import Indicator\n"
         "from autograder.modules.m10_xay_dung_ke_hoach import tasks, read_table", namespace)
    namespace["chi_dao"] = (ROOT / "notebooks" / "data" / "10_chi_dao_thien_tai.md").read_text("utf-8")
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and source.startswith(("BANG_AI", "BANG_DA_SUA", "import datetime")):
            exec(source.split("\nfor dong")[0].split("\nkiem_tra_bang")[0], namespace)
    return namespace


def test_the_lesson_says_what_its_checks_find_in_the_prepared_table():
    ns = lesson_namespace()
    xa, tinh, on = ns["NHIEM_VU_XA"], ns["NHIEM_VU_TINH"], dt.date(2026, 3, 20)
    table = ns["BANG_AI"]
    assert "cơ quan cấp tỉnh" in str(m10.grade_coverage(table, xa, tinh, 2))
    assert "không còn cấp huyện" in str(m10.grade_units(table, xa, on, 2))
    assert "muộn hơn hạn tỉnh giao" in str(m10.grade_deadlines(table, xa, dt.date(2026, 3, 10), 2))
    tasks_text = "\n".join(row.task for row in m10.read_table(table))
    assert "«100%» không có trong nguồn" in str(m10.grade_targets(tasks_text, ns["CHI_TIEU"], ns["chi_dao"], 1))
    fixed = ns["BANG_DA_SUA"]
    for result in (m10.grade_coverage(fixed, xa, tinh, 2), m10.grade_units(fixed, xa, on, 2),
                   m10.grade_deadlines(fixed, xa, dt.date(2026, 3, 10), 2)):
        assert result.ok, result


def test_the_lesson_table_copied_into_the_exercise_earns_nothing():
    table = lesson_namespace()["BANG_DA_SUA"]
    for result in table_parts(table):
        assert result.score == 0, result


def test_the_directive_tasks_for_the_commune_copied_word_for_word_with_right_units_score_full():
    lines = [line for line in DIRECTIVE.splitlines() if line[:2].rstrip(".").isdigit() or line[:3].rstrip(".").isdigit()]
    units = {"T1": "Trung tâm Phục vụ hành chính công", "T2": "Văn phòng HĐND và UBND", "T3": "Công an xã",
             "T4": "Phòng Văn hóa - Xã hội", "T5": "Phòng Kinh tế", "T6": "Phòng Kinh tế",
             "T7": "Văn phòng HĐND và UBND"}
    rows = []
    for line in lines:
        task = line.split(". ", 1)[1]
        hit = [t for t in XA if t.matches(task)]
        if hit:
            rows.append(f"| {task} | {units[hit[0].code]} | {hit[0].deadline:%d/%m/%Y} |")
    text = "| Nhiệm vụ | Chủ trì | Thời hạn |\n|---|---|---|\n" + "\n".join(rows)
    assert len(rows) == 7
    for result in table_parts(text):
        assert result.ok, result


def test_a_plan_that_takes_on_the_province_target_loses_the_figures_point():
    province = [Indicator(*row) for row in KEY.CHI_TIEU_TINH]
    body = "\n".join([*answers.PLAN_BODY, "4. Phấn đấu 95% văn bản đi được ký số."]) + "\n" + \
        table_text(answers.SOLUTION_TABLE)
    result = m10.grade_targets(body, INDICATORS, DIRECTIVE, 1, province)
    assert not result.ok, result  # the exercise cell gives its point only when ok
    assert "các sở, ngành" in str(result)
    honest = "\n".join(answers.PLAN_BODY) + "\n" + table_text(answers.SOLUTION_TABLE)
    assert m10.grade_targets(honest, INDICATORS, DIRECTIVE, 1, province).ok


def test_the_directive_pasted_whole_as_the_plan_body_loses_the_figures_point():
    province = [Indicator(*row) for row in KEY.CHI_TIEU_TINH]
    assert not m10.grade_targets(DIRECTIVE, INDICATORS, DIRECTIVE, 1, province).ok
