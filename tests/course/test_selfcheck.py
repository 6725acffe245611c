"""Self-check: visible tests only, per-part Đạt / Chưa đạt in Vietnamese."""

from __future__ import annotations

import json

import nbformat
import pytest
from bad_submissions import TINY_NAME, make_tiny_exercise, tiny_notebook

from ailab.cli import main as ailab_main
from ailab.selfcheck import (
    NOT_DONE,
    format_results,
    run_self_check,
    self_check_button,
    visible_tests_notebook,
)


def _test_cell(source: str):
    nb = tiny_notebook()
    cell = next(c for c in nb.cells if c.metadata.nbgrader.get("grade_id") == "test_cong")
    cell.source = source
    return nb


def _visible_source(nb) -> str:
    prepared = visible_tests_notebook(nb)
    return next(c.source for c in prepared.cells if c.metadata.nbgrader.get("grade_id") == "test_cong")


def test_hidden_block_is_removed_and_visible_asserts_stay():
    source = 'assert a == 1, "sai"\n### BEGIN HIDDEN TESTS\nassert b == 2\n### END HIDDEN TESTS\nprint("ok")'
    assert _visible_source(_test_cell(source)) == 'assert a == 1, "sai"\nprint("ok")'


def test_unterminated_hidden_block_hides_the_whole_cell():
    assert _visible_source(_test_cell("x = 1\n### BEGIN HIDDEN TESTS\nassert secret")) == ""


def test_prepared_notebook_has_no_hidden_test_and_no_self_check_cell():
    nb = tiny_notebook()
    nb.cells.append(nbformat.v4.new_code_cell('from ailab.selfcheck import self_check_button\nself_check_button("x")'))
    prepared = visible_tests_notebook(nb)
    text = "".join(c.source for c in prepared.cells)
    assert "HIDDEN" not in text and "Ủy ban nhân dân" in text  # the solution stays, the hidden assert goes
    assert "self_check_button" not in text
    assert len(prepared.cells) == len(nb.cells) - 1


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    return make_tiny_exercise(tmp_path_factory.mktemp("tu_kiem_tra"))


def test_solved_notebook_passes_every_part(exercise):
    results = run_self_check(exercise / f"{TINY_NAME}.ipynb")
    assert [r.grade_id for r in results] == ["test_co_quan", "test_cong", "test_so_dong", "test_ket_qua"]
    assert all(r.passed for r in results), format_results(results)


def test_wrong_answer_shows_the_visible_message_not_the_hidden_one(exercise, tmp_path):
    nb = json.loads((exercise / f"{TINY_NAME}.ipynb").read_text(encoding="utf-8"))
    nb["cells"][1]["source"] = 'co_quan = "UBND"'  # passes the visible test, fails only the hidden one
    nb["cells"][3]["source"] = "def cong(a, b):\n    return a - b"
    nb["cells"][7]["source"] = "ket_qua = []\nraise NotImplementedError()"
    path = exercise / "sai.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    results = {r.grade_id: r for r in run_self_check(path)}
    assert results["test_co_quan"].passed  # hidden test not run
    assert not results["test_cong"].passed and results["test_cong"].message == "cong(1, 2) phải bằng 3."
    assert results["test_ket_qua"].message == "ket_qua phải là [0, 2, 4]."
    assert "Chưa đạt" in format_results(list(results.values()))


def test_blank_answer_is_reported_as_not_done(exercise):
    nb = json.loads((exercise / f"{TINY_NAME}.ipynb").read_text(encoding="utf-8"))
    nb["cells"][3]["source"] = "# VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY\nraise NotImplementedError()"
    path = exercise / "trong.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    results = {r.grade_id: r for r in run_self_check(path)}
    assert results["test_cong"].message == NOT_DONE


def test_check_command_exit_code_says_whether_all_parts_pass(exercise, capsys):
    assert ailab_main(["check", str(exercise / f"{TINY_NAME}.ipynb")]) == 0
    assert "Đạt 4/4" in capsys.readouterr().out
    assert ailab_main(["check", str(exercise / "khong_co.ipynb")]) == 2


def test_button_tells_the_learner_to_save_first():
    box = self_check_button("bai.ipynb")
    assert "lưu" in box.children[0].value.lower()
    assert box.children[1].description == "Tự kiểm tra bài làm"


def test_button_click_inside_a_running_kernel_shows_results(exercise):
    from nbclient import NotebookClient

    code = (f"from ailab.selfcheck import self_check_button\nbox = self_check_button({TINY_NAME + '.ipynb'!r})\n"
            "box.children[1].click()\nprint(box.children[2].value)")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(exercise)}}).execute()
    printed = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert printed.count(">Đạt<") == 4 and "Chưa đạt" not in printed


def test_self_check_works_where_there_is_no_resource_module_nor_fork(exercise, monkeypatch):
    """Windows: no POSIX limits, no fork: a plain kernel, unwrapped, and the same results."""
    from autograder.notebook import kernel, limits, selfcheck

    monkeypatch.setattr(limits, "resource", None)
    monkeypatch.setattr(selfcheck, "can_fork_kernels", lambda: False)
    assert limits.apply_limits(512, 10) is False
    manager = kernel.LimitedKernelManager(kernel_name="python3")
    assert "autograder.notebook.limits" not in manager.format_kernel_cmd()
    results = run_self_check(exercise / f"{TINY_NAME}.ipynb")
    assert len(results) == 4 and all(r.passed for r in results), format_results(results)


def test_self_check_runs_on_a_private_copy_of_the_folder(exercise):
    nb = json.loads((exercise / f"{TINY_NAME}.ipynb").read_text(encoding="utf-8"))
    nb["cells"][1]["source"] += '\nopen("ghi_ra.txt", "w").write("x")\nopen("du_lieu.txt", "a").write("them\\n")'
    path = exercise / "ghi_tep.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    before = (exercise / "du_lieu.txt").read_bytes()
    results = run_self_check(path)
    assert results and results[0].passed
    assert not (exercise / "ghi_ra.txt").exists() and (exercise / "du_lieu.txt").read_bytes() == before


def test_parts_are_named_as_the_exercise_names_them():
    from autograder.notebook.selfcheck import PartResult, format_results, part_label

    assert part_label("m01-cau-2a") == "Câu 2a"
    assert part_label("kiem-tra-3", "## Câu 3. Tóm tắt báo cáo") == "Câu 3"
    assert part_label("kiem-tra-3") == ""
    text = format_results([PartResult("m05-cau-1", 2, True, label="Câu 1"), PartResult("x", 1, False, "Lỗi")])
    assert "Câu 1 (2 điểm)" in text and "— x (1 điểm)" in text and "bài kiểm tra ẩn" in text
