"""Sub-commands ``ailab lab``, ``ailab serve`` and ``ailab doctor``."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def register(sub) -> None:
    lab = sub.add_parser("lab", help="mở phòng thực hành (JupyterLab tiếng Việt) trên thư mục học viên")
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument("--folder", default=None,
                     help="thư mục phòng thực hành (mặc định: ~/phong_thuc_hanh_ai; với --giang-vien: thư mục dự án)")
    lab.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    lab.add_argument("--english", action="store_true", help="giao diện tiếng Anh")
    lab.add_argument("--token", default=None, help="mã truy cập (mặc định: một mã ngẫu nhiên mới)")
    lab.add_argument("--giang-vien", dest="trainer", action="store_true",
                     help="giao diện giảng viên: mở thư mục dự án, có các menu nbgrader")
    lab.set_defaults(handler=run_lab)

    serve = sub.add_parser("serve", help="chạy trợ lý ngoại tuyến như một máy chủ tương thích OpenAI")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--verbose", action="store_true", help="in từng yêu cầu")
    serve.set_defaults(handler=run_serve)

    doctor = sub.add_parser("doctor", help="kiểm tra máy và cấu hình, chỉ cách sửa")
    doctor.set_defaults(handler=run_doctor)

    record = sub.add_parser("record", help="chạy các notebook với AI thật và ghi sẵn mọi câu trả lời vào một thư mục")
    record.add_argument("notebooks", nargs="+", help="các notebook cần chạy (ví dụ notebooks/*.ipynb)")
    record.add_argument("--dir", required=True, help="thư mục lưu câu trả lời (để gửi cho học viên)")
    record.add_argument("--timeout", type=int, default=600, help="giới hạn giây cho mỗi ô")
    record.set_defaults(handler=run_record)


def lab_settings_dir(locale: str) -> Path:
    """The learner lab's JupyterLab settings folder (interface language ``locale``)."""
    from ailab.lab_config import prepare

    return prepare(locale).settings


def lab_command(folder: Path, port: int, token: str, open_browser: bool, trainer: bool = False) -> list[str]:
    """The ``jupyter lab`` command line serving ``folder`` (see ``ailab.lab_config``)."""
    from ailab.lab_config import lab_command as command

    return command(folder, port, token, open_browser, trainer=trainer)


def _lab_folder(args) -> Path | None:
    """The learner workspace (built or updated now), or for a trainer the course folder."""
    from ailab.learner_release import ReleaseError
    from ailab.workspace import build_workspace, default_folder

    if args.trainer:
        folder = Path(args.folder).resolve() if args.folder else (REPO_ROOT if (REPO_ROOT / "exercises").is_dir()
                                                                  else Path.cwd())
        return folder if folder.is_dir() else None
    folder = Path(args.folder).expanduser().resolve() if args.folder else default_folder()
    print(f"Chuẩn bị phòng thực hành ở {folder} …", flush=True)
    try:
        report = build_workspace(folder)
    except (OSError, ReleaseError) as problem:
        print(f"Không chuẩn bị được thư mục {folder}: {problem}", file=sys.stderr)
        return None
    for line in report.notes():
        print(line)
    return folder


def run_lab(args) -> int:
    from ailab.lab_config import defer_iri_parsers, prepare
    from ailab.workspace import START_PAGE

    defer_iri_parsers()  # nbgrader (a first build) and nbformat (signing) import jsonschema here
    folder = _lab_folder(args)
    if folder is None:
        print("Chọn một thư mục khác bằng --folder.", file=sys.stderr)
        return 2
    start_page = "" if args.trainer else START_PAGE
    folders = prepare("en" if args.english else "vi_VN", trainer=args.trainer, start_page=start_page,
                      phone_workspace_later=True)
    token = args.token or secrets.token_hex(16)
    url = f"http://127.0.0.1:{args.port}/lab/tree/{start_page}?token={token}" if start_page else \
        f"http://127.0.0.1:{args.port}/lab?token={token}"
    print("Đang mở phòng thực hành AI (JupyterLab)…")
    print(f"Địa chỉ: {url}")
    print("Mở địa chỉ trên bằng trình duyệt nếu trình duyệt không tự mở. Nhấn Ctrl+C để dừng.", flush=True)
    command = lab_command(folder, args.port, token, not args.no_browser, trainer=args.trainer)
    server = subprocess.Popen(command, env=folders.environment())
    # Stopped by a service manager or a script (not Ctrl+C, which the server hears itself): stop the server too.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        if not args.trainer:
            _while_starting(folder, folders, start_page)
        return server.wait()
    except KeyboardInterrupt:
        server.wait()
        return 0


