"""``ailab course …``: trainer commands over an nbgrader course folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.course.errors import CourseError
from autograder.course.roster import RosterError
from autograder.course.settings import repo_exercises_dir


def register(sub) -> None:
    """Add ``course`` and its sub-commands to the ``ailab`` parser."""
    course = sub.add_parser("course", help="Giảng viên: tạo lớp, phát bài, thu bài, chấm, báo cáo")
    commands = course.add_subparsers(dest="course_command", metavar="VIỆC")
    course.set_defaults(handler=lambda args: (course.print_help(), 0)[1])

    init = commands.add_parser("init", help="Tạo thư mục lớp học (nbgrader) từ các bài tập")
    init.add_argument("dir", type=Path, help="thư mục lớp học")
    init.add_argument("--roster", type=Path, help="danh sách học viên CSV: id, ho_ten, don_vi, email")
    init.add_argument("--exercises", type=Path, default=None, help="thư mục bài tập (mặc định: exercises/ của kho)")
    init.set_defaults(handler=_guard(cmd_init))

    release = commands.add_parser("release", help="Tạo bản phát cho học viên và tệp zip cho từng học phần")
    release.add_argument("dir", type=Path)
    release.add_argument("modules", nargs="*", metavar="MODULE", help="ví dụ 01 02 (mặc định: tất cả)")
    release.set_defaults(handler=_guard(cmd_release))

    collect = commands.add_parser("collect", help="Thu bài nộp từ một thư mục, tệp .zip hoặc máy chủ lớp học")
    collect.add_argument("dir", type=Path)
    collect.add_argument("source", type=Path, nargs="?", help="thư mục hoặc tệp .zip chứa bài nộp")
    collect.add_argument("--exchange", action="store_true",
                         help="thu mọi bài học viên đã nộp trên máy chủ lớp học (ailab workshop)")
    collect.set_defaults(handler=_guard(cmd_collect))

    grade = commands.add_parser("grade", help="Chấm tự động mọi bài đã thu")
    grade.add_argument("dir", type=Path, help="thư mục lớp học")
    grade.add_argument("--workers", type=int, default=2, help="số tiến trình chấm song song (mặc định 2)")
    grade.add_argument("--scheduler", metavar="ĐỊA_CHỈ", help="chấm trên cụm Dask, ví dụ tcp://10.0.0.5:8786")
    grade.add_argument("--db", metavar="URL", help="sổ điểm trên máy chủ CSDL, ví dụ "
                       "postgresql+psycopg2://nguoi_dung:mat_khau@may_chu/so_diem (được ghi vào ailab_course.json)")
    grade.add_argument("--sandbox", choices=("bubblewrap", "podman", "docker", "none"),
                       help="cách ly bài của học viên bằng gì (mặc định: cách an toàn nhất mà máy có)")
    grade.set_defaults(handler=_guard(cmd_grade))

    report = commands.add_parser("report", help="Bảng điểm Excel, phân tích câu hỏi, biểu đồ")
    report.add_argument("dir", type=Path)
    report.add_argument("--truoc", type=Path, help="câu trả lời kiểm tra đầu vào: thêm trang \"Tiến bộ\" (cần cả --sau)")
    report.add_argument("--sau", type=Path, help="câu trả lời kiểm tra cuối khóa")
    report.set_defaults(handler=_guard(cmd_report))

    feedback = commands.add_parser("feedback", help="Phản hồi HTML cho từng học viên (không lộ bài kiểm tra ẩn)")
    feedback.add_argument("dir", type=Path)
    feedback.add_argument("--exchange", nargs="?", const=True, default=None, metavar="THU_MUC",
                          help="gửi thêm phản hồi lên máy chủ lớp học (ailab workshop), mỗi học viên chỉ nhận "
                               "được bài của mình bằng lệnh: ailab phan-hoi")
    feedback.set_defaults(handler=_guard(cmd_feedback))

    certificates = commands.add_parser("certificates", help="Giấy chứng nhận hoàn thành (.docx, .pdf nếu có LibreOffice)")
    certificates.add_argument("dir", type=Path)
    certificates.set_defaults(handler=_guard(cmd_certificates))


def _guard(handler):
    """Turn expected problems into a Vietnamese message and exit code 2, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (CourseError, RosterError, FileNotFoundError) as error:
            print(f"Lỗi: {error}", file=sys.stderr)
            return 2

    return run


