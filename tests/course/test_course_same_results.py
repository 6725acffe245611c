"""Fast grading gives plain nbgrader's results, locally, on a Dask cluster and on a PostgreSQL gradebook.

One small class of real attempts (right, partial, wrong, broken — no pre-check failures) is graded by
plain sequential ``nbgrader autograde`` and by ``ailab course grade`` (forked kernels in the sandbox):
scores, per-cell outcomes and error reports must be equal. The same class graded through a Dask
``LocalCluster`` with two workers, and with its gradebook on a PostgreSQL server, gives the same
``status.csv``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bad_submissions import TINY_NAME, make_tiny_exercise, solved_release
from nbgrader.api import Gradebook

from ailab.cli import main as ailab_main
from autograder.course.collect import collect
from autograder.course.settings import CourseSettings
from autograder.course.workspace import expected_notebooks, init_course, release_modules

NB = f"{TINY_NAME}.ipynb"
PLOT = ("import matplotlib.pyplot as plt\nimport pandas as pd\nbang = pd.DataFrame({'x': [1, 2, 3]})\n"
        "plt.plot(bang['x'])\nprint(bang.describe().loc['mean'])\nbang")
BROKEN = {"answer_co_quan": "co_quan = ten_chua_dinh_nghia", "answer_cong": "def cong(a, b):\n    return a +* b",
          "answer_so_dong": "so_dong = 1 / 0", "answer_ket_qua": PLOT + "\nket_qua = [0, 2, 4]"}


def _answers(nb: dict, replace: dict[str, str]) -> dict:
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in replace:
            cell["source"] = replace[grade_id]
    return nb


def _attempts(course: Path) -> dict[str, dict]:
    release = json.loads((course / "release" / TINY_NAME / NB).read_text(encoding="utf-8"))
    solved = solved_release(course / "release" / TINY_NAME / NB, course / "source" / TINY_NAME / NB)
    partial = _answers(solved, {"answer_cong": release["cells"][3]["source"], "answer_ket_qua": PLOT})
    return {"hv_dung": solved, "hv_mot_nua": partial, "hv_sai": release, "hv_loi": _answers(solved, BROKEN)}


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("lop_nho")
    make_tiny_exercise(root / "exercises")
    course = root / "course"
    course.mkdir()
    CourseSettings(cell_timeout=20, notebook_timeout=120).save(course)
    learners = ["hv_dung", "hv_mot_nua", "hv_sai", "hv_loi"]
    roster = root / "roster.csv"
    roster.write_text("id,ho_ten,don_vi,email\n" + "".join(f"{x},Học Viên {x},Xã A,\n" for x in learners),
                      encoding="utf-8")
    init_course(course, root / "exercises", roster)
    release_modules(course, [TINY_NAME])
    inbox = root / "inbox"
    for learner, nb in _attempts(course).items():
        (inbox / learner / TINY_NAME).mkdir(parents=True)
        (inbox / learner / TINY_NAME / NB).write_text(json.dumps(nb), encoding="utf-8")
    collect(course, inbox, set(learners), {n: TINY_NAME for n in expected_notebooks(course, TINY_NAME)})
    pristine = root / "pristine"
    shutil.copytree(course, pristine)
    assert ailab_main(["course", "grade", str(course), "--workers", "2"]) == 0
    return {"root": root, "course": course, "pristine": pristine, "learners": learners}


def _copy(small_class, name: str) -> Path:
    target = small_class["root"] / name
    shutil.copytree(small_class["pristine"], target)
    return target


def _grades(course: Path, url: str | None = None) -> dict[tuple[str, str], float | None]:
    with Gradebook(url or f"sqlite:///{course / 'gradebook.db'}", "ailab") as gb:
        return {(s.student.id, g.name): g.auto_score for s in gb.assignment_submissions(TINY_NAME)
                for nb in s.notebooks for g in nb.grades}


def _outcomes(course: Path, learner: str) -> list[list[tuple]]:
    """Per cell: (output type, error name, error value, printed text, data kinds)."""
    nb = nbformat.read(course / "autograded" / learner / TINY_NAME / NB, as_version=4)
    return [[(o.output_type, o.get("ename"), o.get("evalue"), o.get("text"), sorted(o.get("data", {})))
             for o in cell.get("outputs", [])] for cell in nb.cells]


def test_scores_cell_outcomes_and_errors_equal_plain_nbgrader(small_class):
    plain = _copy(small_class, "plain")
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    done = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", TINY_NAME, "--force"], cwd=plain, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    ours, theirs = _grades(small_class["course"]), _grades(plain)
    assert ours == theirs
    assert len({score for (learner, _), score in ours.items() if learner != "hv_sai"}) > 1  # not all equal
    for learner in small_class["learners"]:
        assert _outcomes(small_class["course"], learner) == _outcomes(plain, learner), learner


def test_attempts_span_right_partial_wrong_and_broken(small_class):
    status = (small_class["course"] / "reports" / "status.csv").read_text(encoding="utf-8")
    scores = {line.split(",")[0]: line.split(",")[3] for line in status.splitlines()[1:]}
    assert scores["hv_dung"] == "8" and scores["hv_sai"] == "0"
    assert 0 < float(scores["hv_mot_nua"]) < 8 and float(scores["hv_loi"]) < 8


def test_dask_local_cluster_gives_the_same_status_csv(small_class):
    from distributed import LocalCluster

    course = _copy(small_class, "dask")
    # Two worker processes, as on real machines: tasks travel as bytes through the scheduler.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert ailab_main(["course", "grade", str(course), "--scheduler", cluster.scheduler_address]) == 0
    status = "reports/status.csv"
    assert (course / status).read_text(encoding="utf-8") == (small_class["course"] / status).read_text(encoding="utf-8")
    assert _grades(course) == _grades(small_class["course"])


def _postgres_url() -> str | None:
    url = os.environ.get("AILAB_TEST_POSTGRES_URL", "postgresql+psycopg2://ailab:ailab@localhost/ailab_test")
    try:
        import sqlalchemy

        engine = sqlalchemy.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return url
    except Exception:
        return None


def test_postgresql_gradebook_gives_the_same_results(small_class):
    url = _postgres_url()
    if url is None:
        pytest.skip("không kết nối được máy chủ PostgreSQL (AILAB_TEST_POSTGRES_URL); .ci/run khởi động sẵn một máy")
    from nbgrader.api import Base
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    Base.metadata.drop_all(engine)  # a clean gradebook: `grade` must build it from the course source
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    course = _copy(small_class, "postgres")
    assert ailab_main(["course", "grade", str(course), "--db", url, "--workers", "1"]) == 0
    assert CourseSettings.load(course).database_url == url
    status = "reports/status.csv"
    assert (course / status).read_text(encoding="utf-8") == (small_class["course"] / status).read_text(encoding="utf-8")
    assert _grades(course, url) == _grades(small_class["course"])
    assert ailab_main(["course", "report", str(course)]) == 0


def test_damaged_gradebook_is_rebuilt_and_the_trainer_told(small_class, capsys):
    course = _copy(small_class, "so_diem_hong")
    (course / "gradebook.db").write_bytes(b"day khong phai la so diem" * 100)
    assert ailab_main(["course", "grade", str(course), "--workers", "1"]) == 0
    assert "Sổ điểm bị hỏng hoặc bị mất" in capsys.readouterr().err
    assert list(course.glob("gradebook.hong-*.db"))
    status = "reports/status.csv"
    assert (course / status).read_text(encoding="utf-8") == (small_class["course"] / status).read_text(encoding="utf-8")


def test_status_csv_is_written_even_when_grading_breaks(small_class, monkeypatch, capsys):
    from autograder.course import grading

    def broken(*args, **kwargs):
        raise RuntimeError("máy chấm hỏng")

    course = _copy(small_class, "cham_hong")
    monkeypatch.setattr(grading, "run_tasks", broken)
    assert ailab_main(["course", "grade", str(course)]) == 0
    rows = (course / "reports" / "status.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + len(small_class["learners"]) and all(",failed," in row for row in rows[1:])
    assert "máy chấm hỏng" in capsys.readouterr().err


def test_grading_without_isolation_warns_in_terminal_status_and_report(small_class, monkeypatch, capsys):
    from autograder.course import grading
    from autograder.course.tasks import Outcome
    from autograder.notebook.sandbox import WARNING_NONE

    def unisolated(tasks, snapshot, workers, scheduler=None):
        return iter([Outcome(t.learner, t.module, "failed", "thử", {}, t.isolation) for t in tasks])

    course = _copy(small_class, "khong_cach_ly")
    monkeypatch.setenv("AILAB_SANDBOX", "none")
    monkeypatch.setattr(grading, "run_tasks", unisolated)
    assert ailab_main(["course", "grade", str(course)]) == 0
    assert WARNING_NONE in capsys.readouterr().err
    rows = (course / "reports" / "status.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].endswith(",isolation") and all(row.endswith(",none") for row in rows[1:])
    assert ailab_main(["course", "report", str(course)]) == 0
    assert WARNING_NONE in capsys.readouterr().out


def test_regrading_gives_the_same_grades_and_a_failed_write_keeps_the_old_ones(small_class):
    from autograder.course.grading import load_config
    from autograder.course.status import GRADED
    from autograder.course.tasks import Outcome
    from autograder.course.writer import GradeWriter

    course = _copy(small_class, "cham_lai")
    assert ailab_main(["course", "grade", str(course), "--workers", "2"]) == 0
    first = _grades(course)
    assert first == _grades(small_class["course"])
    assert ailab_main(["course", "grade", str(course), "--workers", "2"]) == 0  # a second run rewrites every grade
    assert _grades(course) == first
    writer = GradeWriter(f"sqlite:///{course / 'gradebook.db'}", "ailab", load_config(course))
    try:
        with pytest.raises(ValueError):  # not JSON: the write fails after the grades were reset in the session
            writer.write(Outcome("hv_dung", TINY_NAME, GRADED, notebooks={NB: "{không phải json"}), None)
        assert writer.max_score(TINY_NAME) > 0  # the writer is still usable for the next submission
    finally:
        writer.close()
    assert _grades(course) == first  # one transaction per submission: nothing of the failed write is kept
