"""Course settings: ``DIR/ailab_course.json`` (completion rule, limits) and the nbgrader config text."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ailab import curriculum

SETTINGS_FILE = "ailab_course.json"
ROSTER_FILE = "roster.csv"
COURSE_ID = "ailab"


@dataclass
class CourseSettings:
    """What a trainer may change per course; written to ``ailab_course.json`` by ``course init``."""

    course_id: str = COURSE_ID
    mandatory: list[str] = field(default_factory=lambda: [m.code for m in curriculum.modules() if m.mandatory])
    electives_required: int = field(default_factory=lambda: curriculum.completion().electives)
    pass_ratio: float = field(default_factory=lambda: curriculum.completion().pass_ratio)
    cell_timeout: int = 60
    notebook_timeout: int = 600
    memory_limit_mb: int = 2048
    max_output_chars: int = 100_000
    max_output_lines: int = 1000
    course_title: str = "Ứng dụng trí tuệ nhân tạo trong công việc của cán bộ, công chức cấp xã"
    issuer: str = "GIẢNG VIÊN PHỤ TRÁCH LỚP"
    database_url: str = ""  # empty: gradebook.db (SQLite) in the course folder

    @classmethod
    def load(cls, course_dir: Path) -> CourseSettings:
        """Read the settings file; missing keys keep their defaults."""
        path = Path(course_dir) / SETTINGS_FILE
        data = json.loads(path.read_text(encoding="utf-8-sig")) if path.exists() else {}
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def save(self, course_dir: Path) -> Path:
        path = Path(course_dir) / SETTINGS_FILE
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return path


def release_preprocessors() -> list[str]:
    """nbgrader's GenerateAssignment pipeline with the two learner-copy steps of ``ailab.learner_preprocessors``."""
    from nbgrader.converters import GenerateAssignment

    steps = [f"{step.__module__}.{step.__name__}"
             for step in GenerateAssignment.class_traits()["preprocessors"].default()]
    return [*steps, "ailab.learner_preprocessors.RemoveTrainerNotes", "ailab.learner_preprocessors.AddSelfCheckOnTop"]


def nbgrader_config_text(settings: CourseSettings) -> str:
    """The course's nbgrader_config.py: our limits wired into nbgrader's own configurable pipeline."""
    return f'''"""nbgrader configuration written by `ailab course init` (edit ailab_course.json, then re-run init)."""
c = get_config()
c.CourseDirectory.course_id = {settings.course_id!r}
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".DS_Store"]
c.ClearSolutions.code_stub = {{"python": "# VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY\\nraise NotImplementedError()"}}
c.ClearSolutions.text_stub = "VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY"
c.OverwriteCells.add_missing_cells = True
# The learner's copy drops the trainer's marking notes and carries the self-check on top: the same copy
# `ailab lab` builds for a learner from the repo. (The notes stay known to the gradebook, so the trainer's own
# source copy still grades.)
c.GenerateAssignment.preprocessors = {release_preprocessors()!r}
c.Execute.timeout = {settings.cell_timeout}
c.Execute.iopub_timeout = 20  # a cell's long output may still be arriving after its reply (loaded machine)
c.LimitOutput.max_lines = {settings.max_output_lines}
c.LimitOutput.max_traceback = 100
c.CapOutputSize.max_chars = {settings.max_output_chars}
c.LimitedKernelManager.memory_limit_mb = {settings.memory_limit_mb}
{f"c.CourseDirectory.db_url = {settings.database_url!r}" if settings.database_url else ""}
# The same limits apply when a trainer runs plain `nbgrader autograde` in this folder.
c.Autograde.sanitize_preprocessors = [
    "autograder.course.preprocessors.NormalizeUnicode",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "autograder.course.preprocessors.LimitedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbgrader.preprocessors.LimitOutput",
    "autograder.course.preprocessors.CapOutputSize",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
'''


def repo_exercises_dir() -> Path:
    """``exercises/`` of the repository this package is installed from (repo root = parent of autograder/)."""
    return Path(__file__).resolve().parents[2] / "exercises"


def exercise_folders(exercises_dir: Path) -> list[Path]:
    """Every ``NN_slug/`` folder that holds at least one notebook, sorted by module number."""
    return sorted(p for p in Path(exercises_dir).iterdir() if p.is_dir() and not p.name.startswith(".")
                  and any(p.glob("*.ipynb")))


def ensure_tools_on_path() -> None:
    """nbgrader creates gradebooks by running the `alembic` script, which lives beside our interpreter."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])


def db_url(course_dir: Path) -> str:
    """The gradebook's SQLAlchemy URL: the course setting ``database_url``, else gradebook.db in the folder."""
    return CourseSettings.load(course_dir).database_url or f"sqlite:///{Path(course_dir).resolve() / 'gradebook.db'}"
