"""The per-learner caps (cgroups): the writer against fake v1 and v2 trees, then the real kernel where writable."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder.workshop import cgroups, cli
from autograder.workshop.config import config_text
from autograder.workshop.state import WorkshopState

# /proc/self/mountinfo and /proc/self/cgroup of a hybrid (v1) machine: cpu and cpuacct mounted apart,
# this process in a container's memory group.
HYBRID_MOUNTS = """\
30 25 0:26 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
31 30 0:27 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
32 30 0:28 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
33 30 0:29 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
34 30 0:30 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
35 30 0:31 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
36 30 0:32 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
"""
HYBRID_OWN = "9:name=systemd:/\n8:pids:/\n4:memory:/hop/abc\n2:cpuacct:/\n1:cpu:/\n0::/\n"


def test_hybrid_machine_uses_v1_below_this_process_own_groups():
    layout = cgroups.plan(HYBRID_MOUNTS, HYBRID_OWN, "ailab_lop")
    assert layout.version == 1
    paths = {h.controllers: h.path for h in layout.hierarchies}
    assert paths == {("cpu",): "/sys/fs/cgroup/cpu/ailab_lop", ("cpuacct",): "/sys/fs/cgroup/cpuacct/ailab_lop",
                     ("memory",): "/sys/fs/cgroup/memory/hop/abc/ailab_lop", ("pids",): "/sys/fs/cgroup/pids/ailab_lop"}


def test_comounted_cpu_and_cpuacct_are_one_hierarchy():
    mounts = ("31 30 0:27 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
              "33 30 0:29 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n")
    layout = cgroups.plan(mounts, "3:cpu,cpuacct:/user.slice\n2:memory:/\n", "ailab_lop")
    assert [(h.path, h.controllers) for h in layout.hierarchies] == [
        ("/sys/fs/cgroup/cpu,cpuacct/user.slice/ailab_lop", ("cpu", "cpuacct")),
        ("/sys/fs/cgroup/memory/ailab_lop", ("memory",))]
    assert layout.procs_files("hv01")[0] == "/sys/fs/cgroup/cpu,cpuacct/user.slice/ailab_lop/hv01/cgroup.procs"


def _v2_tree(tmp_path: Path, enabled: str) -> str:
    (tmp_path / "cgroup.subtree_control").write_text(enabled + "\n")
    return f"40 25 0:33 / {tmp_path} rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"


def test_v2_tree_gets_groups_at_its_top_with_the_controllers_on_there(tmp_path):
    layout = cgroups.plan(_v2_tree(tmp_path, "cpuset cpu io memory pids"), "0::/user.slice/x.scope\n", "ailab_lop")
    assert layout == cgroups.Layout(2, [cgroups.Hierarchy(str(tmp_path / "ailab_lop"), ("cpu", "memory", "pids"))])


def test_v2_without_cpu_controller_is_refused_without_changing_the_system(tmp_path):
    mounts = _v2_tree(tmp_path, "memory pids")
    with pytest.raises(cgroups.CgroupUnavailable, match="chưa bật bộ điều khiển cpu"):
        cgroups.plan(mounts, "0::/\n", "ailab_lop")
    assert (tmp_path / "cgroup.subtree_control").read_text() == "memory pids\n"


def test_no_cgroup_mount_is_explained():
    with pytest.raises(cgroups.CgroupUnavailable, match="không có cgroup"):
        cgroups.plan("30 25 0:26 / /sys rw - sysfs sysfs rw\n", "", "ailab_lop")


def test_v2_writer_sets_cpu_max_memory_max_pids_max_and_no_swap(tmp_path):
    layout = cgroups.plan(_v2_tree(tmp_path, "cpu memory pids"), "0::/\n", "ailab_lop")
    cgroups.create_parents(layout)
    parent = tmp_path / "ailab_lop"
    assert (parent / "cgroup.subtree_control").read_text() == "+cpu +memory +pids"
    (parent / "hv01").mkdir()
    (parent / "hv01" / "memory.swap.max").write_text("max")
    files = cgroups.create_learner(layout, "hv01", 0.5, 2048 * 1024 * 1024)
    group = parent / "hv01"
    assert (group / "cpu.max").read_text() == "50000 100000"
    assert (group / "memory.max").read_text() == str(2048 * 1024 * 1024)
    assert (group / "memory.swap.max").read_text() == "0"
    assert (group / "pids.max").read_text() == str(cgroups.PROCESS_LIMIT)
    assert files == [str(group / "cgroup.procs")]


def test_v1_writer_sets_cfs_quota_memory_and_swap_and_pids(tmp_path):
    mounts = "".join(f"{i} 30 0:{i} / {tmp_path / c} rw - cgroup cgroup rw,{c}\n"
                     for i, c in enumerate(("cpu", "memory", "pids"), start=31))
    for controller in ("cpu", "memory", "pids"):
        (tmp_path / controller).mkdir()
    layout = cgroups.plan(mounts, "", "ailab_lop")
    cgroups.create_parents(layout)
    (tmp_path / "memory" / "ailab_lop" / "hv01").mkdir()
    (tmp_path / "memory" / "ailab_lop" / "hv01" / "memory.memsw.limit_in_bytes").write_text("-1")
    cgroups.create_learner(layout, "hv01", 1.0, 1536 * 1024 * 1024)
    assert (tmp_path / "cpu/ailab_lop/hv01/cpu.cfs_period_us").read_text() == "100000"
    assert (tmp_path / "cpu/ailab_lop/hv01/cpu.cfs_quota_us").read_text() == "100000"
    memory = tmp_path / "memory/ailab_lop/hv01"
    assert (memory / "memory.limit_in_bytes").read_text() == str(1536 * 1024 * 1024)
    assert (memory / "memory.memsw.limit_in_bytes").read_text() == str(1536 * 1024 * 1024)
    assert (tmp_path / "pids/ailab_lop/hv01/pids.max").read_text() == "256"
    assert not (tmp_path / "cpu/ailab_lop/hv01/pids.max").exists()


def test_join_writes_the_pid_into_every_hierarchy(tmp_path):
    files = [tmp_path / "a.procs", tmp_path / "b.procs"]
    for file in files:
        file.write_text("")
    cgroups.join([str(f) for f in files], 4321)
    assert [f.read_text() for f in files] == ["4321", "4321"]


def test_a_group_that_cannot_be_made_undoes_the_others_and_says_why(tmp_path):
    (tmp_path / "cpu").mkdir()
    (tmp_path / "memory").write_text("not a folder")  # as root, permissions would not stop a write
    layout = cgroups.Layout(1, [cgroups.Hierarchy(str(tmp_path / "cpu" / "ailab_lop"), ("cpu",)),
                                cgroups.Hierarchy(str(tmp_path / "memory" / "ailab_lop"), ("memory",))])
    with pytest.raises(cgroups.CgroupUnavailable, match="không ghi được vào cgroup: đường dẫn không phải thư mục"):
        cgroups.create_parents(layout)
    assert not (tmp_path / "cpu" / "ailab_lop").exists()


def test_read_only_cgroup_filesystem_is_named_in_vietnamese(tmp_path, monkeypatch):
    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    layout = cgroups.Layout(2, [cgroups.Hierarchy(str(tmp_path / "ailab_lop"), ("cpu", "memory"))])
    with pytest.raises(cgroups.CgroupUnavailable, match="chỉ đọc \\(thường gặp trong container\\)") as raised:
        cgroups.create_parents(layout)
    assert "Read-only" not in str(raised.value)


def test_cpu_time_is_read_from_cpu_stat_or_cpuacct(tmp_path):
    (tmp_path / "hv01").mkdir()
    (tmp_path / "hv01" / "cpu.stat").write_text("usage_usec 2500000\nuser_usec 2000000\nnr_throttled 3\n")
    v2 = cgroups.Layout(2, [cgroups.Hierarchy(str(tmp_path), ("cpu", "memory"))])
    assert cgroups.cpu_seconds(v2, "hv01") == 2.5
    (tmp_path / "hv01" / "cpuacct.usage").write_text("1500000000\n")
    v1 = cgroups.Layout(1, [cgroups.Hierarchy(str(tmp_path), ("cpuacct",))])
    assert cgroups.cpu_seconds(v1, "hv01") == 1.5


def test_layout_survives_the_state_file(tmp_path):
    layout = cgroups.plan(HYBRID_MOUNTS, HYBRID_OWN, "ailab_lop")
    state = WorkshopState(course_dir=str(tmp_path), shared_root=str(tmp_path / "chung"), cgroups=layout.to_dict())
    state.save()
    assert cgroups.Layout.from_dict(WorkshopState.load(tmp_path).cgroups) == layout
    assert cgroups.Layout.from_dict({}) is None


def test_hub_config_uses_the_capped_spawner_with_the_workshop_limits(tmp_path):
    state = WorkshopState(course_dir=str(tmp_path), shared_root=str(tmp_path / "chung"), memory_limit_mb=2048,
                          cpu_per_learner=0.5, cgroups=cgroups.plan(HYBRID_MOUNTS, HYBRID_OWN, "ailab_lop").to_dict())
    text = config_text(state)
    assert 'c.JupyterHub.spawner_class = "autograder.workshop.spawn.CappedSpawner"' in text
    assert "c.Spawner.cpu_limit = 0.5" in text and f"c.Spawner.mem_limit = {2048 * 1024 * 1024}" in text
    assert "/sys/fs/cgroup/memory/hop/abc/ailab_lop" in text
    compile(text, "jupyterhub_config.py", "exec")


def test_summary_names_the_cap_in_force():
    state = WorkshopState(course_dir="/x", shared_root="/y", memory_limit_mb=2048, cpu_per_learner=1.0,
                          cgroups={"version": 1, "hierarchies": []})
    assert cli.caps_summary(state).startswith("Giới hạn CPU: cgroup 1 lõi/học viên; bộ nhớ: cgroup 2048 MB")
    state.cpu_per_learner, state.cgroups = 0.5, {"version": 2, "hierarchies": []}
    assert "cgroup 0,5 lõi/học viên" in cli.caps_summary(state)
    state.cgroups, state.cgroup_problem = {}, "không chạy với quyền quản trị (root)"
    assert cli.caps_summary(state).startswith(
        "Giới hạn CPU: chỉ hạ ưu tiên (nice) (không dùng được cgroup: không chạy với quyền quản trị (root))")


def test_without_root_the_workshop_falls_back_and_keeps_why(tmp_path, monkeypatch):
    monkeypatch.setattr(cgroups, "why_not_here", lambda: "không chạy với quyền quản trị (root)")
    state = WorkshopState(course_dir=str(tmp_path), shared_root=str(tmp_path))
    cli._apply_cgroups(state, tmp_path)
    assert state.cgroups == {} and "quyền quản trị" in state.cgroup_problem


@pytest.mark.parametrize("typed, cores", [("1", 1.0), ("0,5", 0.5), ("1.5", 1.5)])
def test_cores_are_read_as_a_trainer_types_them(typed, cores):
    assert cli._cores(typed) == cores


@pytest.mark.parametrize("typed", ["0", "-1", "một", ""])
def test_impossible_cores_are_refused_in_vietnamese(typed):
    with pytest.raises(Exception, match="không phải số lõi CPU"):
        cli._cores(typed)


def test_status_names_the_cap_in_force(tmp_path, capsys):
    from ailab.cli import main

    state = WorkshopState(course_dir=str(tmp_path), shared_root=str(tmp_path / "chung"), memory_limit_mb=2048,
                          cgroups={"version": 1, "hierarchies": []}, hub_pid=os.getpid(), ip="127.0.0.1")
    state.save()
    assert main(["workshop", "status", str(tmp_path)]) == 0
    assert "Giới hạn CPU: cgroup 1 lõi/học viên" in capsys.readouterr().out


# --- the real kernel: runs where this process may make groups (root, writable cgroupfs: here and in CI) ---

def _real_layout() -> tuple[cgroups.Layout | None, str]:
    try:
        return cgroups.setup(f"kiem_thu_{os.getpid()}"), ""
    except cgroups.CgroupUnavailable as problem:
        return None, str(problem)


@pytest.fixture
def real_layout():
    layout, problem = _real_layout()
    if layout is None:
        pytest.skip(f"cgroup không ghi được ở máy này: {problem}")
    yield layout
    cgroups.remove(layout, timeout=5)
    assert not any(Path(h.path).exists() for h in layout.hierarchies)


BUSY = "import time\nend = time.monotonic() + 1.5\nwhile time.monotonic() < end:\n    pass\n"


def _busy_in(files: list[str]):
    """A 1.5 s busy loop at top priority, so that on a shared machine only the cap may hold it back."""
    def preexec():
        cgroups.join(files)
        os.nice(-20)
        if os.path.exists("/proc/self/autogroup"):  # the loop's own session: its scheduling group, not ours
            with open("/proc/self/autogroup", "w") as autogroup:
                autogroup.write("-20")

    return subprocess.Popen([sys.executable, "-c", BUSY], preexec_fn=preexec, start_new_session=True)


def _cpu_time(loop: subprocess.Popen) -> float:
    _, status, usage = os.wait4(loop.pid, 0)
    loop.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime


def test_real_cpu_quota_holds_a_busy_loop_to_a_fifth_of_a_core(real_layout):
    """The same loop, side by side: one in a learner's group capped at 0.2 CPU, one outside any group."""
    capped = _busy_in(cgroups.create_learner(real_layout, "gioihan", 0.2, None))
    free = _busy_in([])
    started = time.monotonic()
    free_seconds, capped_rusage = _cpu_time(free), _cpu_time(capped)
    wall = time.monotonic() - started
    capped_seconds = cgroups.cpu_seconds(real_layout, "gioihan") or capped_rusage
    print(f"1,5 s busy loop: in a 0.2-CPU group {capped_seconds:.2f} s CPU, uncapped {free_seconds:.2f} s "
          f"(wall {wall:.2f} s)")
    assert [capped.returncode, free.returncode] == [0, 0]
    assert capped_seconds <= 0.2 * wall * 1.25 + 0.1
    assert free_seconds > 2 * capped_seconds


def test_real_memory_cap_stops_a_learner_over_it(real_layout):
    files = cgroups.create_learner(real_layout, "bonho", 1.0, 64 * 1024 * 1024)
    hog = subprocess.run([sys.executable, "-c", "x = bytearray(400 * 1024 * 1024); print('con song')"],
                         preexec_fn=lambda: cgroups.join(files), capture_output=True, text=True)
    assert "con song" not in hog.stdout and hog.returncode != 0


def test_real_groups_hold_the_process_and_go_away_after_it(real_layout):
    files = cgroups.create_learner(real_layout, "hv01", 1.0, 256 * 1024 * 1024)
    sleeper = subprocess.Popen(["sleep", "30"], preexec_fn=lambda: cgroups.join(files))
    assert cgroups.members(real_layout, "hv01") == {sleeper.pid}
    sleeper.kill()
    sleeper.wait()
    assert cgroups.remove(real_layout, timeout=5) == 2 * len(real_layout.hierarchies)
    assert not any(Path(h.path).exists() for h in real_layout.hierarchies)

