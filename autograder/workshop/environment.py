"""The learners' Python: a venv built from Debian's own python3, readable by every learner.

The machine's default python3 may live in root's home, which other users cannot run; the learners'
servers and kernels run from this venv instead. It holds the project as an installed package (no
exercises, no solutions) and the same JupyterHub version as the hub.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jupyterhub

from autograder.workshop.state import WorkshopError

REPO = Path(__file__).resolve().parents[2]
SYSTEM_PYTHONS = ("/usr/bin/python3",)
STAMP = ".ailab-workshop-stamp"


def system_python() -> str:
    for candidate in SYSTEM_PYTHONS:
        if os.access(candidate, os.X_OK):
            return candidate
    raise WorkshopError("Máy chủ cần Python của hệ điều hành: sudo apt-get install python3 python3-venv")


def source_fingerprint() -> str:
    """Changes when anything installed into the venv changes: the project's metadata and code."""
    digest = hashlib.sha256(jupyterhub.__version__.encode())
    for path in sorted([REPO / "pyproject.toml", REPO / "curriculum.toml",
                        *REPO.joinpath("ailab").rglob("*"), *REPO.joinpath("autograder").rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_venv(venv: Path, say=print) -> Path:
    """Create or refresh ``venv``; returns its python. Every folder above it must be traversable."""
    wanted = source_fingerprint()
    stamp = venv / STAMP
    python = venv / "bin" / "python"
    if stamp.exists() and stamp.read_text().strip() == wanted and python.exists():
        return python
    say(f"Chuẩn bị môi trường Python cho học viên ở {venv} (lần đầu mất vài phút) …")
    if venv.exists():
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([system_python(), "-m", "venv", str(venv)], check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as wheels:
        _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, str(REPO)])
        wheel = next(Path(wheels).glob("*.whl"))
        _run([*installer(python), str(wheel), f"jupyterhub=={jupyterhub.__version__}"])
    _open_for_everyone(venv)
    stamp.write_text(wanted)
    return python


def installer(python: Path) -> list[str]:
    """uv (from PyPI, much faster on a class server) when present, else the venv's own pip."""
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    if os.access(uv, os.X_OK):
        return [uv, "pip", "install", "-q", "--python", str(python)]
    return [str(python), "-m", "pip", "install", "-q"]


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).splitlines()[-6:])
        raise WorkshopError(f"Cài gói cho môi trường học viên thất bại:\n{tail}")


def _open_for_everyone(venv: Path) -> None:
    """Learners read and run the venv; only root writes it."""
    for root, _dirs, files in os.walk(venv):
        os.chmod(root, 0o755)
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, 0o755 if os.access(path, os.X_OK) else 0o644)
    for parent in venv.parents:
        if parent == Path("/"):
            break
        if not os.stat(parent).st_mode & 0o001:
            raise WorkshopError(
                f"Học viên không vào được {parent} (thiếu quyền đi qua thư mục). Hãy đặt --vung-chung ở nơi "
                "mọi người dùng đọc được, ví dụ /srv/ailab_workshop.")


def interpreter_ok(python: Path) -> bool:
    return python.exists() and sys.platform.startswith("linux")
