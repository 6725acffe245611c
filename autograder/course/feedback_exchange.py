"""``course feedback --exchange``: return each graded learner's feedback page through nbgrader's exchange.

nbgrader's ``release_feedback`` copies ``feedback/<student>/<assignment>/<notebook>.html`` into the exchange as
``feedback/<md5(submission secret + notebook id)>.html``. The secret is the random one ``nbgrader submit``
wrote beside the submission (in the inbound folder and in the learner's own cache), so only the learner who
submitted can name the file again with ``fetch_feedback``; the exchange's feedback folder cannot be listed.

nbgrader's ``generate_feedback`` is not used: its pages show the hidden tests. The pages ``write_feedback``
made are staged in nbgrader's layout with the secret and timestamp of the very submission that was graded
(its notebooks equal, byte for byte, the copy in ``submitted/``), then nbgrader's own release runs.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from autograder.course.errors import CourseError
from autograder.course.settings import COURSE_ID
from autograder.course.status import FAILED, GRADED, read_status
from autograder.course.workspace import load_roster, status_path, submission_dir

SECRET_FILE = "submission_secret.txt"


@dataclass
class FeedbackReturn:
    """What ``release_through_exchange`` did: (learner, module) released, and skipped with a Vietnamese reason."""

    released: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)


def locate_exchange(course_dir: Path, path: Path | None) -> tuple[Path, dict[str, str]]:
    """The exchange folder and who is who in it (OS user name -> roster id).

    Without ``path`` it is the one ``ailab workshop start`` made (as ``course collect --exchange`` finds it).
    With ``path`` and no workshop, learners are known by the login names the workshop would give them.
    """
    from autograder.workshop.state import WorkshopError, WorkshopState, os_name_for

    state = WorkshopState.load(course_dir)
    if path is None and state is None:
        raise CourseError(f"Lớp {course_dir} chưa mở máy chủ lớp học (ailab workshop start). Nếu bài nộp ở một "
                          "thư mục trao đổi khác, ghi thêm đường dẫn: --exchange THU_MUC")
    root = Path(path) if path is not None else state.exchange
    if not (root / COURSE_ID).is_dir():
        raise CourseError(f"Không thấy thư mục trao đổi bài của lớp trong {root}.")
    if state is not None:
        return root, dict(state.learners)
    learners = {}
    for learner in load_roster(course_dir):
        try:
            learners[os_name_for(learner.id)] = learner.id
        except WorkshopError:
            continue
    return root, learners


def _inbound(root: Path, course_id: str) -> dict[tuple[str, str], list[Path]]:
    """Every submission folder per (OS user, module), newest first (nbgrader's timestamps sort as text)."""
    found: dict[tuple[str, str], list[Path]] = {}
    folder = root / course_id / "inbound"
    for item in folder.iterdir() if folder.is_dir() else []:
        parts = item.name.split("+")
        if item.is_dir() and not item.is_symlink() and len(parts) >= 3:
            found.setdefault((parts[0], parts[1]), []).append(item)
    return {key: sorted(items, key=lambda p: p.name.split("+")[2], reverse=True) for key, items in found.items()}


def _same_notebooks(graded: Path, submitted: Path) -> bool:
    notebooks = sorted(graded.glob("*.ipynb"))
    return bool(notebooks) and all((submitted / nb.name).is_file() and not (submitted / nb.name).is_symlink()
                                   and (submitted / nb.name).read_bytes() == nb.read_bytes() for nb in notebooks)


def graded_submission(course_dir: Path, learner: str, module: str, candidates: list[Path]) -> Path | None:
    """The exchange submission whose notebooks are the ones graded (newest first), or None."""
    graded = submission_dir(course_dir, learner, module)
    return next((c for c in candidates if _same_notebooks(graded, c) and (c / SECRET_FILE).is_file()), None)


def _stage(staging: Path, course_dir: Path, learner: str, module: str, submission: Path) -> None:
    """nbgrader's ``feedback/<student>/<assignment>/`` with our page under each graded notebook's name."""
    page = course_dir / "feedback_html" / learner / f"{module}.html"
    target = staging / "feedback" / learner / module
    target.mkdir(parents=True, exist_ok=True)
    for notebook in sorted(submission_dir(course_dir, learner, module).glob("*.ipynb")):
        shutil.copyfile(page, target / f"{notebook.stem}.html")
        (target / f"{notebook.stem}.html").chmod(0o644)  # nbgrader copies the mode; the learner must read it
    shutil.copyfile(submission / SECRET_FILE, target / SECRET_FILE)
    stamp = submission / "timestamp.txt"
    (target / "timestamp.txt").write_text(stamp.read_text(encoding="utf-8") if stamp.is_file()
                                          else submission.name.split("+")[2], encoding="utf-8")


def _release(staging: Path, root: Path, course_id: str, modules: set[str]) -> None:
    """nbgrader's ``release_feedback`` for each module, from the staged folder into the exchange."""
    config = Config()
    config.Exchange.root = str(root)
    config.CourseDirectory.root = str(staging)
    config.CourseDirectory.course_id = course_id
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    for module in sorted(modules):
        result = api.release_feedback(module)
        if not result.get("success"):
            tail = "\n".join((result.get("log") or result.get("error") or "").splitlines()[-5:])
            raise CourseError(f"Không gửi được phản hồi bài {module} lên máy chủ lớp học:\n{tail}")


def _why_not(row_status: str, reason: str) -> str:
    if row_status == FAILED:
        return f"chưa chấm được — {reason}" if reason else "chưa chấm được"
    return "chưa nộp bài"


def release_through_exchange(course_dir: Path, root: Path, learners_by_os_name: dict[str, str],
                             course_id: str = COURSE_ID) -> FeedbackReturn:
    """Release the feedback page of every graded submission that came through the exchange."""
    course_dir = Path(course_dir)
    path = status_path(course_dir)
    if not path.exists():
        raise CourseError(f"Lớp chưa chấm bài nào, chưa có phản hồi để gửi. Chạy trước: ailab course grade {course_dir}")
    rows = read_status(path)
    os_name = {learner: name for name, learner in learners_by_os_name.items()}
    inbound = _inbound(root, course_id)
    outcome = FeedbackReturn()
    with tempfile.TemporaryDirectory(prefix="ailab_phan_hoi_") as folder:
        staging = Path(folder)
        for row in sorted(rows, key=lambda r: (r.learner, r.module)):
            if row.status != GRADED:
                outcome.skipped.append((row.learner, row.module, _why_not(row.status, row.reason)))
                continue
            if not (course_dir / "feedback_html" / row.learner / f"{row.module}.html").is_file():
                outcome.skipped.append((row.learner, row.module, "chưa có trang phản hồi (chạy lại lệnh này)"))
                continue
            submission = graded_submission(course_dir, row.learner, row.module,
                                           inbound.get((os_name.get(row.learner, ""), row.module), []))
            if submission is None:
                outcome.skipped.append((row.learner, row.module, "bài không nộp qua máy chủ lớp học; hãy gửi "
                                        "tệp trong feedback_html"))
                continue
            _stage(staging, course_dir, row.learner, row.module, submission)
            outcome.released.append((row.learner, row.module))
        if outcome.released:
            _release(staging, root, course_id, {module for _, module in outcome.released})
    return outcome