def _require_course(path: Path) -> Path:
    if not (path / "nbgrader_config.py").exists():
        raise CourseError(f"{path} chưa phải thư mục lớp học. Chạy trước: ailab course init {path}")
    return path


def cmd_init(args) -> int:
    from autograder.course.workspace import init_course

    for line in init_course(args.dir, args.exercises or repo_exercises_dir(), args.roster):
        print(line)
    print(f"Xong. Bước tiếp theo: ailab course release {args.dir}")
    return 0


def cmd_release(args) -> int:
    from autograder.course.workspace import release_modules, resolve_modules

    course = _require_course(args.dir)
    modules = resolve_modules(course, args.modules)
    for path in release_modules(course, modules):
        print(f"Đã tạo {path}")
    print("Gửi các tệp zip trên cho học viên (USB, Zalo, thư điện tử).")
    return 0


def cmd_collect(args) -> int:
    from autograder.course.collect import collect
    from autograder.course.workspace import (
        collect_log_path,
        expected_notebooks,
        load_roster,
        released_modules,
    )

    course = _require_course(args.dir)
    if args.exchange:
        return _collect_from_exchange(course, args)
    if args.source is None or not args.source.exists():
        raise CourseError(f"Không tìm thấy {args.source or 'nguồn bài nộp'} (hoặc dùng --exchange)")
    learners = {learner.id for learner in load_roster(course)}
    notebooks = {name: module for module in released_modules(course) for name in expected_notebooks(course, module)}
    notes = collect(course, args.source, learners, notebooks)
    received = sum(note.result == "nhận" for note in notes)
    for note in notes:
        if note.result != "nhận":
            print(f"- {note.origin}: {note.result} — {note.message}")
    print(f"Đã nhận {received} bài. Nhật ký: {collect_log_path(course)}")
    return 0


def _collect_from_exchange(course: Path, args) -> int:
    """Stage the workshop exchange's latest submissions as a folder, then collect them like any other."""
    import tempfile

    from autograder.workshop.exchange import stage_for_collect
    from autograder.workshop.state import WorkshopState

    state = WorkshopState.load(course)
    if state is None:
        raise CourseError(f"Lớp {course} chưa mở máy chủ lớp học (ailab workshop start), không có bài nộp ở đó.")
    with tempfile.TemporaryDirectory(prefix="ailab_exchange_") as staging:
        count = stage_for_collect(state.exchange, state.learners, Path(staging))
        print(f"Trên máy chủ lớp học có {count} bài nộp.")
        args.source, args.exchange = Path(staging), False
        return cmd_collect(args)


class _Progress:
    """A tqdm bar (elapsed time, rate) that appears with the first finished submission."""

    def __init__(self, grader):
        self.grader, self.bar = grader, None

    def __call__(self, outcome) -> None:
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=self.grader.total, unit="bài", desc="Chấm", file=sys.stderr, dynamic_ncols=True)
        self.bar.set_postfix_str(f"{outcome.learner} {outcome.module}: {'xong' if outcome.status == 'graded' else 'lỗi'}")
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _use_database(course: Path, url: str) -> None:
    """Remember a server gradebook in the course settings, so report and feedback read the same one."""
    from autograder.course.settings import CourseSettings, nbgrader_config_text

    if not url.startswith(("postgresql", "mysql", "sqlite")):
        raise CourseError("Địa chỉ sổ điểm phải có dạng postgresql+psycopg2://nguoi_dung:mat_khau@may_chu/ten_csdl")
    settings = CourseSettings.load(course)
    if settings.database_url != url:
        settings.database_url = url
        settings.save(course)
        (course / "nbgrader_config.py").write_text(nbgrader_config_text(settings), encoding="utf-8")


