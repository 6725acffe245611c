"""nbgrader's exchange on the local filesystem: release the course's exercises into it, collect from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from autograder.workshop.state import WorkshopError

COURSE_ID = "ailab"


def ensure_exchange(root: Path) -> Path:
    """The exchange folder: everyone may write (nbgrader's own permissions inside)."""
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o777)
    return root


def released_modules(course_dir: Path) -> list[str]:
    release = Path(course_dir) / "release"
    return sorted(p.name for p in release.iterdir() if p.is_dir()) if release.is_dir() else []


def release_to_exchange(course_dir: Path, root: Path, course_id: str = COURSE_ID) -> list[str]:
    """``nbgrader release_assignment`` for every module the trainer released with ``ailab course release``."""
    modules = released_modules(course_dir)
    if not modules:
        raise WorkshopError(f"Lớp {course_dir} chưa phát bài nào. Chạy trước: ailab course release {course_dir}")
    ensure_exchange(root)
    for module in modules:
        result = subprocess.run([sys.executable, "-m", "nbgrader", "release_assignment", module, "--force",
                                 "--course", course_id, f"--Exchange.root={root}"],
                                cwd=course_dir, capture_output=True, text=True)
        if result.returncode != 0:
            tail = "\n".join(result.stderr.splitlines()[-5:])
            raise WorkshopError(f"Không đưa được bài {module} lên máy chủ lớp học:\n{tail}")
    return modules


def inbound_submissions(root: Path, course_id: str = COURSE_ID) -> dict[tuple[str, str], Path]:
    """The latest submission per (OS user, module) in the exchange's inbound folder.

    nbgrader names each one ``<user>+<assignment>+<timestamp>+<random>``; the timestamp sorts as text.
    """
    inbound = root / course_id / "inbound"
    latest: dict[tuple[str, str], tuple[str, Path]] = {}
    if not inbound.is_dir():
        return {}
    for folder in inbound.iterdir():
        parts = folder.name.split("+")
        if not folder.is_dir() or len(parts) < 3:
            continue
        key, stamp = (parts[0], parts[1]), parts[2]
        if key not in latest or stamp > latest[key][0]:
            latest[key] = (stamp, folder)
    return {key: folder for key, (_, folder) in latest.items()}


def stage_for_collect(root: Path, learners_by_os_name: dict[str, str], target: Path,
                      course_id: str = COURSE_ID) -> int:
    """Lay the exchange's submissions out as ``<roster id>/<module>/<notebook>.ipynb`` for ``collect``.

    Only names on the roster are taken; the folder names in the exchange never decide a destination.
    """
    count = 0
    for (user, module), folder in inbound_submissions(root, course_id).items():
        learner = learners_by_os_name.get(user)
        if learner is None:
            continue
        for notebook in folder.glob("*.ipynb"):
            if notebook.is_symlink() or not notebook.is_file():
                continue
            destination = target / learner / module / notebook.name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(notebook, destination)
            count += 1
    return count
