"""Fresh kernels forked from a pre-warmed, sandboxed process, behind Jupyter's kernel-manager API.

``KernelFactory`` starts the zygote (``zygote.py``) inside the sandbox once; ``ForkedKernelManager``
is a Jupyter kernel manager whose "kernel command" is ``launcher.py``, so nbclient and nbgrader's
``Execute`` drive a forked kernel exactly as they drive a cold one.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Unicode

from autograder.notebook import sandbox
from autograder.notebook.kernel import LimitedKernelManager
from autograder.notebook.limits import clean_environment

LAUNCHER = str(Path(__file__).with_name("launcher.py"))
DEFAULT_PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "docx", "ipywidgets")
SANDBOX_TMP = "/tmp"


class ForkedKernelManager(LimitedKernelManager):
    """A kernel manager whose kernel is forked by the zygote listening on ``zygote_socket``."""

    zygote_socket = Unicode("", help="Unix socket of the zygote").tag(config=True)
    bundle_path = Unicode("", help="JSON file {relative path: base64 bytes} written into the kernel's folder"
                          ).tag(config=True)

    def format_kernel_cmd(self, extra_arguments=None):
        command = AsyncKernelManager.format_kernel_cmd(self, extra_arguments)
        return [sys.executable, "-I", "-S", LAUNCHER, self.zygote_socket, self.bundle_path, "--", *command]


class ZygoteError(RuntimeError):
    """The pre-warmed process could not start; the message is Vietnamese."""


class KernelFactory:
    """One sandboxed zygote, restarted when needed, and the configuration that reaches it."""

    def __init__(self, isolation: str | None = None, preload: tuple[str, ...] = DEFAULT_PRELOAD,
                 memory_mb: int = 2048, file_mb: int = 200, cpu_seconds: int = 0, processes: int = 256):
        self.isolation = sandbox.detect(isolation)
        self.preload = list(dict.fromkeys(preload))
        self.limits = {"memory_mb": memory_mb, "file_mb": file_mb, "cpu_seconds": cpu_seconds}
        self.processes = processes
        self.process: subprocess.Popen | None = None
        self.run_dir: Path | None = None
        self.not_preloaded: list[str] = []

    def _options(self) -> tuple[str, dict]:
        shared = str(self.run_dir / "ipc")
        options = {**self.limits, "preload": self.preload, "wipe": [shared], "own_pid_namespace": True,
                   "processes": self.processes}
        if self.isolation == sandbox.NONE:
            work = self.run_dir / "work"
            work.mkdir()
            options.update(own_pid_namespace=False, processes=0)
            return str(work), options
        if self.isolation == sandbox.BUBBLEWRAP and os.geteuid() == 0:
            # Kernels run as a user of their own, so a process limit binds and root's files stay closed.
            options["uid"] = options["gid"] = 200_000 + os.getpid() % 100_000
        options["wipe"].append("/dev/shm")
        return SANDBOX_TMP, options

    def start(self) -> None:
        self.close()
        # Not under /tmp: inside the sandbox /tmp is the learner's private (and emptied) folder.
        base = "/var/tmp" if os.access("/var/tmp", os.W_OK) else None
        self.run_dir = Path(tempfile.mkdtemp(prefix="ailab_zygote_", dir=base))
        shared = self.run_dir / "ipc"
        shared.mkdir()
        shared.chmod(0o1777)
        work_root, options = self._options()
        address = str(self.run_dir / "zygote.sock")
        command = [sys.executable, "-m", "autograder.notebook.zygote"]
        listener, pass_fds = None, ()
        if self.isolation in (sandbox.PODMAN, sandbox.DOCKER):
            address = str(shared / "zygote.sock")  # containers cannot inherit a socket: the zygote binds it
            program = [*command, address, work_root, json.dumps(options)]
            argv = sandbox.container_command(self.isolation, program, str(shared), self.limits["memory_mb"])
        else:
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(address)
            listener.listen(8)
            pass_fds = (listener.fileno(),)
            program = [*command, str(listener.fileno()), work_root, json.dumps(options)]
            private_tmp = self.run_dir / "tmp"
            for folder in (private_tmp, self.run_dir / "tmp_shm"):
                folder.mkdir()
                folder.chmod(0o1777)
            argv = program if self.isolation == sandbox.NONE else sandbox.bubblewrap_command(program, str(shared),
                                                                                             str(private_tmp))
        env = {**clean_environment(dict(os.environ)), **sandbox.SANDBOX_ENV, "PATH": os.environ.get("PATH", ""),
               "HOME": str(self.run_dir), "MPLCONFIGDIR": str(self.run_dir / ".matplotlib")}
        log = self.run_dir / "zygote.log"
        with open(log, "wb") as errors:
            self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                                            pass_fds=pass_fds, env=env, cwd=self.run_dir, start_new_session=True)
        if listener is not None:
            listener.close()
        line = self.process.stdout.readline()
        if not line:
            error = log.read_text(encoding="utf-8", errors="replace")[-800:]
            raise ZygoteError(f"Không khởi động được tiến trình chấm ({self.isolation}): {error}")
        self.not_preloaded = json.loads(line).get("not_preloaded", [])
        self.address = address

    def ensure(self) -> None:
        """Start, or restart when the zygote has died (nothing may stop the grading of the others)."""
        if self.process is None or self.process.poll() is not None or not os.path.exists(self.address):
            self.start()

    def kernel_config(self, files: dict[str, bytes]) -> dict:
        """Traitlets configuration for ``ForkedKernelManager`` carrying ``files`` for the next kernel."""
        self.ensure()
        handle, bundle = tempfile.mkstemp(prefix="bundle_", suffix=".json", dir=self.run_dir)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({name: base64.b64encode(data).decode() for name, data in files.items()}, out)
        return {"ForkedKernelManager": {"zygote_socket": self.address, "bundle_path": bundle,
                                        "transport": "ipc", "ip": str(self.run_dir / "ipc" / "k")}}

    def close(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            self.process.stdout.close()
            self.process = None
        if self.run_dir is not None:
            shutil.rmtree(self.run_dir, ignore_errors=True)
            self.run_dir = None

    def __enter__(self) -> KernelFactory:
        self.ensure()
        return self

    def __exit__(self, *exc) -> None:
        self.close()
