"""The pre-warmed process: imports the heavy modules once, then forks one fresh kernel per notebook.

Runs inside the sandbox (see ``sandbox.py``). It accepts launch requests from ``launcher.py`` on an
inherited listening socket, one at a time. Each request gets a forked child that writes the
submission's files into a fresh private folder, drops to an unprivileged user when the zygote runs as
root, applies the kernel limits and becomes an ipykernel on the request's connection file. When the
kernel ends, every process left in the sandbox is killed and every writable folder emptied, so
nothing passes from one learner to the next.

    python -m autograder.notebook.zygote FD_OR_SOCKET_PATH WORK_ROOT JSON_OPTIONS
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import select
import shutil
import signal
import socket
import struct
import sys
import time
import traceback
from pathlib import Path

from autograder.notebook.limits import apply_limits

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
# What IPKernelApp would otherwise import on every start (its debugger alone costs ~0.3 s).
KERNEL_MODULES = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
                  "ipykernel.comm", "ipykernel.heartbeat", "ipykernel.iostream", "ipykernel.control",
                  "IPython", "IPython.core.completer", "jedi")
ALLOWED_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGKILL}


def preload(modules: list[str]) -> list[str]:
    """Import the kernel and the course's heavy modules; returns those that could not be imported."""
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)  # what ipykernel sets before any learner code
    failed = []
    for name in [*KERNEL_MODULES, *modules]:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional module only means it is imported later, by the kernel
            failed.append(name)
    return failed


def _peer_pid(connection: socket.socket) -> int:
    data = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", data)[0]


def _read_line(connection: socket.socket, limit: int = 1 << 30) -> dict | None:
    chunks, size = [], 0
    while True:
        chunk = connection.recv(1 << 20)
        if not chunk:
            return None
        chunks.append(chunk)
        size += len(chunk)
        if chunk.endswith(b"\n") or size > limit:
            break
    return json.loads(b"".join(chunks))


def _send(connection: socket.socket, message: dict) -> None:
    try:
        connection.sendall(json.dumps(message).encode() + b"\n")
    except OSError:
        pass


def _write_files(folder: Path, files: dict[str, str], owner: tuple[int, int] | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for relative, data in files.items():
        target = (folder / relative).resolve()
        if folder.resolve() not in target.parents:
            continue  # names come from the grader, but never write outside the folder
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
    if owner:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, *owner)


def _kernel_arguments(argv: list[str], connection_file: str) -> list[str]:
    """Arguments for IPKernelApp from the kernel spec's command, with our connection file."""
    if "ipykernel_launcher" not in argv:
        raise ValueError("only the ipykernel (python3) kernel can be forked")
    arguments = argv[argv.index("ipykernel_launcher") + 1:]
    if "-f" in arguments:
        arguments[arguments.index("-f") + 1] = connection_file
    return arguments


def run_kernel(request: dict, work_root: Path, options: dict) -> None:
    """Child side: become the kernel. Never returns."""
    code = 1
    log = os.dup(2)  # the zygote's log, for a kernel that cannot start
    try:
        os.setsid()
        owner = (options["uid"], options["gid"]) if options.get("uid") is not None else None
        folder = work_root / "bai_lam"
        home = work_root / "home"
        _write_files(folder, request.get("files", {}), owner)
        _write_files(home, {}, owner)
        connection_file = str(home / "kernel.json")
        Path(connection_file).write_text(json.dumps(request["connection"]), encoding="utf-8")
        if owner:
            os.chown(connection_file, *owner)
            os.setgroups([])
            os.setresgid(owner[1], owner[1], owner[1])
            os.setresuid(owner[0], owner[0], owner[0])
        apply_limits(options.get("memory_mb", 0), options.get("file_mb", 0), options.get("cpu_seconds", 0),
                     options.get("processes", 0))
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.chdir(folder)
        os.environ.update({"HOME": str(home), "PWD": str(folder)})
        if "numpy" in sys.modules:  # a forked child must not share its parent's random state
            sys.modules["numpy"].random.seed()
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(_kernel_arguments(request["argv"], connection_file))
        app.start()
        code = 0
    except BaseException:
        os.write(log, traceback.format_exc().encode(errors="replace"))
    finally:
        os._exit(code)


def _empty(folder: Path) -> None:
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                path.unlink()
            except OSError:
                pass


def _others() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, os.getpid())]


def clean_up(child: int, work_root: Path, options: dict) -> None:
    """Kill everything the learner's code left running, then empty every writable folder."""
    if options.get("own_pid_namespace"):
        deadline = time.monotonic() + 5
        while _others() and time.monotonic() < deadline:
            try:
                os.kill(-1, signal.SIGKILL)  # only this sandbox's processes: it has its own PID namespace
            except ProcessLookupError:
                pass
            time.sleep(0.02)
    else:
        try:
            os.killpg(child, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    try:
        os.waitpid(child, os.WNOHANG)
    except ChildProcessError:
        pass
    for folder in [work_root, *[Path(p) for p in options.get("wipe", [])]]:
        _empty(folder)


def serve_one(listener: socket.socket, connection: socket.socket, work_root: Path, options: dict) -> None:
    """Launch one kernel for one request and relay signals and its exit code.

    The child, not the zygote, reads the request: a learner's files never pass through the zygote's
    memory, which every later kernel inherits.
    """
    consumed_read, consumed_write = os.pipe()
    child = os.fork()
    if child == 0:
        listener.close()
        os.close(consumed_read)
        request = _read_line(connection)
        os.write(consumed_write, b"1")
        os.close(consumed_write)
        connection.close()
        if request is None:
            os._exit(1)
        run_kernel(request, work_root, options)
    os.close(consumed_write)
    watcher = os.pidfd_open(child)
    try:
        select.select([consumed_read, watcher], [], [])
        _send(connection, {"pid": child})
        while True:
            ready, _, _ = select.select([connection, watcher], [], [])
            if watcher in ready:
                _, status = os.waitpid(child, 0)
                _send(connection, {"exit": os.waitstatus_to_exitcode(status)})
                return
            message = _read_line(connection, limit=1 << 16)
            if message is None:
                return
            if message.get("signal") in ALLOWED_SIGNALS:
                os.kill(child, message["signal"])
    finally:
        os.close(watcher)
        os.close(consumed_read)
        clean_up(child, work_root, options)


def _not_traceable() -> None:
    """A kernel running as the same user must not ptrace the zygote and plant code in later kernels."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> None:
    address, work_root, options = argv[0], Path(argv[1]), json.loads(argv[2])
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    _not_traceable()
    missing = preload(options.get("preload", []))
    if address.isdigit():  # a listening socket inherited from the grader (bubblewrap, no sandbox)
        listener = socket.socket(fileno=int(address))
    else:  # a container cannot inherit one: listen on a path in the shared folder
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(address)
        listener.listen(8)
    print(json.dumps({"ready": True, "not_preloaded": missing}), flush=True)
    while True:
        connection, _ = listener.accept()
        with connection:
            # Inside its own PID namespace, a peer outside it (the launcher) shows as PID 0;
            # a learner's process inside the sandbox must never ask for kernels.
            if options.get("own_pid_namespace") and _peer_pid(connection) != 0:
                continue
            serve_one(listener, connection, work_root, options)


if __name__ == "__main__":
    main(sys.argv[1:])
