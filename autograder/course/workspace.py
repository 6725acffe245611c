"""A course workspace: the nbgrader folder a trainer works in (``course init`` and ``course release``).

This module owns the workspace's layout: where submissions, graded copies, reports and timestamps live.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.utils import parse_utc
from traitlets.config.loader import PyFileConfigLoader

from autograder.course.errors import CourseError
from autograder.course.roster import Learner, read_roster, split_name, write_roster
from autograder.course.settings import (
    ROSTER_FILE,
    SETTINGS_FILE,
    CourseSettings,
    db_url,
    ensure_tools_on_path,
    exercise_folders,
    nbgrader_config_text,
)

TIMESTAMP_FILE = "timestamp.txt"
IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc", ".DS_Store")


def init_course(course_dir: Path, exercises_dir: Path, roster_path: Path | None = None) -> list[str]:
    """Create or update the workspace: source/ from exercises/, config files, gradebook roster."""
    course_dir = Path(course_dir)
    folders = exercise_folders(exercises_dir) if Path(exercises_dir).is_dir() else []
    if not folders:
        raise CourseError(f"Không tìm thấy bài tập nào (thư mục NN_ten/ có tệp .ipynb) trong {exercises_dir}.")
    learners = read_roster(roster_path) if roster_path else None
    course_dir.mkdir(parents=True, exist_ok=True)
    settings = CourseSettings.load(course_dir)
    if not (course_dir / SETTINGS_FILE).exists():
        settings.save(course_dir)
    (course_dir / "nbgrader_config.py").write_text(nbgrader_config_text(settings), encoding="utf-8")
    messages = []
    for folder in folders:
        target = course_dir / "source" / folder.name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(folder, target, ignore=IGNORED)
        messages.append(f"Đã chép bài tập {folder.name}")
    if learners is not None:
        write_roster(learners, course_dir / ROSTER_FILE)
        import_roster(course_dir, learners, settings)
        messages.append(f"Đã nhập {len(learners)} học viên vào sổ điểm")
    return messages


def import_roster(course_dir: Path, learners: list[Learner], settings: CourseSettings, url: str | None = None) -> None:
    ensure_tools_on_path()
    with Gradebook(url or db_url(course_dir), settings.course_id) as gb:
        for learner in learners:
            first, last = split_name(learner.ho_ten)
            gb.update_or_create_student(learner.id, first_name=first, last_name=last,
                                        email=learner.email or None)


def load_roster(course_dir: Path) -> list[Learner]:
    path = Path(course_dir) / ROSTER_FILE
    if not path.exists():
        raise CourseError(f"Chưa có danh sách học viên. Chạy: ailab course init {course_dir} --roster danh_sach.csv")
    return read_roster(path)


def nbgrader_api(course_dir: Path, url: str | None = None) -> NbGraderAPI:
    """nbgrader's own API, configured from the course's nbgrader_config.py (and gradebook ``url`` if given)."""
    ensure_tools_on_path()
    course_dir = Path(course_dir).resolve()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course_dir)).load_config()
    if url:
        config.CourseDirectory.db_url = url
    coursedir = CourseDirectory(config=config, root=str(course_dir))
    return NbGraderAPI(coursedir=coursedir, config=config)


def source_modules(course_dir: Path) -> list[str]:
    source = Path(course_dir) / "source"
    return sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.glob("*.ipynb"))) if source.is_dir() else []


def released_modules(course_dir: Path) -> list[str]:
    release = Path(course_dir) / "release"
    return sorted(p.name for p in release.iterdir() if p.is_dir() and any(p.glob("*.ipynb"))) if release.is_dir() else []


def resolve_modules(course_dir: Path, wanted: list[str] | None) -> list[str]:
    """Module folder names from arguments like ``02`` or ``02_soan_thao_van_ban`` (all when empty)."""
    available = source_modules(course_dir)
    if not wanted:
        return available
    chosen = []
    for item in wanted:
        matches = [m for m in available if m == item or m.split("_", 1)[0] == item]
        if not matches:
            raise CourseError(f"Không có học phần '{item}'. Các học phần hiện có: {', '.join(available) or '(chưa có)'}")
        chosen += [m for m in matches if m not in chosen]
    return chosen


def release_modules(course_dir: Path, modules: list[str]) -> list[Path]:
    """nbgrader generate_assignment for each module, then one zip per module in release_zips/."""
    api = nbgrader_api(course_dir)
    zips = []
    for module in modules:
        result = api.generate_assignment(module, force=True, create=True)
        if not result.get("success"):
            tail = "\n".join((result.get("log") or result.get("error") or "").splitlines()[-8:])
            raise CourseError(f"Không tạo được bản phát cho học viên của {module}:\n{tail}")
        zips.append(zip_release(Path(course_dir), module))
    return zips


def zip_release(course_dir: Path, module: str) -> Path:
    """``release_zips/<module>.zip`` holding ``<module>/…`` — what a learner unpacks and opens."""
    folder = course_dir / "release" / module
    target = course_dir / "release_zips" / f"{module}.zip"
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                archive.write(path, f"{module}/{path.relative_to(folder).as_posix()}")
    return target


def expected_notebooks(course_dir: Path, module: str) -> list[str]:
    """Notebook file names a learner hands in for a module (from the released copy)."""
    return sorted(p.name for p in (Path(course_dir) / "release" / module).glob("*.ipynb"))


def submission_dir(course_dir: Path, learner: str, module: str) -> Path:
    """``submitted/<learner>/<module>/``: what a learner handed in (read-only to grading)."""
    return Path(course_dir) / "submitted" / learner / module


def autograded_dir(course_dir: Path, learner: str, module: str) -> Path:
    """``autograded/<learner>/<module>/``: the executed copy nbgrader's feedback reads."""
    return Path(course_dir) / "autograded" / learner / module


def reports_dir(course_dir: Path) -> Path:
    return Path(course_dir) / "reports"


def status_path(course_dir: Path) -> Path:
    """``reports/status.csv``: one row per learner and module, written by every ``course grade``."""
    return reports_dir(course_dir) / "status.csv"


def collect_log_path(course_dir: Path) -> Path:
    return reports_dir(course_dir) / "collect_log.csv"


def read_timestamp(folder: Path) -> float | None:
    """nbgrader's ``timestamp.txt`` of a submission folder, as seconds since the epoch (None if absent)."""
    path = Path(folder) / TIMESTAMP_FILE
    if not path.exists():
        return None
    try:
        return parse_utc(path.read_text(encoding="utf-8").strip()).replace(tzinfo=timezone.utc).timestamp()
    except (ValueError, OverflowError):
        return None


def write_timestamp(folder: Path, timestamp: float) -> None:
    text = datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    (Path(folder) / TIMESTAMP_FILE).write_text(text, encoding="utf-8")