def cmd_grade(args) -> int:
    from autograder.course.grading import Grader
    from autograder.course.status import FAILED, GRADED, MISSING
    from autograder.course.workspace import released_modules, status_path

    course = _require_course(args.dir)
    if not released_modules(course):
        raise CourseError(f"Chưa phát học phần nào. Chạy trước: ailab course release {course}")
    if args.db:
        _use_database(course, args.db)
    grader = Grader(course, workers=args.workers, scheduler=args.scheduler, isolation=args.sandbox)
    grader.progress = progress = _Progress(grader)
    if grader.isolation == "none":
        from autograder.notebook.sandbox import WARNING_NONE

        print(WARNING_NONE, file=sys.stderr)
    try:
        rows = grader.run()
    finally:
        progress.close()
    for note in grader.notes:
        print(note, file=sys.stderr)
    counts = {status: sum(r.status == status for r in rows) for status in (GRADED, FAILED, MISSING)}
    print(f"Đã chấm: {counts[GRADED]}, lỗi: {counts[FAILED]}, chưa nộp: {counts[MISSING]}. "
          f"Chi tiết: {status_path(course)}")
    if grader.total:
        print(f"Ghi sổ điểm: {grader.save_seconds:.1f} s cho {grader.total} bài "
              f"({grader.save_seconds / grader.total:.3f} s/bài).")
    for row in rows:
        if row.status == FAILED:
            print(f"- {row.learner} {row.module}: {row.reason}")
    return 0


def cmd_report(args) -> int:
    from autograder.course.report import build_report, summary_lines

    course = _require_course(args.dir)
    if bool(args.truoc) != bool(args.sau):
        raise CourseError("Cần cả hai tệp: --truoc (kiểm tra đầu vào) và --sau (kiểm tra cuối khóa).")
    report = build_report(course, (args.truoc, args.sau) if args.truoc else None)
    for line in summary_lines(report):
        print(line)
    return 0


def cmd_feedback(args) -> int:
    from autograder.course.feedback import write_feedback

    course = _require_course(args.dir)
    paths = write_feedback(course)
    print(f"Đã tạo {len(paths)} trang phản hồi trong {course / 'feedback_html'}")
    if args.exchange is not None:
        _return_feedback(course, None if args.exchange is True else Path(args.exchange))
    return 0


def _return_feedback(course: Path, path: Path | None) -> None:
    """Release the graded learners' pages into the exchange and say who got one and who did not."""
    from autograder.course.feedback_exchange import locate_exchange, release_through_exchange

    root, learners = locate_exchange(course, path)
    outcome = release_through_exchange(course, root, learners)
    people = len({learner for learner, _ in outcome.released})
    print(f"Đã gửi {len(outcome.released)} phản hồi ({people} học viên) lên máy chủ lớp học. Học viên xem "
          "bằng lệnh: ailab phan-hoi")
    if outcome.skipped:
        print(f"Không gửi {len(outcome.skipped)} phản hồi:")
    grouped: dict[tuple[str, str], list[str]] = {}
    for learner, module, reason in outcome.skipped:
        grouped.setdefault((module, reason), []).append(learner)
    for (module, reason), learners in sorted(grouped.items()):
        print(f"- {', '.join(learners)} (bài {module}): {reason}")


def cmd_certificates(args) -> int:
    from autograder.course.certificates import write_certificates

    course = _require_course(args.dir)
    paths = write_certificates(course)
    print(f"Đã tạo {len(paths)} giấy chứng nhận trong {course / 'certificates'}")
    return 0
