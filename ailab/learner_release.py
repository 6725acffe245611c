"""The learner's copy of an exercise, made by nbgrader's own ``generate_assignment``, and cached.

nbgrader's GenerateAssignment pipeline removes solutions, hidden tests and mark schemes; the two steps in
``ailab.learner_preprocessors`` finish the learner's copy. Only the data files a learner needs travel
with the notebook (see ``IGNORED``). nbgrader is imported only when a copy must be made: a cached copy
costs no nbgrader import, so the lab's second start is fast.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

# A stamp of this module's release rules: a cached copy made under older rules is made again.
RELEASE_RULES_VERSION = "1"
CACHE_FOLDER_NAME = "ban_cho_hoc_vien"
CODE_STUB = "# VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY\nraise NotImplementedError()"
TEXT_STUB = "VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY"
# Never in a learner's copy: answer keys, code, trainer notes, editor and cache files.
IGNORED = [".*", "__pycache__", "*.pyc", "*.py", "dap_an*", "*dap_an*", "huong_dan_cham*", "ghi_chu_giang_vien*",
           "GHI_CHU*", "README*", "generate*", "feedback"]



def source_fingerprint(exercise_dir: Path) -> str:
    """A hash of every file of the exercise plus the release rules and nbgrader's version."""
    digest = hashlib.sha256(f"{RELEASE_RULES_VERSION}|{version('nbgrader')}".encode())
    for path in sorted(p for p in Path(exercise_dir).rglob("*") if p.is_file()):
        digest.update(path.relative_to(exercise_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def default_cache_dir() -> Path:
    """``$AILAB_CACHE_HOME`` or the user's cache folder (``~/.cache/ailab``)."""
    base = os.environ.get("AILAB_CACHE_HOME") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ailab"
    return Path(base) / CACHE_FOLDER_NAME


def released_copy(exercise_dir: Path, cache_dir: Path | None = None) -> Path:
    """The folder of the learner's copy of ``exercise_dir``, made once per version of its files."""
    exercise_dir = Path(exercise_dir)
    target = Path(cache_dir or default_cache_dir()) / f"{exercise_dir.name}-{source_fingerprint(exercise_dir)}"
    if (target / ".xong").is_file():
        return target
    made = generate_learner_copy(exercise_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
        shutil.copytree(made, staging, dirs_exist_ok=True)
        (staging / ".xong").write_text("", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        staging.replace(target)
    finally:
        shutil.rmtree(made.parent.parent, ignore_errors=True)
    return target


def _config(root: Path):
    from traitlets.config import Config

    from ailab.learner_preprocessors import learner_preprocessors

    config = Config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.course_id = "ailab"
    config.CourseDirectory.ignore = IGNORED
    config.ClearSolutions.code_stub = {"python": CODE_STUB}
    config.ClearSolutions.text_stub = TEXT_STUB
    config.GenerateAssignment.preprocessors = learner_preprocessors()
    config.GenerateAssignment.no_database = True
    return config


def generate_learner_copy(exercise_dir: Path) -> Path:
    """Run nbgrader's generate_assignment on ``exercise_dir`` in a throw-away course; return release/<name>."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.coursedir import CourseDirectory

    exercise_dir = Path(exercise_dir)
    root = Path(tempfile.mkdtemp(prefix="ailab-phat-bai-"))
    shutil.copytree(exercise_dir, root / "source" / exercise_dir.name,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    config = _config(root)
    coursedir = CourseDirectory(config=config, root=str(root))
    coursedir.assignment_id = exercise_dir.name
    converter = GenerateAssignment(coursedir=coursedir, config=config)
    converter.force = True
    try:
        converter.start()
    except Exception as problem:  # nbgrader raises its own and traitlets' errors; report them in Vietnamese
        shutil.rmtree(root, ignore_errors=True)
        raise ReleaseError(f"Không tạo được bản bài tập cho học viên của {exercise_dir.name}: {problem}") from problem
    return root / "release" / exercise_dir.name


class ReleaseError(RuntimeError):
    """The learner's copy of an exercise could not be made (message in Vietnamese)."""


def prepare_all(cache_dir: Path | None = None) -> int:
    """Make (or find cached) the learner copy of every exercise a workspace holds; return how many.

    ``bootstrap.py setup`` runs this once after installing (``python -m ailab.learner_release``), so the
    learner's first ``ailab lab`` finds the copies made and does not wait for nbgrader.
    """
    from ailab.lab_config import defer_iri_parsers
    from ailab.workspace import exercise_sources

    defer_iri_parsers()
    sources = exercise_sources()
    for source in sources:
        released_copy(source, cache_dir)
    return len(sources)


def main() -> int:
    try:
        count = prepare_all()
    except (OSError, ReleaseError) as problem:
        print(f"Chưa chuẩn bị sẵn được bài tập cho học viên ({problem}); lệnh ailab lab sẽ làm lại.", file=sys.stderr)
        return 1
    print(f"Đã chuẩn bị sẵn {count} bài tập cho học viên.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
