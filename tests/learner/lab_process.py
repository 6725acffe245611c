"""Start and stop the learner lab exactly as README command 1 does (``ailab lab``), for browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package `chromium`; Playwright never downloads a browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RunningLab:
    """A lab started by ``ailab lab`` in its own process group."""

    process: subprocess.Popen
    base: str
    token: str
    folder: Path
    log: Path

    def url(self, path: str) -> str:
        return f"{self.base}{path}{'&' if '?' in path else '?'}token={self.token}"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def start_lab(folder: Path, home: Path, cache_home: Path, log: Path, timeout: float = 120) -> RunningLab:
    """``python -m ailab.cli lab --folder … --no-browser --port … --token …``; wait until it answers."""
    port, token = free_port(), "kiem-tra-" + os.urandom(6).hex()
    env = dict(os.environ, HOME=str(home), USERPROFILE=str(home), AILAB_CACHE_HOME=str(cache_home), PYTHONUTF8="1")
    env.pop("JUPYTER_CONFIG_DIR", None)
    command = [sys.executable, "-m", "ailab.cli", "lab", "--folder", str(folder), "--no-browser", "--port", str(port),
               "--token", token]
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    lab = RunningLab(process, f"http://127.0.0.1:{port}", token, folder, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("ailab lab stopped:\n" + lab.log_text())
        try:
            urllib.request.urlopen(lab.url("/api/status"), timeout=2).close()
            return lab
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    lab.stop()
    raise RuntimeError("ailab lab did not answer in time:\n" + lab.log_text())
