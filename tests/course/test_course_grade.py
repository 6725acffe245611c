"""`ailab course grade` on a class full of broken submissions: each fails alone, with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from bad_submissions import TINY_NAME
from conftest import GOOD, LEARNERS

from autograder.course.status import STATUS_COLUMNS

NB = f"{TINY_NAME}.ipynb"


def test_grade_exits_zero_and_writes_one_row_per_learner(graded_class):
    assert graded_class["exit"] == 0
    assert tuple(graded_class["header"]) == STATUS_COLUMNS
    assert set(graded_class["status"]) == set(LEARNERS)
    assert all(row["module"] == TINY_NAME and row["max_score"] == "10" for row in graded_class["status"].values())


@pytest.mark.parametrize("learner", GOOD + ["hv_read_gradebook", "hv_nfd_answer", "hv_huge_print"])
def test_good_work_keeps_full_marks_next_to_broken_submissions(graded_class, learner):
    row = graded_class["status"][learner]
    assert (row["status"], row["score"]) == ("graded", "8"), row


@pytest.mark.parametrize(("learner", "reason"), [
    ("hv_json", "không phải notebook"),
    ("hv_rong", "không phải notebook"),
    ("hv_delete_test_cell", "thiếu ô"),
    ("hv_strip_test_metadata", "bài kiểm tra bị sửa"),
    ("hv_edit_test_cell", "bài kiểm tra bị sửa"),
    ("hv_change_cell_type", "bài kiểm tra bị sửa"),
])
def test_unusable_submission_fails_with_its_reason_and_zero(graded_class, learner, reason):
    row = graded_class["status"][learner]
    assert row["status"] == "failed" and row["reason"].startswith(reason), row
    assert row["score"] == "0"


# The breakers touch the answer to part 2 (cong); part 1 (co_quan) runs before it and keeps its 2 points.
@pytest.mark.parametrize(("learner", "reason", "score"), [
    ("hv_infinite_loop", "quá thời gian", "4"),  # parts 1 and 3 pass; 2 and 4 call the endless cong
    ("hv_kernel_exit", "kernel dừng đột ngột", "2"),  # nothing after the dead kernel counts
    ("hv_memory_bomb", "vượt giới hạn bộ nhớ", "4"),  # cong never defined: parts 2 and 4 fail
])
def test_submission_failing_part_way_keeps_the_points_of_parts_that_ran(graded_class, learner, reason, score):
    row = graded_class["status"][learner]
    assert row["status"] == "failed" and row["reason"].startswith(reason), row
    assert row["score"] == score, row


def test_huge_print_is_capped_in_the_graded_notebook(graded_class):
    row = graded_class["status"]["hv_huge_print"]
    assert "đầu ra quá dài" in row["reason"]
    graded = graded_class["course"] / "autograded" / "hv_huge_print" / TINY_NAME / NB
    assert graded.stat().st_size < 1_000_000


def test_learners_with_unusable_files_are_missing_and_named_in_collect_notes(graded_class):
    notes = graded_class["notes"]
    assert graded_class["status"]["hv_saiten"]["status"] == "missing"
    assert graded_class["status"]["hv_vang"]["status"] == "missing"
    assert any("nguoi_la" in n.message and "không có trong danh sách" in n.message for n in notes)
    assert any("hv_saiten" in n.origin and "tên tệp" in n.message for n in notes)
    assert sum("không an toàn" in n.message for n in notes) == 3


def test_zip_slip_writes_nothing_outside_the_course(graded_class):
    root = graded_class["root"]
    assert not (root.parent / f"hv_vang_{NB}").exists()
    assert not list(root.parent.glob("escape.ipynb")) and not list(root.glob("escape.ipynb"))
    assert not Path("/tmp/absolute_escape.ipynb").exists()
    assert not (graded_class["course"] / "submitted" / "hv_vang").exists()


def test_gradebook_holds_the_same_scores_as_status_csv(graded_class):
    from nbgrader.api import Gradebook

    course = graded_class["course"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "ailab") as gb:
        for learner in ("hv_tot", "hv_kernel_exit"):
            submission = gb.find_submission(TINY_NAME, learner)
            assert f"{submission.score:g}" == graded_class["status"][learner]["score"]


def test_graded_notebook_of_a_good_learner_has_hidden_tests_restored(graded_class):
    graded = graded_class["course"] / "autograded" / "hv_tot" / TINY_NAME / NB
    sources = "".join(c.source for c in nbformat.read(graded, as_version=4).cells)
    assert "BEGIN HIDDEN TESTS" in sources


def test_whole_notebook_wall_limit_stops_a_slow_but_not_stuck_submission(graded_class):
    from autograder.course.gradebook import snapshot
    from autograder.course.grading import load_config
    from autograder.course.tasks import Task, close_factories, grade_task

    course = graded_class["course"]
    slow = json.loads((course / "release" / TINY_NAME / NB).read_text(encoding="utf-8"))
    for cell in slow["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution") and cell["cell_type"] == "code":
            cell["source"] = "import time\ntime.sleep(3)"  # each cell within the 5 s cell limit
    task = Task("hv_tot", TINY_NAME, ((NB, json.dumps(slow).encode()),), (),
                json.loads(json.dumps(load_config(course))), 5, preload=())
    try:
        outcome = grade_task(task, snapshot(f"sqlite:///{course / 'gradebook.db'}", "ailab"))
    finally:
        close_factories()
    assert (outcome.status, outcome.reason) == ("failed", "quá thời gian (cả bài chạy quá lâu)")


def test_worker_pipeline_is_nbgrader_config_minus_gradebook_writers(graded_class):
    from autograder.course.grading import load_config
    from autograder.course.tasks import parent_pipeline, worker_pipeline

    config = load_config(graded_class["course"])
    sanitize, execute = worker_pipeline(config)
    assert [p.__name__ for p in sanitize][:2] == ["NormalizeUnicode", "ClearOutput"]
    assert "LimitedExecute" in [p.__name__ for p in execute] and "CapOutputSize" in [p.__name__ for p in execute]
    assert [p.__name__ for p in parent_pipeline(config)] == ["SaveAutoGrades", "AssignLatePenalties"]
