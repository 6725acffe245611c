"""A learner's lab on the workshop server: limits, the course's exchange, released exercises, then the lab.

JupyterHub starts ``python -m ailab.lop_hoc`` as the learner's own OS user (with the hub's arguments);
this prepares the learner's side and replaces itself with ``jupyterhub-singleuser``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ailab import lab_config
from ailab.workspace import EXERCISES, START_PAGE, trust_notebooks

WORKSPACE = Path.home() / "phong_thuc_hanh_ai"


def apply_limits() -> None:
    """Cap memory and process count for everything this learner runs (kernels included)."""
    try:
        import resource
    except ImportError:  # not Linux: nothing to cap
        return
    megabytes = int(os.environ.get("AILAB_MEMORY_LIMIT_MB", "0") or 0)
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_NPROC, (256, 256))
    os.nice(5)


def write_learner_config(exchange: str, course_id: str) -> dict[str, str]:
    """The learner lab's own settings (as ``ailab lab`` writes them) plus nbgrader's exchange; returns the env."""
    folders = lab_config.prepare(start_page=START_PAGE)
    (folders.config / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.Exchange.root = {exchange!r}\n"
        f"c.CourseDirectory.course_id = {course_id!r}\n", encoding="utf-8")
    return folders.environment()


def released(exchange: str, course_id: str) -> list[str]:
    outbound = Path(exchange) / course_id / "outbound"
    return sorted(p.name for p in outbound.iterdir() if p.is_dir()) if outbound.is_dir() else []


def fetch_released(exchange: str, course_id: str) -> list[str]:
    """Fetch every released exercise not yet in the workspace; a learner's own copy is never replaced."""
    target = WORKSPACE / EXERCISES
    target.mkdir(parents=True, exist_ok=True)
    fetched = []
    for assignment in released(exchange, course_id):
        if (target / assignment).exists():
            continue
        result = subprocess.run([sys.executable, "-m", "nbgrader", "fetch_assignment", assignment,
                                 "--course", course_id, f"--Exchange.root={exchange}"],
                                cwd=target, capture_output=True, text=True)
        if result.returncode == 0:
            fetched.append(assignment)
        else:
            print(f"[ailab] Chưa lấy được bài {assignment}: {result.stderr.strip()[-300:]}", file=sys.stderr)
    return fetched


def main(argv: list[str]) -> int:
    exchange = os.environ.get("AILAB_EXCHANGE", "")
    course_id = os.environ.get("AILAB_COURSE_ID", "ailab")
    apply_limits()
    environment = write_learner_config(exchange, course_id)
    if exchange:
        fetch_released(exchange, course_id)
    trust_notebooks(WORKSPACE)
    singleuser = Path(sys.executable).with_name("jupyterhub-singleuser")
    os.execve(str(singleuser), [str(singleuser), *argv], environment)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
