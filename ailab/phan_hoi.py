"""``ailab phan-hoi [BAI]``: fetch the trainer's feedback on the learner's own submissions.

On the workshop server it runs nbgrader's ``fetch_feedback`` (through ``NbGraderAPI``) for each exercise
submitted with ``ailab nop``. nbgrader finds a page only through the secret its ``submit`` left in this
learner's own cache, so nobody can fetch another learner's feedback. The newest page per notebook is copied to
``~/phong_thuc_hanh_ai/phan_hoi/<bài>/<notebook>.html``. On a personal machine there is no exchange: the
trainer sends the page as a file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ailab.nop import on_workshop_server
from ailab.workspace import default_folder

FOLDER = "phan_hoi"
NO_EXCHANGE = ("Máy này không nối với máy chủ lớp học, nên không tự nhận phản hồi được. Giảng viên sẽ gửi "
               "phản hồi cho bạn dưới dạng tệp .html (qua Zalo, thư điện tử hoặc USB); mở tệp đó bằng trình "
               "duyệt web để xem điểm và nhận xét.")


@dataclass
class Fetched:
    """Pages copied into the workspace, and exercises submitted that have no feedback yet."""

    pages: list[Path] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    submitted: list[str] = field(default_factory=list)


def cache_folder(course_id: str) -> Path:
    """Where ``nbgrader submit`` kept this learner's copies (nbgrader's default: the Jupyter data folder)."""
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "nbgrader_cache" / course_id


def submitted_modules(course_id: str) -> list[str]:
    """Exercises this learner has submitted through the exchange (from their own cache)."""
    cache = cache_folder(course_id)
    names = {p.name.split("+")[1] for p in cache.iterdir() if p.is_dir() and p.name.count("+") >= 2} \
        if cache.is_dir() else set()
    return sorted(names)


def _newest_pages(fetched: Path) -> dict[str, Path]:
    """``feedback/<timestamp>/<notebook>.html`` -> the newest page per notebook name."""
    newest: dict[str, Path] = {}
    for page in sorted(fetched.glob("feedback/*/*.html"), key=lambda p: p.parent.name):
        newest[page.name] = page
    return newest


def _nbgrader(exchange: str, course_id: str, folder: Path):
    """nbgrader's own API, fetching into ``folder`` from the exchange (as ``nbgrader fetch_feedback`` does)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    config.Exchange.root = exchange
    config.Exchange.assignment_dir = str(folder)
    config.CourseDirectory.root = str(folder)
    config.CourseDirectory.course_id = course_id
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def fetch_modules(modules: list[str], exchange: str, course_id: str, workspace: Path) -> dict[str, list[Path]]:
    """nbgrader ``fetch_feedback`` for each exercise; the pages now in ``phan_hoi/<module>/`` per exercise."""
    found: dict[str, list[Path]] = {}
    if not modules:
        return found  # importing nbgrader takes seconds
    with tempfile.TemporaryDirectory(prefix="ailab_phan_hoi_") as folder:
        api = _nbgrader(exchange, course_id, Path(folder))
        for module in modules:
            found[module] = []
            if not api.fetch_feedback(module, "*").get("success"):
                continue
            target = workspace / FOLDER / module
            for name, page in sorted(_newest_pages(Path(folder) / module).items()):
                target.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, target / name)
                found[module].append(target / name)
    return found


def fetch(wanted: str | None = None, workspace: Path | None = None) -> Fetched:
    """Fetch feedback for every submitted exercise (or the one named like ``01`` or ``01_lam_quen``)."""
    exchange = os.environ["AILAB_EXCHANGE"]
    course_id = os.environ.get("AILAB_COURSE_ID", "ailab")
    workspace = Path(workspace or default_folder())
    outcome = Fetched(submitted=submitted_modules(course_id))
    modules = [m for m in outcome.submitted if not wanted or m == wanted or m.split("_", 1)[0] == wanted]
    for module, pages in fetch_modules(modules, exchange, course_id, workspace).items():
        outcome.pages += pages
        if not pages:
            outcome.waiting.append(module)
    return outcome


def messages(outcome: Fetched, wanted: str | None, workspace: Path) -> list[str]:
    """What to tell the learner, in plain Vietnamese."""
    if not outcome.submitted:
        return ["Bạn chưa nộp bài nào qua máy chủ lớp học, nên chưa có phản hồi. Nộp bài bằng lệnh: "
                "ailab nop bai_tap/<tên bài>/<tên bài>.ipynb"]
    if wanted and not outcome.pages and not outcome.waiting:
        return [f"Bạn chưa nộp bài {wanted} qua máy chủ lớp học. Các bài bạn đã nộp: {', '.join(outcome.submitted)}."]
    lines = []
    for page in outcome.pages:
        where = page.relative_to(workspace) if page.is_relative_to(workspace) else page
        lines.append(f"Đã nhận phản hồi bài {page.parent.name}: {where.as_posix()} (trong phòng thực hành)")
    if outcome.pages:
        lines.append(f"Mở thư mục {FOLDER} ở cột tệp bên trái, rồi bấm đúp vào tệp để xem điểm và nhận xét.")
    for module in outcome.waiting:
        lines.append(f"Bài {module}: giảng viên chưa gửi phản hồi. Hãy chạy lại lệnh này sau khi giảng viên báo.")
    return lines


def cmd_phan_hoi(args: argparse.Namespace) -> int:
    if not on_workshop_server():
        print(NO_EXCHANGE)
        return 0
    workspace = default_folder()
    outcome = fetch(args.bai, workspace)
    for line in messages(outcome, args.bai, workspace):
        print(line)
    return 0 if outcome.pages else 1


def register(sub) -> None:
    command = sub.add_parser("phan-hoi", help="Nhận phản hồi (điểm, nhận xét) của giảng viên về bài đã nộp")
    command.add_argument("bai", nargs="?", default=None, metavar="BAI",
                         help="chỉ lấy phản hồi của một bài, ví dụ 01 hoặc 01_lam_quen (mặc định: mọi bài đã nộp)")
    command.set_defaults(handler=cmd_phan_hoi)
