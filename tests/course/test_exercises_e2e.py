"""End-to-end check of every nbgrader exercise under ``exercises/NN_slug/``.

For each exercise: generate the release copy with nbgrader, then autograde two "learners" in ONE
nbgrader call — the SOURCE notebook (must earn every automatic point) and the blank RELEASE copy
(must earn zero, with no error but failing tests: no timeout, no dead kernel, no broken setup cell).
Test ids are the exercise folder names, so ``pytest tests/course/test_exercises_e2e.py -k 02`` runs module 02.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.utils import is_grade, is_solution, is_task

from autograder.course.settings import CourseSettings, nbgrader_config_text

REPO = Path(__file__).resolve().parents[2]
# AILAB_EXERCISES_DIR lets the course tests run this file against a tiny exercise of their own.
EXERCISES_ROOT = Path(os.environ.get("AILAB_EXERCISES_DIR", REPO / "exercises"))
EXERCISES = sorted(p for p in EXERCISES_ROOT.glob("*/") if p.is_dir() and any(p.glob("*.ipynb")))
SOLVER, BLANK = "nguoi_giai_mau", "ban_trang"
CELL_TIMEOUT = 120

# The same nbgrader_config.py as `ailab course init` writes (memory-limited kernel, output caps, NFC).
CONFIG = nbgrader_config_text(CourseSettings(course_id="e2e", cell_timeout=CELL_TIMEOUT))

pytestmark = pytest.mark.skipif(not EXERCISES, reason="chưa có bài tập nào trong exercises/")


def _nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    # nbgrader creates the gradebook by running the `alembic` script: it must be on PATH.
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, capture_output=True,
                          text=True, timeout=1800, env=env)


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_test(cell) -> bool:
    return bool(is_grade(cell)) and not is_solution(cell) and cell.cell_type == "code"


def _is_manual(cell) -> bool:
    return bool(is_task(cell)) or (bool(is_grade(cell)) and bool(is_solution(cell)))


def _source_notebooks(exercise: Path) -> list[Path]:
    return sorted(exercise.glob("*.ipynb"))


def _errors(nb_path: Path) -> list[tuple[dict, str, str]]:
    """(nbgrader metadata, error name, short message) for every error output in a notebook."""
    nb = nbformat.read(nb_path, as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                meta = dict(_meta(cell)) or {"grade_id": f"ô số {index + 1} (không có metadata)"}
                found.append((meta, output.get("ename", ""), str(output.get("evalue", ""))[:300]))
    return found


@pytest.fixture(scope="session")
def graded_runs(tmp_path_factory):
    """Lazily autograde each exercise once (source + release in one nbgrader call)."""
    cache: dict[str, dict] = {}

    def run(exercise: Path) -> dict:
        if exercise.name in cache:
            return cache[exercise.name]
        name = exercise.name
        course = tmp_path_factory.mktemp(f"course_{name}")
        (course / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
        shutil.copytree(exercise, course / "source" / name,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        generated = _nbgrader(course, "generate_assignment", name, "--force")
        result = {"course": course, "name": name, "generate": generated}
        if generated.returncode == 0:
            for learner, folder in ((SOLVER, course / "source" / name), (BLANK, course / "release" / name)):
                target = course / "submitted" / learner / name
                target.mkdir(parents=True)
                for notebook in folder.glob("*.ipynb"):
                    shutil.copy(notebook, target / notebook.name)
            result["autograde"] = _nbgrader(course, "autograde", name, "--force")
        cache[name] = result
        return result

    return run


def _log_tail(proc: subprocess.CompletedProcess | None) -> str:
    if proc is None:
        return ""
    return "\n".join((proc.stdout + proc.stderr).splitlines()[-25:])


def _scores(run: dict, learner: str) -> tuple[float, float, dict[str, tuple[float, float]]]:
    with Gradebook(f"sqlite:///{run['course'] / 'gradebook.db'}", "e2e") as gb:
        submission = gb.find_submission(run["name"], learner)
        per_cell = {}
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "code" and grade.auto_score is not None:
                    per_cell[f"{notebook.name}:{grade.name}"] = (grade.auto_score, grade.max_score)
        return submission.code_score, submission.max_code_score, per_cell


def _require_graded(run: dict) -> None:
    assert run["generate"].returncode == 0, "nbgrader generate_assignment thất bại:\n" + _log_tail(run["generate"])
    auto = run.get("autograde")
    assert auto is not None and auto.returncode == 0, "nbgrader autograde thất bại:\n" + _log_tail(auto)


@pytest.mark.parametrize("exercise", EXERCISES, ids=[p.name for p in EXERCISES])
def test_exercise_has_four_auto_parts_ten_points_and_a_manual_cell(exercise):
    auto_parts = manual = 0
    points = 0.0
    ids: list[str] = []
    for path in _source_notebooks(exercise):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = _meta(cell)
            if meta.get("grade_id"):
                ids.append(meta["grade_id"])
            if meta.get("grade"):
                points += float(meta.get("points", 0))
            auto_parts += _is_test(cell)
            manual += _is_manual(cell)
    assert auto_parts >= 4, f"{exercise.name}: cần ít nhất 4 ô kiểm tra tự động, đang có {auto_parts}"
    assert points == 10, f"{exercise.name}: tổng điểm phải là 10, đang là {points:g}"
    assert manual >= 1, f"{exercise.name}: cần ít nhất một ô chấm tay (grade + solution)"
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"{exercise.name}: grade_id trùng: {duplicates}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=[p.name for p in EXERCISES])
def test_source_notebook_earns_every_automatic_point(exercise, graded_runs):
    run = graded_runs(exercise)
    _require_graded(run)
    score, max_score, per_cell = _scores(run, SOLVER)
    lost = {cell: s for cell, s in per_cell.items() if s[0] < s[1]}
    details = []
    folder = run["course"] / "autograded" / SOLVER / exercise.name
    for path in folder.glob("*.ipynb"):
        details += [f"  {meta.get('grade_id')}: {ename}: {evalue}" for meta, ename, evalue in _errors(path)]
    assert max_score > 0, f"{exercise.name}: không có điểm tự động nào"
    assert score == max_score, (f"{exercise.name}: bản SOURCE chỉ được {score:g}/{max_score:g} điểm tự động; "
                                f"ô mất điểm: {lost}\nlỗi trong notebook đã chấm:\n" + "\n".join(details))


@pytest.mark.parametrize("exercise", EXERCISES, ids=[p.name for p in EXERCISES])
def test_release_copy_scores_zero_without_crashing(exercise, graded_runs):
    run = graded_runs(exercise)
    _require_graded(run)
    score, _, per_cell = _scores(run, BLANK)
    earned = {cell: s for cell, s in per_cell.items() if s[0] > 0}
    assert score == 0, f"{exercise.name}: bản RELEASE (để trống) vẫn được {score:g} điểm ở các ô {earned}"
    folder = run["course"] / "autograded" / BLANK / exercise.name
    produced = sorted(p.name for p in folder.glob("*.ipynb"))
    expected = sorted(p.name for p in _source_notebooks(exercise))
    assert produced == expected, (f"{exercise.name}: nbgrader không tạo được bản đã chấm {expected} "
                                  f"(kernel chết?)\n" + _log_tail(run["autograde"]))
    bad = []
    for path in folder.glob("*.ipynb"):
        for meta, ename, evalue in _errors(path):
            crash = ename in {"CellTimeoutError", "DeadKernelError", "TimeoutError"}
            allowed_cell = meta.get("solution") or (meta.get("grade") and not meta.get("solution"))
            if crash or not allowed_cell:
                bad.append(f"  {meta.get('grade_id')}: {ename}: {evalue}")
    assert not bad, (f"{exercise.name}: bản RELEASE có lỗi ngoài các ô kiểm tra/ô trả lời "
                     "(ô dựng sẵn phải chạy được khi chưa làm bài):\n" + "\n".join(bad))
