"""Lesson 02 says what its checks print: run the lesson offline and compare its claims with the outputs."""

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
LESSON = REPO / "notebooks" / "02_soan_thao_van_ban.ipynb"


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bai02")
    shutil.copy(LESSON, folder / LESSON.name)
    notebook = nbformat.read(folder / LESSON.name, as_version=4)
    NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def _output_of(notebook, marker: str) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "code" and marker in cell.source:
            return "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in cell.outputs)
    raise AssertionError(f"no code cell contains {marker!r}")


def _prose_after(notebook, marker: str) -> str:
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "code" and marker in cell.source:
            return cells[index + 1].source
    raise AssertionError(marker)


def _prose_before(notebook, marker: str) -> str:
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "code" and marker in cell.source:
            return cells[index - 1].source
    raise AssertionError(marker)


def test_prepared_answer_passes_as_the_lesson_says(ran):
    output = _output_of(ran, "print(check_facts(ban_nhap, can_co, 1))")
    assert "Đạt 1/1 điểm." in output and "Con số không có trong dữ kiện: không có" in output
    assert "đạt cả hai việc" in _prose_after(ran, "print(check_facts(ban_nhap, can_co, 1))")


def test_bare_list_draft_has_every_fact_flagged_as_the_lesson_says(ran):
    output = _output_of(ran, "print(check_facts(nhap_tran, can_co, 1))")
    assert "Đạt 0/1 điểm." in output and output.count("chưa nằm trong một câu nói rõ đó là gì") == 5
    assert "dữ kiện nào cũng bị báo" in _prose_before(ran, "print(check_facts(nhap_tran, can_co, 1))")


def test_wrong_time_draft_reports_what_the_lesson_says(ran):
    output = _output_of(ran, "print(check_facts(nhap_loi, can_co, 1))")
    assert "Chưa có người chủ trì." in output and "Chưa có giờ họp." in output and "['35', '15']" in output
    prose = _prose_before(ran, "print(check_facts(nhap_loi, can_co, 1))")
    assert "thiếu người chủ trì, thiếu giờ họp" in prose and "35, 15" in prose


def test_ai_quyet_dinh_has_the_four_outdated_bases_the_lesson_names(ran):
    output = _output_of(ran, "find_superseded(du_thao_ai")
    assert output.count("\n- ") + output.startswith("- ") == 4
    for quote in ("ngày 19 tháng 6 năm 2015", "ngày 22 tháng 11 năm 2019", "13/2023/NĐ-CP",
                  "Phòng Văn hóa và Thông tin huyện"):
        assert quote in output
    assert "**bốn** chỗ" in _prose_after(ran, "find_superseded(du_thao_ai")


def test_fixed_quyet_dinh_is_clean(ran):
    output = _output_of(ran, 'tep_qd = tao_van_ban(quyet_dinh')
    assert "Căn cứ đã hết hiệu lực: không có" in output and "findings=[]" in output


def test_lesson_states_the_decree_indent_and_sends_no_one_to_the_trainer_folder():
    text = LESSON.read_text(encoding="utf-8")
    assert "1 cm hoặc 1,27 cm" in text and "thụt đầu dòng 1 cm |" not in text
    assert "exercises/" not in text and "số CCCD" not in text
