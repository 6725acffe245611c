"""Start and stop the hub process for a workshop; everything it writes stays in COURSE/.workshop/."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from autograder.workshop import cgroups
from autograder.workshop.config import config_text, hub_command, proxy_command
from autograder.workshop.state import WorkshopError, WorkshopState

REPO = Path(__file__).resolve().parents[2]
TERM_GRACE = 15.0  # seconds a learner's process has to end after SIGTERM before SIGKILL


def ensure_proxy(say=print) -> str:
    """configurable-http-proxy from npm, pinned in deploy/package.json."""
    found = proxy_command()
    if found:
        return found
    say("Cài configurable-http-proxy (npm) …")
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(REPO / "deploy")],
                            capture_output=True, text=True)
    found = proxy_command()
    if result.returncode != 0 or not found:
        raise WorkshopError("Thiếu configurable-http-proxy. Cài Node.js (sudo apt-get install nodejs npm) rồi "
                            f"chạy: npm ci --prefix {REPO / 'deploy'}")
    return found


def running(state: WorkshopState) -> bool:
    if not state.hub_pid:
        return False
    try:
        os.kill(state.hub_pid, 0)
    except OSError:
        return False
    return True


def wait_until_up(port: int, timeout: float = 180.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/api", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def start_hub(state: WorkshopState) -> int:
    """Write the config, start JupyterHub in the background, wait until it answers."""
    folder = WorkshopState.folder(Path(state.course_dir))
    (folder / "jupyterhub_config.py").write_text(config_text(state), encoding="utf-8")
    log = open(folder / "hub.log", "ab")
    process = subprocess.Popen(hub_command(state), cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    state.hub_pid = process.pid
    state.save()
    if not wait_until_up(state.port):
        stop_hub(state)
        tail = "\n".join((folder / "hub.log").read_text(errors="replace").splitlines()[-15:])
        raise WorkshopError(f"Máy chủ lớp học không khởi động được. Cuối nhật ký {folder / 'hub.log'}:\n{tail}")
    return process.pid


def stop_hub(state: WorkshopState, timeout: float = 20.0) -> bool:
    """Stop the hub (it stops the learners' labs and its proxy); True when something was stopped.

    The learners' groups (cgroups) go too, once their processes have ended, even after a hub that died.
    """
    if not running(state):
        if state.cgroups:
            _end_learner_processes(state)
            _remove_groups(state)
        return False
    os.killpg(state.hub_pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and running(state):
        time.sleep(0.2)
        try:
            os.waitpid(state.hub_pid, os.WNOHANG)
        except ChildProcessError:
            pass
    if running(state):
        os.killpg(state.hub_pid, signal.SIGKILL)
    proxy_pid = WorkshopState.folder(Path(state.course_dir)) / "proxy.pid"
    if proxy_pid.exists():
        try:
            os.kill(int(proxy_pid.read_text().strip()), signal.SIGTERM)
        except (OSError, ValueError):
            pass
    _end_learner_processes(state)
    state.hub_pid = 0
    _remove_groups(state)
    state.save()
    return True


def _remove_groups(state: WorkshopState) -> None:
    layout = cgroups.Layout.from_dict(state.cgroups)
    if layout is None:
        return
    cgroups.remove(layout)
    state.cgroups = {}
    state.save()


def _end_learner_processes(state: WorkshopState) -> None:
    """Whatever a learner's lab left running (a slow server, a kernel) ends with the workshop.

    Politely first (SIGTERM), then SIGKILL, then wait until the killed processes are gone for good: a kill
    is delivered later, and a dead process lingers until it is reaped.
    """
    names = list(state.learners)
    for name in names:
        subprocess.run(["pkill", "-TERM", "-u", name], capture_output=True)
    _wait_until_gone(names, TERM_GRACE)
    for name in names:
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
    _wait_until_gone(names, 10.0)


def _wait_until_gone(names: list[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
            subprocess.run(["pgrep", "-u", name], capture_output=True).returncode == 0 for name in names):
        time.sleep(0.2)
