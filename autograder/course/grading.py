"""``course grade``: pre-check, execute in sandboxed workers, save grades in this one process.

The pipeline is nbgrader's own autograde pipeline, split where it touches the gradebook: workers run
the sanitize + execute preprocessors (``tasks.py``, reading a snapshot of the gradebook), this process
runs ``SaveAutoGrades`` one submission at a time, so the gradebook only ever has one writer and a
failure in one submission cannot touch another learner's grade. Whatever happens, ``status.csv`` is
written.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from autograder.course import gradebook
from autograder.course.dispatch import run_tasks
from autograder.course.precheck import check_cells, load_notebook, summarize
from autograder.course.settings import CourseSettings, db_url, ensure_tools_on_path
from autograder.course.status import FAILED, MISSING, StatusRow, write_status
from autograder.course.tasks import Outcome, Task
from autograder.course.workspace import (
    autograded_dir,
    expected_notebooks,
    load_roster,
    read_timestamp,
    released_modules,
    status_path,
    submission_dir,
)
from autograder.course.writer import GradeWriter
from autograder.notebook import sandbox
from autograder.notebook.forked import DEFAULT_PRELOAD

NOT_GRADED = "chưa chấm được"


def load_config(course_dir: Path) -> Config:
    return PyFileConfigLoader("nbgrader_config.py", path=str(Path(course_dir).resolve())).load_config()


def assignment_files(source_dir: Path) -> tuple[tuple[str, bytes], ...]:
    """What the assignment needs beside the notebook: the data files of its source folder, no notebooks."""
    files = []
    for path in sorted(source_dir.rglob("*")):
        relative = path.relative_to(source_dir)
        if path.is_file() and path.suffix != ".ipynb" and not any(p.startswith(".") or p == "__pycache__"
                                                                   for p in relative.parts):
            files.append((relative.as_posix(), path.read_bytes()))
    return tuple(files)


def notebook_imports(source_dir: Path) -> tuple[str, ...]:
    """Top-level modules the assignment's notebooks import: the zygote imports them once for everyone."""
    import ast

    names = []
    for path in source_dir.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            try:
                tree = ast.parse("\n".join(line for line in cell.source.splitlines() if not line.lstrip()
                                           .startswith(("%", "!"))))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names += [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.append(node.module)
    return tuple(dict.fromkeys(names))


class Grader:
    """Parent side: plans tasks, runs them, writes the gradebook and reports/status.csv."""

    def __init__(self, course_dir: Path, workers: int = 2, progress: Callable[[Outcome], None] | None = None,
                 scheduler: str | None = None, isolation: str | None = None):
        self.course_dir = Path(course_dir).resolve()
        self.workers = max(1, workers)
        self.progress = progress or (lambda outcome: None)
        self.scheduler = scheduler
        self.settings = CourseSettings.load(self.course_dir)
        self.url = db_url(self.course_dir)
        self.config = load_config(self.course_dir)
        self.isolation = sandbox.detect(isolation) if scheduler is None else (isolation or "")
        self.notes: list[str] = []
        self.total = 0
        self._original_cache: dict[tuple[str, str], tuple] = {}
        self.writer: GradeWriter | None = None
        self.save_seconds = 0.0  # time this one writer spends per run in the gradebook (the cohort's limit)

    def run(self) -> list[StatusRow]:
        """Grade every released module of every learner; status.csv is written even if this fails."""
        ensure_tools_on_path()
        learners = [learner.id for learner in load_roster(self.course_dir)]
        modules = released_modules(self.course_dir)
        rows: dict[tuple[str, str], StatusRow] = {}
        if self.url.startswith("sqlite"):
            gradebook.speed_up_sqlite_writes()
        try:
            rebuilt = gradebook.ensure(self.course_dir, self.url, self.settings, modules)
            if rebuilt:
                self.notes.append(rebuilt)
            if self.isolation == sandbox.NONE:
                self.notes.append(sandbox.WARNING_NONE)
            self.writer = GradeWriter(self.url, self.settings.course_id, self.config)
            tasks = self._plan(learners, modules, rows)
            self.total = len(tasks)
            snapshot = gradebook.snapshot(self.url, self.settings.course_id)
            for outcome in run_tasks(tasks, snapshot, self.workers, self.scheduler):
                started = time.perf_counter()
                rows[outcome.learner, outcome.module] = self._save(outcome)
                self.save_seconds += time.perf_counter() - started
                self.progress(outcome)
            if any(row.isolation == sandbox.NONE for row in rows.values()) and sandbox.WARNING_NONE not in self.notes:
                self.notes.append(sandbox.WARNING_NONE)  # a Dask worker without bubblewrap
        except Exception as error:  # the trainer must still get status.csv, and the reason
            self.notes.append(f"Chấm bị dừng: {error.__class__.__name__}: {str(error)[:300]}")
        finally:
            if self.writer is not None:
                self.writer.close()
                self.writer = None
            ordered = [rows.get((learner, module)) or StatusRow(learner, module, FAILED, 0, 0, NOT_GRADED)
                       for learner in learners for module in modules]
            write_status(status_path(self.course_dir), ordered)
        return ordered

    def _plan(self, learners: list[str], modules: list[str], rows: dict) -> list[Task]:
        tasks = []
        config = json.loads(json.dumps(self.config))
        # One preload list for the whole run, so each worker starts one zygote, not one per module.
        imports = [name for module in modules for name in notebook_imports(self.course_dir / "source" / module)]
        preload = tuple(dict.fromkeys([*DEFAULT_PRELOAD, *imports]))
        for module in modules:
            names = expected_notebooks(self.course_dir, module)
            files = assignment_files(self.course_dir / "source" / module)
            for learner in learners:
                folder = submission_dir(self.course_dir, learner, module)
                present = [(n, (folder / n).read_bytes()) for n in names if (folder / n).is_file()]
                if not present:
                    rows[learner, module] = self._missing(learner, module)
                    continue
                problem = self._precheck(module, present)
                if problem:
                    rows[learner, module] = self._save(Outcome(learner, module, FAILED, problem))
                    continue
                tasks.append(Task(learner, module, tuple(present), files, config, self.settings.notebook_timeout,
                                  self.isolation, preload, self.settings.memory_limit_mb))
        return tasks

    def _originals(self, module: str, name: str):
        """The released and source versions of a notebook, read once per run."""
        if (module, name) not in self._original_cache:
            release = nbformat.read(self.course_dir / "release" / module / name, as_version=4)
            source_path = self.course_dir / "source" / module / name
            source = nbformat.read(source_path, as_version=4) if source_path.exists() else None
            self._original_cache[module, name] = (release, source)
        return self._original_cache[module, name]

    def _precheck(self, module: str, present: list[tuple[str, bytes]]) -> str:
        for name, data in present:
            nb, problem = load_notebook(data)
            if problem:
                return f"{problem.text()} ({name})"
            release, source = self._originals(module, name)
            reason = summarize(check_cells(release, nb, source))
            if reason:
                return reason
        return ""

    def _max_score(self, module: str) -> float:
        if self.writer is not None:
            return self.writer.max_score(module)
        with Gradebook(self.url, self.settings.course_id) as gb:
            try:
                return gb.find_assignment(module).max_score
            except MissingEntry:
                return 0.0

    def _missing(self, learner: str, module: str) -> StatusRow:
        return StatusRow(learner, module, MISSING, 0, self._max_score(module), "chưa nộp bài")

    def _save(self, outcome: Outcome) -> StatusRow:
        """Write one submission's result; the only place that writes grades to the gradebook."""
        try:
            score, max_score = self._write_grades(outcome)
        except Exception as error:  # a gradebook problem for one learner must not stop the others
            return StatusRow(outcome.learner, outcome.module, FAILED, 0, self._max_score(outcome.module),
                             f"lỗi sổ điểm ({error.__class__.__name__}: {str(error)[:150]})", outcome.isolation)
        return StatusRow(outcome.learner, outcome.module, outcome.status, score, max_score, outcome.reason,
                         outcome.isolation)

    def _write_grades(self, outcome: Outcome) -> tuple[float, float]:
        stamp = read_timestamp(submission_dir(self.course_dir, outcome.learner, outcome.module))
        out_dir = autograded_dir(self.course_dir, outcome.learner, outcome.module)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.mkdir(parents=True)
        for name, text in outcome.notebooks.items():
            (out_dir / name).write_text(text, encoding="utf-8")
        return self.writer.write(outcome, stamp)
