"""Load on the workshop server: N simulated learners log in, spawn their labs and run cells over websockets.

Run as root on Linux (learners are real OS users):  python benchmarks/bench_workshop_load.py --learners 60
Prints spawn times, cell round-trip p50/p95, memory per learner, and the server size this implies for a class
of 60. Learner accounts and the course are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ailab.cli import main as ailab
from autograder.workshop.client import HubClient
from autograder.workshop.state import WorkshopState

CELL = "import pandas as pd\nx = sum(i * i for i in range(20000))\nprint(len(pd.DataFrame({'a': range(100)})), x % 7)"


def rss_mib(user: str) -> float:
    """Resident memory of every process of ``user`` (server, kernels), MiB."""
    out = subprocess.run(["ps", "-u", user, "-o", "rss="], capture_output=True, text=True).stdout
    return sum(int(v) for v in out.split()) / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def setup_course(base: Path, learners: int) -> Path:
    names = [f"hvtai{i:03d}" for i in range(1, learners + 1)]
    roster = base / "danh_sach.csv"
    roster.write_text("id,ho_ten,don_vi,email\n" + "".join(f"{n},Học viên {n},Xã thử,\n" for n in names),
                      encoding="utf-8")
    course = base / "lop_tai"
    assert ailab(["course", "init", str(course), "--roster", str(roster)]) == 0
    assert ailab(["course", "release", str(course), "01"]) == 0
    return course


def measure(hub: HubClient, names: list[str], cells: int, concurrency: int) -> dict:
    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        spawn_seconds = list(pool.map(hub.spawn, names))
    all_ready = time.monotonic() - started

    def session(name: str) -> list[float]:
        kernel = hub.start_kernel(name)
        times = []
        for _ in range(cells):
            t0 = time.monotonic()
            hub.run(name, CELL, kernel)
            times.append(time.monotonic() - t0)
        return times[1:] or times  # the first cell pays pandas' import

    with ThreadPoolExecutor(concurrency) as pool:
        round_trips = [t for times in pool.map(session, names) for t in times]
    memory = [rss_mib(n) for n in names]
    return {"spawn": spawn_seconds, "all_ready": all_ready, "round_trips": round_trips, "memory": memory}


def report(figures: dict, learners: int) -> None:
    spawn, trips, memory = figures["spawn"], figures["round_trips"], figures["memory"]
    per_learner = statistics.mean(memory)
    print(f"learners: {learners}, cores: {os.cpu_count()}")
    print(f"spawn: p50 {percentile(spawn, .5):.1f} s, p95 {percentile(spawn, .95):.1f} s, "
          f"all ready after {figures['all_ready']:.1f} s")
    print(f"cell round trip ({len(trips)} cells): p50 {percentile(trips, .5) * 1000:.0f} ms, "
          f"p95 {percentile(trips, .95) * 1000:.0f} ms   (goal p95 <= 1000 ms)")
    print(f"memory per active learner (server + kernel): {per_learner:.0f} MiB")
    need_gib = per_learner * 60 / 1024 * 1.25
    print(f"implied for 60 officers: ~{need_gib:.0f} GiB RAM (with 25% headroom); cores: scale {os.cpu_count()} "
          f"cores x 60/{learners} learners if p95 here is near the goal, i.e. "
          f"~{max(4, round(os.cpu_count() * 60 / learners))} cores")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=60)
    parser.add_argument("--cells", type=int, default=5, help="cells each learner runs")
    parser.add_argument("--concurrency", type=int, default=30, help="learners acting at the same time")
    args = parser.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="ailab_tai_"))
    shared = Path(tempfile.mkdtemp(prefix="ailab_tai_chung_", dir="/tmp"))
    os.chmod(shared, 0o755)
    course = setup_course(base, args.learners)
    port = 18900
    try:
        if ailab(["workshop", "start", str(course), "--ip", "127.0.0.1", "--port", str(port), "--mat-khau", "tai",
                  "--vung-chung", str(shared)]) != 0:
            return 2
        state = WorkshopState.load(course)
        hub = HubClient(f"http://127.0.0.1:{port}", state.api_token)
        names = sorted(state.learners)
        for name in names:
            assert hub.login(name, "tai") == 302
        report(measure(hub, names, args.cells, min(args.concurrency, len(names))), args.learners)
    finally:
        ailab(["workshop", "stop", str(course), "--xoa-tai-khoan"])
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(shared, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
