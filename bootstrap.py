"""Set up the lab in ./.venv and run it: ``python3 bootstrap.py lab`` or ``python3 bootstrap.py test``.

Needs only Python 3.10+ on the machine. Packages are (re)installed only when pyproject.toml changes.
Windows: ``py bootstrap.py lab``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ailab-installed"


def say(message: str) -> None:
    print(f"[ailab] {message}", flush=True)


def ensure_environment() -> None:
    """Create .venv and install the project with its test tools, once per pyproject.toml version."""
    if sys.version_info < (3, 10):  # noqa: UP036 — this script must run on old Pythons to say so
        sys.exit("[ailab] Cần Python 3.10 trở lên. Tải tại https://www.python.org/downloads/")
    if not PYTHON.exists():
        say("Tạo môi trường Python riêng trong .venv …")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except Exception as problem:  # noqa: BLE001 — Debian without python3-venv fails here
            sys.exit(
                f"[ailab] Không tạo được môi trường ảo ({problem}).\n"
                "Trên Debian/Ubuntu hãy cài: sudo apt-get install python3-venv, rồi chạy lại."
            )
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("Cài các gói cần thiết (lần đầu mất vài phút) …")
    quiet = ["-q"] if os.environ.get("CI") is None else []
    subprocess.check_call([str(PYTHON), "-m", "pip", "install", *quiet, "--upgrade", "pip"])
    subprocess.check_call([str(PYTHON), "-m", "pip", "install", *quiet, "-e", f"{ROOT}[test]"])
    STAMP.write_text(wanted)
    say("Chuẩn bị sẵn bài tập cho học viên (để lần mở đầu tiên nhanh) …")
    # A failure here only slows the first start (the lab makes the copies then).
    subprocess.call([str(PYTHON), "-m", "ailab.learner_release"], env=dict(os.environ, PYTHONUTF8="1"))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "lab"
    if command not in ("lab", "test", "setup"):
        print(__doc__)
        return 2
    ensure_environment()
    env = dict(os.environ, PYTHONUTF8="1")
    if command == "setup":
        say("Đã cài xong.")
        return 0
    if command == "lab":
        return subprocess.call([str(BIN / "ailab"), "lab", *argv[1:]], env=env)
    os.chdir(ROOT)
    return subprocess.call([str(PYTHON), "-m", "pytest", *argv[1:]], env=env)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as problem:
        sys.exit(f"[ailab] Lệnh cài đặt thất bại (mã {problem.returncode}). Kiểm tra kết nối tới PyPI rồi chạy lại.")
