"""``course grade``: pre-check, execute in worker processes, save grades in the parent.

The pipeline is nbgrader's own autograde pipeline, split where it touches the gradebook:
workers run the sanitize + execute preprocessors (reading a snapshot of the gradebook), the parent
runs ``SaveAutoGrades`` one submission at a time, so SQLite only ever has one writer and a failure
in one submission cannot touch another learner's grade.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import nbformat
from nbclient.exceptions import DeadKernelError
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde
from nbgrader.preprocessors import AssignLatePenalties, Execute, SaveAutoGrades
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader
from traitlets.utils.importstring import import_item

from autograder.course.collect import read_timestamp
from autograder.course.precheck import check_cells, load_notebook, summarize
from autograder.course.settings import CourseSettings, db_url, ensure_tools_on_path
from autograder.course.workspace import expected_notebooks, load_roster, released_modules

STATUS_COLUMNS = ("learner", "module", "status", "score", "max_score", "reason")
GRADED, FAILED, MISSING = "graded", "failed", "missing"
KERNEL_DIED = "kernel dừng đột ngột"
TIMED_OUT = "quá thời gian"
OUT_OF_MEMORY = "vượt giới hạn bộ nhớ"
OUTPUT_CAPPED = "đầu ra quá dài, đã cắt bớt"

# Preprocessors that write the gradebook run in the parent only; the rest of the list runs in workers.
PARENT_ONLY = (SaveAutoGrades, AssignLatePenalties)


@dataclass(frozen=True)
class Job:
    """One learner's submission of one module, as handed to a worker."""

    learner: str
    module: str
    notebooks: tuple[str, ...]
    submitted_dir: str
    source_dir: str
    snapshot_url: str
    config: dict
    notebook_timeout: int


@dataclass
class Outcome:
    learner: str
    module: str
    status: str
    reason: str = ""
    notebooks: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StatusRow:
    learner: str
    module: str
    status: str
    score: float
    max_score: float
    reason: str = ""


def load_config(course_dir: Path) -> Config:
    return PyFileConfigLoader("nbgrader_config.py", path=str(Path(course_dir).resolve())).load_config()


def _classes(config: Config, name: str) -> list[type]:
    """A preprocessor list of nbgrader's Autograde converter, as configured (nbgrader_config.py) or default."""
    configured = config.get("Autograde", {}).get(name)
    names = configured if configured is not None else Autograde.class_traits()[name].default_value
    return [import_item(item) if isinstance(item, str) else item for item in names]


def worker_pipeline(config: Config) -> tuple[list[type], list[type]]:
    """(sanitize, execute) preprocessor classes: nbgrader's lists minus the gradebook writers."""
    execute = [p for p in _classes(config, "autograde_preprocessors") if not issubclass(p, PARENT_ONLY)]
    return _classes(config, "sanitize_preprocessors"), execute


def parent_pipeline(config: Config) -> list[type]:
    return [p for p in _classes(config, "autograde_preprocessors") if issubclass(p, PARENT_ONLY)]


def _copy_assignment_files(source_dir: Path, target: Path) -> None:
    """Only what the assignment needs: the data files of its source folder, no notebooks."""
    for path in source_dir.rglob("*"):
        relative = path.relative_to(source_dir)
        if path.is_file() and path.suffix != ".ipynb" and not any(p.startswith(".") or p == "__pycache__"
                                                                   for p in relative.parts):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target / relative)


