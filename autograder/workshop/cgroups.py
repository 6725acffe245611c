"""Per-learner CPU and memory caps with Linux control groups (cgroup v1 or v2), when the hub runs as root.

One group per workshop (``ailab_<course>``) holds one group per learner. A learner's lab joins its group
before it runs any code, so its kernels and everything they start share one cap. Where no group can be made
(not Linux, not root, a read-only cgroup filesystem in a container), the labs keep their older limits: a
lower priority (nice) and a per-process memory limit, and ``ailab workshop start`` says which is in force.
The PyPI libraries for this (cgroupspy, cgroupy) are built around the v1 layout and JupyterHub's
SystemdSpawner needs systemd as init; hence this small module, which writes the few files itself.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

PERIOD_US = 100_000  # the scheduler's accounting period; the quota is a share of it
PROCESS_LIMIT = 256  # tasks per learner, the same number as the lab's RLIMIT_NPROC
V1_CONTROLLERS = ("cpu", "cpuacct", "memory", "pids")
V2_CONTROLLERS = ("cpu", "memory", "pids")
REQUIRED = {"cpu", "memory"}


class CgroupUnavailable(RuntimeError):
    """Why no group can be made here, in Vietnamese (shown to the trainer at start)."""


@dataclass(frozen=True)
class Hierarchy:
    """One mounted cgroup hierarchy: the workshop's parent group in it and the controllers it carries."""

    path: str
    controllers: tuple[str, ...]

    def group(self, name: str) -> Path:
        return Path(self.path) / name


@dataclass
class Layout:
    """Where a workshop's groups live: cgroup ``version`` 1 (one hierarchy per controller) or 2 (one tree)."""

    version: int
    hierarchies: list[Hierarchy] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Layout | None:
        if not data:
            return None
        return cls(int(data["version"]), [Hierarchy(h["path"], tuple(h["controllers"])) for h in data["hierarchies"]])

    def learner_dirs(self, name: str) -> list[Path]:
        return [hierarchy.group(name) for hierarchy in self.hierarchies]

    def procs_files(self, name: str) -> list[str]:
        """The files a process writes its pid into to join the learner's group (once per hierarchy)."""
        return [str(folder / "cgroup.procs") for folder in self.learner_dirs(name)]


def group_name(course_name: str) -> str:
    """The workshop's parent group: ``ailab_`` and the course folder's name, safe for a path."""
    return "ailab_" + (re.sub(r"[^A-Za-z0-9_-]", "_", course_name) or "lop")


def _unescape(text: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), text)


def parse_mountinfo(text: str) -> list[tuple[str, str, str, set[str]]]:
    """Cgroup mounts in ``/proc/self/mountinfo``: (fstype, root in the hierarchy, mount point, controllers)."""
    found = []
    for line in text.splitlines():
        left, _, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if len(fields) < 5 or len(tail) < 3 or tail[0] not in ("cgroup", "cgroup2"):
            continue
        options = set(tail[2].split(","))
        found.append((tail[0], _unescape(fields[3]), _unescape(fields[4]), options & set(V1_CONTROLLERS)))
    return found


def parse_own_groups(text: str) -> dict[str, str]:
    """``/proc/self/cgroup``: each v1 controller's group of this process, and ``""`` for the v2 group."""
    groups = {}
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3:
            for controller in parts[1].split(",") if parts[1] else [""]:
                groups[controller] = parts[2]
    return groups


def _below(mountpoint: str, root: str, own: str) -> Path:
    """The folder of group ``own`` in a hierarchy whose ``root`` is mounted at ``mountpoint``."""
    relative = own[len(root):] if root != "/" and own.startswith(root) else own
    return Path(mountpoint) / relative.lstrip("/")


def plan(mountinfo: str, own_groups: str, name: str) -> Layout:
    """Where the workshop ``name`` would put its groups; raises CgroupUnavailable when nothing fits.

    cgroup v1 (used when it carries cpu and memory, as on hybrid systems): the parent sits below this
    process's own group in each hierarchy, so a container's or a session's limits still apply above it.
    cgroup v2: at the top of the tree, since v2 lets no process live in a group whose children have
    controllers; the controllers must already be on there (this command changes no system-wide setting).
    """
    mounts, own = parse_mountinfo(mountinfo), parse_own_groups(own_groups)
    v1 = [(root, point, controllers) for kind, root, point, controllers in mounts if kind == "cgroup" and controllers]
    if REQUIRED <= set().union(*(controllers for _, _, controllers in v1)):
        hierarchies, seen = [], set()
        for root, point, controllers in v1:
            if point in seen or not controllers:
                continue
            seen.add(point)
            first = sorted(controllers)[0]
            parent = _below(point, root, own.get(first, "/"))
            hierarchies.append(Hierarchy(str(parent / name), tuple(sorted(controllers))))
        return Layout(1, hierarchies)
    for kind, _root, point, _ in mounts:
        if kind != "cgroup2":
            continue
        top = Path(point)
        enabled = set(_read(top / "cgroup.subtree_control").split())
        if REQUIRED <= enabled:
            return Layout(2, [Hierarchy(str(top / name), tuple(c for c in V2_CONTROLLERS if c in enabled))])
        raise CgroupUnavailable(f"cgroup v2 ở {top} chưa bật bộ điều khiển cpu và memory cho nhóm con")
    raise CgroupUnavailable("máy không có cgroup cho CPU và bộ nhớ")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _write(path: Path, value: str) -> None:
    with open(path, "w", encoding="ascii") as handle:
        handle.write(value)


def why_not_here() -> str | None:
    """None when this process may make groups; otherwise why not, in Vietnamese."""
    if not sys.platform.startswith("linux"):
        return "máy không chạy Linux"
    if os.geteuid() != 0:
        return "không chạy với quyền quản trị (root)"
    return None


