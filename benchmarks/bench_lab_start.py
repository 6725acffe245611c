"""Time from README command 1 (``ailab lab``) to a usable start page. Goal: ≤ 5 s on 2 cores after install.

One run prints, side by side with the anchor (plain ``jupyter lab --no-browser`` on an empty folder, the
venv's default extensions, its launcher rendered):

- first start, cold: empty learner folder, empty settings, no cached learner copies (nbgrader makes them);
- first start after install: the same, but with the learner copies ``bootstrap.py setup`` prepares;
- second start: the workspace, settings and copies of the previous start in place.

Each start is a new process, timed from the command to the server answering (``/api/status``) and to the
page rendered in Debian's Chromium (already running, as a learner's browser is), with an empty browser
cache; a last row repeats the second start in the browser context of the first start after install, whose
cache it keeps, as a learner's own browser does. The stages
come from the lines ``ailab lab`` prints as it goes: CLI (Python and ``ailab`` imported, the command
parsed), workspace + settings (learner folder built or refreshed, lab settings written), server (``jupyter
lab`` started until it answers), page (JupyterLab loads in the browser and renders the start page).
The machine may be shared: the load average is printed before and after.

Run: python benchmarks/bench_lab_start.py
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

GOAL_SECONDS = 5.0
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
TOKEN = "do-toc-do"
START_PAGE_HEADING = ".jp-RenderedMarkdown h1"  # "Bắt đầu ở đây"
LAUNCHER = ".jp-LauncherCard"  # what plain JupyterLab shows first
MARKS = {"cli": "Chuẩn bị phòng thực hành", "settings": "Đang mở phòng thực hành"}


@dataclass
class Start:
    """Seconds from the command to each mark of one start."""

    label: str
    marks: dict[str, float] = field(default_factory=dict)

    def stages(self) -> list[tuple[str, float]]:
        points = [("cli", self.marks.get("cli")), ("workspace+settings", self.marks.get("settings")),
                  ("server", self.marks.get("served")), ("page", self.marks.get("rendered"))]
        stages, before = [], 0.0
        for name, at in points:
            if at is not None:
                stages.append((name, at - before))
                before = at
        return stages


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _watch_output(process: subprocess.Popen, started: float, marks: dict[str, float]) -> None:
    for line in process.stdout:
        for name, text in MARKS.items():
            if text in line and name not in marks:
                marks[name] = time.monotonic() - started


def _wait_for_server(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the lab stopped before answering ({process.args[:4]})")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise SystemExit("the lab did not answer in time")


def _render(context, port: int, ready: str, started: float) -> float:
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{port}/?token={TOKEN}")
    page.locator(ready).first.wait_for(timeout=180_000)
    seconds = time.monotonic() - started
    page.close()
    return seconds


def one_start(label: str, command: list[str], env: dict[str, str], port: int, ready: str, browser,
              context=None) -> Start:
    """Run ``command`` until it answers on ``port`` and (with a browser) ``ready`` renders; then stop it.

    ``context``: the browser context (and so the cache) to load the page in; default a new, empty one.
    """
    start = Start(label)
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               encoding="utf-8", errors="replace", start_new_session=True)
    threading.Thread(target=_watch_output, args=(process, started, start.marks), daemon=True).start()
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={TOKEN}", process)
        start.marks["served"] = time.monotonic() - started
        if browser is not None:
            own = context or new_context(browser)
            start.marks["rendered"] = _render(own, port, ready, started)
            if context is None:
                own.close()
        return start
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def new_context(browser):
    return browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")


def ailab_start(label: str, folder: Path, home: Path, cache: Path, browser, context=None) -> Start:
    port = free_port()
    env = dict(os.environ, HOME=str(home), AILAB_CACHE_HOME=str(cache), PYTHONUTF8="1")
    env.pop("JUPYTER_CONFIG_DIR", None)
    command = [sys.executable, "-m", "ailab.cli", "lab", "--folder", str(folder), "--no-browser",
               "--port", str(port), "--token", TOKEN]
    return one_start(label, command, env, port, START_PAGE_HEADING, browser, context)


def anchor_start(folder: Path, home: Path, browser) -> Start:
    """Plain ``jupyter lab --no-browser`` on an empty folder, with whatever the venv enables by default."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(home), PYTHONUTF8="1")
    env.pop("JUPYTER_CONFIG_DIR", None)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.root_dir={folder}",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return one_start("anchor: jupyter lab, empty folder", command, env, port, LAUNCHER, browser)


def prepare_learner_copies(cache: Path) -> float:
    """What ``bootstrap.py setup`` does after installing: make the learner copies once; seconds taken."""
    began = time.monotonic()
    env = dict(os.environ, AILAB_CACHE_HOME=str(cache), PYTHONUTF8="1")
    subprocess.run([sys.executable, "-m", "ailab.learner_release"], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - began


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _total(start: Start) -> float:
    return start.marks.get("rendered", start.marks["served"])


def report(starts: list[Start], install_seconds: float, loads: tuple[str, str]) -> None:
    print(f"ailab lab → usable start page  (goal ≤ {GOAL_SECONDS:.0f} s after install; cores: {os.cpu_count()}; "
          f"load average before: {loads[0]}, after: {loads[1]})")
    print(f"{'start':44} {'server answers':>14} {'page rendered':>14}   stages (share of the total)")
    for start in starts:
        rendered = start.marks.get("rendered")
        shares = ", ".join(f"{name} {seconds:.2f} s ({seconds / _total(start):.0%})" for name, seconds in start.stages())
        print(f"{start.label:44} {start.marks['served']:13.2f}s "
              f"{(f'{rendered:13.2f}s' if rendered is not None else '  (no browser)')}   {shares}")
    print(f"learner copies made by bootstrap.py setup (once, after install): {install_seconds:.2f} s")
    first, second, kept = (_total(start) for start in starts[2:5])
    verdict = "met" if max(first, second) <= GOAL_SECONDS else "NOT met"
    print(f"first start after install {first:.2f} s, second start {second:.2f} s ({kept:.2f} s with the browser's "
          f"cache) vs goal {GOAL_SECONDS:.0f} s → {verdict} on this machine at this load")


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-lab-"))
    driver = browser = None
    if CHROMIUM.exists():
        from playwright.sync_api import sync_playwright

        driver = sync_playwright().start()
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    load_before = _load()
    try:
        starts = [anchor_start(root / "trong", root / "nha_goc", browser),
                  ailab_start("ailab lab: first start, cold", root / "lan_dau" / "phong", root / "lan_dau",
                              root / "lan_dau" / "cache", browser)]
        install_seconds = prepare_learner_copies(root / "cache")
        learner = new_context(browser) if browser is not None else None
        folder, home, cache = root / "nha" / "phong", root / "nha", root / "cache"
        starts += [ailab_start("ailab lab: first start after install", folder, home, cache, browser, learner),
                   ailab_start("ailab lab: second start", folder, home, cache, browser),
                   ailab_start("ailab lab: second start, browser cache kept", folder, home, cache, browser, learner)]
    finally:
        if browser is not None:
            browser.close()
            driver.stop()
        shutil.rmtree(root, ignore_errors=True)
    report(starts, install_seconds, (load_before, _load()))


if __name__ == "__main__":
    main()
