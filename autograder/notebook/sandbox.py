"""How learner code is isolated: bubblewrap, else a container engine, else nothing (with a loud warning).

Under bubblewrap the kernel sees a read-only system and Python, a private empty ``/tmp`` (where its
copy of the submission is written), no network, and nothing of the course folder, the gradebook,
other submissions, the trainer's home or the project beyond the ``ailab`` and ``autograder`` packages.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

BUBBLEWRAP, PODMAN, DOCKER, NONE = "bubblewrap", "podman", "docker", "none"
KINDS = (BUBBLEWRAP, PODMAN, DOCKER, NONE)
CONTAINER_IMAGE = os.environ.get("AILAB_SANDBOX_IMAGE", "ailab-cham:latest")
ROOT_CAPABILITIES = ("CAP_SETUID", "CAP_SETGID", "CAP_KILL", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_CHOWN")
SANDBOX_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/tmp/home",
               "MPLCONFIGDIR": "/tmp/.matplotlib", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
               "PYTHONDONTWRITEBYTECODE": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
WARNING_NONE = ("CẢNH BÁO: máy này không có bubblewrap, Podman hay Docker. Bài của học viên được chạy KHÔNG "
                "cách ly: mã trong bài có thể đọc, sửa hoặc xóa tệp của máy. Hãy cài bubblewrap "
                "(sudo apt-get install bubblewrap) rồi chấm lại.")
LABELS = {BUBBLEWRAP: "cách ly bằng bubblewrap", PODMAN: "cách ly bằng Podman", DOCKER: "cách ly bằng Docker",
          NONE: "KHÔNG cách ly"}


@functools.cache
def bubblewrap_works() -> bool:
    """True when ``bwrap`` exists and may create the namespaces we need on this machine."""
    program = shutil.which("bwrap")
    if not program or not sys.platform.startswith("linux"):
        return False
    test = [program, "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "--dev", "/dev", "--proc", "/proc"]
    if os.geteuid() != 0:
        test.append("--unshare-user")
    try:
        return subprocess.run([*test, "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@functools.cache
def container_engine_works(engine: str) -> bool:
    """True when the engine answers and holds the grading image (nothing is pulled: we work offline)."""
    program = shutil.which(engine)
    if not program:
        return False
    try:
        return subprocess.run([program, "image", "inspect", CONTAINER_IMAGE], capture_output=True,
                              timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def detect(preferred: str | None = None) -> str:
    """The strongest isolation available: ``AILAB_SANDBOX`` (or ``preferred``) may force a weaker one."""
    wanted = preferred or os.environ.get("AILAB_SANDBOX", "")
    if wanted in KINDS:
        candidates = KINDS[KINDS.index(wanted):]
    else:
        candidates = KINDS
    for kind in candidates:
        if kind == BUBBLEWRAP and bubblewrap_works():
            return kind
        if kind in (PODMAN, DOCKER) and container_engine_works(kind):
            return kind
    return NONE


def _python_paths() -> list[str]:
    """Folders the interpreter and its packages live in, plus the two project packages (not the repo)."""
    paths = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    for name in ("ailab", "autograder"):
        spec = importlib.util.find_spec(name)
        paths.update(os.path.realpath(p) for p in (spec.submodule_search_locations or []))
    for entry in sys.path:
        real = os.path.realpath(entry) if entry else ""
        if real and os.path.isdir(real) and "site-packages" in real:
            paths.add(real)
    kept = []
    for path in sorted(paths):
        if not any(path.startswith(other + os.sep) for other in kept):
            kept.append(path)
    return kept


def _system_binds() -> list[str]:
    arguments = []
    for name in ("usr", "etc", "bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            arguments += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            arguments += ["--ro-bind", str(path), str(path)]
    return arguments


def _parents(paths: list[str]) -> list[str]:
    system = {"/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/tmp", "/dev", "/proc"}
    folders = {str(parent) for path in paths for parent in Path(path).parents if str(parent) != "/"}
    return sorted((f for f in folders if not any(f == s or f.startswith(s + "/") for s in system)),
                  key=lambda f: (f.count("/"), f))


def bubblewrap_command(program: list[str], shared_dir: str, private_tmp: str | None = None) -> list[str]:
    """``bwrap …`` around ``program``; ``shared_dir`` (kernel sockets) is the only host folder it may write.

    ``private_tmp``, when given, is an empty host folder mounted as the sandbox's ``/tmp`` and, with the
    suffix ``_shm``, its ``/dev/shm`` (on disk, so files a learner writes there do not fill memory as
    they would on a tmpfs); both are emptied after every kernel.
    """
    arguments = [shutil.which("bwrap") or "bwrap", "--unshare-ipc", "--unshare-pid", "--unshare-net",
                 "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    if os.geteuid() == 0:
        for capability in ROOT_CAPABILITIES:  # kept by the zygote only; kernels drop to another user
            arguments += ["--cap-add", capability]
    else:
        arguments.append("--unshare-user")
    arguments += _system_binds()
    python = _python_paths()
    # A Python installed under /tmp (a project cloned there) is bound after the private /tmp, not hidden by it.
    late = [path for path in python if path.startswith("/tmp/")]
    early = [path for path in python if path not in late]
    for folder in _parents([*early, shared_dir]):  # bubblewrap would make them 0700: another user could not pass
        arguments += ["--perms", "0755", "--dir", folder]
    for path in early:
        arguments += ["--ro-bind", path, path]
    if private_tmp:  # /dev/shm too: a tmpfs there would let learner files fill the memory
        tmp = ["--bind", private_tmp, "/tmp", "--bind", private_tmp + "_shm", "/dev/shm"]
    else:
        tmp = ["--perms", "1777", "--tmpfs", "/tmp", "--perms", "1777", "--tmpfs", "/dev/shm"]
    arguments += ["--proc", "/proc", "--dev", "/dev", *tmp]
    for folder in sorted({str(parent) for path in late for parent in Path(path).parents
                          if str(parent).startswith("/tmp/")}, key=lambda f: (f.count("/"), f)):
        arguments += ["--perms", "0755", "--dir", folder]
    for path in late:
        arguments += ["--ro-bind", path, path]
    arguments += ["--bind", shared_dir, shared_dir, "--clearenv"]
    for name, value in SANDBOX_ENV.items():
        arguments += ["--setenv", name, value]
    return [*arguments, "--chdir", "/tmp", "--", *program]


def container_command(engine: str, program: list[str], shared_dir: str, memory_mb: int) -> list[str]:
    """``podman run …`` / ``docker run …``: no network, read-only root, the same read-only Python paths."""
    arguments = [shutil.which(engine) or engine, "run", "--rm", "--init", "--network", "none", "--read-only",
                 "--pids-limit", "512", "--tmpfs", "/tmp:rw,exec,mode=1777", "--tmpfs", "/dev/shm:rw,mode=1777",
                 "-v", f"{shared_dir}:{shared_dir}"]
    if memory_mb > 0:
        arguments += ["--memory", f"{memory_mb * 2}m"]
    for path in _python_paths():
        arguments += ["-v", f"{path}:{path}:ro"]
    for name, value in SANDBOX_ENV.items():
        arguments += ["-e", f"{name}={value}"]
    return [*arguments, "-w", "/tmp", CONTAINER_IMAGE, *program]
