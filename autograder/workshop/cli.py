"""``ailab workshop start|stop|status``: the class's server for a one-day workshop."""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from autograder.workshop.state import DEFAULT_SHARED_ROOT, WorkshopError, WorkshopState


def register(sub) -> None:
    """Add ``workshop`` and its sub-commands to the ``ailab`` parser."""
    workshop = sub.add_parser("workshop", help="Giảng viên: máy chủ lớp học (JupyterHub) cho cả lớp")
    commands = workshop.add_subparsers(dest="workshop_command", metavar="VIỆC")
    workshop.set_defaults(handler=lambda args: (workshop.print_help(), 0)[1])

    start = commands.add_parser("start", help="Mở máy chủ lớp học cho lớp đã tạo bằng ailab course init/release")
    start.add_argument("dir", type=Path, help="thư mục lớp học")
    start.add_argument("--ip", default=None, help="địa chỉ lắng nghe (mặc định 0.0.0.0: mọi máy trong mạng)")
    start.add_argument("--port", type=int, default=None, help="cổng (mặc định 8000)")
    start.add_argument("--mat-khau", dest="password", default=None, help="mật khẩu chung của học viên")
    start.add_argument("--mat-khau-giang-vien", dest="admin_password", default=None,
                       help="mật khẩu của tài khoản giangvien")
    start.add_argument("--vung-chung", dest="shared_root", type=Path, default=None,
                       help=f"nơi đặt môi trường Python và kho nộp bài chung (mặc định {DEFAULT_SHARED_ROOT}/<lớp>)")
    start.add_argument("--bo-nho", dest="memory_mb", type=int, default=None,
                       help="giới hạn bộ nhớ cho mỗi học viên, MB (mặc định 2048)")
    start.add_argument("--cpu-moi-hoc-vien", dest="cpus", type=_cores, default=None, metavar="LÕI",
                       help="số lõi CPU tối đa cho mỗi học viên, ví dụ 0,5 hoặc 1 (mặc định 1)")
    start.set_defaults(handler=_guard(cmd_start))

    stop = commands.add_parser("stop", help="Dừng máy chủ lớp học (bài làm của học viên vẫn giữ)")
    stop.add_argument("dir", type=Path)
    stop.add_argument("--xoa-tai-khoan", dest="remove_users", action="store_true",
                      help="xóa luôn tài khoản và thư mục của học viên trên máy chủ (sau khi đã thu bài)")
    stop.set_defaults(handler=_guard(cmd_stop))

    status = commands.add_parser("status", help="Máy chủ lớp học có đang chạy không, địa chỉ nào")
    status.add_argument("dir", type=Path)
    status.set_defaults(handler=_guard(cmd_status))


def _cores(text: str) -> float:
    """A number of CPU cores as a trainer types it: ``1``, ``0.5`` or ``0,5``."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0.0
    if not 0 < value <= 1024:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số lõi CPU; ví dụ: 0,5 hoặc 1 hoặc 2")
    return value


def caps_summary(state: WorkshopState) -> str:
    """Which per-learner caps are in force, in one Vietnamese line for the trainer."""
    cores = f"{state.cpu_per_learner:g}".replace(".", ",")
    if state.cgroups:
        return (f"Giới hạn CPU: cgroup {cores} lõi/học viên; bộ nhớ: cgroup {state.memory_limit_mb} MB/học viên "
                f"(cgroup v{state.cgroups.get('version')}).")
    reason = f" (không dùng được cgroup: {state.cgroup_problem})" if state.cgroup_problem else ""
    return (f"Giới hạn CPU: chỉ hạ ưu tiên (nice){reason}; bộ nhớ: {state.memory_limit_mb} MB cho mỗi tiến trình "
            "(không giới hạn tổng của một học viên).")


def _apply_cgroups(state: WorkshopState, course: Path) -> None:
    """Make the workshop's groups when this machine allows it; otherwise keep why, for the summary."""
    from autograder.workshop import cgroups

    try:
        state.cgroups, state.cgroup_problem = cgroups.setup(course.name).to_dict(), ""
    except cgroups.CgroupUnavailable as problem:
        state.cgroups, state.cgroup_problem = {}, str(problem)