def _while_starting(folder: Path, folders, start_page: str) -> None:
    """Chores done while the server starts.

    Sign the shipped notebooks (opening one then logs no "not trusted" warning; skipped when nothing was
    shipped since the last start), then, on a first start only and at low priority so that it leaves the
    CPU to the server and the browser, save the phone workspace (the start page's link for small screens).
    """
    from ailab.lab_config import save_phone_workspace
    from ailab.workspace import trust_notebooks

    try:
        trust_notebooks(folder)
    except (OSError, ValueError):
        pass  # costs only that warning
    if hasattr(os, "nice"):
        os.nice(10)  # this process only: the server was started before, at normal priority
    try:
        save_phone_workspace(folders, start_page)
    except (OSError, ValueError):
        pass  # the phone link then opens the lab's default layout


def run_serve(args) -> int:
    from ailab.server import make_server

    try:
        server = make_server(args.host, args.port, verbose=args.verbose)
    except OSError as problem:
        print(f"Không mở được cổng {args.port} trên {args.host}: {problem.strerror}. Chọn cổng khác bằng --port.",
              file=sys.stderr)
        return 2
    host, port = server.server_address[:2]
    print(f"Trợ lý ngoại tuyến đang chạy tại http://{host}:{port}/v1 (mô hình: tro-ly-ngoai-tuyen).")
    print(f"Dùng từ máy khác hoặc ứng dụng chat: AILAB_PROVIDER=custom AILAB_BASE_URL=http://{host}:{port}/v1")
    print("Nhấn Ctrl+C để dừng.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Đã dừng máy chủ.")
    finally:
        server.server_close()
    return 0


def run_doctor(args) -> int:
    from ailab.doctor import report, run_checks

    checks = run_checks()
    print(report(checks))
    return 0 if all(c.ok or c.optional for c in checks) else 1


def run_record(args) -> int:
    """Execute notebooks with ``AILAB_CACHE=record`` so every answer they ask for is stored in ``--dir``."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from ailab.cache import AnswerCache
    from ailab.settings import SettingsError, load_settings

    folder = Path(args.dir).resolve()
    os.environ.update(AILAB_CACHE="record", AILAB_CACHE_DIR=str(folder))
    try:
        settings = load_settings()
    except SettingsError as problem:
        print(problem, file=sys.stderr)
        return 2
    if settings.provider == "offline":
        print("Cảnh báo: đang dùng trợ lý ngoại tuyến; hãy cấu hình AI thật (tệp .env) trước khi ghi.")
    failures = 0
    for name in args.notebooks:
        path = Path(name)
        try:
            notebook = nbformat.read(path, as_version=4)
            NotebookClient(notebook, timeout=args.timeout, resources={"metadata": {"path": str(path.parent)}}).execute()
            print(f"✔ {path}")
        except (OSError, ValueError) as problem:
            failures += 1
            print(f"✘ {path}: không đọc được notebook ({problem.__class__.__name__}).")
        except CellExecutionError:
            failures += 1
            print(f"✘ {path}: có ô bị lỗi khi chạy; các câu trả lời trước ô đó vẫn được ghi.")
    print(f"Đã ghi {len(AnswerCache(folder))} câu trả lời vào {folder}. Nén thư mục này để gửi cho học viên.")
    return 1 if failures else 0
