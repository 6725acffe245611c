"""Time from README command 1 (``ailab lab``) to a usable start page. Goal: ≤ 5 s on 2 cores after install.

Three starts, each a new ``ailab lab`` process: (1) cold — empty learner folder and empty cache of learner
copies (nbgrader makes them), (2) first start after install — empty learner folder, cache filled,
(3) a later start — folder and cache in place. Each is timed to the server answering and, with Debian's
Chromium, to the start page's heading rendered in the browser.

Run: python benchmarks/bench_lab_start.py
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

GOAL_SECONDS = 5.0
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_server(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("ailab lab stopped before answering")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("ailab lab did not answer in time")


def one_start(folder: Path, home: Path, cache: Path, browser) -> tuple[float, float | None]:
    """Seconds to the server answering and to the start page heading rendered (None without a browser)."""
    port, token = free_port(), "do-toc-do"
    env = dict(os.environ, HOME=str(home), AILAB_CACHE_HOME=str(cache), PYTHONUTF8="1")
    command = [sys.executable, "-m", "ailab.cli", "lab", "--folder", str(folder), "--no-browser",
               "--port", str(port), "--token", token]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}", process)
        served = time.monotonic() - started
        rendered = None
        if browser is not None:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/?token={token}")
            page.locator(".jp-RenderedMarkdown h1").first.wait_for(timeout=120_000)
            rendered = time.monotonic() - started
            page.close()
        return served, rendered
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-lab-"))
    home, cache = root / "nha", root / "cache"
    driver = browser = None
    if CHROMIUM.exists():
        from playwright.sync_api import sync_playwright

        driver = sync_playwright().start()
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        rows = [("cold (no cached learner copies)", one_start(root / "lan_1", home, cache, browser)),
                ("first start after install", one_start(root / "lan_2", home, cache, browser)),
                ("later start", one_start(root / "lan_2", home, cache, browser))]
    finally:
        if browser is not None:
            browser.close()
            driver.stop()
    print(f"ailab lab → usable start page  (goal ≤ {GOAL_SECONDS:.0f} s after install; cores: {os.cpu_count()})")
    print(f"{'start':36} {'server answers':>15} {'page rendered':>14}")
    for label, (served, rendered) in rows:
        shown = f"{rendered:13.2f}s" if rendered is not None else "  (no browser)"
        print(f"{label:36} {served:14.2f}s {shown}")
    after_install = rows[1][1][1] if rows[1][1][1] is not None else rows[1][1][0]
    print(f"after install: {after_install:.2f} s vs goal {GOAL_SECONDS:.0f} s → "
          f"{'met' if after_install <= GOAL_SECONDS else 'NOT met'}")


if __name__ == "__main__":
    main()