def _errors(nb) -> set[str]:
    return {o.get("ename", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"}


def _run_pipeline(nb, resources: dict, config: Config, deadline: float) -> tuple[object, str]:
    """Sanitize and execute one notebook; returns (notebook, failure reason or '')."""
    sanitize, execute = worker_pipeline(config)
    for preprocessor in sanitize:
        nb, resources = preprocessor(config=config)(nb, resources)
    steps = [p(config=config) for p in execute]
    executor = next(step for step in steps if isinstance(step, Execute))
    before, after = steps[:steps.index(executor)], steps[steps.index(executor) + 1:]
    for preprocessor in before:
        nb, resources = preprocessor(nb, resources)
    timed_out = threading.Event()

    def kill_kernel() -> None:
        timed_out.set()
        manager = getattr(executor, "km", None)
        process = getattr(getattr(manager, "provisioner", None), "process", None)
        if process is not None:
            process.kill()

    timer = threading.Timer(max(deadline - time.monotonic(), 1.0), kill_kernel)
    timer.start()
    try:
        nb, resources = executor(nb, resources)
    except DeadKernelError:
        return nb, TIMED_OUT + " (cả bài chạy quá lâu)" if timed_out.is_set() else KERNEL_DIED
    finally:
        timer.cancel()
    for preprocessor in after:
        nb, resources = preprocessor(nb, resources)
    errors = _errors(nb)
    if "MemoryError" in errors:
        return nb, OUT_OF_MEMORY
    if "CellTimeoutError" in errors:
        return nb, TIMED_OUT + " (một ô chạy quá lâu)"
    return nb, OUTPUT_CAPPED if resources.get("ailab_output_capped") else ""


def grade_submission(job: Job) -> Outcome:
    """Worker side: execute a submission's notebooks in a private temporary folder."""
    config = Config(job.config)
    workdir = Path(tempfile.mkdtemp(prefix="ailab_cham_"))
    outcome = Outcome(job.learner, job.module, GRADED)
    deadline = time.monotonic() + job.notebook_timeout
    try:
        _copy_assignment_files(Path(job.source_dir), workdir)
        for name in job.notebooks:
            path = Path(job.submitted_dir) / name
            if not path.exists():
                continue
            nb = nbformat.read(path, as_version=4)
            resources = {"nbgrader": {"assignment": job.module, "student": job.learner,
                                      "notebook": Path(name).stem, "db_url": job.snapshot_url},
                         "metadata": {"path": str(workdir)}}
            nb, reason = _run_pipeline(nb, resources, config, deadline)
            outcome.notebooks[name] = nbformat.writes(nb)
            if reason and reason != OUTPUT_CAPPED:
                outcome.status, outcome.reason = FAILED, reason
                break
            outcome.reason = reason or outcome.reason
    except Exception as error:  # one broken submission must never stop the others
        outcome.status, outcome.reason = FAILED, f"lỗi khi chấm ({error.__class__.__name__}: {str(error)[:200]})"
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return outcome


def _worker_init() -> None:
    # Kernels inherit the worker's cwd and environment: point both away from the course folder.
    os.chdir(tempfile.gettempdir())
    for name in ("PWD", "OLDPWD"):
        os.environ.pop(name, None)


class Grader:
    """Parent side: plans jobs, runs them, writes the gradebook and reports/status.csv."""

    def __init__(self, course_dir: Path, workers: int = 2, progress: Callable[[int, int, Outcome], None] | None = None):
        self.course_dir = Path(course_dir).resolve()
        self.workers = max(1, workers)
        self.progress = progress or (lambda done, total, outcome: None)
        self.settings = CourseSettings.load(self.course_dir)
        self.url = db_url(self.course_dir)
        self.config = load_config(self.course_dir)

    def run(self) -> list[StatusRow]:
        ensure_tools_on_path()
        learners = [learner.id for learner in load_roster(self.course_dir)]
        modules = released_modules(self.course_dir)
        rows: dict[tuple[str, str], StatusRow] = {}
        jobs: list[Job] = []
        with tempfile.TemporaryDirectory(prefix="ailab_sodiem_") as snapshot_dir:
            snapshot = Path(snapshot_dir) / "gradebook.db"
            shutil.copy(self.course_dir / "gradebook.db", snapshot)
            for module in modules:
                names = expected_notebooks(self.course_dir, module)
                for learner in learners:
                    folder = self.course_dir / "submitted" / learner / module
                    if not any((folder / n).exists() for n in names):
                        rows[learner, module] = self._missing(learner, module)
                        continue
                    problem = self._precheck(module, folder, names)
                    if problem:
                        rows[learner, module] = self._save(Outcome(learner, module, FAILED, problem))
                        continue
                    jobs.append(Job(learner, module, tuple(names), str(folder),
                                    str(self.course_dir / "source" / module), f"sqlite:///{snapshot}",
                                    json.loads(json.dumps(self.config)), self.settings.notebook_timeout))
            for done, outcome in enumerate(self._execute(jobs), start=1):
                rows[outcome.learner, outcome.module] = self._save(outcome)
                self.progress(done, len(jobs), outcome)
        ordered = [rows[learner, module] for learner in learners for module in modules]
        write_status(self.course_dir / "reports" / "status.csv", ordered)
        return ordered

    def _execute(self, jobs: list[Job]):
        if self.workers == 1 or len(jobs) <= 1:
            for job in jobs:
                yield grade_submission(job)
            return
        # A pool keeps each worker process (and its imports) alive across many submissions.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_init) as pool:
            futures = {pool.submit(grade_submission, job): job for job in jobs}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    yield future.result()
                except Exception as error:  # a dead worker process
                    yield Outcome(job.learner, job.module, FAILED, f"lỗi khi chấm ({error.__class__.__name__})")

    def _precheck(self, module: str, folder: Path, names: list[str]) -> str:
        for name in names:
            path = folder / name
            if not path.exists():
                continue
            nb, problem = load_notebook(path.read_bytes())
            if problem:
                return f"{problem.text()} ({name})"
            release = nbformat.read(self.course_dir / "release" / module / name, as_version=4)
            source_path = self.course_dir / "source" / module / name
            source = nbformat.read(source_path, as_version=4) if source_path.exists() else None
            reason = summarize(check_cells(release, nb, source))
            if reason:
                return reason
        return ""

    def _missing(self, learner: str, module: str) -> StatusRow:
        with Gradebook(self.url, self.settings.course_id) as gb:
            max_score = gb.find_assignment(module).max_score
        return StatusRow(learner, module, MISSING, 0, max_score, "chưa nộp bài")

    def _save(self, outcome: Outcome) -> StatusRow:
        """Write one submission's result; the only place that writes grades to the gradebook."""
        folder = self.course_dir / "submitted" / outcome.learner / outcome.module
        stamp = read_timestamp(folder)
        out_dir = self.course_dir / "autograded" / outcome.learner / outcome.module
        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.mkdir(parents=True)
        with Gradebook(self.url, self.settings.course_id) as gb, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbgrader's own SQLAlchemy autoflush warnings
            gb.update_or_create_student(outcome.learner)
            kwargs = {"timestamp": datetime.fromtimestamp(stamp, timezone.utc).replace(tzinfo=None)} if stamp else {}
            submission = gb.update_or_create_submission(outcome.module, outcome.learner, **kwargs)
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    grade.auto_score = 0 if grade.cell.cell_type == "code" or outcome.status == FAILED else None
                    grade.needs_manual_grade = outcome.status == GRADED and grade.cell.cell_type != "code"
                    if outcome.status == FAILED:
                        grade.manual_score = None
            gb.db.commit()
        for name, text in outcome.notebooks.items():
            (out_dir / name).write_text(text, encoding="utf-8")
            if outcome.status != GRADED:
                continue
            resources = {"nbgrader": {"assignment": outcome.module, "student": outcome.learner,
                                      "notebook": Path(name).stem, "db_url": self.url}}
            nb = nbformat.reads(text, as_version=4)
            for preprocessor in parent_pipeline(self.config):
                nb, resources = preprocessor(config=self.config)(nb, resources)
        with Gradebook(self.url, self.settings.course_id) as gb:
            submission = gb.find_submission(outcome.module, outcome.learner)
            score = submission.score if outcome.status == GRADED else 0.0
            return StatusRow(outcome.learner, outcome.module, outcome.status, score, submission.max_score,
                             outcome.reason)


def write_status(path: Path, rows: list[StatusRow]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(STATUS_COLUMNS)
        for row in rows:
            writer.writerow([row.learner, row.module, row.status, f"{row.score:g}", f"{row.max_score:g}", row.reason])
    return path


def read_status(path: Path) -> list[StatusRow]:
    with open(path, encoding="utf-8") as handle:
        return [StatusRow(r["learner"], r["module"], r["status"], float(r["score"] or 0), float(r["max_score"] or 0),
                          r["reason"]) for r in csv.DictReader(handle)]

