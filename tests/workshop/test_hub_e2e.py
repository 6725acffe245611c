"""The workshop server end to end, on loopback: three roster learners as real OS users, nbgrader's exchange.

Log in over HTTP (wrong password and strangers refused), labs spawn with the released exercise, code runs
over the kernel websocket as the learner, one learner cannot read another's work, ``ailab nop`` submits a
solved and a blank copy, the trainer collects from the exchange and grades: full marks, zero, missing.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ailab.cli import main as ailab
from ailab.workspace import START_PAGE
from autograder.workshop import cgroups, users
from autograder.workshop.client import HubClient
from autograder.workshop.config import proxy_command
from autograder.workshop.state import WorkshopState

ROOT = Path(__file__).resolve().parents[2]
LEARNERS = ("hvkiemthu1", "hvkiemthu2", "hvkiemthu3")
PASSWORD = "lop-hoc-thu"
MODULE = "01_lam_quen"


def _why_not() -> str | None:
    problem = users.can_manage_users()
    if problem:
        return problem
    if not os.access("/usr/bin/python3", os.X_OK):
        return "thiếu /usr/bin/python3 của Debian"
    if not (proxy_command() or shutil.which("npm")):
        return "thiếu Node.js/npm cho configurable-http-proxy"
    return None


# One workshop for the whole file, on one xdist worker (`--dist loadfile` keeps a file's tests together; the
# learners are real OS users shared by the machine).
pytestmark = pytest.mark.skipif(_why_not() is not None, reason=f"máy chủ lớp học cần: {_why_not()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _auto_points(notebook: Path) -> float:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(c["metadata"]["nbgrader"].get("points", 0) for c in cells
               if c.get("metadata", {}).get("nbgrader", {}).get("grade")
               and not c["metadata"]["nbgrader"].get("solution"))


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    base = tmp_path_factory.mktemp("lop")
    shared = Path(tempfile.mkdtemp(prefix="ailab_chung_", dir="/tmp"))
    os.chmod(shared, 0o755)
    roster = base / "danh_sach.csv"
    roster.write_text("id,ho_ten,don_vi,email\n" + "".join(
        f"{name},Học viên {i},UBND xã Hòa Bình,\n" for i, name in enumerate(LEARNERS, 1)), encoding="utf-8")
    course = base / "lop_hoa_binh"
    assert ailab(["course", "init", str(course), "--roster", str(roster)]) == 0
    assert ailab(["course", "release", str(course), MODULE]) == 0
    port = _free_port()
    code = ailab(["workshop", "start", str(course), "--ip", "127.0.0.1", "--port", str(port), "--mat-khau", PASSWORD,
                  "--mat-khau-giang-vien", "giang-vien-thu", "--vung-chung", str(shared)])
    assert code == 0, (course / ".workshop" / "hub.log").read_text(errors="replace")[-3000:]
    state = WorkshopState.load(course)
    yield course, HubClient(f"http://127.0.0.1:{port}", state.api_token)
    ailab(["workshop", "stop", str(course), "--xoa-tai-khoan"])
    shutil.rmtree(shared, ignore_errors=True)


def test_only_roster_learners_with_the_password_and_the_trainer_get_in(workshop):
    _, hub = workshop
    assert hub.login(LEARNERS[0], PASSWORD) == 302
    assert hub.login(LEARNERS[0], "sai-mat-khau") == 403
    assert hub.login("nguoi-la", PASSWORD) == 403
    assert hub.login("root", PASSWORD) == 403
    assert hub.login("giangvien", "giang-vien-thu") == 302
    assert hub.login("giangvien", PASSWORD) == 403


def test_labs_spawn_with_start_page_lessons_released_exercise_and_run_as_their_learner(workshop):
    _, hub = workshop
    with ThreadPoolExecutor(len(LEARNERS)) as pool:
        list(pool.map(hub.spawn, LEARNERS))
    for name in LEARNERS:
        assert START_PAGE in hub.contents(name) and "bai_giang" in hub.contents(name)
        assert MODULE in hub.contents(name, "bai_tap")
        assert f"{MODULE}.ipynb" in hub.contents(name, f"bai_tap/{MODULE}")
        assert hub.run(name, "import getpass; print(getpass.getuser())").strip() == name


def test_released_copy_holds_no_solution(workshop):
    course, hub = workshop
    text = hub.run(LEARNERS[1], f"print(open('phong_thuc_hanh_ai/bai_tap/{MODULE}/{MODULE}.ipynb').read())")
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text and "NotImplementedError" in text


def test_one_learner_cannot_read_another_or_the_course(workshop):
    course, hub = workshop
    probe = (f"for p in ['/home/{LEARNERS[1]}/phong_thuc_hanh_ai/bai_tap/{MODULE}/{MODULE}.ipynb', "
             f"'{course / 'gradebook.db'}', '{course / 'source' / MODULE / (MODULE + '.ipynb')}']:\n"
             "    try:\n        open(p).read(10); print('READ', p)\n"
             "    except OSError as e:\n        print('DENIED', type(e).__name__)\n")
    output = hub.run(LEARNERS[0], probe)
    assert "READ" not in output and output.count("DENIED") == 3


def test_submissions_through_the_exchange_are_collected_and_graded(workshop):
    course, hub = workshop
    solution = course / "source" / MODULE / f"{MODULE}.ipynb"
    hub.put_notebook(LEARNERS[0], f"bai_tap/{MODULE}/{MODULE}.ipynb", json.loads(solution.read_text(encoding="utf-8")))
    submit = ("import subprocess\nr = subprocess.run(['ailab', 'nop', "
              f"'phong_thuc_hanh_ai/bai_tap/{MODULE}/{MODULE}.ipynb'], capture_output=True, text=True)\n"
              "print(r.returncode, r.stdout)")
    for name in LEARNERS[:2]:
        assert hub.run(name, submit).startswith("0 Đã nộp bài")
    assert ailab(["course", "collect", str(course), "--exchange"]) == 0
    assert ailab(["course", "grade", str(course), "--workers", "2"]) == 0
    with open(course / "reports" / "status.csv", encoding="utf-8") as handle:
        rows = {row["learner"]: row for row in csv.DictReader(handle)}
    full = _auto_points(solution)
    assert full > 0
    assert (rows[LEARNERS[0]]["status"], float(rows[LEARNERS[0]]["score"])) == ("graded", full)
    assert (rows[LEARNERS[1]]["status"], float(rows[LEARNERS[1]]["score"])) == ("graded", 0.0)
    assert rows[LEARNERS[2]]["status"] == "missing"


FETCH = ("import pathlib, subprocess\nr = subprocess.run(['ailab', 'phan-hoi'], capture_output=True, text=True)\n"
         "print(r.returncode, r.stdout)\n"
         "for page in sorted(pathlib.Path('phong_thuc_hanh_ai/phan_hoi').rglob('*.html')):\n"
         "    print('TRANG', page, sorted(set(__import__('re').findall(r'hvkiemthu\\d', page.read_text()))))\n")


def test_feedback_returns_through_the_exchange_to_its_own_learner_only(workshop):
    course, hub = workshop  # after the grading test above: learner 1 full marks, learner 2 zero, learner 3 nothing
    assert ailab(["course", "feedback", str(course), "--exchange"]) == 0
    for name in LEARNERS[:2]:
        output = hub.run(name, FETCH)
        assert output.startswith("0 "), output
        pages = [line for line in output.splitlines() if line.startswith("TRANG")]
        assert len(pages) == 1 and f"phan_hoi/{MODULE}/" in pages[0], output
        assert pages[0].endswith(f"['{name}']"), output  # the page is this learner's, and names nobody else
    assert "TRANG" not in hub.run(LEARNERS[2], FETCH)  # submitted nothing: no page, and none of the others'


def test_the_trainer_reaches_formgrader_and_learners_do_not(workshop):
    _, hub = workshop
    import requests

    trainer = requests.Session()
    trainer.get(f"{hub.base}/hub/login")
    trainer.post(f"{hub.base}/hub/login", data={"username": "giangvien", "password": "giang-vien-thu",
                                                  "_xsrf": trainer.cookies.get("_xsrf")})
    assert "formgrade" in trainer.get(f"{hub.base}/services/cham-bai/formgrader", timeout=60).text
    learner = requests.Session()
    learner.get(f"{hub.base}/hub/login")
    learner.post(f"{hub.base}/hub/login", data={"username": LEARNERS[2], "password": PASSWORD,
                                                  "_xsrf": learner.cookies.get("_xsrf")}, allow_redirects=False)
    assert learner.get(f"{hub.base}/services/cham-bai/formgrader", timeout=60).status_code == 403


def test_a_learners_kernel_runs_inside_their_capped_cgroup(workshop):
    course, hub = workshop
    state = WorkshopState.load(course)
    if not state.cgroups:
        pytest.skip(f"cgroup không dùng được ở máy này: {state.cgroup_problem}")
    layout = cgroups.Layout.from_dict(state.cgroups)
    groups = hub.run(LEARNERS[0], "print(open('/proc/self/cgroup').read())")
    assert groups.count(f"/{cgroups.group_name(course.name)}/{LEARNERS[0]}\n") == len(layout.hierarchies)
    cpu = next(h for h in layout.hierarchies if "cpu" in h.controllers)
    quota = "cpu.max" if layout.version == 2 else "cpu.cfs_quota_us"
    assert (Path(cpu.path) / LEARNERS[0] / quota).read_text().split()[0] == "100000"


def test_stop_ends_every_learner_process_and_removes_their_groups(workshop):
    course, _ = workshop
    layout = cgroups.Layout.from_dict(WorkshopState.load(course).cgroups)
    assert ailab(["workshop", "stop", str(course)]) == 0
    for name in LEARNERS:
        assert subprocess.run(["pgrep", "-u", name], capture_output=True).returncode != 0
    assert not any(Path(h.path).exists() for h in (layout.hierarchies if layout else []))