def setup(course_name: str) -> Layout:
    """Make the workshop's parent groups on this machine; raises CgroupUnavailable when it cannot."""
    problem = why_not_here()
    if problem:
        raise CgroupUnavailable(problem)
    layout = plan(_read(Path("/proc/self/mountinfo")), _read(Path("/proc/self/cgroup")), group_name(course_name))
    create_parents(layout)
    return layout


def create_parents(layout: Layout) -> None:
    """The per-workshop groups; v2 also hands its controllers down to the learners' groups."""
    made = []
    try:
        for hierarchy in layout.hierarchies:
            folder = Path(hierarchy.path)
            if not folder.is_dir():
                folder.mkdir()
                made.append(folder)
            if layout.version == 2:
                _write(folder / "cgroup.subtree_control", " ".join(f"+{c}" for c in hierarchy.controllers))
    except OSError as error:
        for folder in reversed(made):
            _remove_dir(folder)
        raise CgroupUnavailable(f"không ghi được vào cgroup: {_in_vietnamese(error)}") from error


def _in_vietnamese(error: OSError) -> str:
    reasons = {errno.EROFS: "hệ thống tệp cgroup chỉ đọc (thường gặp trong container)",
               errno.EACCES: "không có quyền ghi", errno.EPERM: "không có quyền ghi",
               errno.EBUSY: "nhóm đang có tiến trình", errno.ENOTDIR: "đường dẫn không phải thư mục cgroup",
               errno.ENOENT: "không thấy thư mục cgroup"}
    return f"{reasons.get(error.errno, error.strerror or str(error))} ({error.filename})"


def create_learner(layout: Layout, name: str, cpus: float | None, memory_bytes: int | None,
                   processes: int = PROCESS_LIMIT) -> list[str]:
    """Make (or update) a learner's group with its caps (0 or None: no cap); returns the files to join it by."""
    quota = max(1000, int(cpus * PERIOD_US)) if cpus else 0
    for hierarchy in layout.hierarchies:
        folder = hierarchy.group(name)
        folder.mkdir(exist_ok=True)
        if layout.version == 2:
            _write(folder / "cpu.max", f"{quota or 'max'} {PERIOD_US}")
            _write(folder / "memory.max", str(memory_bytes or "max"))
            if (folder / "memory.swap.max").exists():
                _write(folder / "memory.swap.max", "0")  # a learner over the cap is stopped, not swapped
            if "pids" in hierarchy.controllers:
                _write(folder / "pids.max", str(processes))
            continue
        if "cpu" in hierarchy.controllers:
            _write(folder / "cpu.cfs_period_us", str(PERIOD_US))
            _write(folder / "cpu.cfs_quota_us", str(quota or -1))
        if "memory" in hierarchy.controllers:
            _write_v1_memory(folder, memory_bytes or -1)
        if "pids" in hierarchy.controllers:
            _write(folder / "pids.max", str(processes))
    return layout.procs_files(name)


def _write_v1_memory(folder: Path, memory_bytes: int) -> None:
    """v1 wants memory+swap ≥ memory at every step: lift it, set memory, then hold memory+swap to it."""
    with_swap = folder / "memory.memsw.limit_in_bytes"
    if with_swap.exists():
        _write(with_swap, "-1")
    _write(folder / "memory.limit_in_bytes", str(memory_bytes))
    if with_swap.exists():
        _write(with_swap, str(memory_bytes))


def join(procs_files: list[str], pid: int = 0) -> None:
    """Put process ``pid`` (0: this one) into the groups; safe in a ``preexec_fn`` (no locks, no logging)."""
    value = str(pid or os.getpid()).encode()
    for path in procs_files:
        descriptor = os.open(path, os.O_WRONLY)
        try:
            os.write(descriptor, value)
        finally:
            os.close(descriptor)


def members(layout: Layout, name: str) -> set[int]:
    """The processes in a learner's group (read from the first hierarchy)."""
    folder = layout.learner_dirs(name)[0]
    return {int(pid) for pid in _read(folder / "cgroup.procs").split()}


def cpu_seconds(layout: Layout, name: str) -> float | None:
    """CPU time the learner's group has used: v2 ``cpu.stat``, v1 ``cpuacct.usage``; None when not counted."""
    for hierarchy in layout.hierarchies:
        folder = hierarchy.group(name)
        if layout.version == 2:
            stat = dict(line.split() for line in _read(folder / "cpu.stat").splitlines() if " " in line)
            return int(stat["usage_usec"]) / 1e6 if "usage_usec" in stat else None
        if "cpuacct" in hierarchy.controllers:
            return int(_read(folder / "cpuacct.usage") or 0) / 1e9
    return None


def remove(layout: Layout, timeout: float = 10.0) -> int:
    """Remove the workshop's groups once their processes have ended; returns how many groups went.

    Processes still inside after ``timeout`` (the hub ends the learners' processes first) are killed.
    """
    removed = 0
    for hierarchy in layout.hierarchies:
        parent = Path(hierarchy.path)
        children = [child for child in parent.iterdir() if child.is_dir()] if parent.is_dir() else []
        for child in children:
            removed += _remove_group(child, timeout)
        if parent.is_dir():
            removed += _remove_group(parent, timeout)
    return removed


def _remove_group(folder: Path, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while _read(folder / "cgroup.procs") and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in _read(folder / "cgroup.procs").split():
        try:
            os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
    while time.monotonic() < deadline + 5:
        if _remove_dir(folder):
            return 1
        time.sleep(0.2)
    return 0


def _remove_dir(folder: Path) -> bool:
    """rmdir a group (a cgroup folder goes with its control files inside); True when it is gone."""
    try:
        os.rmdir(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True
