"""Module 02 grading (autograder.modules.m02_soan_thao_van_ban) and the broken-công-văn dataset."""

import importlib.util
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from ailab.vanban import sample, write_docx
from ailab.vanban.repair import ALIGNMENTS, body_paragraphs_of, replace_text
from autograder.modules.m02_soan_thao_van_ban import (
    PLANTED_RULES,
    Result,
    document_paragraphs,
    grade_facts,
    grade_facts_file,
    grade_layout,
    grade_layout_file,
    grade_repair,
    grade_repair_file,
    invented_numbers,
    kind_problem,
    missing_facts,
)
from autograder.nd30.report import Finding

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "exercises" / "02_soan_thao_van_ban" / "cong_van_loi.docx"


def _error(rule):
    return Finding(rule, "error", f"lỗi {rule}", "đoạn 1")


def _generator():
    spec = importlib.util.spec_from_file_location("gen02", REPO / "datasets" / "02_soan_thao_van_ban" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_layout_gives_a_share_per_clean_rule_group():
    paragraphs = ["GIẤY MỜI", "Dự họp"]
    assert grade_layout([], paragraphs, "Giấy mời", 1).points == 1
    result = grade_layout([_error("page.margin.left"), _error("noi_nhan.items")], paragraphs, "Giấy mời", 1)
    assert result.points == 0.5
    assert any(m.startswith("Trang, lề, phông chữ") for m in result.messages)
    assert any(m.startswith("Chữ ký, nơi nhận") for m in result.messages)


def test_layout_ignores_warnings():
    warning = Finding("text.nfc", "warning", "NFD", "")
    assert grade_layout([warning], ["GIẤY MỜI"], "Giấy mời", 1).points == 1


def test_wrong_type_scores_zero_with_a_message_naming_the_type():
    result = grade_layout([], ["THÔNG BÁO"], "Giấy mời", 1)
    assert result.points == 0 and "GIẤY MỜI" in result.messages[0]
    assert kind_problem(["Số: 05/UBND-VP", "V/v rà soát"], "Công văn") is None
    assert "V/v" in kind_problem(["CÔNG VĂN"], "Công văn")


def test_facts_are_matched_leniently_and_scored_in_proportion():
    text = "Địa điểm: HỘI TRƯỜNG Ủy ban  nhân dân xã. Nộp về Phòng Văn hóa – Xã hội."
    facts = {"địa điểm": "Hội trường Ủy ban nhân dân xã", "nơi nộp": "Phòng Văn hóa - Xã hội",
             "giờ họp": ("14 giờ 00", "14h00")}
    assert missing_facts(text, facts) == ["giờ họp"]
    result = grade_facts(text, facts, 1.5)
    assert result.points == 1.0
    assert result.messages == ["Thiếu giờ họp: văn bản cần ghi «14 giờ 00» như trong đề bài."]


def test_invented_numbers_are_those_absent_from_the_facts():
    facts = "14 giờ 00, ngày 12 tháng 3 năm 2026"
    assert invented_numbers("Thời gian: 14 giờ 00, ngày 12 tháng 3 năm 2026.", facts) == []
    assert invented_numbers("Có 35 đại biểu dự, bắt đầu 14 giờ 00.", facts) == ["35"]


def test_repair_scores_each_fixed_planted_error():
    text = "giả danh cán bộ công an; ứng dụng VNeID giả; Trưởng các thôn"
    assert grade_repair([_error(r) for r in PLANTED_RULES], text, 3).points == 0
    partial = grade_repair([_error("font.family"), _error("body.align")], text, 3)
    assert partial.points == 1.8 and len(partial.messages) == 2
    assert grade_repair([], text, 3).full


def test_repair_that_loses_the_content_scores_zero():
    result = grade_repair([], "Một văn bản khác hẳn", 3)
    assert result.points == 0 and "giữ nguyên nội dung" in result.messages[0]


def test_repair_that_adds_a_new_error_loses_one_share():
    text = "giả danh cán bộ công an; ứng dụng VNeID giả; Trưởng các thôn"
    result = grade_repair([_error("noi_nhan.label")], text, 3)
    assert result.points == 2.4 and "Lỗi mới" in result.messages[0]


def test_result_report_is_vietnamese():
    assert Result(1, 1).report() == "Được 1/1 điểm. Đạt yêu cầu."
    assert Result(0.5, 1, ["Thiếu giờ họp."]).report() == "Được 0.5/1 điểm.\n- Thiếu giờ họp."


def test_file_graders_explain_a_missing_file(tmp_path):
    for result in (grade_layout_file(tmp_path / "khong_co.docx", "Giấy mời", 1),
                   grade_facts_file(tmp_path / "khong_co.docx", {"x": "y"}, 1),
                   grade_repair_file(tmp_path / "khong_co.docx", 3)):
        assert result.points == 0 and "Chưa có tệp «khong_co.docx»" in result.messages[0]


def test_written_giay_moi_earns_full_layout_and_fact_points(tmp_path):
    path = write_docx(sample("Giấy mời"), tmp_path / "gm.docx")
    assert grade_layout_file(path, "Giấy mời", 1).full
    facts = {"địa điểm": "Hội trường Ủy ban nhân dân xã Tân Phú", "giờ": "08 giờ 00"}
    assert grade_facts_file(path, facts, 1.5).full
    assert "Số: 07/GM-UBND" in document_paragraphs(path)


def test_shipped_broken_cong_van_has_exactly_the_planted_errors():
    from autograder.nd30 import check_docx

    report = check_docx(SHIPPED)
    assert {f.rule for f in report.errors} == set(PLANTED_RULES)


def test_generator_is_reproducible_and_matches_the_shipped_file(tmp_path):
    generator = _generator()
    path, planted = generator.generate(tmp_path)
    assert [rule for rule, _ in planted] == list(PLANTED_RULES)
    assert document_paragraphs(path) == document_paragraphs(SHIPPED)
    assert docx.Document(str(path)).sections[0].left_margin == docx.Document(str(SHIPPED)).sections[0].left_margin


def test_repairing_with_python_docx_like_the_exercise_earns_full_marks(tmp_path):
    document = docx.Document(str(SHIPPED))
    document.sections[0].left_margin = Mm(30)
    for paragraph in body_paragraphs_of(document):
        paragraph.alignment = ALIGNMENTS["đều hai bên"]
        for run in paragraph.runs:
            run.font.name = "Times New Roman"
    assert replace_text(document, "Tân Phú, ngày 5 tháng 03 năm 2026", "Tân Phú, ngày 05 tháng 3 năm 2026") == 1
    assert replace_text(document, "Độc lập-Tự do-Hạnh phúc", "Độc lập - Tự do - Hạnh phúc") == 1
    document.save(str(tmp_path / "da_sua.docx"))
    result = grade_repair_file(tmp_path / "da_sua.docx", 3)
    assert result.full, result.report()


def test_partial_repair_gets_partial_credit(tmp_path):
    document = docx.Document(str(SHIPPED))
    document.sections[0].left_margin = Mm(32)
    document.save(str(tmp_path / "mot_phan.docx"))
    assert grade_repair_file(tmp_path / "mot_phan.docx", 3).points == 0.6


def test_body_paragraphs_of_skips_header_title_and_kinh_gui(tmp_path):
    van_ban = sample("Công văn")
    van_ban.kinh_gui = ["Trưởng thôn Đông", "Trưởng thôn Tây"]
    document = docx.Document(str(write_docx(van_ban, tmp_path / "cv.docx")))
    body = body_paragraphs_of(document)
    assert [p.text for p in body][0].startswith("Thực hiện kế hoạch")
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in body) and len(body) == 3


@pytest.mark.parametrize("old", ["Tân Phú, ngày 05", "CỘNG HÒA"])
def test_replace_text_reaches_table_cells(tmp_path, old):
    document = docx.Document(str(write_docx(sample("Thông báo"), tmp_path / "tb.docx")))
    assert replace_text(document, old, old) == 1