def _guard(handler):
    def run(args: argparse.Namespace) -> int:
        from autograder.course.errors import CourseError
        from autograder.course.roster import RosterError

        try:
            return handler(args)
        except (WorkshopError, CourseError, RosterError, FileNotFoundError) as error:
            print(f"Lỗi: {error}", file=sys.stderr)
            return 2

    return run


def _prepare_state(args, course: Path) -> tuple[WorkshopState, str, str]:
    from autograder.workshop.state import hash_password, readable_password

    state = WorkshopState.load(course) or WorkshopState(
        course_dir=str(course), shared_root=str(DEFAULT_SHARED_ROOT / course.name), memory_limit_mb=2048)
    state.course_dir = str(course)
    if args.shared_root:
        state.shared_root = str(args.shared_root.resolve())
    if args.ip:
        state.ip = args.ip
    if args.port:
        state.port = args.port
    if args.memory_mb:
        state.memory_limit_mb = args.memory_mb
    if args.cpus:
        state.cpu_per_learner = args.cpus
    old_learner, old_admin = state.read_passwords() if state.password_hash else ("", "")
    learner_password = args.password or old_learner or readable_password()
    admin_password = args.admin_password or old_admin or readable_password()
    state.password_hash = hash_password(learner_password)
    state.admin_password_hash = hash_password(admin_password)
    state.api_token = state.api_token or secrets.token_hex(32)
    return state, learner_password, admin_password


def cmd_start(args) -> int:
    from autograder.course.workspace import load_roster
    from autograder.workshop import environment, exchange, hub, network, users
    from autograder.workshop.state import os_name_for

    problem = users.can_manage_users()
    if problem:
        raise WorkshopError(problem)
    course = args.dir.resolve()
    if not (course / "nbgrader_config.py").exists():
        raise WorkshopError(f"{course} chưa phải thư mục lớp học. Chạy trước: ailab course init {course} --roster …")
    state, learner_password, admin_password = _prepare_state(args, course)
    if hub.running(state):
        raise WorkshopError(f"Máy chủ lớp học đang chạy. Dừng trước: ailab workshop stop {course}")
    roster = load_roster(course)
    if not roster:
        raise WorkshopError("Lớp chưa có danh sách học viên: ailab course init THU_MUC --roster danh_sach.csv")
    state.learners = {os_name_for(learner.id): learner.id for learner in roster}
    for name in state.learners:
        users.ensure_user(name, course.name)
    _apply_cgroups(state, course)
    state.save()
    state.write_passwords(learner_password, admin_password)
    course.chmod(0o700)
    environment.ensure_venv(state.venv)
    modules = exchange.release_to_exchange(course, state.exchange)
    hub.ensure_proxy()
    hub.start_hub(state)
    url = network.public_url(state.ip, state.port)
    png = network.qr_png(url, WorkshopState.folder(course) / "dia_chi_lop_hoc.png")
    print(network.qr_text(url))
    print(f"Máy chủ lớp học đã chạy: {url}")
    print(f"Học viên: kết nối cùng Wi-Fi, mở {url} (hoặc quét mã QR trên), đăng nhập bằng mã học viên "
          f"và mật khẩu: {learner_password}")
    print(f"Giảng viên: tài khoản giangvien, mật khẩu: {admin_password}")
    print(f"Bài đã phát: {', '.join(modules)}. {len(state.learners)} học viên. Mã QR: {png}")
    print(caps_summary(state))
    print(f"Dừng: ailab workshop stop {course}")
    return 0


def cmd_stop(args) -> int:
    from autograder.workshop import hub, users

    course = args.dir.resolve()
    state = WorkshopState.load(course)
    if state is None:
        raise WorkshopError(f"{course} chưa từng mở máy chủ lớp học.")
    stopped = hub.stop_hub(state)
    print("Đã dừng máy chủ lớp học." if stopped else "Máy chủ lớp học không chạy.")
    if args.remove_users:
        removed = [name for name in state.learners if users.remove_user(name)]
        print(f"Đã xóa {len(removed)} tài khoản học viên.")
    return 0


def cmd_status(args) -> int:
    from autograder.workshop import hub, network

    state = WorkshopState.load(args.dir.resolve())
    if state is None or not hub.running(state):
        print("Máy chủ lớp học không chạy.")
        return 1
    print(f"Đang chạy: {network.public_url(state.ip, state.port)} — {len(state.learners)} học viên.")
    print(caps_summary(state))
    return 0
