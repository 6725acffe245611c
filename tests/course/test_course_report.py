"""report, feedback and certificates over a small graded class (two modules, three learners)."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from bad_submissions import make_tiny_exercise, solved_release
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from ailab.cli import main as ailab_main
from autograder.course.certificates import write_certificates
from autograder.course.feedback import write_feedback
from autograder.course.report import build_report, completes
from autograder.course.settings import CourseSettings

MODULES = ("01_tap_su", "06_tu_chon")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("bao_cao")
    for name in MODULES:
        make_tiny_exercise(root / "exercises", name)
    roster = root / "roster.csv"
    roster.write_bytes("id,ho_ten,don_vi,email\nhv_a,Nguyễn Văn An,UBND xã Tân Lập,\nhv_b,Trần Thị Bình,UBND xã Hòa Bình,\n"
                       "hv_c,Lê Văn Cường,UBND xã Yên Thế,\n".encode("utf-8-sig"))
    course = root / "course"
    assert ailab_main(["course", "init", str(course), "--roster", str(roster), "--exercises",
                       str(root / "exercises")]) == 0
    assert ailab_main(["course", "release", str(course)]) == 0
    inbox = root / "inbox"
    inbox.mkdir()
    for module in MODULES:
        name = f"{module}.ipynb"
        solved = solved_release(course / "release" / module / name, course / "source" / module / name)
        (inbox / f"hv_a_{name}").write_text(json.dumps(solved), encoding="utf-8")
        if module == MODULES[0]:
            (inbox / f"hv_b_{name}").write_text(json.dumps(solved), encoding="utf-8")
        else:
            shutil.copy(course / "release" / module / name, inbox / f"hv_b_{name}")
    assert ailab_main(["course", "collect", str(course), str(inbox)]) == 0
    assert ailab_main(["course", "grade", str(course), "--workers", "2"]) == 0
    return course


def test_release_zip_holds_the_blank_notebook_and_data_without_hidden_tests(course):
    with zipfile.ZipFile(course / "release_zips" / "01_tap_su.zip") as archive:
        assert sorted(archive.namelist()) == ["01_tap_su/01_tap_su.ipynb", "01_tap_su/du_lieu.txt"]
        text = archive.read("01_tap_su/01_tap_su.ipynb").decode()
    assert "HIDDEN" not in text and "return a + b" not in text and "VIẾT CÂU TRẢ LỜI" in text


def test_default_rule_needs_five_mandatory_modules_so_nobody_completes(course):
    report = build_report(course)
    assert not any(report.completed(learner.id) for learner in report.learners)
    assert [report.results["hv_b", m].passed for m in MODULES] == [True, False]
    assert report.results["hv_c", MODULES[0]].status == "missing"


def test_configured_rule_certifies_only_who_passed_enough(course, tmp_path):
    settings = CourseSettings.load(course)
    settings.mandatory, settings.electives_required = ["01"], 1
    settings.save(course)
    try:
        report = build_report(course)
        assert [learner.id for learner in report.learners if report.completed(learner.id)] == ["hv_a"]
        paths = write_certificates(course)
    finally:
        CourseSettings().save(course)
    assert paths[0].name == "hv_a.docx"
    document = Document(paths[0])
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    text = "\n".join(p.text for p in document.paragraphs)
    assert "GIẤY CHỨNG NHẬN HOÀN THÀNH" in text and "Nguyễn Văn An" in text and "UBND xã Tân Lập" in text
    assert "06_tu_chon" in text
    if shutil.which("soffice"):
        assert (course / "certificates" / "hv_a.pdf").exists()


def test_completion_rule_counts_electives_beyond_mandatory():
    settings = CourseSettings(mandatory=["01", "02"], electives_required=2)
    assert completes(["01_a", "02_b", "07_c", "09_d"], settings)
    assert not completes(["01_a", "02_b", "07_c"], settings)
    assert not completes(["01_a", "07_c", "08_d", "09_e"], settings)


def test_workbook_has_grades_item_analysis_and_charts(course):
    build_report(course)
    book = load_workbook(course / "reports" / "grades.xlsx")
    grades = list(book["Bảng điểm"].values)
    assert grades[0][:5] == ("Mã", "Họ tên", "Đơn vị", *MODULES)
    assert grades[1][:5] == ("hv_a", "Nguyễn Văn An", "UBND xã Tân Lập", 8, 8)
    assert grades[3][3] == "missing"
    items = {(row[0], row[1]): row[5] for row in list(book["Phân tích câu hỏi"].values)[1:]}
    assert items["01_tap_su", "test_cong"] == 1.0 and items["06_tu_chon", "test_cong"] == 0.5
    assert (course / "reports" / "charts" / "diem_trung_binh.png").stat().st_size > 1000


def test_feedback_is_vietnamese_and_hides_hidden_tests(course):
    paths = write_feedback(course)
    assert len(paths) == 4  # hv_c has nothing to give feedback on
    page = (course / "feedback_html" / "hv_b" / "06_tu_chon.html").read_text(encoding="utf-8")
    assert "Phản hồi bài làm" in page and "Chưa đạt" in page
    assert "HIDDEN" not in page and "Tên cơ quan chưa đúng" not in page and "len(ket_qua) == 3" not in page
    graded = (course / "autograded" / "hv_b" / "06_tu_chon" / "06_tu_chon.ipynb").read_text(encoding="utf-8")
    assert "len(ket_qua) == 3" in graded  # what nbgrader's own feedback would have shown


def test_bad_roster_gives_a_vietnamese_error_and_exit_code_2(tmp_path, capsys):
    make_tiny_exercise(tmp_path / "ex")
    (tmp_path / "r.csv").write_text("id,ten\n1,A\n", encoding="utf-8")
    code = ailab_main(["course", "init", str(tmp_path / "c"), "--roster", str(tmp_path / "r.csv"),
                       "--exercises", str(tmp_path / "ex")])
    assert code == 2 and "thiếu cột" in capsys.readouterr().err
