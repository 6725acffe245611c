"""Exercise 02, câu 3: the faulty công văn, fixed in Word/LibreOffice (or python-docx) and uploaded."""

import datetime as dt
import importlib.util
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from ailab.vanban.repair import ALIGNMENTS, body_paragraphs_of, replace_text
from autograder.modules.m02_soan_thao_van_ban import (
    PLANTED_RULES,
    content_changes,
    content_fingerprint,
    grade_repair_file,
    paragraphs_of,
    upload_widget,
)

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "exercises" / "02_soan_thao_van_ban"
SHIPPED = FOLDER / "cong_van_loi.docx"


def _generator():
    spec = importlib.util.spec_from_file_location("gen02", REPO / "datasets" / "02_soan_thao_van_ban" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fixed(tmp_path, *, margin=True, body=True, date=True, motto=True) -> docx.Document:
    document = docx.Document(str(SHIPPED))
    if margin:
        document.sections[0].left_margin = Mm(30)
    if body:
        for paragraph in body_paragraphs_of(document):
            paragraph.alignment = ALIGNMENTS["đều hai bên"]
            for run in paragraph.runs:
                run.font.name = "Times New Roman"
    if date:
        replace_text(document, "Tân Phú, ngày 5 tháng 03 năm 2026", "Tân Phú, ngày 05 tháng 3 năm 2026")
    if motto:
        replace_text(document, "Độc lập-Tự do-Hạnh phúc", "Độc lập - Tự do - Hạnh phúc")
    return document


def _save(document, tmp_path, name="cong_van_da_sua.docx") -> Path:
    document.save(str(tmp_path / name))
    return tmp_path / name


def test_shipped_file_has_exactly_the_planted_errors():
    from autograder.nd30 import check_docx

    assert {f.rule for f in check_docx(SHIPPED).errors} == set(PLANTED_RULES)


def test_generator_is_reproducible_and_matches_the_shipped_file(tmp_path):
    path, planted = _generator().generate(tmp_path)
    assert [rule for rule, _ in planted] == list(PLANTED_RULES)
    assert paragraphs_of(path) == paragraphs_of(SHIPPED)
    assert docx.Document(str(path)).sections[0].left_margin == docx.Document(str(SHIPPED)).sections[0].left_margin


def test_every_error_fixed_and_content_kept_earns_full_marks(tmp_path):
    result = grade_repair_file(_save(_fixed(tmp_path), tmp_path), SHIPPED, 2.5)
    assert result.ok, result


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice chưa được cài trên máy này")
def test_a_fix_saved_again_by_libreoffice_still_earns_full_marks(tmp_path):
    fixed = _save(_fixed(tmp_path), tmp_path, "da_sua.docx")
    out = tmp_path / "libreoffice"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "docx", "--outdir", str(out), str(fixed)],
                   check=True, capture_output=True, timeout=180)
    result = grade_repair_file(out / "da_sua.docx", SHIPPED, 2.5)
    assert result.ok, result


def test_uploading_the_faulty_file_unchanged_earns_nothing(tmp_path):
    path = tmp_path / "cong_van_da_sua.docx"
    shutil.copy(SHIPPED, path)
    result = grade_repair_file(path, SHIPPED, 2.5)
    assert result.score == 0 and len(result.messages) == len(PLANTED_RULES)


def test_each_fixed_error_earns_its_share(tmp_path):
    only_margin = _fixed(tmp_path, body=False, date=False, motto=False)
    assert grade_repair_file(_save(only_margin, tmp_path), SHIPPED, 2.5).score == 0.5


def test_a_deleted_sentence_scores_zero_and_is_quoted(tmp_path):
    document = _fixed(tmp_path)
    body = body_paragraphs_of(document)
    body[1]._element.getparent().remove(body[1]._element)
    result = grade_repair_file(_save(document, tmp_path), SHIPPED, 2.5)
    assert result.score == 0 and result.messages[0].startswith("Đã mất nội dung: «để phòng ngừa")


def test_an_added_fact_scores_zero(tmp_path):
    document = _fixed(tmp_path)
    body_paragraphs_of(document)[0].add_run(" Đã có 12 trường hợp bị lừa.")
    result = grade_repair_file(_save(document, tmp_path), SHIPPED, 2.5)
    assert result.score == 0 and "Đã thêm nội dung" in result.messages[0] and "12" in result.messages[0]


def test_a_new_error_made_while_fixing_costs_one_share(tmp_path):
    document = _fixed(tmp_path)
    document.sections[0].top_margin = Mm(10)
    result = grade_repair_file(_save(document, tmp_path), SHIPPED, 2.5)
    assert result.score == 2.0 and "Lỗi mới" in result.messages[0]


def test_missing_or_unreadable_file_gets_a_vietnamese_message(tmp_path):
    assert "Chưa có tệp" in grade_repair_file(tmp_path / "cong_van_da_sua.docx", SHIPPED, 2.5).messages[0]
    (tmp_path / "cong_van_da_sua.docx").write_text("không phải Word", encoding="utf-8")
    assert "Không đọc được" in grade_repair_file(tmp_path / "cong_van_da_sua.docx", SHIPPED, 2.5).messages[0]


def test_content_comparison_ignores_leading_zeros_and_dash_spacing():
    lost, added = content_changes(["Tân Phú, ngày 5 tháng 03 năm 2026", "Độc lập-Tự do-Hạnh phúc"],
                                  ["Tân Phú, ngày 05 tháng 3 năm 2026", "", "Độc lập – Tự do – Hạnh phúc"])
    assert lost == [] and added == []


def test_the_hidden_test_fingerprint_is_the_shipped_file():
    notebook = (FOLDER / "02_soan_thao_van_ban.ipynb").read_text(encoding="utf-8")
    assert content_fingerprint(paragraphs_of(SHIPPED)) in notebook


def test_upload_widget_saves_the_chosen_docx_under_the_fixed_name(tmp_path):
    box = upload_widget(tmp_path)
    button, message = box.children
    button.value = ({"name": "ban sua cua toi.docx", "type": "", "size": 4, "last_modified": dt.datetime(2026, 3, 5),
                     "content": memoryview(SHIPPED.read_bytes())},)
    assert (tmp_path / "cong_van_da_sua.docx").read_bytes() == SHIPPED.read_bytes()
    assert "Đã lưu" in message.value
    button.value = ({"name": "x.pdf", "type": "", "size": 3, "last_modified": dt.datetime(2026, 3, 5), "content": memoryview(b"%PDF")},)
    assert "không phải tệp Word" in message.value
