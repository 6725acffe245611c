"""``ailab workshop stop`` after a hub that died: the learners' processes end and their cgroups go (as root)."""

from __future__ import annotations

import os
import pwd
import signal
import subprocess
from pathlib import Path

import pytest

from autograder.workshop import cgroups, hub, users
from autograder.workshop.state import WorkshopState

LEARNER = "hvthudung"


def _why_not() -> str | None:
    problem = users.can_manage_users() or cgroups.why_not_here()
    if problem:
        return problem
    try:
        cgroups.remove(cgroups.setup(f"kiem_thu_dung_{os.getpid()}"))
    except cgroups.CgroupUnavailable as unavailable:
        return str(unavailable)
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=f"cần quyền quản trị và cgroup ghi được: {_why_not()}")


@pytest.fixture
def learner():
    users.ensure_user(LEARNER, "kiem_thu")
    yield pwd.getpwnam(LEARNER)
    users.remove_user(LEARNER)


def _stubborn_process(files: list[str], user) -> None:
    """A learner's process in its group that ignores SIGTERM and whose parent has exited (as a kernel can be)."""
    def preexec():
        cgroups.join(files)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    subprocess.run(["/bin/sh", "-c", "sleep 120 >/dev/null 2>&1 &"], preexec_fn=preexec, cwd="/", check=True)


def test_stop_after_a_dead_hub_kills_stubborn_processes_and_removes_the_groups(tmp_path, learner, monkeypatch):
    monkeypatch.setattr(hub, "TERM_GRACE", 1.0)
    layout = cgroups.setup(f"kiem_thu_dung_{os.getpid()}")
    files = cgroups.create_learner(layout, LEARNER, 0.5, 256 * 1024 * 1024)
    state = WorkshopState(course_dir=str(tmp_path), shared_root=str(tmp_path / "chung"),
                          learners={LEARNER: "HVTHUDUNG"}, cgroups=layout.to_dict())
    state.save()
    _stubborn_process(files, learner)
    assert len(cgroups.members(layout, LEARNER)) == 1
    assert hub.stop_hub(state) is False  # no hub was running
    assert subprocess.run(["pgrep", "-u", LEARNER], capture_output=True).returncode == 1
    assert not any(Path(h.path).exists() for h in layout.hierarchies)
    assert WorkshopState.load(tmp_path).cgroups == {}
